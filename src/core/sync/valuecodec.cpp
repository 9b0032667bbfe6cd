#include "sync/valuecodec.h"

#include "domain/uuid.h"
#include "storage/bulkinserter.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

#include <algorithm>
#include <array>

namespace madoguchi::valuecodec {

Kind kindOf(const QString &serverType)
{
    if (serverType == u"uuid")
        return Kind::Uuid;
    if (serverType == u"name")
        return Kind::Name;
    if (serverType.startsWith(QLatin1String("timestamp")))
        return Kind::Time;
    if (serverType == u"bigint" || serverType == u"integer")
        return Kind::Integer;
    if (serverType == u"boolean")
        return Kind::Boolean;
    if (serverType == u"jsonb" || serverType == u"json")
        return Kind::Json;
    return Kind::Text;
}

QString selectExpression(const QString &column, Kind kind)
{
    const QString c = QStringLiteral("t.") + column;
    switch (kind) {
    case Kind::Uuid:
    case Kind::Name:
    case Kind::Json: return c + QStringLiteral("::text");
    case Kind::Time: return QStringLiteral("(floor(extract(epoch FROM %1) * 1000))::bigint").arg(c);
    case Kind::Boolean: return c + QStringLiteral("::int");
    case Kind::Integer:
    case Kind::Text: break;
    }
    return c;
}

QVariant localValue(const QVariant &value, Kind kind)
{
    if (value.isNull())
        return QVariant();
    switch (kind) {
    case Kind::Uuid: return uuidToBlob(QUuid::fromString(value.toString()));
    case Kind::Time:
    case Kind::Integer:
    case Kind::Boolean: return value.toLongLong();
    case Kind::Name:
    case Kind::Json:
    case Kind::Text: break;
    }
    return value;
}

void bindLocal(BulkInserter &bulk, int column, const QVariant &value, Kind kind)
{
    if (value.isNull())
        return bulk.bindNull(column);
    switch (kind) {
    case Kind::Uuid: {
        // Straight into the key: no QByteArray per row.
        const QByteArray bytes = QUuid::fromString(value.toString()).toRfc4122();
        std::array<unsigned char, 16> uuid{};
        std::copy(bytes.cbegin(), bytes.cend(), uuid.begin());
        return bulk.bind(column, uuid);
    }
    case Kind::Time:
    case Kind::Integer:
    case Kind::Boolean: return bulk.bind(column, value.toLongLong());
    case Kind::Name:
    case Kind::Json:
    case Kind::Text: break;
    }
    bulk.bind(column, value.toString());
}

QJsonValue serverValue(const QJsonValue &value, Kind kind)
{
    if (value.isNull())
        return value;
    if (kind == Kind::Time && value.isDouble())
        return QDateTime::fromMSecsSinceEpoch(qint64(value.toDouble()), Qt::UTC).toString(Qt::ISODateWithMs);
    if (kind == Kind::Boolean && value.isDouble())
        return value.toInt() != 0;
    if (kind == Kind::Json && value.isString()) {
        const QJsonDocument doc = QJsonDocument::fromJson(QStringLiteral("[%1]").arg(value.toString()).toUtf8());
        return doc.isArray() && doc.array().size() == 1 ? doc.array().first() : value;
    }
    return value;
}

QVariant outboxToLocal(const QJsonValue &value, Kind kind)
{
    if (value.isNull() || value.isUndefined())
        return QVariant();
    if (kind == Kind::Uuid)
        return uuidToBlob(QUuid::fromString(value.toString()));
    if (value.isDouble())
        return qint64(value.toDouble());
    return value.toString();
}

} // namespace madoguchi::valuecodec
