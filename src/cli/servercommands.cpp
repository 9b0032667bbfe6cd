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
#include <QSqlDatabase>

#include <functional>

namespace madoguchi::cli {

namespace {

// The connection options of server and sync.
// clang-format off
constexpr OptionSpec kServerConnection[] = {
    {"host", QT_TRANSLATE_NOOP("Cli", "name"), QT_TRANSLATE_NOOP("Cli", "The server's host name (or PGHOST).")},
    {"port", QT_TRANSLATE_NOOP("Cli", "n"), QT_TRANSLATE_NOOP("Cli", "The server's port (or PGPORT; default 5432).")},
    {"dbname", QT_TRANSLATE_NOOP("Cli", "name"), QT_TRANSLATE_NOOP("Cli", "The database (or PGDATABASE).")},
    {"user", QT_TRANSLATE_NOOP("Cli", "name"), QT_TRANSLATE_NOOP("Cli", "The user to log in as (or PGUSER).")},
    {"sslmode", QT_TRANSLATE_NOOP("Cli", "mode"),
        QT_TRANSLATE_NOOP("Cli", "TLS: verify-full (default), verify-ca, require or disable.")},
    {"sslrootcert", QT_TRANSLATE_NOOP("Cli", "file"),
        QT_TRANSLATE_NOOP("Cli", "The CA certificate file that signed the server's certificate.")},
};
// clang-format on

ServerConnection serverConnection(const Invocation &in)
{
    auto pick = [&](const char *option, const char *environment) {
        return in.isSet(option) ? in.value(option) : qEnvironmentVariable(environment);
    };
    ServerConnection c;
    c.host = pick("host", "PGHOST");
    c.port = pick("port", "PGPORT").toInt();
    if (c.port <= 0)
        c.port = 5432;
    c.database = pick("dbname", "PGDATABASE");
    c.user = pick("user", "PGUSER");
    c.password = qEnvironmentVariable("PGPASSWORD");
    if (const QString mode = pick("sslmode", "PGSSLMODE"); !mode.isEmpty())
        c.sslMode = mode;
    c.sslRootCert = pick("sslrootcert", "PGSSLROOTCERT");
    return c;
}

const QStringList kSslModes{QStringLiteral("verify-full"), QStringLiteral("verify-ca"), QStringLiteral("require"),
                            QStringLiteral("disable")};

// Checks the connection settings of a command: a usage error when they are
// incomplete or invalid.
Result<void> checkConnection(const ServerConnection &c)
{
    if (c.host.isEmpty() || c.database.isEmpty() || c.user.isEmpty())
        return usageError(CliText::tr("Say which server: --host, --dbname and --user (or PGHOST, PGDATABASE, PGUSER)."));
    if (!kSslModes.contains(c.sslMode))
        return usageError(CliText::tr("--sslmode must be one of: %1.").arg(kSslModes.join(QStringLiteral(", "))));
    if (c.sslMode != u"verify-full") {
        err() << CliText::tr("Warning: with --sslmode %1 the server's identity is not fully checked.").arg(c.sslMode)
              << Qt::endl;
    }
    return {};
}

// Runs `work` on a connection to the server (closed and dropped after);
// its result, or why the server could not be opened.
Result<void> onServer(const ServerConnection &server, const std::function<Result<void>(QSqlDatabase)> &work)
{
    if (auto checked = checkConnection(server); !checked)
        return checked;
    Result<void> result;
    {
        auto opened = openServer(server, QStringLiteral("madoguchi-cli-server"));
        if (!opened)
            return opened.error();
        result = work(opened.value());
        opened.value().close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("madoguchi-cli-server"));
    return result;
}

Result<void> serverInit(const Invocation &in)
{
    return onServer(serverConnection(in), [&](QSqlDatabase db) -> Result<void> {
        const auto before = serverSchemaVersion(db);
        const auto version = before ? initializeServer(db) : Result<int>(before.error());
        if (!version)
            return version.error();
        if (in.json()) {
            printJson(QJsonObject{{QStringLiteral("schema_version"), version.value()},
                                  {QStringLiteral("upgraded_from"), before.value()}});
        } else if (before.value() == version.value()) {
            out() << CliText::tr("The server's schema is up to date (version %1).").arg(version.value()) << Qt::endl;
        } else {
            out() << CliText::tr("The server's schema is now version %1 (was %2).")
                         .arg(version.value())
                         .arg(before.value())
                  << Qt::endl;
        }
        return {};
    });
}

// clang-format off
constexpr PositionalSpec kAgentLogin[] = {
    {"login", QT_TRANSLATE_NOOP("Cli", "The agent's login name.")},
};
constexpr OptionSpec kAddAgentOptions[] = {
    {"role", QT_TRANSLATE_NOOP("Cli", "role"), QT_TRANSLATE_NOOP("Cli", "agent, lead, supervisor or admin."),
        OptionSpec::Optional, "agent"},
    {"team", QT_TRANSLATE_NOOP("Cli", "name"), QT_TRANSLATE_NOOP("Cli", "The agent's team (created when missing).")},
    {"name", QT_TRANSLATE_NOOP("Cli", "text"), QT_TRANSLATE_NOOP("Cli", "The name shown to colleagues.")},
    {"password-stdin", nullptr,
        QT_TRANSLATE_NOOP("Cli", "Read the new agent's password from standard input "
                                 "(otherwise one is made and printed once).")},
};
// clang-format on

// Adds the agent (and their team when missing) and says how they log in.
Result<void> addAgent(QSqlDatabase db, const Invocation &in, const QString &login, const QString &password,
                      bool generated)
{
    if (in.isSet("team")) {
        if (const auto t = addServerTeam(db, in.value("team")); !t)
            return t.error();
    }
    ServerAgent wanted;
    wanted.login = login;
    wanted.name = in.value("name");
    wanted.role = in.value("role");
    wanted.team = in.value("team");
    // Someone a team that worked locally brought without a login gets it on
    // their row (with their tickets), not as a second person. The role is
    // the one asked for (or agent): a role written in someone's local copy
    // is not a reason to give a login more rights.
    const auto existing = serverAgentWithoutLogin(db, wanted.name, wanted.team);
    if (!existing)
        return existing.error();
    if (existing.value()) {
        wanted.id = existing.value()->id;
        wanted.reading = existing.value()->reading;
        wanted.email = existing.value()->email;
    }
    const auto agent = addServerAgent(db, wanted, password);
    if (!agent)
        return agent.error();
    if (in.json()) {
        QJsonObject json{{QStringLiteral("id"), uuidToText(agent.value())},
                         {QStringLiteral("login"), login},
                         {QStringLiteral("role"), wanted.role},
                         {QStringLiteral("existing"), existing.value().has_value()}};
        if (generated)
            json.insert(QStringLiteral("password"), password);
        printJson(json);
        return {};
    }
    const QString who = wanted.name.isEmpty() ? login : wanted.name;
    out() << (existing.value()
                  ? CliText::tr("Agent %1, already in the team's directory, can now log in as %2 (role: %3).")
                  : CliText::tr("Agent %1 can now log in as %2 (role: %3)."))
                 .arg(who, login, wanted.role)
          << Qt::endl;
    if (generated)
        out() << CliText::tr("Password (shown once; give it to the agent): %1").arg(password) << Qt::endl;
    return {};
}

Result<void> serverAddAgent(const Invocation &in)
{
    if (in.arguments().size() != 1)
        return usageError(CliText::tr("server add-agent needs the agent's login name."));
    QString password;
    const bool generated = !in.isSet("password-stdin");
    if (generated) {
        password = generatedPassword();
    } else {
        QTextStream input(stdin);
        password = input.readLine();
    }
    return onServer(serverConnection(in), [&](QSqlDatabase db) {
        return addAgent(db, in, in.arguments().constFirst(), password, generated);
    });
}

// clang-format off
constexpr OptionSpec kEditAgentOptions[] = {
    {"name", QT_TRANSLATE_NOOP("Cli", "text"), QT_TRANSLATE_NOOP("Cli", "The name shown to colleagues.")},
    {"kana", QT_TRANSLATE_NOOP("Cli", "reading"), QT_TRANSLATE_NOOP("Cli", "The reading of the name in kana.")},
    {"email", QT_TRANSLATE_NOOP("Cli", "address"), QT_TRANSLATE_NOOP("Cli", "The agent's e-mail address.")},
    {"role", QT_TRANSLATE_NOOP("Cli", "role"), QT_TRANSLATE_NOOP("Cli", "agent, lead, supervisor or admin.")},
    {"team", QT_TRANSLATE_NOOP("Cli", "name"), QT_TRANSLATE_NOOP("Cli", "The agent's team (\"\" for none).")},
};
constexpr OptionSpec kPasswordOptions[] = {
    {"password-stdin", nullptr,
        QT_TRANSLATE_NOOP("Cli", "Read the new password from standard input (otherwise one is made and printed once).")},
};
constexpr PositionalSpec kTeamName[] = {
    {"team", QT_TRANSLATE_NOOP("Cli", "The team's name.")},
};
constexpr OptionSpec kServerTeamOptions[] = {
    {"name", QT_TRANSLATE_NOOP("Cli", "text"), QT_TRANSLATE_NOOP("Cli", "A new name (team edit only).")},
    {"time-zone", QT_TRANSLATE_NOOP("Cli", "zone"), QT_TRANSLATE_NOOP("Cli", "The team's time zone, e.g. Asia/Tokyo.")},
    {"lead", QT_TRANSLATE_NOOP("Cli", "login"), QT_TRANSLATE_NOOP("Cli", "The login of the team's lead (\"\" for none).")},
};
// clang-format on

Result<QString> oneLogin(const Invocation &in)
{
    if (in.arguments().size() != 1)
        return usageError(CliText::tr("Name the agent by their login name."));
    return in.arguments().constFirst();
}

Result<void> serverEditAgent(const Invocation &in)
{
    const auto login = oneLogin(in);
    if (!login)
        return login.error();
    return onServer(serverConnection(in), [&](QSqlDatabase db) -> Result<void> {
        const auto agents = serverAgents(db);
        if (!agents)
            return agents.error();
        const auto it = std::find_if(agents->cbegin(), agents->cend(),
                                     [&](const ServerAgent &a) { return a.login == login.value(); });
        if (it == agents->cend())
            return makeError(Error::Code::NotFound,
                             CliText::tr("There is no agent with the login %1 on the server.").arg(login.value()));
        ServerAgent changed = *it;
        if (in.isSet("name"))
            changed.name = in.value("name");
        if (in.isSet("kana"))
            changed.reading = in.value("kana");
        if (in.isSet("email"))
            changed.email = in.value("email");
        if (in.isSet("role"))
            changed.role = in.value("role");
        if (in.isSet("team"))
            changed.team = in.value("team");
        if (auto r = editServerAgent(db, login.value(), changed); !r)
            return r;
        if (in.json())
            printJson(QJsonObject{{QStringLiteral("login"), login.value()},
                                  {QStringLiteral("name"), changed.name.trimmed()},
                                  {QStringLiteral("role"), changed.role},
                                  {QStringLiteral("team"), changed.team}});
        else
            out() << CliText::tr("Saved %1 (%2).").arg(login.value(), changed.role) << Qt::endl;
        return {};
    });
}

Result<void> setActive(const Invocation &in, bool active)
{
    const auto login = oneLogin(in);
    if (!login)
        return login.error();
    return onServer(serverConnection(in), [&](QSqlDatabase db) -> Result<void> {
        if (auto r = setServerAgentActive(db, login.value(), active); !r)
            return r;
        if (in.json())
            printJson(QJsonObject{{QStringLiteral("login"), login.value()}, {QStringLiteral("active"), active}});
        else if (active)
            out() << CliText::tr("%1 can log in again.").arg(login.value()) << Qt::endl;
        else
            out() << CliText::tr("%1 can no longer log in; their name stays in the history.").arg(login.value())
                  << Qt::endl;
        return {};
    });
}

Result<void> serverDeactivateAgent(const Invocation &in)
{
    return setActive(in, false);
}

Result<void> serverReactivateAgent(const Invocation &in)
{
    return setActive(in, true);
}

Result<void> serverResetPassword(const Invocation &in)
{
    const auto login = oneLogin(in);
    if (!login)
        return login.error();
    const bool generated = !in.isSet("password-stdin");
    QString password = generated ? generatedPassword() : QTextStream(stdin).readLine();
    return onServer(serverConnection(in), [&](QSqlDatabase db) -> Result<void> {
        if (auto r = resetServerPassword(db, login.value(), password); !r)
            return r;
        if (in.json()) {
            QJsonObject json{{QStringLiteral("login"), login.value()}};
            if (generated)
                json.insert(QStringLiteral("password"), password);
            printJson(json);
        } else {
            out() << CliText::tr("%1 has a new password.").arg(login.value()) << Qt::endl;
            if (generated)
                out() << CliText::tr("Password (shown once; give it to the agent): %1").arg(password) << Qt::endl;
        }
        return {};
    });
}

Result<void> serverAddTeam(const Invocation &in)
{
    if (in.arguments().size() != 1)
        return usageError(CliText::tr("Name one team (in quotes if the name has spaces)."));
    const QString name = in.arguments().constFirst();
    return onServer(serverConnection(in), [&](QSqlDatabase db) -> Result<void> {
        const auto id = addServerTeam(db, name);
        if (!id)
            return id.error();
        if (in.isSet("time-zone") || in.isSet("lead")) {
            const std::optional<QString> lead = in.isSet("lead") ? std::optional<QString>(in.value("lead"))
                                                                 : std::nullopt;
            if (auto r = editServerTeam(db, name, QString(), in.value("time-zone"), lead); !r)
                return r;
        }
        if (in.json())
            printJson(QJsonObject{{QStringLiteral("id"), uuidToText(id.value())}, {QStringLiteral("name"), name}});
        else
            out() << CliText::tr("The team %1 is on the server.").arg(name.trimmed()) << Qt::endl;
        return {};
    });
}

Result<void> serverEditTeam(const Invocation &in)
{
    if (in.arguments().size() != 1)
        return usageError(CliText::tr("Name one team (in quotes if the name has spaces)."));
    const QString name = in.arguments().constFirst();
    return onServer(serverConnection(in), [&](QSqlDatabase db) -> Result<void> {
        const std::optional<QString> lead = in.isSet("lead") ? std::optional<QString>(in.value("lead")) : std::nullopt;
        if (auto r = editServerTeam(db, name, in.value("name"), in.value("time-zone"), lead); !r)
            return r;
        if (in.json())
            printJson(QJsonObject{{QStringLiteral("name"), in.isSet("name") ? in.value("name") : name}});
        else
            out() << CliText::tr("Saved the team %1.").arg(in.isSet("name") ? in.value("name") : name) << Qt::endl;
        return {};
    });
}

// clang-format off
constexpr OptionSpec kRetainOptions[] = {
    {"days", QT_TRANSLATE_NOOP("Cli", "n"),
        QT_TRANSLATE_NOOP("Cli", "Keep this many days of changes (default 120; run daily)."), OptionSpec::Optional,
        "120"},
};
// clang-format on

Result<void> serverRetain(const Invocation &in)
{
    qint64 keep = 120;
    if (auto r = readCount(in, "days", keep); !r)
        return r;
    // Fewer would make every copy reload all of its data at its next sync.
    if (keep < 1)
        return usageError(CliText::tr("--days must be at least 1."));
    return onServer(serverConnection(in), [&](QSqlDatabase db) -> Result<void> {
        const auto removed = retainServerChanges(db, int(std::min<qint64>(keep, 36500)));
        if (!removed)
            return removed.error();
        if (in.json())
            printJson(QJsonObject{{QStringLiteral("removed"), removed.value()}, {QStringLiteral("days"), keep}});
        else
            out() << CliText::tr("Removed %n change record(s) older than %1 days.", nullptr, int(removed.value()))
                         .arg(keep)
                  << Qt::endl;
        return {};
    });
}

QString summary(const SyncReport &r)
{
    return CliText::tr("Sent %n change(s)", nullptr, r.pushed)
           + CliText::tr(" (%1 merged, %2 with a conflict, %3 refused)").arg(r.merged).arg(r.conflicts).arg(r.rejected)
           + CliText::tr("; received %n row(s)", nullptr, r.received)
           + (r.removed ? CliText::tr("; removed %n no longer shared", nullptr, r.removed) : QString())
           + (r.reset ? CliText::tr("; the local copy was reloaded") : QString())
           + CliText::tr("; %n change(s) waiting.", nullptr, r.pending);
}

// The password from PGPASSWORD, else from the keychain.
Result<void> fillPassword(ServerConnection &connection)
{
    if (!connection.password.isEmpty())
        return {};
    const auto stored = KeychainStore().read(
        serverAccount(connection.user, connection.host, connection.port, connection.database));
    if (!stored || !stored.value()) {
        return makeError(Error::Code::NotFound,
                         CliText::tr("No password: set PGPASSWORD, or save the password in the app's server settings "
                                     "(kept in the system keychain)."));
    }
    connection.password = *stored.value();
    return {};
}

// Until stopped: the app's own sync service, its status as it changes.
void syncUntilStopped(Database *database, const ServerConnection &connection, bool json)
{
    SyncService service(database);
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
    // Nothing ends the loop with a status: it runs until the process is stopped.
    QCoreApplication::exec();
}

// One exchange with the server; with --json its progress as JSON Lines.
Result<void> syncOnce(QSqlDatabase local, QSqlDatabase server, bool json)
{
    SyncEngine engine(local, server);
    if (json) {
        engine.setProgress([](SyncPhase phase, qint64 done) {
            const QString name = phase == SyncPhase::Pushing   ? QStringLiteral("push")
                                 : phase == SyncPhase::Pulling ? QStringLiteral("pull")
                                                               : QStringLiteral("rebuild");
            printJsonLine(QJsonObject{{QStringLiteral("phase"), name}, {QStringLiteral("done"), done}});
        });
    }
    const auto prepared = SyncEngine::prepareSession(server);
    const auto report = prepared ? engine.syncOnce() : Result<SyncReport>(prepared.error());
    if (!report)
        return report.error();
    if (json)
        printJsonLine(report->toJson());
    else
        out() << summary(report.value()) << Qt::endl;
    return {};
}

// clang-format off
constexpr OptionSpec kSyncOptions[] = {
    {"once", nullptr, QT_TRANSLATE_NOOP("Cli", "Sync once and exit (otherwise keep syncing until stopped).")},
};
// clang-format on

// madoguchi-cli sync [--once]: exchanges changes with the team server, once
// or until stopped (Ctrl+C is safe at any moment: every step is one
// transaction). The password comes from PGPASSWORD, else the keychain.
Result<void> runSync(const Invocation &in)
{
    ServerConnection connection = serverConnection(in);
    if (auto r = fillPassword(connection); !r)
        return r;
    auto database = Database::open(in.databasePath());
    if (!database)
        return database.error();
    if (!in.isSet("once")) {
        syncUntilStopped(database.value().get(), connection, in.json());
        return {};
    }
    return onServer(connection,
                    [&](QSqlDatabase db) { return syncOnce(database.value()->connection(), db, in.json()); });
}

} // namespace

// clang-format off
const Command serverInitCommand{
    "server", "init",
    QT_TRANSLATE_NOOP("Cli", "Install or upgrade the team server's schema (the server's password from PGPASSWORD)"),
    {}, {}, kServerConnection, serverInit};
const Command serverAddAgentCommand{
    "server", "add-agent",
    QT_TRANSLATE_NOOP("Cli", "Give an agent a login on the team server (the server's password from PGPASSWORD)"),
    kAgentLogin, kAddAgentOptions, kServerConnection, serverAddAgent};
const Command serverEditAgentCommand{
    "server", "edit-agent",
    QT_TRANSLATE_NOOP("Cli", "Change an agent's name, reading, e-mail, role or team on the team server (as an admin)"),
    kAgentLogin, kEditAgentOptions, kServerConnection, serverEditAgent};
const Command serverDeactivateAgentCommand{
    "server", "deactivate-agent",
    QT_TRANSLATE_NOOP("Cli", "Stop an agent's login on the team server; their name stays (as an admin)"), kAgentLogin,
    {}, kServerConnection, serverDeactivateAgent};
const Command serverReactivateAgentCommand{
    "server", "reactivate-agent", QT_TRANSLATE_NOOP("Cli", "Let a deactivated agent log in again (as an admin)"),
    kAgentLogin, {}, kServerConnection, serverReactivateAgent};
const Command serverResetPasswordCommand{
    "server", "reset-password",
    QT_TRANSLATE_NOOP("Cli", "Give an agent a new password on the team server, shown once (as an admin)"),
    kAgentLogin, kPasswordOptions, kServerConnection, serverResetPassword};
const Command serverAddTeamCommand{
    "server", "add-team", QT_TRANSLATE_NOOP("Cli", "Add a team on the team server (as an admin)"), kTeamName,
    kServerTeamOptions, kServerConnection, serverAddTeam};
const Command serverEditTeamCommand{
    "server", "edit-team",
    QT_TRANSLATE_NOOP("Cli", "Rename a team or change its time zone or lead on the team server (as an admin)"),
    kTeamName, kServerTeamOptions, kServerConnection, serverEditTeam};
const Command serverRetainCommand{
    "server", "retain",
    QT_TRANSLATE_NOOP("Cli", "Remove old changes from the team server, run daily "
                             "(the server's password from PGPASSWORD)"),
    {}, kRetainOptions, kServerConnection, serverRetain};
const Command syncCommand{
    nullptr, "sync",
    QT_TRANSLATE_NOOP("Cli", "Exchange changes with the team server "
                             "(PGPASSWORD or the keychain; with --json, JSON Lines)"),
    {}, kSyncOptions, kServerConnection, runSync};
// clang-format on

} // namespace madoguchi::cli
