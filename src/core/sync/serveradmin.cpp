#include "sync/serveradmin.h"

#include "domain/uuid.h"
#include "sync/serverconnection.h"
#include "sync/serverschema.h"

#include <QRegularExpression>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

#include <libpq-fe.h>

namespace madoguchi {

namespace {

// The SCRAM-SHA-256 verifier of `password` for `login`, made by libpq on
// this machine from the connection's driver handle.
Result<QString> scramVerifier(QSqlDatabase db, const QString &login, const QString &password)
{
    const QVariant handle = db.driver()->handle();
    // QPSQL names the handle by libpq's struct tag (pg_conn*).
    const bool isPg = handle.isValid()
                      && (qstrcmp(handle.typeName(), "PGconn*") == 0 || qstrcmp(handle.typeName(), "pg_conn*") == 0);
    PGconn *conn = isPg ? *static_cast<PGconn *const *>(handle.data()) : nullptr;
    char *made = conn ? PQencryptPasswordConn(conn, password.toUtf8().constData(), login.toUtf8().constData(),
                                              "scram-sha-256")
                      : nullptr;
    if (!made) {
        return makeError(Error::Code::Database,
                         ServerText::tr("The password could not be prepared for the server (%1). Nothing was changed.")
                             .arg(conn ? QString::fromUtf8(PQerrorMessage(conn)).trimmed()
                                       : QStringLiteral("no PostgreSQL connection")));
    }
    const QString verifier = QString::fromLatin1(made);
    PQfreemem(made);
    return verifier;
}

// Whether a new agent's login, role and password may be given to the server.
Result<void> checkNewAgent(const QString &login, const QString &role, const QString &password)
{
    // A login name the server and the shell both take without quoting.
    static const QRegularExpression valid(QStringLiteral("^[a-z][a-z0-9_]{1,62}$"));
    if (!valid.match(login).hasMatch())
        return makeError(Error::Code::Invalid,
                         ServerText::tr(
                             "A login name is 2–63 lower-case letters, digits or underscores, starting with a letter."));
    if (login.startsWith(QLatin1String("crm_")) || login.startsWith(QLatin1String("pg_")))
        return makeError(Error::Code::Invalid, ServerText::tr("Login names starting with crm_ or pg_ are reserved."));
    if (!serverRoles().contains(role))
        return makeError(Error::Code::Invalid,
                         ServerText::tr("The role must be one of: %1.").arg(serverRoles().join(QStringLiteral(", "))));
    if (password.size() < 8)
        return makeError(Error::Code::Invalid, ServerText::tr("The password must have at least 8 characters."));
    return {};
}

// The error of `q`'s last statement, after the open transaction was rolled back.
Error rolledBack(const QSqlQuery &q, QSqlDatabase db, const QString &doing)
{
    const QSqlError error = q.lastError();
    QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
    return serverError(error, doing);
}

// The id of `team` (none for an empty name), inside the open transaction,
// which is rolled back if there is no such team.
Result<QUuid> findTeam(QSqlQuery &q, QSqlDatabase db, const QString &team)
{
    if (team.trimmed().isEmpty())
        return QUuid();
    q.prepare(QStringLiteral("SELECT id FROM crm.team WHERE lower(name) = lower(?) AND deleted_at IS NULL"));
    q.addBindValue(team.trimmed());
    if (!q.exec())
        return rolledBack(q, db, ServerText::tr("finding the team"));
    if (!q.next()) {
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        return makeError(Error::Code::NotFound,
                         ServerText::tr("There is no team called \"%1\" on the server.").arg(team.trimmed()));
    }
    return QUuid(q.value(0).toString());
}

// Runs the statement that `format` (a SELECT format(...) with bound values)
// makes on the server; rolls the open transaction back on an error.
Result<void> execFormatted(QSqlQuery &q, QSqlDatabase db, const QString &format, const QStringList &values)
{
    q.prepare(format);
    for (const QString &value : values)
        q.addBindValue(value);
    if (!q.exec() || !q.next())
        return rolledBack(q, db, ServerText::tr("adding the agent"));
    const QString statement = q.value(0).toString();
    if (!q.exec(statement))
        return rolledBack(q, db, ServerText::tr("adding the agent"));
    return {};
}

// The login role of a new agent, in `role`'s group, with its own timeouts;
// inside the open transaction, which is rolled back on an error.
Result<void> createLoginRole(QSqlQuery &q, QSqlDatabase db, const QString &login, const QString &role,
                             const QString &password)
{
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
    const QString createRole = QStringLiteral(
        "SELECT format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE %I NOSUPERUSER NOBYPASSRLS NOREPLICATION "
        "NOCREATEDB NOCREATEROLE', ?::text, ?::text, ?::text)");
    if (auto r = execFormatted(q, db, createRole, {login, verifier.value(), QStringLiteral("crm_") + role}); !r)
        return r;
    // Timeouts on the login role itself: settings on a group role do not reach its members.
    // (Inside the format string's quotes, each quote is doubled.)
    for (const QString &setting :
         {QStringLiteral("statement_timeout = ''30s''"), QStringLiteral("lock_timeout = ''5s''"),
          QStringLiteral("idle_in_transaction_session_timeout = ''15s''")}) {
        const QString alterRole = QStringLiteral("SELECT format('ALTER ROLE %I SET ") + setting
                                  + QStringLiteral("', ?::text)");
        if (auto r = execFormatted(q, db, alterRole, {login}); !r)
            return r;
    }
    return {};
}

} // namespace

Result<QUuid> addServerTeam(QSqlDatabase db, const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty() || trimmed.size() > 200)
        return makeError(Error::Code::Invalid, ServerText::tr("Give the team a name of up to 200 characters."));
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT id FROM crm.team WHERE lower(name) = lower(?) AND deleted_at IS NULL"));
    q.addBindValue(trimmed);
    if (!q.exec())
        return serverError(q.lastError(), ServerText::tr("adding the team"));
    if (q.next())
        return QUuid(q.value(0).toString());
    const QUuid id = newUuidV7();
    q.prepare(QStringLiteral("INSERT INTO crm.team (id, name) VALUES (?::uuid, ?)"));
    q.addBindValue(id.toString(QUuid::WithoutBraces));
    q.addBindValue(trimmed);
    if (!q.exec())
        return serverError(q.lastError(), ServerText::tr("adding the team"));
    return id;
}

Result<QUuid> addServerAgent(QSqlDatabase db, const QString &login, const QString &displayName, const QString &role,
                             const QString &team, const QString &password)
{
    if (auto r = checkNewAgent(login, role, password); !r)
        return r.error();
    const QString name = displayName.trimmed().isEmpty() ? login : displayName.trimmed();
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("BEGIN")))
        return serverError(q.lastError(), ServerText::tr("adding the agent"));
    const auto teamId = findTeam(q, db, team);
    if (!teamId)
        return teamId.error();
    if (auto r = createLoginRole(q, db, login, role, password); !r)
        return r.error();
    const QUuid id = newUuidV7();
    q.prepare(QStringLiteral(
        "INSERT INTO crm.agent (id, agent_role, name, role, team_id) VALUES (?::uuid, ?, ?, ?, ?::uuid)"));
    q.addBindValue(id.toString(QUuid::WithoutBraces));
    q.addBindValue(login);
    q.addBindValue(name);
    q.addBindValue(role);
    q.addBindValue(teamId->isNull() ? QVariant(QMetaType(QMetaType::QString))
                                    : QVariant(teamId->toString(QUuid::WithoutBraces)));
    if (!q.exec())
        return rolledBack(q, db, ServerText::tr("adding the agent"));
    if (!q.exec(QStringLiteral("COMMIT")))
        return rolledBack(q, db, ServerText::tr("adding the agent"));
    return id;
}

Result<qint64> retainServerChanges(QSqlDatabase db, int days)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT sync.retain(make_interval(days => ?))"));
    q.addBindValue(days);
    if (!q.exec() || !q.next())
        return serverError(q.lastError(), ServerText::tr("removing old changes"));
    return q.value(0).toLongLong();
}

} // namespace madoguchi
