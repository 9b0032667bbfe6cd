#include "demo/demogenerator.h"
#include "domain/emailaddress.h"
#include "domain/phonenumber.h"
#include "domain/textnormalizer.h"
#include "repositories/customerrepository.h"
#include "services/slaengine.h"
#include "storage/databaseinfo.h"
#include "storage/rowcodec.h"
#include "storage/transaction.h"
#include "testsupport.h"

#include <QCryptographicHash>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTimeZone>

#include <gtest/gtest.h>

using namespace madoguchi;
using madoguchi::test::TempDatabase;

namespace {

DemoOptions smallDemo(quint64 seed)
{
    DemoOptions o;
    o.seed = seed;
    o.customers = 1'500;
    o.tickets = 6'000;
    o.interactions = 18'000;
    o.anchor = QDate(2026, 11, 1);
    o.days = 180;
    return o;
}

// A digest of every row of every table, in key order.
QByteArray contentDigest(QSqlDatabase db)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const char *table : {"teams", "agents", "organizations", "customers", "customer_contacts", "tickets",
                              "ticket_events", "interactions", "csat_responses"}) {
        QSqlQuery q(db);
        q.exec(QStringLiteral("SELECT * FROM %1 ORDER BY id").arg(QLatin1String(table)));
        while (q.next()) {
            for (int i = 0; i < q.record().count(); ++i)
                hash.addData(q.value(i).toString().toUtf8() + q.value(i).toByteArray() + '|');
        }
    }
    return hash.result().toHex();
}

double share(TempDatabase &db, const QString &where, const QString &table = QStringLiteral("tickets"))
{
    return db.scalar(QStringLiteral("SELECT avg(CASE WHEN %1 THEN 1.0 ELSE 0 END) FROM %2").arg(where, table)).toDouble();
}

class DemoData : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        s_db = new TempDatabase;
        const auto summary = generateDemoData(s_db->database(), smallDemo(7));
        ASSERT_TRUE(summary) << summary.error().message.toStdString();
        s_summary = summary.value();
    }
    static void TearDownTestSuite()
    {
        delete s_db;
        s_db = nullptr;
    }
    static TempDatabase *s_db;
    static DemoSummary s_summary;
};

TempDatabase *DemoData::s_db = nullptr;
DemoSummary DemoData::s_summary;

} // namespace

TEST_F(DemoData, HasExactlyTheRequestedCounts)
{
    EXPECT_EQ(s_summary.customers, 1'500);
    EXPECT_EQ(s_summary.tickets, 6'000);
    EXPECT_EQ(s_summary.interactions, 18'000);
    EXPECT_EQ(s_summary.teams, 3);
    EXPECT_GE(s_summary.agents, 15);
    EXPECT_EQ(s_db->scalar(QStringLiteral("SELECT count(*) FROM interactions")).toInt(), 18'000);
    EXPECT_EQ(s_db->scalar(QStringLiteral("SELECT count(*) FROM tickets")).toInt(), 6'000);
}

TEST_F(DemoData, PassesIntegrityAndForeignKeyChecksAndIsMarkedAsDemo)
{
    const auto info = inspectDatabase(s_db->database(), true);
    ASSERT_TRUE(info);
    EXPECT_TRUE(info->integrityProblems.isEmpty());
    EXPECT_EQ(info->foreignKeyProblems, 0);
    EXPECT_TRUE(info->isDemo);
    EXPECT_EQ(info->outboxPending, 0); // seed data is not a local change to sync
    EXPECT_EQ(s_db->scalar(QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
    EXPECT_EQ(s_db->scalar(QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
}

TEST_F(DemoData, EveryPhoneNumberAndEmailAddressIsValid)
{
    QSqlQuery q(s_db->connection());
    ASSERT_TRUE(q.exec(QStringLiteral("SELECT kind, value FROM customer_contacts")));
    int phones = 0;
    int japanese = 0;
    int american = 0;
    while (q.next()) {
        const QString value = q.value(1).toString();
        if (q.value(0).toString() == u"phone") {
            ++phones;
            const auto parsed = PhoneNumber::parse(value, QStringLiteral("ZZ"));
            ASSERT_TRUE(parsed) << value.toStdString();
            EXPECT_EQ(parsed->e164(), value);
            japanese += parsed->regionCode() == u"JP";
            american += parsed->regionCode() == u"US";
        } else {
            EXPECT_TRUE(EmailAddress::parse(value)) << value.toStdString();
        }
    }
    EXPECT_GT(phones, 1'500);
    EXPECT_GT(japanese, phones / 2);
    EXPECT_GT(american, phones / 50);
}

TEST_F(DemoData, NamesHaveKatakanaReadingsAndBothLanguagesAppear)
{
    QSqlQuery q(s_db->connection());
    ASSERT_TRUE(q.exec(QStringLiteral("SELECT name, name_reading, sort_key FROM customers")));
    int latin = 0;
    while (q.next()) {
        const QString reading = q.value(1).toString();
        ASSERT_FALSE(reading.isEmpty());
        EXPECT_EQ(text::toKatakanaReading(reading), reading);
        EXPECT_TRUE(text::isPlausibleReading(reading)) << reading.toStdString();
        EXPECT_EQ(q.value(2).toString(), text::searchKey(reading));
        latin += q.value(0).toString().at(0).unicode() < 0x80;
    }
    EXPECT_GT(latin, 100); // ~15 % English names
    EXPECT_LT(latin, 450);
}

TEST_F(DemoData, ArrivalsFollowWeekdaysAndOfficeHoursInTokyo)
{
    // Times are UTC milliseconds; Tokyo is UTC+9.
    const QString localHour = QStringLiteral("CAST(strftime('%H', created_at / 1000 + 32400, 'unixepoch') AS INTEGER)");
    const QString localDay = QStringLiteral("CAST(strftime('%w', created_at / 1000 + 32400, 'unixepoch') AS INTEGER)");
    EXPECT_GT(share(*s_db, localHour + QStringLiteral(" BETWEEN 9 AND 17")), 0.65);
    EXPECT_LT(share(*s_db, localHour + QStringLiteral(" BETWEEN 0 AND 5")), 0.03);
    const double monday = share(*s_db, localDay + QStringLiteral(" = 1"));
    const double sunday = share(*s_db, localDay + QStringLiteral(" = 0"));
    EXPECT_GT(monday, 2.5 * sunday);
    const qint64 from = QDateTime(QDate(2026, 11, 1).addDays(-180), QTime(0, 0), QTimeZone(9 * 3600)).toMSecsSinceEpoch();
    const qint64 to = QDateTime(QDate(2026, 11, 1), QTime(0, 0), QTimeZone(9 * 3600)).toMSecsSinceEpoch();
    EXPECT_EQ(s_db->scalar(QStringLiteral("SELECT count(*) FROM tickets WHERE created_at < %1 OR created_at >= %2")
                               .arg(from)
                               .arg(to))
                  .toInt(),
              0);
}

TEST_F(DemoData, ChannelsAndPrioritiesHaveARealisticMix)
{
    EXPECT_NEAR(share(*s_db, QStringLiteral("channel = 'phone'")), 0.42, 0.04);
    EXPECT_NEAR(share(*s_db, QStringLiteral("channel = 'email'")), 0.30, 0.04);
    EXPECT_NEAR(share(*s_db, QStringLiteral("priority = 'urgent'")), 0.05, 0.02);
    EXPECT_NEAR(share(*s_db, QStringLiteral("priority = 'normal'")), 0.57, 0.04);
    EXPECT_GT(share(*s_db, QStringLiteral("escalation_level > 0")), 0.02);
    EXPECT_GT(share(*s_db, QStringLiteral("reopen_count > 0")), 0.01);
    EXPECT_GT(share(*s_db, QStringLiteral("status NOT IN ('solved', 'closed')")), 0.005);
}

TEST_F(DemoData, TimesAreConsistent)
{
    EXPECT_EQ(s_db->scalar(QStringLiteral("SELECT count(*) FROM tickets WHERE first_responded_at < created_at "
                                          "OR solved_at < first_responded_at OR closed_at < solved_at "
                                          "OR (status IN ('solved','closed')) != (solved_at IS NOT NULL)"))
                  .toInt(),
              0);
    EXPECT_EQ(s_db->scalar(QStringLiteral("SELECT count(*) FROM interactions i JOIN tickets t ON t.id = i.ticket_id "
                                          "WHERE i.started_at < t.created_at"))
                  .toInt(),
              0);
    // Urgent tickets are answered faster than low-priority ones (median-ish via average of logs).
    const double urgent = s_db->scalar(QStringLiteral("SELECT avg(first_responded_at - created_at) FROM tickets "
                                                      "WHERE priority = 'urgent' AND channel = 'email'"))
                              .toDouble();
    const double low = s_db->scalar(QStringLiteral("SELECT avg(first_responded_at - created_at) FROM tickets "
                                                   "WHERE priority = 'low' AND channel = 'email'"))
                           .toDouble();
    EXPECT_LT(urgent, low);
}

TEST_F(DemoData, FirstResponseIsTheFirstAgentInteractionThatReachesTheCustomer)
{
    // DESIGN.md §4: any outbound interaction, or an inbound phone/chat/visit handled live.
    const int mismatches
        = s_db
              ->scalar(QStringLiteral(
                  "SELECT count(*) FROM tickets t WHERE t.first_responded_at IS NOT (SELECT min(i.started_at) FROM interactions i "
                  "WHERE i.ticket_id = t.id AND (i.direction = 'outbound' OR i.channel IN ('phone', 'chat', 'visit')))"))
              .toInt();
    EXPECT_EQ(mismatches, 0);
}

TEST_F(DemoData, SatisfactionScoresLeanPositiveAndComplaintsAreLowScores)
{
    const double satisfied = share(*s_db, QStringLiteral("csat >= 4"), QStringLiteral("csat_responses"));
    EXPECT_GT(satisfied, 0.6);
    EXPECT_LT(satisfied, 0.95);
    EXPECT_EQ(s_db->scalar(QStringLiteral("SELECT count(*) FROM csat_responses WHERE complaint = 1 AND csat > 2"))
                  .toInt(),
              0);
    EXPECT_EQ(s_db->scalar(QStringLiteral("SELECT count(*) FROM csat_responses c JOIN tickets t ON t.id = c.ticket_id "
                                          "WHERE c.received_at < t.solved_at"))
                  .toInt(),
              0);
}

TEST(DemoGenerator, SameSeedGivesTheSameDatabaseAndAnotherSeedDoesNot)
{
    DemoOptions options = smallDemo(11);
    options.customers = 300;
    options.tickets = 1'000;
    options.interactions = 2'500;
    TempDatabase a;
    TempDatabase b;
    TempDatabase c;
    ASSERT_TRUE(generateDemoData(a.database(), options));
    ASSERT_TRUE(generateDemoData(b.database(), options));
    options.seed = 12;
    ASSERT_TRUE(generateDemoData(c.database(), options));
    EXPECT_EQ(contentDigest(a.connection()), contentDigest(b.connection()));
    EXPECT_NE(contentDigest(a.connection()), contentDigest(c.connection()));
}

TEST(DemoGenerator, RefusesADatabaseThatAlreadyHoldsData)
{
    TempDatabase db;
    Customer c;
    c.name = QStringLiteral("山田 太郎");
    ASSERT_TRUE(CustomerRepository(db.connection()).add(c));
    const QString schemaQuery = QStringLiteral(
        "SELECT group_concat(name) FROM (SELECT name FROM sqlite_master ORDER BY name)");
    const QString schemaBefore = db.scalar(schemaQuery).toString();
    const auto summary = generateDemoData(db.database(), smallDemo(1));
    ASSERT_FALSE(summary);
    EXPECT_EQ(summary.error().code, Error::Code::Invalid);
    EXPECT_EQ(db.scalar(QStringLiteral("SELECT count(*) FROM customers")).toInt(), 1);
    EXPECT_EQ(db.scalar(schemaQuery).toString(), schemaBefore); // indexes and triggers untouched
}

TEST(DemoGenerator, KeepsItsInvariantsWhenInteractionsAreScarce)
{
    DemoOptions options = smallDemo(3);
    options.customers = 50;
    options.tickets = 400;
    options.interactions = 100; // fewer than the tickets need
    TempDatabase db;
    const auto summary = generateDemoData(db.database(), options);
    ASSERT_TRUE(summary);
    EXPECT_EQ(summary->interactions, 100);
    EXPECT_EQ(db.scalar(
                    QStringLiteral("SELECT count(*) FROM tickets t WHERE first_responded_at IS NOT NULL AND NOT EXISTS "
                                   "(SELECT 1 FROM interactions i WHERE i.ticket_id = t.id)"))
                  .toInt(),
              0);
}

TEST(DemoGenerator, RejectsNonsensicalSizes)
{
    TempDatabase db;
    DemoOptions options = smallDemo(1);
    options.customers = 0;
    EXPECT_FALSE(generateDemoData(db.database(), options));
    options.customers = 10;
    options.days = 0;
    EXPECT_FALSE(generateDemoData(db.database(), options));
}

TEST_F(DemoData, SlaDueTimesAreThoseTheEngineDerivesFromTheHistory)
{
    // The generator computes the due times from the same status history it
    // writes as events: recomputing every ticket must change nothing.
    const QString digest = QStringLiteral(
        "SELECT count(*), sum(first_response_due IS NOT NULL), sum(resolution_due IS NOT NULL), "
        "total(first_response_due % 1000003), total(resolution_due % 1000003), "
        "round(total(first_response_business_min), 3), round(total(resolution_business_min), 3) FROM tickets");
    auto read = [&] {
        QSqlQuery q(s_db->connection());
        EXPECT_TRUE(q.exec(digest) && q.next());
        QStringList out;
        for (int i = 0; i < 7; ++i)
            out << q.value(i).toString();
        return out;
    };
    const QStringList before = read();
    EXPECT_GT(before.at(2).toInt(), 5000); // nearly every ticket has a resolution target
    QSqlQuery ids(s_db->connection());
    ASSERT_TRUE(ids.exec(QStringLiteral("SELECT id FROM tickets")));
    SlaEngine engine(s_db->connection());
    {
        Transaction tx(s_db->connection());
        while (ids.next())
            ASSERT_TRUE(engine.recompute(rowcodec::key(ids.value(0))));
        ASSERT_TRUE(tx.commit());
    }
    EXPECT_EQ(read(), before);
    // Every ticket counts the interactions on it.
    EXPECT_EQ(s_db
                  ->scalar(QStringLiteral(
                      "SELECT count(*) FROM tickets t WHERE t.interaction_count != "
                      "(SELECT count(*) FROM interactions i WHERE i.ticket_id = t.id AND i.deleted_at IS NULL)"))
                  .toInt(),
              0);
    // A waiting ticket's clock is stopped: it has a due time only if that
    // passed before it began to wait (breached already).
    EXPECT_EQ(s_db->scalar(QStringLiteral("SELECT count(*) FROM tickets t WHERE status IN ('pending', 'on_hold') "
                                          "AND resolution_due > (SELECT max(at) FROM ticket_events e "
                                          "WHERE e.ticket_id = t.id AND e.field = 'status')"))
                  .toInt(),
              0);
    EXPECT_GT(s_db->scalar(QStringLiteral("SELECT count(*) FROM tickets WHERE status IN ('pending', 'on_hold') "
                                          "AND resolution_due IS NULL"))
                  .toInt(),
              0);
}
