#pragma once

#include "domain/entities.h"

#include <QTimeZone>
#include <QWidget>

#include <memory>

namespace Ui {
class TicketView;
}

namespace madoguchi {

class Database;
class TicketHistoryModel;

// One ticket: its state and SLA clocks at a glance, the actions an agent
// takes on it (status, assignment, escalation, priority, SLA policy, a call,
// the customer's satisfaction), and its whole history.
class TicketView : public QWidget
{
    Q_OBJECT

public:
    explicit TicketView(const Database &database, QWidget *parent = nullptr);
    ~TicketView() override;

    void showTicket(const QUuid &ticketId);
    QUuid ticket() const { return m_ticket.id; }
    const Ticket &current() const { return m_ticket; }
    void setAgent(const QUuid &agent, const QUuid &team);
    // The zone times are shown in (displayTimeZone).
    void setTimeZone(const QTimeZone &zone);
    void reload();
    TicketHistoryModel *history() const { return m_history; }
    QString errorText() const;

    // The actions, as the buttons and menus call them.
    bool changeStatus(TicketStatus status);
    bool assignTo(const QUuid &agent, const QUuid &team);
    bool setPriority(Priority priority);

signals:
    void backRequested();
    void customerRequested(const QUuid &customerId);
    void logCallRequested(const QUuid &customerId, const QString &ticketNumber);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void fill();
    void fillHeader();
    void fillSlaClocks();
    void fillDetails();
    void fillEditors();
    void fillStatusMenu();
    void fillAssignMenu();
    bool report(const Result<void> &result);
    void escalate();
    void recordSatisfaction();

    std::unique_ptr<Ui::TicketView> m_ui;
    const Database &m_database;
    QTimeZone m_timeZone;
    QUuid m_agent;
    QUuid m_team;
    Ticket m_ticket;
    TicketHistoryModel *m_history = nullptr;
};

} // namespace madoguchi
