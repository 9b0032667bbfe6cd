#include "tickets/ticketspage.h"

#include "common/timeformat.h"
#include "config/displaytimezone.h"
#include "kit/formstyle.h"
#include "models/ticketqueuemodel.h"
#include "repositories/directoryrepository.h"
#include "services/ticketservice.h"
#include "storage/backgroundwork.h"
#include "storage/database.h"
#include "tickets/slabadge.h"
#include "tickets/ticketactions.h"

#include "ui_ticketspage.h"

#include <QHeaderView>
#include <QInputDialog>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QScopedValueRollback>
#include <QStyledItemDelegate>
#include <QTimer>

namespace madoguchi {

namespace {

constexpr int kSearchDelayMs = 200;
constexpr int kClockTickMs = 30'000;

enum ItemRole {
    QueueRole = Qt::UserRole + 1,
    SavedFilterRole,
    CountRole
};

// A queue with its count, right-aligned and muted.
class QueueItemDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        const QVariant count = index.data(CountRole);
        const bool header = !(index.flags() & Qt::ItemIsSelectable);
        if (header) {
            opt.font.setBold(true);
            opt.font.setPointSizeF(opt.font.pointSizeF() * 0.9);
            opt.palette.setColor(QPalette::Text, opt.palette.color(QPalette::PlaceholderText));
        }
        if (count.isValid())
            opt.rect.setRight(opt.rect.right() - 52);
        QStyledItemDelegate::paint(painter, opt, index);
        if (!count.isValid())
            return;
        const bool selected = option.state & QStyle::State_Selected;
        painter->save();
        QFont font = option.font;
        font.setBold(index.data(QueueRole).toInt() == int(Queue::BreachingSoon) && count.toInt() > 0);
        painter->setFont(font);
        painter->setPen(selected ? option.palette.color(QPalette::HighlightedText)
                                 : option.palette.color(QPalette::PlaceholderText));
        const QRect area(option.rect.right() - 56, option.rect.top(), 48, option.rect.height());
        painter->drawText(area, Qt::AlignRight | Qt::AlignVCenter, QLocale().toString(count.toInt()));
        painter->restore();
    }
};

// What a queue lists, for its empty state.
QString queueDescription(Queue queue)
{
    switch (queue) {
    case Queue::Mine: return TicketsPage::tr("Tickets assigned to you that are not solved appear here.");
    case Queue::Unassigned: return TicketsPage::tr("Tickets that are not solved and have nobody assigned appear here.");
    case Queue::BreachingSoon:
        return TicketsPage::tr(
            "Tickets whose service-level target falls due within two hours, or is already overdue, appear here.");
    case Queue::Escalated:
        return TicketsPage::tr("Escalated tickets assigned to you or your team appear here until they are solved.");
    case Queue::Waiting:
        return TicketsPage::tr("Tickets waiting for the customer or someone else (pending or on hold) appear here.");
    case Queue::RecentlySolved: return TicketsPage::tr("Tickets solved in the last seven days appear here.");
    case Queue::All: return TicketsPage::tr("Every ticket appears here, open or closed.");
    }
    return {};
}

} // namespace

TicketsPage::TicketsPage(const Database &database, QWidget *parent)
    : QWidget(parent)
    , m_database(database)
    , m_ui(std::make_unique<Ui::TicketsPage>())
{
    m_ui->setupUi(this);
    m_counting = new BackgroundWork(this);
    // The queues show tickets with their customers' and agents' names.
    connect(&database.changes(), &ChangeHub::changed, this, [this](const ChangeSet &changes) {
        const bool shown = changes.touchesAny({QStringLiteral("tickets"), QStringLiteral("ticket_events"),
                                               QStringLiteral("customers"), QStringLiteral("agents"),
                                               QStringLiteral("teams")});
        if (!shown)
            return;
        const QScopedValueRollback keep(m_keepStatus, true);
        refresh();
    });
    stylePageTitle(m_ui->titleLabel);
    m_context.now = QDateTime::currentDateTimeUtc();

    m_model = new TicketQueueModel(database, displayTimeZone(database), this);
    m_ui->table->setModel(m_model);
    m_ui->table->setItemDelegateForColumn(TicketQueueModel::Sla, new SlaBadgeDelegate(m_ui->table));
    m_ui->table->verticalHeader()->hide();
    m_ui->table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_ui->table->verticalHeader()->setDefaultSectionSize(m_ui->table->fontMetrics().height() + 12);
    QHeaderView *header = m_ui->table->horizontalHeader();
    header->setHighlightSections(false);
    header->setSectionsClickable(true);
    header->setSortIndicatorShown(true);
    header->setSortIndicator(TicketQueueModel::Sla, Qt::AscendingOrder);
    const int em = fontMetrics().horizontalAdvance(u'M');
    const QList<std::pair<int, int>> widths{{TicketQueueModel::Number, 8},         {TicketQueueModel::Subject, 22},
                                            {TicketQueueModel::Customer, 10},      {TicketQueueModel::Status, 6},
                                            {TicketQueueModel::PriorityColumn, 6}, {TicketQueueModel::Assignee, 9},
                                            {TicketQueueModel::Sla, 16},           {TicketQueueModel::Updated, 6}};
    for (const auto &[column, width] : widths)
        header->resizeSection(column, width * em);
    // Dates are "12月31日" or "31 Dec" at the widest.
    header->resizeSection(TicketQueueModel::Updated,
                          std::max(6 * em, fontMetrics().horizontalAdvance(
                                               compactDateTime(QDateTime(QDate(2025, 12, 31), QTime(9, 0)),
                                                               QTimeZone::utc(), QDateTime::currentDateTimeUtc()))
                                               + em));
    header->setSectionResizeMode(TicketQueueModel::Subject, QHeaderView::Stretch);
    connect(header, &QHeaderView::sortIndicatorChanged, this, [this](int column, Qt::SortOrder order) {
        m_model->sort(column, order);
        m_ui->orderCombo->setCurrentIndex(int(m_model->order()));
    });
    connect(m_ui->table, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        emit ticketActivated(index.data(TicketQueueModel::TicketIdRole).toUuid());
    });
    connect(m_ui->table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &TicketsPage::selectionChanged);
    connect(m_model, &QAbstractItemModel::modelReset, this, &TicketsPage::updateTitle);
    connect(m_model, &TicketQueueModel::errorOccurred, m_ui->statusLabel, &QLabel::setText);
    connect(m_ui->newTicketButton, &QPushButton::clicked, this, &TicketsPage::newTicketRequested);
    m_ui->emptyHint->hide();
    m_ui->layout->setStretchFactor(m_ui->emptyHint, 1);
    m_ui->layout->setStretchFactor(m_ui->table, 1);
    connect(m_ui->emptyHint, &QLabel::linkActivated, this, [this](const QString &link) {
        if (link == u"new")
            emit newTicketRequested();
        else if (link == u"clear")
            clearFilterBar();
    });
    m_ui->backButton->hide();
    connect(m_ui->backButton, &QToolButton::clicked, this, &TicketsPage::backToDashboardRequested);

    buildQueueList();
    buildFilterBar();
    buildBulkBar();

    // SLA badges count down; the counts follow other agents' work.
    m_clock = new QTimer(this);
    m_clock->setInterval(kClockTickMs);
    connect(m_clock, &QTimer::timeout, this, [this] {
        m_context.now = QDateTime::currentDateTimeUtc();
        m_model->setNow(m_context.now);
        refreshCounts();
    });
    m_clock->start();

    showQueue(Queue::Mine);
    refreshCounts();
}

TicketsPage::~TicketsPage() = default; // m_counting waits for its worker

void TicketsPage::buildQueueList()
{
    m_ui->queueList->setItemDelegate(new QueueItemDelegate(m_ui->queueList));
    m_ui->queueList->setStyleSheet(QStringLiteral(
        "QListWidget { background: palette(base); padding: 10px 6px; border-right: 1px solid palette(mid); outline: 0; }"
        "QListWidget::item { padding: 6px 8px; border-radius: 6px; }"
        "QListWidget::item:selected { background: palette(highlight); color: palette(highlighted-text); }"));
    int widest = 0;
    for (int q = 0; q < kQueueCount; ++q) {
        auto *item = new QListWidgetItem(queueName(Queue(q)), m_ui->queueList);
        item->setData(QueueRole, q);
        item->setToolTip(item->text());
        item->setSizeHint(QSize(200, 32));
        widest = std::max(widest, m_ui->queueList->fontMetrics().horizontalAdvance(item->text()));
    }
    // Room for the longest name in this language and a count beside it.
    m_ui->queueList->setFixedWidth(std::clamp(widest + 80, 220, 250));
    m_ui->queueList->setTextElideMode(Qt::ElideRight);
    reloadSavedFilters();
    connect(m_ui->queueList, &QListWidget::itemClicked, this, &TicketsPage::queueChosen);
    connect(m_ui->queueList, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (item)
            queueChosen(item);
    });
    connect(m_ui->queueList, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        QListWidgetItem *item = m_ui->queueList->itemAt(pos);
        if (!item || !item->data(SavedFilterRole).isValid())
            return;
        QMenu menu;
        menu.addAction(tr("Delete Saved Filter"), this, [this, id = item->data(SavedFilterRole).toLongLong()] {
            if (auto r = deleteFilter(m_database.connection(), id); !r)
                QMessageBox::warning(this, tr("Cannot delete the filter"), r.error().message);
            reloadSavedFilters();
            showQueue(Queue::Mine);
        });
        menu.exec(m_ui->queueList->viewport()->mapToGlobal(pos));
    });
}

void TicketsPage::reloadSavedFilters()
{
    const QSignalBlocker block(m_ui->queueList);
    while (m_ui->queueList->count() > kQueueCount)
        delete m_ui->queueList->takeItem(kQueueCount);
    const auto saved = savedFilters(m_database.connection());
    if (!saved || saved->isEmpty())
        return;
    auto *title = new QListWidgetItem(tr("SAVED FILTERS"), m_ui->queueList);
    title->setFlags(Qt::NoItemFlags);
    title->setSizeHint(QSize(200, 34));
    for (const SavedFilter &f : saved.value()) {
        auto *item = new QListWidgetItem(f.name, m_ui->queueList);
        item->setData(SavedFilterRole, f.id);
        item->setData(Qt::UserRole, f.filter.toJson());
        item->setToolTip(tr("Based on: %1").arg(queueName(f.filter.queue)));
        item->setSizeHint(QSize(200, 32));
    }
}

void TicketsPage::buildFilterBar()
{
    letFiltersShrink(m_ui->filterBar);
    m_ui->priorityCombo->addItem(tr("Any priority"));
    for (Priority p : {Priority::Urgent, Priority::High, Priority::Normal, Priority::Low})
        m_ui->priorityCombo->addItem(displayName(p), int(p));
    m_ui->statusCombo->addItem(tr("Any status"));
    for (TicketStatus s : {TicketStatus::New, TicketStatus::Open, TicketStatus::Pending, TicketStatus::OnHold,
                           TicketStatus::Solved, TicketStatus::Closed})
        m_ui->statusCombo->addItem(displayName(s), int(s));
    m_ui->orderCombo->addItem(tr("SLA due, soonest first"));
    m_ui->orderCombo->addItem(tr("Priority, then SLA due"));
    m_ui->orderCombo->addItem(tr("Last updated, newest first"));
    // The bar must fit beside the queues in every language: combos size to a
    // few characters and show the rest in their pop-ups.
    for (QComboBox *combo : {m_ui->priorityCombo, m_ui->statusCombo, m_ui->orderCombo}) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(combo == m_ui->orderCombo ? 12 : 8);
    }
    connect(m_ui->orderCombo, &QComboBox::activated, this, [this](int index) {
        static constexpr std::array<int, 3> columns{TicketQueueModel::Sla, TicketQueueModel::PriorityColumn,
                                                    TicketQueueModel::Updated};
        m_ui->table->horizontalHeader()->setSortIndicator(columns[std::size_t(index)],
                                                          index == 2 ? Qt::DescendingOrder : Qt::AscendingOrder);
    });
    connect(m_ui->priorityCombo, &QComboBox::activated, this, &TicketsPage::applyFilter);
    connect(m_ui->statusCombo, &QComboBox::activated, this, &TicketsPage::applyFilter);
    m_searchDelay = new QTimer(this);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(kSearchDelayMs);
    connect(m_searchDelay, &QTimer::timeout, this, &TicketsPage::applyFilter);
    connect(m_ui->searchEdit, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_ui->saveFilterButton, &QPushButton::clicked, this, &TicketsPage::saveCurrentFilter);
}

void TicketsPage::buildBulkBar()
{
    m_ui->bulkBar->hide();
    m_ui->bulkBar->setStyleSheet(
        QStringLiteral("QFrame#bulkBar { background: palette(alternate-base); border-radius: 6px; }"));

    auto *assign = new QMenu(m_ui->assignButton);
    connect(assign, &QMenu::aboutToShow, this, [this, assign] {
        assign->clear();
        assign->addAction(tr("Assign to Me"), this, [this] { assignSelected(m_context.agent, m_context.team); })
            ->setEnabled(!m_context.agent.isNull());
        assign->addAction(tr("Unassign"), this, [this] { assignSelected({}, {}); });
        assign->addSeparator();
        addTeamAgentMenus(
            assign, m_database.connection(), this,
            [this](const QUuid &agent, const QUuid &team) { assignSelected(agent, team); },
            tr("The Team (Nobody in It Yet)"));
    });
    m_ui->assignButton->setMenu(assign);

    auto *status = new QMenu(m_ui->statusButton);
    for (TicketStatus s :
         {TicketStatus::Open, TicketStatus::Pending, TicketStatus::OnHold, TicketStatus::Solved, TicketStatus::Closed})
        status->addAction(statusActionText(s), this, [this, s] { setStatusOfSelected(s); });
    m_ui->statusButton->setMenu(status);

    auto *priority = new QMenu(m_ui->priorityButton);
    for (Priority p : {Priority::Urgent, Priority::High, Priority::Normal, Priority::Low})
        priority->addAction(displayName(p), this, [this, p] { setPriorityOfSelected(p); });
    m_ui->priorityButton->setMenu(priority);

    connect(m_ui->tagButton, &QToolButton::clicked, this, [this] {
        bool ok = false;
        const QString tag = QInputDialog::getText(this, tr("Add Tag"), tr("Tag for the selected tickets:"),
                                                  QLineEdit::Normal, {}, &ok);
        if (ok && !tag.trimmed().isEmpty())
            addTagToSelected(tag);
    });
}

void TicketsPage::queueChosen(QListWidgetItem *item)
{
    if (!item || !(item->flags() & Qt::ItemIsSelectable))
        return;
    TicketFilter filter;
    if (item->data(SavedFilterRole).isValid())
        filter = TicketFilter::fromJson(item->data(Qt::UserRole).toJsonObject());
    else
        filter.queue = Queue(item->data(QueueRole).toInt());
    m_base = filter;
    // A saved filter brings its own choices back into the bar.
    const QSignalBlocker a(m_ui->priorityCombo), b(m_ui->statusCombo), c(m_ui->searchEdit);
    m_ui->priorityCombo->setCurrentIndex(
        filter.priorities.size() == 1 ? m_ui->priorityCombo->findData(int(filter.priorities.first())) : 0);
    m_ui->statusCombo->setCurrentIndex(
        filter.statuses.size() == 1 ? m_ui->statusCombo->findData(int(filter.statuses.first())) : 0);
    m_ui->searchEdit->setText(filter.text);
    applyFilter();
}

TicketFilter TicketsPage::currentFilter() const
{
    TicketFilter f = m_base;
    f.priorities.clear();
    f.statuses.clear();
    if (const QVariant p = m_ui->priorityCombo->currentData(); p.isValid())
        f.priorities = {Priority(p.toInt())};
    if (const QVariant s = m_ui->statusCombo->currentData(); s.isValid())
        f.statuses = {TicketStatus(s.toInt())};
    f.text = m_ui->searchEdit->text().trimmed();
    return f;
}

void TicketsPage::applyFilter()
{
    m_searchDelay->stop();
    const TicketFilter filter = currentFilter();
    m_model->setFilter(filter);
    // In my own queue every row is mine: the column would only repeat my name.
    m_ui->table->setColumnHidden(TicketQueueModel::Assignee, filter.queue == Queue::Mine && filter.assignee.isNull());
    updateTitle();
}

void TicketsPage::showSubset(const TicketFilter &filter)
{
    {
        const QSignalBlocker block(m_ui->queueList);
        m_ui->queueList->setCurrentRow(-1);
        m_ui->queueList->clearSelection();
    }
    m_base = filter;
    const QSignalBlocker a(m_ui->priorityCombo), b(m_ui->statusCombo), c(m_ui->searchEdit);
    m_ui->priorityCombo->setCurrentIndex(
        filter.priorities.size() == 1 ? m_ui->priorityCombo->findData(int(filter.priorities.first())) : 0);
    m_ui->statusCombo->setCurrentIndex(0);
    m_ui->searchEdit->clear();
    applyFilter();
}

void TicketsPage::showQueue(Queue queue)
{
    m_ui->queueList->setCurrentRow(int(queue));
    queueChosen(m_ui->queueList->item(int(queue)));
}

void TicketsPage::setAgent(const QUuid &agent, const QUuid &team)
{
    m_context.agent = agent;
    m_context.team = team;
    m_context.now = QDateTime::currentDateTimeUtc();
    m_model->setContext(m_context);
    refreshCounts();
}

void TicketsPage::refresh()
{
    m_context.now = QDateTime::currentDateTimeUtc();
    m_model->setContext(m_context);
    m_model->refresh();
    refreshCounts();
}

void TicketsPage::updateTitle()
{
    const TicketFilter f = m_model->filter();
    const QListWidgetItem *item = m_ui->queueList->currentItem();
    const QString title = f.subset ? f.subset->title : item ? item->text() : queueName(f.queue);
    // A dashboard subset's title can be long: elided, in full on hover.
    m_ui->titleLabel->setText(m_ui->titleLabel->fontMetrics().elidedText(title, Qt::ElideRight, 560));
    m_ui->titleLabel->setToolTip(title);
    m_ui->backButton->setVisible(f.subset.has_value());
    // A subset is the dashboard's, not something to save under a name.
    m_ui->saveFilterButton->setEnabled(!f.subset);
    m_ui->countLabel->setText(tr("%n ticket(s)", nullptr, m_model->rowCount()));
    // A refresh for a change keeps what the page last said ("3 tickets
    // changed."); another queue or filter clears it.
    if (!m_keepStatus || !m_model->lastError().isEmpty())
        m_ui->statusLabel->setText(m_model->lastError());
    selectionChanged();
    updateEmptyHint();
}

bool TicketsPage::filterBarNarrows() const
{
    return m_ui->priorityCombo->currentIndex() > 0 || m_ui->statusCombo->currentIndex() > 0
           || !m_ui->searchEdit->text().trimmed().isEmpty();
}

void TicketsPage::clearFilterBar()
{
    {
        const QSignalBlocker a(m_ui->priorityCombo), b(m_ui->statusCombo), c(m_ui->searchEdit);
        m_ui->priorityCombo->setCurrentIndex(0);
        m_ui->statusCombo->setCurrentIndex(0);
        m_ui->searchEdit->clear();
    }
    applyFilter();
}

void TicketsPage::updateEmptyHint()
{
    const TicketFilter f = m_model->filter();
    const bool empty = m_model->rowCount() == 0 && m_model->lastError().isEmpty();
    m_ui->emptyHint->setVisible(empty);
    m_ui->table->setVisible(!empty);
    if (!empty)
        return;
    // The count of every ticket comes from the background; until it does,
    // the database is taken to have some.
    const bool noTickets = m_counts.size() > int(Queue::All) && m_counts.at(int(Queue::All)) == 0;
    const QListWidgetItem *item = m_ui->queueList->currentItem();
    const bool saved = item && item->data(SavedFilterRole).isValid();
    QString what = saved ? tr("Tickets that match the saved filter “%1” appear here.").arg(item->text())
                         : queueDescription(f.queue);
    QString hint;
    QString name;
    if (noTickets) {
        hint = tr("<p style=\"font-size: large\">No tickets yet — <a href=\"new\">create one</a>.</p><p>%1 A call you "
                  "log can open a ticket too.</p>");
        name = tr("No tickets yet");
    } else if (f.subset) {
        hint = tr("<p style=\"font-size: large\">No tickets behind this figure.</p>");
        what.clear();
        name = tr("No tickets behind this figure");
    } else if (filterBarNarrows()) {
        hint = tr("<p style=\"font-size: large\">No ticket here matches your search or filter — <a "
                  "href=\"clear\">show them all</a>.</p><p>%1</p>");
        name = tr("No ticket matches your search or filter");
    } else if (!saved && (f.queue == Queue::Mine || f.queue == Queue::Unassigned || f.queue == Queue::All)) {
        hint = tr("<p style=\"font-size: large\">Nothing here right now — <a href=\"new\">create a "
                  "ticket</a>.</p><p>%1</p>");
        name = tr("Nothing here right now");
    } else {
        // A new ticket would not land here (breaching, escalated, waiting,
        // solved, a saved filter): nothing to offer but the news.
        hint = tr("<p style=\"font-size: large\">Nothing here right now.</p><p>%1</p>");
        name = tr("Nothing here right now");
    }
    m_ui->emptyHint->setText(what.isEmpty() ? hint : hint.arg(what.toHtmlEscaped()));
    m_ui->emptyHint->setAccessibleName(name);
}

void TicketsPage::refreshCounts()
{
    // Counting runs on its own connection off the UI thread; a request that
    // arrives meanwhile is served when the running one ends.
    if (m_counting->isBusy()) {
        m_countsStale = true;
        return;
    }
    const QueueContext context = m_context;
    m_counting->read(
        &m_database, [context](QSqlDatabase db) { return queueCounts(db, context); },
        [this](Result<QList<int>> counts) {
            if (counts)
                applyCounts(counts.value());
            if (std::exchange(m_countsStale, false))
                refreshCounts();
        });
}

void TicketsPage::applyCounts(const QList<int> &counts)
{
    m_counts = counts;
    for (int q = 0; q < std::min<int>(kQueueCount, int(counts.size())); ++q)
        m_ui->queueList->item(q)->setData(CountRole, counts.at(q));
    updateEmptyHint();
    emit countsChanged();
}

void TicketsPage::saveCurrentFilter()
{
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Save Filter"), tr("Name of the filter:"), QLineEdit::Normal,
                                               {}, &ok);
    if (!ok)
        return;
    if (QString error = saveCurrentFilterAs(name); !error.isEmpty())
        QMessageBox::warning(this, tr("Cannot save the filter"), error);
}

QString TicketsPage::saveCurrentFilterAs(const QString &name)
{
    const auto saved = saveFilter(m_database.connection(), name, currentFilter());
    if (!saved)
        return saved.error().message;
    reloadSavedFilters();
    for (int i = 0; i < m_ui->queueList->count(); ++i) {
        if (m_ui->queueList->item(i)->data(SavedFilterRole).toLongLong() == saved.value())
            m_ui->queueList->setCurrentRow(i);
    }
    return {};
}

QList<QUuid> TicketsPage::selectedTickets() const
{
    QList<QUuid> out;
    for (const QModelIndex &index : m_ui->table->selectionModel()->selectedRows())
        out << index.data(TicketQueueModel::TicketIdRole).toUuid();
    return out;
}

void TicketsPage::selectionChanged()
{
    const int n = int(m_ui->table->selectionModel()->selectedRows().size());
    m_ui->bulkBar->setVisible(n > 1);
    m_ui->selectionLabel->setText(tr("%n ticket(s) selected", nullptr, n));
}

void TicketsPage::runBulk(const QString &what, const std::function<Result<void>(const QUuid &)> &change)
{
    const QList<QUuid> ids = selectedTickets();
    if (ids.isEmpty())
        return;
    TicketService service(m_database.connection(), m_context.agent);
    const auto outcome = service.forEach(ids, change);
    if (!outcome) {
        QMessageBox::warning(this, tr("Nothing was changed"), outcome.error().message);
        return;
    }
    m_ui->statusLabel->setText(tr("%1: %n ticket(s) changed.", nullptr, outcome->changed).arg(what));
    if (!outcome->skipped.isEmpty()) {
        // Not modal: the agent can keep the list of what was skipped open while working.
        auto *box = new QMessageBox(QMessageBox::Information, what,
                                    tr("%n ticket(s) changed.", nullptr, outcome->changed) + u' '
                                        + tr("%n ticket(s) left as they were:", nullptr, int(outcome->skipped.size())),
                                    QMessageBox::Ok, this);
        box->setObjectName(QStringLiteral("bulkOutcome"));
        box->setDetailedText(outcome->skipped.join(u'\n'));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
}

void TicketsPage::assignSelected(const QUuid &agent, const QUuid &team)
{
    TicketService service(m_database.connection(), m_context.agent);
    runBulk(tr("Assign"), [&](const QUuid &id) { return service.assign(id, agent, team); });
}

void TicketsPage::setStatusOfSelected(TicketStatus status)
{
    TicketService service(m_database.connection(), m_context.agent);
    runBulk(tr("Change status"), [&](const QUuid &id) { return service.changeStatus(id, status); });
}

void TicketsPage::setPriorityOfSelected(Priority priority)
{
    TicketService service(m_database.connection(), m_context.agent);
    runBulk(tr("Change priority"), [&](const QUuid &id) { return service.setPriority(id, priority); });
}

void TicketsPage::addTagToSelected(const QString &tag)
{
    TicketService service(m_database.connection(), m_context.agent);
    runBulk(tr("Add tag"), [&](const QUuid &id) { return service.addTag(id, tag); });
}

} // namespace madoguchi
