// Every local change is recorded in sync_outbox in the same transaction as the
// change itself (DESIGN.md §3, §5): both commit, or neither does.
#include "domain/uuid.h"
#include "repositories/customerrepository.h"
#include "repositories/directoryrepository.h"
#include "repositories/interactionrepository.h"
#include "repositories/ticketrepository.h"
#include "storage/changewriter.h"
#include "storage/syncentities.h"
#include "storage/transaction.h"
#include "testsupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

#include <gtest/gtest.h>

using namespace madoguchi;
using madoguchi::test::TempDatabase;

namespace {

Customer yamada()
{
    Customer c;
    c.name = QStringLiteral("山田 太郎");
    c.nameReading = QStringLiteral("ヤマダ タロウ");
    c.contacts = {{QUuid(), ContactKind::Phone, QStringLiteral("+81312345678"), QStringLiteral("work"), true},
                  {QUuid(), ContactKind::Email, QStringLiteral("taro@example.co.jp"), QString(), true}};
    return c;
}

struct OutboxRow
{
    qint64 mutationId;
    QString entity;
    QString op;
    QJsonObject payload;
    QJsonObject base;
};

QList<OutboxRow> outbox(QSqlDatabase db)
{
    QSqlQuery q(db);
    q.exec(QStringLiteral("SELECT mutation_id, entity, op, payload, base FROM sync_outbox ORDER BY mutation_id"));
    QList<OutboxRow> rows;
    while (q.next())
        rows.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                     QJsonDocument::fromJson(q.value(3).toString().toUtf8()).object(),
                     QJsonDocument::fromJson(q.value(4).toString().toUtf8()).object()});
    return rows;
}

} // namespace

TEST(Outbox, AddingACustomerRecordsTheCustomerAndEachContact)
{
    TempDatabase db;
    CustomerRepository customers(db.connection());
    const auto id = customers.add(yamada());
    ASSERT_TRUE(id) << id.error().message.toStdString();
    const auto rows = outbox(db.connection());
    ASSERT_EQ(rows.size(), 3);
    EXPECT_EQ(rows[0].entity, QStringLiteral("customers"));
    EXPECT_EQ(rows[0].op, QStringLiteral("insert"));
    EXPECT_EQ(rows[0].payload.value(QStringLiteral("name")).toString(), QStringLiteral("山田 太郎"));
    EXPECT_EQ(rows[1].entity, QStringLiteral("customer_contacts"));
    EXPECT_EQ(rows[1].payload.value(QStringLiteral("customer_id")).toString(), uuidToText(id.value()));
    EXPECT_EQ(rows[2].payload.value(QStringLiteral("value")).toString(), QStringLiteral("taro@example.co.jp"));
}

TEST(Outbox, MutationIdsAreContiguousEvenAfterARollback)
{
    TempDatabase db;
    CustomerRepository customers(db.connection());
    ASSERT_TRUE(customers.add(yamada()));
    {
        Transaction tx(db.connection());
        ASSERT_TRUE(tx.isActive());
        ASSERT_TRUE(ChangeWriter(db.connection())
                        .insert(QStringLiteral("teams"), newUuidV7(), {{QStringLiteral("name"), QStringLiteral("x")}}));
        // no commit: rolled back by the destructor
    }
    Customer second = yamada();
    second.name = QStringLiteral("佐藤 花子");
    second.contacts.clear();
    ASSERT_TRUE(customers.add(second));
    const auto rows = outbox(db.connection());
    ASSERT_EQ(rows.size(), 4);
    for (int i = 0; i < rows.size(); ++i)
        EXPECT_EQ(rows[i].mutationId, i + 1);
    EXPECT_EQ(db.scalar(QStringLiteral("SELECT count(*) FROM teams")).toInt(), 0);
}

TEST(Outbox, AFailedWriteLeavesNeitherTheRowNorItsMutation)
{
    TempDatabase db;
    InteractionRepository interactions(db.connection());
    Interaction call;
    call.customerId = newUuidV7(); // no such customer: the foreign key refuses it
    call.startedAt = QDateTime::currentDateTimeUtc();
    const auto added = interactions.add(call);
    ASSERT_FALSE(added);
    EXPECT_EQ(added.error().code, Error::Code::Invalid);
    EXPECT_EQ(db.scalar(QStringLiteral("SELECT count(*) FROM interactions")).toInt(), 0);
    EXPECT_EQ(db.scalar(QStringLiteral("SELECT count(*) FROM sync_outbox")).toInt(), 0);
}

TEST(Outbox, UpdatesCarryOnlyTheChangedFieldsAndTheirBaseValues)
{
    TempDatabase db;
    CustomerRepository customers(db.connection());
    const auto id = customers.add(yamada());
    ASSERT_TRUE(id);
    auto customer = customers.get(id.value());
    ASSERT_TRUE(customer);
    Customer changed = customer.value();
    changed.notes = QStringLiteral("折り返し希望");
    changed.tier = CustomerTier::Vip;
    ASSERT_TRUE(customers.update(changed));
    auto rows = outbox(db.connection());
    ASSERT_EQ(rows.size(), 4);
    const OutboxRow &update = rows.last();
    EXPECT_EQ(update.op, QStringLiteral("update"));
    EXPECT_EQ(update.payload.keys(), (QStringList{QStringLiteral("notes"), QStringLiteral("tier")}));
    EXPECT_EQ(update.base.value(QStringLiteral("tier")).toString(), QStringLiteral("standard"));
    EXPECT_EQ(update.base.value(QStringLiteral("notes")).toString(), QString());

    // Saving again without changes writes nothing.
    ASSERT_TRUE(customers.update(changed));
    EXPECT_EQ(outbox(db.connection()).size(), 4);
}

TEST(Outbox, WritesOutsideATransactionAreRefused)
{
    TempDatabase db;
    ChangeWriter writer(db.connection());
    const auto r = writer.insert(QStringLiteral("teams"), newUuidV7(), {{QStringLiteral("name"), QStringLiteral("x")}});
    EXPECT_FALSE(r);
    EXPECT_EQ(db.scalar(QStringLiteral("SELECT count(*) FROM teams")).toInt(), 0);
}

TEST(Outbox, OnlyKnownTablesAndPlainColumnNamesAreWritten)
{
    TempDatabase db;
    Transaction tx(db.connection());
    ASSERT_TRUE(tx.isActive());
    ChangeWriter writer(db.connection());
    EXPECT_FALSE(writer.insert(QStringLiteral("teams; DROP TABLE customers"), newUuidV7(),
                               {{QStringLiteral("name"), QStringLiteral("x")}}));
    EXPECT_FALSE(
        writer.insert(QStringLiteral("sync_outbox"), newUuidV7(), {{QStringLiteral("entity"), QStringLiteral("x")}}));
    EXPECT_FALSE(writer.insert(QStringLiteral("teams"), newUuidV7(),
                               {{QStringLiteral("name) VALUES ('x') --"), QStringLiteral("x")}}));
    EXPECT_FALSE(writer.update(QStringLiteral("teams"), newUuidV7(), {{QStringLiteral("name = 'x', rev"), 1}}));
    EXPECT_FALSE(writer.softDelete(QStringLiteral("client_state"), newUuidV7()));
    ASSERT_TRUE(tx.commit());
    EXPECT_EQ(db.scalar(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'customers'")).toInt(), 1);
    EXPECT_EQ(db.scalar(QStringLiteral("SELECT count(*) FROM sync_outbox")).toInt(), 0);
}

TEST(Outbox, NestedTransactionsRollBackOnlyTheirOwnPart)
{
    TempDatabase db;
    Transaction outer(db.connection());
    ASSERT_TRUE(outer.isActive());
    ChangeWriter writer(db.connection());
    ASSERT_TRUE(writer.insert(QStringLiteral("teams"), newUuidV7(), {{QStringLiteral("name"), QStringLiteral("kept")}}));
    {
        Transaction inner(db.connection());
        ASSERT_TRUE(inner.isActive());
        ASSERT_TRUE(
            writer.insert(QStringLiteral("teams"), newUuidV7(), {{QStringLiteral("name"), QStringLiteral("dropped")}}));
    }
    ASSERT_TRUE(outer.commit());
    EXPECT_EQ(db.scalar(QStringLiteral("SELECT group_concat(name) FROM teams")).toString(), QStringLiteral("kept"));
    EXPECT_EQ(db.scalar(QStringLiteral("SELECT count(*) FROM sync_outbox")).toInt(), 1);
}

TEST(Outbox, DeletesAreTombstonesWithAMutation)
{
    TempDatabase db;
    CustomerRepository customers(db.connection());
    const auto id = customers.add(yamada());
    ASSERT_TRUE(id);
    ASSERT_TRUE(customers.remove(id.value()));
    EXPECT_FALSE(customers.get(id.value()));
    EXPECT_EQ(db.scalar(QStringLiteral("SELECT count(*) FROM customers WHERE deleted_at IS NOT NULL")).toInt(), 1);
    const auto rows = outbox(db.connection());
    ASSERT_EQ(rows.size(), 6); // 3 inserts, 2 contact tombstones, 1 customer tombstone
    EXPECT_EQ(rows.last().op, QStringLiteral("delete"));
    EXPECT_EQ(rows.last().entity, QStringLiteral("customers"));
}

TEST(Outbox, TicketsRecordTheirCreatedEventInTheSameTransaction)
{
    TempDatabase db;
    CustomerRepository customers(db.connection());
    const auto customer = customers.add(yamada());
    ASSERT_TRUE(customer);
    TicketRepository tickets(db.connection());
    Ticket t;
    t.number = QStringLiteral("K7Q-1");
    t.customerId = customer.value();
    t.subject = QStringLiteral("請求書の再発行");
    ASSERT_TRUE(tickets.add(t));
    const auto rows = outbox(db.connection());
    ASSERT_EQ(rows.size(), 5);
    EXPECT_EQ(rows[3].entity, QStringLiteral("tickets"));
    EXPECT_EQ(rows[4].entity, QStringLiteral("ticket_events"));
    EXPECT_EQ(rows[4].payload.value(QStringLiteral("field")).toString(), QStringLiteral("created"));

    // A duplicate number fails as a whole: no ticket, no event, no mutations.
    t.id = QUuid();
    EXPECT_FALSE(tickets.add(t));
    EXPECT_EQ(outbox(db.connection()).size(), 5);
    EXPECT_EQ(db.scalar(QStringLiteral("SELECT count(*) FROM ticket_events")).toInt(), 1);
}

// A change written now goes without the server's columns (its form 2,
// sync_outbox.wire). The server fingerprints each change, so the columns a
// form leaves out are fixed for good: a change of that form cut off on its
// first send must be sent again the same, whatever the next version knows.
// When the server takes over another column, the list grows in a new form
// (wire 3, and the pusher keeps form 2's list); this test pins form 2.
TEST(Outbox, TheColumnsAChangeOfTheCurrentFormLeavesOutAreFixed)
{
    const QStringList everyTable{QStringLiteral("rev"), QStringLiteral("scopes"), QStringLiteral("created_at"),
                                 QStringLiteral("updated_at"), QStringLiteral("created_by")};
    const QHash<QString, QStringList> beyond{
        {QStringLiteral("ticket"),
         {QStringLiteral("first_response_due"), QStringLiteral("resolution_due"), QStringLiteral("first_responded_at"),
          QStringLiteral("solved_at"), QStringLiteral("closed_at"), QStringLiteral("reopen_count"),
          QStringLiteral("first_response_business_min"), QStringLiteral("resolution_business_min")}},
        {QStringLiteral("customer_merge"), {QStringLiteral("deleted_at")}},
        // (Version 15: the server's login of an agent. No copy has the column,
        // so no change of form 2 ever carried it: the wire is unchanged.)
        {QStringLiteral("agent"), {QStringLiteral("agent_role")}},
        {QStringLiteral("ticket_event"), {QStringLiteral("deleted_at")}},
        {QStringLiteral("interaction"), {QStringLiteral("deleted_at")}},
        {QStringLiteral("csat_response"), {QStringLiteral("deleted_at")}},
        {QStringLiteral("conflict"),
         {QStringLiteral("entity"), QStringLiteral("row_id"), QStringLiteral("field"), QStringLiteral("base"),
          QStringLiteral("theirs"), QStringLiteral("yours"), QStringLiteral("client_id"), QStringLiteral("mutation_id"),
          QStringLiteral("agent_role"), QStringLiteral("detail"), QStringLiteral("deleted_at")}}};
    for (const SyncedEntity &entity : syncedEntities()) {
        SCOPED_TRACE(entity.entity.toStdString());
        QStringList pinned = beyond.value(entity.entity);
        QStringList listed = entity.serverColumns;
        pinned.sort();
        listed.sort();
        EXPECT_EQ(listed.join(u',').toStdString(), pinned.join(u',').toStdString());
        for (const QString &column : everyTable)
            EXPECT_TRUE(isServerColumn(entity, column));
        EXPECT_FALSE(isServerColumn(entity, QStringLiteral("name")));
    }
}
