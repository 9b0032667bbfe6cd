#include "kpi/kpiengine.h"

#include "kpi/kpidrill.h"

#include "domain/uuid.h"
#include "repositories/ticketqueue.h"
#include "services/slaengine.h"
#include "storage/changewriter.h"
#include "storage/rawquery.h"
#include "storage/sqlite.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSqlError>
#include <QtEndian>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <numeric>
#include <thread>

namespace madoguchi {

namespace {

// The translation context "Kpi" (the KPI queries).
struct KpiText
{
    Q_DECLARE_TR_FUNCTIONS(Kpi)
};

constexpr qint64 kMinuteMs = 60'000;
constexpr qint64 kHourMs = 3'600'000;
constexpr qint64 kDayMs = 86'400'000;

// Conditions are fixed SQL fragments with their values bound; the only other
// text spliced into the queries below is column names from this file.
using Condition = SqlCondition;

// The ticket filters on alias t: the "All tickets" queue with the same filters.
Condition ticketFilter(const KpiFilter &f)
{
    return queueCondition(asTicketFilter(f), QueueContext{});
}

bool filtersTickets(const KpiFilter &f)
{
    return f.priority || !f.category.isEmpty();
}

// Interactions by who handled them and on which channel, on `alias` (the
// interactions or their hourly roll-up: both have agent_id and channel).
Condition handlerFilter(const KpiFilter &f, const QString &alias)
{
    Condition c{QStringLiteral("1"), {}};
    if (!f.agent.isNull()) {
        c.sql += QStringLiteral(" AND %1.agent_id = ?").arg(alias);
        c.values << keyValue(f.agent);
    }
    if (!f.team.isNull()) {
        // `alias` is one of this file's table aliases; the team is bound.
        c.sql += QStringLiteral(" AND %1.agent_id IN (SELECT id FROM agents WHERE team_id = ?)").arg(alias);
        c.values << keyValue(f.team);
    }
    if (f.channel) {
        c.sql += QStringLiteral(" AND %1.channel = ?").arg(alias);
        c.values << toKey(*f.channel);
    }
    return c;
}

// The interaction filters on alias i (ticket-only filters through its ticket).
Condition interactionFilter(const KpiFilter &f)
{
    Condition c = handlerFilter(f, QStringLiteral("i"));
    c.sql += QStringLiteral(" AND i.deleted_at IS NULL");
    if (!f.category.isEmpty()) {
        c.sql += QStringLiteral(" AND i.category = ?");
        c.values << f.category;
    }
    if (f.priority) {
        c.sql += QStringLiteral(" AND i.ticket_id IN (SELECT id FROM tickets WHERE priority = ?)");
        c.values << toKey(*f.priority);
    }
    return c;
}

// Rows are matched to agents, channels and priorities on the key's bytes as
// read: with a handful of keys a linear search beats hashing a copy.
qsizetype indexOf(const std::vector<QByteArray> &keys, QByteArrayView key)
{
    for (std::size_t i = 0; i < keys.size(); ++i) {
        if (key == keys[i])
            return qsizetype(i);
    }
    return -1;
}

// The stored keys of an enumeration, in its order.
template<typename E>
std::vector<QByteArray> keyBytes()
{
    std::vector<QByteArray> out;
    for (const QString &key : allKeys<E>())
        out.push_back(key.toLatin1());
    return out;
}

std::optional<double> share(qint64 part, qint64 whole, double scale = 1.0)
{
    if (whole == 0)
        return std::nullopt;
    return scale * double(part) / double(whole);
}

std::optional<double> meanOf(const std::vector<double> &v)
{
    if (v.empty())
        return std::nullopt;
    return std::accumulate(v.begin(), v.end(), 0.0) / double(v.size());
}

QJsonValue json(const std::optional<double> &v)
{
    return v ? QJsonValue(*v) : QJsonValue();
}

QJsonObject json(const DurationStats &d)
{
    return QJsonObject{{QStringLiteral("median"), json(d.median)},
                       {QStringLiteral("p90"), json(d.p90)},
                       {QStringLiteral("mean"), json(d.mean)},
                       {QStringLiteral("count"), d.count},
                       {QStringLiteral("business_median"), json(d.businessMedian)},
                       {QStringLiteral("business_p90"), json(d.businessP90)},
                       {QStringLiteral("business_mean"), json(d.businessMean)}};
}

} // namespace

std::optional<double> ChannelKpis::ahtSeconds() const
{
    if (interactions == 0)
        return std::nullopt;
    return handleSeconds / double(interactions);
}

std::optional<double> SlaCompliance::firstResponsePercent() const
{
    return share(firstResponseMet, firstResponseMet + firstResponseBreached, 100.0);
}

std::optional<double> SlaCompliance::resolutionPercent() const
{
    return share(resolutionMet, resolutionMet + resolutionBreached, 100.0);
}

std::optional<double> percentile(const std::vector<double> &sorted, double q)
{
    if (sorted.empty())
        return std::nullopt;
    const double h = (double(sorted.size()) - 1.0) * q;
    const auto lo = std::size_t(std::floor(h));
    const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
    return sorted[lo] + (h - double(lo)) * (sorted[hi] - sorted[lo]);
}

std::optional<double> quantile(std::vector<double> &values, double q)
{
    if (values.empty())
        return std::nullopt;
    // The same ranks as percentile() on the sorted values, found by
    // selection (linear) instead of a sort: the two neighbours of rank h.
    const double h = (double(values.size()) - 1.0) * q;
    const auto lo = std::size_t(std::floor(h));
    std::nth_element(values.begin(), values.begin() + std::ptrdiff_t(lo), values.end());
    const double below = values[lo];
    if (lo + 1 >= values.size())
        return below;
    const double above = *std::min_element(values.begin() + std::ptrdiff_t(lo) + 1, values.end());
    return below + (h - double(lo)) * (above - below);
}

DurationStats DurationStats::of(std::vector<double> calendar, std::vector<double> business)
{
    DurationStats d;
    d.count = qint64(calendar.size());
    d.median = quantile(calendar, 0.5);
    d.p90 = quantile(calendar, 0.9);
    d.mean = meanOf(calendar);
    d.businessMedian = quantile(business, 0.5);
    d.businessP90 = quantile(business, 0.9);
    d.businessMean = meanOf(business);
    return d;
}

QJsonObject Kpis::toJson() const
{
    QJsonArray agents;
    for (const AgentKpis &a : perAgent) {
        agents.append(QJsonObject{{QStringLiteral("agent_id"), uuidToText(a.id)},
                                  {QStringLiteral("agent"), a.name},
                                  {QStringLiteral("solved"), a.solved},
                                  {QStringLiteral("interactions"), a.interactions},
                                  {QStringLiteral("aht_seconds"), json(a.ahtSeconds)},
                                  {QStringLiteral("first_response_median"), json(a.firstResponseMedian)},
                                  {QStringLiteral("csat_percent"), json(a.csatPercent)},
                                  {QStringLiteral("fcr_rate"), json(a.fcrRate)},
                                  {QStringLiteral("qa_score"), json(a.qaScore)}});
    }
    QJsonArray channels;
    for (const ChannelKpis &c : perChannel) {
        channels.append(QJsonObject{{QStringLiteral("channel"), toKey(c.channel)},
                                    {QStringLiteral("interactions"), c.interactions},
                                    {QStringLiteral("tickets_created"), c.ticketsCreated}});
    }
    QJsonArray days;
    for (const DayVolume &d : volumeByDay) {
        days.append(QJsonObject{{QStringLiteral("day"), d.day.toString(Qt::ISODate)},
                                {QStringLiteral("created"), d.created},
                                {QStringLiteral("solved"), d.solved}});
    }
    return QJsonObject{
        {QStringLiteral("from"), period.from.toString(Qt::ISODate)},
        {QStringLiteral("to"), period.to.toString(Qt::ISODate)},
        {QStringLiteral("tickets_created"), ticketsCreated},
        {QStringLiteral("tickets_solved"), ticketsSolved},
        {QStringLiteral("backlog"), backlog},
        {QStringLiteral("backlog_age_buckets"), QJsonObject{{QStringLiteral("under_1_day"), backlogAgeBuckets[0]},
                                                            {QStringLiteral("1_to_3_days"), backlogAgeBuckets[1]},
                                                            {QStringLiteral("3_to_7_days"), backlogAgeBuckets[2]},
                                                            {QStringLiteral("7_to_30_days"), backlogAgeBuckets[3]},
                                                            {QStringLiteral("over_30_days"), backlogAgeBuckets[4]}}},
        {QStringLiteral("first_response_minutes"), json(firstResponseMinutes)},
        {QStringLiteral("resolution_minutes"), json(resolutionMinutes)},
        {QStringLiteral("aht_seconds"), json(ahtSeconds)},
        {QStringLiteral("fcr_rate"), json(fcrRate)},
        {QStringLiteral("csat_percent"), json(csatPercent)},
        {QStringLiteral("nps"), json(nps)},
        {QStringLiteral("sla_first_response_percent"), json(slaFirstResponsePercent)},
        {QStringLiteral("sla_resolution_percent"), json(slaResolutionPercent)},
        {QStringLiteral("reopen_rate"), json(reopenRate)},
        {QStringLiteral("escalation_rate"), json(escalationRate)},
        {QStringLiteral("per_agent"), agents},
        {QStringLiteral("per_channel"), channels},
        {QStringLiteral("volume_by_day"), days},
    };
}

namespace {

// Survey responses counted together: overall, or for one step of the trend.
struct Surveys
{
    qint64 satisfied = 0, rated = 0, promoters = 0, detractors = 0, scored = 0;

    void addCsat(qint64 csat)
    {
        ++rated;
        satisfied += csat >= 4;
    }
    void addNps(qint64 nps)
    {
        ++scored;
        promoters += nps >= 9;
        detractors += nps <= 6;
    }
    std::optional<double> csatPercent() const { return share(satisfied, rated, 100.0); }
    std::optional<double> nps() const
    {
        if (scored == 0)
            return std::nullopt;
        return 100.0 * double(promoters - detractors) / double(scored);
    }
};

// Business minutes on each ticket's SLA calendar, for rows written
// before they were kept on the ticket (the rules of the last policy seen
// are kept: tickets mostly share one). One per connection.
struct BusinessMinutes
{
    explicit BusinessMinutes(const QSqlDatabase &db)
        : sla(db)
    {}
    SlaEngine sla;
    QByteArray lastPolicy{"-"};
    const BusinessCalendar *calendar = nullptr;
    std::shared_ptr<const SlaEngine::Rules> rules;

    std::optional<double> operator()(const RawQuery &row, int policyColumn, qint64 a, qint64 b)
    {
        const QByteArray policy = row.isNull(policyColumn) ? QByteArray() : row.blob(policyColumn);
        if (policy != lastPolicy) {
            lastPolicy = policy;
            const auto found = sla.rules(policy.isEmpty() ? QUuid() : QUuid::fromRfc4122(policy));
            rules = found ? found.value() : nullptr;
            calendar = rules ? &rules->clock.calendar() : nullptr;
        }
        if (!calendar)
            return std::nullopt;
        return double(calendar->businessMs(a, b)) / double(kMinuteMs);
    }
};

// How long the tickets read took, from a to b: in calendar minutes, and in
// business minutes where their calendar is known.
struct TicketDurations
{
    explicit TicketDurations(const QSqlDatabase &db)
        : businessMinutesRaw(db)
    {}
    BusinessMinutes businessMinutesRaw;
    std::vector<double> calendarMinutes;
    std::vector<double> business;

    // Adds one ticket and returns its calendar minutes. The business minutes
    // are kept on the ticket (`keptColumn`); computed here only for rows
    // written before they were.
    double add(const RawQuery &row, int keptColumn, int policyColumn, qint64 a, qint64 b)
    {
        const double minutes = double(b - a) / double(kMinuteMs);
        calendarMinutes.push_back(minutes);
        if (!row.isNull(keptColumn))
            business.push_back(row.real(keptColumn));
        else if (const auto bm = businessMinutesRaw(row, policyColumn, a, b))
            business.push_back(*bm);
        return minutes;
    }
    DurationStats stats() { return DurationStats::of(std::move(calendarMinutes), std::move(business)); }
};

// What the KPI families share: the result being filled, the filter and the
// period's instants, the lookups from a row to its agent, channel, priority,
// day and trend step, and the tallies per agent and per step that are
// finished once everything has been read.
struct KpiContext
{
    KpiContext(Kpis &result, const KpiFilter &f, const KpiEngine &engine, QTimeZone teamZone, qint64 now,
               TrendStep step, QString what);

    Kpis &kpis;
    const KpiFilter &filter;
    const Condition tf; // the ticket filters on alias t
    const qint64 from;
    const qint64 to;
    const qint64 nowMs;
    const QString reading; // what failed, for an error
    const QTimeZone zone;

    // Per agent, by row of perAgent. Agents are told apart by the random half of their UUIDv7 (the last
    // eight bytes) as one integer, then confirmed whole.
    std::vector<QByteArray> agentKeys;
    std::vector<quint64> agentTails;
    std::vector<std::vector<double>> agentFirstResponse;
    std::vector<std::pair<qint64, qint64>> agentFcr;    // first-contact solves, solves
    std::vector<std::pair<qint64, qint64>> agentCsat;   // satisfied, responses
    std::vector<std::pair<double, qint64>> agentHandle; // handle seconds, interactions handled

    const std::vector<QByteArray> channelKeys = keyBytes<Channel>();
    const std::vector<QByteArray> priorityKeys = keyBytes<Priority>();

    // The start of each day of the period (and of the day after): which day
    // an instant falls on is a binary search, not a time-zone conversion.
    std::vector<qint64> dayStarts;
    // Without a daylight-saving change every day is 24 hours: a division.
    bool uniformDays = true;
    qsizetype days = 0;

    // The trend's step of each day, and the tallies per step.
    std::vector<std::size_t> stepOfDay;
    std::vector<int> weekdayOfDay; // Monday 0
    std::vector<std::vector<double>> stepFirstResponse;
    std::vector<std::vector<double>> stepResolution;
    std::vector<Surveys> stepSurveys;
    // Solves of tickets never reopened, per day: the backlog's outflow.
    std::vector<qint64> solvedOnce;

    // The row of perAgent of the agent in `column`, or -1 (none, or not one of them).
    qsizetype agentOf(const RawQuery &row, int column) const
    {
        if (row.isNull(column))
            return qsizetype(-1);
        const QByteArrayView id = row.view(column);
        if (id.size() != 16)
            return qsizetype(-1);
        const auto tail = qFromUnaligned<quint64>(id.data() + 8);
        for (std::size_t i = 0; i < agentTails.size(); ++i) {
            if (agentTails[i] == tail && id == agentKeys[i])
                return qsizetype(i);
        }
        return qsizetype(-1);
    }
    qsizetype channelOf(const RawQuery &row, int column) const { return indexOf(channelKeys, row.view(column)); }
    qsizetype priorityOf(const RawQuery &row, int column) const { return indexOf(priorityKeys, row.view(column)); }
    qsizetype dayIndex(qint64 ms) const
    {
        if (uniformDays) {
            const qint64 offset = ms - dayStarts.front();
            return offset < 0 ? qsizetype(-1) : qsizetype(offset / kDayMs);
        }
        return qsizetype(std::upper_bound(dayStarts.begin(), dayStarts.end(), ms) - dayStarts.begin()) - 1;
    }
    bool inPeriod(qsizetype day) const { return day >= 0 && day < days; }
    // Tickets by an instant in the period: `sql` binds the period's start and
    // end, then has the ticket filters at %1.
    RawQuery ticketsIn(const QSqlDatabase &db, const QString &sql) const
    {
        return RawQuery(db, sql.arg(tf.sql), QVariantList{from, to} + tf.values);
    }
    // The hour of the week an instant of the period falls in; a day with a
    // daylight-saving change is not 24 hours long and asks the time zone.
    int hourOfWeek(qsizetype day, qint64 ms) const
    {
        const auto d = std::size_t(day);
        const qint64 length = dayStarts[d + 1] - dayStarts[d];
        const int hour = length == kDayMs ? int((ms - dayStarts[d]) / kHourMs)
                                          : QDateTime::fromMSecsSinceEpoch(ms, zone).time().hour();
        return weekdayOfDay[d] * 24 + hour;
    }

private:
    void indexAgents();
    void layOutDays(const KpiEngine &engine);
    void layOutTrend(TrendStep step);
};

KpiContext::KpiContext(Kpis &result, const KpiFilter &f, const KpiEngine &engine, QTimeZone teamZone, qint64 now,
                       TrendStep step, QString what)
    : kpis(result)
    , filter(f)
    , tf(ticketFilter(f))
    , from(engine.startOf(result.period.from).toMSecsSinceEpoch())
    , to(engine.startOf(result.period.to).toMSecsSinceEpoch())
    , nowMs(now)
    , reading(std::move(what))
    , zone(std::move(teamZone))
{
    indexAgents();
    for (const QString &key : allKeys<Channel>())
        kpis.perChannel.append({*fromKey<Channel>(key), 0, 0});
    // SLA compliance is counted per priority, for the compliance chart.
    for (const QString &key : allKeys<Priority>())
        kpis.slaByPriority.append(SlaCompliance{*fromKey<Priority>(key), 0, 0, 0, 0});
    layOutDays(engine);
    layOutTrend(step);
}

void KpiContext::indexAgents()
{
    for (const AgentKpis &a : std::as_const(kpis.perAgent)) {
        agentKeys.push_back(a.id.toRfc4122());
        agentTails.push_back(qFromUnaligned<quint64>(agentKeys.back().constData() + 8));
    }
    const std::size_t agents = kpis.perAgent.size();
    agentFirstResponse.resize(agents);
    agentFcr.resize(agents);
    agentCsat.resize(agents);
    agentHandle.resize(agents);
}

void KpiContext::layOutDays(const KpiEngine &engine)
{
    const KpiPeriod &period = kpis.period;
    for (QDate d = period.from; d < period.to; d = d.addDays(1))
        kpis.volumeByDay.append({d, 0, 0});
    for (QDate d = period.from; d <= period.to; d = d.addDays(1))
        dayStarts.push_back(engine.startOf(d).toMSecsSinceEpoch());
    for (std::size_t d = 1; d < dayStarts.size(); ++d)
        uniformDays = uniformDays && dayStarts[d] - dayStarts[d - 1] == kDayMs;
    days = kpis.volumeByDay.size();
    solvedOnce.assign(std::size_t(days), 0);
}

// The trend's steps, and the step of each day.
void KpiContext::layOutTrend(TrendStep step)
{
    kpis.trendStep = step;
    stepOfDay.assign(std::size_t(days), 0);
    weekdayOfDay.assign(std::size_t(days), 0);
    for (qsizetype d = 0; d < days; ++d) {
        const QDate day = kpis.period.from.addDays(d);
        if (d == 0 || step == TrendStep::Day || day.dayOfWeek() == Qt::Monday)
            kpis.trend.append(TrendPoint{day, day, 0, 0, 0, {}, {}, {}, {}, {}, {}});
        kpis.trend.last().end = day.addDays(1);
        stepOfDay[std::size_t(d)] = std::size_t(kpis.trend.size() - 1);
        weekdayOfDay[std::size_t(d)] = day.dayOfWeek() - 1;
        ++kpis.weekdays[std::size_t(day.dayOfWeek() - 1)];
    }
    const std::size_t steps = std::size_t(kpis.trend.size());
    stepFirstResponse.resize(steps);
    stepResolution.resize(steps);
    stepSurveys.resize(steps);
}

// Agents: all of them (within the team filter), so that one with no work shows as such.
std::optional<Error> readAgents(const QSqlDatabase &db, const KpiFilter &filter, const QString &reading,
                                QList<AgentKpis> &perAgent)
{
    QString sql = QStringLiteral("SELECT id, name FROM agents WHERE deleted_at IS NULL");
    QVariantList values;
    if (!filter.team.isNull()) {
        sql += QStringLiteral(" AND team_id = ?");
        values << keyValue(filter.team);
    }
    if (!filter.agent.isNull()) {
        sql += QStringLiteral(" AND id = ?");
        values << keyValue(filter.agent);
    }
    RawQuery q(db, sql + QStringLiteral(" ORDER BY name, id"), values);
    while (q.next()) {
        AgentKpis a;
        a.id = QUuid::fromRfc4122(q.view(0));
        a.name = q.text(1);
        perAgent.append(a);
    }
    return q.error(reading);
}

// Tickets created in the period: volume, first response, channel mix.
std::optional<Error> readCreatedTickets(KpiContext &ctx, const QSqlDatabase &db)
{
    Kpis &k = ctx.kpis;
    TicketDurations durations(db);
    // Served by the covering index tickets_kpi_created (migration 9).
    RawQuery t = ctx.ticketsIn(
        db, QStringLiteral(
                "SELECT t.created_at, t.first_responded_at, "
                // The policy only where its business minutes are missing: SQLite
                // copies each text or blob column it returns, row by row.
                "CASE WHEN t.first_response_business_min IS NULL THEN t.sla_policy_id END, t.channel, t.assignee_id, "
                "t.first_response_business_min FROM tickets t WHERE t.created_at >= ? AND t.created_at < ? AND %1"));
    while (t.next()) {
        ++k.ticketsCreated;
        const qint64 created = t.integer(0);
        const qsizetype day = ctx.dayIndex(created);
        if (ctx.inPeriod(day))
            ++k.volumeByDay[day].created;
        if (const qsizetype c = ctx.channelOf(t, 3); c >= 0)
            ++k.perChannel[c].ticketsCreated;
        if (t.isNull(1))
            continue;
        const double minutes = durations.add(t, 5, 2, created, t.integer(1));
        if (ctx.inPeriod(day))
            ctx.stepFirstResponse[ctx.stepOfDay[std::size_t(day)]].push_back(minutes);
        if (const qsizetype a = ctx.agentOf(t, 4); a >= 0)
            ctx.agentFirstResponse[std::size_t(a)].push_back(minutes);
    }
    if (const auto e = t.error(ctx.reading))
        return *e;
    k.firstResponseMinutes = durations.stats();
    return std::nullopt;
}

// Escalated: the level was raised at least once (tickets.escalated, kept
// from the escalation events by migration 12's triggers).
std::optional<Error> readEscalations(KpiContext &ctx, const QSqlDatabase &db)
{
    RawQuery e = ctx.ticketsIn(db, QStringLiteral("SELECT count(*) FROM tickets t WHERE t.created_at >= ? AND "
                                                  "t.created_at < ? AND %1 AND t.escalated = 1"));
    if (!e.next())
        return e.error(ctx.reading).value_or(makeError(Error::Code::Database, ctx.reading));
    ctx.kpis.escalationRate = share(e.integer(0), ctx.kpis.ticketsCreated);
    return std::nullopt;
}

// One set of the backlog at the period's end: rows of a ticket's creation
// and whether it was solved or closed at the end (those are not counted).
std::optional<Error> countBacklogSet(KpiContext &ctx, const QSqlDatabase &db, const QString &sql,
                                     const QVariantList &values)
{
    static constexpr std::array<qint64, 4> limits{kDayMs, 3 * kDayMs, 7 * kDayMs, 30 * kDayMs};
    Kpis &k = ctx.kpis;
    RawQuery b(db, sql, values);
    while (b.next()) {
        if (b.integer(1) != 0)
            continue;
        ++k.backlog;
        const qint64 age = ctx.to - b.integer(0);
        const auto bucket = std::size_t(std::upper_bound(limits.begin(), limits.end(), age - 1) - limits.begin());
        ++k.backlogAgeBuckets[std::min<std::size_t>(bucket, 4)];
    }
    return b.error(ctx.reading);
}

// Backlog at the end of the period: created before it and not solved or
// closed at that instant. Three sets, each read through its own index:
// never solved (open now, never reopened), solved only after the end
// (never reopened), and reopened tickets, whose status at the end is
// looked up in their history.
std::optional<Error> readBacklog(KpiContext &ctx, const QSqlDatabase &db)
{
    const Condition &tf = ctx.tf;
    const qint64 to = ctx.to;
    if (auto e = countBacklogSet(
            ctx, db,
            QStringLiteral(
                "SELECT t.created_at, 0 FROM tickets t WHERE %1 AND t.status NOT IN ('solved', 'closed') "
                "AND t.reopen_count = 0 AND t.created_at < ?") // the partial index of open, never reopened tickets
                .arg(tf.sql),
            tf.values + QVariantList{to}))
        return *e;
    if (auto e = countBacklogSet(ctx, db,
                                 QStringLiteral(
                                     "SELECT t.created_at, 0 FROM tickets t WHERE %1 AND t.solved_at IS NOT NULL "
                                     "AND t.solved_at >= ? AND t.reopen_count = 0 AND t.created_at < ?")
                                     .arg(tf.sql),
                                 tf.values + QVariantList{to, to}))
        return *e;
    if (auto e = countBacklogSet(ctx, db,
                                 QStringLiteral(
                                     "SELECT t.created_at, coalesce((SELECT e.new_value IN ('solved', 'closed') "
                                     "FROM ticket_events e WHERE e.ticket_id = t.id AND e.field IN ('created', 'status') "
                                     "AND e.at < ? ORDER BY e.at DESC, e.rowid DESC LIMIT 1), 0) "
                                     "FROM tickets t WHERE %1 AND t.reopen_count > 0 AND t.created_at < ? "
                                     // Solved again before the end (solved_at is the last solve, and a
                                     // reopen clears it): solved then, no history needed.
                                     "AND NOT (t.status IN ('solved', 'closed') AND t.solved_at < ?)")
                                     .arg(tf.sql),
                                 QVariantList{to} + tf.values + QVariantList{to, to}))
        return *e;
    return std::nullopt;
}

// One count per priority, each a range of its index (priority first).
std::optional<Error> countPerPriority(KpiContext &ctx, const QSqlDatabase &db, const QString &sql,
                                      const QVariantList &values, qint64 SlaCompliance::*count)
{
    for (SlaCompliance &c : ctx.kpis.slaByPriority) {
        RawQuery q(db, sql, QVariantList{toKey(c.priority)} + values);
        if (!q.next())
            return q.error(ctx.reading).value_or(makeError(Error::Code::Database, ctx.reading));
        c.*count += q.integer(0);
    }
    return std::nullopt;
}

// SLA compliance for one target, over tickets whose target was met or fell
// due in the period: met by the due time (counted when met), or not met
// by then (counted when it fell due, once that has happened).
// Met: first responses by their due time, from their partial index
// (resolutions met were counted in the solved pass, metCount null).
// Breached: targets fallen due, by now, unmet, from theirs.
std::optional<Error> countSlaTarget(KpiContext &ctx, const QSqlDatabase &db, const char *due, const char *met,
                                    qint64 SlaCompliance::*metCount, qint64 SlaCompliance::*breachedCount)
{
    const Condition &tf = ctx.tf;
    if (metCount) {
        if (auto e = countPerPriority(ctx, db,
                                      QStringLiteral(
                                          "SELECT count(*) FROM tickets t WHERE t.priority = ? AND t.%2 >= ? AND t.%2 < ? "
                                          "AND t.%2 IS NOT NULL AND t.%1 IS NOT NULL AND t.%2 <= t.%1 AND %3")
                                          .arg(QLatin1String(due), QLatin1String(met), tf.sql),
                                      QVariantList{ctx.from, ctx.to} + tf.values, metCount))
            return e;
    }
    return countPerPriority(ctx, db,
                            QStringLiteral(
                                "SELECT count(*) FROM tickets t WHERE t.priority = ? AND t.%1 >= ? AND t.%1 < ? "
                                "AND t.%1 IS NOT NULL AND (t.%2 IS NULL OR t.%2 > t.%1) AND %3")
                                .arg(QLatin1String(due), QLatin1String(met), tf.sql),
                            QVariantList{ctx.from, std::min(ctx.to, ctx.nowMs + 1)} + tf.values, breachedCount);
}

// SLA attainment per priority: first responses met and breached, resolutions breached.
std::optional<Error> readSlaCompliance(KpiContext &ctx, const QSqlDatabase &db)
{
    if (auto e = countSlaTarget(ctx, db, "first_response_due", "first_responded_at", &SlaCompliance::firstResponseMet,
                                &SlaCompliance::firstResponseBreached))
        return *e;
    if (auto e = countSlaTarget(ctx, db, "resolution_due", "solved_at", nullptr, &SlaCompliance::resolutionBreached))
        return *e;
    return std::nullopt;
}

// Handle time of the phone and chat interactions read: the overall AHT.
struct HandleTime
{
    double seconds = 0;
    qint64 interactions = 0;
};

// One row: `count` interactions of an agent on a channel started at
// `started` (the hour's start, for the roll-up), `seconds` of handle time.
void tallyInteractions(KpiContext &ctx, HandleTime &handled, const RawQuery &row, qint64 started, qint64 count,
                       double seconds, bool inbound)
{
    constexpr qsizetype phone = qsizetype(Channel::Phone);
    constexpr qsizetype chat = qsizetype(Channel::Chat);
    Kpis &k = ctx.kpis;
    const qsizetype c = ctx.channelOf(row, 1);
    if (c >= 0) {
        ChannelKpis &channel = k.perChannel[c];
        channel.interactions += count;
        channel.handleSeconds += seconds;
        if (inbound) {
            channel.inbound += count;
            if (const qsizetype day = ctx.dayIndex(started); ctx.inPeriod(day))
                k.arrivals[c][std::size_t(ctx.hourOfWeek(day, started))] += count;
        }
    }
    const qsizetype a = ctx.agentOf(row, 0);
    if (a >= 0)
        k.perAgent[a].interactions += count;
    if (c != phone && c != chat)
        return;
    handled.seconds += seconds;
    handled.interactions += count;
    if (a >= 0) {
        ctx.agentHandle[std::size_t(a)].first += seconds;
        ctx.agentHandle[std::size_t(a)].second += count;
    }
}

// Interactions started in the period: handle time on phone and chat,
// channel mix, inbound arrivals by hour, per agent.
std::optional<Error> readInteractions(KpiContext &ctx, const QSqlDatabase &db)
{
    Kpis &k = ctx.kpis;
    const KpiFilter &filter = ctx.filter;
    HandleTime handled;
    k.arrivals.fill(WeekHours{}, k.perChannel.size());
    // The hourly roll-up of migration 12 serves periods of whole UTC
    // hours (every zone but the half- and quarter-hour ones) filtered by
    // agent, team or channel; the rest reads each interaction from the
    // covering handling index.
    const bool wholeHours = ctx.from % kHourMs == 0 && ctx.to % kHourMs == 0;
    if (wholeHours && !filtersTickets(filter)) {
        const Condition hf = handlerFilter(filter, QStringLiteral("r"));
        RawQuery r(db,
                   QStringLiteral("SELECT r.agent_id, r.channel, r.hour, r.n, r.handle_s, r.direction = 'inbound' "
                                  "FROM kpi_interaction_hours r WHERE r.hour >= ? AND r.hour < ? AND %1")
                       .arg(hf.sql),
                   QVariantList{ctx.from / kHourMs, ctx.to / kHourMs} + hf.values);
        while (r.next())
            tallyInteractions(ctx, handled, r, r.integer(2) * kHourMs, r.integer(3), r.real(4), r.integer(5) != 0);
        if (const auto e = r.error(ctx.reading))
            return *e;
    } else {
        const Condition inf = interactionFilter(filter);
        // Read off the covering handling index and summed here: grouping
        // in SQL would sort the whole range first.
        RawQuery i(db,
                   QStringLiteral("SELECT i.agent_id, i.channel, i.started_at, i.duration_s + i.wrap_up_s, "
                                  "i.direction = 'inbound' FROM interactions i "
                                  "WHERE i.started_at >= ? AND i.started_at < ? AND %1")
                       .arg(inf.sql),
                   QVariantList{ctx.from, ctx.to} + inf.values);
        while (i.next())
            tallyInteractions(ctx, handled, i, i.integer(2), 1, i.real(3), i.integer(4) != 0);
        if (const auto e = i.error(ctx.reading))
            return *e;
    }
    k.ahtSeconds = handled.interactions > 0 ? std::optional(handled.seconds / double(handled.interactions))
                                            : std::nullopt;
    return std::nullopt;
}

// Tickets solved (last solve) in the period: resolution, FCR, reopen rate.
std::optional<Error> readSolvedTickets(KpiContext &ctx, const QSqlDatabase &db)
{
    Kpis &k = ctx.kpis;
    TicketDurations durations(db);
    RawQuery t = ctx.ticketsIn(
        db,
        QStringLiteral(
            "SELECT t.created_at, t.solved_at, CASE WHEN t.resolution_business_min IS NULL THEN t.sla_policy_id END, "
            "t.reopen_count, t.assignee_id, "
            "t.interaction_count, t.resolution_business_min, t.resolution_due, t.priority "
            "FROM tickets t WHERE t.solved_at >= ? AND t.solved_at < ? AND %1"));
    qint64 firstContact = 0;
    qint64 reopened = 0;
    while (t.next()) {
        ++k.ticketsSolved;
        const qint64 created = t.integer(0);
        const qint64 solved = t.integer(1);
        const qsizetype day = ctx.dayIndex(solved);
        const double minutes = durations.add(t, 6, 2, created, solved);
        const bool wasReopened = t.integer(3) > 0;
        // Resolution met by its due time: counted here, where it happened.
        if (!t.isNull(7) && solved <= t.integer(7)) {
            if (const qsizetype p = ctx.priorityOf(t, 8); p >= 0)
                ++k.slaByPriority[p].resolutionMet;
        }
        if (ctx.inPeriod(day)) {
            ++k.volumeByDay[day].solved;
            ctx.solvedOnce[std::size_t(day)] += !wasReopened;
            ctx.stepResolution[ctx.stepOfDay[std::size_t(day)]].push_back(minutes);
        }
        const bool fcr = t.integer(5) == 1 && !wasReopened;
        firstContact += fcr;
        reopened += wasReopened;
        if (const qsizetype a = ctx.agentOf(t, 4); a >= 0) {
            ++k.perAgent[a].solved;
            ctx.agentFcr[std::size_t(a)].first += fcr;
            ++ctx.agentFcr[std::size_t(a)].second;
        }
    }
    if (const auto e = t.error(ctx.reading))
        return *e;
    k.resolutionMinutes = durations.stats();
    k.fcrRate = share(firstContact, k.ticketsSolved);
    k.reopenRate = share(reopened, k.ticketsSolved);
    return std::nullopt;
}

// Survey responses received in the period: CSAT and NPS, overall, per step
// of the trend and (CSAT) per agent.
std::optional<Error> readSurveys(KpiContext &ctx, const QSqlDatabase &db)
{
    const KpiFilter &filter = ctx.filter;
    const bool byTicket = !filter.team.isNull() || !filter.agent.isNull() || filter.channel || filtersTickets(filter);
    const QString sql
        = byTicket
              ? QStringLiteral(
                    "SELECT r.csat, r.nps, t.assignee_id, r.received_at FROM csat_responses r JOIN tickets t ON t.id = r.ticket_id "
                    "WHERE r.deleted_at IS NULL AND r.received_at >= ? AND r.received_at < ? AND %1")
                    .arg(ctx.tf.sql)
              // Unfiltered: migration 12's copy of the live responses with their
              // ticket's assignee, in time order.
              : QStringLiteral("SELECT r.csat, r.nps, r.assignee_id, r.received_at FROM kpi_csat r "
                               "WHERE r.received_at >= ? AND r.received_at < ?");
    RawQuery q(db, sql, QVariantList{ctx.from, ctx.to} + (byTicket ? ctx.tf.values : QVariantList()));
    Surveys all;
    while (q.next()) {
        const qsizetype day = ctx.dayIndex(q.integer(3));
        Surveys *inStep = ctx.inPeriod(day) ? &ctx.stepSurveys[ctx.stepOfDay[std::size_t(day)]] : nullptr;
        if (!q.isNull(0)) {
            const qint64 csat = q.integer(0);
            all.addCsat(csat);
            if (inStep)
                inStep->addCsat(csat);
            if (const qsizetype a = ctx.agentOf(q, 2); a >= 0) {
                ctx.agentCsat[std::size_t(a)].first += csat >= 4;
                ++ctx.agentCsat[std::size_t(a)].second;
            }
        }
        if (!q.isNull(1)) {
            const qint64 nps = q.integer(1);
            all.addNps(nps);
            if (inStep)
                inStep->addNps(nps);
        }
    }
    if (const auto e = q.error(ctx.reading))
        return *e;
    ctx.kpis.csatPercent = all.csatPercent();
    ctx.kpis.nps = all.nps();
    return std::nullopt;
}

using KpiFamily = std::optional<Error> (*)(KpiContext &, const QSqlDatabase &);

// Reads the families in order, up to the first error.
std::optional<Error> readFamilies(KpiContext &ctx, const QSqlDatabase &db, std::initializer_list<KpiFamily> families)
{
    for (const KpiFamily read : families) {
        if (auto e = read(ctx, db))
            return e;
    }
    return std::nullopt;
}

// Tickets by creation, the backlog, SLA compliance and interactions.
std::optional<Error> readTicketsPart(KpiContext &ctx, const QSqlDatabase &db)
{
    return readFamilies(ctx, db,
                        {&readCreatedTickets, &readEscalations, &readBacklog, &readSlaCompliance, &readInteractions});
}

// Solves and surveys.
std::optional<Error> readSolvesPart(KpiContext &ctx, const QSqlDatabase &db)
{
    return readFamilies(ctx, db, {&readSolvedTickets, &readSurveys});
}

// The figures are read in two parts at once, each on its own connection:
// tickets by creation, the backlog, SLA compliance and interactions here;
// solves and surveys on a second thread (a 90-day period reads about a
// million index entries; two cores halve the wait). The parts write
// disjoint fields.
std::optional<Error> readBothParts(KpiContext &ctx, const QSqlDatabase &main)
{
    std::optional<Error> solvesError;
    const QString databaseName = main.databaseName();
    if (databaseName.isEmpty() || databaseName == u":memory:") {
        // A private in-memory database cannot be opened twice: one part after the other.
        solvesError = readSolvesPart(ctx, main);
    } else {
        std::thread second([&] {
            // Its own connection (QSqlDatabase stays in the thread that opened it).
            static std::atomic<int> serial{0};
            const QString name = QStringLiteral("madoguchi-kpi-%1").arg(serial.fetch_add(1));
            {
                QSqlDatabase db = QSqlDatabase::cloneDatabase(main.connectionName(), name);
                db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
                if (db.open())
                    solvesError = readSolvesPart(ctx, db);
                else
                    solvesError = sqlite::toError(db.lastError(), ctx.reading);
                db.close();
            }
            QSqlDatabase::removeDatabase(name);
        });
        const std::optional<Error> ticketsError = readTicketsPart(ctx, main);
        second.join();
        if (ticketsError)
            return *ticketsError;
    }
    if (solvesError)
        return *solvesError;
    if (databaseName.isEmpty() || databaseName == u":memory:") {
        if (auto e = readTicketsPart(ctx, main))
            return *e;
    }
    return std::nullopt;
}

// Backlog at the end of each step: the backlog at the period's end less
// what flowed in after the step. A ticket never reopened flows in when
// created and out at its one solve; a reopened ticket flows with each
// change of its status into or out of solved/closed (its creation in
// such a status included), read from its history.
std::optional<Error> readBacklogByStep(KpiContext &ctx, const QSqlDatabase &db)
{
    Kpis &k = ctx.kpis;
    const qsizetype days = ctx.days;
    std::vector<qint64> net(std::size_t(days), 0);
    for (qsizetype d = 0; d < days; ++d)
        net[std::size_t(d)] = k.volumeByDay[d].created - ctx.solvedOnce[std::size_t(d)];
    RawQuery e(db,
               QStringLiteral(
                   "SELECT e.at, coalesce(e.old_value IN ('solved', 'closed'), 0), e.new_value IN ('solved', 'closed') "
                   "FROM tickets t JOIN ticket_events e ON e.ticket_id = t.id "
                   "WHERE t.reopen_count > 0 AND %1 AND e.field IN ('created', 'status') AND e.at >= ? AND e.at < ? "
                   // Solved or closed since a solve before the period: its
                   // status has not left solved/closed since (a reopen clears
                   // solved_at), so it has no flow to read.
                   "AND NOT (t.status IN ('solved', 'closed') AND t.solved_at < ?)")
                   .arg(ctx.tf.sql),
               ctx.tf.values + QVariantList{ctx.from, ctx.to, ctx.from});
    while (e.next()) {
        const qsizetype day = ctx.dayIndex(e.integer(0));
        const bool wasDone = e.integer(1) != 0;
        if (!ctx.inPeriod(day) || wasDone == (e.integer(2) != 0))
            continue;
        net[std::size_t(day)] += wasDone ? 1 : -1;
    }
    if (const auto error = e.error(ctx.reading))
        return *error;
    qint64 backlog = k.backlog;
    qsizetype d = days;
    for (qsizetype i = k.trend.size() - 1; i >= 0; --i) {
        TrendPoint &p = k.trend[i];
        p.backlog = backlog;
        for (const qsizetype first = k.period.from.daysTo(p.start); d > first;) {
            --d;
            backlog -= net[std::size_t(d)];
            p.created += k.volumeByDay[d].created;
            p.solved += k.volumeByDay[d].solved;
        }
    }
    return std::nullopt;
}

// The SLA percentages over every priority together.
void finishSla(Kpis &k)
{
    SlaCompliance all;
    for (const SlaCompliance &c : std::as_const(k.slaByPriority)) {
        all.firstResponseMet += c.firstResponseMet;
        all.firstResponseBreached += c.firstResponseBreached;
        all.resolutionMet += c.resolutionMet;
        all.resolutionBreached += c.resolutionBreached;
    }
    k.slaFirstResponsePercent = all.firstResponsePercent();
    k.slaResolutionPercent = all.resolutionPercent();
}

// Each step's durations and survey figures, from its tallies.
void finishTrend(KpiContext &ctx)
{
    for (std::size_t i = 0; i < ctx.stepSurveys.size(); ++i) {
        TrendPoint &p = ctx.kpis.trend[qsizetype(i)];
        p.firstResponseMedian = quantile(ctx.stepFirstResponse[i], 0.5);
        p.firstResponseP90 = quantile(ctx.stepFirstResponse[i], 0.9);
        p.resolutionMedian = quantile(ctx.stepResolution[i], 0.5);
        p.resolutionP90 = quantile(ctx.stepResolution[i], 0.9);
        p.csatPercent = ctx.stepSurveys[i].csatPercent();
        p.nps = ctx.stepSurveys[i].nps();
    }
}

// Each agent's figures, from their tallies.
void finishPerAgent(KpiContext &ctx)
{
    for (std::size_t i = 0; i < ctx.agentHandle.size(); ++i) {
        AgentKpis &a = ctx.kpis.perAgent[qsizetype(i)];
        if (ctx.agentHandle[i].second > 0)
            a.ahtSeconds = ctx.agentHandle[i].first / double(ctx.agentHandle[i].second);
        a.firstResponseMedian = quantile(ctx.agentFirstResponse[i], 0.5);
        a.csatPercent = share(ctx.agentCsat[i].first, ctx.agentCsat[i].second, 100.0);
        a.fcrRate = share(ctx.agentFcr[i].first, ctx.agentFcr[i].second);
    }
}

} // namespace

KpiEngine::KpiEngine(QSqlDatabase db, QTimeZone teamZone)
    : m_db(std::move(db))
    , m_zone(std::move(teamZone))
{}

QDateTime KpiEngine::startOf(const QDate &day) const
{
    return QDateTime(day, QTime(0, 0), m_zone);
}

Result<Kpis> KpiEngine::compute(const KpiPeriod &period, const KpiFilter &filter, const QDateTime &now,
                                TrendStep step) const
{
    if (!period.from.isValid() || !period.to.isValid() || period.to <= period.from)
        return makeError(Error::Code::Invalid, KpiText::tr("The period must end after it starts."));
    const QString reading = KpiText::tr("computing the figures");
    Kpis k;
    k.period = period;
    if (auto e = readAgents(m_db, filter, reading, k.perAgent))
        return *e;
    KpiContext ctx(k, filter, *this, m_zone, now.toMSecsSinceEpoch(), step, reading);
    if (auto e = readBothParts(ctx, m_db))
        return *e;
    if (auto e = readBacklogByStep(ctx, m_db))
        return *e;
    finishSla(k);
    finishTrend(ctx);
    finishPerAgent(ctx);
    return k;
}

} // namespace madoguchi
