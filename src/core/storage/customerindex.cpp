#include "storage/customerindex.h"

#include "storage/migrations.h"
#include "storage/sqlite.h"

namespace madoguchi {

Result<void> rebuildCustomerIndex(const QSqlDatabase &db)
{
    return sqlite::execScript(db, sqlResource(QStringLiteral("derived/customer_index.sql")));
}

} // namespace madoguchi
