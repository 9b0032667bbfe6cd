#include "kit/customerpicker.h"

#include "domain/phonenumber.h"
#include "kit/formstyle.h"
#include "repositories/customerrepository.h"
#include "repositories/directoryrepository.h"
#include "storage/database.h"

#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace madoguchi {

namespace {

constexpr int kSearchDelayMs = 150; // a pause in typing, not every keystroke
constexpr int kCandidateCount = 8;
constexpr int kListHeight = 120; // about six rows; more scroll

bool isPlainEnter(const QKeyEvent *key)
{
    return (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)
           && (key->modifiers() & ~Qt::KeypadModifier) == Qt::NoModifier;
}

// "山田 太郎 (ヤマダ タロウ) · 株式会社山田商事 · 03-1234-5678": the reading
// confirms a match found by kana; the e-mail shows when it was searched by.
QString candidateText(CustomerSummary customer, const QString &region, bool withEmail)
{
    if (!customer.reading.isEmpty() && customer.reading != customer.name)
        customer.name = QStringLiteral("%1 (%2)").arg(customer.name, customer.reading);
    return describeCustomer(customer, region, withEmail);
}

} // namespace

CustomerPicker::CustomerPicker(QWidget *parent)
    : QWidget(parent)
    , m_edit(new QLineEdit(this))
    , m_status(new QLabel(this))
    , m_list(new QListWidget(this))
    , m_createButton(new QPushButton(this))
    , m_delay(new QTimer(this))
{
    // Tests and the screenshot tool find the parts by these names.
    m_edit->setObjectName(QStringLiteral("customerEdit"));
    m_status->setObjectName(QStringLiteral("customerStatus"));
    m_list->setObjectName(QStringLiteral("candidateList"));
    m_createButton->setObjectName(QStringLiteral("createCustomerButton"));

    m_edit->setPlaceholderText(tr("Phone number, name, reading, company or e-mail"));
    m_edit->setClearButtonEnabled(true);
    m_edit->setAccessibleName(tr("Customer"));
    m_status->setWordWrap(true);
    m_list->setMaximumHeight(kListHeight);
    m_list->setAccessibleName(tr("Matching customers"));
    m_list->hide();
    m_createButton->hide();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_edit);
    layout->addWidget(m_status);
    layout->addWidget(m_list);
    layout->addWidget(m_createButton, 0, Qt::AlignLeft);
    setFocusProxy(m_edit);
    // As tall as what it shows, never more: the form's notes take the rest.
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);

    m_delay->setSingleShot(true);
    m_delay->setInterval(kSearchDelayMs);
    connect(m_delay, &QTimer::timeout, this, &CustomerPicker::search);
    connect(m_edit, &QLineEdit::textEdited, this, [this] {
        // What was chosen no longer matches the text: never keep it stale.
        if (!m_customerId.isNull()) {
            m_customerId = QUuid();
            emit customerChanged(m_customerId);
        }
        m_delay->start();
    });
    connect(m_edit, &QLineEdit::textChanged, this, &CustomerPicker::textChanged);
    connect(m_list, &QListWidget::itemActivated, this, &CustomerPicker::chooseItem);
    connect(m_list, &QListWidget::itemClicked, this, &CustomerPicker::chooseItem);
    connect(m_createButton, &QPushButton::clicked, this, [this] { emit newCustomerRequested(m_newName, m_newPhone); });
    m_edit->installEventFilter(this);
    m_list->installEventFilter(this);
}

CustomerPicker::~CustomerPicker() = default;

void CustomerPicker::setSearch(const Database &database, const QString &phoneRegion)
{
    m_database = &database;
    m_region = phoneRegion;
}

void CustomerPicker::setOffersNewCustomer(bool offers)
{
    m_offersNew = offers;
}

void CustomerPicker::setConfirmsNameMatch(bool confirms)
{
    m_confirmsNameMatch = confirms;
}

void CustomerPicker::setReadOnly(bool readOnly)
{
    m_edit->setReadOnly(readOnly);
}

QString CustomerPicker::text() const
{
    return m_edit->text();
}

void CustomerPicker::setText(const QString &text)
{
    m_edit->setText(text);
}

Result<void> CustomerPicker::setCustomer(const QUuid &customerId)
{
    const QSqlDatabase db = m_database->connection();
    const auto customer = CustomerRepository(db).get(customerId);
    if (!customer)
        return customer.error();
    CustomerSummary summary;
    summary.name = customer->name;
    summary.reading = customer->nameReading;
    summary.phone = customer->phones().isEmpty() ? QString() : customer->phones().constFirst().e164();
    if (!customer->organizationId.isNull()) {
        if (const auto organization = DirectoryRepository(db).organization(customer->organizationId))
            summary.organization = organization->name;
    }
    m_delay->stop();
    m_edit->setText(customer->name);
    choose(customerId, candidateText(summary, m_region, false), false);
    return {};
}

void CustomerPicker::clearChoice()
{
    hideCandidates();
    if (!m_customerId.isNull()) {
        m_customerId = QUuid();
        emit customerChanged(m_customerId);
    }
}

void CustomerPicker::searchNow()
{
    if (m_delay->isActive())
        search();
}

void CustomerPicker::search()
{
    m_delay->stop();
    const QString text = m_edit->text().trimmed();
    m_list->clear();
    clearChoice();
    if (text.isEmpty() || !m_database) {
        m_status->clear();
        return;
    }
    const auto hits = CustomerSearch(m_database->connection(), m_region).search(text, kCandidateCount);
    if (!hits)
        m_status->setText(hits.error().message);
    else if (hits->isEmpty())
        offerNewCustomer(text);
    else
        showHits(hits.value());
}

void CustomerPicker::showHits(const QList<CustomerSearch::Hit> &hits)
{
    const bool byEmail = m_edit->text().contains(u'@');
    // One customer with exactly this number (or address): that is the caller.
    // Unless the host wants a name match confirmed (a call may be from
    // someone new of that name), the only customer found is the one meant.
    const auto exact = std::count_if(hits.begin(), hits.end(), [](const CustomerSearch::Hit &h) {
        return h.match == CustomerSearch::Match::ExactPhone || h.match == CustomerSearch::Match::ExactEmail;
    });
    if (exact == 1 || (!m_confirmsNameMatch && hits.size() == 1)) {
        choose(hits.constFirst().customer.id, candidateText(hits.constFirst().customer, m_region, byEmail), false);
        return;
    }
    for (const CustomerSearch::Hit &hit : hits) {
        auto *item = new QListWidgetItem(candidateText(hit.customer, m_region, byEmail), m_list);
        item->setData(Qt::UserRole, hit.customer.id);
    }
    m_list->show();
    m_status->setText(exact > 1 ? tr("Several customers share this number; choose one.")
                                : tr("Choose the customer (Enter, then ↑↓ and Enter)."));
}

void CustomerPicker::offerNewCustomer(const QString &text)
{
    m_newName.clear();
    m_newPhone.clear();
    if (!CustomerSearch::looksLikePhone(text)) {
        m_newName = text;
        m_status->setText(m_offersNew ? tr("No customer matches. Check the spelling, or create a new customer.")
                                      : tr("No customer matches. Add the customer first, or check the spelling."));
        m_createButton->setText(tr("Create a &new customer"));
        m_createButton->setVisible(m_offersNew);
        return;
    }
    const auto phone = PhoneNumber::parse(text, m_region);
    if (!phone || phone->isNull()) {
        m_status->setText(phone ? tr("No customer has a number with these digits.") : phone.error().message);
        return;
    }
    m_newPhone = phone->displayFormat(m_region);
    m_status->setText(
        m_offersNew
            ? tr("%1 is not a known number.").arg(phone->nationalFormat())
            : tr("%1 is not a known number. Add the customer first, or check the number.").arg(phone->nationalFormat()));
    m_createButton->setText(tr("Create a &new customer with this number"));
    m_createButton->setVisible(m_offersNew);
}

void CustomerPicker::choose(const QUuid &customerId, const QString &description, bool confirmed)
{
    m_customerId = customerId;
    hideCandidates();
    m_status->setText(QStringLiteral("✔ ") + description);
    emit customerChanged(customerId);
    if (confirmed)
        emit choiceConfirmed();
}

void CustomerPicker::chooseItem(const QListWidgetItem *item)
{
    if (item)
        choose(item->data(Qt::UserRole).toUuid(), item->text(), true);
}

void CustomerPicker::enterPressed()
{
    // Search now rather than after the pause, or again for text that was
    // restored rather than typed.
    if (m_delay->isActive() || (m_customerId.isNull() && !m_list->isVisible()))
        search();
    if (!m_customerId.isNull()) {
        emit choiceConfirmed();
    } else if (m_list->isVisible() && m_list->count() == 1) {
        chooseItem(m_list->item(0)); // the only match: Enter takes it
    } else if (m_list->isVisible()) {
        m_list->setFocus();
        m_list->setCurrentRow(0);
    }
}

void CustomerPicker::hideCandidates()
{
    m_list->hide();
    m_createButton->hide();
}

bool CustomerPicker::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    const auto *key = static_cast<QKeyEvent *>(event);
    // Enter belongs to the picker: it must never press the dialog's default
    // button and save a half-typed form.
    if (watched == m_edit && isPlainEnter(key)) {
        if (!m_edit->isReadOnly())
            enterPressed();
        return true;
    }
    if (watched == m_edit && key->key() == Qt::Key_Down && m_list->isVisible()) {
        m_list->setFocus();
        m_list->setCurrentRow(0);
        return true;
    }
    if (watched == m_list && isPlainEnter(key)) {
        chooseItem(m_list->currentItem());
        return true;
    }
    if (watched == m_list && key->key() == Qt::Key_Up && m_list->currentRow() <= 0) {
        m_edit->setFocus();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace madoguchi
