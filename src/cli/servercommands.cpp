// madoguchi-cli server init | add-agent: set up the team's PostgreSQL server.
// The connection follows libpq's conventions: --host/--port/--dbname/--user
// or PGHOST/PGPORT/PGDATABASE/PGUSER, the password from PGPASSWORD only
// (never an argument: command lines are visible to every user).
#include "clicommands.h"
#include "clisupport.h"

#include "domain/uuid.h"
#include "storage/database.h"
#include "sync/credentialstore.h"
#include "sync/serveradmin.h"
#include "sync/serverconnection.h"
#include "sync/serverschema.h"
#include "sync/syncengine.h"
#include "sync/syncservice.h"

#include <QCoreApplication>
#include <QMetaEnum>
#include <QRandomGenerator>
#include <QSqlDatabase>

#include <functional>

namespace madoguchi::cli {

namespace {

struct ServerOptions
{
    QCommandLineOption host{QStringLiteral("host"),
                            QCoreApplication::translate("Cli", "The server's host name (or PGHOST)."),
                            QCoreApplication::translate("Cli", "name")};
    QCommandLineOption port{QStringLiteral("port"),
                            QCoreApplication::translate("Cli", "The server's port (or PGPORT; default 5432)."),
                            QCoreApplication::translate("Cli", "n")};
    QCommandLineOption database{QStringLiteral("dbname"),
                                QCoreApplication::translate("Cli", "The database (or PGDATABASE)."),
                                QCoreApplication::translate("Cli", "name")};
    QCommandLineOption user{QStringLiteral("user"),
                            QCoreApplication::translate("Cli", "The user to log in as (or PGUSER)."),
                            QCoreApplication::translate("Cli", "name")};
    QCommandLineOption sslMode{QStringLiteral("sslmode"),
                               QCoreApplication::translate("Cli",
                                                           "TLS: verify-full (default), verify-ca, require or disable."),
                               QCoreApplication::translate("Cli", "mode")};
    QCommandLineOption
        sslRootCert{QStringLiteral("sslrootcert"),
                    QCoreApplication::translate("Cli", "The CA certificate file that signed the server's certificate."),
                    QCoreApplication::translate("Cli", "file")};

    void addTo(QCommandLineParser &parser) const
    {
        parser.addOptions({host, port, database, user, sslMode, sslRootCert});
    }

    ServerConnection connection(const QCommandLineParser &parser) const
    {
        auto pick = [&](const QCommandLineOption &option, const char *environment) {
            return parser.isSet(option) ? parser.value(option) : qEnvironmentVariable(environment);
        };
        ServerConnection c;
        c.host = pick(host, "PGHOST");
        c.port = pick(port, "PGPORT").toInt();
        if (c.port <= 0)
            c.port = 5432;
        c.database = pick(database, "PGDATABASE");
        c.user = pick(user, "PGUSER");
        c.password = qEnvironmentVariable("PGPASSWORD");
        if (const QString mode = pick(sslMode, "PGSSLMODE"); !mode.isEmpty())
            c.sslMode = mode;
        c.sslRootCert = pick(sslRootCert, "PGSSLROOTCERT");
        return c;
    }
};

const QStringList kSslModes{QStringLiteral("verify-full"), QStringLiteral("verify-ca"), QStringLiteral("require"),
                            QStringLiteral("disable")};

// Checks the connection settings of a command; false (message printed,
// exitCode set) when they are incomplete or invalid.
bool checkConnection(const ServerConnection &c, int &exitCode)
{
    if (c.host.isEmpty() || c.database.isEmpty() || c.user.isEmpty()) {
        exitCode = fail(QCoreApplication::translate(
                            "Cli", "Say which server: --host, --dbname and --user (or PGHOST, PGDATABASE, PGUSER)."),
                        Usage);
        return false;
    }
    if (!kSslModes.contains(c.sslMode)) {
        exitCode = fail(QCoreApplication::translate("Cli", "--sslmode must be one of: %1.")
                            .arg(kSslModes.join(QStringLiteral(", "))),
                        Usage);
        return false;
    }
    if (c.sslMode != u"verify-full") {
        err() << QCoreApplication::translate("Cli",
                                             "Warning: with --sslmode %1 the server's identity is not fully checked.")
                     .arg(c.sslMode)
              << Qt::endl;
    }
    return true;
}

// Opens the server for a command; null (message printed, exitCode set) when it cannot.
std::optional<QSqlDatabase> connect(const ServerConnection &c, int &exitCode)
{
    if (!checkConnection(c, exitCode))
        return std::nullopt;
    const auto opened = openServer(c, QStringLiteral("madoguchi-cli-server"));
    if (!opened) {
        exitCode = fail(opened.error().message);
        return std::nullopt;
    }
    return opened.value();
}

// Runs `work` on a connection to the server (closed and dropped after);
// its exit code, or the connection's when there is none.
int onServer(const ServerConnection &server, const std::function<int(QSqlDatabase)> &work)
{
    int exitCode = Success;
    {
        auto db = connect(server, exitCode);
        if (!db)
            return exitCode;
        exitCode = work(*db);
        db->close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("madoguchi-cli-server"));
    return exitCode;
}

int serverInit(const QStringList &arguments)
{
    QCommandLineParser parser;
    Common common;
    ServerOptions server;
    server.addTo(parser);
    int exitCode = Success;
    if (!parse(parser, common, arguments, exitCode, 1))
        return exitCode;
    return onServer(server.connection(parser), [&](QSqlDatabase db) {
        int result = Success;
        const auto before = serverSchemaVersion(db);
        const auto version = before ? initializeServer(db) : Result<int>(before.error());
        if (!version) {
            result = fail(version.error().message);
        } else if (parser.isSet(common.json)) {
            printJson(QJsonObject{{QStringLiteral("schema_version"), version.value()},
                                  {QStringLiteral("upgraded_from"), before.value()}});
        } else if (before.value() == version.value()) {
            out() << QCoreApplication::translate("Cli", "The server's schema is up to date (version %1).")
                         .arg(version.value())
                  << Qt::endl;
        } else {
            out() << QCoreApplication::translate("Cli", "The server's schema is now version %1 (was %2).")
                         .arg(version.value())
                         .arg(before.value())
                  << Qt::endl;
        }
        return result;
    });
}

// A password for a new agent when none is given: 20 characters from an
// alphabet without look-alikes, from the system's random source.
QString generatedPassword()
{
    static const QString alphabet = QStringLiteral("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789");
    QString password;
    for (int i = 0; i < 20; ++i)
        password += alphabet.at(int(QRandomGenerator::system()->bounded(quint32(alphabet.size()))));
    return password;
}

int serverAddAgent(const QStringList &arguments)
{
    QCommandLineParser parser;
    Common common;
    ServerOptions server;
    server.addTo(parser);
    const QCommandLineOption role(QStringLiteral("role"),
                                  QCoreApplication::translate("Cli", "agent, lead, supervisor or admin."),
                                  QCoreApplication::translate("Cli", "role"), QStringLiteral("agent"));
    const QCommandLineOption team(QStringLiteral("team"),
                                  QCoreApplication::translate("Cli", "The agent's team (created when missing)."),
                                  QCoreApplication::translate("Cli", "name"));
    const QCommandLineOption name(QStringLiteral("name"),
                                  QCoreApplication::translate("Cli", "The name shown to colleagues."),
                                  QCoreApplication::translate("Cli", "text"));
    const QCommandLineOption passwordStdin(QStringLiteral("password-stdin"),
                                           QCoreApplication::translate("Cli",
                                                                       "Read the new agent's password from standard input "
                                                                       "(otherwise one is made and printed once)."));
    parser.addOptions({role, team, name, passwordStdin});
    int exitCode = Success;
    if (!parse(parser, common, arguments, exitCode, 2))
        return exitCode;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 3)
        return fail(QCoreApplication::translate("Cli", "server add-agent needs the agent's login name."), Usage);
    QString password;
    const bool generated = !parser.isSet(passwordStdin);
    if (generated) {
        password = generatedPassword();
    } else {
        QTextStream in(stdin);
        password = in.readLine();
    }
    return onServer(server.connection(parser), [&](QSqlDatabase db) {
        int result = Success;
        if (parser.isSet(team)) {
            if (const auto t = addServerTeam(db, parser.value(team)); !t)
                result = fail(t.error().message);
        }
        if (result == Success) {
            const auto agent = addServerAgent(db, positional.at(2), parser.value(name), parser.value(role),
                                              parser.value(team), password);
            if (!agent) {
                result = fail(agent.error().message);
            } else if (parser.isSet(common.json)) {
                QJsonObject json{{QStringLiteral("id"), uuidToText(agent.value())},
                                 {QStringLiteral("login"), positional.at(2)},
                                 {QStringLiteral("role"), parser.value(role)}};
                if (generated)
                    json.insert(QStringLiteral("password"), password);
                printJson(json);
            } else {
                out() << QCoreApplication::translate("Cli", "Agent %1 can now log in as %2 (role: %3).")
                             .arg(parser.value(name).isEmpty() ? positional.at(2) : parser.value(name),
                                  positional.at(2), parser.value(role))
                      << Qt::endl;
                if (generated)
                    out() << QCoreApplication::translate("Cli", "Password (shown once; give it to the agent): %1")
                                 .arg(password)
                          << Qt::endl;
            }
        }
        return result;
    });
}

int serverRetain(const QStringList &arguments)
{
    QCommandLineParser parser;
    Common common;
    ServerOptions server;
    server.addTo(parser);
    const QCommandLineOption days(QStringLiteral("days"),
                                  QCoreApplication::translate("Cli",
                                                              "Keep this many days of changes (default 120; run daily)."),
                                  QCoreApplication::translate("Cli", "n"), QStringLiteral("120"));
    parser.addOption(days);
    int exitCode = Success;
    if (!parse(parser, common, arguments, exitCode, 1))
        return exitCode;
    qint64 keep = 120;
    if (!parsePositive(parser, days, keep, exitCode))
        return exitCode;
    // Fewer would make every copy reload all of its data at its next sync.
    if (keep < 1)
        return fail(QCoreApplication::translate("Cli", "--days must be at least 1."), Usage);
    return onServer(server.connection(parser), [&](QSqlDatabase db) {
        int result = Success;
        const auto removed = retainServerChanges(db, int(std::min<qint64>(keep, 36500)));
        if (!removed)
            result = fail(removed.error().message);
        else if (parser.isSet(common.json))
            printJson(QJsonObject{{QStringLiteral("removed"), removed.value()}, {QStringLiteral("days"), keep}});
        else
            out() << QCoreApplication::translate("Cli", "Removed %n change record(s) older than %1 days.", nullptr,
                                                 int(removed.value()))
                         .arg(keep)
                  << Qt::endl;
        return result;
    });
}

} // namespace

int commandServer(const QStringList &arguments)
{
    const QString sub = subcommand(arguments, QStringLiteral("server"));
    if (sub == u"init")
        return serverInit(arguments);
    if (sub == u"add-agent")
        return serverAddAgent(arguments);
    if (sub == u"retain")
        return serverRetain(arguments);
    return fail(QCoreApplication::translate("Cli", "Use server init, server add-agent or server retain."), Usage);
}

} // namespace madoguchi::cli

namespace madoguchi::cli {

namespace {

QString summary(const SyncReport &r)
{
    return QCoreApplication::translate("Cli", "Sent %n change(s)", nullptr, r.pushed)
           + QCoreApplication::translate("Cli", " (%1 merged, %2 with a conflict, %3 refused)")
                 .arg(r.merged)
                 .arg(r.conflicts)
                 .arg(r.rejected)
           + QCoreApplication::translate("Cli", "; received %n row(s)", nullptr, r.received)
           + (r.removed ? QCoreApplication::translate("Cli", "; removed %n no longer shared", nullptr, r.removed)
                        : QString())
           + (r.reset ? QCoreApplication::translate("Cli", "; the local copy was reloaded") : QString())
           + QCoreApplication::translate("Cli", "; %n change(s) waiting.", nullptr, r.pending);
}

} // namespace

// madoguchi-cli sync [--once]: exchanges changes with the team server, once
// or until stopped (Ctrl+C is safe at any moment: every step is one
// transaction). The password comes from PGPASSWORD, else the keychain.
int commandSync(const QStringList &arguments)
{
    QCommandLineParser parser;
    Common common;
    ServerOptions server;
    server.addTo(parser);
    const QCommandLineOption
        once(QStringLiteral("once"),
             QCoreApplication::translate("Cli", "Sync once and exit (otherwise keep syncing until stopped)."));
    parser.addOption(once);
    int exitCode = Success;
    if (!parse(parser, common, arguments, exitCode))
        return exitCode;
    ServerConnection connection = server.connection(parser);
    if (connection.password.isEmpty()) {
        const auto stored = KeychainStore().read(
            serverAccount(connection.user, connection.host, connection.port, connection.database));
        if (!stored || !stored.value()) {
            return fail(QCoreApplication::translate(
                "Cli", "No password: set PGPASSWORD, or save the password in the app's server settings "
                       "(kept in the system keychain)."));
        }
        connection.password = *stored.value();
    }
    auto database = Database::open(databasePath(parser, common));
    if (!database)
        return fail(database.error().message);
    const bool json = parser.isSet(common.json);

    if (!parser.isSet(once)) {
        // Until stopped: the app's own sync service, its status as it changes.
        SyncService service(database.value().get());
        QObject::connect(&service, &SyncService::statusChanged, &service, [json](const SyncService::Status &s) {
            if (json) {
                printJsonLine(
                    QJsonObject{{QStringLiteral("state"),
                                 QString::fromLatin1(QMetaEnum::fromType<SyncService::State>().valueToKey(int(s.state)))
                                     .toLower()},
                                {QStringLiteral("message"), s.message},
                                {QStringLiteral("pending"), s.pending},
                                {QStringLiteral("conflicts"), s.openConflicts}});
            } else {
                out() << SyncService::stateName(s.state)
                      << (s.message.isEmpty() ? QString() : QStringLiteral(": ") + s.message) << Qt::endl;
            }
        });
        QObject::connect(&service, &SyncService::dataChanged, &service, [json](const SyncReport &r) {
            if (!json)
                out() << summary(r) << Qt::endl;
        });
        service.start(connection);
        return QCoreApplication::exec();
    }

    return onServer(connection, [&](QSqlDatabase db) {
        int result = Success;
        SyncEngine engine(database.value()->connection(), db);
        if (json) {
            engine.setProgress([](SyncPhase phase, qint64 done) {
                const QString name = phase == SyncPhase::Pushing   ? QStringLiteral("push")
                                     : phase == SyncPhase::Pulling ? QStringLiteral("pull")
                                                                   : QStringLiteral("rebuild");
                printJsonLine(QJsonObject{{QStringLiteral("phase"), name}, {QStringLiteral("done"), done}});
            });
        }
        const auto prepared = SyncEngine::prepareSession(db);
        const auto report = prepared ? engine.syncOnce() : Result<SyncReport>(prepared.error());
        if (!report)
            result = fail(report.error().message);
        else if (json)
            printJsonLine(report->toJson());
        else
            out() << summary(report.value()) << Qt::endl;
        return result;
    });
}

} // namespace madoguchi::cli
