#pragma once

#include "common/result.h"

#include <QHash>
#include <QSet>
#include <QString>

namespace madoguchi {

class ClientState;
struct SyncSession;

// Which rows changed on the team server since the previous pull. The app
// uses the snapshot feed; the seam lets the tests prove, with a broken feed
// of their own, that the sync's tests see what a wrong cursor loses.
class ChangeFeed
{
public:
    virtual ~ChangeFeed() = default;

    // Whether the server's change log still reaches back to the previous
    // pull (`previous`: the cursor kept then); if not, the copy reloads.
    virtual bool reaches(const QString &previous, quint64 retainedFrom) const = 0;
    // Adds the rows of `scope` changed since `previous`: entity → row ids.
    virtual Result<void> changedRows(const SyncSession &session, const QString &scope, const QString &previous,
                                     QHash<QString, QSet<QString>> &ids)
        = 0;

    // A feed that keeps a state of its own in the copy: read before a pull,
    // updated after a reload, written in the pull's transaction.
    virtual void begin(const ClientState &) {}
    virtual Result<void> reloaded(const SyncSession &) { return {}; }
    virtual Result<void> save(ClientState &) { return {}; }
};

// The snapshot diff (research/sync-verified.md §4): the cursor is the
// server snapshot of the previous pull; the rows of the transactions that
// were running then, and of all from its xmax on, are the changes. Rows of
// transactions that commit later are not in this snapshot and come with a
// later pull, so none is lost however long a transaction stays open.
class SnapshotChangeFeed final : public ChangeFeed
{
public:
    bool reaches(const QString &previous, quint64 retainedFrom) const override;
    Result<void> changedRows(const SyncSession &session, const QString &scope, const QString &previous,
                             QHash<QString, QSet<QString>> &ids) override;
};

} // namespace madoguchi
