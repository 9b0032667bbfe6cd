#include "storage/backups.h"

#include "storage/database.h"
#include "storage/databasehealth.h"
#include "storage/derivedindex.h"
#include "storage/sqlite.h"
#include "storage/stagedfile.h"
#include "storage/transaction.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QStorageInfo>
#include <QUuid>

#include <unistd.h>

#include <algorithm>

namespace madoguchi {

namespace {

constexpr int kKeepDays = 7;

QString doing()
{
    return Backups::tr("making a backup");
}
QString restoring()
{
    return Backups::tr("restoring the backup");
}

// A raw connection to `path` for reading what is in a file (no migrations).
class FileConnection
{
public:
    explicit FileConnection(const QString &path)
        : m_name(QStringLiteral("madoguchi-file-%1").arg(QUuid::createUuid().toString(QUuid::Id128)))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
        m_open = db.open();
    }
    ~FileConnection()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    FileConnection(const FileConnection &) = delete;
    FileConnection &operator=(const FileConnection &) = delete;
    bool isOpen() const { return m_open; }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }

private:
    QString m_name;
    bool m_open = false;
};

// The outbox position a database file holds up to; nullopt when unreadable.
std::optional<qint64> lastMutation(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'sync_outbox'), 0)"))
        || !q.next())
        return std::nullopt;
    return q.value(0).toLongLong();
}

QString stamp(const QDateTime &t)
{
    return t.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
}

} // namespace

Backups::Backups(const QString &databasePath)
    : m_database(QFileInfo(databasePath).absoluteFilePath())
{
    const QFileInfo file(m_database);
    // Named after the whole file name: desk.sqlite and desk.db keep apart.
    m_folder = file.absoluteDir().filePath(file.fileName() + QStringLiteral("-backups"));
}

Result<BackupInfo> Backups::copyTo(const QSqlDatabase &db, const QString &file)
{
    const auto staged = StagedDatabaseFile::create(file);
    if (!staged)
        return staged.error();
    {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("VACUUM INTO ?"));
        q.addBindValue(staged.value()->path());
        if (!q.exec())
            return sqlite::toError(q.lastError(), doing());
    }
    BackupInfo info;
    {
        FileConnection copy(staged.value()->path());
        const auto last = copy.isOpen() ? lastMutation(copy.db()) : std::nullopt;
        if (!last)
            return makeError(Error::Code::Io, tr("The backup just written could not be read back."));
        info.lastMutation = *last;
    }
    info.takenAt = QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), Qt::UTC);
    info.path = QFileInfo(file).absoluteFilePath();
    if (auto r = staged.value()->commitAs(info.path); !r)
        return r.error();
    info.bytes = QFileInfo(info.path).size();
    return info;
}

Result<BackupInfo> Backups::create(const QSqlDatabase &db) const
{
    if (!QDir().mkpath(m_folder))
        return makeError(Error::Code::Io,
                         tr("The backup folder %1 could not be created.").arg(QDir::toNativeSeparators(m_folder)));
    // A copy that would fill the disk is not started: the database itself
    // needs room to write (the copy is at most the file's size).
    qint64 needed = 64 * 1024 * 1024;
    {
        QSqlQuery size(db);
        if (size.exec(QStringLiteral(
                "SELECT (page_count - freelist_count) * page_size FROM pragma_page_count(), pragma_freelist_count(), pragma_page_size()"))
            && size.next())
            needed += size.value(0).toLongLong() + size.value(0).toLongLong() / 10;
    }
    const QStorageInfo disk(m_folder);
    if (disk.isValid() && disk.bytesAvailable() >= 0 && disk.bytesAvailable() < needed)
        return makeError(Error::Code::Io, tr("There is not enough free disk space for a backup (%1 MB needed).")
                                              .arg(needed / (1024 * 1024)));
    // Named after its time and outbox position once both are known.
    auto made = copyTo(db, QDir(m_folder).filePath(QStringLiteral(".backup-in-progress.sqlite")));
    if (!made)
        return made;
    BackupInfo info = made.value();
    const QString named = QDir(m_folder).filePath(QStringLiteral("%1-%2-m%3.sqlite")
                                                      .arg(QFileInfo(m_database).fileName(), stamp(info.takenAt))
                                                      .arg(info.lastMutation));
    QFile::remove(named); // a second backup within the same second
    if (!QFile::rename(info.path, named))
        return makeError(Error::Code::Io, tr("The backup could not be named %1.").arg(QDir::toNativeSeparators(named)));
    info.path = named;
    prune(info.takenAt);
    return info;
}

QList<BackupInfo> Backups::list() const
{
    static const QRegularExpression name(QStringLiteral("-(\\d{8}T\\d{6}Z)-m(\\d+)\\.sqlite$"));
    QList<BackupInfo> out;
    const QString prefix = QFileInfo(m_database).fileName() + u'-';
    // (No name filter: a file name may hold the filter's own wildcards.)
    for (const QFileInfo &f : QDir(m_folder).entryInfoList(QDir::Files)) {
        if (!f.fileName().startsWith(prefix))
            continue;
        const auto m = name.match(f.fileName());
        if (!m.hasMatch() || f.fileName().size() != prefix.size() + m.capturedLength(0) - 1)
            continue; // not one of ours (a replaced file, say)
        BackupInfo info;
        info.path = f.absoluteFilePath();
        info.takenAt = QDateTime::fromString(m.captured(1), QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
        info.takenAt.setTimeSpec(Qt::UTC);
        info.lastMutation = m.captured(2).toLongLong();
        info.bytes = f.size();
        out.append(info);
    }
    std::sort(out.begin(), out.end(), [](const BackupInfo &a, const BackupInfo &b) { return a.takenAt > b.takenAt; });
    return out;
}

std::optional<BackupInfo> Backups::newest() const
{
    // Not one stamped in the future by a clock that ran ahead, while there
    // is one taken since the clock was put right.
    const auto all = list();
    const QDateTime soon = QDateTime::currentDateTimeUtc().addSecs(300);
    for (const BackupInfo &b : all) {
        if (b.takenAt <= soon)
            return b;
    }
    return all.isEmpty() ? std::nullopt : std::optional(all.first());
}

bool Backups::dailyDue(const QDateTime &now) const
{
    // Copies stamped in the future (taken while the clock ran ahead) do not
    // count: a clock put right must not stop the daily backups for days.
    for (const BackupInfo &b : list()) {
        if (b.takenAt <= now.addSecs(300))
            return b.takenAt.secsTo(now) >= 24 * 3600;
    }
    return true;
}

int Backups::prune(const QDateTime &now) const
{
    int removed = 0;
    const auto all = list();
    for (qsizetype i = 1; i < all.size(); ++i) {
        if (all.at(i).takenAt.daysTo(now) >= kKeepDays && QFile::remove(all.at(i).path))
            ++removed;
    }
    return removed;
}

NamedTimeZones namedTimeZonesOfFile(const QString &path)
{
    const FileConnection file(path);
    return file.isOpen() ? namedTimeZones(file.db()) : NamedTimeZones();
}

Result<RestorePlan> planRestore(const QString &databasePath, const QString &backupPath)
{
    RestorePlan plan;
    {
        FileConnection backup(backupPath);
        const auto last = backup.isOpen() ? lastMutation(backup.db()) : std::nullopt;
        if (!last)
            return makeError(Error::Code::NotADatabase, Backups::tr("%1 is not a Madoguchi backup, or it is damaged.")
                                                            .arg(QDir::toNativeSeparators(backupPath)));
        plan.backup.path = QFileInfo(backupPath).absoluteFilePath();
        plan.backup.lastMutation = *last;
        plan.backup.bytes = QFileInfo(backupPath).size();
    }
    for (const BackupInfo &b : Backups(databasePath).list()) {
        if (b.path == plan.backup.path)
            plan.backup.takenAt = b.takenAt;
    }
    if (!QFileInfo::exists(databasePath))
        return plan;
    FileConnection current(databasePath);
    QSqlQuery q(current.db());
    q.prepare(QStringLiteral("SELECT count(*) FROM sync_outbox WHERE mutation_id > ?"));
    q.addBindValue(plan.backup.lastMutation);
    plan.unsentAfter = current.isOpen() && q.exec() && q.next() ? q.value(0).toLongLong() : -1;
    return plan;
}

namespace {

// The columns of the restored file's `table`, each a plain identifier.
Result<QStringList> columnsOf(const QSqlDatabase &db, const QString &table)
{
    QStringList columns;
    QSqlQuery info(db);
    info.prepare(QStringLiteral("SELECT name FROM pragma_table_info(?, 'main')"));
    info.addBindValue(table);
    if (!info.exec())
        return sqlite::toError(info.lastError(), restoring());
    while (info.next())
        columns << info.value(0).toString();
    if (columns.isEmpty() || !sqlite::isPlainIdentifier(table)
        || !std::all_of(columns.cbegin(), columns.cend(), sqlite::isPlainIdentifier))
        return makeError(Error::Code::Database, Backups::tr("A change waiting to be sent names an unknown table."));
    return columns;
}

// The rows carried over may refer to rows the backup lacks (a customer
// added and sent after the backup, whose new ticket was not sent yet):
// those are copied from the current file too, as they are there. A row
// only the backup holds whose parent the app has removed since (a ticket
// no longer shared, and its history) goes with it. References that still
// do not hold fail the restore, which then changes nothing.
Result<void> completeReferences(const QSqlDatabase &db)
{
    struct Broken
    {
        QString table, parent, from, to;
        QVariant rowid;
    };
    auto fail = [] {
        return makeError(Error::Code::Database,
                         Backups::tr("The changes waiting to be sent refer to rows that neither the "
                                     "backup nor the current file holds; the database was not replaced."));
    };
    for (int round = 0; round < 8; ++round) {
        QList<Broken> found;
        {
            QSqlQuery broken(db);
            if (!broken.exec(QStringLiteral(
                    "SELECT c.\"table\", c.\"rowid\", c.parent, l.\"from\", l.\"to\" FROM pragma_foreign_key_check(NULL, 'main') c "
                    "JOIN pragma_foreign_key_list(c.\"table\", 'main') l ON l.id = c.fkid AND l.seq = 0")))
                return sqlite::toError(broken.lastError(), restoring());
            while (broken.next()) {
                found.append({broken.value(0).toString(), broken.value(2).toString(), broken.value(3).toString(),
                              broken.value(4).toString().isEmpty() ? QStringLiteral("id") : broken.value(4).toString(),
                              broken.value(1)});
            }
        }
        if (found.isEmpty())
            return {};
        for (const Broken &b : std::as_const(found)) {
            const auto parentColumns = columnsOf(db, b.parent);
            if (!parentColumns)
                return parentColumns.error();
            const auto childColumns = columnsOf(db, b.table);
            if (!childColumns)
                return childColumns.error();
            if (!sqlite::isPlainIdentifier(b.from) || !sqlite::isPlainIdentifier(b.to) || b.rowid.isNull())
                return fail();
            // Names from the file's own catalogue.
            const QString list = parentColumns->join(u',');
            QSqlQuery copy(db);
            copy.prepare(
                QStringLiteral(
                    "INSERT OR IGNORE INTO main.%1 (%2) SELECT %2 FROM current.%1 WHERE %3 = (SELECT %4 FROM main.%5 WHERE rowid = ?)")
                    .arg(b.parent, list, b.to, b.from, b.table));
            copy.addBindValue(b.rowid);
            if (!copy.exec())
                return sqlite::toError(copy.lastError(), restoring());
            if (copy.numRowsAffected() > 0)
                continue;
            QSqlQuery orphan(db);
            // The table's name from the file's own foreign-key catalogue; the rowid is bound.
            orphan.prepare(
                childColumns->contains(u"id"_qs)
                    ? QStringLiteral("DELETE FROM main.%1 WHERE rowid = ? AND id NOT IN (SELECT id FROM current.%1)")
                          .arg(b.table)
                    : QStringLiteral("DELETE FROM main.%1 WHERE rowid = ?").arg(b.table));
            orphan.addBindValue(b.rowid);
            if (!orphan.exec())
                return sqlite::toError(orphan.lastError(), restoring());
        }
    }
    QSqlQuery left(db);
    if (left.exec(QStringLiteral("SELECT count(*) FROM pragma_foreign_key_check(NULL, 'main')")) && left.next()
        && left.value(0).toLongLong() == 0)
        return {};
    return fail();
}

// Copies the changes not yet sent that the restored file lacks, and their
// rows as they are now, from the attached "current" file into "main".
Result<qint64> carryOver(const QSqlDatabase &db, qint64 after)
{
    QSqlQuery q(db);
    QStringList tables;
    q.prepare(QStringLiteral("SELECT DISTINCT entity FROM current.sync_outbox WHERE mutation_id > ?"));
    q.addBindValue(after);
    if (!q.exec())
        return sqlite::toError(q.lastError(), restoring());
    while (q.next())
        tables << q.value(0).toString();
    for (const QString &table : std::as_const(tables)) {
        const auto named = columnsOf(db, table);
        if (!named)
            return named.error();
        const QStringList &columns = named.value();
        // Rows here are brought up to date, rows not here are added, rows
        // the app has removed since are removed: plain statements (an upsert
        // would override the conflict handling of the derived-data
        // triggers). Names from the file's own catalogue.
        const QString list = columns.join(u',');
        const QString carried = QStringLiteral(
            "(SELECT row_id FROM current.sync_outbox WHERE entity = ? AND mutation_id > ?)");
        const QStringList statements{
            QStringLiteral("UPDATE main.%1 SET (%2) = (SELECT %2 FROM current.%1 c WHERE c.id = main.%1.id) "
                           "WHERE id IN %3 AND id IN (SELECT id FROM current.%1)")
                .arg(table, list, carried),
            QStringLiteral(
                "INSERT INTO main.%1 (%2) SELECT %2 FROM current.%1 WHERE id IN %3 AND id NOT IN (SELECT id FROM main.%1)")
                .arg(table, list, carried),
            QStringLiteral("DELETE FROM main.%1 WHERE id IN %2 AND id NOT IN (SELECT id FROM current.%1)")
                .arg(table, carried)};
        for (const QString &sql : statements) {
            QSqlQuery step(db);
            step.prepare(sql);
            step.addBindValue(table);
            step.addBindValue(after);
            if (!step.exec())
                return sqlite::toError(step.lastError(), restoring());
        }
    }
    if (auto r = completeReferences(db); !r)
        return r.error();
    q.prepare(QStringLiteral(
        "INSERT INTO main.sync_outbox SELECT * FROM current.sync_outbox WHERE mutation_id > ? ORDER BY mutation_id"));
    q.addBindValue(after);
    if (!q.exec())
        return sqlite::toError(q.lastError(), restoring());
    return q.numRowsAffected();
}

// What the current file knows that the backup must not take back: this
// copy's identity and counters (sync client, clock offsets, ticket
// numbers, the agent signed in; not the pull's cursor, which must stay the
// backup's), the outbox's counter (the server has every id below it), call
// notes being typed, saved filters, rows to read again. The backup's own
// unsent changes that the current file has sent since (and the server has
// acknowledged: they left its outbox) are not sent again: the clock offsets
// they went with may be forgotten, and the server would take a change sent
// again with another as one from a copied database.
Result<void> carryState(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    for (const char *sql :
         {"DELETE FROM main.sync_outbox WHERE mutation_id < coalesce((SELECT min(mutation_id) FROM current.sync_outbox), "
          "(SELECT seq + 1 FROM current.sqlite_sequence WHERE name = 'sync_outbox'), 0)",
          "INSERT OR REPLACE INTO main.client_state SELECT * FROM current.client_state "
          "WHERE key NOT IN ('sync.cursor', 'sync.cursor.seq', 'sync.epoch', 'sync.scopes', 'sync.last_pull')",
          "INSERT OR IGNORE INTO main.sqlite_sequence (name, seq) SELECT 'sync_outbox', 0 WHERE NOT EXISTS "
          "(SELECT 1 FROM main.sqlite_sequence WHERE name = 'sync_outbox')",
          "UPDATE main.sqlite_sequence SET seq = max(seq, coalesce((SELECT seq FROM current.sqlite_sequence WHERE name = 'sync_outbox'), 0)) "
          "WHERE name = 'sync_outbox'",
          "INSERT OR REPLACE INTO main.drafts SELECT * FROM current.drafts",
          "INSERT OR REPLACE INTO main.saved_filters SELECT * FROM current.saved_filters",
          "INSERT OR IGNORE INTO main.sync_refetch SELECT * FROM current.sync_refetch"}) {
        if (!q.exec(QString::fromLatin1(sql)))
            return sqlite::toError(q.lastError(), restoring());
    }
    return {};
}

// The current file could not be read: this copy goes on as a new client of
// the team server (its outbox numbered from 1 again), since the ids it would
// use next may be taken already. Changes sent since the backup are sent
// again: inserts are left as they are, edits merge as any late edit does.
Result<void> continueAsNewClient(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT coalesce(min(mutation_id), 1) FROM sync_outbox")) || !q.next())
        return sqlite::toError(q.lastError(), restoring());
    const qint64 first = q.value(0).toLongLong();
    q.finish();
    // Through negative ids, so that no two rows meet on the way.
    if (!q.exec(QStringLiteral("DELETE FROM client_state WHERE key = 'sync.client_id'"))
        || !q.exec(QStringLiteral("UPDATE sync_outbox SET mutation_id = -mutation_id")))
        return sqlite::toError(q.lastError(), restoring());
    q.prepare(QStringLiteral("UPDATE sync_outbox SET mutation_id = -mutation_id - ? + 1"));
    q.addBindValue(first);
    if (!q.exec()
        || !q.exec(
            QStringLiteral("UPDATE sqlite_sequence SET seq = (SELECT coalesce(max(mutation_id), 0) FROM sync_outbox) "
                           "WHERE name = 'sync_outbox'")))
        return sqlite::toError(q.lastError(), restoring());
    return {};
}

// The backup copied to where the restore is staged. A file kept aside by an
// earlier restore may have its log beside it.
Result<void> copyBackup(const QString &backupPath, const QString &stagedPath)
{
    if (!QFile::copy(backupPath, stagedPath)
        || (QFileInfo::exists(backupPath + QStringLiteral("-wal"))
            && !QFile::copy(backupPath + QStringLiteral("-wal"), stagedPath + QStringLiteral("-wal"))))
        return makeError(Error::Code::Io, Backups::tr("The backup could not be copied."));
    QFile::setPermissions(stagedPath, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return {};
}

// Whether the current file is at this version's schema, brought there as
// the app would open it if it is older (a restore right after an upgrade):
// its tables must match the restored copy's, which is brought up to date,
// and its unsent changes keep the form the upgrade gives them. False when it
// cannot be (a damaged file takes no migration).
bool currentUpToDate(const QString &databasePath)
{
    {
        FileConnection current(databasePath);
        QSqlQuery q(current.db());
        if (current.isOpen() && q.exec(QStringLiteral("PRAGMA user_version")) && q.next()
            && q.value(0).toInt() >= Database::latestSchemaVersion())
            return true;
    }
    return bool(Database::open(databasePath));
}

// The current file's unsent changes and state carried into the restored copy
// `db` (through `q`, the copy's query), all or nothing; the current file is
// attached only meanwhile.
Result<void> carryFromCurrent(QSqlQuery &q, const QSqlDatabase &db, const QString &databasePath,
                              const RestorePlan &plan, RestoreReport &report)
{
    // The replaced file's changes cannot be read: it is kept as it is, and
    // the copy goes on as a new client (as over a file that cannot be read
    // at all).
    auto unreadable = [&]() -> Result<void> {
        if (auto r = inTransaction(db, [&] { return continueAsNewClient(db); }); !r)
            return r.error();
        report.changesUnreadable = true;
        return {};
    };
    if (!currentUpToDate(databasePath))
        return unreadable();
    if (!q.exec(QStringLiteral("PRAGMA foreign_keys = OFF")))
        return sqlite::toError(q.lastError(), restoring());
    q.prepare(QStringLiteral("ATTACH DATABASE ? AS current"));
    q.addBindValue(QFileInfo(databasePath).absoluteFilePath());
    if (!q.exec())
        return sqlite::toError(q.lastError(), restoring());
    const auto carried = inTransaction(db, [&]() -> Result<qint64> {
        auto n = plan.unsentAfter > 0 ? carryOver(db, plan.backup.lastMutation) : Result<qint64>(qint64(0));
        if (!n)
            return n;
        if (auto r = carryState(db); !r)
            return r.error();
        // Counts and indexes derived from the rows, as the rows
        // carried over (and those they refer to) make them.
        if (n.value() > 0) {
            if (auto r = rebuildDerivedData(db); !r)
                return r.error();
        }
        return n;
    });
    QSqlQuery(db).exec(QStringLiteral("DETACH DATABASE current"));
    QSqlQuery(db).exec(QStringLiteral("PRAGMA foreign_keys = ON"));
    // Pages damaged where the replaced file's changes are.
    if (!carried && carried.error().code == Error::Code::NotADatabase)
        return unreadable();
    if (!carried)
        return carried.error();
    report.carried = carried.value();
    return {};
}

// The staged copy made ready to replace the database: brought up to date,
// checked, and given what the current file knows. Closed again on return.
Result<void> prepareRestoredCopy(const QString &stagedPath, const QString &databasePath, const RestorePlan &plan,
                                 RestoreReport &report)
{
    // Opened as the app opens it: a backup from before a migration is brought up to date.
    auto restored = Database::open(stagedPath);
    if (!restored)
        return restored.error();
    const QSqlDatabase db = restored.value()->connection();
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA quick_check")) || !q.next() || q.value(0).toString() != u"ok")
        return makeError(Error::Code::NotADatabase, Backups::tr("The backup is damaged too; choose an older one."));
    q.finish();
    if (plan.unsentAfter >= 0 && QFileInfo::exists(databasePath)) {
        if (auto r = carryFromCurrent(q, db, databasePath, plan, report); !r)
            return r.error();
    } else if (plan.unsentAfter < 0) {
        if (auto r = inTransaction(db, [&] { return continueAsNewClient(db); }); !r)
            return r.error();
    }
    return {};
}

// The file being replaced is kept in the backup folder as it is (with
// its log), linked there before anything moves: at any moment of a
// crash, the database's path holds the old file or the restored one.
// Where it is kept; empty when there is no file to replace.
Result<QString> keepReplacedAside(const QString &databasePath)
{
    Backups backups(databasePath);
    if (!QFileInfo::exists(databasePath))
        return QString();
    QDir().mkpath(backups.folder());
    const QString keptAs = QDir(backups.folder())
                               .filePath(QStringLiteral("%1-replaced-%2.sqlite")
                                             .arg(QFileInfo(databasePath).fileName(),
                                                  stamp(QDateTime::currentDateTimeUtc())));
    for (const char *suffix : {"", "-wal"}) {
        const QString from = databasePath + QLatin1String(suffix);
        if (QFileInfo::exists(from)
            && ::link(QFile::encodeName(from).constData(), QFile::encodeName(keptAs + QLatin1String(suffix)).constData())
                   != 0
            && !QFile::copy(from, keptAs + QLatin1String(suffix)))
            return makeError(Error::Code::Io, Backups::tr("The database could not be kept aside; it was not replaced."));
    }
    return keptAs;
}

} // namespace

Result<RestoreReport> restoreBackup(const QString &databasePath, const QString &backupPath)
{
    if (DatabaseHealth(databasePath).otherSessions() > 0)
        return makeError(Error::Code::Database, Backups::tr("The database is open in Madoguchi or another program. "
                                                            "Close it there first."));
    const auto plan = planRestore(databasePath, backupPath);
    if (!plan)
        return plan.error();
    const auto staged = StagedDatabaseFile::create(databasePath);
    if (!staged)
        return staged.error();
    if (auto r = copyBackup(backupPath, staged.value()->path()); !r)
        return r.error();
    RestoreReport report;
    if (auto r = prepareRestoredCopy(staged.value()->path(), databasePath, plan.value(), report); !r)
        return r.error();
    const auto keptAs = keepReplacedAside(databasePath);
    if (!keptAs)
        return keptAs.error();
    report.replacedKeptAs = keptAs.value();
    if (auto r = staged.value()->commit(); !r)
        return r.error();
    DatabaseHealth(databasePath).clearDamaged();
    return report;
}

} // namespace madoguchi
