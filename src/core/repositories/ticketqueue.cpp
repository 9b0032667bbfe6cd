#include "repositories/ticketqueue.h"

#include "domain/uuid.h"
#include "storage/changewriter.h"
#include "storage/sqlite.h"
#include "storage/transaction.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

namespace madoguchi {

namespace {

// The translation context "Queue" (the ticket queues).
struct QueueText
{
    Q_DECLARE_TR_FUNCTIONS(Queue)
};

constexpr std::array<const char *, kQueueCount> kQueueKeys{"mine",    "unassigned", "breaching", "escalated",
                                                           "waiting", "solved",     "all"};

// Spelled exactly as in the partial indexes' WHERE clauses, so that SQLite
// can use them.
const QString kActive = QStringLiteral("t.deleted_at IS NULL AND t.status NOT IN ('solved', 'closed')");

template<typename E>
QJsonArray keysOf(const QList<E> &values)
{
    QJsonArray out;
    for (E v : values)
        out.append(toKey(v));
    return out;
}

template<typename E>
QList<E> valuesOf(const QJsonValue &json)
{
    QList<E> out;
    for (const QJsonValue &v : json.toArray()) {
        if (const auto e = fromKey<E>(v.toString()))
            out.append(*e);
    }
    return out;
}

template<typename E>
void addIn(SqlCondition &c, const QString &column, const QList<E> &values)
{
    if (values.isEmpty())
        return;
    QStringList marks;
    for (E v : values) {
        marks << QStringLiteral("?");
        c.values << toKey(v);
    }
    c.sql += QStringLiteral(" AND %1 IN (%2)").arg(column, marks.join(QLatin1Char(',')));
}

QString likeEscaped(QString text)
{
    text.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    text.replace(QLatin1Char('%'), QLatin1String("\\%"));
    text.replace(QLatin1Char('_'), QLatin1String("\\_"));
    return text;
}

} // namespace

QString queueName(Queue queue)
{
    switch (queue) {
    case Queue::Mine: return QueueText::tr("My open tickets");
    case Queue::Unassigned: return QueueText::tr("Unassigned");
    case Queue::BreachingSoon: return QueueText::tr("Breaching soon");
    case Queue::Escalated: return QueueText::tr("Escalated to me or my team");
    case Queue::Waiting: return QueueText::tr("Pending and on hold");
    case Queue::RecentlySolved: return QueueText::tr("Recently solved");
    case Queue::All: return QueueText::tr("All tickets");
    }
    return {};
}

QString queueKey(Queue queue)
{
    return QString::fromLatin1(kQueueKeys[std::size_t(queue)]);
}

std::optional<Queue> queueFromKey(const QString &key)
{
    for (std::size_t i = 0; i < kQueueKeys.size(); ++i) {
        if (key == QLatin1String(kQueueKeys[i]))
            return Queue(i);
    }
    return std::nullopt;
}

QJsonObject TicketFilter::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("queue"), queueKey(queue));
    if (!statuses.isEmpty())
        o.insert(QStringLiteral("statuses"), keysOf(statuses));
    if (!priorities.isEmpty())
        o.insert(QStringLiteral("priorities"), keysOf(priorities));
    if (!channels.isEmpty())
        o.insert(QStringLiteral("channels"), keysOf(channels));
    if (!assignee.isNull())
        o.insert(QStringLiteral("assignee"), uuidToText(assignee));
    if (!team.isNull())
        o.insert(QStringLiteral("team"), uuidToText(team));
    if (!category.isEmpty())
        o.insert(QStringLiteral("category"), category);
    if (!tag.isEmpty())
        o.insert(QStringLiteral("tag"), tag);
    if (!text.isEmpty())
        o.insert(QStringLiteral("text"), text);
    return o;
}

TicketFilter TicketFilter::fromJson(const QJsonObject &o)
{
    TicketFilter f;
    f.queue = queueFromKey(o.value(QStringLiteral("queue")).toString()).value_or(Queue::All);
    f.statuses = valuesOf<TicketStatus>(o.value(QStringLiteral("statuses")));
    f.priorities = valuesOf<Priority>(o.value(QStringLiteral("priorities")));
    f.channels = valuesOf<Channel>(o.value(QStringLiteral("channels")));
    f.assignee = QUuid(o.value(QStringLiteral("assignee")).toString());
    f.team = QUuid(o.value(QStringLiteral("team")).toString());
    f.category = o.value(QStringLiteral("category")).toString();
    f.tag = o.value(QStringLiteral("tag")).toString();
    f.text = o.value(QStringLiteral("text")).toString();
    return f;
}

SqlCondition queueCondition(const TicketFilter &filter, const QueueContext &context)
{
    SqlCondition c;
    switch (filter.queue) {
    case Queue::Mine:
        c.sql = kActive + QStringLiteral(" AND t.assignee_id = ?");
        c.values << keyValue(context.agent);
        break;
    case Queue::Unassigned: c.sql = kActive + QStringLiteral(" AND t.assignee_id IS NULL"); break;
    case Queue::BreachingSoon:
        // sla_sort holds the next due time of running tickets only.
        c.sql = kActive + QStringLiteral(" AND t.sla_sort < ?");
        c.values << context.now.addSecs(QueueContext::kBreachingWindowMinutes * 60).toMSecsSinceEpoch();
        break;
    case Queue::Escalated:
        c.sql = kActive + QStringLiteral(" AND t.escalation_level > 0 AND (t.assignee_id = ? OR t.team_id = ?)");
        c.values << keyValue(context.agent) << keyValue(context.team);
        break;
    case Queue::Waiting: c.sql = QStringLiteral("t.deleted_at IS NULL AND t.status IN ('pending', 'on_hold')"); break;
    case Queue::RecentlySolved:
        // A week of solves is a small share of all tickets: telling the planner
        // so makes it read the solved_at range and sort it, rather than walk a
        // whole sort index to find the few recent rows.
        c.sql = QStringLiteral("t.deleted_at IS NULL AND likelihood(t.solved_at >= ?, 0.01)");
        c.values << context.now.addDays(-QueueContext::kRecentlySolvedDays).toMSecsSinceEpoch();
        break;
    case Queue::All: c.sql = QStringLiteral("t.deleted_at IS NULL"); break;
    }
    addIn(c, QStringLiteral("t.status"), filter.statuses);
    addIn(c, QStringLiteral("t.priority"), filter.priorities);
    addIn(c, QStringLiteral("t.channel"), filter.channels);
    if (!filter.assignee.isNull()) {
        c.sql += QStringLiteral(" AND t.assignee_id = ?");
        c.values << keyValue(filter.assignee);
    }
    if (!filter.team.isNull()) {
        c.sql += QStringLiteral(" AND t.team_id = ?");
        c.values << keyValue(filter.team);
    }
    if (!filter.category.isEmpty()) {
        c.sql += QStringLiteral(" AND t.category = ?");
        c.values << filter.category;
    }
    if (!filter.tag.isEmpty()) {
        c.sql += QStringLiteral(" AND EXISTS (SELECT 1 FROM json_each(t.tags) WHERE json_each.value = ?)");
        c.values << filter.tag;
    }
    if (const QString text = filter.text.trimmed(); !text.isEmpty()) {
        c.sql += QStringLiteral(" AND (t.number = ? OR t.subject LIKE ? ESCAPE '\\')");
        c.values << text.toUpper() << QStringLiteral("%%1%").arg(likeEscaped(text));
    }
    if (filter.subset) {
        c.sql += QStringLiteral(" AND (%1)").arg(filter.subset->condition.sql);
        c.values += filter.subset->condition.values;
    }
    return c;
}

Result<int> countTickets(QSqlDatabase db, const TicketFilter &filter, const QueueContext &context)
{
    const SqlCondition c = queueCondition(filter, context);
    QSqlQuery q(db);
    // c.sql is made of this file's fixed fragments; every value in it is bound.
    // Every live ticket, unfiltered: the total the triggers keep.
    const bool everything = filter == TicketFilter{};
    q.prepare(everything ? QStringLiteral("SELECT live FROM ticket_totals")
                         : QStringLiteral("SELECT count(*) FROM tickets t WHERE ") + c.sql);
    if (!everything) {
        for (const QVariant &v : c.values)
            q.addBindValue(v);
    }
    if (!q.exec() || !q.next())
        return sqlite::toError(q.lastError(), QueueText::tr("counting the tickets"));
    return q.value(0).toInt();
}

Result<QList<int>> queueCounts(QSqlDatabase db, const QueueContext &context)
{
    QList<int> out;
    for (int i = 0; i < kQueueCount; ++i) {
        TicketFilter f;
        f.queue = Queue(i);
        const auto n = countTickets(db, f, context);
        if (!n)
            return n.error();
        out << n.value();
    }
    return out;
}

Result<QList<SavedFilter>> savedFilters(QSqlDatabase db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT id, name, definition FROM saved_filters ORDER BY name, id")))
        return sqlite::toError(q.lastError(), QueueText::tr("reading the saved filters"));
    QList<SavedFilter> out;
    while (q.next())
        out.append({q.value(0).toLongLong(), q.value(1).toString(),
                    TicketFilter::fromJson(QJsonDocument::fromJson(q.value(2).toString().toUtf8()).object())});
    return out;
}

Result<qint64> saveFilter(QSqlDatabase db, const QString &name, const TicketFilter &filter)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty() || trimmed.size() > 100)
        return makeError(Error::Code::Invalid, QueueText::tr("Give the filter a name of up to 100 characters."));
    return inTransaction(db, [&]() -> Result<qint64> {
        QSqlQuery q(db);
        // A filter saved again under its name replaces the old one.
        q.prepare(QStringLiteral("DELETE FROM saved_filters WHERE name = ?"));
        q.addBindValue(trimmed);
        if (!q.exec())
            return sqlite::toError(q.lastError(), QueueText::tr("saving the filter"));
        q.prepare(QStringLiteral("INSERT INTO saved_filters (name, definition, created_at) VALUES (?, ?, ?)"));
        q.addBindValue(trimmed);
        q.addBindValue(QString::fromUtf8(QJsonDocument(filter.toJson()).toJson(QJsonDocument::Compact)));
        q.addBindValue(QDateTime::currentMSecsSinceEpoch());
        if (!q.exec())
            return sqlite::toError(q.lastError(), QueueText::tr("saving the filter"));
        return q.lastInsertId().toLongLong();
    });
}

Result<void> deleteFilter(QSqlDatabase db, qint64 id)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("DELETE FROM saved_filters WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return sqlite::toError(q.lastError(), QueueText::tr("deleting the filter"));
    return {};
}

} // namespace madoguchi
