// The SLA due times are the server's (resources/sql/server/0004_sla.sql):
// its business-time arithmetic must be the app's (BusinessCalendar,
// SlaClock, computeDues), to the millisecond, for any calendar and history,
// and every copy must receive the server's figures.
#include "domain/enums.h"
#include "domain/slapolicy.h"
#include "domain/uuid.h"
#include "repositories/slarepository.h"
#include "repositories/ticketrepository.h"
#include "services/interactionlog.h"
#include "services/slaengine.h"
#include "services/ticketservice.h"
#include "syncclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

#include <gtest/gtest.h>

#include <random>

using namespace madoguchi;
using namespace madoguchi::test;

namespace {

const QUuid kShippedCalendar = QUuid::fromString(QStringLiteral("01900000-0000-7000-8000-0000000ca1e0"));
const QUuid kShippedPolicy = QUuid::fromString(QStringLiteral("01900000-0000-7000-8000-0000000005aa"));

QString iso(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

// Figures as comparable text ("-" for none), so a failure shows both.
std::string figure(const std::optional<QDateTime> &t)
{
    return t ? iso(t->toMSecsSinceEpoch()).toStdString() : "-";
}
std::string figure(const std::optional<double> &minutes)
{
    return minutes ? QString::number(*minutes, 'g', 17).toStdString() : "-";
}
std::string msFigure(const QVariant &v)
{
    return v.isNull() ? "-" : iso(v.toLongLong()).toStdString();
}
std::string minutesFigure(const QVariant &v)
{
    return v.isNull() ? "-" : QString::number(v.toDouble(), 'g', 17).toStdString();
}

// The server's calendars, as the app reads them.
struct TestCalendar
{
    Calendar calendar;
    BusinessCalendar business = calendar.toBusinessCalendar();
};

class ServerSla : public ServerFixture
{
protected:
    void SetUp() override
    {
        ServerFixture::SetUp();
        ASSERT_TRUE(initializeTestServer(admin));
        // Besides the shipped one: a calendar with Saturday hours, a zone
        // with daylight saving, no national holidays and closures of its own.
        Calendar ny;
        ny.id = QUuid::fromString(QStringLiteral("01900000-0000-7000-8000-00000000c0de"));
        ny.name = QStringLiteral("New York desk");
        ny.timeZone = QStringLiteral("America/New_York");
        for (int d = 0; d < 5; ++d)
            ny.week[std::size_t(d)] = BusinessCalendar::Hours{QTime(8, 30), QTime(17, 0)};
        ny.week[5] = BusinessCalendar::Hours{QTime(10, 0), QTime(14, 15)};
        ny.japaneseHolidays = false;
        ny.extraHolidays = {QDate(2025, 12, 24), QDate(2025, 12, 26), QDate(2026, 7, 3), QDate(2026, 11, 26)};
        QJsonArray hours, closures;
        for (const auto &h : ny.week) {
            hours.append(h ? QJsonValue(QJsonArray{h->open.toString(QStringLiteral("HH:mm")),
                                                   h->close.toString(QStringLiteral("HH:mm"))})
                           : QJsonValue(QJsonValue::Null));
        }
        for (const QDate &d : ny.extraHolidays)
            closures.append(d.toString(Qt::ISODate));
        QSqlQuery q(admin);
        q.prepare(
            QStringLiteral("INSERT INTO crm.calendar (id, name, time_zone, hours, national_holidays, extra_holidays) "
                           "VALUES (?::uuid, ?, ?, ?::jsonb, 'none', ?::jsonb)"));
        q.addBindValue(uuidToText(ny.id));
        q.addBindValue(ny.name);
        q.addBindValue(ny.timeZone);
        q.addBindValue(QString::fromUtf8(QJsonDocument(hours).toJson(QJsonDocument::Compact)));
        q.addBindValue(QString::fromUtf8(QJsonDocument(closures).toJson(QJsonDocument::Compact)));
        ASSERT_TRUE(q.exec()) << q.lastError().text().toStdString();
        ASSERT_TRUE(
            q.exec(QStringLiteral(
                       "INSERT INTO crm.sla_policy (id, name, calendar_id, first_response_low, first_response_normal, "
                       "first_response_high, resolution_low, resolution_normal, resolution_high, resolution_urgent) "
                       "VALUES ('01900000-0000-7000-8000-0000000000ff', 'US', '%1', 600, 300, 45, 4000, 2000, 700, 90)")
                       .arg(uuidToText(ny.id))))
            << q.lastError().text().toStdString();
        usPolicy.id = QUuid::fromString(QStringLiteral("01900000-0000-7000-8000-0000000000ff"));
        usPolicy.calendarId = ny.id;
        usPolicy.firstResponse = {600, 300, 45, std::nullopt};
        usPolicy.resolution = {4000, 2000, 700, 90};
        calendars = {TestCalendar{Calendar::japanStandard()}, TestCalendar{ny}};
        calendars[0].calendar.id = kShippedCalendar;
        shippedPolicy.id = kShippedPolicy;
        shippedPolicy.calendarId = kShippedCalendar;
        shippedPolicy.firstResponse = {480, 240, 60, 30};
        shippedPolicy.resolution = {2700, 1620, 540, 240};
    }

    std::vector<TestCalendar> calendars;
    SlaPolicy shippedPolicy, usPolicy;
};

// Instants from 2024 to 2027, with a bias to the edges of business hours;
// a few beyond the years the server tabulates (2041–2043).
qint64 randomInstant(std::mt19937_64 &rng)
{
    const int year = rng() % 10 == 0 ? 2041 : 2024;
    const qint64 from = QDateTime(QDate(year, 1, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    const qint64 span = 3LL * 365 * 86'400'000;
    qint64 t = from + qint64(rng() % quint64(span));
    if (rng() % 3 == 0)
        t -= t % 3'600'000; // on the hour: openings and closings
    return t;
}

TEST_F(ServerSla, BusinessTimeArithmeticIsTheAppsToTheMillisecond)
{
    std::mt19937_64 rng(20261122);
    for (const TestCalendar &c : calendars) {
        SCOPED_TRACE(c.calendar.timeZone.toStdString());
        const QString cal = QStringLiteral("(SELECT c FROM crm.calendar c WHERE id = '%1')")
                                .arg(uuidToText(c.calendar.id));
        for (int i = 0; i < 250; ++i) {
            const qint64 start = randomInstant(rng);
            const qint64 amount = qint64(rng() % 5) == 0 ? 0
                                                         : qint64(rng() % (40LL * 3'600'000)); // up to a week of hours
            const qint64 end = start + qint64(rng() % (45LL * 86'400'000));
            SCOPED_TRACE(iso(start).toStdString());
            EXPECT_EQ(scalar(QStringLiteral("SELECT sync.add_business_ms(%1, ?, ?)").arg(cal), {start, amount})
                          .toLongLong(),
                      c.business.addBusinessMs(start, amount));
            EXPECT_EQ(scalar(QStringLiteral("SELECT sync.business_ms(%1, ?, ?)").arg(cal), {start, end}).toLongLong(),
                      c.business.businessMs(start, end));
            EXPECT_EQ(scalar(QStringLiteral("SELECT sync.business_ms(%1, ?, ?)").arg(cal), {end, start}).toLongLong(),
                      0);
            // The day-by-day walk the table stands in for agrees too.
            EXPECT_EQ(scalar(QStringLiteral("SELECT sync.add_business_ms_daily(%1, ?, ?)").arg(cal), {start, amount})
                          .toLongLong(),
                      c.business.addBusinessMs(start, amount));
            EXPECT_EQ(scalar(QStringLiteral("SELECT sync.business_ms_daily(%1, ?, ?)").arg(cal), {start, end})
                          .toLongLong(),
                      c.business.businessMs(start, end));
        }
    }
}

TEST_F(ServerSla, DueTimesAndDurationsAreTheAppsForAnyHistory)
{
    const std::array<const char *, 6> statuses{"new", "open", "pending", "on_hold", "solved", "closed"};
    const std::array<const char *, 4> priorities{"low", "normal", "high", "urgent"};
    std::mt19937_64 rng(1122);
    int paused = 0, met = 0, running = 0;
    for (int i = 0; i < 400; ++i) {
        const bool us = rng() % 2;
        const SlaPolicy &policy = us ? usPolicy : shippedPolicy;
        const TestCalendar &calendar = calendars[us ? 1 : 0];
        const int priority = int(rng() % 4);
        const qint64 created = randomInstant(rng);
        // The history: created, then changes minutes to days apart.
        QList<StatusChange> history{{QDateTime::fromMSecsSinceEpoch(created, Qt::UTC), TicketStatus::New}};
        QStringList at{QString::number(created)}, status{QStringLiteral("new")};
        qint64 t = created;
        std::optional<QDateTime> responded, solved;
        const int changes = int(rng() % 7);
        for (int k = 0; k < changes; ++k) {
            t += qint64(rng() % (rng() % 2 ? 3'600'000 : 4LL * 86'400'000)) + 1;
            const char *s = statuses[rng() % statuses.size()];
            history.append(
                {QDateTime::fromMSecsSinceEpoch(t, Qt::UTC), fromKey<TicketStatus>(QString::fromLatin1(s)).value()});
            at << QString::number(t);
            status << QString::fromLatin1(s);
            if (!responded && rng() % 3 == 0)
                responded = QDateTime::fromMSecsSinceEpoch(t + qint64(rng() % 600'000), Qt::UTC);
            if (QByteArray(s) == "solved" || QByteArray(s) == "closed")
                solved = solved ? solved : QDateTime::fromMSecsSinceEpoch(t, Qt::UTC);
            else
                solved.reset();
        }
        const SlaClock clock(calendar.business);
        const SlaDues app = computeDues(clock, QDateTime::fromMSecsSinceEpoch(created, Qt::UTC), history,
                                        policy.firstResponse[std::size_t(priority)],
                                        policy.resolution[std::size_t(priority)], responded, solved);
        const auto durations = SlaEngine::businessDurations(calendar.business,
                                                            QDateTime::fromMSecsSinceEpoch(created, Qt::UTC), responded,
                                                            solved);
        QJsonObject ticket{{QStringLiteral("created_at"), iso(created)},
                           {QStringLiteral("priority"), QString::fromLatin1(priorities[std::size_t(priority)])},
                           {QStringLiteral("sla_policy_id"), uuidToText(policy.id)}};
        if (responded)
            ticket.insert(QStringLiteral("first_responded_at"), iso(responded->toMSecsSinceEpoch()));
        if (solved)
            ticket.insert(QStringLiteral("solved_at"), iso(solved->toMSecsSinceEpoch()));
        QSqlQuery q(admin);
        q.prepare(QStringLiteral(
            "SELECT fr_due, res_due, fr_business, res_business, known FROM "
            "sync.ticket_sla(jsonb_populate_record(NULL::crm.ticket, ?::jsonb), ?::bigint[], ?::text[])"));
        q.addBindValue(QString::fromUtf8(QJsonDocument(ticket).toJson(QJsonDocument::Compact)));
        q.addBindValue(QStringLiteral("{%1}").arg(at.join(u',')));
        q.addBindValue(QStringLiteral("{%1}").arg(status.join(u',')));
        ASSERT_TRUE(q.exec() && q.next()) << q.lastError().text().toStdString();
        SCOPED_TRACE(QStringLiteral("ticket %1: %2 created %3, %4")
                         .arg(i)
                         .arg(QString::fromLatin1(priorities[std::size_t(priority)]), iso(created), status.join(u' '))
                         .toStdString());
        EXPECT_TRUE(q.value(4).toBool());
        EXPECT_EQ(msFigure(q.value(0)), figure(app.firstResponse));
        EXPECT_EQ(msFigure(q.value(1)), figure(app.resolution));
        EXPECT_EQ(minutesFigure(q.value(2)), figure(durations.firstResponse));
        EXPECT_EQ(minutesFigure(q.value(3)), figure(durations.resolution));
        paused += !app.resolution.has_value();
        met += solved.has_value();
        running += app.resolution.has_value() && !solved;
    }
    // The sample covers every case: paused now, met, still running.
    EXPECT_GT(paused, 20);
    EXPECT_GT(met, 20);
    EXPECT_GT(running, 20);
}

TEST_F(ServerSla, CalendarsTheArithmeticCannotReadAreRefused)
{
    const QString id = uuidToText(kShippedCalendar);
    for (const QString &change : {QStringLiteral("time_zone = 'Mars/Olympus'"),
                                  // A fixed offset PostgreSQL would read reversed (POSIX).
                                  QStringLiteral("time_zone = 'UTC+09:00'"),
                                  QStringLiteral(R"(hours = '[["18:00","09:00"],null,null,null,null,null,null]')"),
                                  QStringLiteral(R"(hours = '[["09:00"],null,null,null,null,null,null]')"),
                                  QStringLiteral(R"(hours = '[["9am","5pm"],null,null,null,null,null,null]')")}) {
        SCOPED_TRACE(change.toStdString());
        QSqlQuery q(admin);
        EXPECT_FALSE(q.exec(QStringLiteral("UPDATE crm.calendar SET %1 WHERE id = '%2'").arg(change, id)));
        EXPECT_EQ(q.lastError().nativeErrorCode(), QStringLiteral("22023"));
    }
    QSqlQuery q(admin);
    EXPECT_TRUE(q.exec(
        QStringLiteral(
            R"(UPDATE crm.calendar SET time_zone = 'Europe/Berlin', hours = '[["08:00","16:30"],null,null,null,null,null,null]' )"
            "WHERE id = '%1'")
            .arg(id)))
        << q.lastError().text().toStdString();
}

// A ticket the fixture's agents work on, synced: the server's figures
// arrive at every copy, and match what the app would compute from the
// history the copy holds.
class ServerSlaSync : public SyncFixture
{
protected:
    QString serverText(const QString &column, const QUuid &ticket)
    {
        return scalar(QStringLiteral("SELECT coalesce(sync.ms(%1)::text, '-') FROM crm.ticket WHERE id = '%2'")
                          .arg(column, uuidToText(ticket)))
            .toString();
    }
    static QString localText(SyncClient &c, const QString &column, const QUuid &ticket)
    {
        return c
            .scalar(QStringLiteral("SELECT coalesce(%1, '-') FROM tickets WHERE id = ?").arg(column),
                    {uuidToBlob(ticket)})
            .toString();
    }
    // What the app computes from the copy's own history (then put back).
    static std::pair<QString, QString> recomputed(SyncClient &c, const QUuid &ticket)
    {
        const QString before = localText(c, QStringLiteral("first_response_due"), ticket) + u'|'
                               + localText(c, QStringLiteral("resolution_due"), ticket);
        EXPECT_TRUE(c.local().transaction());
        EXPECT_TRUE(SlaEngine(c.local()).recompute(ticket));
        std::pair<QString, QString> out{localText(c, QStringLiteral("first_response_due"), ticket),
                                        localText(c, QStringLiteral("resolution_due"), ticket)};
        EXPECT_TRUE(c.local().rollback());
        EXPECT_EQ(localText(c, QStringLiteral("first_response_due"), ticket) + u'|'
                      + localText(c, QStringLiteral("resolution_due"), ticket),
                  before);
        return out;
    }
};

TEST_F(ServerSlaSync, EveryCopyReceivesTheServersDueTimes)
{
    auto a = client(loginA);
    auto b = client(loginB);
    auto s = client(loginS);
    ASSERT_SYNCS(*a);
    const QUuid customer = addCustomer(*a, QStringLiteral("期日 テスト"));
    const QUuid ticket = addTicket(*a, customer, tokyo, agentA, QStringLiteral("Printer jams"));
    ASSERT_SYNCS(*a);
    const QString firstDue = serverText(QStringLiteral("first_response_due"), ticket);
    EXPECT_NE(firstDue, QStringLiteral("-")) << "a new ticket has its due times at once";
    EXPECT_NE(serverText(QStringLiteral("resolution_due"), ticket), QStringLiteral("-"));

    // Waiting on the customer stops both clocks: no due time while paused.
    TicketService sa(a->local(), agentA);
    ASSERT_TRUE(sa.changeStatus(ticket, TicketStatus::Pending));
    ASSERT_SYNCS(*a);
    EXPECT_EQ(serverText(QStringLiteral("first_response_due"), ticket), QStringLiteral("-"));
    EXPECT_EQ(serverText(QStringLiteral("resolution_due"), ticket), QStringLiteral("-"));
    ASSERT_TRUE(sa.changeStatus(ticket, TicketStatus::Open));
    ASSERT_SYNCS(*a);
    ASSERT_SYNCS(*b);
    for (SyncClient *c : {a.get(), b.get()}) {
        SCOPED_TRACE(c->name.toStdString());
        EXPECT_EQ(localText(*c, QStringLiteral("first_response_due"), ticket),
                  serverText(QStringLiteral("first_response_due"), ticket));
        EXPECT_EQ(localText(*c, QStringLiteral("resolution_due"), ticket),
                  serverText(QStringLiteral("resolution_due"), ticket));
        const auto [fr, res] = recomputed(*c, ticket);
        EXPECT_EQ(fr, serverText(QStringLiteral("first_response_due"), ticket));
        EXPECT_EQ(res, serverText(QStringLiteral("resolution_due"), ticket));
    }
    EXPECT_GE(serverText(QStringLiteral("first_response_due"), ticket).toLongLong(), firstDue.toLongLong());

    // A call answers the customer: the server stamps the first response and
    // the business minutes it took, and B's KPIs get them.
    InteractionLog::Entry call;
    call.interaction.customerId = customer;
    call.interaction.agentId = agentA;
    call.interaction.channel = Channel::Phone;
    call.interaction.direction = Direction::Outbound;
    call.interaction.startedAt = QDateTime::currentDateTimeUtc();
    call.interaction.durationSeconds = 60;
    call.ticketNumber = TicketRepository(a->local()).get(ticket)->number;
    ASSERT_TRUE(InteractionLog(a->local(), agentA).save(call));
    ASSERT_SYNCS(*a);
    ASSERT_SYNCS(*b);
    const QString minutes = scalar(QStringLiteral(
                                       "SELECT first_response_business_min::text FROM crm.ticket WHERE id = '%1'")
                                       .arg(uuidToText(ticket)))
                                .toString();
    ASSERT_FALSE(minutes.isEmpty());
    EXPECT_DOUBLE_EQ(b->scalar(QStringLiteral("SELECT first_response_business_min FROM tickets WHERE id = ?"),
                               {uuidToBlob(ticket)})
                         .toDouble(),
                     minutes.toDouble());

    // The supervisor opens the desk around the clock: the running ticket's
    // resolution falls due sooner, on the server and then at A.
    const QString resolutionBefore = serverText(QStringLiteral("resolution_due"), ticket);
    ASSERT_SYNCS(*s);
    const auto stored = SlaRepository(s->local()).calendar(kShippedCalendar);
    ASSERT_TRUE(stored);
    Calendar calendar = stored.value();
    for (auto &day : calendar.week)
        day = BusinessCalendar::Hours{QTime(0, 0), QTime(23, 59)};
    calendar.japaneseHolidays = false;
    ASSERT_TRUE(SlaRepository(s->local()).saveCalendar(calendar));
    ASSERT_SYNCS(*s);
    ASSERT_SYNCS(*a);
    const QString resolutionAfter = serverText(QStringLiteral("resolution_due"), ticket);
    EXPECT_LT(resolutionAfter.toLongLong(), resolutionBefore.toLongLong());
    EXPECT_EQ(localText(*a, QStringLiteral("resolution_due"), ticket), resolutionAfter);
    EXPECT_EQ(recomputed(*a, ticket).second, resolutionAfter);
}

TEST_F(ServerSlaSync, AgentsCannotWriteTheFiguresAndNewHolidaysMoveRunningClocks)
{
    auto a = client(loginA);
    ASSERT_SYNCS(*a);
    const QUuid ticket = addTicket(*a, addCustomer(*a, QStringLiteral("Holiday")), tokyo, agentA,
                                   QStringLiteral("Clock"));
    ASSERT_SYNCS(*a);
    const QString due = serverText(QStringLiteral("resolution_due"), ticket);
    {
        auto opened = openServer(as(loginA, password), QStringLiteral("sla-agent"));
        ASSERT_TRUE(opened);
        QSqlDatabase agent = opened.value();
        QSqlQuery q(agent);
        EXPECT_FALSE(q.exec(
            QStringLiteral("UPDATE crm.ticket SET resolution_due = now() WHERE id = '%1'").arg(uuidToText(ticket))));
        EXPECT_EQ(q.lastError().nativeErrorCode(), QStringLiteral("42501"));
        EXPECT_FALSE(q.exec(QStringLiteral("UPDATE crm.ticket SET first_response_business_min = 1 WHERE id = '%1'")
                                .arg(uuidToText(ticket))));
        EXPECT_EQ(q.lastError().nativeErrorCode(), QStringLiteral("42501"));
        EXPECT_FALSE(q.exec(QStringLiteral("DELETE FROM sync.holiday")));
        EXPECT_FALSE(q.exec(QStringLiteral("SELECT sync.refresh_sla_all(false)")));
        EXPECT_FALSE(q.exec(QStringLiteral("SELECT sync.build_calendar_days('%1')").arg(uuidToText(kShippedCalendar))));
        EXPECT_EQ(q.lastError().nativeErrorCode(), QStringLiteral("42501"));
        agent.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("sla-agent"));
    // Holidays a newer app ships reach the server with `server init`, and
    // the running tickets' clocks are settled again.
    QSqlQuery q(admin);
    ASSERT_TRUE(q.exec(QStringLiteral("DELETE FROM sync.holiday"))) << q.lastError().text().toStdString();
    ASSERT_TRUE(
        q.exec(QStringLiteral("UPDATE crm.ticket SET resolution_due = NULL WHERE id = '%1'").arg(uuidToText(ticket))));
    ASSERT_TRUE(initializeTestServer(admin));
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM sync.holiday")).toInt(),
              int(BusinessCalendar::japaneseHolidays().size()));
    EXPECT_EQ(serverText(QStringLiteral("resolution_due"), ticket), due);
}

// A lead's calendar edit notes every running ticket until it commits; an
// agent's push meanwhile must not wait for it (nor deadlock with it).
TEST_F(ServerSlaSync, ACalendarEditInProgressDoesNotHoldUpPushes)
{
    auto a = client(loginA);
    ASSERT_SYNCS(*a);
    const QUuid ticket = addTicket(*a, addCustomer(*a, QStringLiteral("Busy")), tokyo, agentA,
                                   QStringLiteral("Waiting"));
    ASSERT_SYNCS(*a);
    QSqlDatabase lead = server.superuser(database, QStringLiteral("sla-lead-%1").arg(database));
    {
        QSqlQuery q(lead);
        ASSERT_TRUE(q.exec(QStringLiteral("BEGIN")));
        ASSERT_TRUE(q.exec(
            QStringLiteral(R"(UPDATE crm.calendar SET hours = '[["08:00","20:00"],["08:00","20:00"],["08:00","20:00"],)"
                           R"(["08:00","20:00"],["08:00","20:00"],null,null]' WHERE id = '%1')")
                .arg(uuidToText(kShippedCalendar))))
            << q.lastError().text().toStdString();
        ASSERT_EQ(scalar(QStringLiteral("SELECT count(*) FROM crm.ticket WHERE id = '%1'").arg(uuidToText(ticket)))
                      .toInt(),
                  1);
        // The agent waits on the customer meanwhile: pushed and settled
        // (a wait on the lead's notes would end in the lock timeout).
        ASSERT_TRUE(TicketService(a->local(), agentA).changeStatus(ticket, TicketStatus::Pending));
        ASSERT_SYNCS(*a);
        EXPECT_EQ(serverText(QStringLiteral("resolution_due"), ticket), QStringLiteral("-"));
        ASSERT_TRUE(q.exec(QStringLiteral("COMMIT")));
    }
    lead.close();
    lead = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("sla-lead-%1").arg(database));
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM sync.sla_pending")).toInt(), 0);
}

} // namespace
