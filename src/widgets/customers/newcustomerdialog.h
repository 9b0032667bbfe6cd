#pragma once

#include "domain/entities.h"

#include <QDialog>

#include <memory>

namespace Ui {
class NewCustomerDialog;
}

namespace madoguchi {

class Database;

// A customer added by hand (Contact ▸ New Customer, the Customers page, the
// new-ticket dialog), with the 360° view's form and its checks. Before the
// save, customers on file with the same phone number (however it is
// written) or e-mail address are pointed out: the agent goes on with one of
// them instead, or creates the new customer anyway.
class NewCustomerDialog : public QDialog
{
    Q_OBJECT

public:
    NewCustomerDialog(const Database &database, QString phoneRegion, QUuid agent, QWidget *parent = nullptr);
    ~NewCustomerDialog() override;

    // What was typed where the customer was looked for: a name (an e-mail
    // address goes to the e-mails) or a phone number.
    void prefill(const QString &name, const QString &phone);

    // The customer created, or the one on file the agent chose instead.
    QUuid customer() const { return m_customer; }
    bool createdNew() const { return m_createdNew; }
    QString errorText() const;

public slots:
    void accept() override;
    void reject() override;

private:
    // Lists the customers on file sharing a phone or e-mail with `customer`;
    // false when there are none.
    bool pointOutExisting(const Customer &customer);
    void forgetExisting();
    void openExisting();

    std::unique_ptr<Ui::NewCustomerDialog> m_ui;
    const Database &m_database;
    QString m_region;
    QUuid m_agent;
    bool m_existingShown = false; // saving again creates the customer anyway
    QUuid m_customer;
    bool m_createdNew = false;
};

} // namespace madoguchi
