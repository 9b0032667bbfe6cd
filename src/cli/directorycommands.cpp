// madoguchi-cli init, agent list|add|edit|deactivate|reactivate and team
// list|add|edit: a team's first day and its people, through the same
// WorkspaceSetup and DirectoryService as the GUI (rules, outbox).
#include "clicommands.h"
#include "clisupport.h"

#include "domain/uuid.h"
#include "repositories/directoryrepository.h"
#include "services/directoryservice.h"
#include "services/workspacesetup.h"
#include "storage/clientstate.h"
#include "storage/database.h"
#include "storage/databaseinfo.h"
#include "storage/stagedfile.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>

namespace madoguchi::cli {

namespace {

// The options that describe a person.
// clang-format off
constexpr OptionSpec kPersonOptions[] = {
    {"kana", QT_TRANSLATE_NOOP("Cli", "reading"), QT_TRANSLATE_NOOP("Cli", "The reading of the name in kana.")},
    {"email", QT_TRANSLATE_NOOP("Cli", "address"), QT_TRANSLATE_NOOP("Cli", "The agent's e-mail address.")},
    {"role", QT_TRANSLATE_NOOP("Cli", "role"),
        QT_TRANSLATE_NOOP("Cli", "agent, lead, supervisor or admin.")},
    {"team", QT_TRANSLATE_NOOP("Cli", "name"), QT_TRANSLATE_NOOP("Cli", "The agent's team (\"\" for none).")},
};
// clang-format on

QString teamName(const QList<Team> &teams, const QUuid &id)
{
    for (const Team &t : teams) {
        if (t.id == id)
            return t.name;
    }
    return {};
}

Result<QUuid> teamNamed(const QSqlDatabase &db, const QString &name)
{
    if (name.trimmed().isEmpty())
        return QUuid();
    const auto teams = DirectoryRepository(db).teams();
    if (!teams)
        return teams.error();
    for (const Team &t : teams.value()) {
        if (t.name.compare(name.trimmed(), Qt::CaseInsensitive) == 0)
            return t.id;
    }
    return makeError(Error::Code::NotFound, CliText::tr("There is no team called \"%1\".").arg(name.trimmed()));
}

// Reads the person options given into `agent` (a team by name).
Result<void> readPerson(const Invocation &in, const QSqlDatabase &db, Agent &agent)
{
    if (in.isSet("kana"))
        agent.nameReading = in.value("kana");
    if (in.isSet("email"))
        agent.email = in.value("email");
    if (auto r = readEnum(in, "role", agent.role); !r)
        return r;
    if (in.isSet("team")) {
        const auto team = teamNamed(db, in.value("team"));
        if (!team)
            return team.error();
        agent.teamId = team.value();
    }
    return {};
}

QJsonObject agentJson(const Agent &a, const QList<Team> &teams)
{
    return QJsonObject{{QStringLiteral("id"), uuidToText(a.id)},   {QStringLiteral("name"), a.name},
                       {QStringLiteral("reading"), a.nameReading}, {QStringLiteral("email"), a.email},
                       {QStringLiteral("role"), toKey(a.role)},    {QStringLiteral("team"), teamName(teams, a.teamId)},
                       {QStringLiteral("active"), a.active}};
}

void printAgent(const Invocation &in, const QSqlDatabase &db, const QUuid &id, const QString &done)
{
    const auto agent = DirectoryRepository(db).agent(id);
    const auto teams = DirectoryRepository(db).teams().value_or(QList<Team>());
    if (!agent)
        return;
    if (in.json()) {
        printJson(agentJson(agent.value(), teams));
        return;
    }
    const QString team = teamName(teams, agent->teamId);
    out() << done.arg(agent->name, displayName(agent->role), team.isEmpty() ? CliText::tr("no team") : team)
          << Qt::endl;
}

// --- init -------------------------------------------------------------------

// clang-format off
constexpr OptionSpec kInitOptions[] = {
    {"agent", QT_TRANSLATE_NOOP("Cli", "name"), QT_TRANSLATE_NOOP("Cli", "You: the first person of the team.")},
    {"kana", QT_TRANSLATE_NOOP("Cli", "reading"), QT_TRANSLATE_NOOP("Cli", "The reading of your name in kana.")},
    {"email", QT_TRANSLATE_NOOP("Cli", "address"), QT_TRANSLATE_NOOP("Cli", "Your e-mail address.")},
    {"role", QT_TRANSLATE_NOOP("Cli", "role"),
        QT_TRANSLATE_NOOP("Cli", "Your role: agent, lead, supervisor or admin."), OptionSpec::Optional, "admin"},
    {"team", QT_TRANSLATE_NOOP("Cli", "name"),
        QT_TRANSLATE_NOOP("Cli", "Your team, working Monday to Friday 9:00-18:00 in Tokyo with Japanese holidays.")},
};
// clang-format on

Result<Workspace> setUpInto(const Database &database, const Invocation &in)
{
    WorkspacePlan plan;
    plan.you.name = in.value("agent");
    plan.you.nameReading = in.value("kana");
    plan.you.email = in.value("email");
    if (auto r = readEnum(in, "role", plan.you.role); !r)
        return r.error();
    if (!in.isSet("role"))
        plan.you.role = AgentRole::Admin;
    plan.teamName = in.value("team");
    return WorkspaceSetup(database.connection()).setUp(plan);
}

Result<void> init(const Invocation &in)
{
    const bool withPerson = in.isSet("agent");
    if (!withPerson && (in.isSet("kana") || in.isSet("email") || in.isSet("team") || in.isSet("role")))
        return usageError(
            CliText::tr("--kana, --email, --role and --team describe the first person: give --agent too."));
    const QString path = in.databasePath();
    std::optional<Workspace> made;
    if (QFileInfo::exists(path)) {
        // An existing file is set up only while nothing was saved in it (a
        // copy the app created and left at its first-run question).
        const auto existing = openExisting(in);
        if (!existing)
            return existing.error();
        const auto used = holdsData(*existing.value());
        if (!used)
            return used.error();
        if (used.value())
            return makeError(Error::Code::Invalid, CliText::tr("%1 is already in use; init only prepares a new, "
                                                               "empty database. Nothing was changed.")
                                                       .arg(QDir::toNativeSeparators(existing.value()->path())));
        if (withPerson) {
            const auto r = setUpInto(*existing.value(), in);
            if (!r)
                return r.error();
            made = r.value();
        }
    } else {
        // Built beside its path and renamed into place when complete.
        const auto building = StagedDatabaseFile::create(path);
        if (!building)
            return building.error();
        auto database = Database::open(building.value()->path());
        if (!database)
            return database.error();
        if (withPerson) {
            const auto r = setUpInto(*database.value(), in);
            if (!r)
                return r.error();
            made = r.value();
        }
        database.value().reset();
        if (auto r = building.value()->commit(); !r)
            return r;
    }
    const QString shown = QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath());
    if (in.json()) {
        QJsonObject o{{QStringLiteral("database"), shown}};
        if (made) {
            o.insert(QStringLiteral("agent_id"), uuidToText(made->you));
            o.insert(QStringLiteral("team_id"), made->team.isNull() ? QString() : uuidToText(made->team));
        }
        printJson(o);
        return {};
    }
    if (!made) {
        out() << CliText::tr("Created an empty database at %1. Add its first person with \"madoguchi-cli agent add\" "
                             "or in the app.")
                     .arg(shown)
              << Qt::endl;
        return {};
    }
    out() << CliText::tr("Created %1; %2 is signed in on it.").arg(shown, in.value("agent").trimmed()) << Qt::endl;
    return {};
}

// --- agent ------------------------------------------------------------------

constexpr PositionalSpec kAgentName[] = {
    {"name", QT_TRANSLATE_NOOP("Cli", "The agent's name as listed by agent list.")},
};

// clang-format off
constexpr OptionSpec kAgentAddOptions[] = {
    {"name", QT_TRANSLATE_NOOP("Cli", "name"), QT_TRANSLATE_NOOP("Cli", "The agent's name."), OptionSpec::Required},
};
constexpr OptionSpec kAgentEditOptions[] = {
    {"name", QT_TRANSLATE_NOOP("Cli", "name"), QT_TRANSLATE_NOOP("Cli", "A new name.")},
};
// clang-format on

// The directory as the person signed in on this copy changes it.
struct Directory
{
    std::unique_ptr<Database> database;
    QSqlDatabase db;
    DirectoryService service;
};

Result<Directory> openDirectory(const Invocation &in)
{
    auto database = openExisting(in);
    if (!database)
        return database.error();
    QSqlDatabase db = database.value()->connection();
    return Directory{std::move(database.value()), db, DirectoryService(db, ClientState(db).currentAgent())};
}

Result<Agent> agentNamed(const Invocation &in, const QSqlDatabase &db)
{
    const QStringList args = in.arguments();
    if (args.size() != 1)
        return usageError(CliText::tr("Name one agent (in quotes if the name has spaces)."));
    return DirectoryRepository(db).agentByName(args.constFirst());
}

Result<void> agentList(const Invocation &in)
{
    const auto d = openDirectory(in);
    if (!d)
        return d.error();
    const auto agents = DirectoryRepository(d->db).agents();
    if (!agents)
        return agents.error();
    const auto teams = DirectoryRepository(d->db).teams().value_or(QList<Team>());
    if (in.json()) {
        QJsonArray list;
        for (const Agent &a : agents.value())
            list.append(agentJson(a, teams));
        printJson(QJsonObject{{QStringLiteral("agents"), list}});
        return {};
    }
    if (agents->isEmpty())
        out() << CliText::tr("No agents yet. Add one with \"madoguchi-cli agent add --name NAME\".") << Qt::endl;
    for (const Agent &a : agents.value()) {
        out() << a.name << "  " << displayName(a.role) << "  " << teamName(teams, a.teamId);
        if (!a.active)
            out() << "  " << CliText::tr("(deactivated)");
        out() << Qt::endl;
    }
    return {};
}

Result<void> agentAdd(const Invocation &in)
{
    if (!in.isSet("name"))
        return usageError(CliText::tr("agent add needs --name."));
    auto d = openDirectory(in);
    if (!d)
        return d.error();
    Agent agent;
    agent.name = in.value("name");
    if (auto r = readPerson(in, d->db, agent); !r)
        return r;
    const auto id = d.value().service.addAgent(agent);
    if (!id)
        return id.error();
    printAgent(in, d->db, id.value(), CliText::tr("Added %1 (%2, %3)."));
    return {};
}

Result<void> agentEdit(const Invocation &in)
{
    auto d = openDirectory(in);
    if (!d)
        return d.error();
    auto agent = agentNamed(in, d->db);
    if (!agent)
        return agent.error();
    Agent changed = agent.value();
    if (in.isSet("name"))
        changed.name = in.value("name");
    if (auto r = readPerson(in, d->db, changed); !r)
        return r;
    if (auto r = d.value().service.editAgent(changed); !r)
        return r;
    printAgent(in, d->db, changed.id, CliText::tr("Saved %1 (%2, %3)."));
    return {};
}

Result<void> agentDeactivate(const Invocation &in)
{
    auto d = openDirectory(in);
    if (!d)
        return d.error();
    const auto agent = agentNamed(in, d->db);
    if (!agent)
        return agent.error();
    const auto open = d.value().service.deactivateAgent(agent->id);
    if (!open)
        return open.error();
    if (in.json()) {
        QJsonArray tickets;
        for (const Ticket &t : open.value())
            tickets.append(QJsonObject{{QStringLiteral("number"), t.number}, {QStringLiteral("subject"), t.subject}});
        printJson(QJsonObject{{QStringLiteral("id"), uuidToText(agent->id)},
                              {QStringLiteral("active"), false},
                              {QStringLiteral("open_tickets"), tickets}});
        return {};
    }
    out() << CliText::tr("%1 is deactivated: they can no longer sign in or take tickets; their name stays in the "
                         "history.")
                 .arg(agent->name)
          << Qt::endl;
    if (!open->isEmpty()) {
        out() << CliText::tr("%n open ticket(s) to hand to someone else (ticket update NUMBER --assignee NAME):", "",
                             int(open->size()))
              << Qt::endl;
        for (const Ticket &t : open.value())
            out() << "  " << t.number << "  " << t.subject << Qt::endl;
    }
    return {};
}

Result<void> agentReactivate(const Invocation &in)
{
    auto d = openDirectory(in);
    if (!d)
        return d.error();
    const auto agent = agentNamed(in, d->db);
    if (!agent)
        return agent.error();
    if (auto r = d.value().service.reactivateAgent(agent->id); !r)
        return r;
    printAgent(in, d->db, agent->id, CliText::tr("%1 is active again (%2, %3)."));
    return {};
}

// --- team -------------------------------------------------------------------

constexpr PositionalSpec kTeamName[] = {
    {"name", QT_TRANSLATE_NOOP("Cli", "The team's name as listed by team list.")},
};

// clang-format off
constexpr OptionSpec kTeamOptions[] = {
    {"time-zone", QT_TRANSLATE_NOOP("Cli", "zone"),
        QT_TRANSLATE_NOOP("Cli", "The team's time zone, e.g. Asia/Tokyo (the default).")},
    {"lead", QT_TRANSLATE_NOOP("Cli", "name"), QT_TRANSLATE_NOOP("Cli", "The agent who leads the team (\"\" for none).")},
};
constexpr OptionSpec kTeamAddOptions[] = {
    {"name", QT_TRANSLATE_NOOP("Cli", "name"), QT_TRANSLATE_NOOP("Cli", "The team's name."), OptionSpec::Required},
};
constexpr OptionSpec kTeamEditOptions[] = {
    {"name", QT_TRANSLATE_NOOP("Cli", "name"), QT_TRANSLATE_NOOP("Cli", "A new name.")},
};
// clang-format on

Result<void> readTeam(const Invocation &in, const QSqlDatabase &db, Team &team)
{
    if (in.isSet("time-zone"))
        team.timeZone = in.value("time-zone");
    if (in.isSet("lead")) {
        team.leadId = QUuid();
        if (!in.value("lead").trimmed().isEmpty()) {
            const auto lead = DirectoryRepository(db).agentByName(in.value("lead").trimmed());
            if (!lead)
                return lead.error();
            team.leadId = lead->id;
        }
    }
    return {};
}

QJsonObject teamJson(const Team &t, const QList<Agent> &agents)
{
    QString lead;
    int members = 0;
    for (const Agent &a : agents) {
        if (a.id == t.leadId)
            lead = a.name;
        if (a.teamId == t.id && a.active)
            ++members;
    }
    return QJsonObject{{QStringLiteral("id"), uuidToText(t.id)},
                       {QStringLiteral("name"), t.name},
                       {QStringLiteral("time_zone"), t.timeZone},
                       {QStringLiteral("lead"), lead},
                       {QStringLiteral("members"), members}};
}

Result<void> teamList(const Invocation &in)
{
    const auto d = openDirectory(in);
    if (!d)
        return d.error();
    const auto teams = DirectoryRepository(d->db).teams();
    if (!teams)
        return teams.error();
    const auto agents = DirectoryRepository(d->db).agents().value_or(QList<Agent>());
    QJsonArray list;
    for (const Team &t : teams.value())
        list.append(teamJson(t, agents));
    if (in.json()) {
        printJson(QJsonObject{{QStringLiteral("teams"), list}});
        return {};
    }
    if (teams->isEmpty())
        out() << CliText::tr("No teams yet. Add one with \"madoguchi-cli team add --name NAME\".") << Qt::endl;
    for (const QJsonValue &v : list) {
        const QJsonObject t = v.toObject();
        const QString lead = t.value(QStringLiteral("lead")).toString();
        out() << CliText::tr("%1  %2  %n member(s), lead: %3", "", t.value(QStringLiteral("members")).toInt())
                     .arg(t.value(QStringLiteral("name")).toString(), t.value(QStringLiteral("time_zone")).toString(),
                          lead.isEmpty() ? CliText::tr("nobody") : lead)
              << Qt::endl;
    }
    return {};
}

Result<void> teamAdd(const Invocation &in)
{
    if (!in.isSet("name"))
        return usageError(CliText::tr("team add needs --name."));
    auto d = openDirectory(in);
    if (!d)
        return d.error();
    Team team;
    team.name = in.value("name");
    if (auto r = readTeam(in, d->db, team); !r)
        return r;
    const auto id = d.value().service.addTeam(team);
    if (!id)
        return id.error();
    if (in.json())
        printJson(teamJson(DirectoryRepository(d->db).team(id.value()).value_or(team),
                           DirectoryRepository(d->db).agents().value_or(QList<Agent>())));
    else
        out() << CliText::tr("Added the team %1.").arg(team.name.trimmed()) << Qt::endl;
    return {};
}

Result<void> teamEdit(const Invocation &in)
{
    auto d = openDirectory(in);
    if (!d)
        return d.error();
    const QStringList args = in.arguments();
    if (args.size() != 1)
        return usageError(CliText::tr("Name one team (in quotes if the name has spaces)."));
    const auto id = teamNamed(d->db, args.constFirst());
    if (!id)
        return id.error();
    auto team = DirectoryRepository(d->db).team(id.value());
    if (!team)
        return team.error();
    Team changed = team.value();
    if (in.isSet("name"))
        changed.name = in.value("name");
    if (auto r = readTeam(in, d->db, changed); !r)
        return r;
    if (auto r = d.value().service.editTeam(changed); !r)
        return r;
    if (in.json())
        printJson(teamJson(DirectoryRepository(d->db).team(changed.id).value_or(changed),
                           DirectoryRepository(d->db).agents().value_or(QList<Agent>())));
    else
        out() << CliText::tr("Saved the team %1.").arg(changed.name.trimmed()) << Qt::endl;
    return {};
}

} // namespace

// clang-format off
const Command initCommand{
    nullptr, "init", QT_TRANSLATE_NOOP("Cli", "Create a new, empty database for a real team (optionally with its first person)"),
    {}, kInitOptions, {}, init};
const Command agentListCommand{
    "agent", "list", QT_TRANSLATE_NOOP("Cli", "List the agents, the deactivated ones too"), {}, {}, {}, agentList};
const Command agentAddCommand{
    "agent", "add", QT_TRANSLATE_NOOP("Cli", "Add an agent"), {}, kAgentAddOptions, kPersonOptions, agentAdd};
const Command agentEditCommand{
    "agent", "edit", QT_TRANSLATE_NOOP("Cli", "Change an agent's name, reading, e-mail, role or team"), kAgentName,
    kAgentEditOptions, kPersonOptions, agentEdit};
const Command agentDeactivateCommand{
    "agent", "deactivate", QT_TRANSLATE_NOOP("Cli", "Deactivate an agent (their name stays in the history)"),
    kAgentName, {}, {}, agentDeactivate};
const Command agentReactivateCommand{
    "agent", "reactivate", QT_TRANSLATE_NOOP("Cli", "Make a deactivated agent active again"), kAgentName, {}, {},
    agentReactivate};
const Command teamListCommand{
    "team", "list", QT_TRANSLATE_NOOP("Cli", "List the teams with their time zone and lead"), {}, {}, {}, teamList};
const Command teamAddCommand{
    "team", "add", QT_TRANSLATE_NOOP("Cli", "Add a team"), {}, kTeamAddOptions, kTeamOptions, teamAdd};
const Command teamEditCommand{
    "team", "edit", QT_TRANSLATE_NOOP("Cli", "Rename a team or change its time zone or lead"), kTeamName,
    kTeamEditOptions, kTeamOptions, teamEdit};
// clang-format on

} // namespace madoguchi::cli
