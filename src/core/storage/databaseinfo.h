#pragma once

#include "common/result.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QTimeZone>

#include <utility>

namespace madoguchi {

class Database;

// What `madoguchi-cli check` and the status bar report about a database.
struct DatabaseInfo
{
    QString path;
    qint64 sizeBytes = 0;
    int schemaVersion = 0;
    int latestSchemaVersion = 0;
    bool isDemo = false;
    qint64 outboxPending = 0;
    QList<std::pair<QString, qint64>> rowCounts; // table, live rows
    // Filled only by a full check:
    bool checked = false;
    QStringList integrityProblems; // empty = "ok"
    qint64 foreignKeyProblems = 0;
};

// The time zones a database names, as stored ("" where it names none).
// displayTimeZone (config/) picks the one times are shown in.
struct NamedTimeZones
{
    QString signedInTeam;    // the team of the agent signed in on this copy
    QString firstTeam;       // the first live team
    QString defaultCalendar; // the calendar of the default SLA policy

    bool isEmpty() const { return signedInTeam.isEmpty() && firstTeam.isEmpty() && defaultCalendar.isEmpty(); }
};
NamedTimeZones namedTimeZones(const QSqlDatabase &db);

// Whether anything was saved in the database yet: people, teams,
// customers or tickets (the shipped SLA defaults do not count).
Result<bool> holdsData(const Database &database);

// Quick facts (counts, version, size). With `fullCheck`, also runs
// PRAGMA integrity_check and foreign_key_check (reads the whole file).
Result<DatabaseInfo> inspectDatabase(const Database &database, bool fullCheck);

} // namespace madoguchi
