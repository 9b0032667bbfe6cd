#include "kpi/kpidrill.h"

#include <array>

namespace madoguchi {

namespace {

constexpr qint64 kDayMs = 86'400'000;

// The conditions below are this file's fixed fragments; every value is bound.
SqlCondition inRange(const char *column, qint64 from, qint64 to)
{
    return {QStringLiteral("t.%1 >= ? AND t.%1 < ?").arg(QLatin1String(column)), {from, to}};
}

SqlCondition operator+(SqlCondition a, const SqlCondition &b)
{
    a.sql += QStringLiteral(" AND ") + b.sql;
    a.values += b.values;
    return a;
}

SqlCondition fixed(const char *sql)
{
    return {QLatin1String(sql), {}};
}

// Open at instant `to`, as the KPI engine's backlog counts it: never
// reopened and either unsolved or solved only later; or reopened, and
// not solved or closed according to its history at that instant.
SqlCondition backlogAt(qint64 to)
{
    return {QStringLiteral(
                "t.created_at < ? AND ("
                "(t.reopen_count = 0 AND (t.status NOT IN ('solved', 'closed') OR t.solved_at >= ?)) "
                "OR (t.reopen_count > 0 AND NOT (t.status IN ('solved', 'closed') AND t.solved_at < ?) "
                "AND coalesce((SELECT e.new_value IN ('solved', 'closed') FROM ticket_events e WHERE e.ticket_id = t.id "
                "AND e.field IN ('created', 'status') AND e.at < ? ORDER BY e.at DESC, e.rowid DESC LIMIT 1), 0) = 0))"),
            {to, to, to, to}};
}

} // namespace

TicketFilter asTicketFilter(const KpiFilter &f)
{
    TicketFilter filter;
    filter.queue = Queue::All;
    filter.team = f.team;
    filter.assignee = f.agent;
    if (f.channel)
        filter.channels = {*f.channel};
    if (f.priority)
        filter.priorities = {*f.priority};
    filter.category = f.category;
    return filter;
}

SqlCondition kpiSetCondition(const KpiDrill &d, qint64 nowMs)
{
    switch (d.set) {
    case KpiSet::Created: return inRange("created_at", d.from, d.to);
    case KpiSet::Solved: return inRange("solved_at", d.from, d.to);
    case KpiSet::Backlog: return backlogAt(d.to);
    case KpiSet::BacklogAge: {
        // The buckets of Kpis::backlogAgeBuckets: an age of exactly one day is "under 1 day".
        static constexpr std::array<qint64, 6> limits{0, kDayMs, 3 * kDayMs, 7 * kDayMs, 30 * kDayMs, 0};
        const int bucket = std::clamp(d.ageBucket, 0, 4);
        SqlCondition c = backlogAt(d.to)
                         + SqlCondition{QStringLiteral("t.created_at < ?"), {d.to - limits[std::size_t(bucket)]}};
        if (bucket < 4)
            c = c + SqlCondition{QStringLiteral("t.created_at >= ?"), {d.to - limits[std::size_t(bucket) + 1]}};
        return c;
    }
    case KpiSet::FirstResponded: return inRange("created_at", d.from, d.to) + fixed("t.first_responded_at IS NOT NULL");
    case KpiSet::FirstContactResolved:
        return inRange("solved_at", d.from, d.to) + fixed("t.interaction_count = 1 AND t.reopen_count = 0");
    case KpiSet::Reopened: return inRange("solved_at", d.from, d.to) + fixed("t.reopen_count > 0");
    case KpiSet::Escalated:
        return inRange("created_at", d.from, d.to)
               + fixed("EXISTS (SELECT 1 FROM ticket_events e WHERE e.ticket_id = t.id AND e.field = 'escalation_level' "
                       "AND CAST(e.new_value AS INTEGER) > CAST(coalesce(e.old_value, '0') AS INTEGER))");
    case KpiSet::FirstResponseMet:
        return inRange("first_responded_at", d.from, d.to)
               + fixed("t.first_response_due IS NOT NULL AND t.first_responded_at <= t.first_response_due");
    case KpiSet::FirstResponseBreached:
        return inRange("first_response_due", d.from, std::min(d.to, nowMs + 1))
               + fixed("(t.first_responded_at IS NULL OR t.first_responded_at > t.first_response_due)");
    case KpiSet::ResolutionMet:
        return inRange("solved_at", d.from, d.to)
               + fixed("t.resolution_due IS NOT NULL AND t.solved_at <= t.resolution_due");
    case KpiSet::ResolutionBreached:
        return inRange("resolution_due", d.from, std::min(d.to, nowMs + 1))
               + fixed("(t.solved_at IS NULL OR t.solved_at > t.resolution_due)");
    case KpiSet::Rated:
        return {QStringLiteral(
                    "EXISTS (SELECT 1 FROM csat_responses r WHERE r.ticket_id = t.id AND r.deleted_at IS NULL "
                    "AND r.received_at >= ? AND r.received_at < ?)"),
                {d.from, d.to}};
    case KpiSet::Handled:
        return {QStringLiteral("EXISTS (SELECT 1 FROM interactions i WHERE i.ticket_id = t.id AND i.deleted_at IS NULL "
                               "AND i.channel IN ('phone', 'chat') AND i.started_at >= ? AND i.started_at < ?)"),
                {d.from, d.to}};
    }
    return fixed("0");
}

TicketFilter drillDownFilter(const KpiDrill &drill, const KpiFilter &filter, qint64 nowMs, const QString &title)
{
    TicketFilter f = asTicketFilter(filter);
    f.subset = TicketSubset{title, kpiSetCondition(drill, nowMs)};
    return f;
}

} // namespace madoguchi
