#pragma once

#include "common/result.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QString>

namespace madoguchi {

// The translation context "Server" (the team server's messages).
struct ServerText
{
    Q_DECLARE_TR_FUNCTIONS(Server)
};

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

// Who a login is on the team server: the agent's name (empty when the
// login is not an agent there) and the schema version the server holds.
// An error with Code::NotFound when the server has no Madoguchi schema.
struct ServerIdentity
{
    QString agentName;
    int schemaVersion = 0;
};
Result<ServerIdentity> identifyOnServer(QSqlDatabase db);

} // namespace madoguchi
