#include "models/customertimelinemodel.h"

#include "common/timeformat.h"
#include "domain/uuid.h"
#include "storage/database.h"
#include "storage/rowcodec.h"
#include "storage/sqlite.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

namespace madoguchi {

CustomerTimelineModel::CustomerTimelineModel(const Database &database, QTimeZone timeZone, QObject *parent)
    : QAbstractListModel(parent)
    , m_database(database)
    , m_timeZone(std::move(timeZone))
{}

void CustomerTimelineModel::setCustomer(const QUuid &customerId)
{
    m_customer = customerId;
    refresh();
}

void CustomerTimelineModel::setChannelFilter(std::optional<Channel> channel)
{
    m_channel = channel;
    refresh();
}

void CustomerTimelineModel::refresh()
{
    m_changing = true;
    beginResetModel();
    m_entries.clear();
    m_lastError.clear();
    m_atEnd = true;
    if (auto names = EventNames::load(m_database.connection()))
        m_names = std::move(names).value();
    if (!m_customer.isNull()) {
        m_entries = loadPage(nullptr);
        m_atEnd = m_entries.size() < m_pageSize;
    }
    endResetModel();
    m_changing = false;
}

void CustomerTimelineModel::setTimeZone(const QTimeZone &zone)
{
    m_timeZone = zone;
    if (!m_entries.isEmpty())
        emit dataChanged(index(0), index(int(m_entries.size()) - 1));
}

QString CustomerTimelineModel::when(const Entry &e) const
{
    return compactDateTime(e.at, m_timeZone, QDateTime::currentDateTimeUtc(), true);
}

int CustomerTimelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

bool CustomerTimelineModel::canFetchMore(const QModelIndex &parent) const
{
    // No insertion while a reset or insertion is being announced (see CustomerListModel).
    return !parent.isValid() && !m_atEnd && !m_changing;
}

void CustomerTimelineModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    const QList<Entry> page = loadPage(&m_entries.constLast());
    m_atEnd = page.size() < m_pageSize;
    if (page.isEmpty())
        return;
    m_changing = true;
    beginInsertRows({}, int(m_entries.size()), int(m_entries.size() + page.size() - 1));
    m_entries += page;
    endInsertRows();
    m_changing = false;
}

QList<CustomerTimelineModel::Entry> CustomerTimelineModel::loadPage(const Entry *after)
{
    // Interactions and ticket events in one keyset-paged stream, newest
    // first; (at, id) orders rows with the same time.
    QString sql = QStringLiteral(
        "SELECT kind, at, id, channel, direction, outcome, duration_s, subject, notes, agent, number, field, old_value, new_value, details "
        "FROM (SELECT 0 AS kind, i.started_at AS at, i.id AS id, i.channel, i.direction, i.outcome, i.duration_s, i.subject, "
        "             i.notes, a.name AS agent, t.number, NULL AS field, NULL AS old_value, NULL AS new_value, i.details "
        "      FROM interactions i LEFT JOIN agents a ON a.id = i.agent_id LEFT JOIN tickets t ON t.id = i.ticket_id "
        "      WHERE i.customer_id = ? AND i.deleted_at IS NULL %1");
    if (!m_channel) {
        sql += QStringLiteral(
            "      UNION ALL "
            "      SELECT 1, e.at, e.id, NULL, NULL, NULL, NULL, NULL, NULL, a.name, t.number, e.field, e.old_value, e.new_value, NULL "
            "      FROM tickets t JOIN ticket_events e ON e.ticket_id = t.id LEFT JOIN agents a ON a.id = e.agent_id "
            "      WHERE t.customer_id = ? AND t.deleted_at IS NULL "
            "      UNION ALL "
            "      SELECT 2, m.at, m.id, NULL, NULL, NULL, NULL, NULL, NULL, a.name, NULL, 'merge', m.merged_name, m.moved_rows, NULL "
            "      FROM customer_merges m LEFT JOIN agents a ON a.id = m.created_by "
            "      WHERE m.survivor_id = ? AND m.deleted_at IS NULL");
    }
    sql += QStringLiteral(") %2 ORDER BY at DESC, id DESC LIMIT ?");
    sql = sql.arg(m_channel ? QStringLiteral("AND i.channel = ?") : QString(),
                  after ? QStringLiteral("WHERE (at, id) < (?, ?)") : QString());
    QSqlQuery q(m_database.connection());
    q.prepare(sql);
    const QVariant customer = uuidToBlob(m_customer);
    q.addBindValue(customer);
    if (m_channel) {
        q.addBindValue(toKey(*m_channel));
    } else {
        q.addBindValue(customer);
        q.addBindValue(customer);
    }
    if (after) {
        q.addBindValue(after->at.toMSecsSinceEpoch());
        q.addBindValue(QVariant(uuidToBlob(after->id)));
    }
    q.addBindValue(m_pageSize);
    QList<Entry> page;
    if (!q.exec()) {
        m_lastError = sqlite::toError(q.lastError(), tr("reading the customer's history")).message;
        return page;
    }
    while (q.next()) {
        Entry e;
        e.kind = Kind(q.value(0).toInt());
        e.at = rowcodec::time(q.value(1));
        e.id = rowcodec::key(q.value(2));
        e.channel = fromKey<Channel>(q.value(3).toString()).value_or(Channel::Phone);
        e.direction = fromKey<Direction>(q.value(4).toString()).value_or(Direction::Inbound);
        if (!q.value(5).isNull())
            e.outcome = fromKey<Outcome>(q.value(5).toString());
        e.durationSeconds = q.value(6).toInt();
        e.subject = q.value(7).toString();
        e.notes = q.value(8).toString();
        e.agent = q.value(9).toString();
        e.ticketNumber = q.value(10).toString();
        e.field = q.value(11).toString();
        e.oldValue = q.value(12).toString();
        e.newValue = q.value(13).toString();
        const QJsonObject details = QJsonDocument::fromJson(q.value(14).toString().toUtf8()).object();
        for (auto it = details.begin(); it != details.end(); ++it)
            e.details << it.value().toString();
        page << e;
    }
    return page;
}

QString CustomerTimelineModel::title(const Entry &e, const EventNames &names)
{
    if (e.kind == Kind::Merge)
        return tr("Merged the duplicate record “%1” into this customer (%n item(s) moved)", nullptr, e.newValue.toInt())
            .arg(e.oldValue);
    if (e.kind == Kind::TicketEvent) {
        if (e.field == u"created")
            return tr("Ticket %1 created").arg(e.ticketNumber);
        return tr("Ticket %1: %2").arg(e.ticketNumber, describeTicketEvent(e.field, e.oldValue, e.newValue, names));
    }
    QStringList parts{displayName(e.channel), displayName(e.direction)};
    if (e.outcome)
        parts << displayName(*e.outcome);
    if (e.durationSeconds > 0)
        parts << clockDuration(e.durationSeconds);
    if (!e.ticketNumber.isEmpty())
        parts << tr("ticket %1").arg(e.ticketNumber);
    return parts.join(QStringLiteral(" · "));
}

QString CustomerTimelineModel::detail(const Entry &e)
{
    if (e.kind != Kind::Interaction)
        return e.agent;
    QStringList parts;
    if (!e.subject.isEmpty())
        parts << e.subject;
    parts += e.details;
    if (!e.notes.isEmpty())
        parts << e.notes;
    return parts.join(QStringLiteral(" — "));
}

QVariant CustomerTimelineModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &e = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole: return QStringLiteral("%1  %2").arg(when(e), title(e, m_names));
    case WhenRole: return when(e);
    case Qt::ToolTipRole: return detail(e);
    case KindRole: return int(e.kind);
    case TimeRole: return e.at.toTimeZone(m_timeZone);
    case TitleRole: return title(e, m_names);
    case DetailRole: return detail(e);
    case TicketNumberRole: return e.ticketNumber;
    case IdRole: return QVariant::fromValue(e.id);
    }
    return {};
}

} // namespace madoguchi
