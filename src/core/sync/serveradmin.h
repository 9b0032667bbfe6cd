#pragma once

#include "common/result.h"

#include <QSqlDatabase>
#include <QString>
#include <QUuid>

namespace madoguchi {

// What an administrator does on the team server with their own login.

// Creates an agent: a login role (member of crm_<role>, never superuser,
// never bypassing row-level security) with `password`, and the directory
// row, in one transaction. `team` names an existing team, or is empty.
Result<QUuid> addServerAgent(QSqlDatabase db, const QString &login, const QString &displayName, const QString &role,
                             const QString &team, const QString &password);
// Retention: removes the change log older than `days` (clients behind it
// reload their copy, keeping unsent changes). Returns the rows removed.
Result<qint64> retainServerChanges(QSqlDatabase db, int days);

// Creates a team (or returns the live one of that name).
Result<QUuid> addServerTeam(QSqlDatabase db, const QString &name);

} // namespace madoguchi
