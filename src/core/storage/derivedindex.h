#pragma once

#include "common/result.h"

#include <QSqlDatabase>

namespace madoguchi {

// Rebuilds the data derived from the rows: the customer list and search
// tables (customer_stats, customer_fts, customer_terms), the ticket
// totals and the KPI roll-ups (interactions by hour, survey responses with
// their assignee, escalated tickets). Triggers keep them current for ordinary writes; this is for bulk
// loads and repairs.
Result<void> rebuildDerivedData(const QSqlDatabase &db);

} // namespace madoguchi
