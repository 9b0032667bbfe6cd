#include "sync/syncengine.h"

#include "domain/uuid.h"
#include "services/slaengine.h"
#include "storage/bulkinserter.h"
#include "storage/bulkload.h"
#include "storage/changehub.h"
#include "storage/clientstate.h"
#include "storage/rowcodec.h"
#include "storage/sqlite.h"
#include "storage/syncentities.h"
#include "storage/transaction.h"
#include "sync/serverconnection.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QScopeGuard>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <optional>

namespace madoguchi {

namespace {

const QString kClientId = QStringLiteral("sync.client_id");
const QString kEpoch = QStringLiteral("sync.epoch");
const QString kCursor = QStringLiteral("sync.cursor");
const QString kScopes = QStringLiteral("sync.scopes");
const QString kLastPull = QStringLiteral("sync.last_pull");
// The clock offsets measured at each sync: "after:offset" pairs, oldest
// first; a change with a mutation id above `after` was made while `offset`
// (server − this machine, ms) was the one last measured.
const QString kClockOffsets = QStringLiteral("sync.clock_offsets");

struct ClockOffset
{
    qint64 after = 0;
    qint64 offset = 0;
};

QList<ClockOffset> clockOffsets(const QString &text)
{
    QList<ClockOffset> out;
    for (const QString &pair : text.split(u';', Qt::SkipEmptyParts))
        out.append({pair.section(u':', 0, 0).toLongLong(), pair.section(u':', 1, 1).toLongLong()});
    return out;
}

// The offset in force when mutation `id` was made.
qint64 offsetFor(const QList<ClockOffset> &offsets, qint64 id)
{
    for (auto it = offsets.crbegin(); it != offsets.crend(); ++it) {
        if (it->after < id)
            return it->offset;
    }
    return offsets.isEmpty() ? 0 : offsets.first().offset;
}

bool isTime(const QString &type)
{
    return type.startsWith(QLatin1String("timestamp"));
}
bool isJson(const QString &type)
{
    return type == u"jsonb" || type == u"json";
}

// How a server column is read so that it arrives in the local form:
// uuid as text (stored as a 16-byte BLOB), times as Unix milliseconds,
// booleans as 0/1, JSON as its text.
QString selectExpression(const QString &column, const QString &type)
{
    const QString c = QStringLiteral("t.") + column;
    if (type == u"uuid" || type == u"name")
        return c + QStringLiteral("::text");
    if (isTime(type))
        return QStringLiteral("(floor(extract(epoch FROM %1) * 1000))::bigint").arg(c);
    if (type == u"boolean")
        return c + QStringLiteral("::int");
    if (isJson(type))
        return c + QStringLiteral("::text");
    return c;
}

// A pulled value as the local table stores it.
QVariant localValue(const QVariant &value, const QString &type)
{
    if (value.isNull())
        return QVariant();
    if (type == u"uuid")
        return uuidToBlob(QUuid::fromString(value.toString()));
    if (isTime(type) || type == u"bigint" || type == u"integer" || type == u"boolean")
        return value.toLongLong();
    return value;
}

// An outbox value (see toJson in changewriter) as the server column takes it.
QJsonValue serverValue(const QJsonValue &value, const QString &type)
{
    if (value.isNull())
        return value;
    if (isTime(type) && value.isDouble())
        return QDateTime::fromMSecsSinceEpoch(qint64(value.toDouble()), Qt::UTC).toString(Qt::ISODateWithMs);
    if (type == u"boolean" && value.isDouble())
        return value.toInt() != 0;
    if (isJson(type) && value.isString()) {
        const QJsonDocument doc = QJsonDocument::fromJson(QStringLiteral("[%1]").arg(value.toString()).toUtf8());
        return doc.isArray() && doc.array().size() == 1 ? doc.array().first() : value;
    }
    return value;
}

// A local outbox value applied again to a local row: uuid text back to BLOB.
QVariant outboxToLocal(const QJsonValue &value, const QString &type)
{
    if (value.isNull() || value.isUndefined())
        return QVariant();
    if (type == u"uuid")
        return uuidToBlob(QUuid::fromString(value.toString()));
    if (value.isDouble())
        return qint64(value.toDouble());
    return value.toString();
}

quint64 snapshotXmin(const QString &snapshot)
{
    return snapshot.section(u':', 0, 0).toULongLong();
}

Error localFailure(const QSqlQuery &q, const QString &doing)
{
    return sqlite::toError(q.lastError(), doing);
}

} // namespace

QJsonObject SyncReport::toJson() const
{
    return QJsonObject{{QStringLiteral("pushed"), pushed},       {QStringLiteral("merged"), merged},
                       {QStringLiteral("conflicts"), conflicts}, {QStringLiteral("rejected"), rejected},
                       {QStringLiteral("received"), received},   {QStringLiteral("removed"), removed},
                       {QStringLiteral("reset"), reset},         {QStringLiteral("pending"), pending},
                       {QStringLiteral("cursor"), cursor}};
}

SyncEngine::SyncEngine(QSqlDatabase local, QSqlDatabase server, SyncOptions options)
    : m_local(std::move(local))
    , m_server(std::move(server))
    , m_options(options)
{}

Result<QUuid> SyncEngine::clientId(QSqlDatabase local)
{
    ClientState state(local);
    const QUuid known = QUuid::fromString(state.value(kClientId));
    if (!known.isNull())
        return known;
    const QUuid id = newUuidV7();
    if (auto r = state.setValue(kClientId, uuidToText(id)); !r)
        return r.error();
    return id;
}

Result<void> SyncEngine::prepareSession(QSqlDatabase server)
{
    QSqlQuery q(server);
    for (const char *sql : {"SET statement_timeout = '120s'", "SET lock_timeout = '15s'",
                            "SET idle_in_transaction_session_timeout = '120s'"}) {
        if (!q.exec(QString::fromLatin1(sql)))
            return serverError(q.lastError(), QCoreApplication::translate("Sync", "preparing the connection"));
    }
    return {};
}

Error SyncEngine::serverFailure(const QSqlError &error, const QString &doing) const
{
    const QString state = error.nativeErrorCode();
    if (state == u"MD002") {
        return makeError(Error::Code::Invalid,
                         QCoreApplication::translate(
                             "Sync", "This database was copied from another computer that also synchronises with the "
                                     "server. Nothing was sent. Ask your administrator to reset this copy."));
    }
    if (state == u"MD003") {
        return makeError(Error::Code::Invalid,
                         QCoreApplication::translate(
                             "Sync", "The server is missing earlier changes of this computer. "
                                     "Nothing was sent; keep this database and contact your administrator."));
    }
    if (!m_server.isOpen() || error.type() == QSqlError::ConnectionError || state.startsWith(QLatin1String("08"))
        || state.startsWith(QLatin1String("57P")) || state == u"57014"
        || (error.text().trimmed().isEmpty() && state.isEmpty())) {
        return makeError(Error::Code::Network,
                         QCoreApplication::translate("Sync", "The connection to the team server was lost while %1. "
                                                             "Your changes are kept and will be sent when it is back.")
                             .arg(doing));
    }
    return serverError(error, doing);
}

Result<void> SyncEngine::loadColumns()
{
    if (!m_columns.isEmpty())
        return {};
    QSqlQuery q(m_server);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT e.name, a.attname::text, format_type(a.atttypid, a.atttypmod) FROM sync.entity e "
                               "JOIN pg_attribute a ON a.attrelid = e.tbl WHERE a.attnum > 0 AND NOT a.attisdropped "
                               "ORDER BY e.name, a.attnum")))
        return serverFailure(q.lastError(), QCoreApplication::translate("Sync", "reading the server's tables"));
    QHash<QString, QList<Column>> server;
    while (q.next())
        server[q.value(0).toString()].append({q.value(1).toString(), q.value(2).toString()});
    for (const SyncedEntity &entity : syncedEntities()) {
        QSqlQuery info(m_local);
        info.prepare(QStringLiteral("SELECT name FROM pragma_table_info(?)"));
        info.addBindValue(entity.localTable);
        if (!info.exec())
            return localFailure(info, QCoreApplication::translate("Sync", "reading the local tables"));
        QSet<QString> local;
        while (info.next())
            local.insert(info.value(0).toString());
        EntityColumns columns;
        for (const Column &c : server.value(entity.entity)) {
            columns.serverTypes.insert(c.name, c.serverType);
            if (local.contains(c.name) && c.name != u"scopes" && sqlite::isPlainIdentifier(c.name))
                columns.pulled.append(c);
        }
        if (columns.pulled.isEmpty() || columns.pulled.first().name != u"id") {
            return makeError(Error::Code::Invalid,
                             QCoreApplication::translate("Sync",
                                                         "The team server does not have the table %1 this version "
                                                         "of Madoguchi needs. Ask your administrator to run "
                                                         "“madoguchi-cli server init”.")
                                 .arg(entity.serverTable));
        }
        columns.sortKey = local.contains(QStringLiteral("sort_key")) && local.contains(QStringLiteral("name_reading"));
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
                                .arg(entity.localTable, names.join(u','), marks.join(u','));
        m_columns.insert(entity.entity, columns);
    }
    return {};
}

Result<SyncReport> SyncEngine::syncOnce()
{
    // Generated demo data never goes to a team's server.
    if (ClientState(m_local).value(QStringLiteral("demo")) == u"1") {
        return makeError(Error::Code::Invalid,
                         QCoreApplication::translate("Sync",
                                                     "This database holds generated demo data, which is never sent "
                                                     "to a team server. Open or create another database to connect."));
    }
    auto pushed = push();
    if (!pushed)
        return pushed.error();
    auto pulled = pull();
    if (!pulled)
        return pulled.error();
    SyncReport report = pulled.value();
    report.pushed = pushed->pushed;
    report.merged = pushed->merged;
    report.conflicts = pushed->conflicts;
    report.rejected = pushed->rejected;
    return report;
}

Result<SyncReport> SyncEngine::push()
{
    if (auto r = loadColumns(); !r)
        return r.error();
    SyncReport report;
    m_rowsDone = 0;
    if (auto r = measureClock(); !r)
        return r.error();
    for (bool more = true; more;) {
        if (auto r = pushBatch(report, more); !r)
            return r.error();
    }
    QSqlQuery pending(m_local);
    if (pending.exec(QStringLiteral("SELECT count(*) FROM sync_outbox")) && pending.next())
        report.pending = pending.value(0).toInt();
    return report;
}

Result<void> SyncEngine::pushBatch(SyncReport &report, bool &more)
{
    more = false;
    const auto client = clientId(m_local);
    if (!client)
        return client.error();
    QSqlQuery outbox(m_local);
    outbox.prepare(QStringLiteral(
        "SELECT mutation_id, entity, row_id, op, payload, base, created_at FROM sync_outbox ORDER BY mutation_id LIMIT ?"));
    outbox.addBindValue(m_options.pushBatch);
    if (!outbox.exec())
        return localFailure(outbox, QCoreApplication::translate("Sync", "reading the changes to send"));
    const QList<ClockOffset> offsets = clockOffsets(ClientState(m_local).value(kClockOffsets));
    QJsonArray mutations;
    QHash<qint64, std::pair<QString, QByteArray>> rows; // mutation id → local table, row
    qint64 last = 0;
    while (outbox.next()) {
        const qint64 id = outbox.value(0).toLongLong();
        const QString table = outbox.value(1).toString();
        const SyncedEntity *entity = entityForTable(table);
        if (!entity)
            return makeError(Error::Code::Database,
                             QCoreApplication::translate("Sync", "A change waiting to be sent names an unknown table."));
        const QHash<QString, QString> &types = m_columns.value(entity->entity).serverTypes;
        auto convert = [&types](const QString &json) {
            QJsonObject out;
            const QJsonObject in = QJsonDocument::fromJson(json.toUtf8()).object();
            for (auto it = in.begin(); it != in.end(); ++it) {
                if (types.contains(it.key()))
                    out.insert(it.key(), serverValue(it.value(), types.value(it.key())));
            }
            return out;
        };
        const QByteArray row = outbox.value(2).toByteArray();
        QJsonObject m{{QStringLiteral("id"), id},
                      {QStringLiteral("entity"), entity->entity},
                      {QStringLiteral("op"), outbox.value(3).toString()},
                      {QStringLiteral("row"), uuidToText(uuidFromBlob(row))},
                      {QStringLiteral("payload"), convert(outbox.value(4).toString())}};
        if (!outbox.value(5).isNull())
            m.insert(QStringLiteral("base"), convert(outbox.value(5).toString()));
        // When the agent made it, by this machine's clock, and that clock's
        // offset then: the server takes true times of offline work from them.
        m.insert(QStringLiteral("at"), outbox.value(6).toLongLong());
        m.insert(QStringLiteral("offset"), offsetFor(offsets, id));
        mutations.append(m);
        rows.insert(id, {entity->entity, row});
        last = id;
    }
    outbox.finish();
    if (mutations.isEmpty())
        return {};
    progress(SyncPhase::Pushing, m_rowsDone);

    QSqlQuery q(m_server);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT mutation_id, status FROM sync.push_v1(?::uuid, ?, ?, ?::jsonb)"));
    q.addBindValue(uuidToText(client.value()));
    q.addBindValue(kProtocolVersion);
    q.addBindValue(QCoreApplication::applicationVersion());
    q.addBindValue(QString::fromUtf8(QJsonDocument(mutations).toJson(QJsonDocument::Compact)));
    if (!q.exec())
        return serverFailure(q.lastError(), QCoreApplication::translate("Sync", "sending changes"));
    QHash<qint64, QString> outcomes;
    while (q.next())
        outcomes.insert(q.value(0).toLongLong(), q.value(1).toString());
    q.finish();

    // The server has committed: the acknowledged mutations leave the outbox,
    // and rows it did not write as sent are read again at the next pull.
    auto done = inTransaction(m_local, [&]() -> Result<void> {
        QSqlQuery refetch(m_local);
        refetch.prepare(QStringLiteral("INSERT OR IGNORE INTO sync_refetch (entity, row_id) VALUES (?, ?)"));
        for (auto it = outcomes.cbegin(); it != outcomes.cend(); ++it) {
            const QString &status = it.value();
            report.pushed += 1;
            report.merged += status == u"merged";
            report.conflicts += status == u"conflict";
            report.rejected += status == u"rejected";
            if (status == u"applied" || !rows.contains(it.key()))
                continue;
            refetch.addBindValue(rows.value(it.key()).first);
            refetch.addBindValue(rows.value(it.key()).second);
            if (!refetch.exec())
                return localFailure(refetch, QCoreApplication::translate("Sync", "recording the server's answer"));
        }
        QSqlQuery remove(m_local);
        remove.prepare(QStringLiteral("DELETE FROM sync_outbox WHERE mutation_id <= ?"));
        remove.addBindValue(last);
        if (!remove.exec())
            return localFailure(remove, QCoreApplication::translate("Sync", "recording the server's answer"));
        return {};
    });
    if (!done)
        return done.error();
    if (outcomes.size() != mutations.size()) {
        return makeError(Error::Code::Database,
                         QCoreApplication::translate("Sync", "The server answered %1 of %2 changes sent.")
                             .arg(outcomes.size())
                             .arg(mutations.size()));
    }
    m_rowsDone += mutations.size();
    more = mutations.size() == m_options.pushBatch;
    return {};
}

Result<void> SyncEngine::measureClock()
{
    auto clock = [this] {
        return m_options.clockForTests ? m_options.clockForTests() : QDateTime::currentMSecsSinceEpoch();
    };
    const auto client = clientId(m_local);
    if (!client)
        return client.error();
    // The sync says hello: the server notes the contact (the start of any
    // offline stretch that follows) and answers with its clock.
    QSqlQuery q(m_server);
    q.prepare(QStringLiteral("SELECT sync.hello_v1(?::uuid, ?, ?)"));
    q.addBindValue(uuidToText(client.value()));
    q.addBindValue(kProtocolVersion);
    q.addBindValue(QCoreApplication::applicationVersion());
    const qint64 sent = clock();
    if (!q.exec() || !q.next())
        return serverFailure(q.lastError(), QCoreApplication::translate("Sync", "comparing clocks with the server"));
    const qint64 received = clock();
    // As NTP does: the server read its clock about halfway through the round trip.
    const qint64 offset = q.value(0).toLongLong() - (sent + received) / 2;
    QSqlQuery last(m_local);
    if (!last.exec(QStringLiteral("SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'sync_outbox'), 0), "
                                  "coalesce((SELECT min(mutation_id) FROM sync_outbox), 0)"))
        || !last.next())
        return localFailure(last, QCoreApplication::translate("Sync", "comparing clocks with the server"));
    const qint64 after = last.value(0).toLongLong();
    const qint64 oldestUnsent = last.value(1).toLongLong();
    ClientState state(m_local);
    QList<ClockOffset> offsets = clockOffsets(state.value(kClockOffsets));
    // Only what unsent changes may still need: the entry in force for the
    // oldest one and those after it.
    while (offsets.size() > 1 && (oldestUnsent == 0 || offsets.at(1).after < oldestUnsent))
        offsets.removeFirst();
    // The first measurement holds for every change made before it. An entry
    // never changes once a change it holds for may have been sent: a push
    // sent again after a cut must be the same, byte for byte.
    if (offsets.isEmpty())
        offsets.append({0, offset});
    else if (offsets.last().after < after)
        offsets.append({after, offset});
    QStringList text;
    for (const ClockOffset &o : std::as_const(offsets))
        text << QStringLiteral("%1:%2").arg(o.after).arg(o.offset);
    return state.setValue(kClockOffsets, text.join(u';'));
}

Result<bool> SyncEngine::upsert(const QString &entity, const QSqlQuery &row)
{
    const EntityColumns &columns = m_columns[entity];
    auto it = m_upserts.find(entity);
    if (it == m_upserts.end()) {
        QStringList updates;
        for (const Column &c : columns.pulled) {
            if (c.name != u"id")
                updates << c.name + QStringLiteral(" = ?");
        }
        if (columns.sortKey)
            updates << QStringLiteral("sort_key = ?");
        const QString table = entityNamed(entity)->localTable;
        // Names: the registry's table and identifier-checked catalog columns.
        // An UPDATE guarded by the revision (it never goes back), then an
        // INSERT of what is new. Not an upsert: its conflict clause would
        // override the OR IGNORE of the derived-data triggers; and never
        // INSERT OR REPLACE, whose hidden delete skips the roll-ups' triggers.
        Statements statements{std::make_unique<QSqlQuery>(m_local), std::make_unique<QSqlQuery>(m_local)};
        if (!statements.update->prepare(
                QStringLiteral("UPDATE %1 SET %2 WHERE id = ? AND rev < ?").arg(table, updates.join(u','))))
            return localFailure(*statements.update,
                                QCoreApplication::translate("Sync", "preparing to store rows from the server"));
        // A plain INSERT: a row already here fails on its key, which is an
        // answer ("not new"), not an error. (INSERT … SELECT … WHERE NOT
        // EXISTS would copy every row through a temporary table.)
        if (!statements.insert->prepare(columns.insertSql))
            return localFailure(*statements.insert,
                                QCoreApplication::translate("Sync", "preparing to store rows from the server"));
        it = m_upserts.emplace(entity, std::move(statements)).first;
    }
    QVariantList values;
    values.reserve(columns.pulled.size() + 1);
    for (int i = 0; i < columns.pulled.size(); ++i)
        values << localValue(row.value(i), columns.pulled.at(i).serverType);
    if (columns.sortKey)
        values << rowcodec::sortKey(values.at(columns.name).toString(), values.at(columns.reading).toString());
    const QVariant id = values.first();

    auto runUpdate = [&]() -> Result<bool> {
        QSqlQuery &update = *it->second.update;
        int n = 0;
        for (int i = 1; i < values.size(); ++i)
            update.bindValue(n++, values.at(i));
        update.bindValue(n++, id);
        update.bindValue(n++, values.at(columns.rev));
        if (!update.exec())
            return localFailure(update, QCoreApplication::translate("Sync", "storing rows from the server"));
        return update.numRowsAffected() > 0;
    };
    auto runInsert = [&]() -> Result<bool> {
        QSqlQuery &insert = *it->second.insert;
        for (int i = 0; i < values.size(); ++i)
            insert.bindValue(i, values.at(i));
        if (insert.exec())
            return true;
        // The row is here already (its key is taken): nothing to insert.
        if (insert.lastError().databaseText().contains(
                QStringLiteral("UNIQUE constraint failed: %1.id").arg(entityNamed(entity)->localTable)))
            return false;
        return localFailure(insert, QCoreApplication::translate("Sync", "storing rows from the server"));
    };
    // A reload finds few rows in place, an incremental pull most of them:
    // the likelier statement goes first.
    const auto first = m_reloading ? runInsert() : runUpdate();
    if (!first || first.value())
        return first;
    return m_reloading ? runUpdate() : runInsert();
}

Result<int> SyncEngine::readRows(const QString &entity, const QString &condition, const QVariantList &values,
                                 QSet<QByteArray> *seen, SyncReport &report)
{
    const EntityColumns &columns = m_columns[entity];
    QStringList select;
    for (const Column &c : columns.pulled)
        select << selectExpression(c.name, c.serverType);
    QSqlQuery q(m_server);
    q.setForwardOnly(true);
    // Names: the registry's table and identifier-checked catalog columns;
    // the condition is one of this file's fixed fragments; values are bound.
    q.prepare(
        QStringLiteral("SELECT %1 FROM %2 t %3").arg(select.join(u','), entityNamed(entity)->serverTable, condition));
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec())
        return serverFailure(q.lastError(), QCoreApplication::translate("Sync", "receiving changes"));
    int n = 0;
    // A reload writes the rows that are not here yet many to a statement
    // through the sqlite3 API (as the demo generator does); rows that are
    // here (kept for the outbox, or shipped defaults) take the upsert.
    std::unique_ptr<BulkInserter> bulk;
    QSet<QByteArray> present;
    if (m_reloading) {
        bulk = std::make_unique<BulkInserter>(m_local, columns.insertSql);
        QSqlQuery here(m_local);
        // The registry's table name.
        if (!bulk->isValid() || !here.exec(QStringLiteral("SELECT id FROM %1").arg(entityNamed(entity)->localTable)))
            return localFailure(here, QCoreApplication::translate("Sync", "preparing to store rows from the server"));
        while (here.next())
            present.insert(here.value(0).toByteArray());
    }
    while (q.next()) {
        const QByteArray key = uuidToBlob(QUuid::fromString(q.value(0).toString()));
        if (bulk && !present.contains(key)) {
            for (int i = 0; i < columns.pulled.size(); ++i) {
                const QVariant v = q.value(i);
                const QString &type = columns.pulled.at(i).serverType;
                if (v.isNull())
                    bulk->bindNull(i + 1);
                else if (type == u"uuid") {
                    const QByteArray bytes = QUuid::fromString(v.toString()).toRfc4122();
                    std::array<unsigned char, 16> uuid{};
                    std::copy(bytes.cbegin(), bytes.cend(), uuid.begin());
                    bulk->bind(i + 1, uuid);
                } else if (isTime(type) || type == u"bigint" || type == u"integer" || type == u"boolean")
                    bulk->bind(i + 1, v.toLongLong());
                else
                    bulk->bind(i + 1, v.toString());
            }
            if (columns.sortKey)
                bulk->bind(int(columns.pulled.size()) + 1,
                           rowcodec::sortKey(q.value(columns.name).toString(), q.value(columns.reading).toString()));
            if (auto r = bulk->addRow(); !r)
                return r.error();
            ++n;
        } else {
            const auto written = upsert(entity, q);
            if (!written)
                return written.error();
            if (written.value() > 0)
                ChangeHub::note(m_local, entityNamed(entity)->localTable, uuidFromBlob(key));
            n += written.value();
        }
        if (seen)
            seen->insert(key);
        if (++m_rowsDone % 5000 == 0)
            progress(SyncPhase::Pulling, m_rowsDone);
    }
    if (q.lastError().isValid())
        return serverFailure(q.lastError(), QCoreApplication::translate("Sync", "receiving changes"));
    if (bulk) {
        if (auto r = bulk->finish(); !r)
            return r.error();
    }
    report.received += n;
    return n;
}

Result<void> SyncEngine::changedRows(const QString &scope, const QString &previous, qint64 previousSeq,
                                     QHash<QString, QSet<QString>> &ids, qint64 *lastSeq)
{
    const int page = m_options.pageSize;
    auto collect = [&](QSqlQuery &q, QString *xid, qint64 *seq) -> int {
        int n = 0;
        while (q.next()) {
            ids[q.value(0).toString()].insert(q.value(1).toString());
            if (xid)
                *xid = q.value(3).toString();
            *seq = q.value(2).toLongLong();
            ++n;
        }
        return n;
    };
    if (m_options.sequenceCursorForTests) {
        // The broken variant: a plain sequence cursor.
        qint64 seq = previousSeq;
        QSqlQuery q(m_server);
        q.setForwardOnly(true);
        q.prepare(QStringLiteral(
            "SELECT c.entity, c.row_id::text, c.seq FROM sync.change c WHERE c.scope = ? AND c.seq > ? ORDER BY c.seq"));
        q.addBindValue(scope);
        q.addBindValue(seq);
        if (!q.exec())
            return serverFailure(q.lastError(), QCoreApplication::translate("Sync", "receiving changes"));
        collect(q, nullptr, &seq);
        *lastSeq = std::max(seq, *lastSeq);
        return {};
    }
    // The snapshot diff (research/sync-verified.md §4): the transactions
    // that were running at the previous pull, then everything from its xmax
    // on, each a tight range of the (scope, xid, seq) index. Rows of
    // transactions that commit later are not visible in this snapshot and
    // come with a later pull.
    // Pages of one range: rows after (xid, seq) in key order.
    auto readRange = [&](const QString &sql, QString xid, bool advanceXid) -> Result<void> {
        for (qint64 seq = 0;;) {
            QSqlQuery q(m_server);
            q.setForwardOnly(true);
            q.prepare(sql);
            q.addBindValue(scope);
            q.addBindValue(xid);
            q.addBindValue(seq);
            q.addBindValue(page);
            if (!q.exec())
                return serverFailure(q.lastError(), QCoreApplication::translate("Sync", "receiving changes"));
            if (collect(q, advanceXid ? &xid : nullptr, &seq) < page)
                return {};
        }
    };
    const QStringList running = previous.section(u':', 2).split(u',', Qt::SkipEmptyParts);
    for (const QString &xid : running) {
        if (auto r = readRange(QStringLiteral(
                                   "SELECT c.entity, c.row_id::text, c.seq FROM sync.change c "
                                   "WHERE c.scope = ? AND c.xid = ?::xid8 AND c.seq > ? ORDER BY c.seq LIMIT ?"),
                               xid, false);
            !r)
            return r;
    }
    return readRange(QStringLiteral(
                         "SELECT c.entity, c.row_id::text, c.seq, c.xid::text AS xid_text FROM sync.change c "
                         "WHERE c.scope = ? AND (c.xid, c.seq) > (?::xid8, ?) ORDER BY c.xid, c.seq LIMIT ?"),
                     previous.section(u':', 1, 1), true);
}

Result<void> SyncEngine::rebaseOutbox(const QHash<QString, QSet<QByteArray>> &touched, bool everyRow)
{
    // Changes made here while this pull ran, not yet sent: the server's row
    // replaced the local one, so they are applied on top of it again.
    QSqlQuery outbox(m_local);
    if (!outbox.exec(QStringLiteral("SELECT entity, row_id, op, payload FROM sync_outbox ORDER BY mutation_id")))
        return localFailure(outbox, QCoreApplication::translate("Sync", "reapplying changes not yet sent"));
    while (outbox.next()) {
        const SyncedEntity *entity = entityForTable(outbox.value(0).toString());
        const QByteArray row = outbox.value(1).toByteArray();
        if (!entity || outbox.value(2).toString() == u"insert"
            || (!everyRow && !touched.value(entity->entity).contains(row)))
            continue;
        const EntityColumns &columns = m_columns[entity->entity];
        const QJsonObject payload = QJsonDocument::fromJson(outbox.value(3).toString().toUtf8()).object();
        QStringList assignments;
        QVariantList values;
        for (const Column &c : columns.pulled) {
            if (c.name == u"id" || c.name == u"rev" || !payload.contains(c.name))
                continue;
            assignments << c.name + QStringLiteral(" = ?");
            values << outboxToLocal(payload.value(c.name), c.serverType);
        }
        if (assignments.isEmpty())
            continue;
        QSqlQuery q(m_local);
        // Names: the registry's table and identifier-checked columns.
        q.prepare(QStringLiteral("UPDATE %1 SET %2 WHERE id = ?").arg(entity->localTable, assignments.join(u',')));
        for (const QVariant &v : std::as_const(values))
            q.addBindValue(v);
        q.addBindValue(row);
        if (!q.exec())
            return localFailure(q, QCoreApplication::translate("Sync", "reapplying changes not yet sent"));
    }
    return {};
}

Result<SyncReport> SyncEngine::pull()
{
    if (auto r = loadColumns(); !r)
        return r.error();
    SyncReport report;
    m_rowsDone = 0;
    m_upserts.clear();
    progress(SyncPhase::Pulling, 0);

    QSqlQuery begin(m_server);
    // Read-only: no transaction id, so a pull never holds back anyone.
    // Under row-level security a generic plan reads and sorts a whole scope
    // per page (research/sync-verified.md §4); custom plans cost 0.1 ms. For
    // the pull only: the push's functions run their statements thousands of
    // times, where planning each one again would double the server's work.
    if (!begin.exec(QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"))
        || !begin.exec(QStringLiteral("SET LOCAL plan_cache_mode = force_custom_plan")))
        return serverFailure(begin.lastError(), QCoreApplication::translate("Sync", "starting to receive changes"));
    // Read only: ending it either way is the same.
    auto endRead = qScopeGuard([this] { QSqlQuery(m_server).exec(QStringLiteral("ROLLBACK")); });
    QSqlQuery head(m_server);
    if (!head.exec(QStringLiteral("SELECT pg_current_snapshot()::text, epoch::text, retained_from::text, "
                                  "array_to_string(app.my_scopes(), ','), app.agent_id()::text FROM sync.meta"))
        || !head.next())
        return serverFailure(head.lastError(), QCoreApplication::translate("Sync", "starting to receive changes"));
    const QString current = head.value(0).toString();
    const QString epoch = head.value(1).toString();
    const quint64 retainedFrom = head.value(2).toString().toULongLong();
    QStringList scopes = head.value(3).toString().split(u',', Qt::SkipEmptyParts);
    const QUuid me = QUuid::fromString(head.value(4).toString());
    scopes.sort();
    head.finish();

    ClientState state(m_local);
    const QString previous = state.value(kCursor);
    // Reload when this copy never synced, the server is another lineage
    // (a restore gets a new epoch: its xids start below our cursor), the
    // agent's scopes changed, or the change log no longer reaches back to
    // our cursor.
    const bool full = previous.isEmpty() || state.value(kEpoch) != epoch || state.value(kScopes) != scopes.join(u',')
                      || (!m_options.sequenceCursorForTests && snapshotXmin(previous) < retainedFrom);
    report.reset = full && !previous.isEmpty();

    QSqlQuery pragma(m_local);
    // The server keeps referential integrity; this copy holds the rows this
    // agent may read, whose references may point outside them.
    pragma.exec(QStringLiteral("PRAGMA foreign_keys = OFF"));
    // A reload writes millions of rows in one transaction: a larger page
    // cache keeps the indexes it updates in memory instead of re-reading
    // them from the write-ahead log.
    pragma.exec(QStringLiteral("PRAGMA cache_size"));
    const int cacheSize = pragma.next() ? pragma.value(0).toInt() : -16000;
    pragma.finish();
    if (full)
        pragma.exec(QStringLiteral("PRAGMA cache_size = -1048576")); // 1 GiB, for this pull only
    auto restorePragmas = qScopeGuard([this, cacheSize] {
        QSqlQuery q(m_local);
        q.exec(QStringLiteral("PRAGMA foreign_keys = ON"));
        // An integer read from SQLite itself.
        q.exec(QStringLiteral("PRAGMA cache_size = %1").arg(cacheSize));
    });

    QHash<QString, QSet<QByteArray>> touched;
    const qint64 previousSeq = state.value(kCursor + QStringLiteral(".seq")).toLongLong();
    qint64 lastSeq = previousSeq;
    auto applied = inTransaction(m_local, [&]() -> Result<void> {
        ChangeHub::noteFromSync(m_local); // announced as the sync's, not sent back
        // A reload: indexes and derived data are rebuilt once at the end.
        std::optional<BulkLoadSchema> bulk;
        m_reloading = full;
        auto notReloading = qScopeGuard([this] { m_reloading = false; });
        if (full) {
            bulk.emplace(m_local);
            if (auto r = bulk->suspend(); !r)
                return r;
        }
        if (full) {
            // Keep what the outbox still needs; everything else is reloaded.
            const auto &all = syncedEntities();
            for (auto it = all.crbegin(); it != all.crend(); ++it) {
                ChangeHub::noteTable(m_local, it->localTable);
                QSqlQuery q(m_local);
                // The registry's table name.
                if (!q.exec(QStringLiteral("DELETE FROM %1 WHERE id NOT IN (SELECT row_id FROM sync_outbox)")
                                .arg(it->localTable)))
                    return localFailure(q, QCoreApplication::translate("Sync", "clearing the local copy"));
            }
            for (const SyncedEntity &entity : all) {
                if (auto r = readRows(entity.entity, QString(), {}, nullptr, report); !r)
                    return r.error();
            }
            if (m_options.sequenceCursorForTests) {
                QSqlQuery q(m_server);
                if (!q.exec(QStringLiteral("SELECT coalesce(max(seq), 0) FROM sync.change")) || !q.next())
                    return serverFailure(q.lastError(), QCoreApplication::translate("Sync", "receiving changes"));
                lastSeq = q.value(0).toLongLong();
            }
        } else {
            QHash<QString, QSet<QString>> ids;
            for (const QString &scope : std::as_const(scopes)) {
                if (auto r = changedRows(scope, previous, previousSeq, ids, &lastSeq); !r)
                    return r.error();
            }
            QSqlQuery refetch(m_local);
            if (!refetch.exec(QStringLiteral("SELECT entity, row_id FROM sync_refetch")))
                return localFailure(refetch, QCoreApplication::translate("Sync", "receiving changes"));
            while (refetch.next())
                ids[refetch.value(0).toString()].insert(uuidToText(uuidFromBlob(refetch.value(1).toByteArray())));
            for (const SyncedEntity &entity : syncedEntities()) {
                if (entity.directory) {
                    if (auto r = readRows(entity.entity, QString(), {}, &touched[entity.entity], report); !r)
                        return r.error();
                    continue;
                }
                const QStringList wanted(ids.value(entity.entity).cbegin(), ids.value(entity.entity).cend());
                for (qsizetype i = 0; i < wanted.size(); i += m_options.pageSize) {
                    const QStringList page = wanted.mid(i, m_options.pageSize);
                    QSet<QByteArray> seen;
                    if (auto r = readRows(entity.entity, QStringLiteral("WHERE t.id = ANY (?::uuid[])"),
                                          {QStringLiteral("{%1}").arg(page.join(u','))}, &seen, report);
                        !r)
                        return r.error();
                    touched[entity.entity].unite(seen);
                    // Listed but not returned: out of this agent's reach now.
                    QSqlQuery remove(m_local);
                    remove.prepare(
                        QStringLiteral("DELETE FROM %1 WHERE id = ?").arg(entity.localTable)); // registry name
                    for (const QString &id : page) {
                        const QByteArray key = uuidToBlob(QUuid::fromString(id));
                        if (seen.contains(key))
                            continue;
                        remove.addBindValue(key);
                        if (!remove.exec())
                            return localFailure(remove,
                                                QCoreApplication::translate("Sync", "removing rows no longer shared"));
                        if (remove.numRowsAffected() > 0)
                            ChangeHub::note(m_local, entity.localTable, uuidFromBlob(key));
                        report.removed += remove.numRowsAffected();
                    }
                }
            }
        }
        if (bulk) {
            progress(SyncPhase::Rebuilding, 0);
            if (auto r = bulk->restore(); !r)
                return r;
        }
        if (auto r = rebaseOutbox(touched, full); !r)
            return r;
        // The SLA due times and business durations are the server's (its
        // clock, its calendars): they arrived with the tickets. A ticket with
        // changes of this copy not yet sent gets local figures on top, like
        // its other fields, until the server's answer comes back.
        SlaEngine sla(m_local);
        QSqlQuery unsent(m_local);
        if (!unsent.exec(
                QStringLiteral("SELECT DISTINCT row_id FROM sync_outbox WHERE entity = 'tickets' AND op = 'update'")))
            return localFailure(unsent, QCoreApplication::translate("Sync", "receiving changes"));
        const QSet<QByteArray> &changed = touched[QStringLiteral("ticket")];
        while (unsent.next()) {
            const QByteArray ticket = unsent.value(0).toByteArray();
            if (!full && !changed.contains(ticket))
                continue;
            if (auto r = sla.recompute(uuidFromBlob(ticket)); !r && r.error().code != Error::Code::NotFound)
                return r;
        }
        // A copy connected for the first time works as the server's agent.
        if (!me.isNull() && state.currentAgent().isNull()) {
            if (auto r = state.setCurrentAgent(me); !r)
                return r;
            ChangeHub::noteTable(m_local, QStringLiteral("client_state")); // the window shows who is signed in
        }
        QSqlQuery clear(m_local);
        if (!clear.exec(QStringLiteral("DELETE FROM sync_refetch")))
            return localFailure(clear, QCoreApplication::translate("Sync", "receiving changes"));
        for (const auto &[key, value] :
             {std::pair{kCursor, current}, std::pair{kEpoch, epoch}, std::pair{kScopes, scopes.join(u',')},
              std::pair{kCursor + QStringLiteral(".seq"), QString::number(lastSeq)},
              std::pair{kLastPull, QString::number(QDateTime::currentMSecsSinceEpoch())}}) {
            if (auto r = state.setValue(key, value); !r)
                return r;
        }
        return {};
    });
    if (!applied)
        return applied.error();
    report.cursor = current;
    QSqlQuery pending(m_local);
    if (pending.exec(QStringLiteral("SELECT count(*) FROM sync_outbox")) && pending.next())
        report.pending = pending.value(0).toInt();
    return report;
}

} // namespace madoguchi
