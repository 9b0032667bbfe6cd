#include "services/directoryservice.h"

#include "domain/textnormalizer.h"
#include "repositories/directoryrepository.h"
#include "repositories/ticketrepository.h"
#include "storage/clientstate.h"
#include "storage/transaction.h"

#include <QTimeZone>

namespace madoguchi {

namespace {

// A copy that has synced with a team server (ChangePuller keeps the
// server's epoch): logins, roles and being active are the server's.
bool worksWithServer(const QSqlDatabase &db)
{
    return !ClientState(db).value(QStringLiteral("sync.epoch")).isEmpty();
}

Error serversToChange()
{
    return makeError(Error::Code::Invalid,
                     DirectoryService::tr("This copy works with a team server: an administrator changes roles and "
                                          "deactivates people there (madoguchi-cli server edit-agent or "
                                          "deactivate-agent)."));
}

bool outranksLead(AgentRole role)
{
    return role == AgentRole::Supervisor || role == AgentRole::Admin;
}

} // namespace

DirectoryService::DirectoryService(QSqlDatabase db, QUuid actor)
    : m_db(std::move(db))
    , m_actor(actor)
{}

DirectoryService DirectoryService::founding(QSqlDatabase db, QUuid actor)
{
    DirectoryService service(std::move(db), actor);
    service.m_founding = true;
    return service;
}

bool DirectoryService::canManage() const
{
    return checkManage().ok();
}

bool DirectoryService::canGrant(AgentRole role) const
{
    if (!canManage())
        return false;
    if (m_founding || !outranksLead(role))
        return true;
    const auto actor = DirectoryRepository(m_db).agent(m_actor);
    // Without an active admin anyone may (see the class comment): checkManage passed.
    if (!actor)
        return true;
    if (actor->role == AgentRole::Admin)
        return true;
    const auto everyone = DirectoryRepository(m_db).agents();
    return everyone && std::none_of(everyone->cbegin(), everyone->cend(), [](const Agent &a) {
               return a.active && a.role == AgentRole::Admin;
           });
}

Result<void> DirectoryService::checkManage() const
{
    if (m_founding)
        return {};
    const auto everyone = DirectoryRepository(m_db).agents();
    if (!everyone)
        return everyone.error();
    const bool hasAdmin = std::any_of(everyone->cbegin(), everyone->cend(),
                                      [](const Agent &a) { return a.active && a.role == AgentRole::Admin; });
    if (!hasAdmin)
        return {};
    const auto actor = std::find_if(everyone->cbegin(), everyone->cend(),
                                    [this](const Agent &a) { return a.id == m_actor; });
    if (actor == everyone->cend())
        return makeError(Error::Code::Invalid,
                         tr("Choose who you are (Settings ▸ You) before changing the team's people."));
    if (!actor->active)
        return makeError(Error::Code::Invalid,
                         tr("%1 is deactivated and cannot change the team's people.").arg(actor->name));
    if (actor->role == AgentRole::Agent)
        return makeError(Error::Code::Invalid,
                         tr("Only team leads, supervisors and administrators can change the team's people."));
    return {};
}

Result<void> DirectoryService::checkAgent(const Agent &agent, const Agent *before) const
{
    if (auto r = checkManage(); !r)
        return r;
    const bool roleChanges = !before || before->role != agent.role;
    if ((roleChanges && !canGrant(agent.role)) || (before && !canGrant(before->role)))
        return makeError(Error::Code::Invalid, tr("Only an administrator can make or change a supervisor or "
                                                  "an administrator."));
    const auto everyone = DirectoryRepository(m_db).agents();
    if (!everyone)
        return everyone.error();
    const QString key = text::personNameKey(agent.name);
    for (const Agent &other : *everyone) {
        if (other.id != agent.id && other.active && text::personNameKey(other.name) == key)
            return makeError(Error::Code::Invalid,
                             tr("There is already an agent called %1. Add something that tells them apart.")
                                 .arg(other.name));
    }
    if (!agent.teamId.isNull()) {
        if (auto team = DirectoryRepository(m_db).team(agent.teamId); !team)
            return team.error();
    }
    return {};
}

Result<void> DirectoryService::keepAnAdmin(const Agent &before, const Agent &after) const
{
    const bool wasAdmin = before.active && before.role == AgentRole::Admin;
    const bool isAdmin = after.active && after.role == AgentRole::Admin;
    if (!wasAdmin || isAdmin)
        return {};
    const auto everyone = DirectoryRepository(m_db).agents();
    if (!everyone)
        return everyone.error();
    const bool another = std::any_of(everyone->cbegin(), everyone->cend(), [&](const Agent &a) {
        return a.id != before.id && a.active && a.role == AgentRole::Admin;
    });
    if (another)
        return {};
    return makeError(Error::Code::Invalid, tr("%1 is the team's only administrator. Make someone else an "
                                              "administrator first.")
                                               .arg(before.name));
}

Result<QUuid> DirectoryService::addAgent(Agent agent)
{
    agent.active = true;
    if (auto r = checkAgent(agent, nullptr); !r)
        return r.error();
    return DirectoryRepository(m_db, m_actor).addAgent(agent);
}

Result<void> DirectoryService::editAgent(const Agent &agent)
{
    return inTransaction(m_db, [&]() -> Result<void> {
        DirectoryRepository directory(m_db, m_actor);
        const auto before = directory.agent(agent.id);
        if (!before)
            return before.error();
        Agent after = agent;
        after.active = before->active;
        if (after.role != before->role && worksWithServer(m_db))
            return serversToChange();
        if (auto r = checkAgent(after, &before.value()); !r)
            return r;
        if (auto r = keepAnAdmin(*before, after); !r)
            return r;
        if (auto r = directory.updateAgent(after); !r)
            return r;
        // A lead who moves to another team no longer leads the old one.
        if (before->teamId != after.teamId && !before->teamId.isNull()) {
            auto team = directory.team(before->teamId);
            if (team && team->leadId == after.id) {
                team.value().leadId = QUuid();
                return directory.updateTeam(*team);
            }
        }
        return {};
    });
}

Result<QList<Ticket>> DirectoryService::deactivateAgent(const QUuid &agentId)
{
    return inTransaction(m_db, [&]() -> Result<QList<Ticket>> {
        DirectoryRepository directory(m_db, m_actor);
        const auto before = directory.agent(agentId);
        if (!before)
            return before.error();
        if (auto r = checkManage(); !r)
            return r.error();
        if (worksWithServer(m_db))
            return serversToChange();
        if (!canGrant(before->role))
            return makeError(Error::Code::Invalid, tr("Only an administrator can deactivate a supervisor or "
                                                      "an administrator."));
        Agent after = *before;
        after.active = false;
        if (auto r = keepAnAdmin(*before, after); !r)
            return r.error();
        if (auto r = directory.updateAgent(after); !r)
            return r.error();
        const auto teams = directory.teams();
        if (!teams)
            return teams.error();
        for (Team team : *teams) {
            if (team.leadId != agentId)
                continue;
            team.leadId = QUuid();
            if (auto r = directory.updateTeam(team); !r)
                return r.error();
        }
        return TicketRepository(m_db).openAssignedTo(agentId);
    });
}

Result<void> DirectoryService::reactivateAgent(const QUuid &agentId)
{
    DirectoryRepository directory(m_db, m_actor);
    const auto before = directory.agent(agentId);
    if (!before)
        return before.error();
    if (worksWithServer(m_db))
        return serversToChange();
    Agent after = *before;
    after.active = true;
    if (auto r = checkAgent(after, &before.value()); !r)
        return r;
    return directory.updateAgent(after);
}

Result<QList<Ticket>> DirectoryService::openTicketsOf(const QUuid &agent) const
{
    return TicketRepository(m_db).openAssignedTo(agent);
}

Result<void> DirectoryService::checkTeam(const Team &team) const
{
    if (auto r = checkManage(); !r)
        return r;
    if (!QTimeZone(team.timeZone.toUtf8()).isValid())
        return makeError(Error::Code::Invalid, tr("%1 is not a time zone this computer knows.").arg(team.timeZone));
    DirectoryRepository directory(m_db);
    const auto teams = directory.teams();
    if (!teams)
        return teams.error();
    for (const Team &other : *teams) {
        if (other.id != team.id && text::personNameKey(other.name) == text::personNameKey(team.name))
            return makeError(Error::Code::Invalid, tr("There is already a team called %1.").arg(other.name));
    }
    if (team.leadId.isNull())
        return {};
    const auto lead = directory.agent(team.leadId);
    if (!lead)
        return lead.error();
    if (!lead->active)
        return makeError(Error::Code::Invalid, tr("%1 is deactivated and cannot lead a team.").arg(lead->name));
    if (lead->teamId != team.id)
        return makeError(Error::Code::Invalid,
                         tr("%1 is not in %2. Move them to the team first.").arg(lead->name, team.name));
    return {};
}

Result<QUuid> DirectoryService::addTeam(Team team)
{
    if (auto r = checkTeam(team); !r)
        return r.error();
    return DirectoryRepository(m_db, m_actor).addTeam(team);
}

Result<void> DirectoryService::editTeam(const Team &team)
{
    return inTransaction(m_db, [&]() -> Result<void> {
        DirectoryRepository directory(m_db, m_actor);
        if (auto before = directory.team(team.id); !before)
            return before.error();
        if (auto r = checkTeam(team); !r)
            return r;
        return directory.updateTeam(team);
    });
}

} // namespace madoguchi
