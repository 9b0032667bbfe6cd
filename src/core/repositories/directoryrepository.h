#pragma once

#include "common/result.h"
#include "domain/entities.h"

#include <QCoreApplication>
#include <QSqlDatabase>

#include <optional>

namespace madoguchi {

// Teams, agents and organizations: the small reference tables.
class DirectoryRepository
{
    Q_DECLARE_TR_FUNCTIONS(DirectoryRepository)

public:
    explicit DirectoryRepository(QSqlDatabase db, QUuid actor = {});

    Result<QUuid> addTeam(Team team);
    Result<QList<Team>> teams() const;
    Result<Team> team(const QUuid &id) const;
    // Writes the columns of `team` that changed (through the outbox).
    Result<void> updateTeam(const Team &team);
    Result<void> setAutoAssign(const QUuid &team, AutoAssign mode);

    Result<QUuid> addAgent(Agent agent);
    // Every agent, the inactive ones too, in reading order.
    Result<QList<Agent>> agents() const;
    Result<Agent> agent(const QUuid &id) const;
    // Writes the columns of `agent` that changed (through the outbox).
    Result<void> updateAgent(const Agent &agent);
    Result<Agent> agentByName(const QString &name) const;

    Result<QUuid> addOrganization(Organization organization);
    Result<Organization> organization(const QUuid &id) const;
    // Live organizations in reading order.
    Result<QList<Organization>> organizations() const;
    // The live organization called exactly `name` (after NFKC), if any.
    Result<std::optional<Organization>> organizationByName(const QString &name) const;
    // The organization called `name`, created when there is none yet; a null
    // id for an empty name. Call inside the transaction that uses the id.
    Result<QUuid> organizationNamed(const QString &name);

private:
    QSqlDatabase m_db;
    QUuid m_actor;
};

} // namespace madoguchi
