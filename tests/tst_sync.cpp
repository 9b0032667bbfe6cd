// Synchronisation against a real PostgreSQL 15 (tests/pgserver): the
// invariants of research/sync.md §3.10 with the scenarios of §4.2. Each
// client is the real engine on its own SQLite file; writes go through the
// app's own services, so the outbox holds what the app really sends.
#include "domain/ticketworkflow.h"
#include "domain/uuid.h"
#include "repositories/customerrepository.h"
#include "repositories/ticketrepository.h"
#include "services/interactionlog.h"
#include "services/slaengine.h"
#include "services/ticketservice.h"
#include "services/workspacesetup.h"
#include "storage/backups.h"
#include "storage/clientstate.h"
#include "storage/syncentities.h"
#include "sync/changefeed.h"
#include "sync/conflicts.h"
#include "sync/syncservice.h"
#include "sync/syncsession.h"
#include "syncclient.h"
#include "tcpproxy.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

#include <array>
#include <random>
#include <tuple>

using namespace madoguchi;
using namespace madoguchi::test;

namespace {

std::string text(const Error &e)
{
    return e.message.toStdString();
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

QString uuidText(const QUuid &id)
{
    return uuidToText(id);
}

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
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM sync.mutation WHERE status = 'applied'")).toLongLong(),
              pending);
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
class FieldMatrix
    : public SyncFixture
    , public ::testing::WithParamInterface<bool>
{};

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
    ASSERT_TRUE(sa.changeStatus(ticket, TicketStatus::Open));    // both move the status:
    ASSERT_TRUE(sb.changeStatus(ticket, TicketStatus::Pending)); //   the first to arrive stands
    ASSERT_TRUE(sa.setPriority(ticket, Priority::High));         // both raise the priority:
    ASSERT_TRUE(sb.setPriority(ticket, Priority::Urgent));       //   the higher wins
    ASSERT_TRUE(sa.addTag(ticket, QStringLiteral("vip")));       // both tag: both tags stay
    ASSERT_TRUE(sb.addTag(ticket, QStringLiteral("billing")));
    ASSERT_TRUE(sa.editDetails(ticket, {QStringLiteral("Printer offline"), QString(),
                                        QStringLiteral("billing")})); // one field each: both apply
    ASSERT_TRUE(sb.escalate(ticket, 1, QStringLiteral("Needs a technician")));
    logCall(*a, customer, ticket, QStringLiteral("A's call")); // calls are appended, never merged
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
    EXPECT_EQ(scalar(
                  QStringLiteral(
                      "SELECT string_agg(field || ':' || base::text || '>' || theirs::text || '/' || yours::text, ',') "
                      "FROM sync.conflict WHERE field = 'status'"))
                  .toString(),
              aFirst ? QStringLiteral("status:\"new\">\"open\"/\"pending\"")
                     : QStringLiteral("status:\"new\">\"pending\"/\"open\""));
    EXPECT_EQ(scalar(QStringLiteral("SELECT agent_role::text FROM sync.conflict WHERE field = 'status'")).toString(),
              loser);
    // It came back to both (the ticket is the team's), with the loser's value.
    EXPECT_EQ(second.scalar(QStringLiteral("SELECT yours FROM sync_conflicts WHERE field = 'status'")).toString(),
              aFirst ? QStringLiteral("\"pending\"") : QStringLiteral("\"open\""));
    ASSERT_SYNCS(second);
    // The history tells only what happened: the losing status change is not in it, anywhere.
    const QString lost = aFirst ? QStringLiteral("pending") : QStringLiteral("open");
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM crm.ticket_event WHERE field = 'status' AND new_value = '%1'")
                         .arg(lost))
                  .toInt(),
              0);
    for (SyncClient *c : {a.get(), b.get()}) {
        EXPECT_EQ(c->scalar(QStringLiteral(
                                "SELECT count(*) FROM ticket_events WHERE field = 'status' AND new_value = ?"),
                            {lost})
                      .toInt(),
                  0)
            << c->name.toStdString();
    }
    // Everyone ends with the same rows.
    EXPECT_EQ(a->dump(kShared), b->dump(kShared));
    EXPECT_EQ(a->dump({QStringLiteral("sync_conflicts")}), b->dump({QStringLiteral("sync_conflicts")}));
    EXPECT_EQ(a->outboxSize() + b->outboxSize(), 0);
}

INSTANTIATE_TEST_SUITE_P(Sync, FieldMatrix, ::testing::Bool(),
                         [](const auto &p) { return p.param ? "AFirst" : "BFirst"; });

TEST_F(SyncFixture, SubjectClashKeepsTheFirstAndTheOtherTextInAConflict)
{
    auto a = client(loginA);
    auto b = client(loginB);
    ASSERT_SYNCS(*a);
    const QUuid customer = addCustomer(*a, QStringLiteral("Acme"));
    const QUuid ticket = addTicket(*a, customer, tokyo, agentA, QStringLiteral("VPN drops"));
    ASSERT_SYNCS(*a);
    ASSERT_SYNCS(*b);
    ASSERT_TRUE(TicketService(a->local(), agentA)
                    .editDetails(ticket, {QStringLiteral("VPN drops every hour"), QString(), QString()}));
    ASSERT_TRUE(TicketService(b->local(), agentB)
                    .editDetails(ticket, {QStringLiteral("VPN drops after sleep"), QString(), QString()}));
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
class CutWhilePushing
    : public SyncFixture
    , public ::testing::WithParamInterface<TcpProxy::Cut>
{};

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
    EXPECT_EQ(scalar(QStringLiteral(
                         "SELECT count(*) || ' ' || min(mutation_id) || ' ' || max(mutation_id) FROM sync.mutation"))
                  .toString(),
              QStringLiteral("%1 1 %1").arg(pending));
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM crm.interaction")).toInt(), 10);
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM crm.customer")).toInt(), 1);
    // Status, tag and the first response each moved the ticket once.
    EXPECT_EQ(scalar(QStringLiteral("SELECT tags::text FROM crm.ticket")).toString(), QStringLiteral("[\"network\"]"));
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM sync.mutation WHERE status <> 'applied'")).toInt(), 0);
    EXPECT_EQ(ticketOf(*a, ticket).meta.rev, scalar(QStringLiteral("SELECT rev FROM crm.ticket")).toLongLong());
}

INSTANTIATE_TEST_SUITE_P(Sync, CutWhilePushing,
                         ::testing::Values(TcpProxy::Cut::BeforeRequest, TcpProxy::Cut::AfterReply), [](const auto &p) {
                             return p.param == TcpProxy::Cut::BeforeRequest ? "BeforeTheServerGetsIt"
                                                                            : "AfterTheServerCommitted";
                         });

// The negative control of the snapshot cursor: a plain sequence cursor
// ("changes after the last seq seen"), which loses the rows of a
// transaction that commits after others with higher numbers.
class SequenceChangeFeed final : public ChangeFeed
{
public:
    bool reaches(const QString &, quint64) const override { return true; }
    void begin(const ClientState &state) override { m_last = m_previous = state.value(kSeq).toLongLong(); }
    Result<void> changedRows(const SyncSession &session, const QString &scope, const QString &,
                             QHash<QString, QSet<QString>> &ids) override
    {
        QSqlQuery q(session.server);
        q.prepare(QStringLiteral(
            "SELECT c.entity, c.row_id::text, c.seq FROM sync.change c WHERE c.scope = ? AND c.seq > ? ORDER BY c.seq"));
        q.addBindValue(scope);
        q.addBindValue(m_previous);
        if (!q.exec())
            return session.serverFailure(q.lastError(), QStringLiteral("receiving changes"));
        while (q.next()) {
            ids[q.value(0).toString()].insert(q.value(1).toString());
            m_last = std::max(m_last, q.value(2).toLongLong());
        }
        return {};
    }
    Result<void> reloaded(const SyncSession &session) override
    {
        QSqlQuery q(session.server);
        if (!q.exec(QStringLiteral("SELECT coalesce(max(seq), 0) FROM sync.change")) || !q.next())
            return session.serverFailure(q.lastError(), QStringLiteral("receiving changes"));
        m_last = q.value(0).toLongLong();
        return {};
    }
    Result<void> save(ClientState &state) override { return state.setValue(kSeq, QString::number(m_last)); }

private:
    const QString kSeq = QStringLiteral("sync.cursor.seq");
    qint64 m_previous = 0;
    qint64 m_last = 0;
};

// A transaction that stays open across pulls while others commit (§4.2 T2).
// The snapshot cursor delivers its rows once it commits; the negative
// control, a sequence cursor, loses them for good.
class LongTransaction
    : public SyncFixture
    , public ::testing::WithParamInterface<bool>
{};

TEST_P(LongTransaction, RowsOfALateCommitArriveWithTheNextPull)
{
    const bool brokenCursor = GetParam();
    auto a = client(loginA);
    if (brokenCursor)
        a->options.changeFeed = std::make_shared<SequenceChangeFeed>();
    ASSERT_SYNCS(*a);
    const QString customer = QUuid::createUuid().toString(QUuid::WithoutBraces);
    ASSERT_TRUE(
        server.exec(database, QStringLiteral("INSERT INTO crm.customer (id, name) VALUES ('%1', 'Long')").arg(customer))
            .isEmpty());
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
        EXPECT_EQ(a->scalar(QStringLiteral("SELECT count(*) FROM tickets")).toInt(), 5)
            << "the negative control should lose LONG-0";
    else
        EXPECT_EQ(a->scalar(QStringLiteral("SELECT count(*) FROM tickets")).toInt(), 6);
    writer.close();
    writer = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("long-writer-%1").arg(database));
}

INSTANTIATE_TEST_SUITE_P(Sync, LongTransaction, ::testing::Bool(), [](const auto &p) {
    return p.param ? "NegativeControlSequenceCursorLosesIt" : "SnapshotCursor";
});

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
    ASSERT_TRUE(TicketService(a->local(), agentA)
                    .editDetails(ticket, {QStringLiteral("Delivery late (again)"), QString(), QString()}));
    const QUuid later = addCustomer(*a, QStringLiteral("後の顧客"));
    ASSERT_TRUE(server
                    .exec(database, QStringLiteral("UPDATE crm.ticket SET team_id = '%1', assignee_id = '%2'")
                                        .arg(osaka, uuidText(agentC)))
                    .isEmpty());

    const auto r = a->sync();
    ASSERT_TRUE(r) << text(r.error());
    EXPECT_GE(r->rejected, 1);
    // The later change still applied: a refusal never blocks the queue.
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM crm.customer WHERE id = '%1'").arg(uuidText(later))).toInt(),
              1);
    // The ticket and its history left A's copy; the refused subject is kept for A.
    EXPECT_EQ(a->scalar(QStringLiteral("SELECT count(*) FROM tickets")).toInt(), 0);
    EXPECT_EQ(a->scalar(QStringLiteral("SELECT count(*) FROM ticket_events")).toInt(), 0);
    EXPECT_EQ(a->scalar(
                   QStringLiteral("SELECT resolution || ' ' || json_extract(yours, '$.subject') FROM sync_conflicts"))
                  .toString(),
              QStringLiteral("rejected Delivery late (again)"));
    EXPECT_EQ(a->scalar(QStringLiteral("SELECT json_extract(detail, '$.reason') FROM sync_conflicts")).toString(),
              QStringLiteral("not_visible"));
    // The call on it is the ticket's team's: it left with the ticket, so no
    // copy holds an interaction whose ticket it lacks.
    EXPECT_EQ(a->scalar(QStringLiteral("SELECT count(*) FROM interactions")).toInt(), 0);
    // C receives the ticket with its history and the call.
    ASSERT_SYNCS(*c);
    EXPECT_EQ(ticketOf(*c, ticket).subject, QStringLiteral("Delivery late"));
    EXPECT_GT(c->scalar(QStringLiteral("SELECT count(*) FROM ticket_events")).toInt(), 0);
    EXPECT_EQ(c->scalar(QStringLiteral("SELECT notes FROM interactions")).toString(), QStringLiteral("first call"));
    // And C does not receive A's rejection: it is A's alone.
    EXPECT_EQ(c->scalar(QStringLiteral("SELECT count(*) FROM sync_conflicts")).toInt(), 0);
}

// What the app lets an agent save, the server keeps: a ticket saved with
// neither team nor assignee lands in the agent's team (no conflict, no raw
// refusal); one routed to another team leaves the author's copy for that
// team's; a refusal that does happen reads in words in the conflicts view.
TEST_F(SyncFixture, TicketsTheAppSavesAreKeptWhereverTheyAreSent)
{
    auto a = client(loginA);
    auto c = client(loginC);
    ASSERT_SYNCS(*a);
    ASSERT_SYNCS(*c);
    const QUuid customer = addCustomer(*a, QStringLiteral("行き先 確認"));
    const QUuid nowhere = addTicket(*a, customer, QString(), QUuid(), QStringLiteral("No team chosen"));
    const QUuid routed = addTicket(*a, customer, osaka, QUuid(), QStringLiteral("For Osaka"));
    const auto r = a->sync();
    ASSERT_TRUE(r) << text(r.error());
    EXPECT_EQ(r->rejected, 0);
    ASSERT_SYNCS(*a);
    EXPECT_EQ(a->scalar(QStringLiteral("SELECT count(*) FROM sync_conflicts")).toInt(), 0);
    EXPECT_EQ(uuidText(ticketOf(*a, nowhere).teamId), tokyo);
    EXPECT_EQ(a->scalar(QStringLiteral("SELECT count(*) FROM tickets WHERE id = ?"), {uuidToBlob(routed)}).toInt(), 0);
    EXPECT_EQ(
        a
            ->scalar(QStringLiteral(
                "SELECT count(*) FROM ticket_events e WHERE NOT EXISTS (SELECT 1 FROM tickets t WHERE t.id = e.ticket_id)"))
            .toInt(),
        0);
    ASSERT_SYNCS(*c);
    EXPECT_EQ(ticketOf(*c, routed).subject, QStringLiteral("For Osaka"));
    // A refusal without a reason of its own (row-level security) in words.
    EXPECT_EQ(ConflictStore::reasonText(QStringLiteral("42501")),
              QStringLiteral("The server's rules do not let your login make this change."));
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
    // The daily retention run, a day after a run noted the log's position
    // (the horizon, backdated here): the log before it goes. Keeping no
    // days at all is refused.
    ASSERT_TRUE(
        server
            .exec(database,
                  QStringLiteral(
                      "INSERT INTO sync.horizon (taken_at, xid) VALUES (now() - interval '2 days', pg_current_xact_id())"))
            .isEmpty());
    const QStringList where{QStringLiteral("--host"),       server.socketDir(),         QStringLiteral("--port"),
                            QString::number(server.port()), QStringLiteral("--dbname"), database,
                            QStringLiteral("--user"),       QStringLiteral("postgres"), QStringLiteral("--sslmode"),
                            QStringLiteral("disable")};
    EXPECT_EQ(serverCli(QStringList{QStringLiteral("server"), QStringLiteral("retain"), QStringLiteral("--days"),
                                    QStringLiteral("0")}
                        + where)
                  .exitCode,
              2);
    const CliResult retained = serverCli(
        {QStringLiteral("server"), QStringLiteral("retain"), QStringLiteral("--days"), QStringLiteral("1"),
         QStringLiteral("--json"), QStringLiteral("--host"), server.socketDir(), QStringLiteral("--port"),
         QString::number(server.port()), QStringLiteral("--dbname"), database, QStringLiteral("--user"),
         QStringLiteral("postgres"), QStringLiteral("--sslmode"), QStringLiteral("disable")});
    ASSERT_EQ(retained.exitCode, 0) << retained.err.toStdString();
    EXPECT_GT(QJsonDocument::fromJson(retained.out.toUtf8()).object().value(QStringLiteral("removed")).toInt(), 0);
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM sync.change")).toInt(), 0);
    const auto pulled = a->pull();
    ASSERT_TRUE(pulled) << text(pulled.error());
    EXPECT_TRUE(pulled->reset);
    EXPECT_EQ(pulled->pending, a->outboxSize());
    EXPECT_GT(a->outboxSize(), 0);
    // The reload brought the team's rows and kept A's unsent customer.
    EXPECT_EQ(a->scalar(QStringLiteral("SELECT count(*) FROM customers WHERE id IN (?, ?)"),
                        {uuidToBlob(fromB), uuidToBlob(offline)})
                  .toInt(),
              2);
    // The search index and counters were rebuilt with the reload.
    EXPECT_EQ(a->scalar(QStringLiteral("SELECT count(*) FROM customer_fts")).toInt(),
              a->scalar(QStringLiteral("SELECT count(*) FROM customers WHERE deleted_at IS NULL")).toInt());
    EXPECT_EQ(a->scalar(QStringLiteral("SELECT count(*) FROM customer_stats")).toInt(), 2);
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

// The client keeps the server's own columns at home: its list of them is
// the server's, read from the catalog (the columns the most trusted agent
// role may neither insert nor update, which sync.writable_columns drops).
TEST_F(SyncFixture, TheClientsListOfTheServersColumnsIsTheServersOwn)
{
    for (const SyncedEntity &entity : syncedEntities()) {
        SCOPED_TRACE(entity.entity.toStdString());
        QSqlQuery q(admin);
        q.prepare(QStringLiteral(
            "SELECT a.attname::text, has_column_privilege('crm_admin', e.tbl, a.attname::text, 'INSERT') "
            "OR has_column_privilege('crm_admin', e.tbl, a.attname::text, 'UPDATE') FROM sync.entity e "
            "JOIN pg_attribute a ON a.attrelid = e.tbl "
            "WHERE e.name = ? AND a.attnum > 0 AND NOT a.attisdropped AND a.attname <> 'id' ORDER BY a.attnum"));
        q.addBindValue(entity.entity);
        ASSERT_TRUE(q.exec()) << q.lastError().text().toStdString();
        QStringList theServers, listed;
        while (q.next()) {
            if (!q.value(1).toBool())
                theServers << q.value(0).toString();
            if (isServerColumn(entity, q.value(0).toString()))
                listed << q.value(0).toString();
        }
        EXPECT_TRUE(theServers.contains(QStringLiteral("rev")));
        EXPECT_EQ(listed.join(u',').toStdString(), theServers.join(u',').toStdString());
    }
}

namespace {

// The changes the server received in pushes mentioning `marker`, read from
// its log (the pushing login's statements logged in full): what was really
// sent, byte for byte.
QList<QJsonObject> pushedMutations(const QString &logPath, const QString &marker)
{
    QFile log(logPath);
    if (!log.open(QIODevice::ReadOnly))
        return {};
    QList<QJsonObject> out;
    for (const QString &line : QString::fromUtf8(log.readAll()).split(u'\n')) {
        if (!line.contains(QStringLiteral("\"payload\":")) || !line.contains(marker))
            continue;
        // The JSON array is the statement's last argument, a quoted literal.
        const qsizetype from = line.indexOf(QStringLiteral("'[{"));
        const qsizetype to = line.lastIndexOf(QStringLiteral("}]'"));
        if (from < 0 || to < from)
            continue;
        QString json = line.mid(from + 1, to - from + 1);
        json.replace(QStringLiteral("''"), QStringLiteral("'"));
        for (const QJsonValue &m : QJsonDocument::fromJson(json.toUtf8()).array())
            out.append(m.toObject());
    }
    return out;
}

} // namespace

// Changes go without the server's own columns (it drops them); a change
// written before that keeps its form when it is sent again after a cut,
// since the server fingerprints each change it has taken.
TEST_F(SyncFixture, ChangesGoWithoutTheServersColumnsAndAreSentAgainAsFirstSent)
{
    ASSERT_TRUE(
        server.exec(database, QStringLiteral("ALTER ROLE \"%1\" SET log_statement = 'all'").arg(loginA)).isEmpty());
    const QString logPath = server.socketDir() + QStringLiteral("/server.log");
    TcpProxy proxy(server.port());
    auto a = client(loginA, proxy.port());
    ASSERT_SYNCS(*a);
    const QUuid customer = addCustomer(*a, QStringLiteral("送信 確認"), QStringLiteral("+81312345679"));
    const QUuid ticket = addTicket(*a, customer, tokyo, agentA, QStringLiteral("Sent as the server takes it"));
    logCall(*a, customer, ticket, QStringLiteral("Solved on the phone"));
    ASSERT_TRUE(TicketService(a->local(), agentA).changeStatus(ticket, TicketStatus::Solved));
    ASSERT_SYNCS(*a);

    const QList<QJsonObject> sent = pushedMutations(logPath, uuidText(customer));
    QSet<QString> kinds;
    for (const QJsonObject &m : sent) {
        const SyncedEntity *entity = entityNamed(m.value(QStringLiteral("entity")).toString());
        ASSERT_NE(entity, nullptr);
        kinds << entity->entity + QStringLiteral(".") + m.value(QStringLiteral("op")).toString();
        for (const char *part : {"payload", "base"}) {
            for (const QString &key : m.value(QLatin1String(part)).toObject().keys())
                EXPECT_FALSE(isServerColumn(*entity, key)) << entity->entity.toStdString() << "." << key.toStdString();
        }
        if (entity->entity == u"customer") {
            EXPECT_EQ(m.value(QStringLiteral("payload"))[QStringLiteral("name")].toString(),
                      QStringLiteral("送信 確認"));
        }
    }
    EXPECT_EQ(kinds, (QSet<QString>{QStringLiteral("customer.insert"), QStringLiteral("customer_contact.insert"),
                                    QStringLiteral("ticket.insert"), QStringLiteral("ticket_event.insert"),
                                    QStringLiteral("interaction.insert"), QStringLiteral("ticket.update")}));
    // The server took the rest and set its own: the solve time is its.
    EXPECT_TRUE(
        scalar(QStringLiteral("SELECT solved_at IS NOT NULL FROM crm.ticket WHERE id = ?::uuid"), {uuidText(ticket)})
            .toBool());
    EXPECT_TRUE(ticketOf(*a, ticket).solvedAt.has_value());

    // A change of the older form (every column), its first send cut after
    // the server committed it, is sent again the same and taken once.
    auto sendCut = [&](const QString &name) {
        const QUuid id = addCustomer(*a, name);
        EXPECT_TRUE(a->scalar(QStringLiteral("UPDATE sync_outbox SET wire = 1 RETURNING 1")).isValid());
        proxy.arm(TcpProxy::Cut::AfterReply, QByteArrayLiteral("\"payload\""));
        EXPECT_FALSE(a->push());
        EXPECT_TRUE(proxy.fired());
        return id;
    };
    const QUuid older = sendCut(QStringLiteral("前の版"));
    ASSERT_SYNCS(*a);
    EXPECT_EQ(a->outboxSize(), 0);
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM crm.customer WHERE id = ?::uuid"), {uuidText(older)}).toInt(),
              1);
    const QList<QJsonObject> twice = pushedMutations(logPath, uuidText(older));
    ASSERT_EQ(twice.size(), 2);
    EXPECT_EQ(twice.first(), twice.last());
    EXPECT_TRUE(twice.first()[QStringLiteral("payload")].toObject().contains(QStringLiteral("created_at")));

    // The negative control: sent again in the other form, the change is not
    // the one the server took, and it refuses the push.
    sendCut(QStringLiteral("形を変えた"));
    EXPECT_TRUE(a->scalar(QStringLiteral("UPDATE sync_outbox SET wire = 2 RETURNING 1")).isValid());
    const auto refused = a->sync();
    ASSERT_FALSE(refused);
    EXPECT_TRUE(refused.error().message.contains(QStringLiteral("copied"))) << text(refused.error());
}

// A backup restored after the changes it held unsent were sent from the file
// it replaces: the server has them, so they are not sent again (they would
// go with a clock offset forgotten since, and be refused as a copied
// database's). Their rows come back from the server.
TEST_F(SyncFixture, ARestoredBackupDoesNotSendAgainWhatWasSentSince)
{
    auto a = client(loginA);
    ASSERT_SYNCS(*a);
    const QString path = a->db->path();
    addCustomer(*a, QStringLiteral("復元 前"));
    ASSERT_TRUE(Backups(path).create(a->local()));
    ASSERT_SYNCS(*a); // sent with the offset measured then
    a->disconnect();
    a->options.clockForTests = [] { return QDateTime::currentMSecsSinceEpoch() + 10 * 60'000; };
    addCustomer(*a, QStringLiteral("復元 後"));
    ASSERT_SYNCS(*a); // another offset…
    ASSERT_SYNCS(*a); // …and, nothing waiting, the first one is forgotten
    a->disconnect();
    a->db.reset();
    const auto restored = restoreBackup(path, Backups(path).newest()->path);
    ASSERT_TRUE(restored) << text(restored.error());
    auto reopened = Database::open(path);
    ASSERT_TRUE(reopened) << text(reopened.error());
    a->db = std::move(reopened).value();
    EXPECT_EQ(a->outboxSize(), 0);
    ASSERT_SYNCS(*a);
    EXPECT_EQ(a->scalar(QStringLiteral("SELECT count(*) FROM customers WHERE name LIKE '復元 %'")).toInt(), 2);
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM crm.customer WHERE name LIKE '復元 %'")).toInt(), 2);
}

TEST_F(SyncFixture, ACopiedDatabaseCannotPushAsTheOriginal)
{
    auto a = client(loginA);
    ASSERT_SYNCS(*a);
    addCustomer(*a, QStringLiteral("Before the copy"));
    ASSERT_SYNCS(*a);
    const QString copyPath = a->dir.filePath(QStringLiteral("copy.sqlite"));
    QSqlQuery vacuum(a->local());
    ASSERT_TRUE(vacuum.exec(QStringLiteral("VACUUM INTO '%1'").arg(copyPath)))
        << vacuum.lastError().text().toStdString();
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
        return QStringList{QStringLiteral("sync"),
                           QStringLiteral("--once"),
                           QStringLiteral("--json"),
                           QStringLiteral("--db"),
                           path,
                           QStringLiteral("--host"),
                           QStringLiteral("127.0.0.1"),
                           QStringLiteral("--port"),
                           QString::number(port),
                           QStringLiteral("--dbname"),
                           database,
                           QStringLiteral("--user"),
                           loginA,
                           QStringLiteral("--sslmode"),
                           QStringLiteral("disable")};
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
    EXPECT_EQ(QJsonDocument::fromJson(lines.first().toUtf8()).object().value(QStringLiteral("phase")).toString(),
              QStringLiteral("pull"));
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
    EXPECT_TRUE(serviceA.status().message.contains(QStringLiteral("password")))
        << serviceA.status().message.toStdString();
    // Stopped there, the status still counts the work waiting to be sent.
    const int waiting = serviceA.status().pending;
    addCustomer(*a, QStringLiteral("待機 花子"));
    EXPECT_TRUE(QTest::qWaitFor([&] { return serviceA.status().pending == waiting + 1; }, 5'000))
        << serviceA.status().pending;
    EXPECT_EQ(serviceA.status().state, SyncService::State::Failed);
}

// Client clocks never order anything (I10): the same offline edits with the
// clients' clocks 3 days behind and ahead give the same server state, and
// every time the server owns is on the server's clock.
TEST_F(SyncFixture, ClientClockSkewChangesNothing)
{
    QStringList outcomes;
    for (const qint64 skewDays : {0, -3, 3}) {
        SCOPED_TRACE(skewDays);
        auto a = client(loginA);
        auto b = client(loginB);
        ASSERT_SYNCS(*a);
        const QUuid customer = addCustomer(*a, QStringLiteral("Skew %1").arg(skewDays));
        const QUuid ticket = addTicket(*a, customer, tokyo, agentA, QStringLiteral("Clock"));
        ASSERT_SYNCS(*a);
        ASSERT_SYNCS(*b);
        TicketService sa(a->local(), agentA), sb(b->local(), agentB);
        // B edits first on its (skewed) clock; A later on a correct one. Arrival decides.
        ASSERT_TRUE(sb.changeStatus(ticket, TicketStatus::Pending));
        ASSERT_TRUE(sb.editDetails(ticket, {QStringLiteral("B's subject"), QString(), QString()}));
        logCall(*b, customer, ticket, QStringLiteral("B's call"));
        ASSERT_TRUE(sa.changeStatus(ticket, TicketStatus::Open));
        ASSERT_TRUE(sa.editDetails(ticket, {QStringLiteral("A's subject"), QString(), QString()}));
        // B's clock was off by `skewDays` when it wrote: every time it recorded shifts.
        const qint64 offset = skewDays * 86'400'000;
        QSqlQuery rows(b->local());
        ASSERT_TRUE(rows.exec(QStringLiteral("SELECT mutation_id, payload FROM sync_outbox")));
        QList<std::pair<qint64, QString>> shifted;
        while (rows.next()) {
            QJsonObject payload = QJsonDocument::fromJson(rows.value(1).toString().toUtf8()).object();
            for (auto it = payload.begin(); it != payload.end(); ++it) {
                if ((it.key().endsWith(QLatin1String("_at")) || it.key() == u"at") && it->isDouble())
                    *it = it->toDouble() + double(offset);
            }
            shifted.append(
                {rows.value(0).toLongLong(), QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact))});
        }
        for (const auto &[id, payload] : shifted) {
            QSqlQuery update(b->local());
            update.prepare(QStringLiteral(
                "UPDATE sync_outbox SET payload = ?, created_at = created_at + ? WHERE mutation_id = ?"));
            update.addBindValue(payload);
            update.addBindValue(offset);
            update.addBindValue(id);
            ASSERT_TRUE(update.exec());
        }
        ASSERT_SYNCS(*a);
        ASSERT_SYNCS(*b);
        ASSERT_SYNCS(*a);
        const QString where = QStringLiteral(" FROM crm.ticket WHERE id = '%1'").arg(uuidText(ticket));
        outcomes << scalar(QStringLiteral("SELECT status || '|' || subject || '|' || rev") + where).toString() + u'|'
                        + scalar(
                              QStringLiteral(
                                  "SELECT string_agg(field || ':' || resolution, ',' ORDER BY field) FROM sync.conflict "
                                  "WHERE row_id = '%1'")
                                  .arg(uuidText(ticket)))
                              .toString();
        // Server-owned times are the server's, whatever B's clock said.
        EXPECT_TRUE(scalar(QStringLiteral("SELECT abs(extract(epoch FROM now() - updated_at)) < 600") + where).toBool());
        EXPECT_TRUE(
            scalar(QStringLiteral("SELECT abs(extract(epoch FROM now() - first_responded_at)) < 600") + where).toBool());
        // And so is the status history the SLA clock runs on, at both agents.
        for (SyncClient *c : {a.get(), b.get()}) {
            const auto history = SlaEngine(c->local()).history(ticket);
            ASSERT_TRUE(history);
            ASSERT_FALSE(history->isEmpty());
            for (const StatusChange &change : history.value())
                EXPECT_LT(std::abs(change.at.secsTo(QDateTime::currentDateTimeUtc())), 600) << c->name.toStdString();
        }
        EXPECT_EQ(a->dump(kShared), b->dump(kShared));
    }
    ASSERT_EQ(outcomes.size(), 3);
    EXPECT_EQ(outcomes.at(1), outcomes.at(0));
    EXPECT_EQ(outcomes.at(2), outcomes.at(0));
    // A's changes arrived first: they stand, and B's are its conflicts.
    EXPECT_TRUE(outcomes.at(0).startsWith(QStringLiteral("open|A's subject|"))) << outcomes.at(0).toStdString();
}

namespace {

// Shifts the times this client recorded for its unsent changes after
// mutation `after`: as if they were made at `when` (true time) on a clock
// `fastBy` ms ahead. Payload times move by the same amount.
void replayAt(SyncClient &c, qint64 after, const QDateTime &when, qint64 fastBy)
{
    QSqlQuery rows(c.local());
    ASSERT_TRUE(rows.exec(
        QStringLiteral("SELECT mutation_id, payload, created_at FROM sync_outbox WHERE mutation_id > %1").arg(after)));
    QList<std::tuple<qint64, QString, qint64>> shifted;
    const qint64 clock = when.toMSecsSinceEpoch() + fastBy;
    while (rows.next()) {
        const qint64 by = clock - rows.value(2).toLongLong();
        QJsonObject payload = QJsonDocument::fromJson(rows.value(1).toString().toUtf8()).object();
        for (auto it = payload.begin(); it != payload.end(); ++it) {
            if ((it.key().endsWith(QLatin1String("_at")) || it.key() == u"at") && it->isDouble())
                *it = it->toDouble() + double(by);
        }
        shifted.append({rows.value(0).toLongLong(),
                        QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact)), clock});
    }
    for (const auto &[id, payload, at] : shifted) {
        QSqlQuery update(c.local());
        update.prepare(QStringLiteral("UPDATE sync_outbox SET payload = ?, created_at = ? WHERE mutation_id = ?"));
        update.addBindValue(payload);
        update.addBindValue(at);
        update.addBindValue(id);
        ASSERT_TRUE(update.exec());
    }
}

qint64 lastMutation(SyncClient &c)
{
    return c.scalar(QStringLiteral("SELECT coalesce(max(mutation_id), 0) FROM sync_outbox")).toLongLong();
}

} // namespace

// A field agent out for two days, the laptop's clock three hours fast: a
// ticket opened at a customer's site, the visit, the solve. Synced now,
// every copy shows them when they happened, and the SLA as it was then.
TEST_F(SyncFixture, OfflineWorkCountsWhenItWasDoneNotWhenItSynced)
{
    const qint64 fast = 3 * 3'600'000;
    auto a = client(loginA);
    auto b = client(loginB);
    a->options.clockForTests = [fast] { return QDateTime::currentMSecsSinceEpoch() + fast; };
    ASSERT_SYNCS(*a);
    ASSERT_SYNCS(*b);
    // A's last contact with the server was three days ago: it went out then.
    auto lastContact = [&](int daysAgo) {
        ASSERT_TRUE(
            server
                .exec(database,
                      QStringLiteral(
                          "UPDATE sync.client SET contact_at = now() - interval '%1 days' WHERE agent_role = '%2'")
                          .arg(daysAgo)
                          .arg(loginA))
                .isEmpty());
    };
    lastContact(3);
    // Two days ago, to the millisecond, on the server's clock.
    const QDateTime opened = QDateTime::fromMSecsSinceEpoch(QDateTime::currentMSecsSinceEpoch() - 2 * 86'400'000LL,
                                                            Qt::UTC);
    const QDateTime visited = opened.addSecs(3600), solved = opened.addSecs(5 * 3600);
    qint64 mark = lastMutation(*a);
    const QUuid customer = addCustomer(*a, QStringLiteral("現場 一郎"));
    const QUuid ticket = addTicket(*a, customer, tokyo, agentA, QStringLiteral("Site visit"));
    replayAt(*a, mark, opened, fast);
    mark = lastMutation(*a);
    InteractionLog::Entry visit;
    visit.interaction.customerId = customer;
    visit.interaction.agentId = agentA;
    visit.interaction.channel = Channel::Visit;
    visit.interaction.direction = Direction::Outbound;
    visit.interaction.startedAt = QDateTime::currentDateTimeUtc();
    visit.interaction.durationSeconds = 1800;
    visit.ticketNumber = ticketOf(*a, ticket).number;
    ASSERT_TRUE(InteractionLog(a->local(), agentA).save(visit));
    replayAt(*a, mark, visited, fast);
    mark = lastMutation(*a);
    ASSERT_TRUE(TicketService(a->local(), agentA).changeStatus(ticket, TicketStatus::Solved));
    replayAt(*a, mark, solved, fast);

    ASSERT_SYNCS(*a);
    ASSERT_SYNCS(*b);
    ASSERT_SYNCS(*a);
    const QString where = QStringLiteral(" FROM crm.ticket WHERE id = '%1'").arg(uuidText(ticket));
    // The offset is measured over a round trip: true times come back within
    // half of it (loopback: well under a second).
    auto near = [](const QDateTime &t, const QDateTime &expected) { return std::abs(t.msecsTo(expected)) < 1000; };
    auto serverTime = [&](const QString &column) {
        return QDateTime::fromMSecsSinceEpoch(scalar(QStringLiteral("SELECT sync.ms(%1)").arg(column) + where)
                                                  .toLongLong(),
                                              Qt::UTC);
    };
    EXPECT_TRUE(near(serverTime(QStringLiteral("created_at")), opened));
    EXPECT_TRUE(near(serverTime(QStringLiteral("first_responded_at")), visited));
    EXPECT_TRUE(near(serverTime(QStringLiteral("solved_at")), solved));
    // The logged visit opened the ticket; the solve came after.
    EXPECT_EQ(scalar(QStringLiteral(
                         "SELECT string_agg(field || ':' || (new_value #>> '{}') || ':' || time_note, ',' ORDER BY at, id) "
                         "FROM sync.ticket_change WHERE ticket_id = ?::uuid AND field IN ('created', 'status')"),
                     {uuidText(ticket)})
                  .toString()
                  .toStdString(),
              "created:new:accepted,status:open:accepted,status:solved:accepted");
    // The due times are those of that history, as if it had all been online.
    EXPECT_TRUE(scalar(QStringLiteral(
                           "SELECT sync.ms(t.first_response_due) = s.fr_due AND sync.ms(t.resolution_due) = s.res_due "
                           "FROM crm.ticket t, sync.ticket_sla(t, (SELECT array_agg(sync.ms(c.at) ORDER BY c.at, c.id) "
                           "FROM sync.ticket_change c WHERE c.ticket_id = t.id AND c.field IN ('created', 'status')), "
                           "ARRAY['new', 'open', 'solved']) s WHERE t.id = ?::uuid"),
                       {uuidText(ticket)})
                    .toBool());
    // Every copy holds the same times and the same status history.
    for (SyncClient *c : {a.get(), b.get()}) {
        SCOPED_TRACE(c->name.toStdString());
        const Ticket t = ticketOf(*c, ticket);
        EXPECT_EQ(t.meta.createdAt, serverTime(QStringLiteral("created_at")));
        EXPECT_EQ(t.firstRespondedAt.value_or(QDateTime()), serverTime(QStringLiteral("first_responded_at")));
        EXPECT_EQ(t.solvedAt.value_or(QDateTime()), serverTime(QStringLiteral("solved_at")));
        EXPECT_EQ(t.firstResponseDue.value_or(QDateTime()), serverTime(QStringLiteral("first_response_due")));
        EXPECT_EQ(t.resolutionDue.value_or(QDateTime()), serverTime(QStringLiteral("resolution_due")));
        const auto history = SlaEngine(c->local()).history(ticket);
        ASSERT_TRUE(history);
        ASSERT_EQ(history->size(), 3);
        EXPECT_TRUE(near(history->at(0).at, opened));
        EXPECT_TRUE(near(history->at(1).at, visited));
        EXPECT_TRUE(near(history->at(2).at, solved));
    }
    EXPECT_EQ(a->dump(kShared), b->dump(kShared));

    // Claims count from the push, with the reason:
    // dated before the last contact (A synced a moment ago), before the
    // ticket existed (A out for ten days), or tomorrow.
    qint64 recorded = scalar(QStringLiteral("SELECT max(id) FROM sync.ticket_change")).toLongLong();
    mark = lastMutation(*a);
    ASSERT_TRUE(TicketService(a->local(), agentA).changeStatus(ticket, TicketStatus::Open));
    replayAt(*a, mark, QDateTime::currentDateTimeUtc().addSecs(-3600), fast);
    ASSERT_SYNCS(*a);
    EXPECT_EQ(scalar(QStringLiteral(
                         "SELECT string_agg(field || ':' || time_note, ',' ORDER BY id) FROM sync.ticket_change "
                         "WHERE ticket_id = ?::uuid AND id > ?"),
                     {uuidText(ticket), recorded})
                  .toString()
                  .toStdString(),
              "status:before_last_contact,reopen_count:before_last_contact");
    ASSERT_TRUE(TicketService(a->local(), agentA).changeStatus(ticket, TicketStatus::Solved));
    ASSERT_SYNCS(*a);
    lastContact(10);
    recorded = scalar(QStringLiteral("SELECT max(id) FROM sync.ticket_change")).toLongLong();
    mark = lastMutation(*a);
    ASSERT_TRUE(TicketService(a->local(), agentA).changeStatus(ticket, TicketStatus::Open));
    replayAt(*a, mark, opened.addDays(-1), fast);
    mark = lastMutation(*a);
    ASSERT_TRUE(TicketService(a->local(), agentA).setPriority(ticket, Priority::High));
    replayAt(*a, mark, QDateTime::currentDateTimeUtc().addDays(1), fast);
    ASSERT_SYNCS(*a);
    EXPECT_EQ(scalar(QStringLiteral(
                         "SELECT string_agg(field || ':' || time_note || ':' || (abs(extract(epoch FROM at - now())) < 600), ',' "
                         "ORDER BY id) FROM sync.ticket_change WHERE ticket_id = ?::uuid AND id > ?"),
                     {uuidText(ticket), recorded})
                  .toString()
                  .toStdString(),
              "status:before_creation:true,reopen_count:before_creation:true,priority:in_future:true");
    EXPECT_TRUE(scalar(QStringLiteral("SELECT solved_at IS NULL AND reopen_count = 2") + where).toBool());
}

// A seeded random run of four clients (two Tokyo agents, one in Osaka, a
// supervisor) editing offline, syncing through proxies that cut connections
// before and after the server commits, and a supervisor handing tickets
// between teams. At the end everyone syncs until quiet; then the oracle
// checks I1–I6 and I8–I9 (research/sync.md §3.10). The seed is printed on
// failure; MADOGUCHI_SYNC_SEEDS=N runs N seeds instead of the CI's three,
// MADOGUCHI_SYNC_STEPS the steps per seed.
class SyncSimulation
    : public SyncFixture
    , public ::testing::WithParamInterface<int>
{};

TEST_P(SyncSimulation, ClientsConvergeWithNothingLostOrDuplicated)
{
    const int seedCount = qEnvironmentVariableIntValue("MADOGUCHI_SYNC_SEEDS");
    const int steps = qEnvironmentVariableIsSet("MADOGUCHI_SYNC_STEPS")
                          ? qEnvironmentVariableIntValue("MADOGUCHI_SYNC_STEPS")
                          : 60;
    const int first = GetParam();
    const int last = seedCount > 0 ? first + seedCount - 1 : first;
    for (int seed = first; seed <= last; ++seed) {
        SCOPED_TRACE(::testing::Message()
                     << "seed " << seed << " (rerun with --gtest_filter=*SyncSimulation*/" << seed - 1 << ")");
        if (seed != first) {
            TearDown();
            SetUp();
        }
        std::mt19937 generator{quint32(seed)};
        auto pick = [&](int n) { return int(generator() % quint32(n)); };

        struct Actor
        {
            std::unique_ptr<TcpProxy> proxy;
            std::unique_ptr<SyncClient> client;
            QString team;
            QHash<QByteArray, qint64> seenRevs; // I5: revisions never go back
        };
        std::vector<Actor> actors;
        for (const auto &[login, team] :
             {std::pair{loginA, tokyo}, std::pair{loginB, tokyo}, std::pair{loginC, osaka}, std::pair{loginS, tokyo}}) {
            Actor actor;
            actor.proxy = std::make_unique<TcpProxy>(server.port());
            actor.client = client(login, actor.proxy->port());
            actor.team = team;
            actors.push_back(std::move(actor));
        }
        int calls = 0;
        auto syncActor = [&](Actor &actor, bool allowCut) {
            if (allowCut && pick(4) == 0)
                actor.proxy->arm(pick(2) ? TcpProxy::Cut::BeforeRequest : TcpProxy::Cut::AfterReply,
                                 QByteArrayLiteral("\"payload\""));
            const auto r = actor.client->sync();
            if (!r) {
                EXPECT_EQ(r.error().code, Error::Code::Network) << text(r.error());
            }
            actor.proxy->arm(TcpProxy::Cut::None, {});
            QSqlQuery q(actor.client->local());
            q.exec(QStringLiteral("SELECT id, rev FROM tickets"));
            while (q.next()) {
                const QByteArray id = q.value(0).toByteArray();
                EXPECT_GE(q.value(1).toLongLong(), actor.seenRevs.value(id)) << "I5: a revision went back";
                actor.seenRevs[id] = q.value(1).toLongLong();
            }
        };
        for (Actor &actor : actors)
            syncActor(actor, false);

        const QStringList tags{QStringLiteral("vip"), QStringLiteral("billing"), QStringLiteral("network"),
                               QStringLiteral("urgent-callback")};
        for (int step = 0; step < steps; ++step) {
            Actor &actor = actors[size_t(pick(int(actors.size())))];
            SyncClient &c = *actor.client;
            QList<QUuid> tickets;
            QSqlQuery q(c.local());
            q.exec(QStringLiteral("SELECT id FROM tickets WHERE deleted_at IS NULL ORDER BY id"));
            while (q.next())
                tickets << uuidFromBlob(q.value(0).toByteArray());
            QList<QUuid> customers;
            q.exec(QStringLiteral("SELECT id FROM customers WHERE deleted_at IS NULL ORDER BY id"));
            while (q.next())
                customers << uuidFromBlob(q.value(0).toByteArray());
            const QUuid ticket = tickets.isEmpty() ? QUuid() : tickets.at(pick(int(tickets.size())));
            TicketService service(c.local(), c.agent);
            switch (pick(10)) {
            case 0: addCustomer(c, QStringLiteral("顧客 %1-%2").arg(seed).arg(step)); break;
            case 1:
                if (!customers.isEmpty())
                    addTicket(c, customers.at(pick(int(customers.size()))), actor.team, c.agent,
                              QStringLiteral("Issue %1").arg(step));
                break;
            case 2:
                if (!ticket.isNull()) {
                    const TicketStatus to = std::array{TicketStatus::Open, TicketStatus::Pending, TicketStatus::OnHold,
                                                       TicketStatus::Solved, TicketStatus::Closed}[size_t(pick(5))];
                    (void)service.changeStatus(ticket, to); // a refused transition changes nothing
                }
                break;
            case 3:
                if (!ticket.isNull())
                    (void)service.setPriority(ticket, std::array{Priority::Low, Priority::Normal, Priority::High,
                                                                 Priority::Urgent}[size_t(pick(4))]);
                break;
            case 4:
                if (!ticket.isNull())
                    (void)service.addTag(ticket, tags.at(pick(int(tags.size()))));
                break;
            case 5:
                if (!ticket.isNull())
                    (void)service.editDetails(ticket, {QStringLiteral("Edited %1 by %2").arg(step).arg(c.name),
                                                       QString(), QString()});
                break;
            case 6:
                if (!ticket.isNull()) {
                    const auto t = TicketRepository(c.local()).get(ticket);
                    if (t && isOpenStatus(t->status)) {
                        logCall(c, t->customerId, ticket, QStringLiteral("call %1").arg(step));
                        ++calls;
                    }
                }
                break;
            case 7:
                // The supervisor hands a ticket to the other team (a move-out for some).
                if (c.agent == agentS && !ticket.isNull()) {
                    const auto t = TicketRepository(c.local()).get(ticket);
                    const QString other = t && t->teamId == QUuid::fromString(tokyo) ? osaka : tokyo;
                    (void)service.assign(ticket, QUuid(), QUuid::fromString(other));
                }
                break;
            default: syncActor(actor, true); break;
            }
        }

        // Quiesce: everyone syncs until nothing moves.
        for (int round = 0; round < 6; ++round) {
            bool moved = false;
            for (Actor &actor : actors) {
                const auto r = actor.client->sync();
                ASSERT_TRUE(r) << actor.client->name.toStdString() << ": " << text(r.error());
                moved = moved || r->pushed > 0 || r->received > 0 || r->removed > 0;
            }
            if (!moved)
                break;
        }

        for (Actor &actor : actors) {
            SyncClient &c = *actor.client;
            SCOPED_TRACE(c.name.toStdString());
            // I1–I3: every mutation applied once, in order, none left behind.
            EXPECT_EQ(c.outboxSize(), 0);
            const QString clientId = uuidText(SyncEngine::clientId(c.local()).value());
            const qint64 made
                = c.scalar(QStringLiteral(
                               "SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'sync_outbox'), 0)"))
                      .toLongLong();
            EXPECT_EQ(scalar(
                          QStringLiteral(
                              "SELECT count(*) || ' ' || coalesce(min(mutation_id), 0) || ' ' || coalesce(max(mutation_id), 0) "
                              "FROM sync.mutation WHERE client_id = '%1'")
                              .arg(clientId))
                          .toString(),
                      made > 0 ? QStringLiteral("%1 1 %1").arg(made) : QStringLiteral("0 0 0"));
            // I4/I6/I8/I9: the local copy is exactly what the server shows this agent.
            for (const auto &[local, remote, columns] :
                 {std::tuple{"tickets", "crm.ticket",
                             "status || '|' || priority || '|' || subject || '|' || tags || '|' || rev"},
                  std::tuple{"customers", "crm.customer", "name || '|' || rev"},
                  std::tuple{"interactions", "crm.interaction", "notes || '|' || rev"},
                  std::tuple{"ticket_events", "crm.ticket_event", "field || '|' || rev"},
                  std::tuple{"sync_conflicts", "sync.conflict",
                             "coalesce(field, '') || '|' || resolution || '|' || rev"}}) {
                QStringList mine, theirs;
                QSqlQuery l(c.local());
                // Table and column names from this test's list.
                ASSERT_TRUE(l.exec(QStringLiteral("SELECT lower(hex(id)) || '|' || %1 FROM %2 ORDER BY 1")
                                       .arg(QLatin1String(columns), QLatin1String(local))));
                while (l.next())
                    mine << l.value(0).toString();
                QSqlQuery r(c.server);
                ASSERT_TRUE(r.exec(
                    QStringLiteral("SELECT replace(id::text, '-', '') || '|' || %1 FROM %2 ORDER BY 1")
                        .arg(QString::fromLatin1(columns).replace(QLatin1String("tags"), QLatin1String("tags::text")),
                             QLatin1String(remote))))
                    << r.lastError().text().toStdString();
                while (r.next())
                    theirs << r.value(0).toString();
                EXPECT_EQ(mine.join(u'\n').toStdString(), theirs.join(u'\n').toStdString()) << local;
            }
        }
        // Interactions are appended exactly once each.
        EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM crm.interaction")).toInt(), calls);
        // The same organisation-wide rows everywhere (calls on a ticket are its
        // team's), and no copy holds a call whose ticket it lacks.
        const QString orgCalls = QStringLiteral(
            "SELECT coalesce(group_concat(k, ','), '') FROM (SELECT lower(hex(id)) || notes AS k "
            "FROM interactions WHERE ticket_id IS NULL ORDER BY id)");
        for (const Actor &actor : actors) {
            EXPECT_EQ(actor.client->dump({QStringLiteral("customers")}),
                      actors.front().client->dump({QStringLiteral("customers")}));
            EXPECT_EQ(actor.client->scalar(orgCalls).toString().toStdString(),
                      actors.front().client->scalar(orgCalls).toString().toStdString());
            EXPECT_EQ(actor.client
                          ->scalar(QStringLiteral("SELECT count(*) FROM interactions i WHERE i.ticket_id IS NOT NULL "
                                                  "AND NOT EXISTS (SELECT 1 FROM tickets t WHERE t.id = i.ticket_id)"))
                          .toInt(),
                      0);
        }
    }
}

INSTANTIATE_TEST_SUITE_P(Sync, SyncSimulation, ::testing::Values(1, 2, 3));

// With a team server, the login decides who is signed in on a copy: a
// choice made on the computer (or left from working locally) gives way.
TEST_F(SyncFixture, TheServersLoginDecidesWhoIsSignedIn)
{
    auto a = client(loginA);
    ASSERT_SYNCS(*a);
    EXPECT_EQ(ClientState(a->local()).currentAgent(), agentA);
    ASSERT_TRUE(ClientState(a->local()).setCurrentAgent(agentB));
    ASSERT_SYNCS(*a);
    EXPECT_EQ(ClientState(a->local()).currentAgent(), agentA);
}

// What an administrator changes in the server's directory reaches every
// copy at its next pull (a new revision for each change).
TEST_F(SyncFixture, DirectoryChangesOnTheServerReachEveryCopy)
{
    auto a = client(loginA);
    ASSERT_SYNCS(*a);
    ASSERT_TRUE(editServerTeam(admin, QStringLiteral("Tokyo"), QString(), QString(), loginB));
    ServerAgent b;
    b.name = QStringLiteral("Agent B (renamed)");
    b.reading = QStringLiteral("エージェント ビー");
    b.role = QStringLiteral("lead");
    b.team = QStringLiteral("Tokyo");
    const auto edited = editServerAgent(admin, loginB, b);
    ASSERT_TRUE(edited) << edited.error().message.toStdString();
    ASSERT_SYNCS(*a);
    EXPECT_EQ(a->scalar(QStringLiteral("SELECT count(*) FROM teams WHERE lead_id = ?"), {uuidToBlob(agentB)}).toInt(),
              1);
    EXPECT_EQ(a->scalar(QStringLiteral("SELECT name || '/' || name_reading || '/' || role FROM agents WHERE id = ?"),
                        {uuidToBlob(agentB)})
                  .toString(),
              QStringLiteral("Agent B (renamed)/エージェント ビー/lead"));
}

namespace {

// A team that worked locally first: you (an administrator), your team and
// two teammates, a customer and a ticket assigned to a teammate, all still
// in the outbox.
struct LocalWorkspace
{
    Workspace made;
    QUuid customer;
    QUuid ticket;
};

LocalWorkspace workLocallyFirst(SyncClient &c)
{
    WorkspacePlan plan;
    plan.you.name = QStringLiteral("青木 葵");
    plan.you.email = QStringLiteral("aoki@example.jp");
    plan.you.role = AgentRole::Admin;
    plan.teamName = QStringLiteral("お客様窓口");
    Agent ken;
    ken.name = QStringLiteral("佐藤 健");
    ken.email = QStringLiteral("ken@example.jp");
    Agent mika;
    mika.name = QStringLiteral("伊藤 美香");
    mika.role = AgentRole::Lead;
    plan.teammates = {ken, mika};
    LocalWorkspace w;
    const auto made = WorkspaceSetup(c.local()).setUp(plan);
    EXPECT_TRUE(made) << (made ? std::string() : text(made.error()));
    if (!made)
        return w;
    w.made = made.value();
    c.agent = w.made.you;
    w.customer = addCustomer(c, QStringLiteral("Acme"));
    w.ticket = addTicket(c, w.customer, uuidText(w.made.team), w.made.teammates.at(0), QStringLiteral("VPN drops"));
    return w;
}

} // namespace

TEST_F(SyncFixture, ALocalWorkspaceJoinsAServerKeepingItsPeople)
{
    // The server's administrator is the person who set the copy up (the
    // server's row is another one: made by `server add-agent`).
    const QString loginAdmin = QStringLiteral("adm_%1").arg(loginA);
    const auto adminId = addServerAgent(admin, loginAdmin, QStringLiteral("青木 葵"), QStringLiteral("admin"),
                                        QStringLiteral("Tokyo"), password);
    ASSERT_TRUE(adminId) << text(adminId.error());
    auto c = client(loginAdmin);
    const LocalWorkspace w = workLocallyFirst(*c);
    ASSERT_FALSE(w.ticket.isNull());
    const QUuid you = w.made.you, ken = w.made.teammates.at(0), mika = w.made.teammates.at(1);
    const QUuid call = logCall(*c, w.customer, w.ticket, QStringLiteral("VPN drops at 9"));

    const auto report = c->sync();
    ASSERT_TRUE(report) << text(report.error());
    EXPECT_EQ(report->rejected, 0);
    EXPECT_EQ(report->conflicts, 0);
    EXPECT_EQ(c->outboxSize(), 0);
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM sync.conflict")).toInt(), 0);
    // The team and its people arrive once each, as rows without a login.
    EXPECT_EQ(scalar(QStringLiteral("SELECT string_agg(name || '/' || role || '/' || coalesce(agent_role, '-'), ',' "
                                    "ORDER BY role, name) FROM crm.agent WHERE team_id = ?::uuid"),
                     {uuidText(w.made.team)})
                  .toString(),
              QStringLiteral("青木 葵/admin/-,佐藤 健/agent/-,伊藤 美香/lead/-"));
    EXPECT_EQ(scalar(QStringLiteral("SELECT name || '/' || lead_id::text FROM crm.team WHERE id = ?::uuid"),
                     {uuidText(w.made.team)})
                  .toString(),
              QStringLiteral("お客様窓口/") + uuidText(mika));
    // The ticket keeps its team and assignee; the call its agent (an
    // administrator may log for anyone).
    EXPECT_EQ(scalar(QStringLiteral(
                         "SELECT assignee_id::text || '/' || team_id::text FROM crm.ticket WHERE id = ?::uuid"),
                     {uuidText(w.ticket)})
                  .toString(),
              uuidText(ken) + u'/' + uuidText(w.made.team));
    EXPECT_EQ(scalar(QStringLiteral("SELECT agent_id::text FROM crm.interaction WHERE id = ?::uuid"), {uuidText(call)})
                  .toString(),
              uuidText(you));
    // The login decides who is signed in; the local "you" stays in the
    // directory, a row without a login like the teammates.
    EXPECT_EQ(ClientState(c->local()).currentAgent(), *adminId);
    EXPECT_EQ(c->scalar(QStringLiteral("SELECT count(*) FROM agents WHERE id IN (?, ?, ?, ?)"),
                        {uuidToBlob(you), uuidToBlob(ken), uuidToBlob(mika), uuidToBlob(*adminId)})
                  .toInt(),
              4);
    EXPECT_EQ(ticketOf(*c, w.ticket).assigneeId, ken);

    // The administrator gives the teammate a login, by name: it goes on the
    // row that is there (with its role), not on a second 佐藤 健.
    const QString kenLogin = QStringLiteral("ken_%1").arg(loginA);
    const QStringList where{QStringLiteral("--host"),    QStringLiteral("127.0.0.1"),
                            QStringLiteral("--port"),    QString::number(server.port()),
                            QStringLiteral("--dbname"),  database,
                            QStringLiteral("--user"),    loginAdmin,
                            QStringLiteral("--sslmode"), QStringLiteral("disable")};
    const CliResult given = serverCli(QStringList{QStringLiteral("--json"), QStringLiteral("server"),
                                                  QStringLiteral("add-agent"), kenLogin, QStringLiteral("--name"),
                                                  QStringLiteral("佐藤 健"), QStringLiteral("--password-stdin")}
                                          + where,
                                      password.toUtf8() + '\n', password);
    ASSERT_EQ(given.exitCode, 0) << given.err.toStdString();
    EXPECT_EQ(QJsonDocument::fromJson(given.out.toUtf8()).object().value(QStringLiteral("id")).toString(),
              uuidText(ken));
    EXPECT_EQ(scalar(QStringLiteral("SELECT string_agg(role || '/' || agent_role, ',') FROM crm.agent "
                                    "WHERE name = '佐藤 健' AND team_id = ?::uuid"),
                     {uuidText(w.made.team)})
                  .toString(),
              QStringLiteral("agent/") + kenLogin);
    // Two people of that name without a login: the login goes to neither.
    ASSERT_TRUE(addServerTeam(admin, QStringLiteral("Osaka 2")));
    const QString samesake = QStringLiteral("INSERT INTO crm.agent (id, name, role, team_id) VALUES "
                                            "(gen_random_uuid(), '伊藤 美香', 'agent', (SELECT id FROM crm.team "
                                            "WHERE name = 'Osaka 2'))");
    ASSERT_TRUE(QSqlQuery(admin).exec(samesake));
    const CliResult which = serverCli(QStringList{QStringLiteral("server"), QStringLiteral("add-agent"),
                                                  QStringLiteral("mika_%1").arg(loginA), QStringLiteral("--name"),
                                                  QStringLiteral("伊藤 美香"), QStringLiteral("--password-stdin")}
                                          + where,
                                      password.toUtf8() + '\n', password);
    EXPECT_EQ(which.exitCode, 1);
    EXPECT_TRUE(which.err.contains(QStringLiteral("--team"))) << which.err.toStdString();
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM crm.agent WHERE name = '伊藤 美香' AND agent_role IS NULL"))
                  .toInt(),
              2);
    // Named with her team (and typed with a full-width space, as a Japanese
    // input method does) the login goes on her row, as an agent: the lead
    // role her row got in a local copy gives a login no rights by itself.
    const QString mikaLogin = QStringLiteral("mika_%1").arg(loginA);
    const CliResult mikas = serverCli(QStringList{QStringLiteral("server"), QStringLiteral("add-agent"), mikaLogin,
                                                  QStringLiteral("--name"), QStringLiteral("伊藤\u3000美香"),
                                                  QStringLiteral("--team"), QStringLiteral("お客様窓口"),
                                                  QStringLiteral("--password-stdin")}
                                          + where,
                                      password.toUtf8() + '\n', password);
    ASSERT_EQ(mikas.exitCode, 0) << mikas.err.toStdString();
    EXPECT_EQ(scalar(QStringLiteral("SELECT role || '/' || agent_role FROM crm.agent WHERE id = ?::uuid"),
                     {uuidText(mika)})
                  .toString(),
              QStringLiteral("agent/") + mikaLogin);
    // Their own copy, new, finds them signed in with the ticket that is theirs.
    SyncClient kens(kenLogin, as(kenLogin, password), ken);
    ASSERT_SYNCS(kens);
    EXPECT_EQ(ClientState(kens.local()).currentAgent(), ken);
    EXPECT_EQ(ticketOf(kens, w.ticket).assigneeId, ken);
    ASSERT_SYNCS(*c);
    EXPECT_EQ(c->scalar(QStringLiteral("SELECT count(*) FROM agents")).toInt(),
              9); // the server's 5, 3 brought, 1 of the same name
    EXPECT_EQ(c->outboxSize(), 0);
}

// A login that is not an administrator's cannot bring the people and team
// it made locally: the server refuses them, and the ticket that names them,
// in words; the rest goes, and the outbox empties.
TEST_F(SyncFixture, ANonAdminLoginIsRefusedLocalPeopleAndTheRestGoes)
{
    auto c = client(loginA);
    const LocalWorkspace w = workLocallyFirst(*c);
    ASSERT_FALSE(w.ticket.isNull());
    const QUuid call = logCall(*c, w.customer, {}, QStringLiteral("Called about the VPN"));

    const auto report = c->sync();
    ASSERT_TRUE(report) << text(report.error());
    EXPECT_EQ(report->rejected, 6); // the team (made, then given its lead), three people, the ticket
    EXPECT_EQ(c->outboxSize(), 0);
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM crm.customer WHERE id = ?::uuid"), {uuidText(w.customer)})
                  .toInt(),
              1);
    EXPECT_EQ(scalar(QStringLiteral("SELECT agent_id::text FROM crm.interaction WHERE id = ?::uuid"), {uuidText(call)})
                  .toString(),
              uuidText(agentA));
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM crm.agent WHERE agent_role IS NULL")).toInt(), 0);
    EXPECT_EQ(ClientState(c->local()).currentAgent(), agentA);

    // Each refusal is the author's to see, and says why.
    const auto open = ConflictStore(c->local(), agentA).open();
    ASSERT_TRUE(open);
    QStringList why;
    for (const SyncConflict &conflict : open.value())
        why << conflict.entity + QStringLiteral(": ") + ConflictStore::reasonText(conflict.reason, conflict.entity);
    why.sort();
    const QString directory = QStringLiteral(
        "Only an administrator's login can add people and teams to the team server, or change them.");
    EXPECT_EQ(why, (QStringList{QStringLiteral("agent: ") + directory, QStringLiteral("agent: ") + directory,
                                QStringLiteral("agent: ") + directory, QStringLiteral("team: ") + directory,
                                QStringLiteral("team: ") + directory,
                                QStringLiteral("ticket: Its team is not on the team server.")}));

    // Nothing is left to send; new work goes as usual.
    const auto again = c->sync();
    ASSERT_TRUE(again) << text(again.error());
    EXPECT_EQ(again->pushed, 0);
    c->agent = ClientState(c->local()).currentAgent(); // as the app works from now on
    const QUuid next = addTicket(*c, w.customer, tokyo, agentA, QStringLiteral("VPN drops again"));
    ASSERT_SYNCS(*c);
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM crm.ticket WHERE id = ?::uuid"), {uuidText(next)}).toInt(), 1);
    EXPECT_EQ(c->outboxSize(), 0);
}
