#include "storage/bulkload.h"

#include "storage/database.h"
#include "storage/derivedindex.h"
#include "storage/sqlite.h"

#include <QSqlQuery>

namespace madoguchi {

BulkLoadSchema::BulkLoadSchema(QSqlDatabase db)
    : m_db(std::move(db))
{}

BulkLoadSchema::~BulkLoadSchema()
{
    if (m_suspended)
        (void)restore();
}

Result<void> BulkLoadSchema::suspend()
{
    QSqlQuery q(m_db);
    // Triggers first (they may refer to the indexes' tables); PRIMARY KEY and
    // UNIQUE indexes (sql IS NULL) stay.
    if (!q.exec(QStringLiteral(
            "SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND sql IS NOT NULL "
            "ORDER BY type = 'index'")))
        return sqlite::toError(q.lastError(), Database::tr("preparing a bulk load"));
    QStringList drops;
    while (q.next()) {
        const bool trigger = q.value(0).toString() == u"trigger";
        (trigger ? m_triggers : m_indexes) << q.value(2).toString();
        // Names from the database's own schema, quoted.
        drops << QStringLiteral("DROP %1 \"%2\";")
                     .arg(trigger ? QStringLiteral("TRIGGER") : QStringLiteral("INDEX"),
                          q.value(1).toString().replace(u'"', QStringLiteral("\"\"")));
    }
    q.finish();
    if (auto r = sqlite::execScript(m_db, drops.join(u'\n')); !r)
        return r;
    m_suspended = true;
    return {};
}

Result<void> BulkLoadSchema::restore()
{
    m_suspended = false;
    QStringList statements;
    for (const QString &sql : std::as_const(m_indexes))
        statements << sql + u';';
    if (auto r = sqlite::execScript(m_db, statements.join(u'\n')); !r)
        return r;
    if (auto r = rebuildDerivedData(m_db); !r)
        return r;
    statements.clear();
    for (const QString &sql : std::as_const(m_triggers))
        statements << sql + u';';
    return sqlite::execScript(m_db, statements.join(u'\n'));
}

} // namespace madoguchi
