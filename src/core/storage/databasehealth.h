#pragma once

#include "common/result.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace madoguchi {

// What is known about a database file's health across processes, kept in
// small files beside it (the database itself may be unreadable):
// - which processes have it open: a marker left by a process that is gone
//   means the file was not closed cleanly (a crash, kill -9, power loss);
//   the file then needs a check, noted until one has read every page (so
//   a program that opens the file without checking, or a check cut short,
//   leaves it to the next);
// - whether a check found it damaged: then nothing is written to it (every
//   transaction refuses) until a backup is restored or a check passes.
class DatabaseHealth
{
public:
    explicit DatabaseHealth(const QString &databasePath);

    // Registers this use of the file (until endSession); true when an
    // earlier use ended without closing it (the file then needs a check).
    bool beginSession();
    void endSession();

    // Not closed cleanly and not checked since.
    bool needsCheck() const;
    // Reads every page of `db` (this file) and notes what was found: damage
    // (writes stop) or sound pages (no check needed; damage a fuller check
    // noted stands). A check that could not finish notes nothing.
    Result<QStringList> check(const QSqlDatabase &db);

    bool isDamaged() const;
    QString damage() const; // what the check found
    Result<void> markDamaged(const QString &found);
    void clearDamaged();

    // The marker's path for `databasePath` (Transaction looks at it).
    static QString damagedMarker(const QString &databasePath);
    // The error a write to a damaged database gets.
    static Error damagedError();
    // SQLite's quick check of every page: what it found (empty: healthy).
    // Pages that cannot be read count as damage.
    static Result<QStringList> checkPages(const QSqlDatabase &db);
    // Other processes that have the file open now.
    int otherSessions() const;

private:
    QString m_path;
    QString m_session;
};

} // namespace madoguchi
