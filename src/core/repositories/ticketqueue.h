#pragma once

#include "common/result.h"
#include "domain/enums.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QUuid>
#include <QVariant>

#include <optional>

namespace madoguchi {

// The queues agents work from, and the filters that narrow them. Every
// queue is a WHERE clause over tickets that one of migration 7's indexes
// serves; filters add bound conditions.
enum class Queue {
    Mine,
    Unassigned,
    BreachingSoon,
    Escalated,
    Waiting,
    RecentlySolved,
    All
};
inline constexpr int kQueueCount = 7;

QString queueName(Queue queue); // translated
QString queueKey(Queue queue);  // stable, for saved filters
std::optional<Queue> queueFromKey(const QString &key);

// Who is looking, and when: "mine" and "my team" depend on it.
struct QueueContext
{
    QUuid agent;
    QUuid team;
    QDateTime now;
    static constexpr qint64 kBreachingWindowMinutes = 120; // due within two hours, or overdue
    static constexpr int kRecentlySolvedDays = 7;
};

// A SQL condition with its bound values, in order.
struct SqlCondition
{
    QString sql;
    QVariantList values;
    bool operator==(const SqlCondition &) const = default;
};

// Tickets picked elsewhere, e.g. those behind a dashboard figure: a fixed
// condition on tickets alias t, named for the list's title.
struct TicketSubset
{
    QString title;
    SqlCondition condition;
    bool operator==(const TicketSubset &) const = default;
};

struct TicketFilter
{
    Queue queue = Queue::All;
    QList<TicketStatus> statuses;
    QList<Priority> priorities;
    QList<Channel> channels;
    QUuid assignee;
    QUuid team;
    QString category;
    QString tag;
    QString text;                       // number or words of the subject
    std::optional<TicketSubset> subset; // not saved with the filter

    QJsonObject toJson() const;
    static TicketFilter fromJson(const QJsonObject &json);
    bool operator==(const TicketFilter &) const = default;
};

enum class QueueOrder {
    BySlaDue,
    ByPriority,
    ByUpdated
};

SqlCondition queueCondition(const TicketFilter &filter, const QueueContext &context);

// Ticket counts for the navigation, one query per queue.
Result<QList<int>> queueCounts(QSqlDatabase db, const QueueContext &context);
Result<int> countTickets(QSqlDatabase db, const TicketFilter &filter, const QueueContext &context);

// Filters the agent saved, by name (local to this client).
struct SavedFilter
{
    qint64 id = 0;
    QString name;
    TicketFilter filter;
};
Result<QList<SavedFilter>> savedFilters(QSqlDatabase db);
Result<qint64> saveFilter(QSqlDatabase db, const QString &name, const TicketFilter &filter);
Result<void> deleteFilter(QSqlDatabase db, qint64 id);

} // namespace madoguchi
