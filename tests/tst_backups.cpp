// Local backups and a damaged database: consistent copies kept for a week,
// taken before every migration, restored without losing the changes not
// yet sent to the team server; a file with damaged pages takes no writes
// (found by `check`, or by the page check after an unclean shutdown) until
// a backup is restored.
#include "domain/uuid.h"
#include "repositories/customerrepository.h"
#include "services/ticketservice.h"
#include "storage/backups.h"
#include "storage/database.h"
#include "storage/databasehealth.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace madoguchi;
using namespace madoguchi::test;

namespace {

struct CliOutcome
{
    int exitCode = -1;
    QString out, err;
};

CliOutcome cli(const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(MADOGUCHI_CLI_PATH), arguments);
    if (!process.waitForFinished(120'000))
        return {};
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

QUuid addCustomer(const Database &db, const QString &name)
{
    Customer c;
    c.name = name;
    const auto added = CustomerRepository(db.connection()).add(c);
    EXPECT_TRUE(added) << (added ? std::string() : added.error().message.toStdString());
    return added ? added.value() : QUuid();
}

qint64 count(const Database &db, const QString &sql)
{
    QSqlQuery q(db.connection());
    EXPECT_TRUE(q.exec(sql) && q.next()) << q.lastError().text().toStdString();
    return q.value(0).toLongLong();
}

QString outboxIds(const Database &db)
{
    QSqlQuery q(db.connection());
    EXPECT_TRUE(q.exec(QStringLiteral(
        "SELECT group_concat(mutation_id, ',') FROM (SELECT mutation_id FROM sync_outbox ORDER BY mutation_id)")));
    return q.next() ? q.value(0).toString() : QString();
}

} // namespace

TEST(Backups, CopiesAreConsistentNamedAfterTheirOutboxAndKeptForAWeek)
{
    TempDatabase t;
    addCustomer(t.database(), QStringLiteral("山田 太郎"));
    addCustomer(t.database(), QStringLiteral("佐藤 花子"));
    const Backups backups(t.path());
    EXPECT_TRUE(backups.dailyDue());
    const auto made = backups.create(t.connection());
    ASSERT_TRUE(made) << made.error().message.toStdString();
    EXPECT_TRUE(QFileInfo::exists(made->path));
    EXPECT_EQ(made->lastMutation, count(t.database(), QStringLiteral("SELECT max(mutation_id) FROM sync_outbox")));
    EXPECT_FALSE(backups.dailyDue());
    EXPECT_TRUE(backups.dailyDue(QDateTime::currentDateTimeUtc().addSecs(25 * 3600)));
    // The copy is a whole database.
    {
        auto copy = Database::open(made->path);
        ASSERT_TRUE(copy);
        EXPECT_EQ(count(*copy.value(), QStringLiteral("SELECT count(*) FROM customers")), 2);
        EXPECT_TRUE(DatabaseHealth::checkPages(copy.value()->connection())->isEmpty());
    }
    // Backups from eight and three days ago: the week keeps the recent ones.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int days : {8, 3}) {
        const QString old = QDir(backups.folder())
                                .filePath(QStringLiteral("%1-%2-m1.sqlite")
                                              .arg(QFileInfo(t.path()).fileName(),
                                                   now.addDays(-days).toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"))));
        ASSERT_TRUE(QFile::copy(made->path, old));
    }
    ASSERT_EQ(backups.list().size(), 3);
    EXPECT_EQ(backups.list().constFirst().path, made->path); // newest first
    EXPECT_EQ(backups.prune(now), 1);
    ASSERT_EQ(backups.list().size(), 2);
    EXPECT_GT(backups.list().constLast().takenAt, now.addDays(-4));
    // However old, the newest stays.
    EXPECT_EQ(backups.prune(now.addDays(30)), 1);
    EXPECT_EQ(backups.list().size(), 1);
}

TEST(Backups, AMigrationIsPrecededByABackupOfTheFileAsItWas)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("old.sqlite"));
    Database::Options older;
    older.migrateUpTo = Database::latestSchemaVersion() - 1;
    {
        auto db = Database::open(path, older);
        ASSERT_TRUE(db);
        addCustomer(*db.value(), QStringLiteral("移行 前"));
    }
    EXPECT_TRUE(Backups(path).list().isEmpty());
    auto db = Database::open(path);
    ASSERT_TRUE(db) << db.error().message.toStdString();
    const auto backups = Backups(path).list();
    ASSERT_EQ(backups.size(), 1);
    auto copy = Database::open(backups.constFirst().path, older);
    ASSERT_TRUE(copy);
    EXPECT_EQ(copy.value()->schemaVersion(), Database::latestSchemaVersion() - 1);
    EXPECT_EQ(count(*copy.value(), QStringLiteral("SELECT count(*) FROM customers")), 1);
}

// Work done after the backup and not yet sent to the team server is carried
// into the restored file, with the rows it changed; the outbox goes on
// where it stood; the replaced file is kept.
TEST(Backups, ARestoreKeepsEveryChangeNotYetSent)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("desk.sqlite"));
    QUuid kept, later;
    QString before;
    {
        auto db = Database::open(path);
        ASSERT_TRUE(db);
        kept = addCustomer(*db.value(), QStringLiteral("山田 太郎"));
        addCustomer(*db.value(), QStringLiteral("送信済み"));
        // The first change has reached the server meanwhile.
        ASSERT_TRUE(
            QSqlQuery(db.value()->connection()).exec(QStringLiteral("DELETE FROM sync_outbox WHERE mutation_id = 1")));
        ASSERT_TRUE(Backups(path).create(db.value()->connection()));
        later = addCustomer(*db.value(), QStringLiteral("後の 顧客"));
        const auto found = CustomerRepository(db.value()->connection()).get(kept);
        ASSERT_TRUE(found);
        Customer edited = found.value();
        edited.name = QStringLiteral("山田 太郎 (改)");
        ASSERT_TRUE(CustomerRepository(db.value()->connection()).update(edited));
        before = outboxIds(*db.value());
    }
    const auto backup = Backups(path).newest();
    ASSERT_TRUE(backup);
    const auto plan = planRestore(path, backup->path);
    ASSERT_TRUE(plan) << plan.error().message.toStdString();
    EXPECT_GT(plan->unsentAfter, 0); // the warning: the backup is older than unsent work
    const auto restored = restoreBackup(path, backup->path);
    ASSERT_TRUE(restored) << restored.error().message.toStdString();
    EXPECT_EQ(restored->carried, plan->unsentAfter);
    EXPECT_TRUE(QFileInfo::exists(restored->replacedKeptAs));

    auto db = Database::open(path);
    ASSERT_TRUE(db);
    EXPECT_EQ(outboxIds(*db.value()), before);
    EXPECT_EQ(CustomerRepository(db.value()->connection()).get(kept)->name, QStringLiteral("山田 太郎 (改)"));
    EXPECT_EQ(CustomerRepository(db.value()->connection()).get(later)->name, QStringLiteral("後の 顧客"));
    EXPECT_TRUE(DatabaseHealth::checkPages(db.value()->connection())->isEmpty());
    EXPECT_EQ(count(*db.value(), QStringLiteral("SELECT count(*) FROM pragma_foreign_key_check")), 0);
    // The next change continues the outbox's numbering.
    const qint64 last = count(*db.value(), QStringLiteral("SELECT max(mutation_id) FROM sync_outbox"));
    addCustomer(*db.value(), QStringLiteral("次"));
    EXPECT_EQ(count(*db.value(), QStringLiteral("SELECT max(mutation_id) FROM sync_outbox")), last + 1);
    // Found by the search index too (derived data kept by the carry-over).
    EXPECT_EQ(count(*db.value(), QStringLiteral("SELECT count(*) FROM customers WHERE name = '後の 顧客'")), 1);
}

// A restore right after an upgrade: the file being replaced is still at the
// older schema, the backup is brought up to date. The changes carried over
// keep the form they may already have been sent in.
TEST(Backups, ARestoreRightAfterAnUpgradeCarriesTheOlderFilesChangesInTheirForm)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("desk.sqlite"));
    QUuid later;
    {
        Database::Options v13;
        v13.migrateUpTo = 13;
        auto db = Database::open(path, v13);
        ASSERT_TRUE(db) << db.error().message.toStdString();
        addCustomer(*db.value(), QStringLiteral("前の 顧客"));
        ASSERT_TRUE(Backups(path).create(db.value()->connection()));
        later = addCustomer(*db.value(), QStringLiteral("後の 顧客"));
    }
    const auto restored = restoreBackup(path, Backups(path).newest()->path);
    ASSERT_TRUE(restored) << restored.error().message.toStdString();
    EXPECT_EQ(restored->carried, 1);
    EXPECT_FALSE(restored->changesUnreadable);
    auto db = Database::open(path);
    ASSERT_TRUE(db);
    EXPECT_EQ(db.value()->schemaVersion(), Database::latestSchemaVersion());
    EXPECT_EQ(CustomerRepository(db.value()->connection()).get(later)->name, QStringLiteral("後の 顧客"));
    // The backup's own change and the one carried over: both of the older form.
    EXPECT_EQ(count(*db.value(), QStringLiteral("SELECT count(*) FROM sync_outbox WHERE wire = 1")), 2);
    // A change made now is of the new form.
    addCustomer(*db.value(), QStringLiteral("次"));
    EXPECT_EQ(count(*db.value(), QStringLiteral("SELECT wire FROM sync_outbox ORDER BY mutation_id DESC LIMIT 1")), 2);
}

// A change not yet sent may refer to a row the backup lacks (a customer
// added and sent after the backup, a ticket for them not sent yet): the
// restore brings that row too, so every reference holds; and a row edited
// after the backup and removed by the app since is not brought back.
TEST(Backups, ARestoreBringsWhatTheCarriedChangesReferToAndNothingTheAppRemoved)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("desk.sqlite"));
    QUuid sentCustomer, ticket, removed;
    {
        auto db = Database::open(path);
        ASSERT_TRUE(db);
        removed = addCustomer(*db.value(), QStringLiteral("削除 予定"));
        ASSERT_TRUE(Backups(path).create(db.value()->connection()));
        sentCustomer = addCustomer(*db.value(), QStringLiteral("送信 済み"));
        // Everything so far has reached the server.
        ASSERT_TRUE(QSqlQuery(db.value()->connection()).exec(QStringLiteral("DELETE FROM sync_outbox")));
        Ticket t;
        t.customerId = sentCustomer;
        t.subject = QStringLiteral("未送信 の 件");
        const auto created = TicketService(db.value()->connection(), QUuid()).create(t);
        ASSERT_TRUE(created) << created.error().message.toStdString();
        ticket = created->id;
        // Edited, then removed by the app (as a merged copy's rows are).
        Customer edited = CustomerRepository(db.value()->connection()).get(removed).value();
        edited.name = QStringLiteral("削除 済み");
        ASSERT_TRUE(CustomerRepository(db.value()->connection()).update(edited));
        QSqlQuery gone(db.value()->connection());
        gone.prepare(QStringLiteral("DELETE FROM customers WHERE id = ?"));
        gone.addBindValue(uuidToBlob(removed));
        ASSERT_TRUE(gone.exec()) << gone.lastError().text().toStdString();
        ASSERT_EQ(gone.numRowsAffected(), 1);
    }
    const auto restored = restoreBackup(path, Backups(path).newest()->path);
    ASSERT_TRUE(restored) << restored.error().message.toStdString();
    auto db = Database::open(path);
    ASSERT_TRUE(db);
    EXPECT_EQ(count(*db.value(), QStringLiteral("SELECT count(*) FROM pragma_foreign_key_check")), 0);
    EXPECT_EQ(CustomerRepository(db.value()->connection()).get(sentCustomer)->name, QStringLiteral("送信 済み"));
    EXPECT_EQ(count(*db.value(), QStringLiteral("SELECT count(*) FROM tickets WHERE subject = '未送信 の 件'")), 1);
    EXPECT_EQ(count(*db.value(), QStringLiteral("SELECT count(*) FROM customers WHERE name LIKE '削除%'")), 0);
    // The counts derived from the rows follow them: the customer brought
    // along has its open ticket counted.
    QSqlQuery stats(db.value()->connection());
    stats.prepare(QStringLiteral("SELECT open_tickets FROM customer_stats WHERE customer_id = ?"));
    stats.addBindValue(uuidToBlob(sentCustomer));
    ASSERT_TRUE(stats.exec() && stats.next());
    EXPECT_EQ(stats.value(0).toInt(), 1);
}

// A ticket the backup holds, changed since (not sent) and then removed
// from this copy with its history (no longer shared with it): the restore
// leaves it and its history out instead of failing on them.
TEST(Backups, ARestoreLeavesOutATicketTheAppRemovedSinceWithItsHistory)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("desk.sqlite"));
    {
        auto db = Database::open(path);
        ASSERT_TRUE(db);
        Ticket t;
        t.customerId = addCustomer(*db.value(), QStringLiteral("顧客"));
        t.subject = QStringLiteral("共有 終了");
        TicketService tickets(db.value()->connection(), QUuid());
        const auto created = tickets.create(t);
        ASSERT_TRUE(created);
        ASSERT_TRUE(tickets.changeStatus(created->id, TicketStatus::Open));
        ASSERT_TRUE(Backups(path).create(db.value()->connection()));
        ASSERT_TRUE(tickets.changeStatus(created->id, TicketStatus::Pending));
        QSqlQuery gone(db.value()->connection());
        for (const char *sql : {"DELETE FROM ticket_events WHERE ticket_id = ?", "DELETE FROM tickets WHERE id = ?"}) {
            gone.prepare(QString::fromLatin1(sql));
            gone.addBindValue(uuidToBlob(created->id));
            ASSERT_TRUE(gone.exec()) << gone.lastError().text().toStdString();
        }
    }
    const auto restored = restoreBackup(path, Backups(path).newest()->path);
    ASSERT_TRUE(restored) << restored.error().message.toStdString();
    auto db = Database::open(path);
    ASSERT_TRUE(db);
    EXPECT_EQ(count(*db.value(), QStringLiteral("SELECT count(*) FROM pragma_foreign_key_check")), 0);
    EXPECT_EQ(count(*db.value(), QStringLiteral("SELECT count(*) FROM tickets")), 0);
    EXPECT_EQ(count(*db.value(), QStringLiteral("SELECT count(*) FROM ticket_events")), 0);
}

// The replaced file's pages are damaged just where its unsent changes'
// rows are: the restore still succeeds, says the changes could not be
// carried over (they stay in the kept file), and goes on as a new client.
TEST(Backups, ARestoreOverPagesDamagedWhereTheChangesAreStillRestores)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("desk.sqlite"));
    fillDatabase(path, 3000, true); // a backup, then one customer not yet sent
    QList<qint64> pages;
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("pages"));
        raw.setDatabaseName(path);
        ASSERT_TRUE(raw.open());
        QSqlQuery q(raw);
        ASSERT_TRUE(q.exec(QStringLiteral("SELECT pageno FROM dbstat WHERE name = 'customers' AND pagetype = 'leaf'")))
            << q.lastError().text().toStdString();
        while (q.next())
            pages << q.value(0).toLongLong();
        q.finish();
        raw.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("pages"));
    ASSERT_GT(pages.size(), 2);
    {
        QFile file(path);
        ASSERT_TRUE(file.open(QIODevice::ReadWrite));
        for (const qint64 page : std::as_const(pages)) {
            ASSERT_TRUE(file.seek((page - 1) * 8192));
            file.write(QByteArray(8192, '\xA5'));
        }
    }
    const auto plan = planRestore(path, Backups(path).newest()->path);
    ASSERT_TRUE(plan);
    EXPECT_EQ(plan->unsentAfter, 1); // the outbox itself is readable
    const auto restored = restoreBackup(path, Backups(path).newest()->path);
    ASSERT_TRUE(restored) << restored.error().message.toStdString();
    EXPECT_TRUE(restored->changesUnreadable);
    EXPECT_EQ(restored->carried, 0);
    EXPECT_TRUE(QFileInfo::exists(restored->replacedKeptAs));
    auto db = Database::open(path);
    ASSERT_TRUE(db);
    EXPECT_TRUE(DatabaseHealth::checkPages(db.value()->connection())->isEmpty());
    EXPECT_EQ(count(*db.value(), QStringLiteral("SELECT count(*) FROM customers")), 3000);
    EXPECT_EQ(count(*db.value(), QStringLiteral("SELECT count(*) FROM client_state WHERE key = 'sync.client_id'")), 0);
}

// A file kept aside with its log (the replaced file of an earlier restore,
// copied while open) restores with what its log holds; and a backup
// stamped in the future by a clock that ran ahead does not stop the daily
// backups once the clock is right.
TEST(Backups, AFileWithItsLogRestoresWholeAndAClockPutRightKeepsDailyBackups)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("desk.sqlite"));
    const QString kept = dir.filePath(QStringLiteral("kept.sqlite"));
    {
        auto db = Database::open(path);
        ASSERT_TRUE(db);
        addCustomer(*db.value(), QStringLiteral("ログ の 顧客"));
        // Copied while open: the customer is still only in the log.
        ASSERT_TRUE(QFile::copy(path, kept));
        ASSERT_TRUE(QFile::copy(path + QStringLiteral("-wal"), kept + QStringLiteral("-wal")));
    }
    const auto restored = restoreBackup(path, kept);
    ASSERT_TRUE(restored) << restored.error().message.toStdString();
    {
        auto db = Database::open(path);
        ASSERT_TRUE(db);
        EXPECT_EQ(count(*db.value(), QStringLiteral("SELECT count(*) FROM customers WHERE name = 'ログ の 顧客'")), 1);
    }

    const QDateTime now = QDateTime::currentDateTimeUtc();
    const Backups backups(path);
    ASSERT_TRUE(QDir().mkpath(backups.folder()));
    QFile ahead(QDir(backups.folder())
                    .filePath(QStringLiteral("desk.sqlite-%1-m0.sqlite")
                                  .arg(now.addDays(3).toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")))));
    ASSERT_TRUE(ahead.open(QIODevice::WriteOnly));
    ahead.close();
    EXPECT_TRUE(backups.dailyDue(now));
    QFile today(QDir(backups.folder())
                    .filePath(QStringLiteral("desk.sqlite-%1-m0.sqlite")
                                  .arg(now.addSecs(-60).toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")))));
    ASSERT_TRUE(today.open(QIODevice::WriteOnly));
    today.close();
    EXPECT_FALSE(backups.dailyDue(now));
    EXPECT_TRUE(backups.dailyDue(now.addDays(1).addSecs(60)));
    // The newest is the one taken since the clock was put right.
    EXPECT_EQ(backups.newest()->path, QFileInfo(today).absoluteFilePath());
}

// A file with damaged pages: `check` finds it and from then on nothing is
// written to it, from the CLI or anywhere, until a backup is restored.
TEST(Backups, ADamagedDatabaseTakesNoWritesUntilABackupIsRestored)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("desk.sqlite"));
    fillDatabase(path, 3000);
    ASSERT_EQ(cli({QStringLiteral("--db"), path, QStringLiteral("backup")}).exitCode, 0);
    const CliOutcome added = cli({QStringLiteral("--db"), path, QStringLiteral("--json"), QStringLiteral("customer"),
                                  QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("後から 来た")});
    ASSERT_EQ(added.exitCode, 0) << added.err.toStdString();
    const QString customer = QJsonDocument::fromJson(added.out.toUtf8()).object().value(QStringLiteral("id")).toString();
    ASSERT_FALSE(customer.isEmpty()) << added.out.toStdString();
    damagePages(path);
    const CliOutcome check = cli({QStringLiteral("--db"), path, QStringLiteral("check")});
    EXPECT_EQ(check.exitCode, 1);
    EXPECT_TRUE(check.err.contains(QStringLiteral("damaged"))) << check.err.toStdString();
    EXPECT_TRUE(DatabaseHealth(path).isDamaged());
    for (const QStringList &write : {QStringList{QStringLiteral("customer"), QStringLiteral("add"),
                                                 QStringLiteral("--name"), QStringLiteral("新規")},
                                     QStringList{QStringLiteral("log-interaction"), QStringLiteral("--customer"),
                                                 customer, QStringLiteral("--channel"), QStringLiteral("phone"),
                                                 QStringLiteral("--direction"), QStringLiteral("inbound")}}) {
        const CliOutcome refused = cli(QStringList{QStringLiteral("--db"), path} + write);
        EXPECT_EQ(refused.exitCode, 1) << refused.out.toStdString();
        EXPECT_TRUE(refused.err.contains(QStringLiteral("damaged"))) << refused.err.toStdString();
        EXPECT_TRUE(refused.err.contains(QStringLiteral("restore"))) << refused.err.toStdString();
    }
    // Not while another program has it open.
    {
        auto open = Database::open(path);
        ASSERT_TRUE(open) << open.error().message.toStdString();
        const CliOutcome busy = cli(
            {QStringLiteral("--db"), path, QStringLiteral("restore"), QStringLiteral("--newest")});
        EXPECT_EQ(busy.exitCode, 1);
        EXPECT_TRUE(busy.err.contains(QStringLiteral("open"))) << busy.err.toStdString();
    }
    const CliOutcome restore = cli({QStringLiteral("--db"), path, QStringLiteral("--json"), QStringLiteral("restore"),
                                    QStringLiteral("--newest")});
    ASSERT_EQ(restore.exitCode, 0) << restore.err.toStdString();
    const QJsonObject report = QJsonDocument::fromJson(restore.out.toUtf8()).object();
    EXPECT_TRUE(QFileInfo::exists(report.value(QStringLiteral("replaced_kept_as")).toString()));
    EXPECT_FALSE(DatabaseHealth(path).isDamaged());
    EXPECT_EQ(cli({QStringLiteral("--db"), path, QStringLiteral("check")}).exitCode, 0);
    EXPECT_EQ(cli({QStringLiteral("--db"), path, QStringLiteral("customer"), QStringLiteral("add"),
                   QStringLiteral("--name"), QStringLiteral("新規")})
                  .exitCode,
              0);
    auto db = Database::open(path);
    ASSERT_TRUE(db);
    EXPECT_EQ(count(*db.value(), QStringLiteral("SELECT count(*) FROM customers WHERE name IN ('後から 来た', '新規')")),
              2);
}

// Whoever used the file last did not close it (its marker names a process
// that is gone): the next writer checks the pages first.
TEST(Backups, AfterAnUncleanShutdownTheNextWriterChecksThePagesFirst)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("desk.sqlite"));
    fillDatabase(path, 3000);
    QProcess gone;
    gone.start(QStringLiteral("true"), {});
    ASSERT_TRUE(gone.waitForFinished());
    const QString marker = dir.filePath(QStringLiteral(".desk.sqlite.open-%1-1").arg(gone.processId()));
    auto crash = [&] {
        QFile f(marker);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    };
    const QStringList add{QStringLiteral("--db"),     path,
                          QStringLiteral("customer"), QStringLiteral("add"),
                          QStringLiteral("--name"),   QStringLiteral("再開 後")};
    crash();
    EXPECT_EQ(cli(add).exitCode, 0); // sound pages: the write goes through
    EXPECT_FALSE(QFileInfo::exists(marker));
    EXPECT_FALSE(DatabaseHealth(path).isDamaged());
    {
        auto db = Database::open(path);
        ASSERT_TRUE(db);
        EXPECT_FALSE(db.value()->needsCheck()); // the last one closed it and the check passed
    }
    damagePages(path);
    crash();
    const CliOutcome refused = cli(add);
    EXPECT_EQ(refused.exitCode, 1);
    EXPECT_TRUE(refused.err.contains(QStringLiteral("damaged"))) << refused.err.toStdString();
    EXPECT_TRUE(DatabaseHealth(path).isDamaged());
}

// The news of an unclean shutdown is not used up by a program that opens
// the file without checking it (a read, a window closed mid-check): the
// file needs a check until one has read every page.
TEST(Backups, AnUncheckedFileStaysUncheckedUntilACheckReadsIt)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("desk.sqlite"));
    fillDatabase(path, 500);
    damagePages(path);
    QProcess gone;
    gone.start(QStringLiteral("true"), {});
    ASSERT_TRUE(gone.waitForFinished());
    {
        QFile f(dir.filePath(QStringLiteral(".desk.sqlite.open-%1-1").arg(gone.processId())));
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    }
    for (int i = 0; i < 2; ++i) {
        // Opened and closed without a check (as a reader would, or a window
        // closed before its check finished).
        auto db = Database::open(path);
        ASSERT_TRUE(db) << db.error().message.toStdString();
        EXPECT_TRUE(db.value()->needsCheck());
    }
    // The next writer still checks, and finds the damage.
    const CliOutcome refused = cli({QStringLiteral("--db"), path, QStringLiteral("customer"), QStringLiteral("add"),
                                    QStringLiteral("--name"), QStringLiteral("後 から")});
    EXPECT_EQ(refused.exitCode, 1);
    EXPECT_TRUE(DatabaseHealth(path).isDamaged());
    EXPECT_FALSE(DatabaseHealth(path).needsCheck());
}

// Damage a full check noted (madoguchi-cli check) stands when a quicker
// check after an unclean shutdown finds the pages themselves sound.
TEST(Backups, AQuickCheckDoesNotClearDamageAFullCheckFound)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("desk.sqlite"));
    fillDatabase(path, 100);
    DatabaseHealth health(path);
    ASSERT_TRUE(health.markDamaged(QStringLiteral("row 12 missing from index customers_reading")));
    auto db = Database::open(path);
    ASSERT_TRUE(db);
    const auto checked = db.value()->health().check(db.value()->connection());
    ASSERT_TRUE(checked);
    EXPECT_TRUE(checked->isEmpty());
    EXPECT_TRUE(health.isDamaged());
}

// What the team server and the ticket numbers rely on survives a restore
// even when every change since the backup was sent: the outbox counts on,
// the client keeps its identity, ticket numbers are not issued twice; the
// pull's cursor stays the backup's (so the changes since come again).
TEST(Backups, ARestoreKeepsTheCountersTheServerAndTicketNumbersRelyOn)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("desk.sqlite"));
    qint64 sequence = 0;
    QString counter, cursor;
    {
        auto db = Database::open(path);
        ASSERT_TRUE(db);
        QSqlQuery q(db.value()->connection());
        ASSERT_TRUE(q.exec(QStringLiteral(
            "INSERT INTO client_state (key, value) VALUES ('sync.client_id', '01900000-0000-7000-8000-00000000c11e'), "
            "('sync.cursor', 'old'), ('ticket_counter', '5')")));
        addCustomer(*db.value(), QStringLiteral("前"));
        ASSERT_TRUE(Backups(path).create(db.value()->connection()));
        addCustomer(*db.value(), QStringLiteral("後"));
        ASSERT_TRUE(q.exec(QStringLiteral("UPDATE client_state SET value = '9' WHERE key = 'ticket_counter'")));
        ASSERT_TRUE(q.exec(QStringLiteral("UPDATE client_state SET value = 'new' WHERE key = 'sync.cursor'")));
        ASSERT_TRUE(q.exec(QStringLiteral("DELETE FROM sync_outbox"))); // all sent
        sequence = count(*db.value(), QStringLiteral("SELECT seq FROM sqlite_sequence WHERE name = 'sync_outbox'"));
    }
    const auto restored = restoreBackup(path, Backups(path).newest()->path);
    ASSERT_TRUE(restored) << restored.error().message.toStdString();
    auto db = Database::open(path);
    ASSERT_TRUE(db);
    auto state = [&](const char *key) {
        QSqlQuery q(db.value()->connection());
        q.prepare(QStringLiteral("SELECT value FROM client_state WHERE key = ?"));
        q.addBindValue(QString::fromLatin1(key));
        return q.exec() && q.next() ? q.value(0).toString() : QString();
    };
    EXPECT_EQ(state("ticket_counter"), QStringLiteral("9"));
    EXPECT_EQ(state("sync.client_id"), QStringLiteral("01900000-0000-7000-8000-00000000c11e"));
    EXPECT_EQ(state("sync.cursor"), QStringLiteral("old"));
    addCustomer(*db.value(), QStringLiteral("次"));
    EXPECT_EQ(count(*db.value(), QStringLiteral("SELECT max(mutation_id) FROM sync_outbox")), sequence + 1);
}

// The file being replaced cannot be read at all: the restored copy goes on
// as a new client of the team server, its outbox numbered from one.
TEST(Backups, ARestoreOverAnUnreadableFileContinuesAsANewClient)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("desk.sqlite"));
    {
        auto db = Database::open(path);
        ASSERT_TRUE(db);
        QSqlQuery(db.value()->connection())
            .exec(QStringLiteral("INSERT INTO client_state (key, value) VALUES ('sync.client_id', "
                                 "'01900000-0000-7000-8000-00000000c11e')"));
        addCustomer(*db.value(), QStringLiteral("一"));
        QSqlQuery(db.value()->connection()).exec(QStringLiteral("DELETE FROM sync_outbox")); // sent
        addCustomer(*db.value(), QStringLiteral("二"));
        ASSERT_TRUE(Backups(path).create(db.value()->connection()));
    }
    {
        QFile file(path);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(QByteArray(65536, '\x5A'));
    }
    const auto plan = planRestore(path, Backups(path).newest()->path);
    ASSERT_TRUE(plan);
    EXPECT_EQ(plan->unsentAfter, -1);
    ASSERT_TRUE(restoreBackup(path, Backups(path).newest()->path));
    auto db = Database::open(path);
    ASSERT_TRUE(db);
    EXPECT_EQ(count(*db.value(), QStringLiteral("SELECT count(*) FROM client_state WHERE key = 'sync.client_id'")), 0);
    EXPECT_EQ(count(*db.value(), QStringLiteral("SELECT min(mutation_id) FROM sync_outbox")), 1);
    EXPECT_EQ(count(*db.value(), QStringLiteral("SELECT count(*) FROM customers")), 2);
}
