#pragma once

#include "domain/entities.h"

#include <QWidget>

#include <memory>

namespace Ui {
class CustomerForm;
}

namespace madoguchi {

class Database;

// A customer's profile as an agent edits it, in the 360° view and in New
// Customer: name, reading, company (one on file, or a new name), phones
// (any written form, read with libphonenumber), e-mails, tier, tags,
// address and notes. Reading the form checks every field and marks the
// ones refused; the reasons show under the fields.
class CustomerForm : public QWidget
{
    Q_OBJECT

public:
    explicit CustomerForm(QWidget *parent = nullptr);
    ~CustomerForm() override;

    // The companies come from `database`; numbers written without a country
    // code are read in `phoneRegion`. Needed before anything else.
    void setDatabase(const Database &database, const QString &phoneRegion);
    // Shows `customer` (of the company named `organization`) and takes it as
    // what hasChanges() compares with.
    void setCustomer(const Customer &customer, const QString &organization);
    bool hasChanges() const;

    // The form read back over the customer shown: contact points keep their
    // ids where the value is unchanged; `problems` says why fields were
    // refused (empty when the customer can be saved).
    struct Input
    {
        Customer customer;
        QString organization; // in its usual form (NFKC); empty for none
        QStringList problems;
    };
    Input read();

    // A message under the fields; an empty one hides it.
    void showError(const QString &message);
    QString errorText() const;

signals:
    // The phones or e-mails were edited (not set by setCustomer).
    void contactsEdited();

private:
    void markInvalid(QWidget *field, bool invalid);

    std::unique_ptr<Ui::CustomerForm> m_ui;
    const Database *m_database = nullptr;
    QString m_region;
    Customer m_customer;
    QString m_organization;
};

} // namespace madoguchi
