#pragma once

#include "domain/enums.h"
#include "models/tickethistorymodel.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QTimeZone>
#include <QUuid>

#include <optional>

namespace madoguchi {

class Database;

// Everything that happened with one customer, newest first: interactions on
// every channel and the changes to their tickets. Paged with fetchMore; can
// be narrowed to one channel (ticket history then stays out).
class CustomerTimelineModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum class Kind {
        Interaction,
        TicketEvent,
        Merge
    };

    struct Entry
    {
        Kind kind = Kind::Interaction;
        QUuid id;
        QDateTime at;
        // Interactions
        Channel channel = Channel::Phone;
        Direction direction = Direction::Inbound;
        std::optional<Outcome> outcome;
        int durationSeconds = 0;
        QString subject;
        QString notes;
        QStringList details; // channel-specific values
        QString agent;
        // Both: the ticket it belongs to
        QString ticketNumber;
        // Ticket events; for a merge, the merged customer's name in oldValue
        // and the number of rows moved in newValue
        QString field;
        QString oldValue;
        QString newValue;
    };

    enum Role {
        KindRole = Qt::UserRole + 1, // Kind as int
        TimeRole,                    // QDateTime in the zone times are shown in
        WhenRole,                    // the time as shown: "15:53", "Wed 15:53", "26 Nov 15:53"
        TitleRole,                   // one line: "Phone · inbound · Resolved · 3:05"
        DetailRole,                  // notes, or the change
        TicketNumberRole,
        IdRole,
    };

    CustomerTimelineModel(const Database &database, QTimeZone timeZone, QObject *parent = nullptr);

    void setCustomer(const QUuid &customerId);
    QUuid customer() const { return m_customer; }
    // Only interactions on `channel`; std::nullopt: everything.
    void setChannelFilter(std::optional<Channel> channel);
    void refresh();
    // The zone the times are shown in (displayTimeZone).
    void setTimeZone(const QTimeZone &zone);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    const Entry &entry(int row) const { return m_entries.at(row); }
    void setPageSize(int rows) { m_pageSize = rows; }
    QString lastError() const { return m_lastError; }

    // The translated one-line summary and detail, shared with the CLI.
    static QString title(const Entry &e, const EventNames &names = {});
    static QString detail(const Entry &e);

private:
    QList<Entry> loadPage(const Entry *after);
    QString when(const Entry &e) const;

    const Database &m_database;
    QTimeZone m_timeZone;
    QUuid m_customer;
    std::optional<Channel> m_channel;
    QList<Entry> m_entries;
    EventNames m_names; // agents, teams and policies the ticket events refer to
    int m_pageSize = 100;
    bool m_atEnd = true;
    bool m_changing = false;
    QString m_lastError;
};

} // namespace madoguchi
