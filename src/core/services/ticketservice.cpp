#include "services/ticketservice.h"

#include "domain/ticketworkflow.h"
#include "domain/uuid.h"
#include "repositories/cannedresponses.h"
#include "repositories/directoryrepository.h"
#include "repositories/slarepository.h"
#include "repositories/ticketrepository.h"
#include "services/slaengine.h"
#include "storage/changehub.h"
#include "storage/changewriter.h"
#include "storage/rowcodec.h"
#include "storage/sqlite.h"
#include "storage/ticketnumbers.h"
#include "storage/transaction.h"

#include <QSqlQuery>

namespace madoguchi {

namespace {

QString keyText(const QUuid &id)
{
    return id.isNull() ? QString() : uuidToText(id);
}

} // namespace

TicketService::TicketService(QSqlDatabase db, QUuid agent)
    : m_db(std::move(db))
    , m_agent(agent)
{}

namespace {

// A ticket is handed only to someone who works here now.
Result<void> checkAssignable(const QSqlDatabase &db, const QUuid &agentId)
{
    if (agentId.isNull())
        return {};
    const auto agent = DirectoryRepository(db).agent(agentId);
    if (!agent)
        return agent.error();
    if (!agent->active)
        return makeError(Error::Code::Invalid,
                         TicketService::tr("%1 is deactivated and cannot take tickets. Choose someone else.")
                             .arg(agent->name));
    return {};
}

} // namespace

Result<Ticket> TicketService::create(Ticket t, bool openedDuringLiveContact)
{
    if (auto r = checkAssignable(m_db, t.assigneeId); !r)
        return r.error();
    t.id = QUuid();
    t.status = openedDuringLiveContact ? TicketStatus::Open : TicketStatus::New;
    QUuid id;
    const auto written = inTransaction(m_db, [&]() -> Result<void> {
        const auto number = TicketNumbers(m_db).next();
        if (!number)
            return number.error();
        t.number = number.value();
        if (t.slaPolicyId.isNull()) {
            const auto policy = SlaRepository(m_db).defaultPolicy();
            if (!policy)
                return policy.error();
            t.slaPolicyId = policy->id;
        }
        if (t.assigneeId.isNull() && !t.teamId.isNull()) {
            const auto picked = automaticAssignee(t.teamId);
            if (!picked)
                return picked.error();
            t.assigneeId = picked.value();
        }
        const auto added = TicketRepository(m_db, m_agent).add(t);
        if (!added)
            return added.error();
        id = added.value();
        return SlaEngine(m_db).recompute(id);
    });
    if (!written)
        return written.error();
    return TicketRepository(m_db, m_agent).get(id);
}

Result<void> TicketService::apply(const Ticket &before, const QList<Change> &changes, bool movesSla)
{
    return inTransaction(m_db, [&]() -> Result<void> {
        Columns columns;
        for (const Change &c : changes)
            columns.append({c.column, c.value});
        if (auto r = ChangeWriter(m_db, m_agent).update(QStringLiteral("tickets"), before.id, columns); !r)
            return r.error();
        TicketRepository tickets(m_db, m_agent);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (const Change &c : changes) {
            if (c.oldText == c.newText)
                continue;
            TicketEvent e;
            e.ticketId = before.id;
            e.agentId = m_agent;
            e.at = now;
            e.field = c.column;
            e.oldValue = c.oldText;
            e.newValue = c.newText;
            if (auto r = tickets.appendEvent(e); !r)
                return r.error();
        }
        if (movesSla)
            return SlaEngine(m_db).recompute(before.id);
        return {};
    });
}

Result<void> TicketService::changeStatus(const QUuid &ticketId, TicketStatus to)
{
    const auto ticket = TicketRepository(m_db, m_agent).get(ticketId);
    if (!ticket)
        return ticket.error();
    const TransitionCheck check = checkTransition(ticket->status, to);
    if (!check.allowed)
        return makeError(Error::Code::Invalid, check.reason);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<Change> changes{{QStringLiteral("status"), toKey(to), toKey(ticket->status), toKey(to)}};
    if (to == TicketStatus::Solved)
        changes.append({QStringLiteral("solved_at"), timeValue(now), QString(), now.toString(Qt::ISODate)});
    if (to == TicketStatus::Closed)
        changes.append({QStringLiteral("closed_at"), timeValue(now), QString(), now.toString(Qt::ISODate)});
    if (check.reopens) {
        // Not solved any more; the next solve sets solved_at again (the last solve counts).
        changes.append({QStringLiteral("solved_at"), sqlNull(), QString(), QString()});
        changes.append({QStringLiteral("reopen_count"), ticket->reopenCount + 1, QString::number(ticket->reopenCount),
                        QString::number(ticket->reopenCount + 1)});
    }
    // Timestamps are facts of the status event; only the status and the
    // reopen count get history rows of their own.
    for (Change &c : changes) {
        if (c.column.endsWith(QLatin1String("_at")))
            c.newText = c.oldText;
    }
    return apply(ticket.value(), changes, true);
}

Result<void> TicketService::setPriority(const QUuid &ticketId, Priority priority)
{
    const auto ticket = TicketRepository(m_db, m_agent).get(ticketId);
    if (!ticket)
        return ticket.error();
    return apply(ticket.value(),
                 {{QStringLiteral("priority"), toKey(priority), toKey(ticket->priority), toKey(priority)}}, true);
}

Result<void> TicketService::editDetails(const QUuid &ticketId, const Details &details)
{
    const QString subject = details.subject.trimmed();
    if (subject.isEmpty() || subject.size() > 300)
        return makeError(Error::Code::Invalid, ValidationText::tr("The subject must have 1 to 300 characters."));
    const auto ticket = TicketRepository(m_db, m_agent).get(ticketId);
    if (!ticket)
        return ticket.error();
    QList<Change> changes;
    if (subject != ticket->subject)
        changes.append({QStringLiteral("subject"), subject, ticket->subject, subject});
    if (details.description != ticket->description)
        changes.append({QStringLiteral("description"), details.description, ticket->description, details.description});
    if (details.category != ticket->category)
        changes.append({QStringLiteral("category"), details.category, ticket->category, details.category});
    if (changes.isEmpty())
        return {};
    return apply(ticket.value(), changes);
}

Result<void> TicketService::assign(const QUuid &ticketId, const QUuid &agentId, const QUuid &teamId)
{
    const auto ticket = TicketRepository(m_db, m_agent).get(ticketId);
    if (!ticket)
        return ticket.error();
    if (auto r = checkAssignable(m_db, agentId); agentId != ticket->assigneeId && !r)
        return r;
    return apply(ticket.value(),
                 {{QStringLiteral("assignee_id"), keyValue(agentId), keyText(ticket->assigneeId), keyText(agentId)},
                  {QStringLiteral("team_id"), keyValue(teamId), keyText(ticket->teamId), keyText(teamId)}});
}

Result<void> TicketService::escalate(const QUuid &ticketId, int level, const QString &reason, const Target &target)
{
    const auto ticket = TicketRepository(m_db, m_agent).get(ticketId);
    if (!ticket)
        return ticket.error();
    if (level < 0 || level > kMaxEscalationLevel)
        return makeError(Error::Code::Invalid, ValidationText::tr("The escalation level must be between 0 and 3."));
    if (level > ticket->escalationLevel && reason.trimmed().isEmpty())
        return makeError(Error::Code::Invalid, tr("Say why the ticket is escalated."));
    if (!isOpenStatus(ticket->status))
        return makeError(Error::Code::Invalid, tr("A solved or closed ticket cannot be escalated; reopen it first."));
    if (!target.agent.isNull() && target.team.isNull())
        return makeError(Error::Code::Invalid, tr("Choose the team the ticket is escalated to."));
    if (auto r = checkAssignable(m_db, target.agent); target.agent != ticket->assigneeId && !r)
        return r;
    QList<Change> changes{{QStringLiteral("escalation_level"), level, QString::number(ticket->escalationLevel),
                           QString::number(level)},
                          {QStringLiteral("escalation_reason"), reason.trimmed(), ticket->escalationReason,
                           reason.trimmed()}};
    if (!target.team.isNull()) {
        changes.append({QStringLiteral("assignee_id"), keyValue(target.agent), keyText(ticket->assigneeId),
                        keyText(target.agent)});
        changes.append(
            {QStringLiteral("team_id"), keyValue(target.team), keyText(ticket->teamId), keyText(target.team)});
    }
    return apply(ticket.value(), changes);
}

QString TicketService::escalationLevelName(int level)
{
    switch (level) {
    case 0: return tr("Tier 1 (front line)");
    case 1: return tr("Tier 2");
    case 2: return tr("Team lead");
    case 3: return tr("Another department");
    }
    return QString::number(level);
}

Result<QUuid> TicketService::recordSatisfaction(const QUuid &ticketId, CsatResponse response)
{
    const auto ticket = TicketRepository(m_db, m_agent).get(ticketId);
    if (!ticket)
        return ticket.error();
    if (ticket->status != TicketStatus::Solved && ticket->status != TicketStatus::Closed)
        return makeError(Error::Code::Invalid, tr("Satisfaction is recorded once the ticket is solved."));
    if (const auto errors = validate(response); !errors.isEmpty())
        return makeError(Error::Code::Invalid, joinMessages(errors));
    const QUuid id = newUuidV7();
    const Columns columns{
        {QStringLiteral("ticket_id"), keyValue(ticket->id)},
        {QStringLiteral("customer_id"), keyValue(ticket->customerId)},
        {QStringLiteral("received_at"),
         timeValue(response.receivedAt.isValid() ? response.receivedAt : QDateTime::currentDateTimeUtc())},
        {QStringLiteral("csat"), rowcodec::optionalInt(response.csat)},
        {QStringLiteral("nps"), rowcodec::optionalInt(response.nps)},
        {QStringLiteral("ces"), rowcodec::optionalInt(response.ces)},
        {QStringLiteral("comment"), response.comment.trimmed()},
        {QStringLiteral("complaint"), response.complaint ? 1 : 0},
    };
    if (auto r = inTransaction(m_db,
                               [&] {
                                   return ChangeWriter(m_db, m_agent)
                                       .insert(QStringLiteral("csat_responses"), id, columns);
                               });
        !r)
        return r.error();
    return id;
}

Result<QUuid> TicketService::automaticAssignee(const QUuid &team) const
{
    if (team.isNull())
        return QUuid();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT auto_assign FROM teams WHERE id = ?"));
    q.addBindValue(keyValue(team));
    if (!q.exec())
        return sqlite::toError(q.lastError(), tr("reading the team"));
    const QString mode = q.next() ? q.value(0).toString() : QString();
    if (mode == QLatin1String("least_open")) {
        // The fewest open tickets; ties go to the name first in order.
        q.prepare(QStringLiteral(
            "SELECT a.id FROM agents a WHERE a.team_id = ? AND a.active = 1 AND a.deleted_at IS NULL "
            "ORDER BY (SELECT count(*) FROM tickets t WHERE t.assignee_id = a.id AND t.deleted_at IS NULL "
            "AND t.status NOT IN ('solved', 'closed')), a.name, a.id LIMIT 1"));
    } else if (mode == QLatin1String("round_robin")) {
        // The agent whose latest ticket in the team is the oldest (keys are
        // UUIDv7: they sort by creation). Read from the tickets themselves, so
        // offline clients need no shared counter.
        q.prepare(QStringLiteral(
            "SELECT a.id FROM agents a WHERE a.team_id = ? AND a.active = 1 AND a.deleted_at IS NULL "
            "ORDER BY coalesce((SELECT max(t.id) FROM tickets t WHERE t.assignee_id = a.id AND t.team_id = a.team_id), X''), "
            "a.name, a.id LIMIT 1"));
    } else {
        return QUuid();
    }
    q.addBindValue(keyValue(team));
    if (!q.exec())
        return sqlite::toError(q.lastError(), tr("choosing an agent"));
    return q.next() ? rowcodec::key(q.value(0)) : QUuid();
}

Result<void> TicketService::setSlaPolicy(const QUuid &ticketId, const QUuid &policyId)
{
    const auto ticket = TicketRepository(m_db, m_agent).get(ticketId);
    if (!ticket)
        return ticket.error();
    const auto policy = SlaRepository(m_db).policy(policyId);
    if (!policy)
        return policy.error();
    return apply(ticket.value(),
                 {{QStringLiteral("sla_policy_id"), keyValue(policyId), keyText(ticket->slaPolicyId),
                   keyText(policyId)}},
                 true);
}

bool TicketService::reachesCustomer(const Interaction &i)
{
    if (i.direction == Direction::Outbound)
        return true;
    return i.channel == Channel::Phone || i.channel == Channel::Chat || i.channel == Channel::Visit;
}

Result<void> TicketService::recordInteraction(const Interaction &interaction)
{
    if (interaction.ticketId.isNull() || !reachesCustomer(interaction))
        return {};
    const auto ticket = TicketRepository(m_db, m_agent).get(interaction.ticketId);
    if (!ticket)
        return ticket.error();
    if (ticket->firstRespondedAt)
        return {};
    return inTransaction(m_db, [&]() -> Result<void> {
        // A call that began before the ticket was written responds at the
        // ticket's creation, not before it.
        const QDateTime at = std::max(interaction.startedAt, ticket->meta.createdAt);
        QSqlQuery q(m_db);
        q.prepare(
            QStringLiteral("UPDATE tickets SET first_responded_at = ? WHERE id = ? AND first_responded_at IS NULL"));
        q.addBindValue(timeValue(at));
        q.addBindValue(keyValue(ticket->id));
        if (!q.exec())
            return sqlite::toError(q.lastError(), tr("recording the first response"));
        ChangeHub::note(m_db, QStringLiteral("tickets"), ticket->id);
        if (ticket->status == TicketStatus::New)
            return changeStatus(ticket->id, TicketStatus::Open); // recomputes the due times too
        return SlaEngine(m_db).recompute(ticket->id);
    });
}

Result<void> TicketService::addTag(const QUuid &ticketId, const QString &tag)
{
    const QString trimmed = tag.trimmed();
    if (trimmed.isEmpty() || trimmed.size() > 50)
        return makeError(Error::Code::Invalid, tr("A tag has 1 to 50 characters."));
    const auto ticket = TicketRepository(m_db, m_agent).get(ticketId);
    if (!ticket)
        return ticket.error();
    if (ticket->tags.contains(trimmed))
        return {};
    const QStringList tags = ticket->tags + QStringList{trimmed};
    return apply(ticket.value(), {{QStringLiteral("tags"), rowcodec::tagsJson(tags),
                                   ticket->tags.join(QStringLiteral(", ")), tags.join(QStringLiteral(", "))}});
}

Result<void> TicketService::applyCannedResponse(const QUuid &ticketId, const CannedResponse &response)
{
    return inTransaction(m_db, [&]() -> Result<void> {
        for (const QString &tag : response.addTags) {
            if (auto r = addTag(ticketId, tag); !r)
                return r;
        }
        if (response.setPriority) {
            if (auto r = setPriority(ticketId, *response.setPriority); !r)
                return r;
        }
        if (response.setStatus) {
            const auto ticket = TicketRepository(m_db, m_agent).get(ticketId);
            if (!ticket)
                return ticket.error();
            if (ticket->status != *response.setStatus) {
                if (auto r = changeStatus(ticketId, *response.setStatus); !r)
                    return r;
            }
        }
        return {};
    });
}

Result<TicketService::BulkOutcome> TicketService::forEach(const QList<QUuid> &ticketIds,
                                                          const std::function<Result<void>(const QUuid &)> &change)
{
    return inTransaction(m_db, [&]() -> Result<BulkOutcome> {
        BulkOutcome outcome;
        TicketRepository tickets(m_db, m_agent);
        for (const QUuid &id : ticketIds) {
            const auto r = change(id); // its own savepoint: a refusal leaves nothing behind
            if (r) {
                ++outcome.changed;
                continue;
            }
            if (r.error().code != Error::Code::Invalid && r.error().code != Error::Code::NotFound)
                return r.error();
            const auto t = tickets.get(id);
            outcome.skipped << tr("%1: %2").arg(t ? t->number : uuidToText(id), r.error().message);
        }
        return outcome;
    });
}

} // namespace madoguchi
