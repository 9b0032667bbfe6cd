#pragma once

#include "common/result.h"

#include <QSqlDatabase>
#include <QString>
#include <QUuid>

#include <optional>

namespace madoguchi {

// What an administrator does on the team server with their own login.

// A person of the team as the server's directory knows them.
struct ServerAgent
{
    QUuid id; // new: null (one is made); or an agent in the directory without a login yet
    QString login;
    QString name;
    QString reading;
    QString email;
    QString role = QStringLiteral("agent");
    QString team; // a team's name, or empty
    bool active = true;
};

// Creates an agent: a login role (member of crm_<role>, never superuser,
// never bypassing row-level security) with `password`, and the directory
// row, in one transaction, through the server's app.add_agent (which only
// an administrator's login or the server's owner may call). `team` names
// an existing team, or is empty.
Result<QUuid> addServerAgent(QSqlDatabase db, const ServerAgent &agent, const QString &password);
Result<QUuid> addServerAgent(QSqlDatabase db, const QString &login, const QString &displayName, const QString &role,
                             const QString &team, const QString &password);
// The directory, with each agent's login (empty for none yet), in name order.
Result<QList<ServerAgent>> serverAgents(QSqlDatabase db);
// The one person called `name` (in `team` when given) who is in the
// directory without a login yet: brought by the first sync of a team that
// worked locally, theirs to get a login on (ServerAgent::id). None when
// nobody is; an error naming --team when several are.
Result<std::optional<ServerAgent>> serverAgentWithoutLogin(QSqlDatabase db, const QString &name, const QString &team);
// Changes the agent with `login` to `changed` (name, reading, e-mail, team,
// role): all or nothing. A new role moves the login to its group.
Result<void> editServerAgent(QSqlDatabase db, const QString &login, const ServerAgent &changed);
// Deactivated, the login can no longer sign in (its name stays); active
// again, it can. The last active administrator stays one.
Result<void> setServerAgentActive(QSqlDatabase db, const QString &login, bool active);
// A new password, sent as a SCRAM verifier (never in the server's log).
Result<void> resetServerPassword(QSqlDatabase db, const QString &login, const QString &password);
// Renames a team or changes its time zone or lead (a login, "" for none).
Result<void> editServerTeam(QSqlDatabase db, const QString &team, const QString &newName, const QString &timeZone,
                            const std::optional<QString> &leadLogin);
// Retention: removes the change log older than `days` (clients behind it
// reload their copy, keeping unsent changes). Returns the rows removed.
Result<qint64> retainServerChanges(QSqlDatabase db, int days);

// A password for a new login when none is typed: 20 characters from an
// alphabet without look-alikes, from the system's random source.
QString generatedPassword();

// Creates a team (or returns the live one of that name).
Result<QUuid> addServerTeam(QSqlDatabase db, const QString &name);

} // namespace madoguchi
