#include "sync/serverschema.h"

#include "domain/businesscalendar.h"
#include "domain/uuid.h"
#include "storage/migrations.h"

#include <QCoreApplication>
#include <QDir>
#include <QRegularExpression>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

#include <libpq-fe.h>

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

// The server's own words, for the cases a person can act on.
Error serverError(const QSqlError &error, const QString &doing)
{
    const QString text = error.text();
    // A relation, schema or function of Madoguchi's that the server lacks.
    static const QRegularExpression kMissingSchema(QStringLiteral("(relation|schema|function) \"?(sync|app|crm)[.\"]"));
    QString reason;
    if (text.contains(QLatin1String("password authentication failed")))
        reason = QCoreApplication::translate("Server", "The user name or password is wrong.");
    else if (text.contains(QLatin1String("could not translate host name")))
        reason = QCoreApplication::translate("Server", "The server's name is not known. Check the host name.");
    else if (text.contains(QLatin1String("Connection refused")) || text.contains(QLatin1String("No such file or directory")))
        reason = QCoreApplication::translate("Server", "Nothing answers at that address and port: the server is down or the port is wrong.");
    else if (text.contains(QLatin1String("timeout expired")))
        reason = QCoreApplication::translate("Server", "The server did not answer in time. Check the network.");
    else if (text.contains(QLatin1String("does not match host name")))
        reason = QCoreApplication::translate("Server", "The server's certificate is for another host name: this may not be your team's server.");
    else if (text.contains(QLatin1String("certificate verify failed")) || text.contains(QLatin1String("root certificate file")))
        reason = QCoreApplication::translate("Server", "The server's certificate could not be verified. Choose the CA file your administrator gave you.");
    else if (text.contains(QLatin1String("does not exist")) && text.contains(QLatin1String("database")))
        reason = QCoreApplication::translate("Server", "There is no database of that name on the server.");
    else if (text.contains(QLatin1String("server does not support SSL")))
        reason = QCoreApplication::translate("Server", "The server does not offer an encrypted connection (TLS). Ask your administrator to "
                                                       "turn TLS on; only on a network you trust, choose a weaker security setting.");
    else if (text.contains(QLatin1String("SSL")) && (text.contains(QLatin1String("error")) || text.contains(QLatin1String("failed"))))
        reason = QCoreApplication::translate("Server", "The encrypted connection (TLS) to the server failed. Check the security setting and the CA file.");
    else if (text.contains(QLatin1String("does not exist")) && text.contains(kMissingSchema))
        reason = QCoreApplication::translate("Server", "This database is not a Madoguchi team server (or its set-up is incomplete). "
                                                       "Ask your administrator to run \"madoguchi-cli server init\" on it.");
    else if (text.contains(QLatin1String("row-level security")))
        reason = QCoreApplication::translate("Server", "The server's rules do not let your login make this change.");
    else if (text.contains(QLatin1String("permission denied")))
        reason = QCoreApplication::translate("Server", "The server refused: this user may not do that.");
    Error e;
    // Reaching the server failed (as opposed to the server refusing): the
    // network may come back, so these are worth trying again.
    static const char *const unreachable[] = {"could not translate host name", "Connection refused", "timeout expired",
                                              "No route to host", "Network is unreachable", "server closed the connection",
                                              "could not connect to server", "Connection reset", "connection to server"};
    e.code = Error::Code::Database;
    for (const char *marker : unreachable) {
        if (text.contains(QLatin1String(marker)) && !text.contains(QLatin1String("password")))
            e.code = Error::Code::Network;
    }
    e.message = reason.isEmpty() ? QCoreApplication::translate("Server", "The team server reported an error while %1: %2").arg(doing, text.trimmed())
                                 : QCoreApplication::translate("Server", "%1 (while %2)").arg(reason, doing);
    return e;
}

QString ServerConnection::connectOptions() const
{
    // libpq conninfo values: single-quoted, with \ and ' escaped. QPSQL turns
    // ';' into spaces, so it separates the keywords.
    auto quoted = [](QString value) {
        value.replace(u'\\', QStringLiteral("\\\\")).replace(u'\'', QStringLiteral("\\'"));
        return u'\'' + value + u'\'';
    };
    QStringList options{QStringLiteral("sslmode=%1").arg(quoted(sslMode.isEmpty() ? QStringLiteral("verify-full") : sslMode)),
                        QStringLiteral("connect_timeout=%1").arg(connectTimeoutSeconds),
                        QStringLiteral("keepalives=1"), QStringLiteral("keepalives_idle=30"),
                        QStringLiteral("application_name=madoguchi")};
    if (!sslRootCert.isEmpty())
        options << QStringLiteral("sslrootcert=%1").arg(quoted(QDir::toNativeSeparators(sslRootCert)));
    return options.join(u';');
}

Result<QSqlDatabase> openServer(const ServerConnection &server, const QString &connectionName)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
    db.setHostName(server.host);
    db.setPort(server.port);
    db.setDatabaseName(server.database);
    db.setUserName(server.user);
    db.setPassword(server.password);
    db.setConnectOptions(server.connectOptions());
    if (!db.open()) {
        const Error error = serverError(db.lastError(), QCoreApplication::translate("Server", "connecting"));
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(connectionName);
        return error;
    }
    return db;
}

int latestServerSchemaVersion()
{
    const QList<ServerMigration> all = serverMigrations();
    return all.isEmpty() ? 0 : all.last().version;
}

Result<int> serverSchemaVersion(QSqlDatabase db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT to_regclass('sync.meta') IS NOT NULL")) || !q.next())
        return serverError(q.lastError(), QCoreApplication::translate("Server", "reading the schema version"));
    if (!q.value(0).toBool())
        return 0;
    if (!q.exec(QStringLiteral("SELECT schema_version FROM sync.meta")) || !q.next())
        return serverError(q.lastError(), QCoreApplication::translate("Server", "reading the schema version"));
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
    const QString doing = QCoreApplication::translate("Server", "storing the national holidays");
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
            return serverError(q.lastError(), QCoreApplication::translate("Server", "computing the SLA due times"));
    }
    if (!q.exec(QStringLiteral("RESET ROLE")))
        return serverError(q.lastError(), doing);
    return added;
}

// The SCRAM-SHA-256 verifier of `password` for `login`, made by libpq on
// this machine from the connection's driver handle.
Result<QString> scramVerifier(QSqlDatabase db, const QString &login, const QString &password)
{
    const QVariant handle = db.driver()->handle();
    // QPSQL names the handle by libpq's struct tag (pg_conn*).
    const bool isPg = handle.isValid() && (qstrcmp(handle.typeName(), "PGconn*") == 0 || qstrcmp(handle.typeName(), "pg_conn*") == 0);
    PGconn *conn = isPg ? *static_cast<PGconn *const *>(handle.data()) : nullptr;
    char *made = conn ? PQencryptPasswordConn(conn, password.toUtf8().constData(), login.toUtf8().constData(), "scram-sha-256") : nullptr;
    if (!made) {
        return makeError(Error::Code::Database,
                         QCoreApplication::translate("Server", "The password could not be prepared for the server (%1). Nothing was changed.")
                             .arg(conn ? QString::fromUtf8(PQerrorMessage(conn)).trimmed() : QStringLiteral("no PostgreSQL connection")));
    }
    const QString verifier = QString::fromLatin1(made);
    PQfreemem(made);
    return verifier;
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
                         QCoreApplication::translate("Server", "The server's schema is version %1, newer than this Madoguchi knows (%2). Nothing was changed; "
                            "update Madoguchi to work with this server.").arg(version).arg(latest));
    }
    for (const ServerMigration &m : serverMigrations()) {
        if (m.version <= version || (upTo && m.version > *upTo))
            continue;
        QSqlQuery q(db);
        // One transaction per version: the script and its version number
        // commit together or not at all.
        if (!q.exec(QStringLiteral("BEGIN")))
            return serverError(q.lastError(), QCoreApplication::translate("Server", "upgrading the schema"));
        // The scripts are this program's own resources, run as they are.
        if (!q.exec(sqlResource(m.path))) {
            const QSqlError error = q.lastError();
            QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
            return serverError(error, QCoreApplication::translate("Server", "upgrading the schema to version %1").arg(m.version));
        }
        // The version that moves the due times to the server gives every
        // ticket its figures in the same transaction.
        if (m.version == kServerSlaVersion) {
            if (auto r = shareHolidays(db, true); !r) {
                QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
                return r.error();
            }
        }
        const bool applied = q.exec(QStringLiteral("UPDATE sync.meta SET schema_version = %1").arg(m.version)) // an integer of ours
            && q.exec(QStringLiteral("COMMIT"));
        if (!applied) {
            const QSqlError error = q.lastError();
            QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
            return serverError(error, QCoreApplication::translate("Server", "upgrading the schema to version %1").arg(m.version));
        }
        version = m.version;
    }
    // Holidays a newer app ships, on a server already up to date.
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("BEGIN")))
        return serverError(q.lastError(), QCoreApplication::translate("Server", "storing the national holidays"));
    if (auto r = shareHolidays(db, false); !r) {
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        return r.error();
    }
    if (!q.exec(QStringLiteral("COMMIT"))) {
        const QSqlError error = q.lastError();
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        return serverError(error, QCoreApplication::translate("Server", "storing the national holidays"));
    }
    return version;
}

Result<QUuid> addServerTeam(QSqlDatabase db, const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty() || trimmed.size() > 200)
        return makeError(Error::Code::Invalid, QCoreApplication::translate("Server", "Give the team a name of up to 200 characters."));
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT id FROM crm.team WHERE lower(name) = lower(?) AND deleted_at IS NULL"));
    q.addBindValue(trimmed);
    if (!q.exec())
        return serverError(q.lastError(), QCoreApplication::translate("Server", "adding the team"));
    if (q.next())
        return QUuid(q.value(0).toString());
    const QUuid id = newUuidV7();
    q.prepare(QStringLiteral("INSERT INTO crm.team (id, name) VALUES (?::uuid, ?)"));
    q.addBindValue(id.toString(QUuid::WithoutBraces));
    q.addBindValue(trimmed);
    if (!q.exec())
        return serverError(q.lastError(), QCoreApplication::translate("Server", "adding the team"));
    return id;
}

Result<QUuid> addServerAgent(QSqlDatabase db, const QString &login, const QString &displayName, const QString &role,
                             const QString &team, const QString &password)
{
    // A login name the server and the shell both take without quoting.
    static const QRegularExpression valid(QStringLiteral("^[a-z][a-z0-9_]{1,62}$"));
    if (!valid.match(login).hasMatch())
        return makeError(Error::Code::Invalid, QCoreApplication::translate("Server", "A login name is 2–63 lower-case letters, digits or underscores, starting with a letter."));
    if (login.startsWith(QLatin1String("crm_")) || login.startsWith(QLatin1String("pg_")))
        return makeError(Error::Code::Invalid, QCoreApplication::translate("Server", "Login names starting with crm_ or pg_ are reserved."));
    if (!serverRoles().contains(role))
        return makeError(Error::Code::Invalid, QCoreApplication::translate("Server", "The role must be one of: %1.").arg(serverRoles().join(QStringLiteral(", "))));
    if (password.size() < 8)
        return makeError(Error::Code::Invalid, QCoreApplication::translate("Server", "The password must have at least 8 characters."));
    const QString name = displayName.trimmed().isEmpty() ? login : displayName.trimmed();
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("BEGIN")))
        return serverError(q.lastError(), QCoreApplication::translate("Server", "adding the agent"));
    auto fail = [&](const QString &doing) -> Error {
        const QSqlError error = q.lastError();
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        return serverError(error, doing);
    };
    QUuid teamId;
    if (!team.trimmed().isEmpty()) {
        q.prepare(QStringLiteral("SELECT id FROM crm.team WHERE lower(name) = lower(?) AND deleted_at IS NULL"));
        q.addBindValue(team.trimmed());
        if (!q.exec())
            return fail(QCoreApplication::translate("Server", "finding the team"));
        if (!q.next()) {
            QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
            return makeError(Error::Code::NotFound, QCoreApplication::translate("Server", "There is no team called \"%1\" on the server.").arg(team.trimmed()));
        }
        teamId = QUuid(q.value(0).toString());
    }
    // The password leaves this program only as a SCRAM verifier, made here
    // by libpq: a CREATE ROLE that fails is written to the server's log, and
    // the plain text must not be in it. The verifier alone cannot log in.
    const auto verifier = scramVerifier(db, login, password);
    if (!verifier) {
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        return verifier.error();
    }
    // CREATE ROLE takes no bound values: quote_ident and quote_literal on the
    // server make the statement, from values bound here.
    q.prepare(QStringLiteral("SELECT format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE %I NOSUPERUSER NOBYPASSRLS NOREPLICATION "
                             "NOCREATEDB NOCREATEROLE', ?::text, ?::text, ?::text)"));
    q.addBindValue(login);
    q.addBindValue(verifier.value());
    q.addBindValue(QStringLiteral("crm_") + role);
    if (!q.exec() || !q.next())
        return fail(QCoreApplication::translate("Server", "adding the agent"));
    const QString create = q.value(0).toString();
    if (!q.exec(create))
        return fail(QCoreApplication::translate("Server", "adding the agent"));
    // Timeouts on the login role itself: settings on a group role do not reach its members.
    // (Inside the format string's quotes, each quote is doubled.)
    for (const QString &setting : {QStringLiteral("statement_timeout = ''30s''"), QStringLiteral("lock_timeout = ''5s''"),
                                   QStringLiteral("idle_in_transaction_session_timeout = ''15s''")}) {
        q.prepare(QStringLiteral("SELECT format('ALTER ROLE %I SET ") + setting + QStringLiteral("', ?::text)"));
        q.addBindValue(login);
        if (!q.exec() || !q.next())
            return fail(QCoreApplication::translate("Server", "adding the agent"));
        const QString alter = q.value(0).toString();
        if (!q.exec(alter))
            return fail(QCoreApplication::translate("Server", "adding the agent"));
    }
    const QUuid id = newUuidV7();
    q.prepare(QStringLiteral("INSERT INTO crm.agent (id, agent_role, name, role, team_id) VALUES (?::uuid, ?, ?, ?, ?::uuid)"));
    q.addBindValue(id.toString(QUuid::WithoutBraces));
    q.addBindValue(login);
    q.addBindValue(name);
    q.addBindValue(role);
    q.addBindValue(teamId.isNull() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(teamId.toString(QUuid::WithoutBraces)));
    if (!q.exec())
        return fail(QCoreApplication::translate("Server", "adding the agent"));
    if (!q.exec(QStringLiteral("COMMIT")))
        return fail(QCoreApplication::translate("Server", "adding the agent"));
    return id;
}

Result<qint64> retainServerChanges(QSqlDatabase db, int days)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT sync.retain(make_interval(days => ?))"));
    q.addBindValue(days);
    if (!q.exec() || !q.next())
        return serverError(q.lastError(), QCoreApplication::translate("Server", "removing old changes"));
    return q.value(0).toLongLong();
}

} // namespace madoguchi
