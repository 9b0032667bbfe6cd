// The KPIs of DESIGN.md §4 on hand-built data with answers worked out by hand,
// the edge cases, and a randomized oracle: a plain in-memory computation over
// the same random rows, for many seeds.
#include "domain/businesscalendar.h"
#include "kpi/kpidrill.h"
#include "kpi/kpiengine.h"
#include "services/slaengine.h"
#include "storage/changewriter.h"
#include "storage/derivedindex.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>
#include <set>

using namespace madoguchi;
using madoguchi::test::TempDatabase;

namespace {

const QTimeZone kTokyo("Asia/Tokyo");
constexpr qint64 kMin = 60'000;
constexpr qint64 kDay = 86'400'000;

qint64 at(int m, int d, int h, int min = 0)
{
    return QDateTime(QDate(2026, m, d), QTime(h, min), kTokyo).toMSecsSinceEpoch();
}

QByteArray key(int n, char kind)
{
    QByteArray k(16, '\0');
    k[0] = kind;
    k[12] = char((n >> 24) & 0xff);
    k[13] = char((n >> 16) & 0xff);
    k[14] = char((n >> 8) & 0xff);
    k[15] = char(n & 0xff);
    return k;
}

// Rows written straight into the tables: the KPIs read what is stored.
struct KpiFixture
{
    TempDatabase db;
    int events = 0;

    void exec(const QString &sql, const QVariantList &values = {})
    {
        QSqlQuery q(db.connection());
        q.prepare(sql);
        for (const QVariant &v : values)
            q.addBindValue(v);
        ASSERT_TRUE(q.exec()) << q.lastError().text().toStdString() << " " << sql.toStdString();
    }

    KpiFixture()
    {
        exec(QStringLiteral("INSERT INTO teams (id, name, created_at, updated_at) VALUES (?, 'Support', 0, 0)"),
             {key(1, 'T')});
        exec(QStringLiteral("INSERT INTO teams (id, name, created_at, updated_at) VALUES (?, 'Sales', 0, 0)"),
             {key(2, 'T')});
        for (int a = 1; a <= 3; ++a)
            exec(QStringLiteral("INSERT INTO agents (id, name, team_id, created_at, updated_at) VALUES (?, ?, ?, 0, 0)"),
                 {key(a, 'A'), QStringLiteral("Agent %1").arg(a), key(a == 3 ? 2 : 1, 'T')});
        exec(QStringLiteral("INSERT INTO customers (id, name, created_at, updated_at) VALUES (?, 'C', 0, 0)"),
             {key(1, 'C')});
    }

    struct T
    {
        int n = 0;
        qint64 created = 0;
        QString status = QStringLiteral("open");
        int agent = 1;
        QString channel = QStringLiteral("email");
        QString priority = QStringLiteral("normal");
        std::optional<qint64> responded{};
        std::optional<qint64> solved{};
        std::optional<qint64> closed{};
        int reopens = 0;
        std::optional<qint64> frDue{};
        std::optional<qint64> resDue{};
    };

    void ticket(const T &t, const QList<std::pair<qint64, QString>> &statuses = {})
    {
        auto opt = [](const std::optional<qint64> &v) { return v ? QVariant(*v) : QVariant(); };
        exec(QStringLiteral(
                 "INSERT INTO tickets (id, number, customer_id, subject, status, priority, channel, assignee_id, team_id, "
                 "first_responded_at, solved_at, closed_at, reopen_count, first_response_due, resolution_due, "
                 "created_at, updated_at) VALUES (?, ?, ?, 'x', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
             {key(t.n, 'K'), QStringLiteral("N-%1").arg(t.n), key(1, 'C'), t.status, t.priority, t.channel,
              key(t.agent, 'A'), key(t.agent == 3 ? 2 : 1, 'T'), opt(t.responded), opt(t.solved), opt(t.closed),
              t.reopens, opt(t.frDue), opt(t.resDue), t.created, t.created});
        event(t.n, t.created, QStringLiteral("created"), {}, statuses.isEmpty() ? t.status : QStringLiteral("new"));
        QString previous = QStringLiteral("new");
        for (const auto &[when, status] : statuses) {
            event(t.n, when, QStringLiteral("status"), previous, status);
            previous = status;
        }
    }

    void event(int ticket, qint64 when, const QString &field, const QString &from, const QString &to)
    {
        exec(QStringLiteral(
                 "INSERT INTO ticket_events (id, ticket_id, at, field, old_value, new_value, created_at, updated_at) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
             {key(++events, 'E'), key(ticket, 'K'), when, field, from.isNull() ? QVariant() : QVariant(from), to, when,
              when});
    }

    void interaction(int n, int ticket, int agent, const QString &channel, qint64 started, int duration, int wrap)
    {
        exec(QStringLiteral(
                 "INSERT INTO interactions (id, customer_id, ticket_id, agent_id, channel, direction, started_at, "
                 "duration_s, wrap_up_s, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'inbound', ?, ?, ?, ?, ?)"),
             {key(n, 'I'), key(1, 'C'), ticket ? QVariant(key(ticket, 'K')) : QVariant(), key(agent, 'A'), channel,
              started, duration, wrap, started, started});
    }

    void survey(int n, int ticket, qint64 received, std::optional<int> csat, std::optional<int> nps)
    {
        exec(QStringLiteral(
                 "INSERT INTO csat_responses (id, ticket_id, customer_id, received_at, csat, nps, created_at, updated_at) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
             {key(n, 'S'), key(ticket, 'K'), key(1, 'C'), received, csat ? QVariant(*csat) : QVariant(),
              nps ? QVariant(*nps) : QVariant(), received, received});
    }

    Kpis compute(QDate from, QDate to, const KpiFilter &filter = {}, qint64 now = at(12, 31, 0),
                 TrendStep step = TrendStep::Day)
    {
        const auto k = KpiEngine(db.connection(), kTokyo)
                           .compute({from, to}, filter, QDateTime::fromMSecsSinceEpoch(now, Qt::UTC), step);
        EXPECT_TRUE(k) << (k ? std::string() : k.error().message.toStdString());
        return k ? k.value() : Kpis();
    }
};

} // namespace

TEST(Percentile, InterpolatesBetweenClosestRanksLikeNumpy)
{
    EXPECT_FALSE(percentile({}, 0.5));
    EXPECT_DOUBLE_EQ(*percentile({7}, 0.9), 7);
    EXPECT_DOUBLE_EQ(*percentile({1, 2, 3, 4}, 0.5), 2.5);
    EXPECT_DOUBLE_EQ(*percentile({1, 2, 3, 4}, 0.9), 3.7);          // numpy.percentile([1,2,3,4], 90)
    EXPECT_DOUBLE_EQ(*percentile({10, 20, 30, 40, 50}, 0.9), 46.0); // (5-1)*0.9 = 3.6
}

TEST(Kpi, NoDataGivesZeroCountsAndNullRates)
{
    KpiFixture f;
    const Kpis k = f.compute(QDate(2026, 11, 1), QDate(2026, 11, 8));
    EXPECT_EQ(k.ticketsCreated, 0);
    EXPECT_EQ(k.backlog, 0);
    EXPECT_FALSE(k.firstResponseMinutes.median);
    EXPECT_FALSE(k.ahtSeconds);
    EXPECT_FALSE(k.fcrRate);
    EXPECT_FALSE(k.csatPercent);
    EXPECT_FALSE(k.nps);
    EXPECT_FALSE(k.slaFirstResponsePercent);
    EXPECT_FALSE(k.reopenRate);
    EXPECT_FALSE(k.escalationRate);
    const QJsonObject json = k.toJson();
    EXPECT_TRUE(json.value(QStringLiteral("fcr_rate")).isNull());
    EXPECT_EQ(json.value(QStringLiteral("volume_by_day")).toArray().size(), 7);
    // Agents with no work are listed, with nothing to show.
    ASSERT_EQ(k.perAgent.size(), 3);
    EXPECT_EQ(k.perAgent.first().solved, 0);
    EXPECT_FALSE(k.perAgent.first().csatPercent);
}

// One ticket over a weekend and a holiday: created Friday 20 November 2026
// 17:00, answered at once by phone, solved Tuesday 24 November 10:00. Monday
// 23 November is 勤労感謝の日, so the business hours are Friday 17–18 and
// Tuesday 9–10: 120 minutes; the calendar time is 3 days 17 hours.
TEST(Kpi, SingleTicketOverAWeekendAndAHoliday)
{
    KpiFixture f;
    f.ticket({.n = 1,
              .created = at(11, 20, 17),
              .status = QStringLiteral("solved"),
              .responded = at(11, 20, 17),
              .solved = at(11, 24, 10),
              .frDue = at(11, 20, 18),
              .resDue = at(11, 24, 12)});
    f.interaction(1, 1, 1, QStringLiteral("phone"), at(11, 20, 17), 420, 60);
    const Kpis k = f.compute(QDate(2026, 11, 16), QDate(2026, 11, 30));
    EXPECT_EQ(k.ticketsCreated, 1);
    EXPECT_EQ(k.ticketsSolved, 1);
    EXPECT_EQ(k.backlog, 0);
    const double calendar = (3 * 24 + 17) * 60.0;
    EXPECT_DOUBLE_EQ(*k.resolutionMinutes.median, calendar);
    EXPECT_DOUBLE_EQ(*k.resolutionMinutes.p90, calendar); // one value: every percentile is it
    EXPECT_DOUBLE_EQ(*k.resolutionMinutes.businessMedian, 120);
    EXPECT_DOUBLE_EQ(*k.firstResponseMinutes.median, 0);
    EXPECT_DOUBLE_EQ(*k.fcrRate, 1.0);
    EXPECT_DOUBLE_EQ(*k.reopenRate, 0.0);
    EXPECT_DOUBLE_EQ(*k.ahtSeconds, 480);
    EXPECT_DOUBLE_EQ(*k.slaFirstResponsePercent, 100);
    EXPECT_DOUBLE_EQ(*k.slaResolutionPercent, 100);
    EXPECT_FALSE(k.csatPercent); // no survey answered
    // Over the weekend the ticket was open: in the backlog at the end of Saturday.
    EXPECT_EQ(f.compute(QDate(2026, 11, 21), QDate(2026, 11, 22)).backlog, 1);
}

TEST(Kpi, HandBuiltWeekWithAnswersWorkedOut)
{
    KpiFixture f;
    // The week of Monday 16 November 2026 (Tokyo).
    const QDate from(2026, 11, 16);
    const QDate to(2026, 11, 23);
    // 1: e-mail, answered after 30 min, solved after 2 h with one interaction: FCR.
    f.ticket({.n = 1,
              .created = at(11, 16, 10),
              .status = QStringLiteral("solved"),
              .agent = 1,
              .responded = at(11, 16, 10, 30),
              .solved = at(11, 16, 12),
              .frDue = at(11, 16, 14),
              .resDue = at(11, 19, 10)},
             {{at(11, 16, 10, 30), QStringLiteral("open")}, {at(11, 16, 12), QStringLiteral("solved")}});
    f.interaction(1, 1, 1, QStringLiteral("email"), at(11, 16, 10, 30), 0, 0);
    // 2: phone, answered live at creation, solved, then reopened and solved again on Thursday 18:00: not FCR.
    f.ticket({.n = 2,
              .created = at(11, 17, 9),
              .status = QStringLiteral("solved"),
              .agent = 2,
              .channel = QStringLiteral("phone"),
              .priority = QStringLiteral("high"),
              .responded = at(11, 17, 9),
              .solved = at(11, 19, 18),
              .reopens = 1,
              .frDue = at(11, 17, 10),
              .resDue = at(11, 18, 9)},
             {{at(11, 17, 9), QStringLiteral("open")},
              {at(11, 17, 11), QStringLiteral("solved")},
              {at(11, 18, 9), QStringLiteral("open")},
              {at(11, 19, 18), QStringLiteral("solved")}});
    f.interaction(2, 2, 2, QStringLiteral("phone"), at(11, 17, 9), 300, 60);
    f.interaction(3, 2, 2, QStringLiteral("phone"), at(11, 18, 9, 30), 600, 120);
    // 3: chat, still open, never answered, first response due Friday 12:00 (breached).
    f.ticket({.n = 3,
              .created = at(11, 20, 9),
              .agent = 3,
              .channel = QStringLiteral("chat"),
              .priority = QStringLiteral("urgent"),
              .frDue = at(11, 20, 12),
              .resDue = at(11, 20, 18)});
    f.interaction(4, 0, 3, QStringLiteral("chat"), at(11, 20, 9, 5), 240, 0);
    f.event(3, at(11, 20, 10), QStringLiteral("escalation_level"), QStringLiteral("0"), QStringLiteral("1"));
    // 4: created the week before, still open at the end: backlog, 10 days old.
    f.ticket({.n = 4, .created = at(11, 13, 0), .status = QStringLiteral("pending")});
    // 5: created the week before, solved in the week before, never reopened: not backlog, not in this week.
    f.ticket({.n = 5,
              .created = at(11, 10, 9),
              .status = QStringLiteral("solved"),
              .responded = at(11, 10, 10),
              .solved = at(11, 11, 9)});
    // Surveys this week: 5, 4, 2 → CSAT 2/3; NPS 10, 9, 7, 3 → (2 − 1) / 4.
    f.survey(1, 1, at(11, 16, 15), 5, 10);
    f.survey(2, 2, at(11, 20, 9), 4, 9);
    f.survey(3, 2, at(11, 21, 9), 2, 7);
    f.survey(4, 1, at(11, 21, 10), {}, 3);

    const Kpis k = f.compute(from, to);
    EXPECT_EQ(k.ticketsCreated, 3);
    EXPECT_EQ(k.ticketsSolved, 2);
    // Open at Monday 23 00:00: ticket 3 (2 days 15 hours old) and ticket 4 (10 days old).
    EXPECT_EQ(k.backlog, 2);
    EXPECT_EQ(k.backlogAgeBuckets, (std::array<qint64, 5>{0, 1, 0, 1, 0}));
    // First responses: 30 min and 0 min.
    EXPECT_EQ(k.firstResponseMinutes.count, 2);
    EXPECT_DOUBLE_EQ(*k.firstResponseMinutes.median, 15);
    EXPECT_DOUBLE_EQ(*k.firstResponseMinutes.p90, 27);
    EXPECT_DOUBLE_EQ(*k.firstResponseMinutes.mean, 15);
    // Resolution: 120 min and Tuesday 9:00 → Thursday 18:00 = 57 h = 3420 min.
    EXPECT_DOUBLE_EQ(*k.resolutionMinutes.median, (120.0 + 3420.0) / 2);
    EXPECT_DOUBLE_EQ(*k.resolutionMinutes.p90, 120 + 0.9 * 3300);
    // In business time (Mon–Fri 9–18): 120 and 9 + 9 + 9 = 27 h = 1620 min.
    EXPECT_DOUBLE_EQ(*k.resolutionMinutes.businessMedian, (120.0 + 1620.0) / 2);
    // AHT over phone and chat: (360 + 720 + 240) / 3 = 440 s.
    EXPECT_DOUBLE_EQ(*k.ahtSeconds, 440);
    EXPECT_DOUBLE_EQ(*k.fcrRate, 0.5);
    EXPECT_DOUBLE_EQ(*k.reopenRate, 0.5);
    EXPECT_DOUBLE_EQ(*k.escalationRate, 1.0 / 3);
    EXPECT_DOUBLE_EQ(*k.csatPercent, 200.0 / 3);
    EXPECT_DOUBLE_EQ(*k.nps, 25);
    // First response: 1 met (10:30 ≤ 14:00), 2 met (9:00 ≤ 10:00), 3 breached (due Fri 12:00) → 2/3.
    EXPECT_DOUBLE_EQ(*k.slaFirstResponsePercent, 200.0 / 3);
    // Resolution: 1 met (Mon 12:00 ≤ Thu 10:00); 2 breached (solved Thu 18:00 > due Wed 9:00); 3 due Fri 18:00, open: breached → 1/3.
    EXPECT_DOUBLE_EQ(*k.slaResolutionPercent, 100.0 / 3);
    // Channels and days.
    EXPECT_EQ(k.perChannel[qsizetype(Channel::Phone)].interactions, 2);
    EXPECT_EQ(k.perChannel[qsizetype(Channel::Chat)].ticketsCreated, 1);
    EXPECT_EQ(k.volumeByDay.at(0).created, 1); // Monday
    EXPECT_EQ(k.volumeByDay.at(3).solved, 1);  // Thursday
    // Per agent.
    EXPECT_EQ(k.perAgent.at(0).solved, 1);
    EXPECT_DOUBLE_EQ(*k.perAgent.at(0).fcrRate, 1.0);
    EXPECT_DOUBLE_EQ(*k.perAgent.at(1).ahtSeconds, 540);
    EXPECT_DOUBLE_EQ(*k.perAgent.at(1).csatPercent, 50);
    EXPECT_EQ(k.perAgent.at(2).interactions, 1);

    // Filters: team Sales holds only agent 3's ticket 3.
    KpiFilter sales;
    sales.team = QUuid::fromRfc4122(key(2, 'T'));
    const Kpis s = f.compute(from, to, sales);
    EXPECT_EQ(s.ticketsCreated, 1);
    EXPECT_EQ(s.backlog, 1);
    EXPECT_DOUBLE_EQ(*s.ahtSeconds, 240);
    EXPECT_FALSE(s.csatPercent);
    EXPECT_EQ(s.perAgent.size(), 1);
    KpiFilter high;
    high.priority = Priority::High;
    EXPECT_EQ(f.compute(from, to, high).ticketsSolved, 1);

    // Backlog at the end of Tuesday 17: ticket 2 was solved at 11:00 and reopened only on Wednesday.
    const Kpis tuesday = f.compute(QDate(2026, 11, 17), QDate(2026, 11, 18));
    EXPECT_EQ(tuesday.backlog, 1); // only ticket 4

    // The daily trend: ticket 4 open all week; ticket 1 created and solved
    // Monday; ticket 2 created Tuesday 9:00, solved 11:00, reopened Wednesday,
    // solved Thursday; ticket 3 created Friday.
    ASSERT_EQ(k.trend.size(), 7);
    QList<qint64> backlogs;
    for (const TrendPoint &p : k.trend)
        backlogs << p.backlog;
    EXPECT_EQ(backlogs, (QList<qint64>{1, 1, 2, 1, 2, 2, 2}));
    EXPECT_EQ(k.trend.at(0).start, QDate(2026, 11, 16));
    EXPECT_EQ(k.trend.at(0).end, QDate(2026, 11, 17));
    EXPECT_DOUBLE_EQ(*k.trend.at(0).firstResponseMedian, 30);
    EXPECT_DOUBLE_EQ(*k.trend.at(0).resolutionMedian, 120);
    EXPECT_FALSE(k.trend.at(2).resolutionMedian); // nothing solved on Wednesday
    // Weekly: one step, the whole period.
    const Kpis weekly = f.compute(from, to, {}, at(12, 31, 0), TrendStep::Week);
    ASSERT_EQ(weekly.trend.size(), 1);
    EXPECT_EQ(weekly.trend.at(0).backlog, k.backlog);
    EXPECT_EQ(weekly.trend.at(0).solved, 2);
    EXPECT_EQ(weekly.trend.at(0).firstResponseMedian, k.firstResponseMinutes.median);

    // Inbound arrivals by hour of the week (Monday 0:00 first), in Tokyo time.
    EXPECT_EQ(k.arrivals.at(qsizetype(Channel::Email))[0 * 24 + 10], 1); // Monday 10:30
    EXPECT_EQ(k.arrivals.at(qsizetype(Channel::Phone))[1 * 24 + 9], 1);  // Tuesday 9:00
    EXPECT_EQ(k.arrivals.at(qsizetype(Channel::Phone))[2 * 24 + 9], 1);  // Wednesday 9:30
    EXPECT_EQ(k.arrivals.at(qsizetype(Channel::Chat))[4 * 24 + 9], 1);   // Friday 9:05
    EXPECT_EQ(k.weekdays, (std::array<int, 7>{1, 1, 1, 1, 1, 1, 1}));
    EXPECT_DOUBLE_EQ(*k.perChannel[qsizetype(Channel::Phone)].ahtSeconds(), 540);
    EXPECT_EQ(k.perChannel[qsizetype(Channel::Phone)].inbound, 2);
    // SLA per priority: ticket 2 (high) met its first response, breached its resolution.
    const SlaCompliance &highSla = k.slaByPriority.at(qsizetype(Priority::High));
    EXPECT_EQ(highSla.firstResponseMet, 1);
    EXPECT_EQ(highSla.resolutionBreached, 1);
}

namespace {

// The oracle: every KPI computed straight from its definition over rows held
// in memory, with the full status history for the backlog.
struct OracleTicket
{
    int n = 0;
    qint64 created = 0;
    int agent = 1;
    QString channel;
    QString priority;
    QList<std::pair<qint64, QString>> statuses; // after the created status "new"
    std::optional<qint64> responded;
    std::optional<qint64> frDue;
    std::optional<qint64> resDue;
    bool escalated = false;
    int interactions = 0;

    QString statusAt(qint64 t) const
    {
        QString s = QStringLiteral("new");
        for (const auto &[when, status] : statuses) {
            if (when < t)
                s = status;
        }
        return s;
    }
    std::optional<qint64> lastSolve() const
    {
        // solved_at: the last solve, cleared by a reopen after it.
        std::optional<qint64> solved;
        for (const auto &[when, status] : statuses) {
            if (status == u"solved")
                solved = when;
            else if (status == u"open" || status == u"pending")
                solved.reset();
        }
        return solved;
    }
    int reopens() const
    {
        int r = 0;
        QString previous = QStringLiteral("new");
        for (const auto &[when, status] : statuses) {
            r += (previous == u"solved" || previous == u"closed") && status == u"open";
            previous = status;
        }
        return r;
    }
};

} // namespace

TEST(Kpi, MatchesAPlainComputationOverRandomDataForManySeeds)
{
    const int seeds = qEnvironmentVariableIntValue("MADOGUCHI_KPI_SEEDS") > 0
                          ? qEnvironmentVariableIntValue("MADOGUCHI_KPI_SEEDS")
                          : 12;
    const BusinessCalendar calendar = BusinessCalendar::japanStandard();
    for (int seed = 1; seed <= seeds; ++seed) {
        SCOPED_TRACE("seed " + std::to_string(seed));
        QRandomGenerator rng{quint32(seed)};
        KpiFixture f;
        const qint64 start = at(10, 1, 0);
        const QStringList channels{QStringLiteral("phone"), QStringLiteral("email"), QStringLiteral("chat"),
                                   QStringLiteral("web")};
        const QStringList priorities{QStringLiteral("low"), QStringLiteral("normal"), QStringLiteral("high")};
        QList<OracleTicket> tickets;
        int interactionNo = 0;
        std::vector<std::tuple<int, QString, qint64, int, int>> interactions; // agent, channel, started, duration, wrap
        std::vector<std::tuple<qint64, std::optional<int>, std::optional<int>, int>>
            surveys; // received, csat, nps, ticket index
        for (int n = 1; n <= 120; ++n) {
            OracleTicket t;
            t.n = n;
            t.created = start + qint64(rng.bounded(60 * 24 * 60)) * kMin;
            t.agent = 1 + int(rng.bounded(3));
            t.channel = channels.at(int(rng.bounded(4)));
            t.priority = priorities.at(int(rng.bounded(3)));
            qint64 now = t.created;
            const int steps = int(rng.bounded(5));
            QString status = QStringLiteral("new");
            for (int s = 0; s < steps; ++s) {
                now += qint64(1 + rng.bounded(5 * 24 * 60)) * kMin;
                QString next;
                if (status == u"solved")
                    next = rng.bounded(2) ? QStringLiteral("open") : QStringLiteral("closed");
                else if (status == u"closed")
                    break;
                else
                    next = QStringList{QStringLiteral("open"), QStringLiteral("pending"), QStringLiteral("solved")}.at(
                        int(rng.bounded(3)));
                if (next == status)
                    continue;
                t.statuses.append({now, next});
                status = next;
            }
            if (rng.bounded(3) > 0)
                t.responded = t.created + qint64(rng.bounded(3 * 24 * 60)) * kMin;
            if (rng.bounded(4) > 0)
                t.frDue = t.created + qint64(30 + rng.bounded(2 * 24 * 60)) * kMin;
            if (rng.bounded(4) > 0)
                t.resDue = t.created + qint64(60 + rng.bounded(6 * 24 * 60)) * kMin;
            t.escalated = rng.bounded(5) == 0;
            const QString current = t.statuses.isEmpty() ? QStringLiteral("new") : t.statuses.last().second;
            const auto solved = t.lastSolve();
            std::optional<qint64> closed;
            if (current == u"closed")
                closed = t.statuses.last().first;
            f.ticket({.n = n,
                      .created = t.created,
                      .status = current,
                      .agent = t.agent,
                      .channel = t.channel,
                      .priority = t.priority,
                      .responded = t.responded,
                      .solved = solved,
                      .closed = closed,
                      .reopens = t.reopens(),
                      .frDue = t.frDue,
                      .resDue = t.resDue},
                     t.statuses);
            if (t.escalated)
                f.event(n, t.created + kMin, QStringLiteral("escalation_level"), QStringLiteral("0"),
                        QStringLiteral("1"));
            t.interactions = int(rng.bounded(3));
            for (int i = 0; i < t.interactions; ++i) {
                const QString ch = channels.at(int(rng.bounded(4)));
                const qint64 started = t.created + qint64(rng.bounded(4 * 24 * 60)) * kMin;
                const int duration = int(rng.bounded(900));
                const int wrap = int(rng.bounded(200));
                f.interaction(++interactionNo, n, t.agent, ch, started, duration, wrap);
                interactions.emplace_back(t.agent, ch, started, duration, wrap);
            }
            if (rng.bounded(3) == 0) {
                const std::optional<int> csat = rng.bounded(4) ? std::optional(int(1 + rng.bounded(5))) : std::nullopt;
                const std::optional<int> nps = rng.bounded(2) ? std::optional(int(rng.bounded(11))) : std::nullopt;
                const qint64 received = t.created + qint64(rng.bounded(5 * 24 * 60)) * kMin;
                f.survey(n, n, received, csat, nps);
                surveys.emplace_back(received, csat, nps, n);
            }
            tickets.append(t);
        }

        // Half the tickets carry their business durations, as tickets written
        // through the SLA engine do; the rest are computed by the KPI engine.
        for (const OracleTicket &t : tickets) {
            if (t.n % 2 == 0)
                continue;
            const auto durations = SlaEngine::businessDurations(
                calendar, QDateTime::fromMSecsSinceEpoch(t.created, Qt::UTC),
                t.responded ? std::optional(QDateTime::fromMSecsSinceEpoch(*t.responded, Qt::UTC)) : std::nullopt,
                t.lastSolve() ? std::optional(QDateTime::fromMSecsSinceEpoch(*t.lastSolve(), Qt::UTC)) : std::nullopt);
            f.exec(QStringLiteral(
                       "UPDATE tickets SET first_response_business_min = ?, resolution_business_min = ? WHERE id = ?"),
                   {durations.firstResponse ? QVariant(*durations.firstResponse) : QVariant(),
                    durations.resolution ? QVariant(*durations.resolution) : QVariant(), key(t.n, 'K')});
        }

        const QDate from(2026, 10, 20);
        const QDate to(2026, 11, 10);
        const qint64 a = QDateTime(from, QTime(0, 0), kTokyo).toMSecsSinceEpoch();
        const qint64 b = QDateTime(to, QTime(0, 0), kTokyo).toMSecsSinceEpoch();
        const qint64 now = at(11, 5, 12); // part of the period lies in the future
        const Kpis k = f.compute(from, to, {}, now);
        auto in = [&](qint64 t) { return t >= a && t < b; };

        qint64 created = 0, solvedCount = 0, backlog = 0, escalated = 0, fcr = 0, reopened = 0;
        std::vector<double> fr, frBusiness, res, resBusiness;
        qint64 frMet = 0, frBreached = 0, resMet = 0, resBreached = 0;
        for (const OracleTicket &t : tickets) {
            if (in(t.created)) {
                ++created;
                escalated += t.escalated;
                if (t.responded) {
                    fr.push_back(double(*t.responded - t.created) / kMin);
                    frBusiness.push_back(double(calendar.businessMs(t.created, *t.responded)) / kMin);
                }
            }
            const auto solved = t.lastSolve();
            if (solved && in(*solved)) {
                ++solvedCount;
                res.push_back(double(*solved - t.created) / kMin);
                resBusiness.push_back(double(calendar.businessMs(t.created, *solved)) / kMin);
                fcr += t.interactions == 1 && t.reopens() == 0;
                reopened += t.reopens() > 0;
            }
            if (t.created < b) {
                const QString s = t.statusAt(b);
                backlog += s != u"solved" && s != u"closed";
            }
            auto sla = [&](const std::optional<qint64> &due, const std::optional<qint64> &met, qint64 &yes, qint64 &no) {
                if (!due)
                    return;
                if (met && *met <= *due) {
                    yes += in(*met);
                } else if (in(*due) && *due <= now) {
                    ++no;
                }
            };
            sla(t.frDue, t.responded, frMet, frBreached);
            sla(t.resDue, solved, resMet, resBreached);
        }
        EXPECT_EQ(k.ticketsCreated, created);
        EXPECT_EQ(k.ticketsSolved, solvedCount);
        EXPECT_EQ(k.backlog, backlog);
        auto expectStats = [](const DurationStats &d, std::vector<double> calendarMinutes,
                              std::vector<double> businessMinutes) {
            std::sort(calendarMinutes.begin(), calendarMinutes.end());
            std::sort(businessMinutes.begin(), businessMinutes.end());
            ASSERT_EQ(d.count, qint64(calendarMinutes.size()));
            if (calendarMinutes.empty())
                return;
            EXPECT_NEAR(*d.median, *percentile(calendarMinutes, 0.5), 1e-9);
            EXPECT_NEAR(*d.p90, *percentile(calendarMinutes, 0.9), 1e-9);
            EXPECT_NEAR(*d.mean,
                        std::accumulate(calendarMinutes.begin(), calendarMinutes.end(), 0.0)
                            / double(calendarMinutes.size()),
                        1e-9);
            EXPECT_NEAR(*d.businessMedian, *percentile(businessMinutes, 0.5), 1e-9);
        };
        expectStats(k.firstResponseMinutes, fr, frBusiness);
        expectStats(k.resolutionMinutes, res, resBusiness);
        auto expectRate = [](const std::optional<double> &got, qint64 part, qint64 whole, double scale) {
            if (whole == 0) {
                EXPECT_FALSE(got);
                return;
            }
            ASSERT_TRUE(got);
            EXPECT_NEAR(*got, scale * double(part) / double(whole), 1e-9);
        };
        expectRate(k.escalationRate, escalated, created, 1);
        expectRate(k.fcrRate, fcr, solvedCount, 1);
        expectRate(k.reopenRate, reopened, solvedCount, 1);
        expectRate(k.slaFirstResponsePercent, frMet, frMet + frBreached, 100);
        expectRate(k.slaResolutionPercent, resMet, resMet + resBreached, 100);

        double handle = 0;
        qint64 handled = 0;
        std::array<qint64, 6> perChannel{};
        for (const auto &[agent, channel, started, duration, wrap] : interactions) {
            if (!in(started))
                continue;
            ++perChannel[std::size_t(*fromKey<Channel>(channel))];
            if (channel == u"phone" || channel == u"chat") {
                handle += duration + wrap;
                ++handled;
            }
        }
        if (handled > 0) {
            ASSERT_TRUE(k.ahtSeconds);
            EXPECT_NEAR(*k.ahtSeconds, handle / double(handled), 1e-9);
        }
        for (std::size_t c = 0; c < perChannel.size(); ++c)
            EXPECT_EQ(k.perChannel[qsizetype(c)].interactions, perChannel[c]);
        // Tokyo's days are whole UTC hours, read from the hourly roll-up.
        // India's are not: there every interaction is read. Same answers.
        {
            const QTimeZone kolkata("Asia/Kolkata");
            const qint64 a2 = QDateTime(from, QTime(0, 0), kolkata).toMSecsSinceEpoch();
            const qint64 b2 = QDateTime(to, QTime(0, 0), kolkata).toMSecsSinceEpoch();
            const auto raw = KpiEngine(f.db.connection(), kolkata)
                                 .compute({from, to}, {}, QDateTime::fromMSecsSinceEpoch(now, Qt::UTC));
            ASSERT_TRUE(raw);
            double rawHandle = 0;
            qint64 rawHandled = 0;
            std::array<qint64, 6> rawChannels{};
            for (const auto &[agent, channel, started, duration, wrap] : interactions) {
                if (started < a2 || started >= b2)
                    continue;
                ++rawChannels[std::size_t(*fromKey<Channel>(channel))];
                if (channel == u"phone" || channel == u"chat") {
                    rawHandle += duration + wrap;
                    ++rawHandled;
                }
            }
            for (std::size_t c = 0; c < rawChannels.size(); ++c)
                EXPECT_EQ(raw->perChannel[qsizetype(c)].interactions, rawChannels[c]);
            if (rawHandled > 0) {
                EXPECT_NEAR(*raw->ahtSeconds, rawHandle / double(rawHandled), 1e-9);
            }
        }
        qint64 satisfied = 0, rated = 0, promoters = 0, detractors = 0, scored = 0;
        for (const auto &[received, csat, nps, ticket] : surveys) {
            if (!in(received))
                continue;
            if (csat) {
                ++rated;
                satisfied += *csat >= 4;
            }
            if (nps) {
                ++scored;
                promoters += *nps >= 9;
                detractors += *nps <= 6;
            }
        }
        expectRate(k.csatPercent, satisfied, rated, 100);
        expectRate(k.nps, promoters - detractors, scored, 100);

        // Each step of a trend is what the figures are for that step alone;
        // the backlog at its end is that of any period ending there.
        const Kpis weekly = f.compute(from, to, {}, now, TrendStep::Week);
        EXPECT_EQ(weekly.trend.size(), 4); // Tuesday 20 Oct to Sunday, three weeks, Monday 9 Nov
        for (const Kpis *series : {&k, &weekly}) {
            for (const TrendPoint &p : series->trend) {
                SCOPED_TRACE(p.start.toString(Qt::ISODate).toStdString());
                const Kpis alone = f.compute(p.start, p.end, {}, now);
                EXPECT_EQ(p.created, alone.ticketsCreated);
                EXPECT_EQ(p.solved, alone.ticketsSolved);
                EXPECT_EQ(p.backlog, alone.backlog);
                EXPECT_EQ(p.firstResponseMedian, alone.firstResponseMinutes.median);
                EXPECT_EQ(p.firstResponseP90, alone.firstResponseMinutes.p90);
                EXPECT_EQ(p.resolutionMedian, alone.resolutionMinutes.median);
                EXPECT_EQ(p.resolutionP90, alone.resolutionMinutes.p90);
                EXPECT_EQ(p.csatPercent, alone.csatPercent);
                EXPECT_EQ(p.nps, alone.nps);
            }
        }
        // Compliance per priority is the compliance of the tickets of that priority.
        for (const SlaCompliance &c : k.slaByPriority) {
            KpiFilter byPriority;
            byPriority.priority = c.priority;
            const Kpis only = f.compute(from, to, byPriority, now);
            EXPECT_EQ(c.firstResponsePercent(), only.slaFirstResponsePercent);
            EXPECT_EQ(c.resolutionPercent(), only.slaResolutionPercent);
        }
        qint64 inbound = 0, arrived = 0;
        for (qsizetype c = 0; c < k.perChannel.size(); ++c) {
            inbound += k.perChannel[c].inbound;
            arrived += std::accumulate(k.arrivals[c].begin(), k.arrivals[c].end(), qint64(0));
        }
        EXPECT_EQ(arrived, inbound);

        // Drill-down: the tickets behind each figure are as many as the figure says.
        auto behind = [&](KpiSet set, qint64 rangeFrom, qint64 rangeTo, const KpiFilter &filter = {}, int bucket = 0) {
            const auto n = countTickets(f.db.connection(),
                                        drillDownFilter({set, rangeFrom, rangeTo, bucket}, filter, now,
                                                        QStringLiteral("x")),
                                        {});
            EXPECT_TRUE(n);
            return n ? qint64(n.value()) : -1;
        };
        auto timesOf = [](const std::optional<double> &rate, qint64 whole) {
            return rate ? qint64(std::llround(*rate * double(whole))) : 0;
        };
        EXPECT_EQ(behind(KpiSet::Created, a, b), k.ticketsCreated);
        EXPECT_EQ(behind(KpiSet::Solved, a, b), k.ticketsSolved);
        EXPECT_EQ(behind(KpiSet::Backlog, a, b), k.backlog);
        for (int bucket = 0; bucket < 5; ++bucket)
            EXPECT_EQ(behind(KpiSet::BacklogAge, a, b, {}, bucket), k.backlogAgeBuckets[std::size_t(bucket)]) << bucket;
        EXPECT_EQ(behind(KpiSet::FirstResponded, a, b), k.firstResponseMinutes.count);
        EXPECT_EQ(behind(KpiSet::FirstContactResolved, a, b), timesOf(k.fcrRate, k.ticketsSolved));
        EXPECT_EQ(behind(KpiSet::Reopened, a, b), timesOf(k.reopenRate, k.ticketsSolved));
        EXPECT_EQ(behind(KpiSet::Escalated, a, b), timesOf(k.escalationRate, k.ticketsCreated));
        for (const SlaCompliance &c : k.slaByPriority) {
            KpiFilter byPriority;
            byPriority.priority = c.priority;
            EXPECT_EQ(behind(KpiSet::FirstResponseMet, a, b, byPriority), c.firstResponseMet);
            EXPECT_EQ(behind(KpiSet::FirstResponseBreached, a, b, byPriority), c.firstResponseBreached);
            EXPECT_EQ(behind(KpiSet::ResolutionMet, a, b, byPriority), c.resolutionMet);
            EXPECT_EQ(behind(KpiSet::ResolutionBreached, a, b, byPriority), c.resolutionBreached);
        }
        for (const TrendPoint &p : k.trend)
            EXPECT_EQ(behind(KpiSet::Backlog, a, QDateTime(p.end, QTime(0, 0), kTokyo).toMSecsSinceEpoch()), p.backlog);
        for (const AgentKpis &agent : k.perAgent) {
            KpiFilter byAgent;
            byAgent.agent = agent.id;
            EXPECT_EQ(behind(KpiSet::Solved, a, b, byAgent), agent.solved);
        }
        std::set<int> ratedTickets;
        for (const auto &[received, csat, nps, ticket] : surveys) {
            if (in(received))
                ratedTickets.insert(ticket);
        }
        EXPECT_EQ(behind(KpiSet::Rated, a, b), qint64(ratedTickets.size()));
    }
}

TEST(Kpi, QuantileBySelectionEqualsPercentileOfTheSortedValues)
{
    QRandomGenerator rng(5);
    for (int size : {1, 2, 3, 10, 101, 1000}) {
        std::vector<double> values;
        for (int i = 0; i < size; ++i)
            values.push_back(double(rng.bounded(500))); // ties included
        std::vector<double> sorted = values;
        std::sort(sorted.begin(), sorted.end());
        for (double q : {0.0, 0.1, 0.5, 0.9, 1.0}) {
            std::vector<double> shuffled = values;
            EXPECT_EQ(quantile(shuffled, q), percentile(sorted, q)) << size << " " << q;
        }
    }
    std::vector<double> none;
    EXPECT_FALSE(quantile(none, 0.5));
}

// The roll-ups of migration 12 are kept by triggers through every kind of
// change; after all of them they equal a rebuild from the rows.
TEST(Kpi, RollupsFollowEveryChangeOfTheirRows)
{
    KpiFixture f;
    f.ticket({.n = 1, .created = at(11, 16, 10)});
    f.ticket({.n = 2, .created = at(11, 16, 11), .agent = 2});
    for (int i = 1; i <= 6; ++i)
        f.interaction(i, i % 2 + 1, i % 3 + 1, i % 2 ? QStringLiteral("phone") : QStringLiteral("chat"),
                      at(11, 16, 9 + i), 60 * i, 10);
    f.survey(1, 1, at(11, 17, 9), 5, 10);
    f.survey(2, 2, at(11, 17, 10), 2, {});
    auto snapshot = [&] {
        QStringList rows;
        QSqlQuery q(f.db.connection());
        q.exec(QStringLiteral(
            "SELECT hour, hex(agent_id), channel, direction, n, handle_s FROM kpi_interaction_hours ORDER BY 1, 2, 3, 4"));
        while (q.next())
            rows << QStringLiteral("I %1 %2 %3 %4 %5 %6")
                        .arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                             q.value(4).toString(), q.value(5).toString());
        q.exec(QStringLiteral(
            "SELECT received_at, hex(response_id), hex(ticket_id), hex(assignee_id), csat, nps FROM kpi_csat ORDER BY 1, 2"));
        while (q.next())
            rows << QStringLiteral("S %1 %2 %3 %4 %5 %6")
                        .arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                             q.value(4).toString(), q.value(5).toString());
        q.exec(QStringLiteral("SELECT number, escalated FROM tickets ORDER BY number"));
        while (q.next())
            rows << QStringLiteral("T %1 %2").arg(q.value(0).toString(), q.value(1).toString());
        return rows;
    };
    const QStringList fresh = snapshot();
    EXPECT_EQ(fresh.count(QStringLiteral("T N-1 0")), 1);
    f.exec(QStringLiteral("UPDATE interactions SET agent_id = ?, channel = 'email' WHERE id = ?"),
           {key(3, 'A'), key(1, 'I')});
    f.exec(QStringLiteral("UPDATE interactions SET started_at = started_at + 7200000, duration_s = 5 WHERE id = ?"),
           {key(2, 'I')});
    f.exec(QStringLiteral("UPDATE interactions SET deleted_at = 1 WHERE id = ?"), {key(3, 'I')});
    f.exec(QStringLiteral("UPDATE interactions SET deleted_at = 1 WHERE id = ?"), {key(4, 'I')});
    f.exec(QStringLiteral("UPDATE interactions SET deleted_at = NULL WHERE id = ?"), {key(4, 'I')}); // restored
    f.exec(QStringLiteral("DELETE FROM interactions WHERE id = ?"), {key(5, 'I')});
    f.exec(QStringLiteral("UPDATE csat_responses SET csat = 3, received_at = received_at + 1 WHERE id = ?"),
           {key(1, 'S')});
    f.exec(QStringLiteral("UPDATE csat_responses SET deleted_at = 1 WHERE id = ?"), {key(2, 'S')});
    f.exec(QStringLiteral("UPDATE tickets SET assignee_id = ? WHERE id = ?"), {key(3, 'A'), key(1, 'K')});
    f.ticket({.n = 3, .created = at(11, 17, 8), .agent = 2});
    f.survey(3, 3, at(11, 17, 11), 4, 9);
    f.event(2, at(11, 18, 9), QStringLiteral("escalation_level"), QStringLiteral("0"), QStringLiteral("1"));
    f.event(1, at(11, 18, 9), QStringLiteral("escalation_level"), QStringLiteral("1"),
            QStringLiteral("0")); // lowered only
    const QStringList changed = snapshot();
    EXPECT_NE(changed, fresh);
    EXPECT_TRUE(changed.contains(QStringLiteral("T N-2 1")));
    EXPECT_TRUE(changed.contains(QStringLiteral("T N-1 0")));
    ASSERT_TRUE(rebuildDerivedData(f.db.connection()));
    EXPECT_EQ(snapshot(), changed);
    // An escalation event removed: the ticket is no longer escalated.
    f.exec(QStringLiteral("DELETE FROM ticket_events WHERE field = 'escalation_level' AND ticket_id = ?"),
           {key(2, 'K')});
    EXPECT_TRUE(snapshot().contains(QStringLiteral("T N-2 0")));
}

TEST(Kpi, InteractionCountsFollowTheirTickets)
{
    KpiFixture f;
    f.ticket({.n = 1, .created = at(11, 16, 10)});
    f.ticket({.n = 2, .created = at(11, 16, 11)});
    f.interaction(1, 1, 1, QStringLiteral("phone"), at(11, 16, 10), 60, 0);
    f.interaction(2, 1, 1, QStringLiteral("email"), at(11, 16, 12), 0, 0);
    f.interaction(3, 0, 1, QStringLiteral("phone"), at(11, 16, 13), 60, 0); // on no ticket
    auto counts = [&] {
        return f.db
            .scalar(QStringLiteral(
                "SELECT group_concat(interaction_count, ',') FROM (SELECT interaction_count FROM tickets ORDER BY number)"))
            .toString();
    };
    EXPECT_EQ(counts(), QStringLiteral("2,0"));
    f.exec(QStringLiteral("UPDATE interactions SET ticket_id = ? WHERE id = ?"), {key(2, 'K'), key(2, 'I')}); // moved
    EXPECT_EQ(counts(), QStringLiteral("1,1"));
    f.exec(QStringLiteral("UPDATE interactions SET deleted_at = 1 WHERE id = ?"), {key(1, 'I')}); // tombstoned
    EXPECT_EQ(counts(), QStringLiteral("0,1"));
    f.exec(QStringLiteral("UPDATE interactions SET ticket_id = ? WHERE id = ?"),
           {key(1, 'K'), key(3, 'I')}); // linked later
    EXPECT_EQ(counts(), QStringLiteral("1,1"));
    f.exec(QStringLiteral("DELETE FROM interactions WHERE id = ?"), {key(3, 'I')});
    EXPECT_EQ(counts(), QStringLiteral("0,1"));
}
