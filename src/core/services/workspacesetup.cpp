#include "services/workspacesetup.h"

#include "repositories/directoryrepository.h"
#include "repositories/slarepository.h"
#include "services/directoryservice.h"
#include "storage/clientstate.h"
#include "storage/transaction.h"

#include <QSqlError>
#include <QSqlQuery>

namespace madoguchi {

namespace {

const QString kSkipped = QStringLiteral("setup_skipped");

} // namespace

WorkspaceSetup::WorkspaceSetup(QSqlDatabase db)
    : m_db(std::move(db))
{}

bool WorkspaceSetup::needsSetUp() const
{
    const ClientState state(m_db);
    if (state.value(QStringLiteral("demo")) == u"1" || state.value(kSkipped) == u"1")
        return false;
    QSqlQuery q(m_db);
    return q.exec(QStringLiteral("SELECT 1 FROM agents LIMIT 1")) && !q.next();
}

Result<void> WorkspaceSetup::skip()
{
    return ClientState(m_db).setValue(kSkipped, QStringLiteral("1"));
}

Result<Workspace> WorkspaceSetup::setUp(const WorkspacePlan &plan)
{
    return inTransaction(m_db, [&]() -> Result<Workspace> {
        // A second founder would add a second team and administrator and
        // replace the business hours in use; a synced copy's people are the
        // server's.
        QSqlQuery people(m_db);
        if (!people.exec(QStringLiteral("SELECT 1 FROM agents LIMIT 1")))
            return makeError(Error::Code::Database, people.lastError().text());
        if (people.next() || !ClientState(m_db).value(QStringLiteral("sync.epoch")).isEmpty())
            return makeError(Error::Code::Invalid, tr("This workspace is set up already: change its people and teams "
                                                      "in Settings ▸ People and teams."));
        Workspace made;
        SlaRepository sla(m_db);
        const auto policy = sla.defaultPolicy();
        if (!policy)
            return policy.error();
        auto calendar = sla.calendar(policy->calendarId);
        if (!calendar)
            return calendar.error();
        if (plan.hours) {
            Calendar changed = *plan.hours;
            changed.id = calendar->id;
            changed.name = calendar->name;
            if (auto saved = sla.saveCalendar(changed); !saved)
                return saved.error();
            calendar = std::move(changed);
        }
        auto directory = DirectoryService::founding(m_db, QUuid());
        if (!plan.teamName.trimmed().isEmpty()) {
            Team team;
            team.name = plan.teamName.trimmed();
            team.timeZone = calendar->timeZone;
            const auto id = directory.addTeam(team);
            if (!id)
                return id.error();
            made.team = id.value();
        }
        Agent you = plan.you;
        you.teamId = made.team;
        const auto youId = directory.addAgent(you);
        if (!youId)
            return youId.error();
        made.you = youId.value();
        // From here on the changes are the new person's.
        auto asYou = DirectoryService::founding(m_db, made.you);
        QUuid lead = you.role == AgentRole::Lead ? made.you : QUuid();
        for (Agent mate : plan.teammates) {
            mate.teamId = made.team;
            const auto id = asYou.addAgent(mate);
            if (!id)
                return makeError(id.error().code, tr("%1: %2").arg(mate.name.trimmed(), id.error().message));
            made.teammates.append(id.value());
            if (lead.isNull() && mate.role == AgentRole::Lead)
                lead = id.value();
        }
        if (!made.team.isNull() && !lead.isNull()) {
            auto team = DirectoryRepository(m_db).team(made.team);
            if (!team)
                return team.error();
            team.value().leadId = lead;
            if (auto r = asYou.editTeam(*team); !r)
                return r.error();
        }
        if (auto r = ClientState(m_db).setCurrentAgent(made.you); !r)
            return r.error();
        return made;
    });
}

} // namespace madoguchi
