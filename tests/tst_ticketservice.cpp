// Every ticket change is written to ticket_events (who, when, field,
// old → new) in the same transaction; refused changes write nothing.
#include "domain/categories.h"
#include "domain/uuid.h"
#include "models/tickethistorymodel.h"
#include "repositories/interactionrepository.h"
#include "services/interactionlog.h"
#include "ticketfixture.h"

#include "repositories/ticketrepository.h"
#include "services/ticketservice.h"
#include "storage/ticketnumbers.h"
#include <QAbstractItemModelTester>
#include <QTimeZone>

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
              (QStringList{QStringLiteral("created:>new"), QStringLiteral("status:new>open"),
                           QStringLiteral("priority:normal>urgent"), QStringLiteral("escalation_level:0>1"),
                           QStringLiteral("escalation_reason:>二次対応が必要"), QStringLiteral("status:open>pending"),
                           QStringLiteral("status:pending>solved"), QStringLiteral("status:solved>open"),
                           QStringLiteral("reopen_count:0>1"), QStringLiteral("status:open>solved"),
                           QStringLiteral("status:solved>closed")}))
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

    const auto outcome = service.forEach({a.id, closed.id, b.id}, [&](const QUuid &id) {
        return service.changeStatus(id, TicketStatus::Pending);
    });
    ASSERT_TRUE(outcome);
    EXPECT_EQ(outcome->changed, 2);
    ASSERT_EQ(outcome->skipped.size(), 1);
    EXPECT_TRUE(outcome->skipped.first().startsWith(closed.number)) << outcome->skipped.first().toStdString();
    EXPECT_EQ(f.db.scalar(QStringLiteral("SELECT count(*) FROM tickets WHERE status = 'pending'")).toInt(), 2);
    EXPECT_EQ(f.history(closed.id).last(),
              QStringLiteral("status:solved>closed")); // nothing written for the refused one
    // Two tickets, one mutation each for the ticket and its event.
    EXPECT_EQ(f.db.scalar(QStringLiteral("SELECT count(*) FROM sync_outbox")).toLongLong() - outboxBefore, 4);

    ASSERT_TRUE(
        service.forEach({a.id, b.id}, [&](const QUuid &id) { return service.addTag(id, QStringLiteral(" 請求 ")); }));
    ASSERT_TRUE(service.addTag(a.id, QStringLiteral("請求"))); // already there: no change, no event
    EXPECT_EQ(TicketRepository(f.db.connection()).get(a.id)->tags, QStringList{QStringLiteral("請求")});
    EXPECT_EQ(f.history(a.id).last(), QStringLiteral("tags:>請求"));
    EXPECT_FALSE(service.addTag(a.id, QStringLiteral("   ")));
}

TEST(TicketService, EscalationMovesTheTicketToItsTargetAndIsHistory)
{
    TicketFixture f;
    TicketService service(f.db.connection(), f.agent);
    DirectoryRepository directory(f.db.connection());
    Team t2;
    t2.name = QStringLiteral("二次サポート");
    const QUuid tier2 = directory.addTeam(t2).value();
    Agent specialist;
    specialist.name = QStringLiteral("鈴木 一郎");
    specialist.teamId = tier2;
    const QUuid specialistId = directory.addAgent(specialist).value();

    const Ticket t = f.create(true);
    ASSERT_TRUE(service.escalate(t.id, 1, QStringLiteral("ログ解析が必要"), {specialistId, tier2}));
    const Ticket escalated = TicketRepository(f.db.connection()).get(t.id).value();
    EXPECT_EQ(escalated.escalationLevel, 1);
    EXPECT_EQ(escalated.assigneeId, specialistId);
    EXPECT_EQ(escalated.teamId, tier2);
    const QStringList history = f.history(t.id);
    EXPECT_TRUE(history.contains(QStringLiteral("escalation_level:0>1")));
    EXPECT_TRUE(history.contains(QStringLiteral("escalation_reason:>ログ解析が必要")));
    EXPECT_TRUE(history.contains(QStringLiteral("team_id:>%1").arg(uuidToText(tier2))));
    // An agent without a team is no target.
    EXPECT_FALSE(service.escalate(t.id, 2, QStringLiteral("x"), {specialistId, {}}));
    EXPECT_EQ(TicketRepository(f.db.connection()).get(t.id)->escalationLevel, 1);
    EXPECT_EQ(TicketService::escalationLevelName(3), QStringLiteral("Another department"));
}

TEST(TicketService, SatisfactionIsRecordedOnSolvedTicketsOnly)
{
    TicketFixture f;
    TicketService service(f.db.connection(), f.agent);
    const Ticket t = f.create(true);
    CsatResponse r;
    r.csat = 2;
    r.nps = 4;
    r.comment = QStringLiteral("対応が遅い");
    r.complaint = true;
    EXPECT_FALSE(service.recordSatisfaction(t.id, r)); // still open
    ASSERT_TRUE(service.changeStatus(t.id, TicketStatus::Solved));
    CsatResponse bad = r;
    bad.csat = 6;
    EXPECT_FALSE(service.recordSatisfaction(t.id, bad));
    EXPECT_EQ(f.db.scalar(QStringLiteral("SELECT count(*) FROM csat_responses")).toInt(), 0);
    ASSERT_TRUE(service.recordSatisfaction(t.id, r));
    EXPECT_EQ(f.db.scalar(QStringLiteral(
                              "SELECT csat || '/' || nps || '/' || complaint || '/' || comment FROM csat_responses"))
                  .toString(),
              QStringLiteral("2/4/1/対応が遅い"));
    EXPECT_EQ(f.db.scalar(QStringLiteral("SELECT count(*) FROM csat_responses r JOIN tickets t ON t.id = r.ticket_id "
                                         "AND t.customer_id = r.customer_id"))
                  .toInt(),
              1);
    EXPECT_EQ(f.db.scalar(QStringLiteral("SELECT count(*) FROM sync_outbox WHERE entity = 'csat_responses'")).toInt(),
              1);
}

TEST(TicketService, TeamsCanAssignNewTicketsAutomatically)
{
    TicketFixture f;
    TicketService service(f.db.connection(), f.agent);
    DirectoryRepository directory(f.db.connection());
    Agent second;
    second.name = QStringLiteral("伊藤 さくら");
    second.teamId = f.team;
    const QUuid secondId = directory.addAgent(second).value();
    Agent away;
    away.name = QStringLiteral("阿部 休み");
    away.teamId = f.team;
    away.active = false;
    ASSERT_TRUE(directory.addAgent(away));

    auto newTicket = [&] {
        Ticket draft;
        draft.customerId = f.ids.value(QStringLiteral("山田 太郎"));
        draft.subject = QStringLiteral("請求書の再発行");
        draft.teamId = f.team;
        return service.create(draft).value().assigneeId;
    };
    EXPECT_TRUE(newTicket().isNull()); // by hand: nobody is chosen

    ASSERT_TRUE(directory.setAutoAssign(f.team, AutoAssign::RoundRobin));
    // In turn, never the inactive agent: 伊藤 then 高橋 (names order the first round), then 伊藤 again.
    const QUuid first = newTicket();
    const QUuid secondPick = newTicket();
    const QUuid third = newTicket();
    EXPECT_EQ(first, secondId);
    EXPECT_EQ(secondPick, f.agent);
    EXPECT_EQ(third, secondId);

    ASSERT_TRUE(directory.setAutoAssign(f.team, AutoAssign::LeastOpen));
    // 伊藤 has two open tickets, 高橋 one: 高橋 first, then two each, and a
    // tie goes to the name first in order (伊 U+4F0A before 高 U+9AD8).
    EXPECT_EQ(newTicket(), f.agent);
    EXPECT_EQ(newTicket(), secondId);
}

TEST(TicketHistoryModel, TellsEveryChangeInWordsWithNamesNewestFirst)
{
    TicketFixture f;
    TicketService service(f.db.connection(), f.agent);
    const Ticket t = f.create();
    ASSERT_TRUE(service.changeStatus(t.id, TicketStatus::Open));
    ASSERT_TRUE(service.setPriority(t.id, Priority::Urgent));
    ASSERT_TRUE(service.assign(t.id, f.agent, f.team));
    ASSERT_TRUE(service.escalate(t.id, 1, QStringLiteral("要調査")));
    Interaction call;
    call.customerId = t.customerId;
    call.ticketId = t.id;
    call.agentId = f.agent;
    call.channel = Channel::Phone;
    call.direction = Direction::Outbound;
    call.startedAt = QDateTime::currentDateTimeUtc().addSecs(60);
    call.subject = QStringLiteral("折り返し");
    ASSERT_TRUE(InteractionLog(f.db.connection(), f.agent).add(call));

    TicketHistoryModel model(f.db.database(), QTimeZone("Asia/Tokyo"));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setTicket(t.id);
    EXPECT_TRUE(model.lastError().isEmpty()) << model.lastError().toStdString();
    QStringList lines;
    for (int r = 0; r < model.rowCount(); ++r)
        lines << model.index(r).data(TicketHistoryModel::DescriptionRole).toString();
    EXPECT_EQ(lines,
              (QStringList{QStringLiteral("Phone · Outbound · 折り返し"), QStringLiteral("Escalation reason: 要調査"),
                           QStringLiteral("Escalated to Tier 2"), QStringLiteral("Moved to team 技術サポート"),
                           QStringLiteral("Assigned to 高橋 美咲"), QStringLiteral("Priority Normal → Urgent"),
                           QStringLiteral("Status New → Open"), QStringLiteral("Created as New")}))
        << lines.join(u'|').toStdString();
    EXPECT_EQ(model.index(1).data(TicketHistoryModel::AgentRole).toString(), QStringLiteral("高橋 美咲"));
}

TEST(TicketService, EditingDetailsRecordsEachChangedFieldAndRefusesAnEmptySubject)
{
    TicketFixture f;
    const Ticket t = f.create();
    TicketService service(f.db.connection(), f.agent);
    const QString before = f.history(t.id).join(u',');
    // An empty subject is refused and changes nothing.
    const auto refused = service.editDetails(t.id, {QStringLiteral("   "), QString(), QString()});
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, Error::Code::Invalid);
    EXPECT_EQ(f.history(t.id).join(u','), before);
    // Only what changed is recorded: the subject and the category, not the description.
    ASSERT_TRUE(
        service.editDetails(t.id, {QStringLiteral("VPN drops every hour"), t.description, QStringLiteral("billing")}));
    const Ticket edited = TicketRepository(f.db.connection()).get(t.id).value();
    EXPECT_EQ(edited.subject, QStringLiteral("VPN drops every hour"));
    EXPECT_EQ(edited.category, QStringLiteral("billing"));
    EXPECT_EQ(f.history(t.id).mid(1), (QStringList{QStringLiteral("subject:%1>VPN drops every hour").arg(t.subject),
                                                   QStringLiteral("category:>billing")}));
    // The same values again: nothing to record.
    ASSERT_TRUE(
        service.editDetails(t.id, {QStringLiteral("VPN drops every hour"), t.description, QStringLiteral("billing")}));
    EXPECT_EQ(f.history(t.id).size(), 3);
    // In words in the history.
    const auto names = EventNames::load(f.db.connection()).value();
    EXPECT_EQ(describeTicketEvent(QStringLiteral("subject"), QStringLiteral("A"), QStringLiteral("B"), names),
              QStringLiteral("Subject “A” → “B”"));
    EXPECT_EQ(describeTicketEvent(QStringLiteral("category"), QString(), QStringLiteral("billing"), names),
              QStringLiteral("Category (none) → %1").arg(categoryDisplayName(QStringLiteral("billing"))));
}
