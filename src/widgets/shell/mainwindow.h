#pragma once

#include "domain/enums.h"
#include "shell/firstrunwizard.h"
#include "storage/databaseinfo.h"

#include <QMainWindow>
#include <QTimeZone>
#include <QUuid>

#include <functional>
#include <memory>

class QLabel;
class QTimer;
class QToolButton;
class QListWidget;
class QStackedWidget;

namespace madoguchi {

class CustomersPage;
class CustomerView;
class Database;
class SettingsPage;
class TicketsPage;
class TicketView;

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    enum class Page {
        Customers,
        Tickets,
        Dashboard,
        Settings
    };

    explicit MainWindow(std::unique_ptr<Database> database, QWidget *parent = nullptr);
    ~MainWindow() override;

    const Database &database() const { return *m_database; }
    Page currentPage() const;
    void showPage(Page page);
    // Every action with a shortcut, for the shortcut list.
    QList<QAction *> shortcutActions() const { return m_shortcutActions; }
    // Opens another database; on failure shows the reason and keeps the current one.
    bool openDatabase(const QString &path);
    // Replaces the database with a backup (changes not yet sent are carried
    // over) and opens it again.
    bool restoreFromBackup(const QString &backupPath);
    void showBackups();
    class DatabaseCare *databaseCare() const { return m_care; }
    // Ctrl+L: the log dialog for a call (or another channel), for `customer`
    // when given. Returns the dialog, which is open and deletes itself on close.
    class LogInteractionDialog *logInteraction(Channel channel = Channel::Phone, const QUuid &customer = {});
    // After a crash: offers the unsaved log found in the database, if any.
    void offerDraftRecovery();
    // The facts behind the status bar, once the background read has finished.
    const DatabaseInfo &databaseInfo() const { return m_info; }
    QLabel *databaseStatusLabel() const { return m_databaseStatus; }
    QLabel *syncStatusLabel() const { return m_syncStatus; }
    CustomersPage *customersPage() const { return m_customersPage; }
    CustomerView *customerView() const { return m_customerView; }
    // The 360° view of one customer (from the list, Enter or double-click).
    void openCustomer(const QUuid &customerId);
    // Ctrl+Shift+N: a customer added by hand (the form prefilled with `name`
    // or `phone`), shown in the 360° view once saved, or the customer on
    // file the agent went on with instead. Returns it (null if cancelled).
    QUuid newCustomer(const QString &name = {}, const QString &phone = {});
    TicketsPage *ticketsPage() const { return m_ticketsPage; }
    TicketView *ticketView() const { return m_ticketView; }
    class DashboardPage *dashboardPage() const { return m_dashboardPage; }
    // One ticket, from a queue or a customer's history; Back returns there.
    void openTicket(const QUuid &ticketId);
    // Ctrl+N: a new ticket, for `customer` when given. Returns the dialog's result.
    QUuid newTicket(const QUuid &customer = {});
    // Notifies the agent of tickets (theirs or their team's) whose SLA clock
    // reached its warning point or breached since the last check. A timer
    // calls it every minute; tests call it with their own clock.
    void checkSlaClocks(const QDateTime &now = QDateTime::currentDateTimeUtc());
    // At start: syncs with the team server when this copy is set up for it
    // (the password from the keychain, or asked for when there is none),
    // or asks on the first run whether to connect or work locally.
    void startTeamSync();
    // The first-run wizard (modal): work locally, setting up who you are,
    // your team and teammates, or connect to a team server.
    FirstRunWizard::Outcome runFirstRun();
    // The conflicts view.
    void showConflicts();
    class SyncService *syncService() const { return m_sync; }
    class DesktopNotifier *notifier() const { return m_notifier; }
    class Toast *toast() const { return m_toast; }

signals:
    void databaseInfoChanged();
    void interactionSaved(const QUuid &interactionId, const QUuid &customerId);
    void integrityCheckFinished(bool healthy);

private:
    QListWidget *createNavigation(QWidget *parent);
    void createPages();
    void createCustomerPages();
    void createTicketPages();
    // What the change hub announced: the status bar's counts, the agent.
    void applyChanges(const class ChangeSet &changes);
    void openAlert(const QUuid &ticket);
    // The New Customer dialog over `parent`: the customer created or chosen.
    QUuid askForNewCustomer(QWidget *parent, const QString &name, const QString &phone);
    void createActions();
    QList<QAction *> createFileMenu(); // each: its actions with shortcuts
    QList<QAction *> createGoMenu();
    QList<QAction *> createContactMenu();
    QList<QAction *> createTicketMenu();
    QList<QAction *> createHelpMenu();
    void createStatusBar();
    void refreshDatabaseInfo();
    void runIntegrityCheck();
    void applyDatabaseInfo(const DatabaseInfo &info);
    void updateTitle();
    void updateAgentStatus();
    // Shows every time in displayTimeZone, after the setting, the signed-in
    // agent, a team or the default calendar changed.
    void applyTimeZone();
    void createSyncService();
    void applySyncStatus();
    // Takes the pages and sync off the database (returns the pages, to be
    // deleted once the next database is in) / builds them for m_database.
    QList<QWidget *> detachDatabase();
    void attachDatabase();
    // Runs `work` on a worker thread with its own database connection and
    // hands the result to `done` on the UI thread.

    std::unique_ptr<Database> m_database;
    DatabaseInfo m_info;
    QListWidget *m_navigation = nullptr;
    QStackedWidget *m_pages = nullptr;
    CustomersPage *m_customersPage = nullptr;
    CustomerView *m_customerView = nullptr;
    SettingsPage *m_settingsPage = nullptr;
    TicketsPage *m_ticketsPage = nullptr;
    TicketView *m_ticketView = nullptr;
    class DashboardPage *m_dashboardPage = nullptr;
    QWidget *m_ticketReturn = nullptr; // where Back in the ticket view goes
    std::unique_ptr<class BreachWatch> m_breachWatch;
    DesktopNotifier *m_notifier = nullptr;
    Toast *m_toast = nullptr;
    QUuid m_agent;
    QUuid m_team;
    QTimeZone m_timeZone;
    QLabel *m_databaseStatus = nullptr;
    QLabel *m_demoBadge = nullptr;
    QLabel *m_syncStatus = nullptr;
    QToolButton *m_conflictsButton = nullptr;
    SyncService *m_sync = nullptr;
    QToolButton *m_agentStatus = nullptr;
    QList<QAction *> m_shortcutActions;
    class BackgroundWork *m_work = nullptr;
    class DatabaseCare *m_care = nullptr;
    QTimer *m_infoRefresh = nullptr; // a burst of changes: one read of the counts
    bool m_infoReading = false;      // a read of the counts is running
    bool m_infoStale = false;        // ... and changes came meanwhile
    int m_databaseGeneration = 0;    // which database a background read was for
};

} // namespace madoguchi
