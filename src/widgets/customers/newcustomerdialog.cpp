#include "customers/newcustomerdialog.h"

#include "customers/customerform.h"
#include "kit/formstyle.h"
#include "repositories/customersearch.h"
#include "services/customerprofiles.h"
#include "storage/database.h"

#include "ui_newcustomerdialog.h"

#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>

#include <algorithm>

namespace madoguchi {

namespace {

// The first phone and the first e-mail address are the ones to use.
void markPrimaryContacts(QList<ContactPoint> &contacts)
{
    for (const ContactKind kind : {ContactKind::Phone, ContactKind::Email}) {
        const auto first = std::find_if(contacts.begin(), contacts.end(),
                                        [&](const ContactPoint &p) { return p.kind == kind; });
        if (first != contacts.end())
            first->primary = true;
    }
}

} // namespace

NewCustomerDialog::NewCustomerDialog(const Database &database, QString phoneRegion, QUuid agent, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::NewCustomerDialog>())
    , m_database(database)
    , m_region(std::move(phoneRegion))
    , m_agent(agent)
{
    m_ui->setupUi(this);
    m_ui->customerForm->setDatabase(database, m_region);
    m_ui->customerForm->setCustomer(Customer(), QString());
    m_ui->existingBox->setStyleSheet(
        QStringLiteral("QFrame#existingBox { background: #FFF4D6; border: 1px solid #E2C26A; border-radius: 6px; }"
                       "QFrame#existingBox > QLabel { color: #5C4300; }"));
    forgetExisting();
    connect(m_ui->customerForm, &CustomerForm::contactsEdited, this, &NewCustomerDialog::forgetExisting);
    connect(m_ui->openExistingButton, &QPushButton::clicked, this, &NewCustomerDialog::openExisting);
    connect(m_ui->existingList, &QListWidget::itemActivated, this, &NewCustomerDialog::openExisting);
    connect(m_ui->buttons, &QDialogButtonBox::accepted, this, &NewCustomerDialog::accept);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &NewCustomerDialog::reject);
    m_ui->customerForm->setFocus();
}

NewCustomerDialog::~NewCustomerDialog() = default;

void NewCustomerDialog::prefill(const QString &name, const QString &phone)
{
    Customer typed;
    if (const auto email = EmailAddress::parse(name); name.contains(u'@') && email)
        typed.contacts << ContactPoint{QUuid(), ContactKind::Email, email->address(), QString(), true};
    else
        typed.name = name.trimmed();
    if (const auto number = PhoneNumber::parse(phone, m_region); !phone.trimmed().isEmpty() && number)
        typed.contacts << ContactPoint{QUuid(), ContactKind::Phone, number->e164(), QString(), true};
    m_ui->customerForm->setCustomer(typed, QString());
    m_ui->customerForm->setFocus();
}

QString NewCustomerDialog::errorText() const
{
    return m_ui->customerForm->errorText();
}

void NewCustomerDialog::accept()
{
    CustomerForm::Input input = m_ui->customerForm->read();
    if (!input.problems.isEmpty())
        return;
    markPrimaryContacts(input.customer.contacts);
    if (!m_existingShown && pointOutExisting(input.customer))
        return;
    const auto created = CustomerProfiles(m_database.connection(), m_agent).create(input.customer, input.organization);
    if (!created) {
        m_ui->customerForm->showError(created.error().message);
        return;
    }
    m_customer = created.value();
    m_createdNew = true;
    QDialog::accept();
}

bool NewCustomerDialog::pointOutExisting(const Customer &customer)
{
    const auto found = CustomerSearch(m_database.connection(), m_region).sharingContacts(customer);
    if (!found) {
        m_ui->customerForm->showError(found.error().message);
        return true;
    }
    if (found->isEmpty())
        return false;
    m_ui->existingList->clear();
    for (const CustomerSearch::Hit &hit : found.value()) {
        CustomerSummary who = hit.customer;
        who.phone.clear(); // the number in common is named after it
        const QString text = hit.match == CustomerSearch::Match::ExactPhone
                                 ? tr("%1 — same phone number %2")
                                       .arg(describeCustomer(who, m_region),
                                            PhoneNumber::fromE164(hit.shared).displayFormat(m_region))
                                 : tr("%1 — same e-mail address %2").arg(describeCustomer(who, m_region), hit.shared);
        auto *item = new QListWidgetItem(text, m_ui->existingList);
        item->setData(Qt::UserRole, hit.customer.id);
    }
    m_ui->existingList->setCurrentRow(0);
    // As tall as its rows, up to four; more scroll.
    QListWidget *list = m_ui->existingList;
    list->setFixedHeight(int(std::min<qsizetype>(list->count(), 4)) * list->sizeHintForRow(0) + 2 * list->frameWidth()
                         + 2);
    m_ui->existingLabel->setText(
        tr("Already on file with the same phone number or e-mail address. Open the existing customer, or create "
           "this one anyway."));
    m_ui->existingBox->show();
    m_ui->buttons->button(QDialogButtonBox::Save)->setText(tr("Create &Anyway"));
    m_ui->openExistingButton->setDefault(true);
    m_ui->openExistingButton->setFocus();
    m_existingShown = true;
    return true;
}

void NewCustomerDialog::forgetExisting()
{
    m_existingShown = false;
    m_ui->existingBox->hide();
    m_ui->existingList->clear();
    m_ui->buttons->button(QDialogButtonBox::Save)->setText(tr("&Create Customer"));
    m_ui->buttons->button(QDialogButtonBox::Save)->setDefault(true);
}

void NewCustomerDialog::openExisting()
{
    const QListWidgetItem *item = m_ui->existingList->currentItem();
    if (!item)
        return;
    m_customer = item->data(Qt::UserRole).toUuid();
    m_createdNew = false;
    QDialog::accept();
}

void NewCustomerDialog::reject()
{
    if (m_ui->customerForm->hasChanges()) {
        const auto answer = QMessageBox::question(this, tr("Discard this customer?"),
                                                  tr("What you entered for the new customer will be lost."),
                                                  QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Discard)
            return;
    }
    QDialog::reject();
}

} // namespace madoguchi
