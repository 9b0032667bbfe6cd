#pragma once

#include "common/result.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace madoguchi {

struct Migration
{
    int version = 0;
    QString name;
    QString sql;
};

// An SQL script embedded under :/sql/ ("derived/customer_index.sql"), with
// its "-- @include" lines expanded; empty when there is none.
QString sqlResource(const QString &path);

// The local schema's migrations, embedded as resources (:/sql/local/NNNN_name.sql)
// and ordered by version. The last one's version is the schema this build knows.
QList<Migration> localMigrations();

// Applies every migration above the database's PRAGMA user_version, each in
// its own transaction together with the new version number, so a failure
// leaves the database at the last complete version.
Result<int> applyMigrations(const QSqlDatabase &db, const QList<Migration> &migrations, int fromVersion);

} // namespace madoguchi
