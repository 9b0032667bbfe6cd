#include "services/customermerge.h"

#include "domain/uuid.h"
#include "repositories/customerrepository.h"
#include "storage/changewriter.h"
#include "storage/rowcodec.h"
#include "storage/sqlite.h"
#include "storage/transaction.h"

#include <QHash>
#include <QSet>
#include <QSqlQuery>

namespace madoguchi {

namespace {

Error mergeError(const QSqlQuery &q)
{
    return sqlite::toError(q.lastError(), CustomerMerge::tr("merging the customers"));
}

} // namespace

QString displayName(CustomerMerge::Reason reason)
{
    switch (reason) {
    case CustomerMerge::Reason::SamePhone: return CustomerMerge::tr("Same phone number");
    case CustomerMerge::Reason::SameEmail: return CustomerMerge::tr("Same e-mail address");
    case CustomerMerge::Reason::SameNameAndReading: return CustomerMerge::tr("Same name and reading");
    }
    return {};
}

CustomerMerge::CustomerMerge(QSqlDatabase db, QUuid actor)
    : m_db(std::move(db))
    , m_actor(actor)
{}

Result<QList<CustomerMerge::Candidate>> CustomerMerge::findDuplicates(int limit) const
{
    struct Pair
    {
        qint64 first;
        qint64 second;
        Reason reason;
        QString value;
    };
    QList<Pair> pairs;
    QSet<std::pair<qint64, qint64>> seen;
    auto collect = [&](const QString &sql, Reason reason) -> Result<void> {
        QSqlQuery q(m_db);
        q.prepare(sql);
        q.addBindValue(limit);
        if (!q.exec())
            return sqlite::toError(q.lastError(), tr("looking for duplicates"));
        while (q.next() && pairs.size() < limit) {
            const std::pair<qint64, qint64> key{q.value(0).toLongLong(), q.value(1).toLongLong()};
            if (seen.contains(key))
                continue;
            seen.insert(key);
            pairs.append({key.first, key.second, reason, q.value(2).toString()});
        }
        return {};
    };
    // Each pair once, the older customer (smaller rowid) first.
    const QString byContact = QStringLiteral(
        "SELECT min(ca.rowid, cb.rowid), max(ca.rowid, cb.rowid), a.value "
        "FROM customer_contacts a JOIN customer_contacts b ON b.value = a.value COLLATE NOCASE AND b.kind = a.kind "
        "  AND b.customer_id > a.customer_id "
        "JOIN customers ca ON ca.id = a.customer_id JOIN customers cb ON cb.id = b.customer_id "
        "WHERE a.kind = '%1' AND a.deleted_at IS NULL AND b.deleted_at IS NULL "
        "  AND ca.deleted_at IS NULL AND cb.deleted_at IS NULL LIMIT ?");
    if (auto r = collect(byContact.arg(QStringLiteral("phone")), Reason::SamePhone); !r)
        return r.error();
    if (auto r = collect(byContact.arg(QStringLiteral("email")), Reason::SameEmail); !r)
        return r.error();
    if (auto r = collect(QStringLiteral(
                             "SELECT a.rowid, b.rowid, a.name FROM customers a JOIN customers b "
                             "ON b.sort_key = a.sort_key AND b.name = a.name AND b.rowid > a.rowid "
                             "WHERE a.deleted_at IS NULL AND b.deleted_at IS NULL AND a.name_reading <> '' LIMIT ?"),
                         Reason::SameNameAndReading);
        !r)
        return r.error();

    QList<qint64> rowids;
    for (const Pair &p : std::as_const(pairs))
        rowids << p.first << p.second;
    const auto summaries = customersummary::byRowids(m_db, rowids);
    if (!summaries)
        return summaries.error();
    QHash<qint64, CustomerSummary> byRowid;
    for (const CustomerSummary &s : summaries.value())
        byRowid.insert(s.rowid, s);
    QList<Candidate> out;
    for (const Pair &p : std::as_const(pairs)) {
        if (byRowid.contains(p.first) && byRowid.contains(p.second))
            out.append({byRowid.value(p.first), byRowid.value(p.second), p.reason, p.value});
    }
    return out;
}

Result<int> CustomerMerge::merge(const Customer &survivor, const QUuid &mergedId)
{
    if (survivor.id == mergedId)
        return makeError(Error::Code::Invalid, tr("A customer cannot be merged with itself."));
    int moved = 0;
    const auto written = inTransaction(m_db, [&]() -> Result<void> {
        CustomerRepository customers(m_db, m_actor);
        const auto current = customers.get(survivor.id);
        if (!current)
            return current.error();
        const auto merged = customers.get(mergedId);
        if (!merged)
            return merged.error();

        // The survivor keeps its contact points and gains the other's new ones.
        Customer result = survivor;
        result.contacts = current->contacts;
        QSet<QString> values;
        for (const ContactPoint &p : std::as_const(result.contacts))
            values.insert(p.value.toLower());
        for (ContactPoint p : merged->contacts) {
            if (values.contains(p.value.toLower()))
                continue;
            p.id = QUuid(); // a new row on the survivor; the old one goes with the tombstone
            p.primary = false;
            values.insert(p.value.toLower());
            result.contacts << p;
        }
        if (auto r = customers.update(result); !r)
            return r;

        // Every row that belongs to the merged customer moves, each a recorded change.
        ChangeWriter writer(m_db, m_actor);
        // Table names from this fixed list only, so splicing them is safe.
        for (const char *table : {"interactions", "tickets", "csat_responses"}) {
            QSqlQuery q(m_db);
            q.prepare(QStringLiteral("SELECT id FROM %1 WHERE customer_id = ? AND deleted_at IS NULL")
                          .arg(QLatin1String(table)));
            q.addBindValue(uuidToBlob(mergedId));
            if (!q.exec())
                return mergeError(q);
            QList<QUuid> ids;
            while (q.next())
                ids << rowcodec::key(q.value(0));
            q.finish();
            for (const QUuid &id : std::as_const(ids)) {
                if (auto r = writer.update(QString::fromLatin1(table), id,
                                           {{QStringLiteral("customer_id"), keyValue(survivor.id)}});
                    !r)
                    return r.error();
                ++moved;
            }
        }
        if (auto r = customers.remove(mergedId); !r)
            return r;
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        return writer.insert(QStringLiteral("customer_merges"), newUuidV7(),
                             {{QStringLiteral("survivor_id"), keyValue(survivor.id)},
                              {QStringLiteral("merged_id"), keyValue(mergedId)},
                              {QStringLiteral("merged_name"), merged->name},
                              {QStringLiteral("moved_rows"), moved},
                              {QStringLiteral("at"), now}});
    });
    if (!written)
        return written.error();
    return moved;
}

} // namespace madoguchi
