#include "sync/syncsession.h"

#include "storage/sqlite.h"
#include "storage/syncentities.h"
#include "sync/serverconnection.h"

#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

namespace madoguchi {

namespace {

// The synced tables' columns on the server, by entity, in table order.
Result<QHash<QString, QList<EntityColumns::Column>>> readServerColumns(const SyncSession &session)
{
    QHash<QString, QList<EntityColumns::Column>> columns;
    QSqlQuery q(session.server);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT e.name, a.attname::text, format_type(a.atttypid, a.atttypmod) FROM sync.entity e "
                               "JOIN pg_attribute a ON a.attrelid = e.tbl WHERE a.attnum > 0 AND NOT a.attisdropped "
                               "ORDER BY e.name, a.attnum")))
        return session.serverFailure(q.lastError(), SyncText::tr("reading the server's tables"));
    while (q.next())
        columns[q.value(0).toString()].append({q.value(1).toString(), valuecodec::kindOf(q.value(2).toString())});
    return columns;
}

// The local table's columns.
Result<QSet<QString>> localColumns(const QSqlDatabase &local, const QString &table)
{
    QSqlQuery info(local);
    info.prepare(QStringLiteral("SELECT name FROM pragma_table_info(?)"));
    info.addBindValue(table);
    if (!info.exec())
        return SyncSession::localFailure(info, SyncText::tr("reading the local tables"));
    QSet<QString> here;
    while (info.next())
        here.insert(info.value(0).toString());
    return here;
}

// The columns both sides have, and the local INSERT of a pulled row.
void matchColumns(EntityColumns &columns, const QList<EntityColumns::Column> &onServer, const QSet<QString> &here,
                  const QString &localTable)
{
    for (const EntityColumns::Column &c : onServer) {
        columns.serverKinds.insert(c.name, c.kind);
        if (here.contains(c.name) && c.name != u"scopes" && sqlite::isPlainIdentifier(c.name))
            columns.pulled.append(c);
    }
    columns.sortKey = here.contains(QStringLiteral("sort_key")) && here.contains(QStringLiteral("name_reading"));
    QStringList names, marks;
    for (int i = 0; i < columns.pulled.size(); ++i) {
        const QString &name = columns.pulled.at(i).name;
        columns.rev = name == u"rev" ? i : columns.rev;
        columns.name = name == u"name" ? i : columns.name;
        columns.reading = name == u"name_reading" ? i : columns.reading;
        names << name;
        marks << QStringLiteral("?");
    }
    if (columns.sortKey) {
        names << QStringLiteral("sort_key");
        marks << QStringLiteral("?");
    }
    // Names: the registry's table and identifier-checked catalog columns.
    columns.insertSql = QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                            .arg(localTable, names.join(u','), marks.join(u','));
}

} // namespace

Result<void> SyncSession::loadColumns()
{
    if (!columns.isEmpty())
        return {};
    const auto onServer = readServerColumns(*this);
    if (!onServer)
        return onServer.error();
    for (const SyncedEntity &entity : syncedEntities()) {
        const auto here = localColumns(local, entity.localTable);
        if (!here)
            return here.error();
        EntityColumns entityColumns;
        matchColumns(entityColumns, onServer->value(entity.entity), here.value(), entity.localTable);
        if (entityColumns.pulled.isEmpty() || entityColumns.pulled.first().name != u"id") {
            return makeError(Error::Code::Invalid,
                             SyncText::tr("The team server does not have the table %1 this version "
                                          "of Madoguchi needs. Ask your administrator to run "
                                          "“madoguchi-cli server init”.")
                                 .arg(entity.serverTable));
        }
        columns.insert(entity.entity, entityColumns);
    }
    return {};
}

Error SyncSession::serverFailure(const QSqlError &error, const QString &doing) const
{
    const QString state = error.nativeErrorCode();
    if (state == u"MD002") {
        return makeError(Error::Code::Invalid,
                         SyncText::tr("This database was copied from another computer that also synchronises with the "
                                      "server. Nothing was sent. Ask your administrator to reset this copy."));
    }
    if (state == u"MD003") {
        return makeError(Error::Code::Invalid,
                         SyncText::tr("The server is missing earlier changes of this computer. "
                                      "Nothing was sent; keep this database and contact your administrator."));
    }
    if (!server.isOpen() || error.type() == QSqlError::ConnectionError || state.startsWith(QLatin1String("08"))
        || state.startsWith(QLatin1String("57P")) || state == u"57014"
        || (error.text().trimmed().isEmpty() && state.isEmpty())) {
        return makeError(Error::Code::Network, SyncText::tr("The connection to the team server was lost while %1. "
                                                            "Your changes are kept and will be sent when it is back.")
                                                   .arg(doing));
    }
    return serverError(error, doing);
}

Error SyncSession::localFailure(const QSqlQuery &q, const QString &doing)
{
    return sqlite::toError(q.lastError(), doing);
}

} // namespace madoguchi
