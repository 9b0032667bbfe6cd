#include "repositories/interactionrepository.h"

#include "domain/uuid.h"
#include "storage/changewriter.h"
#include "storage/rowcodec.h"
#include "storage/sqlite.h"
#include "storage/transaction.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

namespace madoguchi {

namespace {

const QString kSelect
    = QStringLiteral(
          "SELECT id, customer_id, ticket_id, agent_id, channel, direction, started_at, duration_s, wrap_up_s, "
          "outcome, callback_at, category, subject, notes, amends_id, details, %1 FROM interactions ")
          .arg(QLatin1String(rowcodec::kMetaColumns));

QString detailsJson(const QMap<QString, QString> &details)
{
    QJsonObject o;
    for (auto it = details.begin(); it != details.end(); ++it) {
        if (!it.value().trimmed().isEmpty())
            o.insert(it.key(), it.value().trimmed());
    }
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

Interaction read(const QSqlQuery &q)
{
    Interaction i;
    i.id = rowcodec::key(q.value(0));
    i.customerId = rowcodec::key(q.value(1));
    i.ticketId = rowcodec::key(q.value(2));
    i.agentId = rowcodec::key(q.value(3));
    i.channel = fromKey<Channel>(q.value(4).toString()).value_or(Channel::Phone);
    i.direction = fromKey<Direction>(q.value(5).toString()).value_or(Direction::Inbound);
    i.startedAt = rowcodec::time(q.value(6));
    i.durationSeconds = q.value(7).toInt();
    i.wrapUpSeconds = q.value(8).toInt();
    if (!q.value(9).isNull())
        i.outcome = fromKey<Outcome>(q.value(9).toString());
    i.callbackAt = rowcodec::optionalTime(q.value(10));
    i.category = q.value(11).toString();
    i.subject = q.value(12).toString();
    i.notes = q.value(13).toString();
    i.amendsId = rowcodec::key(q.value(14));
    const QJsonObject details = QJsonDocument::fromJson(q.value(15).toString().toUtf8()).object();
    for (auto it = details.begin(); it != details.end(); ++it)
        i.details.insert(it.key(), it.value().toString());
    i.meta = rowcodec::meta(q);
    return i;
}

} // namespace

InteractionRepository::InteractionRepository(QSqlDatabase db, QUuid actor)
    : m_db(std::move(db))
    , m_actor(actor)
{}

Result<QUuid> InteractionRepository::add(Interaction i)
{
    if (const auto errors = validate(i); !errors.isEmpty())
        return makeError(Error::Code::Invalid, joinMessages(errors));
    if (i.id.isNull())
        i.id = newUuidV7();
    const Columns columns{
        {QStringLiteral("customer_id"), keyValue(i.customerId)},
        {QStringLiteral("ticket_id"), keyValue(i.ticketId)},
        {QStringLiteral("agent_id"), keyValue(i.agentId)},
        {QStringLiteral("channel"), toKey(i.channel)},
        {QStringLiteral("direction"), toKey(i.direction)},
        {QStringLiteral("started_at"), timeValue(i.startedAt)},
        {QStringLiteral("duration_s"), i.durationSeconds},
        {QStringLiteral("wrap_up_s"), i.wrapUpSeconds},
        {QStringLiteral("outcome"), i.outcome ? QVariant(toKey(*i.outcome)) : sqlNull()},
        {QStringLiteral("callback_at"), rowcodec::optionalTimeValue(i.callbackAt)},
        {QStringLiteral("category"), i.category},
        {QStringLiteral("subject"), i.subject},
        {QStringLiteral("notes"), i.notes},
        {QStringLiteral("amends_id"), keyValue(i.amendsId)},
        {QStringLiteral("details"), detailsJson(i.details)},
    };
    const auto written = inTransaction(m_db, [&] {
        return ChangeWriter(m_db, m_actor).insert(QStringLiteral("interactions"), i.id, columns);
    });
    if (!written)
        return written.error();
    return i.id;
}

Result<Interaction> InteractionRepository::get(const QUuid &id) const
{
    QSqlQuery q(m_db);
    q.prepare(kSelect + QStringLiteral("WHERE id = ? AND deleted_at IS NULL"));
    q.addBindValue(keyValue(id));
    if (!q.exec())
        return sqlite::toError(q.lastError(), tr("reading the interaction"));
    if (!q.next())
        return makeError(Error::Code::NotFound, tr("The interaction no longer exists."));
    return read(q);
}

Result<QList<Interaction>> InteractionRepository::forCustomer(const QUuid &customerId, int limit) const
{
    QSqlQuery q(m_db);
    q.prepare(kSelect
              + QStringLiteral("WHERE customer_id = ? AND deleted_at IS NULL "
                               "ORDER BY started_at DESC, id DESC LIMIT ?"));
    q.addBindValue(keyValue(customerId));
    q.addBindValue(limit);
    if (!q.exec())
        return sqlite::toError(q.lastError(), tr("reading the customer's history"));
    QList<Interaction> out;
    while (q.next())
        out << read(q);
    return out;
}

} // namespace madoguchi
