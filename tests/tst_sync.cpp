// Synchronisation against a real PostgreSQL 15 (tests/pgserver): the
// invariants of research/sync.md §3.10 with the scenarios of §4.2. Each
// client is the real engine on its own SQLite file; writes go through the
// app's own services, so the outbox holds what the app really sends.
#include "domain/uuid.h"
#include "storage/clientstate.h"
#include "storage/customerrepository.h"
#include "storage/interactionlog.h"
#include "storage/ticketrepository.h"
#include "storage/ticketservice.h"
#include "sync/syncservice.h"
#include "syncclient.h"
#include "tcpproxy.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSqlError>
#include <QTest>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace madoguchi;
using namespace madoguchi::test;

namespace {

std::string text(const Error &e) { return e.message.toStdString(); }

#define ASSERT_SYNCS(client)                                                                                                 \
    do {                                                                                                                     \
        const auto synced_ = (client).sync();                                                                                \
        ASSERT_TRUE(synced_) << (client).name.toStdString() << ": " << text(synced_.error());                               \
    } while (false)

QUuid addCustomer(SyncClient &c, const QString &name, const QString &phone = {})
{
    Customer customer;
    customer.name = name;
    if (!phone.isEmpty())
        customer.contacts = {{QUuid(), ContactKind::Phone, phone, QStringLiteral("work"), true}};
    const auto id = CustomerRepository(c.local(), c.agent).add(customer);
    EXPECT_TRUE(id) << (id ? std::string() : text(id.error()));
    return id ? id.value() : QUuid();
}

QUuid addTicket(SyncClient &c, const QUuid &customer, const QString &team, const QUuid &assignee, const QString &subject)
{
    Ticket t;
    t.customerId = customer;
    t.subject = subject;
    t.teamId = QUuid::fromString(team);
    t.assigneeId = assignee;
    const auto created = TicketService(c.local(), c.agent).create(t);
    EXPECT_TRUE(created) << (created ? std::string() : text(created.error()));
    return created ? created->id : QUuid();
}

QUuid logCall(SyncClient &c, const QUuid &customer, const QUuid &ticket, const QString &notes)
{
    InteractionLog::Entry e;
    e.interaction.customerId = customer;
    e.interaction.agentId = c.agent;
    e.interaction.channel = Channel::Phone;
    e.interaction.direction = Direction::Inbound;
    e.interaction.startedAt = QDateTime::currentDateTimeUtc().addSecs(-300);
    e.interaction.durationSeconds = 240;
    e.interaction.notes = notes;
    if (!ticket.isNull())
        e.ticketNumber = TicketRepository(c.local()).get(ticket)->number;
    const auto saved = InteractionLog(c.local(), c.agent).save(e);
    EXPECT_TRUE(saved) << (saved ? std::string() : text(saved.error()));
    return saved ? saved->interactionId : QUuid();
}

Ticket ticketOf(SyncClient &c, const QUuid &id)
{
    const auto t = TicketRepository(c.local()).get(id);
    EXPECT_TRUE(t) << (t ? std::string() : text(t.error()));
    return t ? t.value() : Ticket();
}

const QStringList kShared{QStringLiteral("customers"), QStringLiteral("customer_contacts"), QStringLiteral("tickets"),
                          QStringLiteral("ticket_events"), QStringLiteral("interactions")};

QString uuidText(const QUuid &id) { return uuidToText(id); }

} // namespace

TEST_F(SyncFixture, FirstSyncLoadsTheTeamAndSendsWhatWasDoneOffline)
{
    auto a = client(loginA);
    auto b = client(loginB);
    ASSERT_SYNCS(*a);
    // The directory and the shipped service levels arrive with the first pull.
    EXPECT_EQ(a->scalar(QStringLiteral("SELECT count(*) FROM agents")).toInt(), 4);
    EXPECT_EQ(a->scalar(QStringLiteral("SELECT count(*) FROM teams")).toInt(), 2);
    EXPECT_EQ(a->scalar(QStringLiteral("SELECT rev FROM sla_policies WHERE is_default = 1")).toInt(), 1);

    // A works offline: a new caller, a ticket for them, the call itself.
    const QUuid customer = addCustomer(*a, QStringLiteral("山田 太郎"), QStringLiteral("+81312345678"));
    const QUuid ticket = addTicket(*a, customer, tokyo, agentA, QStringLiteral("請求書が届かない"));
    logCall(*a, customer, ticket, QStringLiteral("Called about the invoice"));
    const qint64 pending = a->outboxSize();
    ASSERT_GT(pending, 4);

    const auto report = a->sync();
    ASSERT_TRUE(report) << text(report.error());
    EXPECT_EQ(report->pushed, pending);
    EXPECT_EQ(report->rejected, 0);
    EXPECT_EQ(report->conflicts, 0);
    EXPECT_EQ(a->outboxSize(), 0);
    // The server stamped the rows: revisions, its own author and clock.
    EXPECT_EQ(scalar(QStringLiteral("SELECT created_by::text FROM crm.ticket")).toString(), uuidText(agentA));
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM sync.mutation WHERE status = 'applied'")).toLongLong(), pending);
    // The call reached the customer: the server recorded the first response
    // on its clock, and the ticket (new → open) came back with it.
    EXPECT_TRUE(scalar(QStringLiteral("SELECT first_responded_at IS NOT NULL FROM crm.ticket")).toBool());
    const Ticket mine = ticketOf(*a, ticket);
    EXPECT_EQ(mine.status, TicketStatus::Open);
    EXPECT_TRUE(mine.firstRespondedAt.has_value());
    EXPECT_GE(mine.meta.rev, 2);
    EXPECT_TRUE(mine.firstResponseDue.has_value()); // derived locally from the synced policy

    // B, in the same team, receives all of it, and finds the customer by phone.
    const auto received = b->sync();
    ASSERT_TRUE(received) << text(received.error());
    EXPECT_GT(received->received, 0);
    EXPECT_EQ(b->dump(kShared), a->dump(kShared));
    const auto phone = PhoneNumber::parse(QStringLiteral("03-1234-5678"), QStringLiteral("JP"));
    ASSERT_TRUE(phone);
    const auto found = CustomerRepository(b->local()).findByPhone(phone.value());
    ASSERT_TRUE(found);
    ASSERT_EQ(found->size(), 1);
    EXPECT_EQ(found->first().name, QStringLiteral("山田 太郎"));
    // Nothing more to do: a second sync moves nothing.
    const auto again = b->sync();
    ASSERT_TRUE(again);
    EXPECT_EQ(again->pushed, 0);
    EXPECT_EQ(again->received, 0);
}

// Two agents change one ticket while both are offline (research/sync.md §3.6).
class FieldMatrix : public SyncFixture, public ::testing::WithParamInterface<bool>
{
};

TEST_P(FieldMatrix, MergesFieldByFieldKeepsEveryLosingValueAndConverges)
{
    const bool aFirst = GetParam();
    auto a = client(loginA);
    auto b = client(loginB);
    ASSERT_SYNCS(*a);
    const QUuid customer = addCustomer(*a, QStringLiteral("株式会社みなと"));
    const QUuid ticket = addTicket(*a, customer, tokyo, agentA, QStringLiteral("Printer offline"));
    ASSERT_SYNCS(*a);
    ASSERT_SYNCS(*b);

    // Offline, each agent edits the same ticket.
    TicketService sa(a->local(), agentA), sb(b->local(), agentB);
    ASSERT_TRUE(sa.changeStatus(ticket, TicketStatus::Open));     // both move the status:
    ASSERT_TRUE(sb.changeStatus(ticket, TicketStatus::Pending));  //   the first to arrive stands
    ASSERT_TRUE(sa.setPriority(ticket, Priority::High));          // both raise the priority:
    ASSERT_TRUE(sb.setPriority(ticket, Priority::Urgent));        //   the higher wins
    ASSERT_TRUE(sa.addTag(ticket, QStringLiteral("vip")));        // both tag: both tags stay
    ASSERT_TRUE(sb.addTag(ticket, QStringLiteral("billing")));
    ASSERT_TRUE(sa.editDetails(ticket, {QStringLiteral("Printer offline"), QString(), QStringLiteral("billing")})); // one field each: both apply
    ASSERT_TRUE(sb.escalate(ticket, 1, QStringLiteral("Needs a technician")));
    logCall(*a, customer, ticket, QStringLiteral("A's call"));      // calls are appended, never merged
    logCall(*b, customer, ticket, QStringLiteral("B's call"));

    SyncClient &first = aFirst ? *a : *b;
    SyncClient &second = aFirst ? *b : *a;
    const auto r1 = first.sync();
    ASSERT_TRUE(r1) << text(r1.error());
    EXPECT_EQ(r1->conflicts, 0);
    const auto r2 = second.sync();
    ASSERT_TRUE(r2) << text(r2.error());
    EXPECT_GE(r2->conflicts, 1); // the status
    ASSERT_SYNCS(first);

    const Ticket merged = ticketOf(*a, ticket);
    EXPECT_EQ(merged.status, aFirst ? TicketStatus::Open : TicketStatus::Pending);
    EXPECT_EQ(merged.priority, Priority::Urgent);
    EXPECT_TRUE(merged.tags.contains(QStringLiteral("vip")) && merged.tags.contains(QStringLiteral("billing")))
        << merged.tags.join(u',').toStdString();
    EXPECT_EQ(merged.category, QStringLiteral("billing"));
    EXPECT_EQ(merged.escalationLevel, 1);
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM crm.interaction")).toInt(), 2);

    // The losing status is a conflict for the second agent: base, theirs, yours.
    const QString loser = aFirst ? loginB : loginA;
    EXPECT_EQ(scalar(QStringLiteral("SELECT string_agg(field || ':' || base::text || '>' || theirs::text || '/' || yours::text, ',') "
                                    "FROM sync.conflict WHERE field = 'status'"))
                  .toString(),
              aFirst ? QStringLiteral("status:\"new\">\"open\"/\"pending\"") : QStringLiteral("status:\"new\">\"pending\"/\"open\""));
    EXPECT_EQ(scalar(QStringLiteral("SELECT agent_role::text FROM sync.conflict WHERE field = 'status'")).toString(), loser);
    // It came back to both (the ticket is the team's), with the loser's value.
    EXPECT_EQ(second.scalar(QStringLiteral("SELECT yours FROM sync_conflicts WHERE field = 'status'")).toString(),
              aFirst ? QStringLiteral("\"pending\"") : QStringLiteral("\"open\""));
    ASSERT_SYNCS(second);
    // Everyone ends with the same rows.
    EXPECT_EQ(a->dump(kShared), b->dump(kShared));
    EXPECT_EQ(a->dump({QStringLiteral("sync_conflicts")}), b->dump({QStringLiteral("sync_conflicts")}));
    EXPECT_EQ(a->outboxSize() + b->outboxSize(), 0);
}

INSTANTIATE_TEST_SUITE_P(Sync, FieldMatrix, ::testing::Bool(), [](const auto &p) { return p.param ? "AFirst" : "BFirst"; });

TEST_F(SyncFixture, SubjectClashKeepsTheFirstAndTheOtherTextInAConflict)
{
    auto a = client(loginA);
    auto b = client(loginB);
    ASSERT_SYNCS(*a);
    const QUuid customer = addCustomer(*a, QStringLiteral("Acme"));
    const QUuid ticket = addTicket(*a, customer, tokyo, agentA, QStringLiteral("VPN drops"));
    ASSERT_SYNCS(*a);
    ASSERT_SYNCS(*b);
    ASSERT_TRUE(TicketService(a->local(), agentA).editDetails(ticket, {QStringLiteral("VPN drops every hour"), QString(), QString()}));
    ASSERT_TRUE(TicketService(b->local(), agentB).editDetails(ticket, {QStringLiteral("VPN drops after sleep"), QString(), QString()}));
    ASSERT_SYNCS(*a);
    const auto r = b->sync();
    ASSERT_TRUE(r) << text(r.error());
    EXPECT_EQ(r->conflicts, 1);
    // B's text is not lost: it is in B's conflicts, and the ticket shows A's.
    EXPECT_EQ(ticketOf(*b, ticket).subject, QStringLiteral("VPN drops every hour"));
    EXPECT_EQ(b->scalar(QStringLiteral("SELECT yours FROM sync_conflicts WHERE field = 'subject'")).toString(),
              QStringLiteral("\"VPN drops after sleep\""));
}

// A connection cut while pushing: before the server gets the batch, or after
// it committed but before the client heard (research/sync.md §4.2 T1).
class CutWhilePushing : public SyncFixture, public ::testing::WithParamInterface<TcpProxy::Cut>
{
};

TEST_P(CutWhilePushing, RetryAppliesEveryMutationExactlyOnceAndInOrder)
{
    TcpProxy proxy(server.port());
    auto a = client(loginA, proxy.port());
    ASSERT_SYNCS(*a);
    const QUuid customer = addCustomer(*a, QStringLiteral("鈴木 一郎"));
    const QUuid ticket = addTicket(*a, customer, tokyo, agentA, QStringLiteral("Router"));
    TicketService service(a->local(), agentA);
    ASSERT_TRUE(service.changeStatus(ticket, TicketStatus::Open));
    ASSERT_TRUE(service.addTag(ticket, QStringLiteral("network")));
    for (int i = 0; i < 10; ++i)
        logCall(*a, customer, ticket, QStringLiteral("call %1").arg(i));
    const qint64 pending = a->outboxSize();

    proxy.arm(GetParam(), QByteArrayLiteral("\"payload\""));
    const auto cut = a->push();
    ASSERT_FALSE(cut);
    EXPECT_TRUE(proxy.fired());
    EXPECT_EQ(cut.error().code, Error::Code::Network) << text(cut.error());
    EXPECT_EQ(a->outboxSize(), pending); // nothing acknowledged, nothing dropped
    const qint64 onServer = scalar(QStringLiteral("SELECT count(*) FROM sync.mutation")).toLongLong();
    EXPECT_EQ(onServer, GetParam() == TcpProxy::Cut::AfterReply ? pending : 0);

    // The retry (a new connection) sends the same batch again.
    const auto retried = a->sync();
    ASSERT_TRUE(retried) << text(retried.error());
    EXPECT_EQ(retried->pushed, pending);
    EXPECT_EQ(a->outboxSize(), 0);
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) || ' ' || min(mutation_id) || ' ' || max(mutation_id) FROM sync.mutation")).toString(),
              QStringLiteral("%1 1 %1").arg(pending));
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM crm.interaction")).toInt(), 10);
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM crm.customer")).toInt(), 1);
    // Status, tag and the first response each moved the ticket once.
    EXPECT_EQ(scalar(QStringLiteral("SELECT tags::text FROM crm.ticket")).toString(), QStringLiteral("[\"network\"]"));
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM sync.mutation WHERE status <> 'applied'")).toInt(), 0);
    EXPECT_EQ(ticketOf(*a, ticket).meta.rev, scalar(QStringLiteral("SELECT rev FROM crm.ticket")).toLongLong());
}

INSTANTIATE_TEST_SUITE_P(Sync, CutWhilePushing, ::testing::Values(TcpProxy::Cut::BeforeRequest, TcpProxy::Cut::AfterReply),
                         [](const auto &p) { return p.param == TcpProxy::Cut::BeforeRequest ? "BeforeTheServerGetsIt" : "AfterTheServerCommitted"; });

// A transaction that stays open across pulls while others commit (§4.2 T2).
// The snapshot cursor delivers its rows once it commits; the negative
// control, a sequence cursor, loses them for good.
class LongTransaction : public SyncFixture, public ::testing::WithParamInterface<bool>
{
};

TEST_P(LongTransaction, RowsOfALateCommitArriveWithTheNextPull)
{
    const bool brokenCursor = GetParam();
    auto a = client(loginA);
    a->options.sequenceCursorForTests = brokenCursor;
    ASSERT_SYNCS(*a);
    const QString customer = QUuid::createUuid().toString(QUuid::WithoutBraces);
    ASSERT_TRUE(server.exec(database, QStringLiteral("INSERT INTO crm.customer (id, name) VALUES ('%1', 'Long')").arg(customer)).isEmpty());
    auto insertTicket = [&](QSqlDatabase db, int n) {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT INTO crm.ticket (id, number, customer_id, subject, team_id) "
                                 "VALUES (gen_random_uuid(), ?, ?::uuid, 'x', ?::uuid)"));
        q.addBindValue(QStringLiteral("LONG-%1").arg(n));
        q.addBindValue(customer);
        q.addBindValue(tokyo);
        EXPECT_TRUE(q.exec()) << q.lastError().text().toStdString();
    };
    QSqlDatabase writer = server.superuser(database, QStringLiteral("long-writer-%1").arg(database));
    ASSERT_TRUE(QSqlQuery(writer).exec(QStringLiteral("BEGIN")));
    insertTicket(writer, 0); // the long transaction's row: the lowest seq
    for (int i = 1; i <= 5; ++i)
        insertTicket(admin, i);
    ASSERT_SYNCS(*a);
    EXPECT_EQ(a->scalar(QStringLiteral("SELECT count(*) FROM tickets")).toInt(), 5);
    ASSERT_TRUE(QSqlQuery(writer).exec(QStringLiteral("COMMIT")));
    ASSERT_SYNCS(*a);
    if (brokenCursor)
        EXPECT_EQ(a->scalar(QStringLiteral("SELECT count(*) FROM tickets")).toInt(), 5) << "the negative control should lose LONG-0";
    else
        EXPECT_EQ(a->scalar(QStringLiteral("SELECT count(*) FROM tickets")).toInt(), 6);
    writer.close();
    writer = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("long-writer-%1").arg(database));
}

INSTANTIATE_TEST_SUITE_P(Sync, LongTransaction, ::testing::Bool(),
                         [](const auto &p) { return p.param ? "NegativeControlSequenceCursorLosesIt" : "SnapshotCursor"; });

TEST_F(SyncFixture, AMovedTicketLeavesTheAgentAndEditsToItAreKeptAsRejected)
{
    auto a = client(loginA);
    auto c = client(loginC);
    ASSERT_SYNCS(*a);
    ASSERT_SYNCS(*c);
    const QUuid customer = addCustomer(*a, QStringLiteral("Osaka Foods"));
    const QUuid ticket = addTicket(*a, customer, tokyo, agentA, QStringLiteral("Delivery late"));
    logCall(*a, customer, ticket, QStringLiteral("first call"));
    ASSERT_SYNCS(*a);
    ASSERT_SYNCS(*c);
    EXPECT_EQ(c->scalar(QStringLiteral("SELECT count(*) FROM tickets")).toInt(), 0); // Tokyo's, not C's

    // A edits offline; meanwhile a supervisor hands the ticket to Osaka.
    ASSERT_TRUE(TicketService(a->local(), agentA).editDetails(ticket, {QStringLiteral("Delivery late (again)"), QString(), QString()}));
    const QUuid later = addCustomer(*a, QStringLiteral("後の顧客"));
    ASSERT_TRUE(server.exec(database, QStringLiteral("UPDATE crm.ticket SET team_id = '%1', assignee_id = '%2'")
                                          .arg(osaka, uuidText(agentC)))
                    .isEmpty());

    const auto r = a->sync();
    ASSERT_TRUE(r) << text(r.error());
    EXPECT_GE(r->rejected, 1);
    // The later change still applied: a refusal never blocks the queue.
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM crm.customer WHERE id = '%1'").arg(uuidText(later))).toInt(), 1);
    // The ticket and its history left A's copy; the refused subject is kept for A.
    EXPECT_EQ(a->scalar(QStringLiteral("SELECT count(*) FROM tickets")).toInt(), 0);
    EXPECT_EQ(a->scalar(QStringLiteral("SELECT count(*) FROM ticket_events")).toInt(), 0);
    EXPECT_EQ(a->scalar(QStringLiteral("SELECT resolution || ' ' || json_extract(yours, '$.subject') FROM sync_conflicts")).toString(),
              QStringLiteral("rejected Delivery late (again)"));
    EXPECT_EQ(a->scalar(QStringLiteral("SELECT json_extract(detail, '$.reason') FROM sync_conflicts")).toString(), QStringLiteral("not_visible"));
    // The interaction is the organisation's: it stays.
    EXPECT_EQ(a->scalar(QStringLiteral("SELECT count(*) FROM interactions")).toInt(), 1);
    // C receives the ticket with its history.
    ASSERT_SYNCS(*c);
    EXPECT_EQ(ticketOf(*c, ticket).subject, QStringLiteral("Delivery late"));
    EXPECT_GT(c->scalar(QStringLiteral("SELECT count(*) FROM ticket_events")).toInt(), 0);
    // And C does not receive A's rejection: it is A's alone.
    EXPECT_EQ(c->scalar(QStringLiteral("SELECT count(*) FROM sync_conflicts")).toInt(), 0);
}

TEST_F(SyncFixture, ResetAfterRetentionOrRestoreKeepsUnsentWork)
{
    auto a = client(loginA);
    auto b = client(loginB);
    ASSERT_SYNCS(*a);
    ASSERT_SYNCS(*b);
    const QUuid fromB = addCustomer(*b, QStringLiteral("From B"));
    ASSERT_SYNCS(*b);
    // A, offline for long, has unsent work when the server prunes past A's cursor.
    const QUuid offline = addCustomer(*a, QStringLiteral("Offline work"));
    ASSERT_TRUE(server.exec(database, QStringLiteral("UPDATE sync.meta SET retained_from = pg_current_xact_id()")).isEmpty());
    const auto pulled = a->pull();
    ASSERT_TRUE(pulled) << text(pulled.error());
    EXPECT_TRUE(pulled->reset);
    EXPECT_EQ(pulled->pending, a->outboxSize());
    EXPECT_GT(a->outboxSize(), 0);
    // The reload brought the team's rows and kept A's unsent customer.
    EXPECT_EQ(a->scalar(QStringLiteral("SELECT count(*) FROM customers WHERE id IN (?, ?)"), {uuidToBlob(fromB), uuidToBlob(offline)}).toInt(), 2);
    ASSERT_SYNCS(*a);
    EXPECT_EQ(a->outboxSize(), 0);
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM crm.customer")).toInt(), 2);

    // A restore gives the server a new epoch: clients reload too.
    ASSERT_TRUE(server.exec(database, QStringLiteral("UPDATE sync.meta SET epoch = gen_random_uuid()")).isEmpty());
    const auto restored = b->sync();
    ASSERT_TRUE(restored) << text(restored.error());
    EXPECT_TRUE(restored->reset);
    ASSERT_SYNCS(*a);
    EXPECT_EQ(a->dump(kShared), b->dump(kShared));
}

TEST_F(SyncFixture, ACopiedDatabaseCannotPushAsTheOriginal)
{
    auto a = client(loginA);
    ASSERT_SYNCS(*a);
    addCustomer(*a, QStringLiteral("Before the copy"));
    ASSERT_SYNCS(*a);
    const QString copyPath = a->dir.filePath(QStringLiteral("copy.sqlite"));
    QSqlQuery vacuum(a->local());
    ASSERT_TRUE(vacuum.exec(QStringLiteral("VACUUM INTO '%1'").arg(copyPath))) << vacuum.lastError().text().toStdString();
    auto copy = client(loginA, 0, copyPath);
    addCustomer(*a, QStringLiteral("On the original"));
    addCustomer(*copy, QStringLiteral("On the copy"));
    ASSERT_SYNCS(*a);
    const auto refused = copy->sync();
    ASSERT_FALSE(refused);
    EXPECT_TRUE(refused.error().message.contains(QStringLiteral("copied"))) << text(refused.error());
    EXPECT_EQ(copy->outboxSize(), 1); // the customer, kept
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM crm.customer WHERE name = 'On the copy'")).toInt(), 0);
}

TEST_F(SyncFixture, CliSyncsOnceWithJsonProgressAndSaysWhyItCannot)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cli.sqlite"));
    auto args = [&](int port) {
        return QStringList{QStringLiteral("sync"),   QStringLiteral("--once"), QStringLiteral("--json"),
                           QStringLiteral("--db"),   path,                     QStringLiteral("--host"),
                           QStringLiteral("127.0.0.1"), QStringLiteral("--port"), QString::number(port),
                           QStringLiteral("--dbname"), database,                QStringLiteral("--user"),
                           loginA,                   QStringLiteral("--sslmode"), QStringLiteral("disable")};
    };
    // A first sync into a new database: it becomes A's copy of the team's data.
    const CliResult first = serverCli(args(server.port()), {}, password);
    ASSERT_EQ(first.exitCode, 0) << first.err.toStdString();
    EXPECT_TRUE(first.err.contains(QStringLiteral("Warning"))) << "sslmode disable is said aloud";
    const QStringList lines = first.out.split(u'\n', Qt::SkipEmptyParts);
    ASSERT_GE(lines.size(), 2) << first.out.toStdString(); // progress, then the result
    const QJsonObject result = QJsonDocument::fromJson(lines.last().toUtf8()).object();
    EXPECT_EQ(result.value(QStringLiteral("pushed")).toInt(), 0);
    EXPECT_GT(result.value(QStringLiteral("received")).toInt(), 0);
    EXPECT_FALSE(result.value(QStringLiteral("cursor")).toString().isEmpty());
    EXPECT_EQ(QJsonDocument::fromJson(lines.first().toUtf8()).object().value(QStringLiteral("phase")).toString(), QStringLiteral("pull"));
    {
        auto opened = Database::open(path);
        ASSERT_TRUE(opened);
        EXPECT_EQ(ClientState(opened.value()->connection()).currentAgent(), agentA);
    }
    // Wrong password, nothing listening: a clear message, exit 1.
    const CliResult wrong = serverCli(args(server.port()), {}, QStringLiteral("not the password"));
    EXPECT_EQ(wrong.exitCode, 1);
    EXPECT_TRUE(wrong.err.contains(QStringLiteral("password is wrong"))) << wrong.err.toStdString();
    const CliResult down = serverCli(args(1), {}, password);
    EXPECT_EQ(down.exitCode, 1);
    EXPECT_TRUE(down.err.contains(QStringLiteral("Nothing answers"))) << down.err.toStdString();
}

TEST_F(SyncFixture, ServiceGoesOfflineRetriesWithBackoffAndFollowsAnotherAgentByNotify)
{
    TcpProxy proxy(server.port());
    proxy.setDown(true);
    auto a = client(loginA, proxy.port());
    auto b = client(loginB);
    SyncService serviceA(a->db.get());
    SyncService serviceB(b->db.get());
    QList<SyncService::Status> seenA;
    QObject::connect(&serviceA, &SyncService::statusChanged, [&](const SyncService::Status &s) { seenA << s; });
    QSignalSpy receivedB(&serviceB, &SyncService::dataChanged);

    // The server cannot be reached: offline, with a reason and a next attempt.
    serviceA.start(a->connection);
    ASSERT_TRUE(QTest::qWaitFor([&] { return serviceA.status().state == SyncService::State::Offline; }, 10'000));
    EXPECT_FALSE(serviceA.status().message.isEmpty());
    EXPECT_TRUE(serviceA.status().nextAttempt.isValid());
    // It comes back: the next attempt (after the backoff) brings A up to date.
    proxy.setDown(false);
    ASSERT_TRUE(QTest::qWaitFor([&] { return serviceA.status().state == SyncService::State::UpToDate; }, 15'000));
    EXPECT_TRUE(serviceA.status().lastSync.isValid());
    EXPECT_EQ(SyncWorker::backoffSeconds(1), 1);
    EXPECT_EQ(SyncWorker::backoffSeconds(4), 8);
    EXPECT_EQ(SyncWorker::backoffSeconds(30), 300);

    serviceB.start(b->connection);
    ASSERT_TRUE(QTest::qWaitFor([&] { return serviceB.status().state == SyncService::State::UpToDate; }, 10'000));
    receivedB.clear();
    // A saves a customer and asks for a sync; B hears the server's NOTIFY and pulls.
    addCustomer(*a, QStringLiteral("通知 太郎"));
    serviceA.syncNow();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !receivedB.isEmpty(); }, 10'000));
    EXPECT_EQ(b->scalar(QStringLiteral("SELECT count(*) FROM customers WHERE name = '通知 太郎'")).toInt(), 1);
    EXPECT_EQ(serviceA.status().pending, 0);

    // A wrong password is not retried in a loop: sync stops and says why.
    ServerConnection wrong = a->connection;
    wrong.password = QStringLiteral("wrong");
    serviceA.start(wrong);
    ASSERT_TRUE(QTest::qWaitFor([&] { return serviceA.status().state == SyncService::State::Failed; }, 10'000));
    EXPECT_TRUE(serviceA.status().message.contains(QStringLiteral("password"))) << serviceA.status().message.toStdString();
}
