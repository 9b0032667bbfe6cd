#include "storage/rowcodec.h"

#include "domain/textnormalizer.h"
#include "domain/uuid.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlRecord>
#include <QTimeZone>

namespace madoguchi::rowcodec {

QDateTime time(const QVariant &v)
{
    return v.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}

std::optional<QDateTime> optionalTime(const QVariant &v)
{
    if (v.isNull())
        return std::nullopt;
    return time(v);
}

QVariant optionalTimeValue(const std::optional<QDateTime> &t)
{
    return t && t->isValid() ? QVariant(t->toMSecsSinceEpoch()) : QVariant();
}

QUuid key(const QVariant &v)
{
    return v.isNull() ? QUuid() : uuidFromBlob(v.toByteArray());
}

QStringList tags(const QVariant &json)
{
    QStringList out;
    const auto array = QJsonDocument::fromJson(json.toString().toUtf8()).array();
    for (const auto &v : array)
        out << v.toString();
    return out;
}

QString tagsJson(const QStringList &tags)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(tags)).toJson(QJsonDocument::Compact));
}

QVariant optionalInt(const std::optional<int> &v)
{
    return v ? QVariant(*v) : QVariant();
}

std::optional<int> optionalInt(const QVariant &v)
{
    if (v.isNull())
        return std::nullopt;
    return v.toInt();
}

RowMeta meta(const QSqlQuery &q)
{
    const QSqlRecord r = q.record();
    RowMeta m;
    m.rev = q.value(r.indexOf(QStringLiteral("rev"))).toLongLong();
    m.createdAt = time(q.value(r.indexOf(QStringLiteral("created_at"))));
    m.updatedAt = time(q.value(r.indexOf(QStringLiteral("updated_at"))));
    m.deletedAt = optionalTime(q.value(r.indexOf(QStringLiteral("deleted_at"))));
    m.createdBy = key(q.value(r.indexOf(QStringLiteral("created_by"))));
    return m;
}

QString sortKey(const QString &name, const QString &reading)
{
    return text::searchKey(reading.trimmed().isEmpty() ? name : reading);
}

} // namespace madoguchi::rowcodec
