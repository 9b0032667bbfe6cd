#pragma once

#include "common/result.h"

#include <QJsonObject>
#include <QSqlDatabase>
#include <QString>
#include <QUuid>

#include <functional>
#include <memory>

namespace madoguchi {

class ChangeFeed;
struct SyncSession;

struct SyncOptions
{
    int pushBatch = 2000; // mutations per push: one server transaction
    int pageSize = 1000;  // change rows and rows per page
    // Which rows changed since the previous pull; none: the snapshot feed.
    // (The tests plug in a broken one, as a negative control.)
    std::shared_ptr<ChangeFeed> changeFeed;
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
// contiguous mutation ids (OutboxPusher), then pulls by snapshot cursor and
// applies the pull in one local transaction with a per-row revision guard
// (ChangePuller). Both connections belong to the calling thread; the engine
// runs there, and every call either completes or changes nothing locally.
class SyncEngine
{
public:
    static constexpr int kProtocolVersion = 1;

    SyncEngine(QSqlDatabase local, QSqlDatabase server, SyncOptions options = {});
    ~SyncEngine();

    // Push, then pull.
    Result<SyncReport> syncOnce();
    Result<SyncReport> push();
    Result<SyncReport> pull();

    // Progress: the phase and rows done so far.
    void setProgress(std::function<void(SyncPhase, qint64)> progress);

    // This database's client id on the server (created on first use).
    static Result<QUuid> clientId(QSqlDatabase local);

    // Session settings for a server connection used by sync: custom plans
    // for the page queries, and timeouts so a dead network never hangs.
    static Result<void> prepareSession(QSqlDatabase server);

private:
    // Changes still waiting in the outbox.
    int pending() const;

    std::unique_ptr<SyncSession> m_session;
};

} // namespace madoguchi
