#pragma once

#include "common/result.h"
#include "domain/entities.h"

#include <QCoreApplication>
#include <QSqlDatabase>

namespace madoguchi {

// The people and teams of a workspace, changed by the person signed in
// (`actor`) under the team's rules:
// - leads, supervisors and admins manage agents and teams; only an admin
//   makes or changes a supervisor or an admin; agents only read;
// - while the workspace has no active admin (a new one, before anyone is
//   set up), anyone may, so that it can never be locked;
// - nobody is deleted: history keeps their names. A deactivated agent
//   leaves the assignee lists and stops leading a team; the last active
//   admin stays one;
// - names are unique among the live agents and among the teams.
// Every change is a local row through the outbox (it reaches a team
// server connected later).
class DirectoryService
{
    Q_DECLARE_TR_FUNCTIONS(DirectoryService)

public:
    DirectoryService(QSqlDatabase db, QUuid actor);
    // For a workspace's set-up (WorkspaceSetup): the founder's changes,
    // checked like any other but not against anyone's role.
    static DirectoryService founding(QSqlDatabase db, QUuid actor);

    // Whether the actor may change people and teams at all.
    bool canManage() const;
    // Whether the actor may give or take `role`.
    bool canGrant(AgentRole role) const;

    Result<QUuid> addAgent(Agent agent);
    // Name, reading, e-mail, role and team (not active: see below).
    Result<void> editAgent(const Agent &agent);
    // Returns the agent's open tickets, to be handed to someone else.
    Result<QList<Ticket>> deactivateAgent(const QUuid &agent);
    Result<void> reactivateAgent(const QUuid &agent);
    // The tickets assigned to `agent` that are not solved or closed.
    Result<QList<Ticket>> openTicketsOf(const QUuid &agent) const;

    Result<QUuid> addTeam(Team team);
    // Name, time zone, assignment and lead (an active member of the team).
    Result<void> editTeam(const Team &team);

private:
    Result<void> checkManage() const;
    Result<void> checkAgent(const Agent &agent, const Agent *before) const;
    Result<void> checkTeam(const Team &team) const;
    Result<void> keepAnAdmin(const Agent &before, const Agent &after) const;

    QSqlDatabase m_db;
    QUuid m_actor;
    bool m_founding = false;
};

} // namespace madoguchi
