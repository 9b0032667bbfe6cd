#include "customers/customerform.h"

#include "kit/formstyle.h"
#include "repositories/directoryrepository.h"
#include "storage/database.h"

#include "ui_customerform.h"

#include <QCompleter>
#include <QSignalBlocker>

#include <algorithm>

namespace madoguchi {

namespace {

QStringList lines(const QString &text)
{
    QStringList out;
    for (const QString &line : text.split(u'\n')) {
        if (!line.trimmed().isEmpty())
            out << line.trimmed();
    }
    return out;
}

QStringList phoneLines(const Customer &customer, const QString &region)
{
    QStringList out;
    for (const PhoneNumber &p : customer.phones())
        out << p.displayFormat(region);
    return out;
}

QStringList emailLines(const Customer &customer)
{
    QStringList out;
    for (const EmailAddress &e : customer.emails())
        out << e.address();
    return out;
}

} // namespace

CustomerForm::CustomerForm(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::CustomerForm>())
{
    m_ui->setupUi(this);
    makeErrorLabel(m_ui->errorLabel);
    for (const QString &key : allKeys<CustomerTier>())
        m_ui->tierCombo->addItem(displayName(*fromKey<CustomerTier>(key)), key);
    m_ui->companyCombo->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    m_ui->companyCombo->completer()->setFilterMode(Qt::MatchContains);
    setFocusProxy(m_ui->nameEdit);
    connect(m_ui->phonesEdit, &QPlainTextEdit::textChanged, this, &CustomerForm::contactsEdited);
    connect(m_ui->emailsEdit, &QPlainTextEdit::textChanged, this, &CustomerForm::contactsEdited);
}

CustomerForm::~CustomerForm() = default;

void CustomerForm::setDatabase(const Database &database, const QString &phoneRegion)
{
    m_database = &database;
    m_region = phoneRegion;
}

void CustomerForm::setCustomer(const Customer &customer, const QString &organization)
{
    m_customer = customer;
    m_organization = organization;
    m_ui->nameEdit->setText(customer.name);
    m_ui->readingEdit->setText(customer.nameReading);
    m_ui->companyCombo->clear();
    m_ui->companyCombo->addItem(QString(), QUuid());
    if (const auto organizations = DirectoryRepository(m_database->connection()).organizations()) {
        for (const Organization &o : organizations.value())
            m_ui->companyCombo->addItem(o.name, o.id);
    }
    m_ui->companyCombo->setCurrentIndex(std::max(0, m_ui->companyCombo->findData(customer.organizationId)));
    if (customer.organizationId.isNull())
        m_ui->companyCombo->setEditText(organization); // a new company, named before it is saved
    {
        const QSignalBlocker phones(m_ui->phonesEdit);
        const QSignalBlocker emails(m_ui->emailsEdit);
        m_ui->phonesEdit->setPlainText(phoneLines(customer, m_region).join(u'\n'));
        m_ui->emailsEdit->setPlainText(emailLines(customer).join(u'\n'));
    }
    m_ui->tierCombo->setCurrentIndex(m_ui->tierCombo->findData(toKey(customer.tier)));
    m_ui->tagsEdit->setText(customer.tags.join(QStringLiteral(", ")));
    m_ui->addressEdit->setText(customer.address);
    m_ui->notesEdit->setPlainText(customer.notes);
    for (QWidget *w : std::initializer_list<QWidget *>{m_ui->nameEdit, m_ui->readingEdit, m_ui->phonesEdit,
                                                       m_ui->emailsEdit, m_ui->tagsEdit})
        markInvalid(w, false);
    showError(QString());
}

bool CustomerForm::hasChanges() const
{
    return m_ui->nameEdit->text() != m_customer.name || m_ui->readingEdit->text() != m_customer.nameReading
           || lines(m_ui->phonesEdit->toPlainText()) != phoneLines(m_customer, m_region)
           || lines(m_ui->emailsEdit->toPlainText()) != emailLines(m_customer)
           || m_ui->tierCombo->currentData().toString() != toKey(m_customer.tier)
           || m_ui->tagsEdit->text() != m_customer.tags.join(QStringLiteral(", "))
           || m_ui->addressEdit->text() != m_customer.address || m_ui->notesEdit->toPlainText() != m_customer.notes
           || m_ui->companyCombo->currentText().trimmed() != m_organization;
}

CustomerForm::Input CustomerForm::read()
{
    Input in{m_customer, QString(), {}};
    Customer &c = in.customer;
    c.name = m_ui->nameEdit->text();
    c.nameReading = m_ui->readingEdit->text();
    c.tier = fromKey<CustomerTier>(m_ui->tierCombo->currentData().toString()).value_or(CustomerTier::Standard);
    c.tags.clear();
    for (const QString &tag : m_ui->tagsEdit->text().split(u',')) {
        if (!tag.trimmed().isEmpty())
            c.tags << tag.trimmed();
    }
    c.address = m_ui->addressEdit->text().trimmed();
    c.notes = m_ui->notesEdit->toPlainText();
    // The company: an existing one by name, a new one created with the save,
    // or none when the field is empty.
    in.organization = m_ui->companyCombo->currentText().normalized(QString::NormalizationForm_KC).simplified();

    // Contact points keep their ids when the value is unchanged.
    auto existing = [&](ContactKind kind, const QString &value) {
        for (const ContactPoint &p : m_customer.contacts) {
            if (p.kind == kind && p.value.compare(value, Qt::CaseInsensitive) == 0)
                return p;
        }
        return ContactPoint{QUuid(), kind, value, QString(), false};
    };
    c.contacts.clear();
    bool phonesInvalid = false;
    for (const QString &line : lines(m_ui->phonesEdit->toPlainText())) {
        const auto phone = PhoneNumber::parse(line, m_region);
        if (!phone) {
            in.problems << tr("%1: %2").arg(line, phone.error().message);
            phonesInvalid = true;
            continue;
        }
        c.contacts << existing(ContactKind::Phone, phone->e164());
    }
    bool emailsInvalid = false;
    for (const QString &line : lines(m_ui->emailsEdit->toPlainText())) {
        const auto email = EmailAddress::parse(line);
        if (!email) {
            in.problems << tr("%1: %2").arg(line, email.error().message);
            emailsInvalid = true;
            continue;
        }
        c.contacts << existing(ContactKind::Email, email->address());
    }

    const FieldErrors errors = validate(c);
    for (const FieldError &e : errors) {
        if (e.field != u"phones" && e.field != u"emails")
            in.problems << e.message;
    }
    auto has = [&](const char *field) {
        return std::any_of(errors.begin(), errors.end(),
                           [&](const FieldError &e) { return e.field == QLatin1String(field); });
    };
    markInvalid(m_ui->nameEdit, has("name"));
    markInvalid(m_ui->readingEdit, has("nameReading"));
    markInvalid(m_ui->phonesEdit, phonesInvalid);
    markInvalid(m_ui->emailsEdit, emailsInvalid);
    markInvalid(m_ui->tagsEdit, has("tags"));
    showError(in.problems.join(u'\n'));
    return in;
}

void CustomerForm::markInvalid(QWidget *field, bool invalid)
{
    field->setStyleSheet(invalid ? QStringLiteral("border: 1px solid #B02020;") : QString());
}

void CustomerForm::showError(const QString &message)
{
    m_ui->errorLabel->setText(message);
    m_ui->errorLabel->setVisible(!message.isEmpty());
}

QString CustomerForm::errorText() const
{
    return m_ui->errorLabel->isVisibleTo(this) ? m_ui->errorLabel->text() : QString();
}

} // namespace madoguchi
