#include "repositories/ticketrepository.h"

#include "domain/uuid.h"
#include "storage/changewriter.h"
#include "storage/rowcodec.h"
#include "storage/sqlite.h"
#include "storage/transaction.h"

#include <QSqlQuery>

namespace madoguchi {

namespace {

const QString kSelect
    = QStringLiteral("SELECT id, number, customer_id, subject, description, status, priority, category, tags, channel, "
                     "assignee_id, team_id, escalation_level, escalation_reason, first_response_due, resolution_due, "
                     "first_responded_at, solved_at, closed_at, reopen_count, sla_policy_id, %1 FROM tickets ")
          .arg(QLatin1String(rowcodec::kMetaColumns));

Ticket read(const QSqlQuery &q)
{
    Ticket t;
    t.id = rowcodec::key(q.value(0));
    t.number = q.value(1).toString();
    t.customerId = rowcodec::key(q.value(2));
    t.subject = q.value(3).toString();
    t.description = q.value(4).toString();
    t.status = fromKey<TicketStatus>(q.value(5).toString()).value_or(TicketStatus::New);
    t.priority = fromKey<Priority>(q.value(6).toString()).value_or(Priority::Normal);
    t.category = q.value(7).toString();
    t.tags = rowcodec::tags(q.value(8));
    t.channel = fromKey<Channel>(q.value(9).toString()).value_or(Channel::Phone);
    t.assigneeId = rowcodec::key(q.value(10));
    t.teamId = rowcodec::key(q.value(11));
    t.escalationLevel = q.value(12).toInt();
    t.escalationReason = q.value(13).toString();
    t.firstResponseDue = rowcodec::optionalTime(q.value(14));
    t.resolutionDue = rowcodec::optionalTime(q.value(15));
    t.firstRespondedAt = rowcodec::optionalTime(q.value(16));
    t.solvedAt = rowcodec::optionalTime(q.value(17));
    t.closedAt = rowcodec::optionalTime(q.value(18));
    t.reopenCount = q.value(19).toInt();
    t.slaPolicyId = rowcodec::key(q.value(20));
    t.meta = rowcodec::meta(q);
    return t;
}

Columns eventColumns(const TicketEvent &e)
{
    return {
        {QStringLiteral("ticket_id"), keyValue(e.ticketId)},
        {QStringLiteral("agent_id"), keyValue(e.agentId)},
        {QStringLiteral("at"), timeValue(e.at)},
        {QStringLiteral("field"), e.field},
        {QStringLiteral("old_value"), e.oldValue.isNull() ? sqlNull() : QVariant(e.oldValue)},
        {QStringLiteral("new_value"), e.newValue.isNull() ? sqlNull() : QVariant(e.newValue)},
    };
}

} // namespace

TicketRepository::TicketRepository(QSqlDatabase db, QUuid actor)
    : m_db(std::move(db))
    , m_actor(actor)
{}

Result<QUuid> TicketRepository::add(Ticket t)
{
    if (const auto errors = validate(t); !errors.isEmpty())
        return makeError(Error::Code::Invalid, joinMessages(errors));
    if (t.id.isNull())
        t.id = newUuidV7();
    const Columns columns{
        {QStringLiteral("number"), t.number},
        {QStringLiteral("customer_id"), keyValue(t.customerId)},
        {QStringLiteral("subject"), t.subject.trimmed()},
        {QStringLiteral("description"), t.description},
        {QStringLiteral("status"), toKey(t.status)},
        {QStringLiteral("priority"), toKey(t.priority)},
        {QStringLiteral("category"), t.category},
        {QStringLiteral("tags"), rowcodec::tagsJson(t.tags)},
        {QStringLiteral("channel"), toKey(t.channel)},
        {QStringLiteral("assignee_id"), keyValue(t.assigneeId)},
        {QStringLiteral("team_id"), keyValue(t.teamId)},
        {QStringLiteral("escalation_level"), t.escalationLevel},
        {QStringLiteral("escalation_reason"), t.escalationReason},
        {QStringLiteral("first_response_due"), rowcodec::optionalTimeValue(t.firstResponseDue)},
        {QStringLiteral("resolution_due"), rowcodec::optionalTimeValue(t.resolutionDue)},
        {QStringLiteral("first_responded_at"), rowcodec::optionalTimeValue(t.firstRespondedAt)},
        {QStringLiteral("solved_at"), rowcodec::optionalTimeValue(t.solvedAt)},
        {QStringLiteral("closed_at"), rowcodec::optionalTimeValue(t.closedAt)},
        {QStringLiteral("reopen_count"), t.reopenCount},
        {QStringLiteral("sla_policy_id"), keyValue(t.slaPolicyId)},
    };
    TicketEvent created;
    created.ticketId = t.id;
    created.agentId = m_actor;
    created.at = QDateTime::currentDateTimeUtc();
    created.field = QStringLiteral("created");
    created.newValue = toKey(t.status);
    const auto written = inTransaction(m_db, [&]() -> Result<void> {
        ChangeWriter writer(m_db, m_actor);
        if (auto r = writer.insert(QStringLiteral("tickets"), t.id, columns); !r)
            return r;
        return writer.insert(QStringLiteral("ticket_events"), newUuidV7(), eventColumns(created));
    });
    if (!written)
        return written.error();
    return t.id;
}

Result<Ticket> TicketRepository::readOne(const QString &where, const QVariant &value) const
{
    QSqlQuery q(m_db);
    q.prepare(kSelect + where);
    q.addBindValue(value);
    if (!q.exec())
        return sqlite::toError(q.lastError(), tr("reading the ticket"));
    if (!q.next())
        return makeError(Error::Code::NotFound, tr("The ticket does not exist."));
    return read(q);
}

Result<Ticket> TicketRepository::get(const QUuid &id) const
{
    return readOne(QStringLiteral("WHERE id = ? AND deleted_at IS NULL"), keyValue(id));
}

Result<Ticket> TicketRepository::byNumber(const QString &number) const
{
    return readOne(QStringLiteral("WHERE number = ? AND deleted_at IS NULL"), number.trimmed().toUpper());
}

Result<QList<Ticket>> TicketRepository::openAssignedTo(const QUuid &agent) const
{
    QSqlQuery q(m_db);
    q.prepare(kSelect
              + QStringLiteral("WHERE assignee_id = ? AND status NOT IN ('solved', 'closed') AND deleted_at IS NULL "
                               "ORDER BY created_at, id"));
    q.addBindValue(keyValue(agent));
    if (!q.exec())
        return sqlite::toError(q.lastError(), tr("reading the tickets"));
    QList<Ticket> out;
    while (q.next())
        out.append(read(q));
    return out;
}

Result<QList<TicketEvent>> TicketRepository::events(const QUuid &ticketId) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id, ticket_id, agent_id, at, field, old_value, new_value, %1 "
                             "FROM ticket_events WHERE ticket_id = ? ORDER BY at, rowid")
                  .arg(QLatin1String(rowcodec::kMetaColumns)));
    q.addBindValue(keyValue(ticketId));
    if (!q.exec())
        return sqlite::toError(q.lastError(), tr("reading the ticket history"));
    QList<TicketEvent> out;
    while (q.next()) {
        out.append({rowcodec::key(q.value(0)), rowcodec::key(q.value(1)), rowcodec::key(q.value(2)),
                    rowcodec::time(q.value(3)), q.value(4).toString(), q.value(5).toString(), q.value(6).toString(),
                    rowcodec::meta(q)});
    }
    return out;
}

Result<QUuid> TicketRepository::appendEvent(TicketEvent event)
{
    if (event.id.isNull())
        event.id = newUuidV7();
    if (auto r = inTransaction(m_db,
                               [&] {
                                   return ChangeWriter(m_db, m_actor)
                                       .insert(QStringLiteral("ticket_events"), event.id, eventColumns(event));
                               });
        !r)
        return r.error();
    return event.id;
}

} // namespace madoguchi
