#pragma once

#include "domain/entities.h"

#include <QDialog>

#include <memory>

namespace Ui {
class NewTicketDialog;
}

namespace madoguchi {

class Database;

// Creates a ticket: for a customer found as you type (or given by the view
// it was opened from), with subject, description, priority, category,
// channel, tags, team and assignee. The number is given when it is saved.
class NewTicketDialog : public QDialog
{
    Q_OBJECT

public:
    NewTicketDialog(const Database &database, const QString &phoneRegion, const QUuid &agent, QWidget *parent = nullptr);
    ~NewTicketDialog() override;

    // Opened from a customer's view: the customer is set and not asked for.
    void setCustomer(const QUuid &customerId);
    // Offers to create a customer the search does not find
    // (newCustomerRequested); the host creates them and hands them back
    // with chooseCustomer().
    void setOffersNewCustomer(bool offers);
    // Takes `customerId` as the customer; the agent may still pick another.
    // False (with the reason shown) when it cannot be read.
    bool chooseCustomer(const QUuid &customerId);
    void setChannel(Channel channel);
    void setLiveContact(bool live);

    void accept() override;
    Ticket created() const { return m_created; }
    QString errorText() const;

signals:
    // What was typed for the customer nobody has: a name, or a number in display form.
    void newCustomerRequested(const QString &name, const QString &phone);

private:
    void fillChoices();
    void fillTeams();
    void fillAssignees();
    Ticket ticketFromForm() const;
    void showError(const QString &message);

    std::unique_ptr<Ui::NewTicketDialog> m_ui;
    const Database &m_database;
    QUuid m_agent;
    Ticket m_created;
};

} // namespace madoguchi
