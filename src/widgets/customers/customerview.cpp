#include "customers/customerview.h"

#include "common/timeformat.h"
#include "config/displaytimezone.h"
#include "customers/customerform.h"
#include "kit/formstyle.h"
#include "models/customertimelinemodel.h"
#include "repositories/customerrepository.h"
#include "repositories/directoryrepository.h"
#include "services/customerprofiles.h"
#include "storage/database.h"

#include "ui_customerview.h"

#include <QDesktopServices>
#include <QKeyEvent>
#include <QPainter>
#include <QShortcut>
#include <QStyledItemDelegate>
#include <QUrl>

namespace madoguchi {

namespace {

// Two lines per history entry: when and what, then the notes, dimmed.
class TimelineDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        opt.text.clear();
        opt.widget->style()->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);
        const QRect r = option.rect.adjusted(8, 4, -8, -4);
        const bool selected = option.state & QStyle::State_Selected;
        const QPalette::ColorGroup group = option.state & QStyle::State_Enabled ? QPalette::Normal : QPalette::Disabled;
        const QColor text = option.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
        QColor dim = text;
        dim.setAlphaF(0.65);
        const bool ticketEvent = index.data(CustomerTimelineModel::KindRole).toInt()
                                 != int(CustomerTimelineModel::Kind::Interaction);
        const QString when = index.data(CustomerTimelineModel::WhenRole).toString();
        QFont bold = option.font;
        bold.setBold(!ticketEvent);
        const QFontMetrics fm(option.font);
        painter->save();
        painter->setPen(dim);
        painter->setFont(option.font);
        const int whenWidth = fm.horizontalAdvance(when) + 12;
        painter->drawText(QRect(r.left(), r.top(), whenWidth, fm.height()), Qt::AlignLeft | Qt::AlignVCenter, when);
        painter->setPen(ticketEvent ? dim : text);
        painter->setFont(bold);
        const QRect titleRect(r.left() + whenWidth, r.top(), r.width() - whenWidth, fm.height());
        painter->drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter,
                          QFontMetrics(bold).elidedText(index.data(CustomerTimelineModel::TitleRole).toString(),
                                                        Qt::ElideRight, titleRect.width()));
        const QString detail = index.data(CustomerTimelineModel::DetailRole).toString().simplified();
        if (!detail.isEmpty()) {
            painter->setPen(dim);
            painter->setFont(option.font);
            const QRect detailRect(r.left() + whenWidth, r.top() + fm.height() + 2, r.width() - whenWidth, fm.height());
            painter->drawText(detailRect, Qt::AlignLeft | Qt::AlignVCenter,
                              fm.elidedText(detail, Qt::ElideRight, detailRect.width()));
        }
        painter->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const override
    {
        return {200, 2 * QFontMetrics(option.font).height() + 12};
    }
};

} // namespace

CustomerView::CustomerView(const Database &database, QString phoneRegion, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::CustomerView>())
    , m_database(database)
    , m_region(std::move(phoneRegion))
    , m_timeZone(displayTimeZone(database))
{
    m_ui->setupUi(this);
    // The customer's history: their calls, tickets and surveys; the
    // customer's own fields too, unless the agent is editing them.
    connect(&database.changes(), &ChangeHub::changed, this, [this](const ChangeSet &changes) {
        if (m_customer.id.isNull())
            return;
        if (changes.touchesRow(QStringLiteral("customers"), m_customer.id)
            || changes.touches(QStringLiteral("customer_contacts")))
            reloadCustomer();
        if (changes.touchesAny({QStringLiteral("customers"), QStringLiteral("customer_contacts"),
                                QStringLiteral("interactions"), QStringLiteral("tickets"),
                                QStringLiteral("csat_responses"), QStringLiteral("customer_merges")}))
            refreshHistory();
    });
    stylePageTitle(m_ui->nameLabel);
    m_ui->layout->setStretchFactor(m_ui->splitter, 1);
    m_ui->splitter->setStretchFactor(0, 2);
    m_ui->splitter->setStretchFactor(1, 3);
    m_ui->profileForm->setDatabase(database, m_region);
    m_ui->newTicketButton->setToolTip(tr("Open a ticket for this customer (Ctrl+N)"));
    connect(m_ui->newTicketButton, &QPushButton::clicked, this, [this] { emit newTicketRequested(m_customer.id); });

    m_timeline = new CustomerTimelineModel(database, m_timeZone, this);
    m_ui->timeline->setModel(m_timeline);
    m_ui->timeline->setItemDelegate(new TimelineDelegate(m_ui->timeline));
    m_ui->timeline->setUniformItemSizes(true);
    m_ui->channelFilter->addItem(tr("Everything"), QString());
    for (const QString &key : allKeys<Channel>())
        m_ui->channelFilter->addItem(displayName(*fromKey<Channel>(key)), key);
    connect(m_ui->channelFilter, &QComboBox::currentIndexChanged, this, [this] {
        const auto channel = fromKey<Channel>(m_ui->channelFilter->currentData().toString());
        m_timeline->setChannelFilter(channel);
    });

    connect(m_ui->backButton, &QPushButton::clicked, this, &CustomerView::backRequested);
    connect(m_ui->logCallButton, &QPushButton::clicked, this,
            [this] { emit logRequested(Channel::Phone, m_customer.id); });
    connect(m_ui->logOtherButton, &QPushButton::clicked, this,
            [this] { emit logRequested(Channel::Email, m_customer.id); });
    connect(m_ui->callButton, &QPushButton::clicked, this, [this] {
        if (!m_customer.phones().isEmpty())
            QDesktopServices::openUrl(QUrl(m_customer.phones().constFirst().telUri()));
    });
    connect(m_ui->mailButton, &QPushButton::clicked, this, [this] {
        if (!m_customer.emails().isEmpty())
            QDesktopServices::openUrl(QUrl(m_customer.emails().constFirst().mailtoUri()));
    });
    connect(m_ui->saveButton, &QPushButton::clicked, this, &CustomerView::save);
    connect(m_ui->revertButton, &QPushButton::clicked, this, &CustomerView::revert);
    auto *saveShortcut = new QShortcut(QKeySequence::Save, this, nullptr, nullptr, Qt::WidgetWithChildrenShortcut);
    connect(saveShortcut, &QShortcut::activated, this, &CustomerView::save);
}

CustomerView::~CustomerView() = default;

void CustomerView::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape || (event->key() == Qt::Key_Left && event->modifiers() == Qt::AltModifier)) {
        emit backRequested();
        return;
    }
    QWidget::keyPressEvent(event);
}

void CustomerView::showCustomer(const QUuid &customerId)
{
    if (const auto read = readCustomer(customerId); !read) {
        m_ui->profileForm->showError(read.error().message);
        return;
    }
    fillForm();
    m_timeline->setCustomer(customerId);
    m_ui->timeline->scrollToTop();
}

Result<void> CustomerView::readCustomer(const QUuid &customerId)
{
    const auto customer = CustomerRepository(m_database.connection()).get(customerId);
    if (!customer)
        return customer.error();
    m_customer = customer.value();
    m_organization.clear();
    if (!m_customer.organizationId.isNull()) {
        if (const auto org = DirectoryRepository(m_database.connection()).organization(m_customer.organizationId))
            m_organization = org->name;
    }
    return {};
}

void CustomerView::reloadCustomer()
{
    // The agent's edits stay (saving them merges field by field); a
    // customer gone meanwhile (merged, removed) leaves the history to say so.
    if (!hasUnsavedChanges() && readCustomer(m_customer.id))
        fillForm();
}

void CustomerView::setTimeZone(const QTimeZone &zone)
{
    m_timeZone = zone;
    m_timeline->setTimeZone(zone);
    if (!m_customer.id.isNull())
        updateHeader();
}

void CustomerView::refreshHistory()
{
    m_timeline->refresh();
    updateHeader();
}

void CustomerView::updateHeader()
{
    m_ui->nameLabel->setText(m_customer.name);
    m_ui->readingLabel->setText(m_customer.nameReading);
    const bool special = m_customer.tier != CustomerTier::Standard;
    m_ui->tierBadge->setVisible(special);
    m_ui->tierBadge->setText(displayName(m_customer.tier));
    m_ui->tierBadge->setStyleSheet(
        m_customer.tier == CustomerTier::Vip
            ? QStringLiteral("QLabel { background: #7A1F5C; color: white; border-radius: 4px; padding: 1px 8px; }")
            : QStringLiteral("QLabel { background: #1F5FAF; color: white; border-radius: 4px; padding: 1px 8px; }"));
    QStringList stats;
    if (!m_organization.isEmpty())
        stats << m_organization;
    if (!m_customer.phones().isEmpty())
        stats << m_customer.phones().constFirst().displayFormat(m_region);
    if (const auto activity = CustomerRepository(m_database.connection()).activity(m_customer.id)) {
        if (activity->lastContact)
            stats << tr("last contact %1")
                         .arg(compactDateTime(*activity->lastContact, m_timeZone, QDateTime::currentDateTimeUtc(),
                                              true));
        stats << tr("%n open ticket(s)", nullptr, activity->openTickets);
    }
    m_ui->statsLabel->setText(stats.join(QStringLiteral(" · ")));
    m_ui->callButton->setEnabled(!m_customer.phones().isEmpty());
    m_ui->mailButton->setEnabled(!m_customer.emails().isEmpty());
}

void CustomerView::fillForm()
{
    m_ui->profileForm->setCustomer(m_customer, m_organization);
    updateHeader();
}

QString CustomerView::errorText() const
{
    return m_ui->profileForm->errorText();
}

bool CustomerView::hasUnsavedChanges() const
{
    return !m_customer.id.isNull() && m_ui->profileForm->hasChanges();
}

void CustomerView::revert()
{
    fillForm();
}

bool CustomerView::save()
{
    if (m_customer.id.isNull())
        return false;
    const CustomerForm::Input input = m_ui->profileForm->read();
    if (!input.problems.isEmpty())
        return false;
    if (const auto saved = CustomerProfiles(m_database.connection()).update(input.customer, input.organization);
        !saved) {
        m_ui->profileForm->showError(saved.error().message);
        return false;
    }
    showCustomer(m_customer.id);
    emit customerSaved(m_customer.id);
    return true;
}

} // namespace madoguchi
