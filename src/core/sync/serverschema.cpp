#include "sync/serverschema.h"

#include "domain/businesscalendar.h"
#include "storage/migrations.h"
#include "sync/serverconnection.h"

#include <QDir>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

namespace madoguchi {

namespace {

struct ServerMigration
{
    int version = 0;
    QString path;
};

QList<ServerMigration> serverMigrations()
{
    QList<ServerMigration> out;
    static const QRegularExpression name(QStringLiteral("^(\\d{4})_.*\\.sql$"));
    const QDir dir(QStringLiteral(":/sql/server"));
    for (const QString &file : dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name)) {
        if (const auto m = name.match(file); m.hasMatch())
            out.append({m.captured(1).toInt(), QStringLiteral("server/") + file});
    }
    return out;
}

} // namespace

int latestServerSchemaVersion()
{
    const QList<ServerMigration> all = serverMigrations();
    return all.isEmpty() ? 0 : all.last().version;
}

Result<int> serverSchemaVersion(QSqlDatabase db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT to_regclass('sync.meta') IS NOT NULL")) || !q.next())
        return serverError(q.lastError(), ServerText::tr("reading the schema version"));
    if (!q.value(0).toBool())
        return 0;
    if (!q.exec(QStringLiteral("SELECT schema_version FROM sync.meta")) || !q.next())
        return serverError(q.lastError(), ServerText::tr("reading the schema version"));
    return q.value(0).toInt();
}

namespace {

// The schema version from which the server computes the SLA due times.
constexpr int kServerSlaVersion = 4;

// The shipped Japanese holidays go to the server (the SLA clocks there
// count them like the app's), inside the caller's transaction. Returns
// whether any were new; then the running tickets' clocks are settled again,
// or, with `everyTicket` (the upgrade to server-side due times), every
// ticket's figures computed once.
Result<bool> shareHolidays(QSqlDatabase db, bool everyTicket)
{
    QStringList days;
    for (const QDate &d : BusinessCalendar::japaneseHolidays())
        days << d.toString(Qt::ISODate);
    QSqlQuery q(db);
    const QString doing = ServerText::tr("storing the national holidays");
    if (!q.exec(QStringLiteral("SET LOCAL ROLE crm_owner")))
        return serverError(q.lastError(), doing);
    q.prepare(QStringLiteral("INSERT INTO sync.holiday (day) SELECT unnest(?::date[]) ON CONFLICT DO NOTHING"));
    q.addBindValue(QStringLiteral("{%1}").arg(days.join(u',')));
    if (!q.exec())
        return serverError(q.lastError(), doing);
    const bool added = q.numRowsAffected() > 0;
    if (everyTicket || added) {
        q.prepare(QStringLiteral("SELECT sync.refresh_sla_all(?)"));
        q.addBindValue(!everyTicket);
        if (!q.exec())
            return serverError(q.lastError(), ServerText::tr("computing the SLA due times"));
    }
    if (!q.exec(QStringLiteral("RESET ROLE")))
        return serverError(q.lastError(), doing);
    return added;
}

} // namespace

Result<int> initializeServer(QSqlDatabase db, std::optional<int> upTo)
{
    const auto current = serverSchemaVersion(db);
    if (!current)
        return current.error();
    int version = current.value();
    const int latest = latestServerSchemaVersion();
    if (version > latest) {
        return makeError(Error::Code::SchemaTooNew,
                         ServerText::tr(
                             "The server's schema is version %1, newer than this Madoguchi knows (%2). Nothing was changed; "
                             "update Madoguchi to work with this server.")
                             .arg(version)
                             .arg(latest));
    }
    for (const ServerMigration &m : serverMigrations()) {
        if (m.version <= version || (upTo && m.version > *upTo))
            continue;
        QSqlQuery q(db);
        // One transaction per version: the script and its version number
        // commit together or not at all.
        if (!q.exec(QStringLiteral("BEGIN")))
            return serverError(q.lastError(), ServerText::tr("upgrading the schema"));
        // The scripts are this program's own resources, run as they are.
        if (!q.exec(sqlResource(m.path))) {
            const QSqlError error = q.lastError();
            QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
            return serverError(error, ServerText::tr("upgrading the schema to version %1").arg(m.version));
        }
        // The version that moves the due times to the server gives every
        // ticket its figures in the same transaction.
        if (m.version == kServerSlaVersion) {
            if (auto r = shareHolidays(db, true); !r) {
                QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
                return r.error();
            }
        }
        const bool applied
            = q.exec(QStringLiteral("UPDATE sync.meta SET schema_version = %1").arg(m.version)) // an integer of ours
              && q.exec(QStringLiteral("COMMIT"));
        if (!applied) {
            const QSqlError error = q.lastError();
            QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
            return serverError(error, ServerText::tr("upgrading the schema to version %1").arg(m.version));
        }
        version = m.version;
    }
    // Holidays a newer app ships, on a server already up to date.
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("BEGIN")))
        return serverError(q.lastError(), ServerText::tr("storing the national holidays"));
    if (auto r = shareHolidays(db, false); !r) {
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        return r.error();
    }
    if (!q.exec(QStringLiteral("COMMIT"))) {
        const QSqlError error = q.lastError();
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        return serverError(error, ServerText::tr("storing the national holidays"));
    }
    return version;
}

} // namespace madoguchi
