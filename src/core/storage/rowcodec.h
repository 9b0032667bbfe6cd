#pragma once

#include "domain/entities.h"

#include <QSqlQuery>
#include <QVariant>

#include <optional>

// Conversions between SQLite column values and domain values, shared by the
// repositories and the demo generator.
namespace madoguchi::rowcodec {

QDateTime time(const QVariant &v);
std::optional<QDateTime> optionalTime(const QVariant &v);
QVariant optionalTimeValue(const std::optional<QDateTime> &t);
QUuid key(const QVariant &v);
QStringList tags(const QVariant &json);
QString tagsJson(const QStringList &tags);
QVariant optionalInt(const std::optional<int> &v);
std::optional<int> optionalInt(const QVariant &v);

// Reads rev, created_at, updated_at, deleted_at, created_by from the query's
// columns of those names.
RowMeta meta(const QSqlQuery &q);

// The columns every repository selects after its own ones.
inline constexpr const char *kMetaColumns = "rev, created_at, updated_at, deleted_at, created_by";

// Sort key for "by reading" order: searchKey(reading), or of the name when
// no reading was given.
QString sortKey(const QString &name, const QString &reading);

} // namespace madoguchi::rowcodec
