#pragma once

#include "common/result.h"

#include <QSqlDatabase>

namespace madoguchi {

// Rebuilds the data derived from the rows: the customer list and search
// tables (customer_stats, customer_fts, customer_terms) and the ticket
// totals. Triggers keep them current for ordinary writes; this is for bulk
// loads and repairs.
Result<void> rebuildDerivedData(const QSqlDatabase &db);

} // namespace madoguchi
