#pragma once

#include "common/result.h"

#include <QSqlDatabase>
#include <QStringList>

#include <optional>

namespace madoguchi {

// The server schema (resources/sql/server), in versions like the local one.
int latestServerSchemaVersion();
// The version a server holds; 0 when it has none yet.
Result<int> serverSchemaVersion(QSqlDatabase db);

// Creates or upgrades the schema: roles, tables, row-level security. Safe to
// run again (a current server is left as it is); refuses a server whose
// schema is newer than this program knows. Each version is applied in one
// transaction with its version number. Returns the version now held.
// `upTo`: stop at that version (a test of an older server).
Result<int> initializeServer(QSqlDatabase db, std::optional<int> upTo = std::nullopt);

// The agent roles of the server, least first.
inline const QStringList &serverRoles()
{
    static const QStringList roles{QStringLiteral("agent"), QStringLiteral("lead"), QStringLiteral("supervisor"),
                                   QStringLiteral("admin")};
    return roles;
}

} // namespace madoguchi
