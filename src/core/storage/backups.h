#pragma once

#include "common/result.h"
#include "storage/databaseinfo.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace madoguchi {

struct BackupInfo
{
    QString path;
    QDateTime takenAt; // UTC
    qint64 bytes = 0;
    qint64 lastMutation = 0; // the last change recorded for the team server that it holds
};

// Consistent copies of one database in a folder beside it
// ("<name>-backups"): taken daily by the app, before every migration and on
// request, kept for a week (the newest always). Each is written aside and
// renamed into place when complete, named after its time and outbox position
// ("madoguchi-20261207T091500Z-m1234.sqlite").
class Backups
{
    Q_DECLARE_TR_FUNCTIONS(Backups)

public:
    explicit Backups(const QString &databasePath);

    QString folder() const { return m_folder; }
    // A copy of `db` (SQLite's VACUUM INTO: consistent while others write),
    // then the week's pruning. `db` must not be inside a transaction.
    Result<BackupInfo> create(const QSqlDatabase &db) const;
    // A copy of `db` at `file` (written aside and renamed when complete).
    static Result<BackupInfo> copyTo(const QSqlDatabase &db, const QString &file);
    QList<BackupInfo> list() const; // newest first
    std::optional<BackupInfo> newest() const;
    bool dailyDue(const QDateTime &now = QDateTime::currentDateTimeUtc()) const;
    int prune(const QDateTime &now = QDateTime::currentDateTimeUtc()) const;

private:
    QString m_database;
    QString m_folder;
};

struct RestorePlan
{
    BackupInfo backup;
    // Changes not yet sent to the team server that were made after the
    // backup: the restore carries them over. -1 when the current file
    // cannot be read (it is then kept aside, with them, as it is).
    qint64 unsentAfter = 0;
};

struct RestoreReport
{
    qint64 carried = 0;     // changes not yet sent, carried over
    QString replacedKeptAs; // where the file that was replaced now is
    // The replaced file's rows could not be read where its unsent changes
    // are: nothing was carried over (they stay in the kept file), and the
    // restored copy goes on as a new client of the team server.
    bool changesUnreadable = false;
};

// The time zones a database file or a backup names, read without opening it
// as a database (no migration, nothing written); nothing when it cannot be read.
NamedTimeZones namedTimeZonesOfFile(const QString &path);

// What restoring `backupPath` over `databasePath` would do.
Result<RestorePlan> planRestore(const QString &databasePath, const QString &backupPath);
// Replaces the database with the backup, carrying over the changes made
// since that the team server has not received (their rows as they are now),
// and keeps the replaced file in the backup folder. Nothing may have the
// database open; on any error the database is left as it was.
Result<RestoreReport> restoreBackup(const QString &databasePath, const QString &backupPath);

} // namespace madoguchi
