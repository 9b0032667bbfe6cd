#pragma once

#include "common/result.h"
#include "domain/entities.h"

#include <QAbstractListModel>
#include <QHash>
#include <QSqlDatabase>
#include <QTimeZone>

namespace madoguchi {

class Database;

// Names for the keys a ticket event holds (agents, teams, SLA policies).
class EventNames
{
public:
    static Result<EventNames> load(QSqlDatabase db);
    QString name(const QString &uuidText) const;

private:
    QHash<QString, QString> m_names; // UUID text → name
};

// One sentence for one change: "Status Open → Pending", "Assigned to 高橋 美咲",
// "Escalated to Tier 2". Shared by the ticket's history and the customer timeline.
QString describeTicketEvent(const QString &field, const QString &oldValue, const QString &newValue,
                            const EventNames &names);

// A ticket's history, newest first: every change with who made it and when,
// and the interactions logged on the ticket.
class TicketHistoryModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        TimeRole = Qt::UserRole + 1, // QDateTime in the zone times are shown in
        AgentRole,
        DescriptionRole,
        FieldRole, // the event's field; empty for an interaction
    };

    TicketHistoryModel(const Database &database, QTimeZone timeZone, QObject *parent = nullptr);

    void setTicket(const QUuid &ticketId);
    void refresh();
    // The zone the times are shown in (displayTimeZone).
    void setTimeZone(const QTimeZone &zone);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    QString lastError() const { return m_lastError; }

private:
    struct Entry
    {
        QDateTime at;
        QString agent;
        QString field;
        QString description;
    };

    const Database &m_database;
    QTimeZone m_timeZone;
    QUuid m_ticket;
    QList<Entry> m_entries;
    QString m_lastError;
};

} // namespace madoguchi
