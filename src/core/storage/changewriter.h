#pragma once

#include "common/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QUuid>
#include <QVariant>

#include <functional>
#include <utility>

namespace madoguchi {

// Column values as bound to SQLite: QByteArray(16) for keys, qint64 Unix ms
// for times, QString, int, or sqlNull(). A null QString is stored as '' (text
// columns are NOT NULL); only sqlNull() writes NULL.
using Columns = QList<std::pair<QString, QVariant>>;

inline QVariant sqlNull()
{
    return QVariant();
}
inline QVariant timeValue(const QDateTime &t)
{
    return t.isValid() ? QVariant(t.toMSecsSinceEpoch()) : sqlNull();
}
QVariant keyValue(const QUuid &id);

// Writes a synced row and records the change in sync_outbox, inside the
// caller's Transaction: the row and its mutation commit or roll back together.
// Table and column names come from code (checked against the synced tables
// and a plain-identifier pattern, since they are spliced); values are bound.
class ChangeWriter
{
public:
    explicit ChangeWriter(QSqlDatabase db, QUuid actor = {});

    // Adds rev 0, created_at/updated_at (now) and created_by to `columns`.
    Result<void> insert(const QString &table, const QUuid &id, const Columns &columns);
    // Writes only the columns whose value differs; the outbox entry carries
    // their base (previous) values for the server's field-level merge.
    // Returns the number of columns that changed (0: nothing written).
    Result<int> update(const QString &table, const QUuid &id, const Columns &changes);
    // Tombstone: sets deleted_at; the row stays until sync retention removes it.
    Result<void> softDelete(const QString &table, const QUuid &id);

    // For tests and deterministic imports.
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }

private:
    Result<void> recordMutation(const QString &table, const QUuid &id, const QString &op, const QJsonObject &payload,
                                const QJsonObject &base);
    QDateTime now() const { return m_clock ? m_clock() : QDateTime::currentDateTimeUtc(); }

    QSqlDatabase m_db;
    QUuid m_actor;
    std::function<QDateTime()> m_clock;
};

// JSON form of a bound value, as stored in the outbox (keys become UUID text).
QJsonValue toJson(const QVariant &value);

} // namespace madoguchi
