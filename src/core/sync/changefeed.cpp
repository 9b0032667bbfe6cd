#include "sync/changefeed.h"

#include "sync/syncsession.h"

#include <QSqlError>
#include <QSqlQuery>

namespace madoguchi {

bool SnapshotChangeFeed::reaches(const QString &previous, quint64 retainedFrom) const
{
    // The cursor is pg_current_snapshot()'s text, "xmin:xmax:running,…".
    return previous.section(u':', 0, 0).toULongLong() >= retainedFrom;
}

Result<void> SnapshotChangeFeed::changedRows(const SyncSession &session, const QString &scope, const QString &previous,
                                             QHash<QString, QSet<QString>> &ids)
{
    const int page = session.options.pageSize;
    // Pages of one range, each a tight range of the (scope, xid, seq) index:
    // rows after (xid, seq) in key order.
    auto readRange = [&](const QString &sql, QString xid, bool advanceXid) -> Result<void> {
        for (qint64 seq = 0;;) {
            QSqlQuery q(session.server);
            q.setForwardOnly(true);
            q.prepare(sql);
            q.addBindValue(scope);
            q.addBindValue(xid);
            q.addBindValue(seq);
            q.addBindValue(page);
            if (!q.exec())
                return session.serverFailure(q.lastError(), SyncText::tr("receiving changes"));
            int n = 0;
            for (; q.next(); ++n) {
                ids[q.value(0).toString()].insert(q.value(1).toString());
                seq = q.value(2).toLongLong();
                if (advanceXid)
                    xid = q.value(3).toString();
            }
            if (n < page)
                return {};
        }
    };
    // The transactions that were running at the previous pull…
    for (const QString &xid : previous.section(u':', 2).split(u',', Qt::SkipEmptyParts)) {
        if (auto r = readRange(QStringLiteral(
                                   "SELECT c.entity, c.row_id::text, c.seq FROM sync.change c "
                                   "WHERE c.scope = ? AND c.xid = ?::xid8 AND c.seq > ? ORDER BY c.seq LIMIT ?"),
                               xid, false);
            !r)
            return r;
    }
    // … then everything from its xmax on.
    return readRange(QStringLiteral(
                         "SELECT c.entity, c.row_id::text, c.seq, c.xid::text AS xid_text FROM sync.change c "
                         "WHERE c.scope = ? AND (c.xid, c.seq) > (?::xid8, ?) ORDER BY c.xid, c.seq LIMIT ?"),
                     previous.section(u':', 1, 1), true);
}

} // namespace madoguchi
