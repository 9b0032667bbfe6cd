#include "storage/changehub.h"

#include <QFileInfo>
#include <QMultiHash>
#include <QMutex>
#include <QMutexLocker>
#include <QThread>

#include <utility>

namespace madoguchi {

bool ChangeSet::touchesAny(std::initializer_list<QString> tables) const
{
    for (const QString &t : tables) {
        if (touches(t))
            return true;
    }
    return false;
}

bool ChangeSet::touchesRow(const QString &table, const QUuid &id) const
{
    const auto it = m_tables.constFind(table);
    return it != m_tables.cend() && (it->whole || it->ids.contains(id));
}

bool ChangeSet::touchesWholeTable(const QString &table) const
{
    const auto it = m_tables.constFind(table);
    return it != m_tables.cend() && it->whole;
}

QList<QUuid> ChangeSet::rows(const QString &table) const
{
    const Rows rows = m_tables.value(table);
    return QList<QUuid>(rows.ids.cbegin(), rows.ids.cend());
}

void ChangeSet::add(const QString &table, const QUuid &id)
{
    Rows &rows = m_tables[table];
    if (rows.whole || (!id.isNull() && rows.ids.contains(id)))
        return;
    if (id.isNull() || rows.ids.size() >= kRowLimit) {
        rows.whole = true;
        rows.ids.clear();
        return;
    }
    rows.ids.insert(id);
}

void ChangeSet::addTable(const QString &table)
{
    add(table, QUuid());
}

void ChangeSet::unite(const ChangeSet &other)
{
    if (other.isEmpty())
        return;
    if (isEmpty())
        m_origin = other.m_origin;
    else if (other.m_origin == Origin::Local)
        m_origin = Origin::Local; // local work in it: it goes to the server
    for (auto it = other.m_tables.cbegin(); it != other.m_tables.cend(); ++it) {
        if (it->whole) {
            addTable(it.key());
            continue;
        }
        for (const QUuid &id : it->ids)
            add(it.key(), id);
    }
}

namespace {

// The file a connection writes, as the hubs know it.
QString keyOf(const QString &path)
{
    return QFileInfo(path).absoluteFilePath();
}

// What the open transaction of one connection has written so far. Notes are
// kept in order so a savepoint rolled back drops exactly its own; a table
// over the row limit is noted once as a whole and then no longer listed.
struct Pending
{
    QList<std::pair<QString, QUuid>> notes;
    QHash<QString, QSet<QUuid>> rows; // rows noted per table (a row written twice is noted once)
    QSet<QString> whole;              // tables noted as a whole
    bool fromSync = false;

    void add(const QString &table, const QUuid &id)
    {
        if (whole.contains(table))
            return;
        QSet<QUuid> &seen = rows[table];
        if (id.isNull() || seen.size() >= ChangeSet::kRowLimit) {
            notes.append({table, QUuid()});
            whole.insert(table);
            seen.clear();
            return;
        }
        if (seen.contains(id))
            return;
        seen.insert(id);
        notes.append({table, id});
    }

    void truncate(qsizetype size)
    {
        if (size >= notes.size())
            return;
        const QList<std::pair<QString, QUuid>> kept = notes.first(size);
        notes.clear();
        rows.clear();
        whole.clear();
        for (const auto &[table, id] : kept)
            add(table, id);
    }
};

// Connections belong to one thread each: their transactions' notes live
// with the thread, by connection name.
thread_local QHash<QString, Pending> t_pending;

struct Registry
{
    QMutex mutex;
    QMultiHash<QString, ChangeHub *> hubs;
};

Registry &registry()
{
    static Registry r;
    return r;
}

} // namespace

ChangeHub::ChangeHub(const QString &databasePath, QObject *parent)
    : QObject(parent)
    , m_key(keyOf(databasePath))
{
    qRegisterMetaType<madoguchi::ChangeSet>();
    QMutexLocker lock(&registry().mutex);
    registry().hubs.insert(m_key, this);
}

ChangeHub::~ChangeHub()
{
    // A queued flush is dropped only when the hub goes in its own thread.
    Q_ASSERT(thread() == QThread::currentThread());
    QMutexLocker lock(&registry().mutex);
    registry().hubs.remove(m_key, this);
}

void ChangeHub::note(const QSqlDatabase &db, const QString &table, const QUuid &id)
{
    t_pending[db.connectionName()].add(table, id); // a null id: the table as a whole
}

void ChangeHub::noteTable(const QSqlDatabase &db, const QString &table)
{
    t_pending[db.connectionName()].add(table, QUuid());
}

void ChangeHub::noteFromSync(const QSqlDatabase &db)
{
    t_pending[db.connectionName()].fromSync = true;
}

void ChangeHub::began(const QSqlDatabase &db)
{
    t_pending.remove(db.connectionName());
}

qsizetype ChangeHub::mark(const QSqlDatabase &db)
{
    const auto it = t_pending.constFind(db.connectionName());
    return it == t_pending.cend() ? 0 : it->notes.size();
}

void ChangeHub::rolledBackTo(const QSqlDatabase &db, qsizetype mark)
{
    if (const auto it = t_pending.find(db.connectionName()); it != t_pending.end())
        it->truncate(mark);
}

void ChangeHub::discarded(const QSqlDatabase &db)
{
    t_pending.remove(db.connectionName());
}

void ChangeHub::committed(const QSqlDatabase &db)
{
    const Pending pending = t_pending.take(db.connectionName());
    if (pending.notes.isEmpty())
        return;
    ChangeSet changes;
    changes.setOrigin(pending.fromSync ? ChangeSet::Origin::Sync : ChangeSet::Origin::Local);
    for (const auto &[table, id] : pending.notes)
        changes.add(table, id);
    publish(db.databaseName(), changes);
}

void ChangeHub::publish(const QString &databasePath, const ChangeSet &changes)
{
    QMutexLocker lock(&registry().mutex);
    const auto hubs = registry().hubs.values(keyOf(databasePath));
    for (ChangeHub *hub : hubs) {
        QMutexLocker pendingLock(&hub->m_mutex);
        hub->m_pending.unite(changes);
        if (hub->m_flushScheduled)
            continue;
        hub->m_flushScheduled = true;
        // Queued, also from the hub's own thread: the subscribers run after
        // the code that committed has returned to the event loop, never in
        // the middle of it, and a burst of commits is one announcement. A
        // hub deleted before then drops the event (it is alive now: it
        // leaves the registry under the same lock).
        QMetaObject::invokeMethod(hub, &ChangeHub::flush, Qt::QueuedConnection);
    }
}

void ChangeHub::flush()
{
    ChangeSet changes;
    {
        QMutexLocker lock(&m_mutex);
        changes = std::exchange(m_pending, ChangeSet());
        m_flushScheduled = false;
    }
    if (!changes.isEmpty())
        emit changed(changes);
}

} // namespace madoguchi
