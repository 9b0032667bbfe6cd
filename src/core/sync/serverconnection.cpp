#include "sync/serverconnection.h"

#include <QDir>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

namespace madoguchi {

// The server's own words, for the cases a person can act on.
Error serverError(const QSqlError &error, const QString &doing)
{
    const QString text = error.text();
    // A relation, schema or function of Madoguchi's that the server lacks.
    static const QRegularExpression kMissingSchema(QStringLiteral("(relation|schema|function) \"?(sync|app|crm)[.\"]"));
    QString reason;
    if (text.contains(QLatin1String("password authentication failed")))
        reason = ServerText::tr("The user name or password is wrong.");
    else if (text.contains(QLatin1String("could not translate host name")))
        reason = ServerText::tr("The server's name is not known. Check the host name.");
    else if (text.contains(QLatin1String("Connection refused"))
             || text.contains(QLatin1String("No such file or directory")))
        reason = ServerText::tr("Nothing answers at that address and port: the server is down or the port is wrong.");
    else if (text.contains(QLatin1String("timeout expired")))
        reason = ServerText::tr("The server did not answer in time. Check the network.");
    else if (text.contains(QLatin1String("does not match host name")))
        reason = ServerText::tr(
            "The server's certificate is for another host name: this may not be your team's server.");
    else if (text.contains(QLatin1String("certificate verify failed"))
             || text.contains(QLatin1String("root certificate file")))
        reason = ServerText::tr(
            "The server's certificate could not be verified. Choose the CA file your administrator gave you.");
    else if (text.contains(QLatin1String("does not exist")) && text.contains(QLatin1String("database")))
        reason = ServerText::tr("There is no database of that name on the server.");
    else if (text.contains(QLatin1String("server does not support SSL")))
        reason = ServerText::tr("The server does not offer an encrypted connection (TLS). Ask your administrator to "
                                "turn TLS on; only on a network you trust, choose a weaker security setting.");
    else if (text.contains(QLatin1String("SSL"))
             && (text.contains(QLatin1String("error")) || text.contains(QLatin1String("failed"))))
        reason = ServerText::tr(
            "The encrypted connection (TLS) to the server failed. Check the security setting and the CA file.");
    else if (text.contains(QLatin1String("does not exist")) && text.contains(kMissingSchema))
        reason = ServerText::tr("This database is not a Madoguchi team server (or its set-up is incomplete). "
                                "Ask your administrator to run \"madoguchi-cli server init\" on it.");
    else if (text.contains(QLatin1String("last active administrator")))
        reason = ServerText::tr("This is the team's only active administrator. Make someone else an administrator "
                                "first.");
    else if ((text.contains(QLatin1String("role \"")) && text.contains(QLatin1String("already exists")))
             || text.contains(QLatin1String("already has a login")))
        reason = ServerText::tr("That login name is already taken on the server. Choose another.");
    else if (text.contains(QLatin1String("only an active administrator"))
             || text.contains(QLatin1String("only an administrator"))
             // The login functions are granted to administrators only.
             || (text.contains(QLatin1String("permission denied for function"))
                 && (text.contains(QLatin1String("add_agent")) || text.contains(QLatin1String("set_agent_")))))
        reason = ServerText::tr("Only an administrator can change the team's logins on the server.");
    else if (text.contains(QLatin1String("no agent with a login")))
        reason = ServerText::tr("There is no agent with that login on the server.");
    else if (text.contains(QLatin1String("row-level security")))
        reason = ServerText::tr("The server's rules do not let your login make this change.");
    else if (text.contains(QLatin1String("permission denied")))
        reason = ServerText::tr("The server refused: this user may not do that.");
    Error e;
    // Reaching the server failed (as opposed to the server refusing): the
    // network may come back, so these are worth trying again.
    static const char *const unreachable[] = {"could not translate host name",
                                              "Connection refused",
                                              "timeout expired",
                                              "No route to host",
                                              "Network is unreachable",
                                              "server closed the connection",
                                              "could not connect to server",
                                              "Connection reset",
                                              "connection to server"};
    e.code = Error::Code::Database;
    for (const char *marker : unreachable) {
        if (text.contains(QLatin1String(marker)) && !text.contains(QLatin1String("password")))
            e.code = Error::Code::Network;
    }
    e.message = reason.isEmpty()
                    ? ServerText::tr("The team server reported an error while %1: %2").arg(doing, text.trimmed())
                    : ServerText::tr("%1 (while %2)").arg(reason, doing);
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
    QStringList options{QStringLiteral("sslmode=%1")
                            .arg(quoted(sslMode.isEmpty() ? QStringLiteral("verify-full") : sslMode)),
                        QStringLiteral("connect_timeout=%1").arg(connectTimeoutSeconds), QStringLiteral("keepalives=1"),
                        QStringLiteral("keepalives_idle=30"), QStringLiteral("application_name=madoguchi")};
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
        const Error error = serverError(db.lastError(), ServerText::tr("connecting"));
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(connectionName);
        return error;
    }
    return db;
}

Result<ServerIdentity> identifyOnServer(QSqlDatabase db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT (SELECT name FROM crm.agent WHERE agent_role = session_user), "
                               "(SELECT schema_version FROM sync.meta)"))
        || !q.next())
        return makeError(Error::Code::NotFound, ServerText::tr("This server has no Madoguchi schema."));
    return ServerIdentity{q.value(0).toString(), q.value(1).toInt()};
}

} // namespace madoguchi
