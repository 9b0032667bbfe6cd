#pragma once

#include <QJsonValue>
#include <QString>
#include <QVariant>

namespace madoguchi {

class BulkInserter;

// The one mapping between the team server's column types and the local
// copy's (DESIGN §3): uuid ⇄ 16-byte BLOB, timestamps ⇄ Unix milliseconds,
// booleans ⇄ 0/1, JSON ⇄ its text. The pull reads with it, the push writes
// with it, and the outbox is re-applied with it.
namespace valuecodec {

enum class Kind : quint8 {
    Text, // and anything else the server has: passed through
    Name, // PostgreSQL's name (role names): read as text
    Uuid,
    Time,
    Integer, // bigint, integer and boolean: stored as integers locally
    Boolean,
    Json
};

// `serverType` as PostgreSQL's format_type() spells it.
Kind kindOf(const QString &serverType);

// How the server column `t.<column>` is selected so that it arrives in the
// local form (uuid and JSON as text, times as milliseconds, booleans as 0/1).
QString selectExpression(const QString &column, Kind kind);

// A pulled value as the local table stores it.
QVariant localValue(const QVariant &value, Kind kind);
// The same, bound straight into a bulk insert (1-based column).
void bindLocal(BulkInserter &bulk, int column, const QVariant &value, Kind kind);

// An outbox value (see toJson in changewriter) as the server column takes it.
QJsonValue serverValue(const QJsonValue &value, Kind kind);

// An outbox value applied again to a local row.
QVariant outboxToLocal(const QJsonValue &value, Kind kind);

} // namespace valuecodec
} // namespace madoguchi
