#pragma once

#include "common/result.h"

#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QUuid>

#include <functional>
#include <map>
#include <memory>

namespace madoguchi {

struct SyncOptions
{
    int pushBatch = 2000; // mutations per push: one server transaction
    int pageSize = 1000;  // change rows and rows per page
    // Test only, the negative control: a sequence cursor ("changes after the
    // last seq seen"), which loses transactions that commit out of order.
    bool sequenceCursorForTests = false;
    // Test only: this machine's clock (Unix ms), to play a clock that is off.
    std::function<qint64()> clockForTests;
};

// What one synchronisation did.
struct SyncReport
{
    int pushed = 0;     // mutations the server acknowledged
    int merged = 0;     // ... of which the server merged with other changes
    int conflicts = 0;  // ... of which lost a value (kept in the conflicts view)
    int rejected = 0;   // ... of which the server refused (also kept there)
    int received = 0;   // rows written locally by the pull (new or newer)
    int removed = 0;    // rows removed locally (no longer visible to this agent)
    bool reset = false; // the local copy was reloaded from the server
    int pending = 0;    // mutations still waiting in the outbox
    QString cursor;     // the server snapshot the local copy now reflects

    QJsonObject toJson() const;
};

// What a sync is doing, for progress: sending the outbox, receiving rows,
// and after a reload, rebuilding the copy's indexes and search data.
enum class SyncPhase {
    Pushing,
    Pulling,
    Rebuilding
};

// Exchanges changes between the local database and the team server (DESIGN
// §5, research/sync.md §3): pushes the outbox in order with per-client
// contiguous mutation ids, then pulls by snapshot cursor and applies the
// pull in one local transaction with a per-row revision guard. Both
// connections belong to the calling thread; the engine runs there, and
// every call either completes or changes nothing locally.
class SyncEngine
{
public:
    static constexpr int kProtocolVersion = 1;

    SyncEngine(QSqlDatabase local, QSqlDatabase server, SyncOptions options = {});

    // Push, then pull.
    Result<SyncReport> syncOnce();
    Result<SyncReport> push();
    Result<SyncReport> pull();

    // Progress: the phase and rows done so far.
    void setProgress(std::function<void(SyncPhase, qint64)> progress) { m_progress = std::move(progress); }

    // This database's client id on the server (created on first use).
    static Result<QUuid> clientId(QSqlDatabase local);

    // Session settings for a server connection used by sync: custom plans
    // for the page queries, and timeouts so a dead network never hangs.
    static Result<void> prepareSession(QSqlDatabase server);

private:
    struct Column
    {
        QString name;
        QString serverType;
    };
    struct EntityColumns
    {
        QList<Column> pulled;                  // server columns the local table has
        QHash<QString, QString> serverTypes;   // every server column
        bool sortKey = false;                  // local sort_key derived from name and reading
        int rev = -1, name = -1, reading = -1; // positions in `pulled`
        QString insertSql;                     // INSERT of `pulled` (and sort_key), one row
    };

    Result<void> loadColumns();
    Result<void> pushBatch(SyncReport &report, bool &more);
    // How far the server's clock is ahead of this machine's, measured now
    // and kept with the outbox position it applies from (ClockOffsets).
    Result<void> measureClock();
    Result<int> readRows(const QString &entity, const QString &condition, const QVariantList &values,
                         QSet<QByteArray> *seen, SyncReport &report);
    Result<bool> upsert(const QString &entity, const QSqlQuery &row); // true: a row was written
    Result<void> changedRows(const QString &scope, const QString &previous, qint64 previousSeq,
                             QHash<QString, QSet<QString>> &ids, qint64 *lastSeq);
    Result<void> rebaseOutbox(const QHash<QString, QSet<QByteArray>> &touched, bool everyRow);
    Error serverFailure(const QSqlError &error, const QString &doing) const;
    void progress(SyncPhase phase, qint64 done) const
    {
        if (m_progress)
            m_progress(phase, done);
    }

    QSqlDatabase m_local;
    QSqlDatabase m_server;
    SyncOptions m_options;
    QHash<QString, EntityColumns> m_columns; // by entity
    struct Statements
    {
        std::unique_ptr<QSqlQuery> update;
        std::unique_ptr<QSqlQuery> insert;
    };
    std::map<QString, Statements> m_upserts; // by entity, for one pull
    std::function<void(SyncPhase, qint64)> m_progress;
    qint64 m_rowsDone = 0;
    bool m_reloading = false; // a full load: inserts are the rule
};

} // namespace madoguchi
