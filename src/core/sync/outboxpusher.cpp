#include "sync/outboxpusher.h"

#include "domain/uuid.h"
#include "storage/clientstate.h"
#include "storage/syncentities.h"
#include "storage/transaction.h"
#include "sync/syncsession.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

namespace madoguchi {

namespace {

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

// The outbox's forms of a change (its column `wire`): every column the
// server has, as changes were sent before schema version 14; or without the
// server's own columns. A change keeps the form it was written in: the
// server fingerprints each change, and one sent again after a cut must be
// the same, also across an upgrade.
constexpr int kWireEveryColumn = 1;

// An outbox payload (JSON text) as the server's columns take it; columns the
// server does not have are left out, and so are its own unless the change
// is of the older form.
QJsonObject toServer(const QString &json, const SyncedEntity &entity, const EntityColumns &columns, int wire)
{
    QJsonObject out;
    const QJsonObject in = QJsonDocument::fromJson(json.toUtf8()).object();
    for (auto it = in.begin(); it != in.end(); ++it) {
        const auto kind = columns.serverKinds.constFind(it.key());
        if (kind == columns.serverKinds.cend() || (wire != kWireEveryColumn && isServerColumn(entity, it.key())))
            continue;
        out.insert(it.key(), valuecodec::serverValue(it.value(), kind.value()));
    }
    return out;
}

// One batch read from the outbox, as sent.
struct Batch
{
    QJsonArray mutations;
    QHash<qint64, std::pair<QString, QByteArray>> rows; // mutation id → entity, row
    qint64 last = 0;                                    // the highest mutation id
};

// The oldest changes of the outbox, up to a batch, as the server takes them.
Result<Batch> readBatch(const SyncSession &session)
{
    QSqlQuery outbox(session.local);
    outbox.prepare(
        QStringLiteral("SELECT mutation_id, entity, row_id, op, payload, base, created_at, wire FROM sync_outbox "
                       "ORDER BY mutation_id LIMIT ?"));
    outbox.addBindValue(session.options.pushBatch);
    if (!outbox.exec())
        return SyncSession::localFailure(outbox, SyncText::tr("reading the changes to send"));
    const QList<ClockOffset> offsets = clockOffsets(ClientState(session.local).value(kClockOffsets));
    Batch batch;
    while (outbox.next()) {
        const qint64 id = outbox.value(0).toLongLong();
        const SyncedEntity *entity = entityForTable(outbox.value(1).toString());
        const auto found = entity ? session.columns.constFind(entity->entity) : session.columns.cend();
        if (found == session.columns.cend())
            return makeError(Error::Code::Database, SyncText::tr("A change waiting to be sent names an unknown table."));
        const EntityColumns &columns = found.value();
        const QByteArray row = outbox.value(2).toByteArray();
        const int wire = outbox.value(7).toInt();
        QJsonObject m{{QStringLiteral("id"), id},
                      {QStringLiteral("entity"), entity->entity},
                      {QStringLiteral("op"), outbox.value(3).toString()},
                      {QStringLiteral("row"), uuidToText(uuidFromBlob(row))},
                      {QStringLiteral("payload"), toServer(outbox.value(4).toString(), *entity, columns, wire)}};
        if (!outbox.value(5).isNull())
            m.insert(QStringLiteral("base"), toServer(outbox.value(5).toString(), *entity, columns, wire));
        // When the agent made it, by this machine's clock, and that clock's
        // offset then: the server takes true times of offline work from them.
        m.insert(QStringLiteral("at"), outbox.value(6).toLongLong());
        m.insert(QStringLiteral("offset"), offsetFor(offsets, id));
        batch.mutations.append(m);
        batch.rows.insert(id, {entity->entity, row});
        batch.last = id;
    }
    return batch;
}

// The server has committed: the acknowledged changes leave the outbox, and
// rows it did not write as sent are read again at the next pull.
Result<void> acknowledge(const QSqlDatabase &local, const Batch &batch, const QHash<qint64, QString> &outcomes,
                         SyncReport &report)
{
    return inTransaction(local, [&]() -> Result<void> {
        QSqlQuery refetch(local);
        refetch.prepare(QStringLiteral("INSERT OR IGNORE INTO sync_refetch (entity, row_id) VALUES (?, ?)"));
        for (auto it = outcomes.cbegin(); it != outcomes.cend(); ++it) {
            const QString &status = it.value();
            report.pushed += 1;
            report.merged += status == u"merged";
            report.conflicts += status == u"conflict";
            report.rejected += status == u"rejected";
            if (status == u"applied" || !batch.rows.contains(it.key()))
                continue;
            refetch.addBindValue(batch.rows.value(it.key()).first);
            refetch.addBindValue(batch.rows.value(it.key()).second);
            if (!refetch.exec())
                return SyncSession::localFailure(refetch, SyncText::tr("recording the server's answer"));
        }
        QSqlQuery remove(local);
        remove.prepare(QStringLiteral("DELETE FROM sync_outbox WHERE mutation_id <= ?"));
        remove.addBindValue(batch.last);
        if (!remove.exec())
            return SyncSession::localFailure(remove, SyncText::tr("recording the server's answer"));
        return {};
    });
}

} // namespace

Result<void> OutboxPusher::push(SyncReport &report)
{
    m_sent = 0;
    if (auto r = measureClock(); !r)
        return r;
    for (bool more = true; more;) {
        if (auto r = pushBatch(report, more); !r)
            return r;
    }
    return {};
}

Result<void> OutboxPusher::measureClock()
{
    const SyncOptions &options = m_session.options;
    auto clock = [&options] {
        return options.clockForTests ? options.clockForTests() : QDateTime::currentMSecsSinceEpoch();
    };
    const auto client = SyncEngine::clientId(m_session.local);
    if (!client)
        return client.error();
    // The sync says hello: the server notes the contact (the start of any
    // offline stretch that follows) and answers with its clock.
    QSqlQuery q(m_session.server);
    q.prepare(QStringLiteral("SELECT sync.hello_v1(?::uuid, ?, ?)"));
    q.addBindValue(uuidToText(client.value()));
    q.addBindValue(SyncEngine::kProtocolVersion);
    q.addBindValue(QCoreApplication::applicationVersion());
    const qint64 sent = clock();
    if (!q.exec() || !q.next())
        return m_session.serverFailure(q.lastError(), SyncText::tr("comparing clocks with the server"));
    const qint64 received = clock();
    // As NTP does: the server read its clock about halfway through the round trip.
    const qint64 offset = q.value(0).toLongLong() - (sent + received) / 2;
    QSqlQuery last(m_session.local);
    if (!last.exec(QStringLiteral("SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'sync_outbox'), 0), "
                                  "coalesce((SELECT min(mutation_id) FROM sync_outbox), 0)"))
        || !last.next())
        return SyncSession::localFailure(last, SyncText::tr("comparing clocks with the server"));
    const qint64 after = last.value(0).toLongLong();
    const qint64 oldestUnsent = last.value(1).toLongLong();
    ClientState state(m_session.local);
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

Result<void> OutboxPusher::pushBatch(SyncReport &report, bool &more)
{
    more = false;
    const auto client = SyncEngine::clientId(m_session.local);
    if (!client)
        return client.error();
    const auto batch = readBatch(m_session);
    if (!batch)
        return batch.error();
    if (batch->mutations.isEmpty())
        return {};
    m_session.report(SyncPhase::Pushing, m_sent);

    QSqlQuery q(m_session.server);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT mutation_id, status FROM sync.push_v1(?::uuid, ?, ?, ?::jsonb)"));
    q.addBindValue(uuidToText(client.value()));
    q.addBindValue(SyncEngine::kProtocolVersion);
    q.addBindValue(QCoreApplication::applicationVersion());
    q.addBindValue(QString::fromUtf8(QJsonDocument(batch->mutations).toJson(QJsonDocument::Compact)));
    if (!q.exec())
        return m_session.serverFailure(q.lastError(), SyncText::tr("sending changes"));
    QHash<qint64, QString> outcomes;
    while (q.next())
        outcomes.insert(q.value(0).toLongLong(), q.value(1).toString());
    q.finish();

    if (auto r = acknowledge(m_session.local, batch.value(), outcomes, report); !r)
        return r;
    if (outcomes.size() != batch->mutations.size()) {
        return makeError(Error::Code::Database, SyncText::tr("The server answered %1 of %2 changes sent.")
                                                    .arg(outcomes.size())
                                                    .arg(batch->mutations.size()));
    }
    m_sent += batch->mutations.size();
    more = batch->mutations.size() == m_session.options.pushBatch;
    return {};
}

} // namespace madoguchi
