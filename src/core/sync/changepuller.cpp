#include "sync/changepuller.h"

#include "domain/uuid.h"
#include "services/slaengine.h"
#include "storage/bulkinserter.h"
#include "storage/bulkload.h"
#include "storage/changehub.h"
#include "storage/clientstate.h"
#include "storage/rowcodec.h"
#include "storage/syncentities.h"
#include "storage/transaction.h"
#include "sync/changefeed.h"
#include "sync/syncsession.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>

#include <optional>

namespace madoguchi {

namespace {

const QString kEpoch = QStringLiteral("sync.epoch");
const QString kCursor = QStringLiteral("sync.cursor");
const QString kScopes = QStringLiteral("sync.scopes");
const QString kLastPull = QStringLiteral("sync.last_pull");

QString receiving()
{
    return SyncText::tr("receiving changes");
}

} // namespace

ChangePuller::ChangePuller(SyncSession &session, ChangeFeed &feed)
    : m_session(session)
    , m_feed(feed)
{}

ChangePuller::~ChangePuller() = default;

Result<void> ChangePuller::pull(SyncReport &report)
{
    m_rowsDone = 0;
    m_upserts.clear();
    m_session.report(SyncPhase::Pulling, 0);

    QSqlQuery begin(m_session.server);
    // Read-only: no transaction id, so a pull never holds back anyone.
    // Under row-level security a generic plan reads and sorts a whole scope
    // per page (research/sync-verified.md §4); custom plans cost 0.1 ms. For
    // the pull only: the push's functions run their statements thousands of
    // times, where planning each one again would double the server's work.
    if (!begin.exec(QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"))
        || !begin.exec(QStringLiteral("SET LOCAL plan_cache_mode = force_custom_plan")))
        return m_session.serverFailure(begin.lastError(), SyncText::tr("starting to receive changes"));
    // Read only: ending it either way is the same.
    auto endRead = qScopeGuard([this] { QSqlQuery(m_session.server).exec(QStringLiteral("ROLLBACK")); });
    const auto head = readHead();
    if (!head)
        return head.error();

    ClientState state(m_session.local);
    const QString previous = state.value(kCursor);
    m_feed.begin(state);
    // Reload when this copy never synced, the server is another lineage
    // (a restore gets a new epoch: its xids start below our cursor), the
    // agent's scopes changed, or the change log no longer reaches back to
    // our cursor.
    const bool full = previous.isEmpty() || state.value(kEpoch) != head->epoch
                      || state.value(kScopes) != head->scopes.join(u',')
                      || !m_feed.reaches(previous, head->retainedFrom);
    report.reset = full && !previous.isEmpty();

    QSqlQuery pragma(m_session.local);
    // The server keeps referential integrity; this copy holds the rows this
    // agent may read, whose references may point outside them.
    pragma.exec(QStringLiteral("PRAGMA foreign_keys = OFF"));
    // A reload writes millions of rows in one transaction: a larger page
    // cache keeps the indexes it updates in memory instead of re-reading
    // them from the write-ahead log.
    pragma.exec(QStringLiteral("PRAGMA cache_size"));
    const int cacheSize = pragma.next() ? pragma.value(0).toInt() : -16000;
    pragma.finish();
    if (full)
        pragma.exec(QStringLiteral("PRAGMA cache_size = -1048576")); // 1 GiB, for this pull only
    auto restorePragmas = qScopeGuard([this, cacheSize] {
        QSqlQuery q(m_session.local);
        q.exec(QStringLiteral("PRAGMA foreign_keys = ON"));
        // An integer read from SQLite itself.
        q.exec(QStringLiteral("PRAGMA cache_size = %1").arg(cacheSize));
    });

    Touched touched;
    auto applied = inTransaction(m_session.local, [&]() -> Result<void> {
        return apply(head.value(), previous, full, touched, report);
    });
    if (!applied)
        return applied;
    report.cursor = head->cursor;
    return {};
}

Result<ChangePuller::Head> ChangePuller::readHead()
{
    QSqlQuery q(m_session.server);
    if (!q.exec(QStringLiteral("SELECT pg_current_snapshot()::text, epoch::text, retained_from::text, "
                               "array_to_string(app.my_scopes(), ','), app.agent_id()::text FROM sync.meta"))
        || !q.next())
        return m_session.serverFailure(q.lastError(), SyncText::tr("starting to receive changes"));
    Head head;
    head.cursor = q.value(0).toString();
    head.epoch = q.value(1).toString();
    head.retainedFrom = q.value(2).toString().toULongLong();
    head.scopes = q.value(3).toString().split(u',', Qt::SkipEmptyParts);
    head.scopes.sort();
    head.agent = QUuid::fromString(q.value(4).toString());
    return head;
}

// In the pull's local transaction.
Result<void> ChangePuller::apply(const Head &head, const QString &previous, bool full, Touched &touched,
                                 SyncReport &report)
{
    ChangeHub::noteFromSync(m_session.local); // announced as the sync's, not sent back
    // A reload: indexes and derived data are rebuilt once at the end.
    std::optional<BulkLoadSchema> bulk;
    m_reloading = full;
    auto notReloading = qScopeGuard([this] { m_reloading = false; });
    if (full) {
        bulk.emplace(m_session.local);
        if (auto r = bulk->suspend(); !r)
            return r;
    }
    if (auto r = full ? reloadAll(report) : pullChanges(head, previous, touched, report); !r)
        return r;
    if (bulk) {
        m_session.report(SyncPhase::Rebuilding, 0);
        if (auto r = bulk->restore(); !r)
            return r;
    }
    if (auto r = rebaseOutbox(touched, full); !r)
        return r;
    if (auto r = recomputeUnsentSla(touched, full); !r)
        return r;
    ClientState state(m_session.local);
    // A copy connected to the team server works as the server's agent: the
    // login decides who is signed in, not a choice made on this computer.
    if (!head.agent.isNull() && state.currentAgent() != head.agent) {
        if (auto r = state.setCurrentAgent(head.agent); !r)
            return r;
        ChangeHub::noteTable(m_session.local, QStringLiteral("client_state")); // the window shows who is signed in
    }
    QSqlQuery clear(m_session.local);
    if (!clear.exec(QStringLiteral("DELETE FROM sync_refetch")))
        return SyncSession::localFailure(clear, receiving());
    return saveCursor(state, head);
}

Result<void> ChangePuller::reloadAll(SyncReport &report)
{
    // Keep what the outbox still needs; everything else is reloaded.
    const auto &all = syncedEntities();
    for (auto it = all.crbegin(); it != all.crend(); ++it) {
        ChangeHub::noteTable(m_session.local, it->localTable);
        QSqlQuery q(m_session.local);
        // The registry's table name.
        if (!q.exec(
                QStringLiteral("DELETE FROM %1 WHERE id NOT IN (SELECT row_id FROM sync_outbox)").arg(it->localTable)))
            return SyncSession::localFailure(q, SyncText::tr("clearing the local copy"));
    }
    for (const SyncedEntity &entity : all) {
        if (auto r = readRows(entity.entity, QString(), {}, nullptr, report); !r)
            return r.error();
    }
    return m_feed.reloaded(m_session);
}

Result<void> ChangePuller::pullChanges(const Head &head, const QString &previous, Touched &touched, SyncReport &report)
{
    QHash<QString, QSet<QString>> ids;
    for (const QString &scope : head.scopes) {
        if (auto r = m_feed.changedRows(m_session, scope, previous, ids); !r)
            return r;
    }
    // Rows the server did not write as this copy sent them.
    QSqlQuery refetch(m_session.local);
    if (!refetch.exec(QStringLiteral("SELECT entity, row_id FROM sync_refetch")))
        return SyncSession::localFailure(refetch, receiving());
    while (refetch.next())
        ids[refetch.value(0).toString()].insert(uuidToText(uuidFromBlob(refetch.value(1).toByteArray())));
    for (const SyncedEntity &entity : syncedEntities()) {
        if (entity.directory) {
            if (auto r = readRows(entity.entity, QString(), {}, &touched[entity.entity], report); !r)
                return r.error();
            continue;
        }
        const QStringList wanted(ids.value(entity.entity).cbegin(), ids.value(entity.entity).cend());
        for (qsizetype i = 0; i < wanted.size(); i += m_session.options.pageSize) {
            if (auto r = pullPage(entity.entity, wanted.mid(i, m_session.options.pageSize), touched, report); !r)
                return r;
        }
    }
    return {};
}

Result<void> ChangePuller::pullPage(const QString &entity, const QStringList &ids, Touched &touched, SyncReport &report)
{
    QSet<QByteArray> seen;
    if (auto r = readRows(entity, QStringLiteral("WHERE t.id = ANY (?::uuid[])"),
                          {QStringLiteral("{%1}").arg(ids.join(u','))}, &seen, report);
        !r)
        return r.error();
    touched[entity].unite(seen);
    // Listed but not returned: out of this agent's reach now.
    const QString table = entityNamed(entity)->localTable;
    QSqlQuery remove(m_session.local);
    remove.prepare(QStringLiteral("DELETE FROM %1 WHERE id = ?").arg(table)); // registry name
    for (const QString &id : ids) {
        const QByteArray key = uuidToBlob(QUuid::fromString(id));
        if (seen.contains(key))
            continue;
        remove.addBindValue(key);
        if (!remove.exec())
            return SyncSession::localFailure(remove, SyncText::tr("removing rows no longer shared"));
        if (remove.numRowsAffected() > 0)
            ChangeHub::note(m_session.local, table, uuidFromBlob(key));
        report.removed += remove.numRowsAffected();
    }
    return {};
}

Result<bool> ChangePuller::upsert(const QString &entity, const QSqlQuery &row)
{
    const EntityColumns &columns = m_session.columns[entity];
    const QString table = entityNamed(entity)->localTable;
    auto it = m_upserts.find(entity);
    if (it == m_upserts.end()) {
        QStringList updates;
        for (const EntityColumns::Column &c : columns.pulled) {
            if (c.name != u"id")
                updates << c.name + QStringLiteral(" = ?");
        }
        if (columns.sortKey)
            updates << QStringLiteral("sort_key = ?");
        // Names: the registry's table and identifier-checked catalog columns.
        // An UPDATE guarded by the revision (it never goes back), then an
        // INSERT of what is new. Not an upsert: its conflict clause would
        // override the OR IGNORE of the derived-data triggers; and never
        // INSERT OR REPLACE, whose hidden delete skips the roll-ups' triggers.
        Statements statements{std::make_unique<QSqlQuery>(m_session.local),
                              std::make_unique<QSqlQuery>(m_session.local)};
        if (!statements.update->prepare(
                QStringLiteral("UPDATE %1 SET %2 WHERE id = ? AND rev < ?").arg(table, updates.join(u','))))
            return SyncSession::localFailure(*statements.update,
                                             SyncText::tr("preparing to store rows from the server"));
        // A plain INSERT: a row already here fails on its key, which is an
        // answer ("not new"), not an error. (INSERT … SELECT … WHERE NOT
        // EXISTS would copy every row through a temporary table.)
        if (!statements.insert->prepare(columns.insertSql))
            return SyncSession::localFailure(*statements.insert,
                                             SyncText::tr("preparing to store rows from the server"));
        it = m_upserts.emplace(entity, std::move(statements)).first;
    }
    QVariantList values;
    values.reserve(columns.pulled.size() + 1);
    for (int i = 0; i < columns.pulled.size(); ++i)
        values << valuecodec::localValue(row.value(i), columns.pulled.at(i).kind);
    if (columns.sortKey)
        values << rowcodec::sortKey(values.at(columns.name).toString(), values.at(columns.reading).toString());
    const QVariant id = values.first();

    auto runUpdate = [&]() -> Result<bool> {
        QSqlQuery &update = *it->second.update;
        int n = 0;
        for (int i = 1; i < values.size(); ++i)
            update.bindValue(n++, values.at(i));
        update.bindValue(n++, id);
        update.bindValue(n++, values.at(columns.rev));
        if (!update.exec())
            return SyncSession::localFailure(update, SyncText::tr("storing rows from the server"));
        return update.numRowsAffected() > 0;
    };
    auto runInsert = [&]() -> Result<bool> {
        QSqlQuery &insert = *it->second.insert;
        for (int i = 0; i < values.size(); ++i)
            insert.bindValue(i, values.at(i));
        if (insert.exec())
            return true;
        // The row is here already (its key is taken): nothing to insert.
        if (insert.lastError().databaseText().contains(QStringLiteral("UNIQUE constraint failed: %1.id").arg(table)))
            return false;
        return SyncSession::localFailure(insert, SyncText::tr("storing rows from the server"));
    };
    // A reload finds few rows in place, an incremental pull most of them:
    // the likelier statement goes first.
    const auto first = m_reloading ? runInsert() : runUpdate();
    if (!first || first.value())
        return first;
    return m_reloading ? runUpdate() : runInsert();
}

Result<int> ChangePuller::readRows(const QString &entity, const QString &condition, const QVariantList &values,
                                   QSet<QByteArray> *seen, SyncReport &report)
{
    const EntityColumns &columns = m_session.columns[entity];
    const SyncedEntity *registered = entityNamed(entity);
    QStringList select;
    for (const EntityColumns::Column &c : columns.pulled)
        select << valuecodec::selectExpression(c.name, c.kind);
    QSqlQuery q(m_session.server);
    q.setForwardOnly(true);
    // Names: the registry's table and identifier-checked catalog columns;
    // the condition is one of this file's fixed fragments; values are bound.
    q.prepare(QStringLiteral("SELECT %1 FROM %2 t %3").arg(select.join(u','), registered->serverTable, condition));
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec())
        return m_session.serverFailure(q.lastError(), receiving());
    int n = 0;
    // A reload writes the rows that are not here yet many to a statement
    // through the sqlite3 API (as the demo generator does); rows that are
    // here (kept for the outbox, or shipped defaults) take the upsert.
    std::unique_ptr<BulkInserter> bulk;
    QSet<QByteArray> present;
    if (m_reloading) {
        bulk = std::make_unique<BulkInserter>(m_session.local, columns.insertSql);
        QSqlQuery here(m_session.local);
        // The registry's table name.
        if (!bulk->isValid() || !here.exec(QStringLiteral("SELECT id FROM %1").arg(registered->localTable)))
            return SyncSession::localFailure(here, SyncText::tr("preparing to store rows from the server"));
        while (here.next())
            present.insert(here.value(0).toByteArray());
    }
    while (q.next()) {
        const QByteArray key = uuidToBlob(QUuid::fromString(q.value(0).toString()));
        if (bulk && !present.contains(key)) {
            for (int i = 0; i < columns.pulled.size(); ++i)
                valuecodec::bindLocal(*bulk, i + 1, q.value(i), columns.pulled.at(i).kind);
            if (columns.sortKey)
                bulk->bind(int(columns.pulled.size()) + 1,
                           rowcodec::sortKey(q.value(columns.name).toString(), q.value(columns.reading).toString()));
            if (auto r = bulk->addRow(); !r)
                return r.error();
            ++n;
        } else {
            const auto written = upsert(entity, q);
            if (!written)
                return written.error();
            if (written.value() > 0)
                ChangeHub::note(m_session.local, registered->localTable, uuidFromBlob(key));
            n += written.value();
        }
        if (seen)
            seen->insert(key);
        if (++m_rowsDone % 5000 == 0)
            m_session.report(SyncPhase::Pulling, m_rowsDone);
    }
    if (q.lastError().isValid())
        return m_session.serverFailure(q.lastError(), receiving());
    if (bulk) {
        if (auto r = bulk->finish(); !r)
            return r.error();
    }
    report.received += n;
    return n;
}

Result<void> ChangePuller::rebaseOutbox(const Touched &touched, bool everyRow)
{
    // Changes made here while this pull ran, not yet sent: the server's row
    // replaced the local one, so they are applied on top of it again.
    QSqlQuery outbox(m_session.local);
    if (!outbox.exec(QStringLiteral("SELECT entity, row_id, op, payload FROM sync_outbox ORDER BY mutation_id")))
        return SyncSession::localFailure(outbox, SyncText::tr("reapplying changes not yet sent"));
    while (outbox.next()) {
        const SyncedEntity *entity = entityForTable(outbox.value(0).toString());
        const QByteArray row = outbox.value(1).toByteArray();
        if (!entity || outbox.value(2).toString() == u"insert"
            || (!everyRow && !touched.value(entity->entity).contains(row)))
            continue;
        const EntityColumns &columns = m_session.columns[entity->entity];
        const QJsonObject payload = QJsonDocument::fromJson(outbox.value(3).toString().toUtf8()).object();
        QStringList assignments;
        QVariantList values;
        for (const EntityColumns::Column &c : columns.pulled) {
            if (c.name == u"id" || c.name == u"rev" || !payload.contains(c.name))
                continue;
            assignments << c.name + QStringLiteral(" = ?");
            values << valuecodec::outboxToLocal(payload.value(c.name), c.kind);
        }
        if (assignments.isEmpty())
            continue;
        QSqlQuery q(m_session.local);
        // Names: the registry's table and identifier-checked columns.
        q.prepare(QStringLiteral("UPDATE %1 SET %2 WHERE id = ?").arg(entity->localTable, assignments.join(u',')));
        for (const QVariant &v : std::as_const(values))
            q.addBindValue(v);
        q.addBindValue(row);
        if (!q.exec())
            return SyncSession::localFailure(q, SyncText::tr("reapplying changes not yet sent"));
    }
    return {};
}

Result<void> ChangePuller::recomputeUnsentSla(const Touched &touched, bool everyTicket)
{
    // The SLA due times and business durations are the server's (its
    // clock, its calendars): they arrived with the tickets. A ticket with
    // changes of this copy not yet sent gets local figures on top, like
    // its other fields, until the server's answer comes back.
    SlaEngine sla(m_session.local);
    QSqlQuery unsent(m_session.local);
    if (!unsent.exec(
            QStringLiteral("SELECT DISTINCT row_id FROM sync_outbox WHERE entity = 'tickets' AND op = 'update'")))
        return SyncSession::localFailure(unsent, receiving());
    const QSet<QByteArray> changed = touched.value(QStringLiteral("ticket"));
    while (unsent.next()) {
        const QByteArray ticket = unsent.value(0).toByteArray();
        if (!everyTicket && !changed.contains(ticket))
            continue;
        if (auto r = sla.recompute(uuidFromBlob(ticket)); !r && r.error().code != Error::Code::NotFound)
            return r;
    }
    return {};
}

Result<void> ChangePuller::saveCursor(ClientState &state, const Head &head)
{
    for (const auto &[key, value] :
         {std::pair{kCursor, head.cursor}, std::pair{kEpoch, head.epoch}, std::pair{kScopes, head.scopes.join(u',')},
          std::pair{kLastPull, QString::number(QDateTime::currentMSecsSinceEpoch())}}) {
        if (auto r = state.setValue(key, value); !r)
            return r;
    }
    return m_feed.save(state);
}

} // namespace madoguchi
