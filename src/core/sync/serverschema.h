#pragma once

#include "common/result.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QString>
#include <QStringList>
#include <QUuid>

#include <optional>

namespace madoguchi {

// Where the team's PostgreSQL server is and how to reach it. TLS checks the
// server's certificate and host name by default (verify-full); anything
// weaker is an explicit choice. The password comes from the keychain (the
// app) or PGPASSWORD (the CLI), never from settings or files.
struct ServerConnection
{
    QString host;
    int port = 5432;
    QString database;
    QString user;
    QString password;
    QString sslMode = QStringLiteral("verify-full");
    QString sslRootCert; // the CA file that signed the server's certificate
    int connectTimeoutSeconds = 10;

    // libpq keywords for QPSQL's connect options (values quoted as libpq wants).
    QString connectOptions() const;
};

// A server error in words a person can act on (wrong password, unknown
// host, certificate refused, ...), saying what was being done.
Error serverError(const QSqlError &error, const QString &doing);

// Opens a connection named `connectionName` in the calling thread; the
// translated reason when it cannot (wrong password, unknown host, server
// down, certificate refused).
Result<QSqlDatabase> openServer(const ServerConnection &server, const QString &connectionName);

// The server schema (resources/sql/server), in versions like the local one.
int latestServerSchemaVersion();
// The version a server holds; 0 when it has none yet.
Result<int> serverSchemaVersion(QSqlDatabase db);

// Creates or upgrades the schema: roles, tables, row-level security. Safe to
// run again (a current server is left as it is); refuses a server whose
// schema is newer than this program knows. Each version is applied in one
// transaction with its version number. Returns the version now held.
// `upTo`: stop at that version (a test of an older server).
Result<int> initializeServer(QSqlDatabase db, std::optional<int> upTo = std::nullopt);

// The agent roles of the server, least first.
inline const QStringList &serverRoles()
{
    static const QStringList roles{QStringLiteral("agent"), QStringLiteral("lead"), QStringLiteral("supervisor"),
                                   QStringLiteral("admin")};
    return roles;
}

// Creates an agent: a login role (member of crm_<role>, never superuser,
// never bypassing row-level security) with `password`, and the directory
// row, in one transaction. `team` names an existing team, or is empty.
Result<QUuid> addServerAgent(QSqlDatabase db, const QString &login, const QString &displayName, const QString &role,
                             const QString &team, const QString &password);
// Retention: removes the change log older than `days` (clients behind it
// reload their copy, keeping unsent changes). Returns the rows removed.
Result<qint64> retainServerChanges(QSqlDatabase db, int days);

// Creates a team (or returns the live one of that name).
Result<QUuid> addServerTeam(QSqlDatabase db, const QString &name);

} // namespace madoguchi
