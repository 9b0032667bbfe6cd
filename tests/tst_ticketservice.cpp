// Every ticket change is written to ticket_events (who, when, field,
// old → new) in the same transaction; refused changes write nothing.
#include "ticketfixture.h"
#include "storage/ticketnumbers.h"
#include "storage/ticketrepository.h"
#include "storage/ticketservice.h"

#include <gtest/gtest.h>

using namespace madoguchi;

using madoguchi::test::TicketFixture;

TEST(TicketService, CreatesNumberedTicketsWithTheirCreatedEvent)
{
    TicketFixture f;
    const Ticket t = f.create();
    EXPECT_TRUE(TicketNumbers::isWellFormed(t.number)) << t.number.toStdString();
    EXPECT_TRUE(t.number.endsWith(QStringLiteral("-1")));
    EXPECT_EQ(t.status, TicketStatus::New);
    EXPECT_EQ(f.history(t.id), QStringList{QStringLiteral("created:>new")});
    const Ticket live = f.create(true);
    EXPECT_EQ(live.status, TicketStatus::Open);
    EXPECT_TRUE(live.number.endsWith(QStringLiteral("-2")));
}

TEST(TicketService, RecordsEveryChangeThroughTheWholeLifecycle)
{
    TicketFixture f;
    const Ticket t = f.create();
    TicketService service(f.db.connection(), f.agent);
    ASSERT_TRUE(service.changeStatus(t.id, TicketStatus::Open));
    ASSERT_TRUE(service.setPriority(t.id, Priority::Urgent));
    ASSERT_TRUE(service.escalate(t.id, 1, QStringLiteral("二次対応が必要")));
    ASSERT_TRUE(service.changeStatus(t.id, TicketStatus::Pending));
    ASSERT_TRUE(service.changeStatus(t.id, TicketStatus::Solved));
    EXPECT_TRUE(TicketRepository(f.db.connection()).get(t.id)->solvedAt.has_value());
    ASSERT_TRUE(service.changeStatus(t.id, TicketStatus::Open)); // reopened
    const Ticket reopened = TicketRepository(f.db.connection()).get(t.id).value();
    EXPECT_EQ(reopened.reopenCount, 1);
    EXPECT_FALSE(reopened.solvedAt.has_value());
    ASSERT_TRUE(service.changeStatus(t.id, TicketStatus::Solved));
    ASSERT_TRUE(service.changeStatus(t.id, TicketStatus::Closed));
    const Ticket closed = TicketRepository(f.db.connection()).get(t.id).value();
    EXPECT_TRUE(closed.closedAt.has_value());
    EXPECT_EQ(closed.escalationLevel, 1);
    EXPECT_EQ(f.history(t.id),
              (QStringList{QStringLiteral("created:>new"), QStringLiteral("status:new>open"), QStringLiteral("priority:normal>urgent"),
                           QStringLiteral("escalation_level:0>1"), QStringLiteral("escalation_reason:>二次対応が必要"),
                           QStringLiteral("status:open>pending"), QStringLiteral("status:pending>solved"),
                           QStringLiteral("status:solved>open"), QStringLiteral("reopen_count:0>1"),
                           QStringLiteral("status:open>solved"), QStringLiteral("status:solved>closed")}))
        << f.history(t.id).join(u',').toStdString();
    for (const TicketEvent &e : TicketRepository(f.db.connection()).events(t.id).value())
        EXPECT_EQ(e.agentId, f.agent) << e.field.toStdString();
}

TEST(TicketService, RefusedChangesWriteNothing)
{
    TicketFixture f;
    const Ticket t = f.create();
    TicketService service(f.db.connection(), f.agent);
    const int outbox = f.db.scalar(QStringLiteral("SELECT count(*) FROM sync_outbox")).toInt();
    const auto closeEarly = service.changeStatus(t.id, TicketStatus::Closed);
    ASSERT_FALSE(closeEarly);
    EXPECT_TRUE(closeEarly.error().message.contains(QStringLiteral("after it is solved")));
    EXPECT_FALSE(service.escalate(t.id, 2, QString())); // no reason
    EXPECT_FALSE(service.escalate(t.id, 7, QStringLiteral("x")));
    EXPECT_EQ(f.db.scalar(QStringLiteral("SELECT count(*) FROM sync_outbox")).toInt(), outbox);
    EXPECT_EQ(f.history(t.id).size(), 1);
    // Setting the same value again is not a change.
    ASSERT_TRUE(service.setPriority(t.id, Priority::Normal));
    EXPECT_EQ(f.history(t.id).size(), 1);
}

TEST(TicketService, AssignmentIsHistoryToo)
{
    TicketFixture f;
    const Ticket t = f.create();
    ASSERT_TRUE(TicketService(f.db.connection(), f.agent).assign(t.id, f.agent, f.team));
    const Ticket assigned = TicketRepository(f.db.connection()).get(t.id).value();
    EXPECT_EQ(assigned.assigneeId, f.agent);
    EXPECT_EQ(assigned.teamId, f.team);
    EXPECT_EQ(f.history(t.id).size(), 3); // created, assignee, team
}

TEST(TicketService, BulkActionsSkipTicketsTheyDoNotApplyToAndSayWhy)
{
    TicketFixture f;
    TicketService service(f.db.connection(), f.agent);
    const Ticket a = f.create(true);
    const Ticket b = f.create(true);
    const Ticket closed = f.create(true);
    ASSERT_TRUE(service.changeStatus(closed.id, TicketStatus::Solved));
    ASSERT_TRUE(service.changeStatus(closed.id, TicketStatus::Closed));
    const qint64 outboxBefore = f.db.scalar(QStringLiteral("SELECT count(*) FROM sync_outbox")).toLongLong();

    const auto outcome = service.forEach({a.id, closed.id, b.id}, [&](const QUuid &id) { return service.changeStatus(id, TicketStatus::Pending); });
    ASSERT_TRUE(outcome);
    EXPECT_EQ(outcome->changed, 2);
    ASSERT_EQ(outcome->skipped.size(), 1);
    EXPECT_TRUE(outcome->skipped.first().startsWith(closed.number)) << outcome->skipped.first().toStdString();
    EXPECT_EQ(f.db.scalar(QStringLiteral("SELECT count(*) FROM tickets WHERE status = 'pending'")).toInt(), 2);
    EXPECT_EQ(f.history(closed.id).last(), QStringLiteral("status:solved>closed")); // nothing written for the refused one
    // Two tickets, one mutation each for the ticket and its event.
    EXPECT_EQ(f.db.scalar(QStringLiteral("SELECT count(*) FROM sync_outbox")).toLongLong() - outboxBefore, 4);

    ASSERT_TRUE(service.forEach({a.id, b.id}, [&](const QUuid &id) { return service.addTag(id, QStringLiteral(" 請求 ")); }));
    ASSERT_TRUE(service.addTag(a.id, QStringLiteral("請求"))); // already there: no change, no event
    EXPECT_EQ(TicketRepository(f.db.connection()).get(a.id)->tags, QStringList{QStringLiteral("請求")});
    EXPECT_EQ(f.history(a.id).last(), QStringLiteral("tags:>請求"));
    EXPECT_FALSE(service.addTag(a.id, QStringLiteral("   ")));
}
