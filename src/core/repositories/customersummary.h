#pragma once

#include "common/result.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QUuid>

namespace madoguchi {

// One line of the customer list or of search results.
struct CustomerSummary
{
    qint64 rowid = 0;
    QUuid id;
    QString name;
    QString reading;
    QString sortKey;
    QString organization;
    QString phone;            // primary phone, E.164
    QString phoneDisplay;     // as shown; filled by the list model when first needed
    QString email;            // primary e-mail
    qint64 lastContactMs = 0; // 0: never contacted
    int openTickets = 0;
};

// Columns, joins and the row reader shared by the list and the search, so
// both show a customer the same way.
namespace customersummary {

// "SELECT … FROM customers c LEFT JOIN … " — append WHERE/ORDER BY. With a
// `statsSource` (a subquery over customer_stats, e.g. one page in last-contact
// order), that drives the join instead.
QString selectClause(const QString &statsSource = {});
CustomerSummary read(const class QSqlQuery &q);
// Summaries of the given customers (by rowid), in the given order; rows that
// no longer exist are left out.
Result<QList<CustomerSummary>> byRowids(const QSqlDatabase &db, const QList<qint64> &rowids);

} // namespace customersummary

} // namespace madoguchi
