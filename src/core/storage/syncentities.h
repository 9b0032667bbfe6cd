#pragma once

#include <QList>
#include <QString>

namespace madoguchi {

// A synced table: its name on the team server's side (the entity of the
// change log and of pushed mutations), the local table, and the server
// table. Listed in the order rows are applied locally (referenced rows
// first). Adding a synced table is one entry here, its local migration and
// its server migration (app.make_synced and sync.entity).
struct SyncedEntity
{
    QString entity;
    QString localTable;
    QString serverTable;
    bool directory = false; // teams and agents: read whole at every pull, not through the change log
};

const QList<SyncedEntity> &syncedEntities();
const SyncedEntity *entityForTable(const QString &localTable);
const SyncedEntity *entityNamed(const QString &entity);

} // namespace madoguchi
