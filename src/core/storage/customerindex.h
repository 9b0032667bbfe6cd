#pragma once

#include "common/result.h"

#include <QSqlDatabase>

namespace madoguchi {

// Rebuilds the derived customer list and search data (customer_stats,
// customer_fts, customer_terms) from the rows. Triggers keep it current for
// ordinary writes; this is for bulk loads and repairs.
Result<void> rebuildCustomerIndex(const QSqlDatabase &db);

} // namespace madoguchi
