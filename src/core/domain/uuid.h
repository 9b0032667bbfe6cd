#pragma once

#include <QByteArray>
#include <QUuid>

namespace madoguchi {

// Time-ordered UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then
// random bits. Keys sort by creation time, which keeps B-tree inserts local.
QUuid uuidV7(qint64 unixMillis, quint64 randomA, quint64 randomB);
QUuid newUuidV7(); // current time, system randomness

// Keys are stored as 16-byte BLOBs in SQLite (half the size of text keys).
inline QByteArray uuidToBlob(const QUuid &id)
{
    return id.isNull() ? QByteArray() : id.toRfc4122();
}
inline QUuid uuidFromBlob(const QByteArray &blob)
{
    return QUuid::fromRfc4122(blob);
}
inline QString uuidToText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

} // namespace madoguchi
