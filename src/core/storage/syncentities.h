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
    // The columns the team server sets itself beyond the revision, scopes and
    // audit columns every synced table has (see isServerColumn): kept here as
    // the server sent them, never sent to it. Changes already written leave
    // out what the list said then (the server fingerprints what it took):
    // a longer list needs a new form of outbox change (sync_outbox.wire).
    QStringList serverColumns = {};
};

const QList<SyncedEntity> &syncedEntities();
// Whether `column` of `entity` is the server's to write (no agent's, whatever
// the role): the revision, scopes, audit times and author, and the entity's
// serverColumns. The server drops them from a change, so the client does not
// send them.
bool isServerColumn(const SyncedEntity &entity, const QString &column);
const SyncedEntity *entityForTable(const QString &localTable);
const SyncedEntity *entityNamed(const QString &entity);

} // namespace madoguchi
