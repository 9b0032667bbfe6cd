#include "services/breachwatch.h"

#include "storage/changewriter.h"
#include "storage/rowcodec.h"
#include "storage/sqlite.h"

#include <QSqlQuery>

namespace madoguchi {

namespace {

// No target is longer than this ahead of its warning point in practice;
// looking further would only read tickets that cannot warn yet.
constexpr qint64 kHorizonDays = 30;

} // namespace

BreachWatch::BreachWatch(QSqlDatabase db)
    : m_db(db)
    , m_engine(std::move(db))
{}

Result<QList<SlaAlert>> BreachWatch::check(const QUuid &agent, const QUuid &team, const QDateTime &now)
{
    if (agent.isNull() && team.isNull())
        return QList<SlaAlert>();
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    // Running tickets only (sla_sort holds their next due time), through the
    // assignee and team indexes of migration 7.
    q.prepare(QStringLiteral(
        "SELECT t.id, t.number, t.subject, t.status, t.priority, t.sla_policy_id, t.first_response_due, t.resolution_due, "
        "t.first_responded_at, t.solved_at, t.assignee_id FROM tickets t "
        "WHERE t.deleted_at IS NULL AND t.status NOT IN ('solved', 'closed') AND t.sla_sort < ? "
        "AND (t.assignee_id = ? OR t.team_id = ?)"));
    q.addBindValue(now.addDays(kHorizonDays).toMSecsSinceEpoch());
    q.addBindValue(keyValue(agent));
    q.addBindValue(keyValue(team));
    if (!q.exec())
        return sqlite::toError(q.lastError(), tr("checking the SLA clocks"));
    QList<SlaAlert> alerts;
    while (q.next()) {
        const auto rules = m_engine.rules(rowcodec::key(q.value(5)));
        if (!rules)
            return rules.error();
        StoredSla stored;
        stored.status = fromKey<TicketStatus>(q.value(3).toString()).value_or(TicketStatus::Open);
        stored.firstResponseDue = rowcodec::optionalTime(q.value(6));
        stored.resolutionDue = rowcodec::optionalTime(q.value(7));
        stored.firstRespondedAt = rowcodec::optionalTime(q.value(8));
        stored.solvedAt = rowcodec::optionalTime(q.value(9));
        const Priority priority = fromKey<Priority>(q.value(4).toString()).value_or(Priority::Normal);
        const SlaEngine::Rules &rule = *rules.value();
        const SlaStatus status = slaStatusFromDues(rule.clock.calendar(), stored,
                                                   rule.policy.firstResponseFor(priority),
                                                   rule.policy.resolutionFor(priority), now);
        if (status.state != SlaStatus::State::Warning && status.state != SlaStatus::State::Breached)
            continue;
        const QUuid id = rowcodec::key(q.value(0));
        // Once per ticket, target, state and due time: a recomputed due time warns again.
        const QString key = QStringLiteral("%1/%2/%3/%4")
                                .arg(id.toString())
                                .arg(int(status.target))
                                .arg(int(status.state))
                                .arg(status.due.toMSecsSinceEpoch());
        if (m_reported.contains(key))
            continue;
        m_reported.insert(key);
        alerts.append({id, q.value(1).toString(), q.value(2).toString(), status, rowcodec::key(q.value(10)) == agent});
    }
    // The most pressing first.
    std::sort(alerts.begin(), alerts.end(),
              [](const SlaAlert &a, const SlaAlert &b) { return a.status.due < b.status.due; });
    return alerts;
}

} // namespace madoguchi
