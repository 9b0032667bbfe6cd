#include "storage/databaseinfo.h"

#include "storage/changewriter.h"
#include "storage/clientstate.h"
#include "storage/database.h"
#include "storage/sqlite.h"

#include <QFileInfo>
#include <QSqlQuery>

namespace madoguchi {

NamedTimeZones namedTimeZones(const QSqlDatabase &db)
{
    // One read; an unreadable file (or a backup from before the tables)
    // names nothing.
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "SELECT (SELECT t.time_zone FROM agents a JOIN teams t ON t.id = a.team_id "
        "        WHERE a.id = ? AND t.deleted_at IS NULL), "
        "       (SELECT time_zone FROM teams WHERE deleted_at IS NULL ORDER BY created_at, id LIMIT 1), "
        "       (SELECT c.time_zone FROM sla_policies p JOIN calendars c ON c.id = p.calendar_id "
        "        WHERE p.deleted_at IS NULL AND c.deleted_at IS NULL ORDER BY p.is_default DESC, p.created_at LIMIT 1)"));
    q.addBindValue(keyValue(ClientState(db).currentAgent()));
    if (!q.exec() || !q.next())
        return {};
    return {q.value(0).toString(), q.value(1).toString(), q.value(2).toString()};
}

Result<bool> holdsData(const Database &database)
{
    QSqlQuery q(database.connection());
    if (!q.exec(QStringLiteral("SELECT EXISTS(SELECT 1 FROM customers) OR EXISTS(SELECT 1 FROM teams) "
                               "OR EXISTS(SELECT 1 FROM agents) OR EXISTS(SELECT 1 FROM tickets)"))
        || !q.next())
        return sqlite::toError(q.lastError(), Database::tr("reading the database"));
    return q.value(0).toBool();
}

Result<DatabaseInfo> inspectDatabase(const Database &database, bool fullCheck)
{
    DatabaseInfo info;
    info.path = database.path();
    const QFileInfo file(database.path());
    info.sizeBytes = file.size() + QFileInfo(database.path() + QStringLiteral("-wal")).size();
    info.schemaVersion = database.schemaVersion();
    info.latestSchemaVersion = Database::latestSchemaVersion();

    const QSqlDatabase db = database.connection();
    QSqlQuery q(db);
    // Table names come from this fixed list, never from input: safe to splice.
    static const char *const tables[]
        = {"teams",   "agents",        "organizations", "customers",     "customer_contacts",
           "tickets", "ticket_events", "interactions",  "csat_responses"};
    for (const char *table : tables) {
        if (!q.exec(QStringLiteral("SELECT count(*) FROM %1 WHERE deleted_at IS NULL").arg(QLatin1String(table)))
            || !q.next())
            return sqlite::toError(q.lastError(), Database::tr("reading the database"));
        info.rowCounts.append({QString::fromLatin1(table), q.value(0).toLongLong()});
    }
    if (!q.exec(QStringLiteral("SELECT count(*) FROM sync_outbox")) || !q.next())
        return sqlite::toError(q.lastError(), Database::tr("reading the database"));
    info.outboxPending = q.value(0).toLongLong();
    if (!q.exec(QStringLiteral("SELECT value FROM client_state WHERE key = 'demo'")))
        return sqlite::toError(q.lastError(), Database::tr("reading the database"));
    info.isDemo = q.next() && q.value(0).toString() == u"1";

    if (fullCheck) {
        info.checked = true;
        if (!q.exec(QStringLiteral("PRAGMA integrity_check")))
            return sqlite::toError(q.lastError(), Database::tr("checking the database"));
        while (q.next()) {
            const QString line = q.value(0).toString();
            if (line != u"ok")
                info.integrityProblems << line;
        }
        if (!q.exec(QStringLiteral("PRAGMA foreign_key_check")))
            return sqlite::toError(q.lastError(), Database::tr("checking the database"));
        while (q.next())
            ++info.foreignKeyProblems;
    }
    return info;
}

} // namespace madoguchi
