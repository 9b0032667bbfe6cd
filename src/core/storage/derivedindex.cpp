#include "storage/derivedindex.h"

#include "storage/migrations.h"
#include "storage/sqlite.h"

namespace madoguchi {

Result<void> rebuildDerivedData(const QSqlDatabase &db)
{
    if (auto r = sqlite::execScript(db, sqlResource(QStringLiteral("derived/customer_index.sql"))); !r)
        return r;
    if (auto r = sqlite::execScript(db, sqlResource(QStringLiteral("derived/ticket_totals.sql"))); !r)
        return r;
    return sqlite::execScript(db, sqlResource(QStringLiteral("derived/kpi_rollups.sql")));
}

} // namespace madoguchi
