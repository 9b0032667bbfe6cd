// Ticket queues: which tickets each queue holds, in which order, read a page
// at a time from anywhere in the queue; counts; saved filters.
#include "models/ticketqueuemodel.h"
#include "services/slaengine.h"
#include "storage/changewriter.h"
#include "storage/database.h"
#include "storage/transaction.h"
#include "ticketfixture.h"

#include <QAbstractItemModelTester>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <gtest/gtest.h>

using namespace madoguchi;
using madoguchi::test::TicketFixture;

namespace {

// 120 tickets with every combination the queues distinguish.
struct QueueFixture : TicketFixture
{
    QUuid otherAgent;
    QUuid otherTeam;
    QueueContext context;

    QueueFixture()
    {
        DirectoryRepository directory(db.connection());
        Team t;
        t.name = QStringLiteral("営業");
        otherTeam = directory.addTeam(t).value();
        Agent a;
        a.name = QStringLiteral("Alex Morgan");
        a.teamId = otherTeam;
        otherAgent = directory.addAgent(a).value();
        context.agent = agent;
        context.team = team;
        context.now = QDateTime::currentDateTimeUtc();

        TicketService service(db.connection(), agent);
        Transaction tx(db.connection()); // one commit for the whole set-up
        const std::array<Priority, 4> priorities{Priority::Low, Priority::Normal, Priority::High, Priority::Urgent};
        for (int i = 0; i < 120; ++i) {
            Ticket draft;
            draft.customerId = ids.value(i % 2 ? QStringLiteral("山田 太郎") : QStringLiteral("Alice Smith"));
            draft.subject = QStringLiteral("Ticket %1 — %2")
                                .arg(i)
                                .arg(i % 5 ? QStringLiteral("printer") : QStringLiteral("100% broken"));
            draft.priority = priorities[std::size_t(i % 4)];
            draft.tags = i % 6 == 0 ? QStringList{QStringLiteral("vip")} : QStringList{};
            const bool live = i % 3 == 0; // opened during a call: starts open
            const QUuid id = service.create(draft, live).value().id;
            auto ok = [](const Result<void> &r) {
                EXPECT_TRUE(r) << (r ? std::string() : r.error().message.toStdString());
            };
            if (i % 5 == 1)
                ok(service.assign(id, agent, team));
            else if (i % 5 == 2)
                ok(service.assign(id, otherAgent, otherTeam));
            else if (i % 5 == 3)
                ok(service.assign(id, {}, team));
            if (i % 7 <= 2 && !live)
                ok(service.changeStatus(id, TicketStatus::Open));
            if (i % 7 == 1)
                ok(service.changeStatus(id, TicketStatus::Pending));
            if (i % 7 == 2)
                ok(service.changeStatus(id, TicketStatus::Solved));
            if (i % 11 == 3 && i % 7 != 2)
                ok(service.escalate(id, 1 + i % 3, QStringLiteral("needs a specialist")));
        }
        // Spread creation times over four weeks so the due times differ.
        exec(QStringLiteral("UPDATE tickets SET created_at = created_at - (abs(random()) % 2419200000)"));
        exec(QStringLiteral("UPDATE ticket_events SET at = (SELECT created_at FROM tickets WHERE id = ticket_id) "
                            "WHERE field = 'created'"));
        exec(QStringLiteral("UPDATE tickets SET updated_at = created_at + (abs(random()) % 1000)"));
        QSqlQuery q(db.connection());
        EXPECT_TRUE(q.exec(QStringLiteral("SELECT id FROM tickets")));
        SlaEngine engine(db.connection());
        while (q.next())
            EXPECT_TRUE(engine.recompute(QUuid::fromRfc4122(q.value(0).toByteArray())));
        EXPECT_TRUE(tx.commit());
    }

    void exec(const QString &sql)
    {
        QSqlQuery q(db.connection());
        EXPECT_TRUE(q.exec(sql)) << q.lastError().text().toStdString();
    }

    // The oracle: the whole queue sorted at once, without paging.
    QList<QUuid> expected(const TicketFilter &filter, QueueOrder order)
    {
        const SqlCondition c = queueCondition(filter, context);
        const QString orderBy = order == QueueOrder::BySlaDue     ? QStringLiteral("t.sla_sort, t.id")
                                : order == QueueOrder::ByPriority ? QStringLiteral("t.priority_order, t.sla_sort, t.id")
                                                                  : QStringLiteral("t.updated_at DESC, t.id DESC");
        QSqlQuery q(db.connection());
        q.prepare(QStringLiteral("SELECT t.id FROM tickets t WHERE %1 ORDER BY %2").arg(c.sql, orderBy));
        for (const QVariant &v : c.values)
            q.addBindValue(v);
        EXPECT_TRUE(q.exec()) << q.lastError().text().toStdString();
        QList<QUuid> out;
        while (q.next())
            out << QUuid::fromRfc4122(q.value(0).toByteArray());
        return out;
    }
};

QList<QUuid> readAll(const TicketQueueModel &model, const QList<int> &order)
{
    QList<QUuid> out(model.rowCount());
    for (int r : order)
        out[r] = model.index(r, 0).data(TicketQueueModel::TicketIdRole).value<QUuid>();
    return out;
}

} // namespace

TEST(TicketQueue, EveryQueueAndOrderMatchesAFullSortWhereverReadingStarts)
{
    QueueFixture f;
    TicketQueueModel model(f.db.database(), QTimeZone("Asia/Tokyo"));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setPageSize(7); // many pages, some partly filled
    model.setContext(f.context);
    // Without anchors (every jump skips from the nearest page read), then
    // with an anchor every 5 rows from the background scan.
    for (const int stride : {0, 5}) {
        model.setAnchorLayout(stride, 0);
        auto settle = [&] {
            if (stride > 0 && model.rowCount() > 0) {
                model.prepareAnchors();
                ASSERT_TRUE(QTest::qWaitFor([&] { return model.hasAnchors(); }, 5000));
            }
        };
        for (int q = 0; q < kQueueCount; ++q) {
            for (QueueOrder order : {QueueOrder::BySlaDue, QueueOrder::ByPriority, QueueOrder::ByUpdated}) {
                TicketFilter filter;
                filter.queue = Queue(q);
                model.setFilter(filter);
                model.setOrder(order);
                model.refresh();
                settle();
                const QList<QUuid> expected = f.expected(filter, order);
                ASSERT_EQ(model.rowCount(), expected.size()) << queueKey(Queue(q)).toStdString();
                // Forwards from the top, then from the middle, then backwards.
                QList<int> rows(expected.size());
                std::iota(rows.begin(), rows.end(), 0);
                EXPECT_EQ(readAll(model, rows), expected)
                    << queueKey(Queue(q)).toStdString() << " order " << int(order) << " stride " << stride;
                model.refresh();
                settle();
                std::rotate(rows.begin(), rows.begin() + rows.size() / 2, rows.end());
                EXPECT_EQ(readAll(model, rows), expected) << queueKey(Queue(q)).toStdString() << " stride " << stride;
                model.refresh();
                settle();
                std::reverse(rows.begin(), rows.end());
                EXPECT_EQ(readAll(model, rows), expected) << queueKey(Queue(q)).toStdString() << " stride " << stride;
            }
        }
    }
}

TEST(TicketQueue, QueuesHoldWhatTheirNamesSay)
{
    QueueFixture f;
    const QList<int> counts = queueCounts(f.db.connection(), f.context).value();
    auto count = [&](const QString &where) {
        return f.db.scalar(QStringLiteral("SELECT count(*) FROM tickets WHERE ") + where).toInt();
    };
    const QString active = QStringLiteral("status NOT IN ('solved', 'closed') AND ");
    const QString me = QStringLiteral("X'%1'").arg(QString::fromLatin1(f.agent.toRfc4122().toHex()));
    const QString myTeam = QStringLiteral("X'%1'").arg(QString::fromLatin1(f.team.toRfc4122().toHex()));
    EXPECT_EQ(counts[int(Queue::Mine)], count(active + QStringLiteral("assignee_id = ") + me));
    EXPECT_GT(counts[int(Queue::Mine)], 0);
    EXPECT_EQ(counts[int(Queue::Unassigned)], count(active + QStringLiteral("assignee_id IS NULL")));
    EXPECT_EQ(counts[int(Queue::Escalated)],
              count(active
                    + QStringLiteral("escalation_level > 0 AND (assignee_id = %1 OR team_id = %2)").arg(me, myTeam)));
    EXPECT_GT(counts[int(Queue::Escalated)], 0);
    EXPECT_EQ(counts[int(Queue::Waiting)], count(QStringLiteral("status IN ('pending', 'on_hold')")));
    EXPECT_EQ(counts[int(Queue::RecentlySolved)], count(QStringLiteral("status = 'solved'")));
    EXPECT_EQ(counts[int(Queue::All)], 120);
    const qint64 soon = f.context.now.toMSecsSinceEpoch() + 2 * 3600 * 1000;
    EXPECT_EQ(counts[int(Queue::BreachingSoon)],
              count(
                  active
                  + QStringLiteral("status IN ('new', 'open') AND min(coalesce(CASE WHEN first_responded_at IS NULL "
                                   "THEN first_response_due END, resolution_due), coalesce(resolution_due, 9e18)) < %1")
                        .arg(soon)));
    EXPECT_GT(counts[int(Queue::BreachingSoon)], 0); // four weeks old tickets are overdue
}

TEST(TicketQueue, FiltersNarrowTheQueueAndSavedFiltersRoundTrip)
{
    QueueFixture f;
    TicketFilter filter;
    filter.priorities = {Priority::Urgent, Priority::High};
    EXPECT_EQ(countTickets(f.db.connection(), filter, f.context).value(), 60);
    filter.tag = QStringLiteral("vip");
    EXPECT_EQ(countTickets(f.db.connection(), filter, f.context).value(), 10); // i % 6 == 0 and i % 4 >= 2
    TicketFilter text;
    text.text = QStringLiteral("100%"); // the % is a character, not a wildcard
    EXPECT_EQ(countTickets(f.db.connection(), text, f.context).value(), 24);
    text.text = QStringLiteral("0%");
    EXPECT_EQ(countTickets(f.db.connection(), text, f.context).value(), 24);
    text.text = QStringLiteral("1%");
    EXPECT_EQ(countTickets(f.db.connection(), text, f.context).value(), 0);

    filter.queue = Queue::Mine;
    filter.statuses = {TicketStatus::Open};
    filter.team = f.team;
    filter.channels = {Channel::Phone};
    filter.category = QStringLiteral("login");
    ASSERT_TRUE(saveFilter(f.db.connection(), QStringLiteral("VIP 緊急"), filter));
    ASSERT_TRUE(saveFilter(f.db.connection(), QStringLiteral("VIP 緊急"), filter)); // replaces, no duplicate
    const auto saved = savedFilters(f.db.connection()).value();
    ASSERT_EQ(saved.size(), 1);
    EXPECT_EQ(saved.first().name, QStringLiteral("VIP 緊急"));
    EXPECT_TRUE(saved.first().filter == filter);
    EXPECT_FALSE(saveFilter(f.db.connection(), QStringLiteral("  "), filter));
    ASSERT_TRUE(deleteFilter(f.db.connection(), saved.first().id));
    EXPECT_TRUE(savedFilters(f.db.connection())->isEmpty());
}

TEST(TicketQueue, TheBadgeFromStoredDuesAgreesWithTheFullHistory)
{
    QueueFixture f;
    SlaEngine engine(f.db.connection());
    const auto rules = engine.rules({}).value();
    QSqlQuery q(f.db.connection());
    ASSERT_TRUE(q.exec(QStringLiteral("SELECT id FROM tickets")));
    int compared = 0;
    while (q.next()) {
        const Ticket t = TicketRepository(f.db.connection()).get(QUuid::fromRfc4122(q.value(0).toByteArray())).value();
        const SlaStatus full = engine.status(t, f.context.now).value();
        const SlaStatus quick = slaStatusFromDues(rules->clock.calendar(),
                                                  {t.status, t.firstResponseDue, t.resolutionDue, t.firstRespondedAt,
                                                   t.solvedAt},
                                                  rules->policy.firstResponseFor(t.priority),
                                                  rules->policy.resolutionFor(t.priority), f.context.now);
        EXPECT_EQ(int(quick.state), int(full.state)) << t.number.toStdString();
        if (full.state != SlaStatus::State::Paused) {
            EXPECT_EQ(quick.due, full.due) << t.number.toStdString();
        }
        ++compared;
    }
    EXPECT_EQ(compared, 120);
}

TEST(TicketQueue, AChangeShowsAfterRefresh)
{
    QueueFixture f;
    TicketQueueModel model(f.db.database(), QTimeZone("Asia/Tokyo"));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setContext(f.context);
    TicketFilter unassigned;
    unassigned.queue = Queue::Unassigned;
    model.setFilter(unassigned);
    const int before = model.rowCount();
    ASSERT_GT(before, 0);
    const QUuid first = model.ticketId(0);
    ASSERT_TRUE(TicketService(f.db.connection(), f.agent).assign(first, f.agent, f.team));
    model.refresh();
    EXPECT_EQ(model.rowCount(), before - 1);
    EXPECT_NE(model.ticketId(0), first);
    EXPECT_EQ(model.index(0, TicketQueueModel::Assignee).data().toString(), QStringLiteral("Unassigned"));
}

TEST(TicketQueue, TheTotalOfAllTicketsFollowsInsertsAndTombstones)
{
    QueueFixture f;
    TicketFilter all;
    EXPECT_EQ(countTickets(f.db.connection(), all, f.context).value(), 120);
    const Ticket t = f.create();
    EXPECT_EQ(countTickets(f.db.connection(), all, f.context).value(), 121);
    ASSERT_TRUE(inTransaction(f.db.connection(), [&] {
        return ChangeWriter(f.db.connection(), f.agent).softDelete(QStringLiteral("tickets"), t.id);
    }));
    EXPECT_EQ(countTickets(f.db.connection(), all, f.context).value(), 120);
    // The same as counting the rows.
    EXPECT_EQ(f.db.scalar(QStringLiteral("SELECT count(*) FROM tickets WHERE deleted_at IS NULL")).toInt(), 120);
}

TEST(TicketQueue, AJumpFarIntoABigQueueStartsItsAnchorScan)
{
    QueueFixture f;
    TicketQueueModel model(f.db.database(), QTimeZone("Asia/Tokyo"));
    model.setContext(f.context);
    model.setPageSize(10);
    model.setAnchorLayout(5, 50); // "big": more than 50 rows
    EXPECT_FALSE(model.hasAnchors());
    (void)model.index(3, 0).data(); // near the top: no scan
    QTest::qWait(50);
    EXPECT_FALSE(model.hasAnchors());
    (void)model.index(100, 0).data(); // far down: the scan starts
    EXPECT_TRUE(QTest::qWaitFor([&] { return model.hasAnchors(); }, 5000));
    TicketFilter mine;
    mine.queue = Queue::Mine; // 24 tickets: not big
    model.setFilter(mine);
    model.prepareAnchors();
    QTest::qWait(50);
    EXPECT_FALSE(model.hasAnchors());
}
