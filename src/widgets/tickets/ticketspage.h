#pragma once

#include "repositories/ticketqueue.h"

#include <QUuid>
#include <QWidget>

#include <memory>

class QListWidgetItem;
class QTimer;

namespace Ui {
class TicketsPage;
}

namespace madoguchi {

class BackgroundWork;
class Database;
class TicketQueueModel;

// The queues agents work from: the seven queues with their counts and the
// agent's saved filters on the left, the queue on the right with SLA
// badges, filters, and bulk actions on the selected tickets.
class TicketsPage : public QWidget
{
    Q_OBJECT

public:
    explicit TicketsPage(const Database &database, QWidget *parent = nullptr);
    ~TicketsPage() override;

    // Who "my" refers to; changes the My open and Escalated queues.
    void setAgent(const QUuid &agent, const QUuid &team);
    // Re-reads the queue and its counts after data changed.
    void refresh();
    void showQueue(Queue queue);
    // Lists a set of tickets picked elsewhere (the tickets behind a dashboard
    // figure), titled with the subset's title, with a way back.
    void showSubset(const TicketFilter &filter);
    TicketQueueModel *model() const { return m_model; }
    QList<QUuid> selectedTickets() const;
    // The counts shown in the navigation, once they have been read.
    QList<int> counts() const { return m_counts; }

    // Bulk actions on the selection (also the menus' handlers).
    void assignSelected(const QUuid &agent, const QUuid &team);
    void setStatusOfSelected(TicketStatus status);
    void setPriorityOfSelected(Priority priority);
    void addTagToSelected(const QString &tag);
    // Saves the queue with the filter bar's choices under `name`; the
    // translated reason when it cannot.
    QString saveCurrentFilterAs(const QString &name);

signals:
    void ticketActivated(const QUuid &id);
    void newTicketRequested();
    void countsChanged();
    // The way back from a subset shown for the dashboard.
    void backToDashboardRequested();

private:
    void buildQueueList();
    void buildFilterBar();
    void buildBulkBar();
    void applyFilter();
    void selectionChanged();
    void updateTitle();
    // An empty list says what it would show and how to fill it.
    void updateEmptyHint();
    bool filterBarNarrows() const;
    void clearFilterBar();
    void refreshCounts();
    void applyCounts(const QList<int> &counts);
    void reloadSavedFilters();
    void saveCurrentFilter();
    void queueChosen(QListWidgetItem *item);
    void runBulk(const QString &what, const std::function<Result<void>(const QUuid &)> &change);
    TicketFilter currentFilter() const;

    const Database &m_database;
    std::unique_ptr<Ui::TicketsPage> m_ui;
    TicketQueueModel *m_model = nullptr;
    QueueContext m_context;
    TicketFilter m_base; // the queue or saved filter chosen on the left
    QList<int> m_counts;
    QTimer *m_searchDelay = nullptr;
    QTimer *m_clock = nullptr;
    BackgroundWork *m_counting = nullptr; // one count at a time
    bool m_countsStale = false;
    bool m_keepStatus = false; // refreshing for a change: the status line stays
};

} // namespace madoguchi
