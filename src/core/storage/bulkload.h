#pragma once

#include "common/result.h"

#include <QSqlDatabase>
#include <QStringList>

namespace madoguchi {

// Loading millions of rows (demo data, a first sync): secondary indexes are
// built once after the load (a sort) instead of being updated row by row,
// and the triggers that keep derived data (search, counters, KPI roll-ups)
// are dropped for the load and the derived data rebuilt in bulk at the end.
// Inside the caller's transaction the schema change commits or rolls back
// with the rows, so a failed load leaves the database as it was.
class BulkLoadSchema
{
public:
    explicit BulkLoadSchema(QSqlDatabase db);
    ~BulkLoadSchema(); // restores, if suspend() succeeded and restore() was not called

    BulkLoadSchema(const BulkLoadSchema &) = delete;
    BulkLoadSchema &operator=(const BulkLoadSchema &) = delete;

    // Drops the triggers and the secondary indexes.
    Result<void> suspend();
    // Indexes first (the rebuild reads through them), then the derived
    // data, then the triggers that keep it current from now on.
    Result<void> restore();
    // How many indexes restore() builds (for progress).
    qsizetype indexCount() const { return m_indexes.size(); }

private:
    QSqlDatabase m_db;
    QStringList m_indexes;
    QStringList m_triggers;
    bool m_suspended = false;
};

} // namespace madoguchi
