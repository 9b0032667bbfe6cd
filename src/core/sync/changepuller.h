#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QUuid>
#include <QVariantList>

#include <map>
#include <memory>

class QSqlQuery;

namespace madoguchi {

class ChangeFeed;
class ClientState;
struct SyncReport;
struct SyncSession;

// Brings the server's changes into the local copy: in one read-only server
// snapshot and one local transaction, either the rows changed since the
// previous pull (the change feed says which) or, when the copy cannot
// follow on, every row this agent may read. A per-row revision guard keeps
// a row from going back; changes not yet sent are applied on top again.
class ChangePuller
{
public:
    ChangePuller(SyncSession &session, ChangeFeed &feed);
    ~ChangePuller();

    Result<void> pull(SyncReport &report);

private:
    // What the server's snapshot says about this pull.
    struct Head
    {
        QString cursor; // the snapshot, kept as the next pull's starting point
        QString epoch;
        quint64 retainedFrom = 0;
        QStringList scopes; // sorted
        QUuid agent;
    };
    using Touched = QHash<QString, QSet<QByteArray>>; // entity → rows written or confirmed

    Result<Head> readHead();
    Result<void> apply(const Head &head, const QString &previous, bool full, Touched &touched, SyncReport &report);
    Result<void> reloadAll(SyncReport &report);
    Result<void> pullChanges(const Head &head, const QString &previous, Touched &touched, SyncReport &report);
    // The rows `ids` of `entity` (a page); those not returned are out of
    // this agent's reach now and leave the copy.
    Result<void> pullPage(const QString &entity, const QStringList &ids, Touched &touched, SyncReport &report);
    Result<int> readRows(const QString &entity, const QString &condition, const QVariantList &values,
                         QSet<QByteArray> *seen, SyncReport &report);
    Result<bool> upsert(const QString &entity, const QSqlQuery &row); // true: a row was written
    Result<void> rebaseOutbox(const Touched &touched, bool everyRow);
    Result<void> recomputeUnsentSla(const Touched &touched, bool everyTicket);
    Result<void> saveCursor(ClientState &state, const Head &head);

    SyncSession &m_session;
    ChangeFeed &m_feed;
    struct Statements
    {
        std::unique_ptr<QSqlQuery> update;
        std::unique_ptr<QSqlQuery> insert;
    };
    std::map<QString, Statements> m_upserts; // by entity
    qint64 m_rowsDone = 0;
    bool m_reloading = false; // a full load: inserts are the rule
};

} // namespace madoguchi
