#pragma once

#include "common/result.h"
#include "sync/syncengine.h"
#include "sync/valuecodec.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <functional>

class QSqlError;
class QSqlQuery;

namespace madoguchi {

// The translation context "Sync" (what a sync run reports).
struct SyncText
{
    Q_DECLARE_TR_FUNCTIONS(Sync)
};

// A synced entity's columns as both sides have them, read once per engine
// from the server's catalog and the local schema.
struct EntityColumns
{
    struct Column
    {
        QString name;
        valuecodec::Kind kind = valuecodec::Kind::Text;
    };
    QList<Column> pulled;                         // server columns the local table has, id first
    QHash<QString, valuecodec::Kind> serverKinds; // every server column
    bool sortKey = false;                         // local sort_key derived from name and reading
    int rev = -1, name = -1, reading = -1;        // positions in `pulled`
    QString insertSql;                            // INSERT of `pulled` (and sort_key), one row
};

// What the pusher and the puller of one engine share: both connections
// (of the calling thread), the options, the entities' columns and progress.
struct SyncSession
{
    QSqlDatabase local;
    QSqlDatabase server;
    SyncOptions options;
    QHash<QString, EntityColumns> columns; // by entity, after loadColumns()
    std::function<void(SyncPhase, qint64)> progress;

    Result<void> loadColumns();

    // A server error in words, telling a lost connection (changes kept,
    // sent later) and this copy's standing with the server from the rest.
    Error serverFailure(const QSqlError &error, const QString &doing) const;
    static Error localFailure(const QSqlQuery &q, const QString &doing);

    void report(SyncPhase phase, qint64 done) const
    {
        if (progress)
            progress(phase, done);
    }
};

} // namespace madoguchi
