#include "repositories/customersummary.h"

#include "repositories/customersearch.h"
#include "storage/rowcodec.h"
#include "storage/sqlite.h"

#include <QHash>
#include <QSqlQuery>

namespace madoguchi::customersummary {

QString selectClause(const QString &statsSource)
{
    return QStringLiteral(
               "SELECT c.rowid, c.id, c.name, c.name_reading, c.sort_key, coalesce(o.name, ''), "
               "(SELECT value FROM customer_contacts WHERE customer_id = c.id AND kind = 'phone' AND deleted_at IS NULL "
               " ORDER BY is_primary DESC, id LIMIT 1), "
               "(SELECT value FROM customer_contacts WHERE customer_id = c.id AND kind = 'email' AND deleted_at IS NULL "
               " ORDER BY is_primary DESC, id LIMIT 1), "
               "coalesce(s.last_contact_at, 0), coalesce(s.open_tickets, 0) ")
           + (!statsSource.isEmpty()
                  ? QStringLiteral("FROM (%1) s JOIN customers c ON c.id = s.customer_id "
                                   "LEFT JOIN organizations o ON o.id = c.organization_id ")
                        .arg(statsSource)
                  : QStringLiteral("FROM customers c LEFT JOIN organizations o ON o.id = c.organization_id "
                                   "LEFT JOIN customer_stats s ON s.customer_id = c.id "));
}

CustomerSummary read(const QSqlQuery &q)
{
    CustomerSummary s;
    s.rowid = q.value(0).toLongLong();
    s.id = rowcodec::key(q.value(1));
    s.name = q.value(2).toString();
    s.reading = q.value(3).toString();
    s.sortKey = q.value(4).toString();
    s.organization = q.value(5).toString();
    s.phone = q.value(6).toString();
    s.email = q.value(7).toString();
    s.lastContactMs = q.value(8).toLongLong();
    s.openTickets = q.value(9).toInt();
    return s;
}

Result<QList<CustomerSummary>> byRowids(const QSqlDatabase &db, const QList<qint64> &rowids)
{
    QList<CustomerSummary> out;
    if (rowids.isEmpty())
        return out;
    // The rowids travel as one bound JSON array, never spliced into the SQL.
    QStringList numbers;
    for (qint64 r : rowids)
        numbers << QString::number(r);
    QSqlQuery q(db);
    q.prepare(selectClause()
              + QStringLiteral("WHERE c.rowid IN (SELECT value FROM json_each(?)) AND c.deleted_at IS NULL"));
    q.addBindValue(QStringLiteral("[%1]").arg(numbers.join(u',')));
    if (!q.exec())
        return sqlite::toError(q.lastError(), CustomerSearch::tr("reading the customers"));
    QHash<qint64, CustomerSummary> found;
    while (q.next()) {
        const CustomerSummary s = read(q);
        found.insert(s.rowid, s);
    }
    for (qint64 r : rowids) {
        if (found.contains(r))
            out << found.value(r);
    }
    return out;
}

} // namespace madoguchi::customersummary
