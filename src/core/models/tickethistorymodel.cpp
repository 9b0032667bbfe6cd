#include "models/tickethistorymodel.h"

#include "common/timeformat.h"
#include "domain/categories.h"
#include "domain/uuid.h"
#include "services/ticketservice.h"
#include "storage/changewriter.h"
#include "storage/database.h"
#include "storage/rowcodec.h"
#include "storage/sqlite.h"

#include <QCoreApplication>
#include <QLocale>
#include <QSqlQuery>

namespace madoguchi {

namespace {

// The translation context "TicketHistory" (a ticket's history).
struct TicketHistoryText
{
    Q_DECLARE_TR_FUNCTIONS(TicketHistory)
};

template<typename E>
QString enumText(const QString &key)
{
    const auto value = fromKey<E>(key);
    return value ? displayName(*value) : key;
}

QString orNone(const QString &text)
{
    return text.isEmpty() ? TicketHistoryText::tr("(none)") : text;
}

} // namespace

Result<EventNames> EventNames::load(QSqlDatabase db)
{
    EventNames names;
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT id, name FROM agents UNION ALL SELECT id, name FROM teams "
                               "UNION ALL SELECT id, name FROM sla_policies")))
        return sqlite::toError(q.lastError(), TicketHistoryText::tr("reading names"));
    while (q.next())
        names.m_names.insert(uuidToText(rowcodec::key(q.value(0))), q.value(1).toString());
    return names;
}

QString EventNames::name(const QString &uuidText) const
{
    return m_names.value(uuidText, uuidText);
}

QString describeTicketEvent(const QString &field, const QString &oldValue, const QString &newValue,
                            const EventNames &names)
{
    if (field == u"created")
        return TicketHistoryText::tr("Created as %1").arg(enumText<TicketStatus>(newValue));
    if (field == u"status")
        return TicketHistoryText::tr("Status %1 → %2")
            .arg(enumText<TicketStatus>(oldValue), enumText<TicketStatus>(newValue));
    if (field == u"priority")
        return TicketHistoryText::tr("Priority %1 → %2").arg(enumText<Priority>(oldValue), enumText<Priority>(newValue));
    if (field == u"assignee_id")
        return newValue.isEmpty() ? TicketHistoryText::tr("Unassigned (was %1)").arg(names.name(oldValue))
                                  : TicketHistoryText::tr("Assigned to %1").arg(names.name(newValue));
    if (field == u"team_id")
        return newValue.isEmpty() ? TicketHistoryText::tr("Removed from team %1").arg(names.name(oldValue))
                                  : TicketHistoryText::tr("Moved to team %1").arg(names.name(newValue));
    if (field == u"escalation_level") {
        const int from = oldValue.toInt();
        const int to = newValue.toInt();
        return (to > from ? TicketHistoryText::tr("Escalated to %1") : TicketHistoryText::tr("De-escalated to %1"))
            .arg(TicketService::escalationLevelName(to));
    }
    if (field == u"escalation_reason")
        return TicketHistoryText::tr("Escalation reason: %1").arg(orNone(newValue));
    if (field == u"tags")
        return TicketHistoryText::tr("Tags: %1").arg(orNone(newValue));
    if (field == u"sla_policy_id")
        return TicketHistoryText::tr("SLA policy: %1").arg(names.name(newValue));
    if (field == u"reopen_count")
        return TicketHistoryText::tr("Reopened (time %1)").arg(newValue);
    if (field == u"channel")
        return TicketHistoryText::tr("Channel %1 → %2").arg(enumText<Channel>(oldValue), enumText<Channel>(newValue));
    if (field == u"subject")
        return TicketHistoryText::tr("Subject “%1” → “%2”").arg(oldValue, newValue);
    if (field == u"description")
        return TicketHistoryText::tr("Description changed");
    if (field == u"category")
        return TicketHistoryText::tr("Category %1 → %2")
            .arg(orNone(oldValue.isEmpty() ? QString() : categoryDisplayName(oldValue)),
                 orNone(newValue.isEmpty() ? QString() : categoryDisplayName(newValue)));
    return TicketHistoryText::tr("%1: %2 → %3").arg(field, orNone(oldValue), orNone(newValue));
}

TicketHistoryModel::TicketHistoryModel(const Database &database, QTimeZone timeZone, QObject *parent)
    : QAbstractListModel(parent)
    , m_database(database)
    , m_timeZone(std::move(timeZone))
{}

void TicketHistoryModel::setTicket(const QUuid &ticketId)
{
    m_ticket = ticketId;
    refresh();
}

void TicketHistoryModel::refresh()
{
    beginResetModel();
    m_entries.clear();
    m_lastError.clear();
    const auto names = EventNames::load(m_database.connection());
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral(
        "SELECT at, agent, field, old_value, new_value, channel, direction, subject, notes FROM ("
        "  SELECT e.at, e.rowid AS seq, a.name AS agent, e.field, e.old_value, e.new_value, NULL AS channel, NULL AS direction, "
        "         NULL AS subject, NULL AS notes FROM ticket_events e LEFT JOIN agents a ON a.id = e.agent_id "
        "  WHERE e.ticket_id = ? AND e.deleted_at IS NULL "
        "  UNION ALL "
        "  SELECT i.started_at, i.rowid, a.name, '', NULL, NULL, i.channel, i.direction, i.subject, i.notes "
        "  FROM interactions i LEFT JOIN agents a ON a.id = i.agent_id WHERE i.ticket_id = ? AND i.deleted_at IS NULL"
        ") ORDER BY at DESC, seq DESC"));
    q.addBindValue(keyValue(m_ticket));
    q.addBindValue(keyValue(m_ticket));
    if (!names || !q.exec()) {
        m_lastError = names ? sqlite::toError(q.lastError(), tr("reading the ticket history")).message
                            : names.error().message;
    } else {
        while (q.next()) {
            Entry e;
            e.at = rowcodec::time(q.value(0));
            e.agent = q.value(1).toString();
            e.field = q.value(2).toString();
            if (e.field.isEmpty()) {
                QStringList parts{enumText<Channel>(q.value(5).toString()), enumText<Direction>(q.value(6).toString())};
                for (int c : {7, 8}) {
                    if (const QString text = q.value(c).toString().simplified(); !text.isEmpty())
                        parts << text;
                }
                e.description = parts.join(QStringLiteral(" · "));
            } else {
                e.description = describeTicketEvent(e.field, q.value(3).toString(), q.value(4).toString(),
                                                    names.value());
            }
            m_entries.append(std::move(e));
        }
    }
    endResetModel();
}

void TicketHistoryModel::setTimeZone(const QTimeZone &zone)
{
    m_timeZone = zone;
    if (!m_entries.isEmpty())
        emit dataChanged(index(0), index(int(m_entries.size()) - 1));
}

int TicketHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant TicketHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &e = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return tr("%1  %2 — %3")
            .arg(compactDateTime(e.at, m_timeZone, QDateTime::currentDateTimeUtc(), true), e.description,
                 e.agent.isEmpty() ? tr("system") : e.agent);
    case TimeRole: return e.at.toTimeZone(m_timeZone);
    case AgentRole: return e.agent;
    case DescriptionRole: return e.description;
    case FieldRole: return e.field;
    }
    return {};
}

} // namespace madoguchi
