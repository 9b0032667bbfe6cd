// SLA policies on the ticket: due times from the policy, the calendar and
// the status history, with answers worked out by hand on the 2026 calendar
// (Mon–Fri 9:00–18:00 Asia/Tokyo; Monday 23 November is 勤労感謝の日).
#include "repositories/interactionrepository.h"
#include "repositories/slarepository.h"
#include "services/breachwatch.h"
#include "services/interactionlog.h"
#include "services/slaengine.h"
#include "storage/changewriter.h"
#include "ticketfixture.h"

#include <QSqlError>
#include <QSqlQuery>

#include <gtest/gtest.h>

using namespace madoguchi;
using madoguchi::test::TicketFixture;

namespace {

const QTimeZone kTokyo("Asia/Tokyo");

QDateTime tokyo(int m, int d, int h, int min = 0)
{
    return QDateTime(QDate(2026, m, d), QTime(h, min), kTokyo);
}

std::string str(const std::optional<QDateTime> &t)
{
    return t ? t->toTimeZone(kTokyo).toString(Qt::ISODate).toStdString() : std::string("none");
}

// Not a global: the holiday data is a resource, registered at start-up.
const SlaClock &japanClock()
{
    static const SlaClock c(BusinessCalendar::japanStandard());
    return c;
}

// Created Friday 20 November 16:00; "normal" targets of the shipped policy:
// first response 4 business hours, resolution 3 business days (27 hours).
const QDateTime kCreated = tokyo(11, 20, 16);

struct SlaFixture : TicketFixture
{
    // A ticket whose creation is moved to `created` (the service stamps now).
    Ticket createdAt(const QDateTime &created, Priority priority = Priority::Normal)
    {
        Ticket t = create();
        if (priority != Priority::Normal) {
            EXPECT_TRUE(TicketService(db.connection(), agent).setPriority(t.id, priority));
        }
        exec(QStringLiteral("UPDATE tickets SET created_at = %1 WHERE id = X'%2'")
                 .arg(created.toMSecsSinceEpoch())
                 .arg(hex(t.id)));
        exec(QStringLiteral("UPDATE ticket_events SET at = %1 WHERE ticket_id = X'%2' AND field = 'created'")
                 .arg(created.toMSecsSinceEpoch())
                 .arg(hex(t.id)));
        EXPECT_TRUE(SlaEngine(db.connection()).recompute(t.id));
        return TicketRepository(db.connection()).get(t.id).value();
    }

    // Moves the ticket's latest status event to `at`.
    void moveLastStatusEvent(const QUuid &id, const QDateTime &at)
    {
        exec(QStringLiteral("UPDATE ticket_events SET at = %1 WHERE rowid = (SELECT max(rowid) FROM ticket_events "
                            "WHERE ticket_id = X'%2' AND field = 'status')")
                 .arg(at.toMSecsSinceEpoch())
                 .arg(hex(id)));
        EXPECT_TRUE(SlaEngine(db.connection()).recompute(id));
    }

    Ticket reload(const QUuid &id) { return TicketRepository(db.connection()).get(id).value(); }

    static QString hex(const QUuid &id) { return QString::fromLatin1(id.toRfc4122().toHex()); }
    void exec(const QString &sql)
    {
        QSqlQuery q(db.connection());
        EXPECT_TRUE(q.exec(sql)) << q.lastError().text().toStdString();
    }
};

} // namespace

TEST(SlaDues, FollowTheCalendarAndSkipTheHoliday)
{
    const SlaDues dues = computeDues(japanClock(), kCreated, {{kCreated, TicketStatus::New}}, 240, 1620, std::nullopt,
                                     std::nullopt);
    // 2 h on Friday, Monday is a holiday, 2 h on Tuesday.
    EXPECT_EQ(str(dues.firstResponse), "2026-11-24T11:00:00+09:00");
    // 2 h Friday, 9 h Tuesday, 9 h Wednesday, 7 h Thursday.
    EXPECT_EQ(str(dues.resolution), "2026-11-26T16:00:00+09:00");
}

TEST(SlaDues, PendingPushesTheResolutionButNotAResponseAlreadyGiven)
{
    const QList<StatusChange> history{{kCreated, TicketStatus::New},
                                      {tokyo(11, 24, 9, 30), TicketStatus::Open},
                                      {tokyo(11, 24, 10), TicketStatus::Pending},
                                      {tokyo(11, 25, 10), TicketStatus::Open}};
    const SlaDues dues = computeDues(japanClock(), kCreated, history, 240, 1620, tokyo(11, 24, 9, 30), std::nullopt);
    EXPECT_EQ(str(dues.firstResponse), "2026-11-24T11:00:00+09:00");
    // Paused 9 business hours (Tue 10–18, Wed 9–10): Thursday 16:00 + 9 h.
    EXPECT_EQ(str(dues.resolution), "2026-11-27T16:00:00+09:00");
}

TEST(SlaDues, NoDueTimeWhileTheClockIsStopped)
{
    const QList<StatusChange> history{{kCreated, TicketStatus::Open}, {tokyo(11, 24, 10), TicketStatus::OnHold}};
    const SlaDues dues = computeDues(japanClock(), kCreated, history, 240, 1620, std::nullopt, std::nullopt);
    EXPECT_FALSE(dues.firstResponse);
    EXPECT_FALSE(dues.resolution);
}

TEST(SlaDues, SolvedTimeBeforeAReopenDoesNotCount)
{
    const QList<StatusChange> history{{kCreated, TicketStatus::Open},
                                      {tokyo(11, 24, 12), TicketStatus::Solved},
                                      {tokyo(11, 26, 12), TicketStatus::Open}};
    const SlaDues dues = computeDues(japanClock(), kCreated, history, 240, 1620, kCreated, std::nullopt);
    // Solved from Tuesday 12:00 to Thursday 12:00, 18 business hours: Thursday
    // 16:00 + 18 h = 2 h Thursday, 9 h Friday, 7 h Monday.
    EXPECT_EQ(str(dues.resolution), "2026-11-30T16:00:00+09:00");
}

TEST(SlaStatus, CountsDownThroughWarningToBreach)
{
    Ticket t;
    t.meta.createdAt = kCreated;
    t.status = TicketStatus::New;
    const QList<StatusChange> history{{kCreated, TicketStatus::New}};
    auto at = [&](const QDateTime &now) { return slaStatus(japanClock(), t, history, 240, 1620, now); };

    SlaStatus s = at(tokyo(11, 24, 9));
    EXPECT_EQ(s.target, SlaStatus::Target::FirstResponse);
    EXPECT_EQ(s.state, SlaStatus::State::OnTrack);
    EXPECT_EQ(s.remainingMinutes, 120);
    EXPECT_EQ(str(s.due), "2026-11-24T11:00:00+09:00");

    s = at(tokyo(11, 24, 10, 30)); // 210 of 240 minutes: 87.5 %
    EXPECT_EQ(s.state, SlaStatus::State::Warning);
    EXPECT_EQ(s.remainingMinutes, 30);

    s = at(tokyo(11, 24, 11, 30));
    EXPECT_EQ(s.state, SlaStatus::State::Breached);
    EXPECT_EQ(s.remainingMinutes, -30);
}

TEST(SlaStatus, PausedMetAndMetLate)
{
    Ticket t;
    t.meta.createdAt = kCreated;
    t.firstRespondedAt = tokyo(11, 24, 9, 30);
    t.status = TicketStatus::Pending;
    QList<StatusChange> history{{kCreated, TicketStatus::New},
                                {tokyo(11, 24, 9, 30), TicketStatus::Open},
                                {tokyo(11, 24, 10), TicketStatus::Pending}};
    SlaStatus s = slaStatus(japanClock(), t, history, 240, 1620, tokyo(11, 25, 15));
    EXPECT_EQ(s.target, SlaStatus::Target::Resolution);
    EXPECT_EQ(s.state, SlaStatus::State::Paused);
    EXPECT_EQ(s.remainingMinutes, 1620 - 180);

    t.status = TicketStatus::Solved;
    t.solvedAt = tokyo(11, 25, 12);
    history.append({tokyo(11, 25, 11), TicketStatus::Open});
    history.append({*t.solvedAt, TicketStatus::Solved});
    s = slaStatus(japanClock(), t, history, 240, 1620, tokyo(12, 10, 9));
    EXPECT_EQ(s.state, SlaStatus::State::Met);

    t.solvedAt = tokyo(11, 30, 12);
    history.last().at = *t.solvedAt;
    s = slaStatus(japanClock(), t, history, 240, 1620, tokyo(12, 10, 9));
    EXPECT_EQ(s.state, SlaStatus::State::MetLate);
}

TEST(SlaPolicies, TheShippedDefaultIsValidAndEditable)
{
    TicketFixture f;
    SlaRepository repository(f.db.connection(), f.agent);
    const SlaPolicy standard = repository.defaultPolicy().value();
    EXPECT_TRUE(validate(standard).isEmpty());
    EXPECT_EQ(standard.firstResponseFor(Priority::Urgent), 30);
    EXPECT_EQ(standard.resolutionFor(Priority::Normal), 1620);

    SlaPolicy vip = standard;
    vip.id = QUuid();
    vip.name = QStringLiteral("VIP");
    vip.isDefault = true;
    vip.firstResponse[std::size_t(Priority::Normal)] = 60;
    const QUuid id = repository.savePolicy(vip).value();
    EXPECT_EQ(repository.defaultPolicy()->id, id);
    EXPECT_FALSE(repository.policy(standard.id)->isDefault);

    SlaPolicy broken = vip;
    broken.resolution[std::size_t(Priority::Normal)] = 30; // shorter than its first response
    const auto refused = repository.savePolicy(broken);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, Error::Code::Invalid);
    EXPECT_EQ(repository.policy(id)->resolutionFor(Priority::Normal), 1620);
}

TEST(SlaEngine, StoresDueTimesAndRecomputesThemOnEveryChange)
{
    SlaFixture f;
    Ticket t = f.createdAt(kCreated);
    EXPECT_EQ(str(t.firstResponseDue), "2026-11-24T11:00:00+09:00");
    EXPECT_EQ(str(t.resolutionDue), "2026-11-26T16:00:00+09:00");

    // Urgent: 30 minutes to respond, 4 hours to resolve.
    ASSERT_TRUE(TicketService(f.db.connection(), f.agent).setPriority(t.id, Priority::Urgent));
    t = f.reload(t.id);
    EXPECT_EQ(str(t.firstResponseDue), "2026-11-20T16:30:00+09:00");
    EXPECT_EQ(str(t.resolutionDue), "2026-11-24T11:00:00+09:00");

    // Waiting on the customer: no due time until the clock runs again.
    ASSERT_TRUE(TicketService(f.db.connection(), f.agent).changeStatus(t.id, TicketStatus::Open));
    f.moveLastStatusEvent(t.id, tokyo(11, 20, 16, 10));
    ASSERT_TRUE(TicketService(f.db.connection(), f.agent).changeStatus(t.id, TicketStatus::Pending));
    f.moveLastStatusEvent(t.id, tokyo(11, 20, 17));
    t = f.reload(t.id);
    EXPECT_FALSE(t.resolutionDue);
    EXPECT_EQ(f.db.scalar(QStringLiteral("SELECT count(*) FROM tickets WHERE sla_sort < 9007199254740992")).toInt(), 0);

    // Back to open on Tuesday 10:00: an hour on Friday and an hour on Tuesday were paused.
    ASSERT_TRUE(TicketService(f.db.connection(), f.agent).changeStatus(t.id, TicketStatus::Open));
    f.moveLastStatusEvent(t.id, tokyo(11, 24, 10));
    t = f.reload(t.id);
    EXPECT_EQ(str(t.resolutionDue), "2026-11-24T13:00:00+09:00");
    // The queue's sort key is the next due time of the running ticket.
    EXPECT_EQ(f.db.scalar(QStringLiteral("SELECT sla_sort FROM tickets")).toLongLong(),
              t.firstResponseDue->toMSecsSinceEpoch());
}

TEST(SlaEngine, TheFirstInteractionThatReachesTheCustomerIsTheFirstResponse)
{
    SlaFixture f;
    const Ticket t = f.createdAt(kCreated);
    InteractionLog interactions(f.db.connection(), f.agent);
    Interaction i;
    i.customerId = t.customerId;
    i.ticketId = t.id;
    i.agentId = f.agent;
    i.channel = Channel::Email;
    i.direction = Direction::Inbound; // the customer writing again is no response
    i.startedAt = tokyo(11, 24, 9);
    ASSERT_TRUE(interactions.add(i));
    EXPECT_FALSE(f.reload(t.id).firstRespondedAt);
    EXPECT_EQ(f.reload(t.id).status, TicketStatus::New);

    i.direction = Direction::Outbound;
    i.startedAt = tokyo(11, 24, 10, 15);
    ASSERT_TRUE(interactions.add(i));
    const Ticket answered = f.reload(t.id);
    EXPECT_EQ(str(answered.firstRespondedAt), "2026-11-24T10:15:00+09:00");
    EXPECT_EQ(answered.status, TicketStatus::Open);
    EXPECT_EQ(str(answered.firstResponseDue), "2026-11-24T11:00:00+09:00");
    EXPECT_EQ(f.history(t.id).last(), QStringLiteral("status:new>open"));

    // A later reply changes nothing.
    i.startedAt = tokyo(11, 24, 10, 45);
    ASSERT_TRUE(interactions.add(i));
    EXPECT_EQ(str(f.reload(t.id).firstRespondedAt), "2026-11-24T10:15:00+09:00");
}

TEST(SlaEngine, AnInboundCallHandledLiveRespondsAtItsStart)
{
    SlaFixture f;
    const Ticket t = f.createdAt(kCreated);
    Interaction call;
    call.customerId = t.customerId;
    call.ticketId = t.id;
    call.channel = Channel::Phone;
    call.direction = Direction::Inbound;
    call.startedAt = tokyo(11, 20, 16, 5);
    ASSERT_TRUE(InteractionLog(f.db.connection(), f.agent).add(call));
    EXPECT_EQ(str(f.reload(t.id).firstRespondedAt), "2026-11-20T16:05:00+09:00");
}

TEST(SlaEngine, ACalendarChangeMovesRunningTicketsOnly)
{
    SlaFixture f;
    const Ticket running = f.createdAt(kCreated);
    const Ticket finished = f.createdAt(kCreated);
    TicketService service(f.db.connection(), f.agent);
    ASSERT_TRUE(service.changeStatus(finished.id, TicketStatus::Open));
    ASSERT_TRUE(service.changeStatus(finished.id, TicketStatus::Solved));
    const auto finishedDue = f.reload(finished.id).resolutionDue;

    SlaRepository repository(f.db.connection(), f.agent);
    Calendar calendar = repository.calendar(repository.defaultPolicy()->calendarId).value();
    calendar.week[5] = BusinessCalendar::Hours{QTime(10, 0), QTime(16, 0)}; // open on Saturdays
    ASSERT_TRUE(repository.saveCalendar(calendar));
    const auto moved = SlaEngine(f.db.connection()).recomputeForCalendar(calendar.id);
    ASSERT_TRUE(moved);
    EXPECT_EQ(moved.value(), 1);
    // 2 h on Friday, 2 h on Saturday.
    EXPECT_EQ(str(f.reload(running.id).firstResponseDue), "2026-11-21T12:00:00+09:00");
    EXPECT_EQ(str(f.reload(finished.id).resolutionDue), str(finishedDue));
}

TEST(SlaEngine, CalendarsRefuseImpossibleHours)
{
    TicketFixture f;
    SlaRepository repository(f.db.connection(), f.agent);
    Calendar c = Calendar::japanStandard();
    c.week[0] = BusinessCalendar::Hours{QTime(18, 0), QTime(9, 0)};
    c.timeZone = QStringLiteral("Mars/Olympus");
    const auto refused = repository.saveCalendar(c);
    ASSERT_FALSE(refused);
    EXPECT_TRUE(refused.error().message.contains(QStringLiteral("Mars/Olympus")));
    EXPECT_EQ(repository.calendars()->size(), 1);
    // Fixed offsets are refused: the team server would read them reversed.
    c = Calendar::japanStandard();
    c.timeZone = QStringLiteral("UTC+09:00");
    ASSERT_TRUE(QTimeZone("UTC+09:00").isValid());
    EXPECT_FALSE(repository.saveCalendar(c));
    EXPECT_TRUE(isCalendarTimeZone(QStringLiteral("America/New_York")));
    EXPECT_TRUE(isCalendarTimeZone(QStringLiteral("UTC")));
    EXPECT_EQ(repository.calendars()->size(), 1);
}

TEST(BreachWatch, ReportsEachWarningAndBreachOnceForMeAndMyTeam)
{
    SlaFixture f;
    // Urgent: first response within 30 business minutes of Tuesday 24 November 10:00.
    const Ticket mine = f.createdAt(tokyo(11, 24, 10), Priority::Urgent);
    ASSERT_TRUE(TicketService(f.db.connection(), f.agent).assign(mine.id, f.agent, f.team));
    const Ticket teams = f.createdAt(tokyo(11, 24, 10), Priority::Urgent);
    ASSERT_TRUE(TicketService(f.db.connection(), f.agent).assign(teams.id, {}, f.team));
    const Ticket elsewhere = f.createdAt(tokyo(11, 24, 10), Priority::Urgent); // no team

    BreachWatch watch(f.db.connection());
    EXPECT_TRUE(watch.check(f.agent, f.team, tokyo(11, 24, 10, 10))->isEmpty()); // a third of the target
    const auto warned = watch.check(f.agent, f.team, tokyo(11, 24, 10, 25));     // 25 of 30 minutes
    ASSERT_TRUE(warned);
    ASSERT_EQ(warned->size(), 2);
    EXPECT_EQ(warned->at(0).status.state, SlaStatus::State::Warning);
    EXPECT_EQ(warned->at(0).status.remainingMinutes, 5);
    QSet<QUuid> ids{warned->at(0).ticketId, warned->at(1).ticketId};
    EXPECT_EQ(ids, (QSet<QUuid>{mine.id, teams.id}));
    EXPECT_TRUE(watch.check(f.agent, f.team, tokyo(11, 24, 10, 27))->isEmpty()); // already told
    const auto breached = watch.check(f.agent, f.team, tokyo(11, 24, 10, 31));
    ASSERT_EQ(breached->size(), 2);
    EXPECT_EQ(breached->at(0).status.state, SlaStatus::State::Breached);
    // Responding stops the first-response clock: nothing more about it.
    Interaction reply;
    reply.customerId = mine.customerId;
    reply.ticketId = mine.id;
    reply.channel = Channel::Email;
    reply.direction = Direction::Outbound;
    reply.startedAt = tokyo(11, 24, 10, 40);
    ASSERT_TRUE(InteractionLog(f.db.connection(), f.agent).add(reply));
    const auto after = watch.check(f.agent, f.team, tokyo(11, 24, 10, 45));
    ASSERT_TRUE(after);
    for (const SlaAlert &a : after.value())
        EXPECT_NE(a.ticketId, mine.id);
    Q_UNUSED(elsewhere);
}
