#include "repositories/directoryrepository.h"

#include "domain/uuid.h"
#include "storage/changewriter.h"
#include "storage/rowcodec.h"
#include "storage/sqlite.h"
#include "storage/transaction.h"

#include <QSqlQuery>

namespace madoguchi {

namespace {

// Inserts one validated row in its own transaction (with its outbox entry).
template<typename T>
Result<QUuid> insertOne(const QSqlDatabase &db, const QUuid &actor, const QString &table, T &entity,
                        const Columns &columns)
{
    if (const auto errors = validate(entity); !errors.isEmpty())
        return makeError(Error::Code::Invalid, joinMessages(errors));
    if (entity.id.isNull())
        entity.id = newUuidV7();
    if (auto r = inTransaction(db, [&] { return ChangeWriter(db, actor).insert(table, entity.id, columns); }); !r)
        return r.error();
    return entity.id;
}

Agent readAgent(const QSqlQuery &q)
{
    Agent a;
    a.id = rowcodec::key(q.value(0));
    a.name = q.value(1).toString();
    a.email = q.value(2).toString();
    a.role = fromKey<AgentRole>(q.value(3).toString()).value_or(AgentRole::Agent);
    a.teamId = rowcodec::key(q.value(4));
    a.active = q.value(5).toBool();
    a.meta = rowcodec::meta(q);
    a.nameReading = q.value(11).toString();
    return a;
}

const QString kSelectAgent = QStringLiteral(
                                 "SELECT id, name, email, role, team_id, active, %1, name_reading FROM agents ")
                                 .arg(QLatin1String(rowcodec::kMetaColumns));
// People in the order their names are said: by reading where there is one.
const QString kAgentOrder = QStringLiteral("ORDER BY CASE name_reading WHEN '' THEN name ELSE name_reading END, name");

Team readTeam(const QSqlQuery &q)
{
    return {rowcodec::key(q.value(0)),
            q.value(1).toString(),
            q.value(2).toString(),
            rowcodec::meta(q),
            fromKey<AutoAssign>(q.value(8).toString()).value_or(AutoAssign::None),
            rowcodec::key(q.value(9))};
}

const QString kSelectTeam = QStringLiteral("SELECT id, name, time_zone, %1, auto_assign, lead_id FROM teams ")
                                .arg(QLatin1String(rowcodec::kMetaColumns));

Columns agentColumns(const Agent &agent)
{
    return {{QStringLiteral("name"), agent.name.trimmed()},
            {QStringLiteral("name_reading"), agent.nameReading.trimmed()},
            {QStringLiteral("email"), agent.email.trimmed()},
            {QStringLiteral("role"), toKey(agent.role)},
            {QStringLiteral("team_id"), keyValue(agent.teamId)},
            {QStringLiteral("active"), agent.active ? 1 : 0}};
}

Columns teamColumns(const Team &team)
{
    return {{QStringLiteral("name"), team.name.trimmed()},
            {QStringLiteral("time_zone"), team.timeZone},
            {QStringLiteral("auto_assign"), toKey(team.autoAssign)},
            {QStringLiteral("lead_id"), keyValue(team.leadId)}};
}

// Writes the changed columns of one validated row in its own transaction.
template<typename T>
Result<void> updateOne(const QSqlDatabase &db, const QUuid &actor, const QString &table, const T &entity,
                       const Columns &columns)
{
    if (const auto errors = validate(entity); !errors.isEmpty())
        return makeError(Error::Code::Invalid, joinMessages(errors));
    return inTransaction(db, [&]() -> Result<void> {
        if (auto r = ChangeWriter(db, actor).update(table, entity.id, columns); !r)
            return r.error();
        return {};
    });
}

} // namespace

DirectoryRepository::DirectoryRepository(QSqlDatabase db, QUuid actor)
    : m_db(std::move(db))
    , m_actor(actor)
{}

Result<QUuid> DirectoryRepository::addTeam(Team team)
{
    return insertOne(m_db, m_actor, QStringLiteral("teams"), team, teamColumns(team));
}

Result<void> DirectoryRepository::updateTeam(const Team &team)
{
    return updateOne(m_db, m_actor, QStringLiteral("teams"), team, teamColumns(team));
}

Result<Team> DirectoryRepository::team(const QUuid &id) const
{
    QSqlQuery q(m_db);
    q.prepare(kSelectTeam + QStringLiteral("WHERE id = ? AND deleted_at IS NULL"));
    q.addBindValue(keyValue(id));
    if (!q.exec())
        return sqlite::toError(q.lastError(), tr("reading the teams"));
    if (!q.next())
        return makeError(Error::Code::NotFound, tr("The team does not exist."));
    return readTeam(q);
}

Result<void> DirectoryRepository::setAutoAssign(const QUuid &team, AutoAssign mode)
{
    return inTransaction(m_db, [&]() -> Result<void> {
        const auto changed = ChangeWriter(m_db, m_actor)
                                 .update(QStringLiteral("teams"), team, {{QStringLiteral("auto_assign"), toKey(mode)}});
        if (!changed)
            return changed.error();
        return {};
    });
}

Result<QList<Team>> DirectoryRepository::teams() const
{
    QSqlQuery q(m_db);
    if (!q.exec(kSelectTeam + QStringLiteral("WHERE deleted_at IS NULL ORDER BY name")))
        return sqlite::toError(q.lastError(), tr("reading the teams"));
    QList<Team> out;
    while (q.next())
        out.append(readTeam(q));
    return out;
}

Result<QUuid> DirectoryRepository::addAgent(Agent agent)
{
    return insertOne(m_db, m_actor, QStringLiteral("agents"), agent, agentColumns(agent));
}

Result<void> DirectoryRepository::updateAgent(const Agent &agent)
{
    return updateOne(m_db, m_actor, QStringLiteral("agents"), agent, agentColumns(agent));
}

Result<Agent> DirectoryRepository::agent(const QUuid &id) const
{
    QSqlQuery q(m_db);
    q.prepare(kSelectAgent + QStringLiteral("WHERE id = ? AND deleted_at IS NULL"));
    q.addBindValue(keyValue(id));
    if (!q.exec())
        return sqlite::toError(q.lastError(), tr("reading the agents"));
    if (!q.next())
        return makeError(Error::Code::NotFound, tr("The agent does not exist."));
    return readAgent(q);
}

Result<QList<Agent>> DirectoryRepository::agents() const
{
    QSqlQuery q(m_db);
    if (!q.exec(kSelectAgent + QStringLiteral("WHERE deleted_at IS NULL ") + kAgentOrder))
        return sqlite::toError(q.lastError(), tr("reading the agents"));
    QList<Agent> out;
    while (q.next())
        out << readAgent(q);
    return out;
}

Result<Agent> DirectoryRepository::agentByName(const QString &name) const
{
    QSqlQuery q(m_db);
    q.prepare(kSelectAgent + QStringLiteral("WHERE name = ? AND deleted_at IS NULL ORDER BY active DESC"));
    q.addBindValue(name);
    if (!q.exec())
        return sqlite::toError(q.lastError(), tr("reading the agents"));
    if (!q.next())
        return makeError(Error::Code::NotFound, tr("There is no agent called %1.").arg(name));
    return readAgent(q);
}

Result<QUuid> DirectoryRepository::addOrganization(Organization organization)
{
    return insertOne(m_db, m_actor, QStringLiteral("organizations"), organization,
                     {{QStringLiteral("name"), organization.name.normalized(QString::NormalizationForm_KC).simplified()},
                      {QStringLiteral("name_reading"), organization.nameReading},
                      {QStringLiteral("sort_key"), rowcodec::sortKey(organization.name, organization.nameReading)},
                      {QStringLiteral("email_domain"), organization.emailDomain},
                      {QStringLiteral("notes"), organization.notes}});
}

namespace {

Result<std::optional<Organization>> readOrganization(const QSqlDatabase &db, const QString &where, const QVariant &value)
{
    QSqlQuery q(db);
    q.prepare(
        QStringLiteral(
            "SELECT id, name, name_reading, email_domain, notes, %1 FROM organizations WHERE %2 AND deleted_at IS NULL")
            .arg(QLatin1String(rowcodec::kMetaColumns), where));
    q.addBindValue(value);
    if (!q.exec())
        return sqlite::toError(q.lastError(), DirectoryRepository::tr("reading the organization"));
    if (!q.next())
        return std::optional<Organization>();
    return std::optional<Organization>(Organization{rowcodec::key(q.value(0)), q.value(1).toString(),
                                                    q.value(2).toString(), q.value(3).toString(), q.value(4).toString(),
                                                    rowcodec::meta(q)});
}

} // namespace

Result<Organization> DirectoryRepository::organization(const QUuid &id) const
{
    auto found = readOrganization(m_db, QStringLiteral("id = ?"), keyValue(id));
    if (!found)
        return found.error();
    if (!found->has_value())
        return makeError(Error::Code::NotFound, tr("The organization no longer exists."));
    return **found;
}

Result<QList<Organization>> DirectoryRepository::organizations() const
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT id, name, name_reading, email_domain, notes, %1 FROM organizations "
                               "WHERE deleted_at IS NULL ORDER BY sort_key, id")
                    .arg(QLatin1String(rowcodec::kMetaColumns))))
        return sqlite::toError(q.lastError(), tr("reading the organization"));
    QList<Organization> out;
    while (q.next())
        out.append({rowcodec::key(q.value(0)), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                    q.value(4).toString(), rowcodec::meta(q)});
    return out;
}

Result<QUuid> DirectoryRepository::organizationNamed(const QString &name)
{
    if (name.trimmed().isEmpty())
        return QUuid();
    const auto known = organizationByName(name);
    if (!known)
        return known.error();
    if (known->has_value())
        return (*known)->id;
    Organization o;
    o.name = name;
    return addOrganization(o);
}

Result<std::optional<Organization>> DirectoryRepository::organizationByName(const QString &name) const
{
    return readOrganization(m_db, QStringLiteral("name = ?"),
                            name.normalized(QString::NormalizationForm_KC).simplified());
}

} // namespace madoguchi
