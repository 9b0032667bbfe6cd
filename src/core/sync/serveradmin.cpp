#include "sync/serveradmin.h"

#include "domain/textnormalizer.h"
#include "domain/uuid.h"
#include "sync/serverconnection.h"
#include "sync/serverschema.h"

#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>

#include <libpq-fe.h>

#include <vector>

namespace madoguchi {

namespace {

// libpq's connection under a QPSQL connection (null for any other).
PGconn *pgConnection(const QSqlDatabase &db)
{
    const QVariant handle = db.driver()->handle();
    // QPSQL names the handle by libpq's struct tag (pg_conn*).
    const bool isPg = handle.isValid()
                      && (qstrcmp(handle.typeName(), "PGconn*") == 0 || qstrcmp(handle.typeName(), "pg_conn*") == 0);
    return isPg ? *static_cast<PGconn *const *>(handle.data()) : nullptr;
}

// Runs `statement` ($1, $2, … for `values`; a null value is NULL) with its
// values sent apart from the text, as libpq's extended protocol does. QPSQL
// writes bound values into the statement's text (EXECUTE … ('…')), and the
// server logs a failing statement's text: a call that carries a password's
// verifier goes this way, so that a refusal logs "$8", not the verifier.
QSqlError execApart(const QSqlDatabase &db, const QString &statement, const QVariantList &values)
{
    PGconn *conn = pgConnection(db);
    if (!conn)
        return QSqlError(QString(), QStringLiteral("no PostgreSQL connection"), QSqlError::ConnectionError);
    QList<QByteArray> texts;
    std::vector<const char *> params;
    texts.reserve(values.size());
    for (const QVariant &v : values) {
        const bool isNull = v.isNull() || (v.typeId() == QMetaType::QString && v.toString().isNull());
        texts.append(isNull ? QByteArray() : v.toString().toUtf8());
        params.push_back(isNull ? nullptr : texts.constLast().constData());
    }
    PGresult *result = PQexecParams(conn, statement.toUtf8().constData(), int(params.size()), nullptr, params.data(),
                                    nullptr, nullptr, 0);
    const ExecStatusType status = PQresultStatus(result);
    QSqlError error;
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
        const char *state = PQresultErrorField(result, PG_DIAG_SQLSTATE);
        error = QSqlError(QString(), QString::fromUtf8(PQresultErrorMessage(result)).trimmed(),
                          QSqlError::StatementError, QString::fromLatin1(state ? state : ""));
    }
    PQclear(result);
    return error;
}

// The SCRAM-SHA-256 verifier of `password` for `login`, made by libpq on
// this machine from the connection's driver handle.
Result<QString> scramVerifier(QSqlDatabase db, const QString &login, const QString &password)
{
    PGconn *conn = pgConnection(db);
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

QString generatedPassword()
{
    static const QString alphabet = QStringLiteral("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789");
    QString password;
    for (int i = 0; i < 20; ++i)
        password += alphabet.at(int(QRandomGenerator::system()->bounded(quint32(alphabet.size()))));
    return password;
}

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

namespace {

// Before version 8 (a server not upgraded yet): the login made directly,
// which needs a caller who may create roles.
Result<QUuid> addServerAgentBefore8(QSqlDatabase db, const QString &login, const QString &name, const QString &role,
                                    const QString &team, const QString &password)
{
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

// The schema version from which admins run the directory (app.add_agent …).
constexpr int kServerDirectoryVersion = 8;

QVariant uuidParam(const QUuid &id)
{
    return id.isNull() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(id.toString(QUuid::WithoutBraces));
}

// Text for a NOT NULL column: QPSQL binds a null QString as NULL.
QString notNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text.trimmed();
}

// The directory id of the agent with `login`.
Result<QUuid> agentWithLogin(QSqlDatabase db, const QString &login)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT id FROM crm.agent WHERE agent_role = ? AND deleted_at IS NULL"));
    q.addBindValue(login);
    if (!q.exec())
        return serverError(q.lastError(), ServerText::tr("finding the agent"));
    if (!q.next())
        return makeError(Error::Code::NotFound,
                         ServerText::tr("There is no agent with the login %1 on the server.").arg(login));
    return QUuid(q.value(0).toString());
}

// Runs `statement` with `values` inside the open transaction; rolls it back on an error.
Result<void> execIn(QSqlQuery &q, QSqlDatabase db, const QString &statement, const QVariantList &values,
                    const QString &doing)
{
    q.prepare(statement);
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec())
        return rolledBack(q, db, doing);
    return {};
}

} // namespace

Result<QUuid> addServerAgent(QSqlDatabase db, const ServerAgent &agent, const QString &password)
{
    if (auto r = checkNewAgent(agent.login, agent.role, password); !r)
        return r.error();
    const QString name = agent.name.trimmed().isEmpty() ? agent.login : agent.name.trimmed();
    const auto version = serverSchemaVersion(db);
    if (!version)
        return version.error();
    if (version.value() < kServerDirectoryVersion)
        return addServerAgentBefore8(db, agent.login, name, agent.role, agent.team, password);
    const QString doing = ServerText::tr("adding the agent");
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("BEGIN")))
        return serverError(q.lastError(), doing);
    const auto teamId = findTeam(q, db, agent.team);
    if (!teamId)
        return teamId.error();
    // The password leaves this program only as a SCRAM verifier, made here
    // by libpq; the verifier alone cannot log in.
    const auto verifier = scramVerifier(db, agent.login, password);
    if (!verifier) {
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        return verifier.error();
    }
    const QUuid id = agent.id.isNull() ? newUuidV7() : agent.id;
    if (const QSqlError e = execApart(db,
                                      QStringLiteral("SELECT app.add_agent($1::uuid, $2, $3, $4, $5, $6, $7::uuid, $8)"),
                                      {uuidParam(id), agent.login, name, agent.reading.trimmed(), agent.email.trimmed(),
                                       agent.role, uuidParam(teamId.value()), verifier.value()});
        e.isValid()) {
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        return serverError(e, doing);
    }
    if (!q.exec(QStringLiteral("COMMIT")))
        return rolledBack(q, db, doing);
    return id;
}

Result<QUuid> addServerAgent(QSqlDatabase db, const QString &login, const QString &displayName, const QString &role,
                             const QString &team, const QString &password)
{
    ServerAgent agent;
    agent.login = login;
    agent.name = displayName;
    agent.role = role;
    agent.team = team;
    return addServerAgent(db, agent, password);
}

Result<QList<ServerAgent>> serverAgents(QSqlDatabase db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT a.id, coalesce(a.agent_role::text, ''), a.name, a.name_reading, a.email, a.role, "
                               "       coalesce(t.name, ''), a.active "
                               "FROM crm.agent a LEFT JOIN crm.team t ON t.id = a.team_id WHERE a.deleted_at IS NULL "
                               "ORDER BY CASE a.name_reading WHEN '' THEN a.name ELSE a.name_reading END, a.name")))
        return serverError(q.lastError(), ServerText::tr("reading the agents"));
    QList<ServerAgent> out;
    while (q.next())
        out.append({QUuid(q.value(0).toString()), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                    q.value(4).toString(), q.value(5).toString(), q.value(6).toString(), q.value(7).toBool()});
    return out;
}

Result<std::optional<ServerAgent>> serverAgentWithoutLogin(QSqlDatabase db, const QString &name, const QString &team)
{
    // Before version 8 every agent had a login.
    const auto version = serverSchemaVersion(db);
    if (!version)
        return version.error();
    if (version.value() < kServerDirectoryVersion || name.trimmed().isEmpty())
        return std::optional<ServerAgent>();
    const auto agents = serverAgents(db);
    if (!agents)
        return agents.error();
    // Names as the directory tells people apart (a full-width space or
    // letter is the same name); only active people: a row someone left
    // behind keeps its history and is not handed to a newcomer.
    const auto key = text::personNameKey;
    QList<ServerAgent> found;
    for (const ServerAgent &a : agents.value()) {
        if (a.login.isEmpty() && a.active && key(a.name) == key(name) && (team.isEmpty() || key(a.team) == key(team)))
            found << a;
    }
    if (found.size() > 1) {
        return makeError(Error::Code::Invalid,
                         team.isEmpty()
                             ? ServerText::tr("%1 people called %2 are in the directory without a login: name the "
                                              "team of the one meant (--team).")
                                   .arg(found.size())
                                   .arg(name.trimmed())
                             : ServerText::tr("%1 people called %2 in the team %3 are in the directory without a "
                                              "login: give them different names first.")
                                   .arg(found.size())
                                   .arg(name.trimmed(), team));
    }
    return found.isEmpty() ? std::optional<ServerAgent>() : std::optional<ServerAgent>(found.first());
}

Result<void> editServerAgent(QSqlDatabase db, const QString &login, const ServerAgent &changed)
{
    if (changed.name.trimmed().isEmpty() || changed.name.trimmed().size() > 200)
        return makeError(Error::Code::Invalid, ServerText::tr("Give the agent a name of up to 200 characters."));
    if (!serverRoles().contains(changed.role))
        return makeError(Error::Code::Invalid,
                         ServerText::tr("The role must be one of: %1.").arg(serverRoles().join(QStringLiteral(", "))));
    const QString doing = ServerText::tr("changing the agent");
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("BEGIN")))
        return serverError(q.lastError(), doing);
    const auto id = agentWithLogin(db, login);
    if (!id) {
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        return id.error();
    }
    const auto teamId = findTeam(q, db, changed.team);
    if (!teamId)
        return teamId.error();
    if (auto r = execIn(q, db,
                        QStringLiteral("UPDATE crm.agent SET name = ?, name_reading = ?, email = ?, team_id = ?::uuid "
                                       "WHERE id = ?::uuid"),
                        {notNull(changed.name), notNull(changed.reading), notNull(changed.email),
                         uuidParam(teamId.value()), uuidParam(id.value())},
                        doing);
        !r)
        return r;
    if (auto r = execIn(q, db, QStringLiteral("SELECT app.set_agent_role(?::uuid, ?)"),
                        {uuidParam(id.value()), changed.role}, doing);
        !r)
        return r;
    if (!q.exec(QStringLiteral("COMMIT")))
        return rolledBack(q, db, doing);
    return {};
}

Result<void> setServerAgentActive(QSqlDatabase db, const QString &login, bool active)
{
    const auto id = agentWithLogin(db, login);
    if (!id)
        return id.error();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT app.set_agent_active(?::uuid, ?)"));
    q.addBindValue(uuidParam(id.value()));
    q.addBindValue(active);
    if (!q.exec())
        return serverError(q.lastError(),
                           active ? ServerText::tr("activating the agent") : ServerText::tr("deactivating the agent"));
    return {};
}

Result<void> resetServerPassword(QSqlDatabase db, const QString &login, const QString &password)
{
    if (password.size() < 8)
        return makeError(Error::Code::Invalid, ServerText::tr("The password must have at least 8 characters."));
    const auto id = agentWithLogin(db, login);
    if (!id)
        return id.error();
    const auto verifier = scramVerifier(db, login, password);
    if (!verifier)
        return verifier.error();
    if (const QSqlError e = execApart(db, QStringLiteral("SELECT app.set_agent_password($1::uuid, $2)"),
                                      {uuidParam(id.value()), verifier.value()});
        e.isValid())
        return serverError(e, ServerText::tr("setting the password"));
    return {};
}

Result<void> editServerTeam(QSqlDatabase db, const QString &team, const QString &newName, const QString &timeZone,
                            const std::optional<QString> &leadLogin)
{
    const QString doing = ServerText::tr("changing the team");
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("BEGIN")))
        return serverError(q.lastError(), doing);
    const auto teamId = findTeam(q, db, team);
    if (!teamId)
        return teamId.error();
    if (teamId->isNull()) {
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        return makeError(Error::Code::Invalid, ServerText::tr("Name the team to change."));
    }
    if (!newName.trimmed().isEmpty()) {
        if (auto r = execIn(q, db, QStringLiteral("UPDATE crm.team SET name = ? WHERE id = ?::uuid"),
                            {newName.trimmed(), uuidParam(teamId.value())}, doing);
            !r)
            return r;
    }
    if (!timeZone.isEmpty()) {
        if (!QTimeZone(timeZone.toUtf8()).isValid()) {
            QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
            return makeError(Error::Code::Invalid,
                             ServerText::tr("%1 is not a time zone this computer knows.").arg(timeZone));
        }
        if (auto r = execIn(q, db, QStringLiteral("UPDATE crm.team SET time_zone = ? WHERE id = ?::uuid"),
                            {timeZone, uuidParam(teamId.value())}, doing);
            !r)
            return r;
    }
    if (leadLogin) {
        QUuid lead;
        if (!leadLogin->isEmpty()) {
            const auto found = agentWithLogin(db, *leadLogin);
            if (!found) {
                QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
                return found.error();
            }
            lead = found.value();
        }
        if (auto r = execIn(q, db, QStringLiteral("UPDATE crm.team SET lead_id = ?::uuid WHERE id = ?::uuid"),
                            {uuidParam(lead), uuidParam(teamId.value())}, doing);
            !r)
            return r;
    }
    if (!q.exec(QStringLiteral("COMMIT")))
        return rolledBack(q, db, doing);
    return {};
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
