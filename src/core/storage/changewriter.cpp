#include "storage/changewriter.h"

#include "domain/uuid.h"
#include "storage/changehub.h"
#include "storage/database.h"
#include "storage/sqlite.h"
#include "storage/syncentities.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QSqlRecord>

#include <functional>

namespace madoguchi {

namespace {

// Table and column names are spliced into the SQL (they cannot be bound), so
// they must come from code: only the synced tables, only plain identifiers.
bool isSyncedTable(const QString &table)
{
    return entityForTable(table) != nullptr;
}

Result<void> checkNames(const QString &table, const Columns &columns)
{
    bool ok = isSyncedTable(table);
    for (const auto &column : columns)
        ok = ok && sqlite::isPlainIdentifier(column.first);
    if (ok)
        return {};
    return makeError(Error::Code::Database,
                     Database::tr("A change named an unknown table or column; nothing was saved."));
}

Error notInTransaction()
{
    // A programming error: the outbox guarantee needs the caller's transaction.
    return makeError(Error::Code::Database,
                     Database::tr("A change was attempted outside a transaction; nothing was saved."));
}

// What SQLite will store for `value` (see Columns).
QVariant bound(const QVariant &value)
{
    if (value.typeId() == QMetaType::QString && value.toString().isNull())
        return QString(QLatin1String(""));
    return value;
}

bool sameValue(const QVariant &a, const QVariant &b)
{
    if (a.isNull() || b.isNull())
        return a.isNull() == b.isNull();
    if (a.typeId() == QMetaType::QByteArray || b.typeId() == QMetaType::QByteArray)
        return a.toByteArray() == b.toByteArray();
    if (a.typeId() == QMetaType::QString || b.typeId() == QMetaType::QString)
        return a.toString() == b.toString();
    return a.toLongLong() == b.toLongLong();
}

} // namespace

QVariant keyValue(const QUuid &id)
{
    return id.isNull() ? sqlNull() : QVariant(uuidToBlob(id));
}

QJsonValue toJson(const QVariant &value)
{
    if (!value.isValid() || value.isNull())
        return QJsonValue::Null;
    switch (value.typeId()) {
    case QMetaType::QByteArray: {
        const QByteArray bytes = value.toByteArray();
        return bytes.size() == 16 ? QJsonValue(uuidToText(uuidFromBlob(bytes)))
                                  : QJsonValue(QString::fromLatin1(bytes.toBase64()));
    }
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::ULongLong: return QJsonValue(value.toLongLong());
    case QMetaType::Bool: return QJsonValue(value.toBool() ? 1 : 0);
    case QMetaType::Double: return QJsonValue(value.toDouble());
    default: return QJsonValue(value.toString());
    }
}

ChangeWriter::ChangeWriter(QSqlDatabase db, QUuid actor)
    : m_db(std::move(db))
    , m_actor(actor)
{}

Result<void> ChangeWriter::insert(const QString &table, const QUuid &id, const Columns &columns)
{
    if (auto r = checkNames(table, columns); !r)
        return r;
    if (!sqlite::inTransaction(m_db))
        return notInTransaction();
    const qint64 stamp = now().toMSecsSinceEpoch();
    Columns all;
    for (const auto &[name, value] : columns)
        all.append({name, bound(value)});
    all.prepend({QStringLiteral("id"), keyValue(id)});
    all.append({QStringLiteral("rev"), 0});
    all.append({QStringLiteral("created_at"), stamp});
    all.append({QStringLiteral("updated_at"), stamp});
    all.append({QStringLiteral("created_by"), keyValue(m_actor)});

    QStringList names;
    QStringList marks;
    QJsonObject payload;
    for (const auto &[name, value] : all) {
        names << name;
        marks << QStringLiteral("?");
        if (name != u"id" && name != u"rev")
            payload.insert(name, toJson(value));
    }
    QSqlQuery q(m_db);
    // Names passed checkNames() above (a synced table, plain identifiers); values are bound.
    q.prepare(QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)").arg(table, names.join(u','), marks.join(u',')));
    for (const auto &column : std::as_const(all))
        q.addBindValue(column.second);
    if (!q.exec())
        return sqlite::toError(q.lastError(), Database::tr("saving the new record"));
    return recordMutation(table, id, QStringLiteral("insert"), payload, {});
}

Result<int> ChangeWriter::update(const QString &table, const QUuid &id, const Columns &changes)
{
    if (auto r = checkNames(table, changes); !r)
        return r.error();
    if (!sqlite::inTransaction(m_db))
        return notInTransaction();
    if (changes.isEmpty())
        return 0;

    QStringList names;
    for (const auto &column : changes)
        names << column.first;
    QSqlQuery read(m_db);
    // Names passed checkNames() above; the id is bound.
    read.prepare(QStringLiteral("SELECT %1 FROM %2 WHERE id = ? AND deleted_at IS NULL").arg(names.join(u','), table));
    read.addBindValue(keyValue(id));
    if (!read.exec())
        return sqlite::toError(read.lastError(), Database::tr("reading the record to change"));
    if (!read.next())
        return makeError(Error::Code::NotFound, Database::tr("The record no longer exists; it may have been deleted."));

    QStringList assignments;
    QVariantList values;
    QJsonObject payload;
    QJsonObject base;
    for (int i = 0; i < changes.size(); ++i) {
        const QVariant before = read.value(i);
        const auto &name = changes.at(i).first;
        const QVariant after = bound(changes.at(i).second);
        if (sameValue(before, after))
            continue;
        assignments << name + QStringLiteral(" = ?");
        values << after;
        payload.insert(name, toJson(after));
        base.insert(name, toJson(before));
    }
    read.finish();
    if (assignments.isEmpty())
        return 0;

    const qint64 stamp = now().toMSecsSinceEpoch();
    assignments << QStringLiteral("updated_at = ?");
    values << stamp;
    QSqlQuery q(m_db);
    // Names passed checkNames() above; values are bound.
    q.prepare(QStringLiteral("UPDATE %1 SET %2 WHERE id = ?").arg(table, assignments.join(u',')));
    for (const auto &v : std::as_const(values))
        q.addBindValue(v);
    q.addBindValue(keyValue(id));
    if (!q.exec())
        return sqlite::toError(q.lastError(), Database::tr("saving the change"));
    if (auto r = recordMutation(table, id, QStringLiteral("update"), payload, base); !r)
        return r.error();
    return int(payload.size());
}

Result<void> ChangeWriter::softDelete(const QString &table, const QUuid &id)
{
    if (auto r = checkNames(table, {}); !r)
        return r;
    if (!sqlite::inTransaction(m_db))
        return notInTransaction();
    const qint64 stamp = now().toMSecsSinceEpoch();
    QSqlQuery q(m_db);
    // The table passed checkNames() above; values are bound.
    q.prepare(
        QStringLiteral("UPDATE %1 SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL").arg(table));
    q.addBindValue(stamp);
    q.addBindValue(stamp);
    q.addBindValue(keyValue(id));
    if (!q.exec())
        return sqlite::toError(q.lastError(), Database::tr("deleting the record"));
    if (q.numRowsAffected() == 0)
        return makeError(Error::Code::NotFound, Database::tr("The record no longer exists; it may have been deleted."));
    return recordMutation(table, id, QStringLiteral("delete"), QJsonObject{{QStringLiteral("deleted_at"), stamp}}, {});
}

Result<void> ChangeWriter::recordMutation(const QString &table, const QUuid &id, const QString &op,
                                          const QJsonObject &payload, const QJsonObject &base)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO sync_outbox (entity, row_id, op, payload, base, created_at) "
                             "VALUES (?, ?, ?, ?, ?, ?)"));
    q.addBindValue(table);
    q.addBindValue(keyValue(id));
    q.addBindValue(op);
    q.addBindValue(QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact)));
    q.addBindValue(base.isEmpty() ? sqlNull()
                                  : QVariant(QString::fromUtf8(QJsonDocument(base).toJson(QJsonDocument::Compact))));
    q.addBindValue(now().toMSecsSinceEpoch());
    if (!q.exec())
        return sqlite::toError(q.lastError(), Database::tr("recording the change for synchronisation"));
    ChangeHub::note(m_db, table, id);
    return {};
}

} // namespace madoguchi
