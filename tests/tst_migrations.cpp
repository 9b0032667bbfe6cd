#include "repositories/customerrepository.h"
#include "storage/database.h"
#include "storage/migrations.h"
#include "testsupport.h"

#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <thread>

using namespace madoguchi;
using madoguchi::test::TempDatabase;

namespace {

QStringList objects(QSqlDatabase db, const char *type)
{
    QSqlQuery q(db);
    q.prepare(
        QStringLiteral("SELECT name FROM sqlite_master WHERE type = ? AND name NOT LIKE 'sqlite_%' ORDER BY name"));
    q.addBindValue(QString::fromLatin1(type));
    q.exec();
    QStringList out;
    while (q.next())
        out << q.value(0).toString();
    return out;
}

Customer named(const QString &name)
{
    Customer c;
    c.name = name;
    return c;
}

} // namespace

TEST(Migrations, EmbeddedMigrationsAreNumberedWithoutGaps)
{
    const auto migrations = localMigrations();
    ASSERT_GE(migrations.size(), 2);
    for (int i = 0; i < migrations.size(); ++i)
        EXPECT_EQ(migrations[i].version, i + 1) << migrations[i].name.toStdString();
    EXPECT_EQ(Database::latestSchemaVersion(), migrations.last().version);
}

TEST(Migrations, FreshDatabaseGetsTheWholeSchemaAndTheConnectionSettings)
{
    TempDatabase db;
    EXPECT_EQ(db.database().schemaVersion(), Database::latestSchemaVersion());
    EXPECT_EQ(db.scalar(QStringLiteral("PRAGMA user_version")).toInt(), Database::latestSchemaVersion());
    EXPECT_EQ(db.scalar(QStringLiteral("PRAGMA application_id")).toInt(), kMadoguchiApplicationId);
    EXPECT_EQ(db.scalar(QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
    EXPECT_EQ(db.scalar(QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
    EXPECT_EQ(db.scalar(QStringLiteral("PRAGMA synchronous")).toInt(), 2); // FULL
    EXPECT_GE(db.scalar(QStringLiteral("PRAGMA busy_timeout")).toInt(), 1000);
    const QStringList tables = objects(db.connection(), "table");
    for (const char *t : {"agents", "client_state", "csat_responses", "customer_contacts", "customers", "interactions",
                          "organizations", "sync_outbox", "teams", "ticket_events", "tickets"})
        EXPECT_TRUE(tables.contains(QString::fromLatin1(t))) << t;
    EXPECT_TRUE(objects(db.connection(), "index").contains(QStringLiteral("customer_contacts_value_nocase")));
}

TEST(Migrations, SyncedTablesCarryTheSyncColumns)
{
    TempDatabase db;
    for (const char *table : {"teams", "agents", "organizations", "customers", "customer_contacts", "tickets",
                              "interactions", "ticket_events", "csat_responses"}) {
        QSqlQuery q(db.connection());
        ASSERT_TRUE(q.exec(QStringLiteral("SELECT name FROM pragma_table_info('%1')").arg(QLatin1String(table))));
        QStringList columns;
        while (q.next())
            columns << q.value(0).toString();
        for (const char *c : {"id", "rev", "created_at", "updated_at", "deleted_at", "created_by"})
            EXPECT_TRUE(columns.contains(QString::fromLatin1(c))) << table << "." << c;
    }
}

TEST(Migrations, UpgradeFromVersionOneKeepsTheDataAndAddsTheIndexes)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("old.sqlite"));
    {
        Database::Options v1;
        v1.migrateUpTo = 1;
        auto old = Database::open(path, v1);
        ASSERT_TRUE(old) << old.error().message.toStdString();
        EXPECT_EQ(old.value()->schemaVersion(), 1);
        QSqlQuery q(old.value()->connection());
        ASSERT_TRUE(q.exec(QStringLiteral("INSERT INTO teams (id, name, created_at, updated_at) "
                                          "VALUES (randomblob(16), '第一サポート', 1, 1)")));
        EXPECT_FALSE(objects(old.value()->connection(), "index").contains(QStringLiteral("customer_contacts_customer")));
    }
    auto upgraded = Database::open(path);
    ASSERT_TRUE(upgraded) << upgraded.error().message.toStdString();
    EXPECT_EQ(upgraded.value()->schemaVersion(), Database::latestSchemaVersion());
    QSqlQuery q(upgraded.value()->connection());
    ASSERT_TRUE(q.exec(QStringLiteral("SELECT name FROM teams")));
    ASSERT_TRUE(q.next());
    EXPECT_EQ(q.value(0).toString(), QStringLiteral("第一サポート"));
    EXPECT_TRUE(objects(upgraded.value()->connection(), "index").contains(QStringLiteral("customer_contacts_customer")));
}

// Changes waiting to be sent when the app is upgraded may have reached the
// server already (a cut before its answer), so they keep the form they were
// sent in; changes from then on leave out the server's own columns.
TEST(Migrations, UnsentChangesOfAnOlderVersionKeepTheFormTheyWereSentIn)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("old.sqlite"));
    {
        Database::Options v13;
        v13.migrateUpTo = 13;
        auto old = Database::open(path, v13);
        ASSERT_TRUE(old) << old.error().message.toStdString();
        ASSERT_TRUE(CustomerRepository(old.value()->connection()).add(named(QStringLiteral("前の版"))));
    }
    auto upgraded = Database::open(path);
    ASSERT_TRUE(upgraded) << upgraded.error().message.toStdString();
    ASSERT_TRUE(CustomerRepository(upgraded.value()->connection()).add(named(QStringLiteral("今の版"))));
    QSqlQuery q(upgraded.value()->connection());
    ASSERT_TRUE(q.exec(QStringLiteral("SELECT json_extract(payload, '$.name'), wire FROM sync_outbox "
                                      "WHERE entity = 'customers' ORDER BY mutation_id")));
    QStringList forms;
    while (q.next())
        forms << q.value(0).toString() + QStringLiteral(":") + q.value(1).toString();
    EXPECT_EQ(forms, (QStringList{QStringLiteral("前の版:1"), QStringLiteral("今の版:2")}));
}

TEST(Migrations, AFailingMigrationLeavesTheLastCompleteVersion)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("broken.sqlite"));
    Database::Options options;
    options.migrations = {
        {1, QStringLiteral("one"), QStringLiteral("CREATE TABLE a (x INTEGER);")},
        {2, QStringLiteral("two"), QStringLiteral("CREATE TABLE b (x INTEGER); INSERT INTO missing VALUES (1);")},
    };
    auto opened = Database::open(path, options);
    ASSERT_FALSE(opened);
    options.migrations.removeLast();
    auto reopened = Database::open(path, options);
    ASSERT_TRUE(reopened);
    EXPECT_EQ(reopened.value()->schemaVersion(), 1);
    EXPECT_EQ(objects(reopened.value()->connection(), "table"), QStringList{QStringLiteral("a")}); // no table b
}

TEST(Migrations, ANewerSchemaIsRefusedAndTheFileIsNotTouched)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("future.sqlite"));
    {
        auto db = Database::open(path);
        ASSERT_TRUE(db);
        QSqlQuery q(db.value()->connection());
        ASSERT_TRUE(q.exec(QStringLiteral("PRAGMA user_version = 99")));
        ASSERT_TRUE(q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
    }
    const QByteArray before = madoguchi::test::fileHash(path);
    auto refused = Database::open(path);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, Error::Code::SchemaTooNew);
    EXPECT_TRUE(refused.error().message.contains(QStringLiteral("newer version")))
        << refused.error().message.toStdString();
    EXPECT_TRUE(refused.error().message.contains(QStringLiteral("99")));
    EXPECT_EQ(madoguchi::test::fileHash(path), before);
}

TEST(Migrations, RefusesFilesThatAreNotMadoguchiDatabases)
{
    QTemporaryDir dir;
    const QString text = dir.filePath(QStringLiteral("notes.txt"));
    {
        QFile f(text);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, 'x'));
    }
    const QByteArray before = madoguchi::test::fileHash(text);
    auto notDb = Database::open(text);
    ASSERT_FALSE(notDb);
    EXPECT_EQ(notDb.error().code, Error::Code::NotADatabase);
    EXPECT_EQ(madoguchi::test::fileHash(text), before);

    // Another program's SQLite database.
    const QString other = dir.filePath(QStringLiteral("other.sqlite"));
    {
        Database::Options foreign;
        foreign.migrations = {{1, QStringLiteral("x"), QStringLiteral("CREATE TABLE x (y);")}};
        auto created = Database::open(other, foreign);
        ASSERT_TRUE(created);
        QSqlQuery q(created.value()->connection());
        ASSERT_TRUE(q.exec(QStringLiteral("PRAGMA application_id = 1234")));
        ASSERT_TRUE(q.exec(QStringLiteral("PRAGMA user_version = 0")));
    }
    auto refused = Database::open(other);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, Error::Code::NotADatabase);
}

TEST(Migrations, MissingAndReadOnlyFilesAreReportedNotCreated)
{
    QTemporaryDir dir;
    const QString missing = dir.filePath(QStringLiteral("missing.sqlite"));
    Database::Options mustExist;
    mustExist.mode = Database::OpenMode::MustExist;
    auto notFound = Database::open(missing, mustExist);
    ASSERT_FALSE(notFound);
    EXPECT_EQ(notFound.error().code, Error::Code::NotFound);
    EXPECT_FALSE(QFile::exists(missing));

    const QString readOnly = dir.filePath(QStringLiteral("readonly.sqlite"));
    ASSERT_TRUE(Database::open(readOnly));
    ASSERT_TRUE(QFile::setPermissions(readOnly, QFileDevice::ReadOwner | QFileDevice::ReadGroup));
    auto refused = Database::open(readOnly, mustExist);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, Error::Code::ReadOnly);
}

TEST(Migrations, EachThreadGetsItsOwnConnection)
{
    TempDatabase db;
    const QString mainName = db.connection().connectionName();
    QString workerName;
    qint64 workerCount = -1;
    std::thread worker([&] {
        QSqlDatabase c = db.database().connection();
        workerName = c.connectionName();
        QSqlQuery q(c);
        if (q.exec(QStringLiteral("SELECT count(*) FROM customers")) && q.next())
            workerCount = q.value(0).toLongLong();
        q.finish();
        db.database().closeThreadConnection();
    });
    worker.join();
    EXPECT_NE(workerName, mainName);
    EXPECT_EQ(workerCount, 0);
    EXPECT_FALSE(QSqlDatabase::contains(workerName));
}
