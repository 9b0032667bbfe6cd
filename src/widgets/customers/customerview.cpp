#include "customers/customerview.h"

#include "common/timeformat.h"
#include "config/displaytimezone.h"
#include "kit/placeholderpage.h"
#include "models/customertimelinemodel.h"
#include "repositories/customerrepository.h"
#include "repositories/directoryrepository.h"
#include "storage/database.h"
#include "storage/transaction.h"

#include "kit/formstyle.h"

#include "ui_customerview.h"

#include <QCompleter>
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

QStringList lines(const QString &text)
{
    QStringList out;
    for (const QString &line : text.split(u'\n')) {
        if (!line.trimmed().isEmpty())
            out << line.trimmed();
    }
    return out;
}

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
    makeErrorLabel(m_ui->errorLabel);
    m_ui->newTicketButton->setToolTip(tr("Open a ticket for this customer (Ctrl+N)"));
    connect(m_ui->newTicketButton, &QPushButton::clicked, this, [this] { emit newTicketRequested(m_customer.id); });
    for (const QString &key : allKeys<CustomerTier>())
        m_ui->tierCombo->addItem(displayName(*fromKey<CustomerTier>(key)), key);

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
        m_ui->errorLabel->setText(read.error().message);
        m_ui->errorLabel->show();
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
    m_ui->nameEdit->setText(m_customer.name);
    m_ui->readingEdit->setText(m_customer.nameReading);
    m_ui->companyCombo->clear();
    m_ui->companyCombo->addItem(QString(), QUuid());
    if (const auto organizations = DirectoryRepository(m_database.connection()).organizations()) {
        for (const Organization &o : organizations.value())
            m_ui->companyCombo->addItem(o.name, o.id);
    }
    m_ui->companyCombo->setCurrentIndex(std::max(0, m_ui->companyCombo->findData(m_customer.organizationId)));
    m_ui->companyCombo->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    m_ui->companyCombo->completer()->setFilterMode(Qt::MatchContains);
    QStringList phones;
    for (const PhoneNumber &p : m_customer.phones())
        phones << p.displayFormat(m_region);
    m_ui->phonesEdit->setPlainText(phones.join(u'\n'));
    QStringList emails;
    for (const EmailAddress &e : m_customer.emails())
        emails << e.address();
    m_ui->emailsEdit->setPlainText(emails.join(u'\n'));
    m_ui->tierCombo->setCurrentIndex(m_ui->tierCombo->findData(toKey(m_customer.tier)));
    m_ui->tagsEdit->setText(m_customer.tags.join(QStringLiteral(", ")));
    m_ui->addressEdit->setText(m_customer.address);
    m_ui->notesEdit->setPlainText(m_customer.notes);
    for (QWidget *w : std::initializer_list<QWidget *>{m_ui->nameEdit, m_ui->readingEdit, m_ui->phonesEdit,
                                                       m_ui->emailsEdit, m_ui->tagsEdit})
        markInvalid(w, false);
    m_ui->errorLabel->hide();
    updateHeader();
}

void CustomerView::markInvalid(QWidget *field, bool invalid)
{
    field->setStyleSheet(invalid ? QStringLiteral("border: 1px solid #B02020;") : QString());
}

QString CustomerView::errorText() const
{
    return m_ui->errorLabel->isVisibleTo(this) ? m_ui->errorLabel->text() : QString();
}

bool CustomerView::hasUnsavedChanges() const
{
    if (m_customer.id.isNull())
        return false;
    QStringList phones;
    for (const PhoneNumber &p : m_customer.phones())
        phones << p.displayFormat(m_region);
    QStringList emails;
    for (const EmailAddress &e : m_customer.emails())
        emails << e.address();
    return m_ui->nameEdit->text() != m_customer.name || m_ui->readingEdit->text() != m_customer.nameReading
           || lines(m_ui->phonesEdit->toPlainText()) != phones || lines(m_ui->emailsEdit->toPlainText()) != emails
           || m_ui->tierCombo->currentData().toString() != toKey(m_customer.tier)
           || m_ui->tagsEdit->text() != m_customer.tags.join(QStringLiteral(", "))
           || m_ui->addressEdit->text() != m_customer.address || m_ui->notesEdit->toPlainText() != m_customer.notes
           || m_ui->companyCombo->currentText().trimmed() != m_organization;
}

void CustomerView::revert()
{
    fillForm();
}

CustomerView::FormContacts CustomerView::contactsFromForm() const
{
    FormContacts form;
    // Contact points keep their ids when the value is unchanged.
    auto existing = [&](ContactKind kind, const QString &value) {
        for (const ContactPoint &p : m_customer.contacts) {
            if (p.kind == kind && p.value.compare(value, Qt::CaseInsensitive) == 0)
                return p;
        }
        return ContactPoint{QUuid(), kind, value, QString(), false};
    };
    for (const QString &line : lines(m_ui->phonesEdit->toPlainText())) {
        const auto phone = PhoneNumber::parse(line, m_region);
        if (!phone) {
            form.problems << tr("%1: %2").arg(line, phone.error().message);
            form.phonesInvalid = true;
            continue;
        }
        form.contacts << existing(ContactKind::Phone, phone->e164());
    }
    for (const QString &line : lines(m_ui->emailsEdit->toPlainText())) {
        const auto email = EmailAddress::parse(line);
        if (!email) {
            form.problems << tr("%1: %2").arg(line, email.error().message);
            form.emailsInvalid = true;
            continue;
        }
        form.contacts << existing(ContactKind::Email, email->address());
    }
    return form;
}

bool CustomerView::save()
{
    if (m_customer.id.isNull())
        return false;
    Customer changed = m_customer;
    changed.name = m_ui->nameEdit->text();
    changed.nameReading = m_ui->readingEdit->text();
    changed.tier = fromKey<CustomerTier>(m_ui->tierCombo->currentData().toString()).value_or(CustomerTier::Standard);
    changed.tags.clear();
    for (const QString &tag : m_ui->tagsEdit->text().split(u',')) {
        if (!tag.trimmed().isEmpty())
            changed.tags << tag.trimmed();
    }
    changed.address = m_ui->addressEdit->text().trimmed();
    changed.notes = m_ui->notesEdit->toPlainText();

    FormContacts form = contactsFromForm();
    QStringList &problems = form.problems;
    changed.contacts = form.contacts;
    const FieldErrors errors = validate(changed);
    for (const FieldError &e : errors) {
        if (e.field != u"phones" && e.field != u"emails")
            problems << e.message;
    }
    auto has = [&](const char *field) {
        return std::any_of(errors.begin(), errors.end(),
                           [&](const FieldError &e) { return e.field == QLatin1String(field); });
    };
    markInvalid(m_ui->nameEdit, has("name"));
    markInvalid(m_ui->readingEdit, has("nameReading"));
    markInvalid(m_ui->phonesEdit, form.phonesInvalid);
    markInvalid(m_ui->emailsEdit, form.emailsInvalid);
    markInvalid(m_ui->tagsEdit, has("tags"));
    if (!problems.isEmpty()) {
        m_ui->errorLabel->setText(problems.join(u'\n'));
        m_ui->errorLabel->show();
        return false;
    }
    // The company: an existing one by name, a new one created with the save,
    // or none when the field is empty.
    const QString company = m_ui->companyCombo->currentText().normalized(QString::NormalizationForm_KC).simplified();
    const auto saved = inTransaction(m_database.connection(), [&]() -> Result<void> {
        const auto organization = DirectoryRepository(m_database.connection()).organizationNamed(company);
        if (!organization)
            return organization.error();
        changed.organizationId = organization.value();
        return CustomerRepository(m_database.connection()).update(changed);
    });
    if (!saved) {
        m_ui->errorLabel->setText(saved.error().message);
        m_ui->errorLabel->show();
        return false;
    }
    showCustomer(changed.id);
    emit customerSaved(changed.id);
    return true;
}

} // namespace madoguchi
