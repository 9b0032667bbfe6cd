#pragma once

#include "domain/slapolicy.h"
#include "repositories/ticketqueue.h"
#include "services/slaengine.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QTimeZone>

#include <atomic>
#include <memory>
#include <vector>

class QSqlQuery;

namespace madoguchi {

class BackgroundWork;
class Database;

// A ticket queue of any size. rowCount() is the queue's full count, so the
// scroll bar spans every ticket; rows are read a page at a time when they are
// first shown, by keyset from the nearest page already read (an index walk,
// never a sort of the whole queue), and only a bounded number of pages is kept.
class TicketQueueModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        Number,
        Subject,
        Customer,
        Status,
        PriorityColumn,
        Assignee,
        Sla,
        Updated,
        ColumnCount
    };
    enum Role {
        TicketIdRole = Qt::UserRole + 1, // QUuid
        SlaStateRole,                    // int(SlaStatus::State)
        SlaTargetRole,                   // int(SlaStatus::Target)
        SlaDueRole,                      // QDateTime
        SlaRemainingRole,                // qint64 business minutes, negative when breached
        SlaDueTextRole,                  // the due time, short: "16:00", "Wed 16:00", "7 Oct"
        PriorityRole,                    // int(Priority)
        StatusRole,                      // int(TicketStatus)
    };

    TicketQueueModel(const Database &database, QTimeZone timeZone, QObject *parent = nullptr);
    ~TicketQueueModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    void setContext(const QueueContext &context);
    QueueContext context() const { return m_context; }
    void setFilter(const TicketFilter &filter);
    TicketFilter filter() const { return m_filter; }
    void setOrder(QueueOrder order);
    QueueOrder order() const { return m_order; }
    // Re-counts and re-reads after data changed.
    void refresh();
    // Moves the clock the SLA badges count against (a timer calls this).
    void setNow(const QDateTime &now);
    // The zone the times are shown in (displayTimeZone).
    void setTimeZone(const QTimeZone &zone);

    QUuid ticketId(int row) const;
    int pageSize() const { return m_pageSize; }
    void setPageSize(int rows);
    int loadedPages() const { return int(m_pages.size()); }
    QString lastError() const { return m_lastError; }
    // Big queues get anchors (the sort key of every stride-th row) from a
    // background scan, so that a jump anywhere skips at most one stride.
    bool hasAnchors() const { return !m_anchors.empty(); }
    // Queues of more than `threshold` rows; 0 stride: never (tests and
    // benchmarks compare with and without).
    void setAnchorLayout(int stride, int threshold);
    // Starts the scan now; otherwise the first jump far into the queue does.
    void prepareAnchors();

signals:
    void errorOccurred(const QString &message);
    void anchorsReady();

private:
    struct Row
    {
        QUuid id;
        QString number;
        QString subject;
        QString customer;
        StoredSla sla;
        Priority priority = Priority::Normal;
        QUuid assignee;
        QUuid policy;
        int escalationLevel = 0;
        qint64 slaSort = 0;
        int priorityOrder = 0;
        qint64 updatedMs = 0;
        // The badge, worked out once per clock tick: a painted row asks for
        // it under several roles.
        mutable SlaStatus status;
        mutable qint64 statusAt = -1;
    };
    struct OrderSpec;
    static OrderSpec orderSpec(QueueOrder order);
    struct PageStart;
    PageStart pageStart(int page) const;
    static Row readRow(const QSqlQuery &q);
    void scanAnchors();
    const Row *row(int index) const;
    Result<QList<Row>> loadPage(int page) const;
    const SlaStatus &slaOf(const Row &r) const;
    void reload();
    void loadAgents();

    const Database &m_database;
    QTimeZone m_timeZone;
    QueueContext m_context;
    TicketFilter m_filter;
    QueueOrder m_order = QueueOrder::BySlaDue;
    int m_count = 0;
    int m_pageSize = 100;
    mutable QHash<int, QList<Row>> m_pages;
    mutable QList<int> m_recent; // pages, most recently used last
    mutable std::unique_ptr<SlaEngine> m_sla;
    QHash<QUuid, QString> m_agentNames;
    mutable QString m_lastError;
    std::vector<QVariantList> m_anchors;
    int m_anchorStride = 4096;
    int m_anchorThreshold = 50'000;
    int m_generation = 0;
    int m_scannedGeneration = -1;
    std::shared_ptr<std::atomic_bool> m_cancelScan = std::make_shared<std::atomic_bool>(false);
    BackgroundWork *m_scans = nullptr; // results of scans of an older queue are dropped
};

} // namespace madoguchi
