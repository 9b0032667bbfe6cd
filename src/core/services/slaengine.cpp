#include "services/slaengine.h"

#include "repositories/slarepository.h"
#include "repositories/ticketrepository.h"
#include "storage/changehub.h"
#include "storage/changewriter.h"
#include "storage/rowcodec.h"
#include "storage/sqlite.h"
#include "storage/transaction.h"

#include <QSqlQuery>

namespace madoguchi {

namespace {

QString readingHistory()
{
    return SlaEngine::tr("reading the ticket's status history");
}

// Status history of one ticket: the created status, then each change, in
// the order they happened. An event the team server has counts from the
// time the server accepted for it (its `at`, which the server sets: the
// agent's time corrected by the clock offset when plausible, else the time
// it arrived; resources/sql/server/0006_offline_times.sql). Until then, the
// time this copy recorded.
const char *kHistorySql = "SELECT at AS t, new_value FROM ticket_events WHERE ticket_id = ? "
                          "AND field IN ('created', 'status') AND deleted_at IS NULL ORDER BY t, at, rowid";

QList<StatusChange> readHistory(QSqlQuery &q)
{
    QList<StatusChange> out;
    while (q.next()) {
        if (const auto status = fromKey<TicketStatus>(q.value(1).toString()))
            out.append({rowcodec::time(q.value(0)), *status});
    }
    return out;
}

QVariant dueValue(const std::optional<QDateTime> &due)
{
    return due ? timeValue(*due) : sqlNull();
}

} // namespace

SlaEngine::SlaEngine(QSqlDatabase db)
    : m_db(std::move(db))
{}

Result<std::shared_ptr<const SlaEngine::Rules>> SlaEngine::rules(const QUuid &policyId)
{
    if (const auto it = m_rules.constFind(policyId); it != m_rules.constEnd())
        return it.value();
    SlaRepository repository(m_db);
    auto policy = policyId.isNull() ? repository.defaultPolicy() : repository.policy(policyId);
    if (!policy)
        return policy.error();
    const auto calendar = repository.calendar(policy->calendarId);
    if (!calendar)
        return calendar.error();
    auto made = std::make_shared<const Rules>(
        Rules{std::move(policy).value(), SlaClock(calendar->toBusinessCalendar())});
    m_rules.insert(policyId, made);
    return made;
}

Result<QList<StatusChange>> SlaEngine::history(const QUuid &ticketId) const
{
    QSqlQuery q(m_db);
    q.prepare(QString::fromLatin1(kHistorySql));
    q.addBindValue(keyValue(ticketId));
    if (!q.exec())
        return sqlite::toError(q.lastError(), readingHistory());
    return readHistory(q);
}

SlaEngine::BusinessDurations SlaEngine::businessDurations(const BusinessCalendar &calendar, const QDateTime &created,
                                                          const std::optional<QDateTime> &firstRespondedAt,
                                                          const std::optional<QDateTime> &solvedAt)
{
    auto minutes = [&](const std::optional<QDateTime> &end) -> std::optional<double> {
        if (!end)
            return std::nullopt;
        return double(calendar.businessMs(created.toMSecsSinceEpoch(), end->toMSecsSinceEpoch())) / 60'000.0;
    };
    return {minutes(firstRespondedAt), minutes(solvedAt)};
}

Result<void> SlaEngine::recompute(const QUuid &ticketId)
{
    const auto ticket = TicketRepository(m_db).get(ticketId);
    if (!ticket)
        return ticket.error();
    const auto r = rules(ticket->slaPolicyId);
    if (!r)
        return r.error();
    const auto events = history(ticketId);
    if (!events)
        return events.error();
    const Rules &rule = *r.value();
    const SlaDues dues = computeDues(rule.clock, ticket->meta.createdAt, events.value(),
                                     rule.policy.firstResponseFor(ticket->priority),
                                     rule.policy.resolutionFor(ticket->priority), ticket->firstRespondedAt,
                                     ticket->solvedAt);
    const BusinessDurations durations = businessDurations(rule.clock.calendar(), ticket->meta.createdAt,
                                                          ticket->firstRespondedAt, ticket->solvedAt);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "UPDATE tickets SET first_response_due = ?, resolution_due = ?, first_response_business_min = ?, "
        "resolution_business_min = ? WHERE id = ?"));
    q.addBindValue(dueValue(dues.firstResponse));
    q.addBindValue(dueValue(dues.resolution));
    q.addBindValue(durations.firstResponse ? QVariant(*durations.firstResponse) : sqlNull());
    q.addBindValue(durations.resolution ? QVariant(*durations.resolution) : sqlNull());
    q.addBindValue(keyValue(ticketId));
    if (!q.exec())
        return sqlite::toError(q.lastError(), tr("storing the SLA due times"));
    ChangeHub::note(m_db, QStringLiteral("tickets"), ticketId);
    return {};
}

Result<int> SlaEngine::recomputeRunning(const QString &policyCondition, const QVariant &bound)
{
    forgetRules(); // the policy or calendar has just changed
    return inTransaction(m_db, [&]() -> Result<int> {
        QSqlQuery tickets(m_db);
        tickets.setForwardOnly(true);
        tickets.prepare(
            QStringLiteral("SELECT id, sla_policy_id, priority, created_at, first_responded_at, solved_at FROM tickets "
                           "WHERE deleted_at IS NULL AND status NOT IN ('solved', 'closed') AND %1")
                .arg(policyCondition));
        tickets.addBindValue(bound);
        if (!tickets.exec())
            return sqlite::toError(tickets.lastError(), tr("reading the running tickets"));
        QSqlQuery events(m_db);
        events.prepare(QString::fromLatin1(kHistorySql));
        QSqlQuery update(m_db);
        update.prepare(QStringLiteral(
            "UPDATE tickets SET first_response_due = ?, resolution_due = ?, first_response_business_min = ? "
            "WHERE id = ?"));
        int count = 0;
        while (tickets.next()) {
            const QVariant id = tickets.value(0);
            const auto r = rules(rowcodec::key(tickets.value(1)));
            if (!r)
                return r.error();
            const Priority priority = fromKey<Priority>(tickets.value(2).toString()).value_or(Priority::Normal);
            events.addBindValue(id);
            if (!events.exec())
                return sqlite::toError(events.lastError(), readingHistory());
            const QList<StatusChange> history = readHistory(events);
            const Rules &rule = *r.value();
            const SlaDues dues = computeDues(rule.clock, rowcodec::time(tickets.value(3)), history,
                                             rule.policy.firstResponseFor(priority),
                                             rule.policy.resolutionFor(priority),
                                             rowcodec::optionalTime(tickets.value(4)),
                                             rowcodec::optionalTime(tickets.value(5)));
            const auto durations = businessDurations(rule.clock.calendar(), rowcodec::time(tickets.value(3)),
                                                     rowcodec::optionalTime(tickets.value(4)), std::nullopt);
            update.addBindValue(dueValue(dues.firstResponse));
            update.addBindValue(dueValue(dues.resolution));
            update.addBindValue(durations.firstResponse ? QVariant(*durations.firstResponse) : sqlNull());
            update.addBindValue(id);
            if (!update.exec())
                return sqlite::toError(update.lastError(), tr("storing the SLA due times"));
            ChangeHub::note(m_db, QStringLiteral("tickets"), rowcodec::key(id));
            ++count;
        }
        return count;
    });
}

Result<int> SlaEngine::recomputeForPolicy(const QUuid &policyId)
{
    const auto fallback = SlaRepository(m_db).defaultPolicy();
    if (fallback && fallback->id == policyId)
        return recomputeRunning(QStringLiteral("(sla_policy_id = ? OR sla_policy_id IS NULL)"), keyValue(policyId));
    return recomputeRunning(QStringLiteral("sla_policy_id = ?"), keyValue(policyId));
}

Result<int> SlaEngine::recomputeForCalendar(const QUuid &calendarId)
{
    const auto fallback = SlaRepository(m_db).defaultPolicy();
    if (!fallback)
        return fallback.error();
    const QString policies = QStringLiteral("(SELECT id FROM sla_policies WHERE calendar_id = ?)");
    if (fallback->calendarId == calendarId)
        return recomputeRunning(QStringLiteral("(sla_policy_id IN %1 OR sla_policy_id IS NULL)").arg(policies),
                                keyValue(calendarId));
    return recomputeRunning(QStringLiteral("sla_policy_id IN %1").arg(policies), keyValue(calendarId));
}

Result<SlaStatus> SlaEngine::status(const Ticket &ticket, const QDateTime &now)
{
    const auto r = rules(ticket.slaPolicyId);
    if (!r)
        return r.error();
    const auto events = history(ticket.id);
    if (!events)
        return events.error();
    const Rules &rule = *r.value();
    return slaStatus(rule.clock, ticket, events.value(), rule.policy.firstResponseFor(ticket.priority),
                     rule.policy.resolutionFor(ticket.priority), now);
}

} // namespace madoguchi
