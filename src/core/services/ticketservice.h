#pragma once

#include "common/result.h"
#include "domain/entities.h"

#include <QCoreApplication>
#include <QSqlDatabase>

#include <functional>

namespace madoguchi {

// Ticket changes as an agent makes them: each is one transaction that writes
// the ticket, a ticket_events row for every field that changed (who, when,
// old → new) and the outbox mutations. Status changes follow the workflow.
class TicketService
{
    Q_DECLARE_TR_FUNCTIONS(TicketService)

public:
    TicketService(QSqlDatabase db, QUuid agent);

    // Numbers `draft` (offline-unique) and stores it with its "created"
    // event. Created while talking to the customer, it starts Open, not New.
    Result<Ticket> create(Ticket draft, bool openedDuringLiveContact = false);
    Result<void> changeStatus(const QUuid &ticketId, TicketStatus to);
    Result<void> setPriority(const QUuid &ticketId, Priority priority);
    // What the ticket is about; each changed field is one change in its history.
    struct Details
    {
        QString subject;
        QString description;
        QString category;
    };
    Result<void> editDetails(const QUuid &ticketId, const Details &details);
    Result<void> assign(const QUuid &ticketId, const QUuid &agentId, const QUuid &teamId);
    // Raises (or lowers) the escalation level; a reason is required to raise
    // it. With a target team (and optionally an agent in it) the ticket moves
    // to them in the same change.
    struct Target
    {
        QUuid agent;
        QUuid team;
    };
    Result<void> escalate(const QUuid &ticketId, int level, const QString &reason, const Target &target = {});
    // Level 0 is the front line (Tier 1); 3 is another department.
    static QString escalationLevelName(int level);
    static constexpr int kMaxEscalationLevel = 3;

    // The customer's satisfaction with a solved (or closed) ticket.
    Result<QUuid> recordSatisfaction(const QUuid &ticketId, CsatResponse response);

    // Who a new ticket for `team` goes to under the team's automatic
    // assignment (round robin, or the fewest open tickets among its active
    // agents); null when the team assigns by hand or has no active agent.
    Result<QUuid> automaticAssignee(const QUuid &team) const;
    // Adds a tag (trimmed; nothing happens if the ticket has it already).
    Result<void> addTag(const QUuid &ticketId, const QString &tag);
    // A canned response's changes: its tags, its priority, then its status.
    Result<void> applyCannedResponse(const QUuid &ticketId, const struct CannedResponse &response);
    // Moves the ticket to another SLA policy; its due times follow.
    Result<void> setSlaPolicy(const QUuid &ticketId, const QUuid &policyId);

    // Called with every interaction saved on a ticket, inside its transaction:
    // the first one that reaches the customer (DESIGN §4: any outbound one, or
    // an inbound phone call, chat or visit handled live) is the first
    // response; a new ticket becomes open when an agent responds.
    Result<void> recordInteraction(const Interaction &interaction);
    static bool reachesCustomer(const Interaction &interaction);

    // A bulk action over a selection, in one transaction: tickets the change
    // does not apply to (a refused transition, say) are skipped and listed
    // with the reason; any other failure undoes the whole action.
    struct BulkOutcome
    {
        int changed = 0;
        QStringList skipped; // "number: reason", translated
    };
    Result<BulkOutcome> forEach(const QList<QUuid> &ticketIds, const std::function<Result<void>(const QUuid &)> &change);

private:
    struct Change
    {
        QString column;
        QVariant value;  // as stored
        QString oldText; // for the event
        QString newText;
    };
    Result<void> apply(const Ticket &before, const QList<Change> &changes, bool movesSla = false);

    QSqlDatabase m_db;
    QUuid m_agent;
};

} // namespace madoguchi
