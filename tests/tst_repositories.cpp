#include "domain/uuid.h"
#include "repositories/customerrepository.h"
#include "repositories/directoryrepository.h"
#include "repositories/interactionrepository.h"
#include "repositories/ticketrepository.h"
#include "testsupport.h"

#include <gtest/gtest.h>

using namespace madoguchi;
using madoguchi::test::TempDatabase;

namespace {

ContactPoint phone(const char *input)
{
    const auto parsed = PhoneNumber::parse(QString::fromUtf8(input), QStringLiteral("JP"));
    EXPECT_TRUE(parsed) << input;
    return {QUuid(), ContactKind::Phone, parsed ? parsed->e164() : QString(), QStringLiteral("work"), false};
}

ContactPoint email(const char *input)
{
    return {QUuid(), ContactKind::Email, EmailAddress::parse(QString::fromUtf8(input))->address(), QString(), false};
}

} // namespace

TEST(CustomerRepository, RoundTripsEveryField)
{
    TempDatabase db;
    DirectoryRepository directory(db.connection());
    Organization org;
    org.name = QStringLiteral("株式会社山田商事");
    org.nameReading = QStringLiteral("ヤマダショウジ");
    const auto orgId = directory.addOrganization(org);
    ASSERT_TRUE(orgId);

    CustomerRepository customers(db.connection());
    Customer c;
    c.name = QStringLiteral("山田 太郎");
    c.nameReading = QStringLiteral("ヤマダ タロウ");
    c.organizationId = orgId.value();
    c.contacts = {phone("03-1234-5678"), email("taro@example.co.jp")};
    c.contacts[0].primary = true;
    c.address = QStringLiteral("東京都千代田区1-2-3");
    c.tier = CustomerTier::Premium;
    c.tags = {QStringLiteral("長期契約"), QStringLiteral("代理店")};
    c.notes = QStringLiteral("午前中の連絡を希望");
    const auto id = customers.add(c);
    ASSERT_TRUE(id) << id.error().message.toStdString();
    EXPECT_EQ(id.value().data3 >> 12, 7); // UUID version 7

    const auto read = customers.get(id.value());
    ASSERT_TRUE(read);
    EXPECT_EQ(read->name, c.name);
    EXPECT_EQ(read->nameReading, c.nameReading);
    EXPECT_EQ(read->organizationId, orgId.value());
    EXPECT_EQ(read->address, c.address);
    EXPECT_EQ(read->tier, CustomerTier::Premium);
    EXPECT_EQ(read->tags, c.tags);
    EXPECT_EQ(read->notes, c.notes);
    ASSERT_EQ(read->contacts.size(), 2);
    EXPECT_EQ(read->phones().constFirst().e164(), QStringLiteral("+81312345678"));
    EXPECT_EQ(read->emails().constFirst().address(), QStringLiteral("taro@example.co.jp"));
    EXPECT_EQ(read->meta.rev, 0);
    EXPECT_TRUE(read->meta.createdAt.isValid());
    EXPECT_EQ(db.scalar(QStringLiteral("SELECT sort_key FROM customers")).toString(), QStringLiteral("やまだ たろう"));
}

TEST(CustomerRepository, InvalidCustomersAreRefusedAndNothingIsWritten)
{
    TempDatabase db;
    CustomerRepository customers(db.connection());
    Customer c;
    c.name = QStringLiteral("  ");
    c.nameReading = QStringLiteral("山田");
    c.contacts = {{QUuid(), ContactKind::Phone, QStringLiteral("03-1234"), QString(), false},
                  {QUuid(), ContactKind::Email, QStringLiteral("not-an-address"), QString(), false}};
    const auto added = customers.add(c);
    ASSERT_FALSE(added);
    EXPECT_EQ(added.error().code, Error::Code::Invalid);
    const auto errors = validate(c);
    QStringList fields;
    for (const auto &e : errors)
        fields << e.field;
    EXPECT_EQ(fields, (QStringList{QStringLiteral("name"), QStringLiteral("nameReading"), QStringLiteral("phones"),
                                   QStringLiteral("emails")}));
    EXPECT_EQ(db.scalar(QStringLiteral("SELECT count(*) FROM customers")).toInt(), 0);
    EXPECT_EQ(db.scalar(QStringLiteral("SELECT count(*) FROM sync_outbox")).toInt(), 0);
}

TEST(CustomerRepository, FindsCustomersByAnyFormOfTheirPhoneNumberAndByEmail)
{
    TempDatabase db;
    CustomerRepository customers(db.connection());
    Customer c;
    c.name = QStringLiteral("佐藤 花子");
    c.contacts = {phone("090-1234-5678"), email("Hanako.Sato@Example.jp")};
    const auto id = customers.add(c);
    ASSERT_TRUE(id);
    for (const char *form : {"09012345678", "+81 90 1234 5678", "０９０－１２３４－５６７８"}) {
        const auto found = customers.findByPhone(
            PhoneNumber::parse(QString::fromUtf8(form), QStringLiteral("JP")).value());
        ASSERT_TRUE(found);
        ASSERT_EQ(found->size(), 1) << form;
        EXPECT_EQ(found->constFirst().id, id.value());
    }
    const auto byEmail = customers.findByEmail(EmailAddress::parse(QStringLiteral("hanako.sato@example.jp")).value());
    ASSERT_TRUE(byEmail);
    EXPECT_EQ(byEmail->size(), 1);
    const auto other = customers.findByPhone(
        PhoneNumber::parse(QStringLiteral("03-9999-0000"), QStringLiteral("JP")).value());
    ASSERT_TRUE(other);
    EXPECT_TRUE(other->isEmpty());
}

TEST(CustomerRepository, UpdateAddsChangesAndRemovesContacts)
{
    TempDatabase db;
    CustomerRepository customers(db.connection());
    Customer c;
    c.name = QStringLiteral("鈴木 一郎");
    c.contacts = {phone("03-1111-2222"), phone("090-3333-4444")};
    const auto id = customers.add(c);
    ASSERT_TRUE(id);
    Customer current = customers.get(id.value()).value();
    current.contacts.removeIf([](const ContactPoint &p) { return p.value == u"+81311112222"; });
    current.contacts[0].label = QStringLiteral("mobile");
    current.contacts.append(email("ichiro@example.jp"));
    ASSERT_TRUE(customers.update(current));
    const Customer after = customers.get(id.value()).value();
    ASSERT_EQ(after.contacts.size(), 2);
    EXPECT_EQ(after.phones().size(), 1);
    EXPECT_EQ(after.phones().constFirst().e164(), QStringLiteral("+819033334444"));
    EXPECT_EQ(after.emails().size(), 1);
    EXPECT_TRUE(customers.findByPhone(PhoneNumber::fromE164(QStringLiteral("+81311112222")))->isEmpty());
    EXPECT_EQ(customers.count().value(), 1);
}

TEST(CustomerRepository, UpdatingADeletedCustomerFails)
{
    TempDatabase db;
    CustomerRepository customers(db.connection());
    Customer c;
    c.name = QStringLiteral("田中 次郎");
    const auto id = customers.add(c);
    ASSERT_TRUE(id);
    c.id = id.value();
    ASSERT_TRUE(customers.remove(c.id));
    c.notes = QStringLiteral("x");
    const auto updated = customers.update(c);
    ASSERT_FALSE(updated);
    EXPECT_EQ(updated.error().code, Error::Code::NotFound);
    EXPECT_EQ(customers.count().value(), 0);
}

TEST(InteractionRepository, HistoryIsNewestFirst)
{
    TempDatabase db;
    CustomerRepository customers(db.connection());
    Customer c;
    c.name = QStringLiteral("Alice Smith");
    c.nameReading = QStringLiteral("アリス スミス");
    const auto customer = customers.add(c);
    ASSERT_TRUE(customer);
    InteractionRepository interactions(db.connection());
    const QDateTime base = QDateTime(QDate(2026, 4, 1), QTime(9, 0), Qt::UTC);
    for (int i = 0; i < 3; ++i) {
        Interaction call;
        call.customerId = customer.value();
        call.channel = i == 1 ? Channel::Email : Channel::Phone;
        call.direction = Direction::Inbound;
        call.startedAt = base.addSecs(3600 * i);
        call.durationSeconds = 120 + i;
        call.outcome = Outcome::Resolved;
        call.notes = QStringLiteral("note %1").arg(i);
        ASSERT_TRUE(interactions.add(call));
    }
    const auto history = interactions.forCustomer(customer.value());
    ASSERT_TRUE(history);
    ASSERT_EQ(history->size(), 3);
    EXPECT_EQ(history->at(0).notes, QStringLiteral("note 2"));
    EXPECT_EQ(history->at(1).channel, Channel::Email);
    EXPECT_EQ(history->at(2).startedAt, base);
    EXPECT_EQ(history->at(2).durationSeconds, 120);
    EXPECT_EQ(history->at(2).outcome, Outcome::Resolved);
}

TEST(InteractionRepository, ValidationCatchesImpossibleValues)
{
    Interaction call;
    call.customerId = newUuidV7();
    call.startedAt = QDateTime::currentDateTimeUtc();
    call.durationSeconds = -5;
    call.outcome = Outcome::CallbackScheduled;
    QStringList fields;
    for (const auto &e : validate(call))
        fields << e.field;
    EXPECT_EQ(fields, (QStringList{QStringLiteral("duration"), QStringLiteral("callbackAt")}));
}

TEST(TicketRepository, StoresTicketsAndFindsThemByNumber)
{
    TempDatabase db;
    DirectoryRepository directory(db.connection());
    Team team;
    team.name = QStringLiteral("技術サポート");
    const auto teamId = directory.addTeam(team);
    ASSERT_TRUE(teamId);
    Agent agent;
    agent.name = QStringLiteral("高橋 美咲");
    agent.email = QStringLiteral("misaki@support.example.jp");
    agent.teamId = teamId.value();
    const auto agentId = directory.addAgent(agent);
    ASSERT_TRUE(agentId);
    EXPECT_EQ(directory.agentByName(QStringLiteral("高橋 美咲"))->id, agentId.value());
    EXPECT_EQ(directory.teams()->size(), 1);

    CustomerRepository customers(db.connection());
    Customer c;
    c.name = QStringLiteral("伊藤 健");
    const auto customer = customers.add(c);
    ASSERT_TRUE(customer);

    TicketRepository tickets(db.connection(), agentId.value());
    Ticket t;
    t.number = QStringLiteral("K7Q-42");
    t.customerId = customer.value();
    t.subject = QStringLiteral("ログインできない");
    t.priority = Priority::High;
    t.assigneeId = agentId.value();
    t.teamId = teamId.value();
    t.tags = {QStringLiteral("ログイン")};
    const auto id = tickets.add(t);
    ASSERT_TRUE(id);
    const auto read = tickets.byNumber(QStringLiteral("k7q-42"));
    ASSERT_TRUE(read);
    EXPECT_EQ(read->id, id.value());
    EXPECT_EQ(read->priority, Priority::High);
    EXPECT_EQ(read->status, TicketStatus::New);
    EXPECT_EQ(read->tags, t.tags);
    EXPECT_EQ(read->meta.createdBy, agentId.value());
    const auto events = tickets.events(id.value());
    ASSERT_TRUE(events);
    ASSERT_EQ(events->size(), 1);
    EXPECT_EQ(events->constFirst().field, QStringLiteral("created"));
    EXPECT_EQ(events->constFirst().agentId, agentId.value());
    EXPECT_FALSE(tickets.byNumber(QStringLiteral("NOPE-1")));
}

TEST(Uuid, VersionSevenKeysSortByCreationTime)
{
    const QUuid a = uuidV7(1'700'000'000'000, 1, 2);
    const QUuid b = uuidV7(1'700'000'000'001, 0, 0);
    EXPECT_EQ(a.data3 >> 12, 7);
    EXPECT_EQ(a.variant(), QUuid::DCE);
    EXPECT_LT(uuidToBlob(a), uuidToBlob(b));
    EXPECT_EQ(uuidFromBlob(uuidToBlob(a)), a);
    EXPECT_NE(newUuidV7(), newUuidV7());
}

TEST(Uuid, KeysMadeInTheSameMillisecondStillSortInOrder)
{
    // Thousands of keys come within one millisecond in a bulk action: each
    // must sort after the one before (RFC 9562 method 1 counter).
    QByteArray previous = uuidToBlob(newUuidV7());
    for (int i = 0; i < 20'000; ++i) {
        const QUuid next = newUuidV7();
        ASSERT_EQ(next.data3 >> 12, 7);
        ASSERT_LT(previous, uuidToBlob(next)) << i;
        previous = uuidToBlob(next);
    }
}
