#include "customers/customerspage.h"

#include "config/displaytimezone.h"
#include "kit/formstyle.h"
#include "models/customerlistmodel.h"
#include "storage/database.h"

#include "ui_customerspage.h"

#include <QHeaderView>
#include <QLocale>
#include <QPushButton>
#include <QTimer>
#include <QToolButton>

#include <algorithm>
#include <climits>

namespace madoguchi {

namespace {

// Search waits for a short pause in typing, so a fast typist is not slowed
// down by a query per key.
constexpr int kSearchDelayMs = 120;

} // namespace

CustomersPage::CustomersPage(const Database &database, const QString &phoneRegion, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::CustomersPage>())
{
    m_ui->setupUi(this);
    // Names, contacts, last contact and open tickets are in the list.
    connect(&database.changes(), &ChangeHub::changed, this, [this](const ChangeSet &changes) {
        if (changes.touchesAny({QStringLiteral("customers"), QStringLiteral("customer_contacts"),
                                QStringLiteral("organizations"), QStringLiteral("customer_merges"),
                                QStringLiteral("interactions"), QStringLiteral("tickets")}))
            m_model->refresh();
    });
    stylePageTitle(m_ui->titleLabel);

    m_model = new CustomerListModel(database, phoneRegion, displayTimeZone(database), this);
    m_ui->table->setModel(m_model);
    m_ui->table->verticalHeader()->hide();
    // Fixed row heights: the view never measures rows it does not show.
    m_ui->table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_ui->table->verticalHeader()->setDefaultSectionSize(m_ui->table->fontMetrics().height() + 10);
    QHeaderView *header = m_ui->table->horizontalHeader();
    header->setHighlightSections(false);
    header->setStretchLastSection(false);
    header->setSectionsClickable(true);
    header->setSortIndicatorShown(true);
    header->setSortIndicator(CustomerListModel::Reading, Qt::AscendingOrder);
    const int em = fontMetrics().horizontalAdvance(u'M');
    const QList<std::pair<int, int>> widths{{CustomerListModel::Name, 14},         {CustomerListModel::Reading, 14},
                                            {CustomerListModel::Organization, 16}, {CustomerListModel::Phone, 11},
                                            {CustomerListModel::Email, 20},        {CustomerListModel::LastContact, 13},
                                            {CustomerListModel::OpenTickets, 9}};
    for (const auto &[column, width] : widths)
        header->resizeSection(column, width * em);
    header->setSectionResizeMode(CustomerListModel::Email, QHeaderView::Stretch);
    connect(header, &QHeaderView::sortIndicatorChanged, this, [this](int column, Qt::SortOrder order) {
        m_model->sort(column, order);
        m_ui->orderCombo->setCurrentIndex(m_model->order() == CustomerListModel::Order::ByReading ? 0 : 1);
        updateStatus();
    });

    m_ui->orderCombo->addItem(tr("Reading (あいうえお)"));
    m_ui->orderCombo->addItem(tr("Last contact, newest first"));
    connect(m_ui->orderCombo, &QComboBox::activated, this, [this](int index) {
        if (index == 0)
            m_ui->table->horizontalHeader()->setSortIndicator(CustomerListModel::Reading, Qt::AscendingOrder);
        else
            m_ui->table->horizontalHeader()->setSortIndicator(CustomerListModel::LastContact, Qt::DescendingOrder);
    });

    m_searchDelay = new QTimer(this);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(kSearchDelayMs);
    connect(m_searchDelay, &QTimer::timeout, this, &CustomersPage::applySearch);
    connect(m_ui->searchEdit, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_ui->searchEdit, &QLineEdit::returnPressed, this, [this] {
        if (m_searchDelay->isActive()) {
            m_searchDelay->stop();
            applySearch();
        }
        if (m_model->rowCount() > 0) {
            m_ui->table->setFocus();
            m_ui->table->selectRow(0);
        }
    });
    connect(m_ui->table, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        emit customerActivated(index.data(CustomerListModel::CustomerIdRole).toUuid());
    });
    connect(m_model, &CustomerListModel::modelReset, this, &CustomersPage::updateStatus);
    connect(m_model, &CustomerListModel::rowsInserted, this, &CustomersPage::updateStatus);
    connect(m_model, &CustomerListModel::errorOccurred, m_ui->statusLabel, &QLabel::setText);

    connect(m_ui->newCustomerButton, &QPushButton::clicked, this, &CustomersPage::newCustomerRequested);
    // No import yet: the hint offers only what the window can do.
    m_ui->emptyHint->setText(
        tr("<p style=\"font-size: large\">No customers yet — <a href=\"new\">add one</a> or <a href=\"log\">log a "
           "call</a>.</p><p>A caller you log who is not on file is added with the call.</p>"));
    m_ui->emptyHint->setAccessibleName(tr("No customers yet"));
    m_ui->emptyHint->hide();
    m_ui->layout->setStretchFactor(m_ui->emptyHint, 1);
    m_ui->layout->setStretchFactor(m_ui->table, 1);
    connect(m_ui->emptyHint, &QLabel::linkActivated, this, [this](const QString &link) {
        if (link == u"new")
            emit newCustomerRequested();
        else if (link == u"log")
            emit logCallRequested();
    });

    buildIndexBar();
    updateStatus();
}

CustomersPage::~CustomersPage() = default;

void CustomersPage::buildIndexBar()
{
    // The rows of the kana table: jump to the readings that start there.
    const QList<std::pair<QString, QString>> initials{
        {tr("All"), QString()},
        {QStringLiteral("あ"), QStringLiteral("あ")},
        {QStringLiteral("か"), QStringLiteral("か")},
        {QStringLiteral("さ"), QStringLiteral("さ")},
        {QStringLiteral("た"), QStringLiteral("た")},
        {QStringLiteral("な"), QStringLiteral("な")},
        {QStringLiteral("は"), QStringLiteral("は")},
        {QStringLiteral("ま"), QStringLiteral("ま")},
        {QStringLiteral("や"), QStringLiteral("や")},
        {QStringLiteral("ら"), QStringLiteral("ら")},
        {QStringLiteral("わ"), QStringLiteral("わ")},
    };
    auto *layout = static_cast<QHBoxLayout *>(m_ui->indexBar->layout());
    for (const auto &[label, prefix] : initials) {
        auto *button = new QToolButton(m_ui->indexBar);
        button->setText(label);
        button->setAutoRaise(true);
        button->setToolTip(prefix.isEmpty() ? tr("Show the list from the beginning")
                                            : tr("Jump to readings starting with %1").arg(prefix));
        button->setAccessibleName(button->toolTip());
        button->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("あ")) * 2);
        connect(button, &QToolButton::clicked, this, [this, p = prefix] {
            m_ui->searchEdit->clear();
            m_searchDelay->stop();
            m_ui->table->horizontalHeader()->blockSignals(true);
            m_ui->table->horizontalHeader()->setSortIndicator(CustomerListModel::Reading, Qt::AscendingOrder);
            m_ui->table->horizontalHeader()->blockSignals(false);
            m_ui->orderCombo->setCurrentIndex(0);
            m_model->jumpTo(p);
            m_ui->table->scrollToTop();
        });
        layout->addWidget(button);
    }
    layout->addStretch();
}

void CustomersPage::applySearch()
{
    m_model->setSearchText(m_ui->searchEdit->text());
    m_ui->indexBar->setEnabled(m_model->searchText().isEmpty());
    m_ui->table->scrollToTop();
}

void CustomersPage::focusSearch()
{
    m_ui->searchEdit->setFocus(Qt::ShortcutFocusReason);
    m_ui->searchEdit->selectAll();
}

void CustomersPage::setCustomerCount(qint64 count)
{
    m_customerCount = count;
    m_ui->countLabel->setText(tr("%Ln customer(s)", nullptr, int(std::min<qint64>(count, INT_MAX))));
    updateStatus();
}

void CustomersPage::updateStatus()
{
    const int rows = m_model->rowCount();
    // The count can lag behind the list (it is read in the background): a
    // customer just added shows in the list first.
    const bool empty = m_customerCount == 0 && rows == 0 && m_model->searchText().isEmpty();
    m_ui->emptyHint->setVisible(empty);
    m_ui->table->setVisible(!empty);
    m_ui->indexBar->setVisible(!empty);
    if (!m_model->lastError().isEmpty())
        return;
    if (!m_model->searchText().isEmpty())
        m_ui->statusLabel->setText(rows == 0 ? tr("No customer matches “%1”.").arg(m_model->searchText())
                                             : tr("%n match(es), best first", nullptr, rows));
    else if (m_model->canFetchMore({}))
        m_ui->statusLabel->setText(tr("Showing the first %n customer(s); scroll for more.", nullptr, rows));
    else
        m_ui->statusLabel->setText(empty ? QString() : tr("%n customer(s)", nullptr, rows));
}

} // namespace madoguchi
