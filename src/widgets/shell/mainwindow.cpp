#include "shell/mainwindow.h"

#include "common/timeformat.h"

#include "config/appsettings.h"
#include "config/displaytimezone.h"
#include "customers/customerspage.h"
#include "customers/customerview.h"
#include "customers/duplicatesdialog.h"
#include "customers/loginteractiondialog.h"
#include "customers/newcustomerdialog.h"
#include "dashboard/dashboardpage.h"
#include "kit/desktopnotifier.h"
#include "kit/icons.h"
#include "kit/serverpasswordprompt.h"
#include "kit/toast.h"
#include "models/customerlistmodel.h"
#include "models/ticketqueuemodel.h"
#include "people/peoplepage.h"
#include "repositories/directoryrepository.h"
#include "services/breachwatch.h"
#include "services/workspacesetup.h"
#include "settings/settingspage.h"
#include "shell/aboutdialog.h"
#include "shell/backupsdialog.h"
#include "shell/databasecare.h"
#include "shell/shortcutsdialog.h"
#include "storage/backgroundwork.h"
#include "storage/backups.h"
#include "storage/clientstate.h"
#include "storage/database.h"
#include "storage/draftstore.h"
#include "sync/syncservice.h"
#include "teamsync/conflictsdialog.h"
#include "teamsync/serversettingswidget.h"
#include "tickets/cannedresponsesdialog.h"
#include "tickets/newticketdialog.h"
#include "tickets/servicelevelsdialog.h"
#include "tickets/slabadge.h"
#include "tickets/ticketspage.h"
#include "tickets/ticketview.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace madoguchi {

namespace {

qint64 countOf(const DatabaseInfo &info, const QString &table)
{
    for (const auto &[name, n] : info.rowCounts) {
        if (name == table)
            return n;
    }
    return 0;
}

} // namespace

MainWindow::MainWindow(std::unique_ptr<Database> database, QWidget *parent)
    : QMainWindow(parent)
    , m_database(std::move(database))
{
    setWindowIcon(icons::applicationIcon());
    m_notifier = new DesktopNotifier(this);
    createPages();
    m_toast = new Toast(centralWidget());
    connect(m_toast, &Toast::openRequested, this, &MainWindow::openAlert);
    connect(m_notifier, &DesktopNotifier::activated, this, [this](const QUuid &ticket) {
        showNormal();
        raise();
        activateWindow();
        openAlert(ticket);
    });
    connect(m_notifier, &DesktopNotifier::shown, this,
            [this](const QString &title, const QString &body, const QUuid &ticket) {
                statusBar()->showMessage(title, 10'000);
                if (m_notifier->channel() == DesktopNotifier::Channel::InApp)
                    m_toast->showMessage(title, body, ticket);
            });
    auto *slaTimer = new QTimer(this);
    slaTimer->setInterval(60'000);
    connect(slaTimer, &QTimer::timeout, this, [this] { checkSlaClocks(); });
    slaTimer->start();
    m_infoRefresh = new QTimer(this);
    m_infoRefresh->setSingleShot(true);
    m_infoRefresh->setInterval(250);
    connect(m_infoRefresh, &QTimer::timeout, this, &MainWindow::refreshDatabaseInfo);
    connect(&m_database->changes(), &ChangeHub::changed, this, &MainWindow::applyChanges);
    createSyncService();
    createActions();
    createStatusBar();
    updateAgentStatus();
    updateTitle();
    resize(1280, 800);
    refreshDatabaseInfo();
    connect(m_care, &DatabaseCare::backupsRequested, this, &MainWindow::showBackups);
    connect(m_care, &DatabaseCare::backedUp, this, [this](const BackupInfo &b) {
        statusBar()->showMessage(tr("Backed up to %1").arg(QDir::toNativeSeparators(b.path)), 10'000);
    });
    connect(m_care, &DatabaseCare::backupFailed, this,
            [this](const QString &message) { statusBar()->showMessage(message, 15'000); });
    m_care->setDatabase(m_database.get());
}

MainWindow::~MainWindow()
{
    // The sync thread uses the database: it ends first.
    delete m_sync;
    m_sync = nullptr;
    m_care->waitForWork();
    // Their queued "finished" handlers will not run once the window is gone.
    m_work->discard();
    // The pages (and the threads some of them run) use the database: they go
    // before it. Child widgets would otherwise outlive the members.
    delete takeCentralWidget();
}

QListWidget *MainWindow::createNavigation(QWidget *parent)
{
    auto *navigation = new QListWidget(parent);
    navigation->setAccessibleName(tr("Navigation"));
    navigation->setIconSize(QSize(22, 22));
    navigation->setFixedWidth(200);
    navigation->setFrameShape(QFrame::NoFrame);
    navigation->setSpacing(2);
    navigation->setUniformItemSizes(true);
    // A sidebar: slightly darker than the page, the current page highlighted.
    navigation->setStyleSheet(QStringLiteral(
        "QListWidget { background: palette(alternate-base); padding: 8px 6px; outline: 0; }"
        "QListWidget::item { padding: 7px 8px; border-radius: 6px; }"
        "QListWidget::item:selected { background: palette(highlight); color: palette(highlighted-text); }"));
    return navigation;
}

void MainWindow::createPages()
{
    auto *central = new QWidget(this);
    // The damage banner (hidden while the file is sound) above the pages.
    auto *column = new QVBoxLayout(central);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(0);
    m_work = new BackgroundWork(this);
    m_care = new DatabaseCare(central);
    column->addWidget(m_care->banner());
    auto *layout = new QHBoxLayout;
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    column->addLayout(layout, 1);

    m_navigation = createNavigation(central);
    m_pages = new QStackedWidget(central);
    layout->addWidget(m_navigation);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);

    const QColor iconColor = palette().color(QPalette::WindowText);
    auto addPage = [&](const QString &name, icons::Glyph glyph, QWidget *page) {
        auto *item = new QListWidgetItem(icons::glyph(glyph, iconColor), name, m_navigation);
        item->setSizeHint(QSize(180, 38));
        m_pages->addWidget(page);
    };

    // Only pages that work sit in the navigation (the knowledge base and
    // quality reviews join when they exist).
    createCustomerPages();
    addPage(tr("Customers"), icons::Glyph::Customers, m_customersPage);
    createTicketPages();
    addPage(tr("Tickets"), icons::Glyph::Tickets, m_ticketsPage);
    addPage(tr("Dashboard"), icons::Glyph::Dashboard, m_dashboardPage);

    m_settingsPage = new SettingsPage(m_pages);
    connect(m_settingsPage, &SettingsPage::integrityCheckRequested, this, &MainWindow::runIntegrityCheck);
    connect(m_settingsPage, &SettingsPage::agentChosen, this, [this](const QUuid &agent) {
        if (auto r = ClientState(m_database->connection()).setCurrentAgent(agent); !r)
            QMessageBox::warning(this, tr("Cannot save the setting"), r.error().message);
        updateAgentStatus();
    });
    connect(m_settingsPage, &SettingsPage::timeZoneChosen, this, &MainWindow::applyTimeZone);
    addPage(tr("Settings"), icons::Glyph::Settings, m_settingsPage);

    // The 360° and ticket views are pages of their own, reached from the
    // lists, not from the navigation.
    m_pages->addWidget(m_customerView);
    m_pages->addWidget(m_ticketView);
    connect(m_navigation, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);
    connect(m_navigation, &QListWidget::itemClicked, this,
            [this] { m_pages->setCurrentIndex(m_navigation->currentRow()); });
    m_navigation->setCurrentRow(0);
}

void MainWindow::createCustomerPages()
{
    m_customersPage = new CustomersPage(*m_database, AppSettings::phoneRegion(), m_pages);
    m_customerView = new CustomerView(*m_database, AppSettings::phoneRegion(), m_pages);
    connect(m_customersPage, &CustomersPage::customerActivated, this, &MainWindow::openCustomer);
    connect(m_customerView, &CustomerView::backRequested, this, [this] {
        m_pages->setCurrentWidget(m_customersPage);
        m_customersPage->findChild<QAbstractItemView *>()->setFocus();
    });
    connect(m_customerView, &CustomerView::logRequested, this,
            [this](Channel channel, const QUuid &customer) { logInteraction(channel, customer); });
    connect(m_customerView, &CustomerView::customerSaved, this,
            [this] { statusBar()->showMessage(tr("Customer saved."), 4000); });
    connect(m_customersPage, &CustomersPage::newCustomerRequested, this, [this] { newCustomer(); });
    connect(m_customersPage, &CustomersPage::logCallRequested, this, [this] { logInteraction(Channel::Phone); });
}

QUuid MainWindow::newCustomer(const QString &name, const QString &phone)
{
    const QUuid customer = askForNewCustomer(this, name, phone);
    if (!customer.isNull())
        openCustomer(customer);
    return customer;
}

QUuid MainWindow::askForNewCustomer(QWidget *parent, const QString &name, const QString &phone)
{
    NewCustomerDialog dialog(*m_database, AppSettings::phoneRegion(),
                             ClientState(m_database->connection()).currentAgent(), parent);
    dialog.prefill(name, phone);
    if (dialog.exec() != QDialog::Accepted)
        return {};
    if (dialog.createdNew())
        statusBar()->showMessage(tr("Customer created."), 4000);
    return dialog.customer();
}

void MainWindow::openAlert(const QUuid &ticket)
{
    // A summary of several tickets opens the queue that lists them.
    if (ticket.isNull()) {
        showPage(Page::Tickets);
        m_ticketsPage->showQueue(Queue::BreachingSoon);
    } else {
        openTicket(ticket);
    }
}

void MainWindow::checkSlaClocks(const QDateTime &now)
{
    if (!m_breachWatch)
        return;
    const auto alerts = m_breachWatch->check(m_agent, m_team, now);
    if (!alerts || alerts->isEmpty())
        return;
    if (alerts->size() > 3) {
        // A burst (first check of the day, a bulk change): one notification, not a flood.
        m_notifier->notify(tr("%n ticket(s) need attention", nullptr, int(alerts->size())),
                           tr("Their SLA clocks are close to or past due. Breaching soon lists them."), {});
        return;
    }
    for (const SlaAlert &a : alerts.value()) {
        const QString target = slaTargetName(a.status.target);
        const bool breached = a.status.state == SlaStatus::State::Breached;
        const QString title = breached ? tr("SLA breached: %1").arg(a.number) : tr("SLA warning: %1").arg(a.number);
        const QString when = breached ? tr("%1 is overdue.").arg(target)
                                      : tr("%1 due in %2 of business time.")
                                            .arg(target,
                                                 exactDuration(a.status.remainingMinutes * 60, DurationUnit::Minutes));
        const QString whose = a.mine ? QString() : tr(" (your team's ticket)");
        m_notifier->notify(title, tr("%1 %2%3").arg(a.subject, when, whose), a.ticketId);
    }
}

void MainWindow::createTicketPages()
{
    m_breachWatch = std::make_unique<BreachWatch>(m_database->connection());
    m_ticketsPage = new TicketsPage(*m_database, m_pages);
    m_ticketView = new TicketView(*m_database, m_pages);
    m_dashboardPage = new DashboardPage(*m_database, m_pages);
    connect(m_dashboardPage, &DashboardPage::drillDownRequested, this, [this](const TicketFilter &filter) {
        m_navigation->setCurrentRow(int(Page::Tickets));
        m_ticketsPage->showSubset(filter);
    });
    connect(m_ticketsPage, &TicketsPage::backToDashboardRequested, this,
            [this] { m_navigation->setCurrentRow(int(Page::Dashboard)); });
    connect(m_customerView, &CustomerView::newTicketRequested, this,
            [this](const QUuid &customer) { newTicket(customer); });
    connect(m_ticketsPage, &TicketsPage::ticketActivated, this, &MainWindow::openTicket);
    connect(m_ticketsPage, &TicketsPage::newTicketRequested, this, [this] { newTicket(); });
    connect(m_dashboardPage, &DashboardPage::newTicketRequested, this, [this] { newTicket(); });
    connect(m_dashboardPage, &DashboardPage::logCallRequested, this, [this] { logInteraction(Channel::Phone); });
    connect(m_ticketsPage, &TicketsPage::countsChanged, this, [this] {
        const QList<int> counts = m_ticketsPage->counts();
        if (QListWidgetItem *item = m_navigation ? m_navigation->item(int(Page::Tickets)) : nullptr;
            item && !counts.isEmpty()) {
            const int mine = counts.at(int(Queue::Mine));
            item->setText(mine > 0 ? tr("Tickets (%1)").arg(QLocale().toString(mine)) : tr("Tickets"));
            item->setToolTip(tr("%n open ticket(s) assigned to you", nullptr, mine));
        }
    });
    connect(m_ticketView, &TicketView::backRequested, this, [this] {
        QWidget *target = m_ticketReturn ? m_ticketReturn : static_cast<QWidget *>(m_ticketsPage);
        m_pages->setCurrentWidget(target);
        target->setFocus();
    });
    connect(m_ticketView, &TicketView::customerRequested, this, &MainWindow::openCustomer);
    connect(m_ticketView, &TicketView::logCallRequested, this, [this](const QUuid &customer, const QString &number) {
        LogInteractionDialog *dialog = logInteraction(Channel::Phone, customer);
        dialog->setTicketNumber(number);
    });
}

void MainWindow::openTicket(const QUuid &ticketId)
{
    QWidget *current = m_pages->currentWidget();
    if (current != m_ticketView)
        m_ticketReturn = current;
    m_ticketView->showTicket(ticketId);
    m_pages->setCurrentWidget(m_ticketView);
    m_ticketView->setFocus();
}

QUuid MainWindow::newTicket(const QUuid &customer)
{
    NewTicketDialog dialog(*m_database, AppSettings::phoneRegion(),
                           ClientState(m_database->connection()).currentAgent(), this);
    if (!customer.isNull())
        dialog.setCustomer(customer);
    // A customer the search does not find is added on the spot.
    dialog.setOffersNewCustomer(true);
    connect(&dialog, &NewTicketDialog::newCustomerRequested, this,
            [this, &dialog](const QString &name, const QString &phone) {
                if (const QUuid created = askForNewCustomer(&dialog, name, phone); !created.isNull())
                    dialog.chooseCustomer(created);
            });
    if (dialog.exec() != QDialog::Accepted)
        return {};
    const Ticket created = dialog.created();
    statusBar()->showMessage(tr("Ticket %1 created.").arg(created.number), 6000);
    openTicket(created.id);
    return created.id;
}

void MainWindow::applyChanges(const ChangeSet &changes)
{
    // The pages and the sync service follow the hub themselves; the window
    // keeps the status bar's counts (and the changes kept for sync) and the
    // signed-in agent (the first sync may set it).
    if (changes.origin() == ChangeSet::Origin::Local
        || changes.touchesAny({QStringLiteral("customers"), QStringLiteral("tickets"), QStringLiteral("interactions")}))
        m_infoRefresh->start();
    if (changes.touchesAny({QStringLiteral("agents"), QStringLiteral("teams"), QStringLiteral("client_state")}))
        updateAgentStatus();
    // The breach watch reads the tickets at every check, but keeps the
    // policies' rules: a target or calendar changed here or by sync.
    if (m_breachWatch && changes.touchesAny({QStringLiteral("sla_policies"), QStringLiteral("calendars")}))
        m_breachWatch->forgetRules();
    if (changes.touchesAny({QStringLiteral("sla_policies"), QStringLiteral("calendars")}))
        applyTimeZone(); // a new database shows its default calendar's zone
}

void MainWindow::openCustomer(const QUuid &customerId)
{
    m_navigation->setCurrentRow(int(Page::Customers));
    m_customerView->showCustomer(customerId);
    m_pages->setCurrentWidget(m_customerView);
    m_customerView->setFocus();
}

void MainWindow::createActions()
{
    // Every action with a shortcut is listed in Help ▸ Keyboard Shortcuts,
    // in menu order.
    m_shortcutActions = createFileMenu();
    m_shortcutActions += createGoMenu();
    m_shortcutActions += createContactMenu();
    m_shortcutActions += createTicketMenu();
    m_shortcutActions += createHelpMenu();
}

QList<QAction *> MainWindow::createFileMenu()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(tr("&Open Database…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open Database"),
                                                          QFileInfo(m_database->path()).absolutePath(),
                                                          tr("Madoguchi databases (*.sqlite *.db);;All files (*)"));
        if (!path.isEmpty())
            openDatabase(path);
    });
    open->setShortcut(QKeySequence::Open);
    file->addSeparator();
    QAction *syncNow = file->addAction(tr("&Sync Now"), this, [this] {
        if (m_sync->status().state == SyncService::State::Stopped) {
            showPage(Page::Settings);
            m_settingsPage->showServerSettings();
        } else {
            m_sync->syncNow();
        }
    });
    syncNow->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    file->addAction(tr("Sync &Conflicts…"), this, &MainWindow::showConflicts);
    file->addSeparator();
    file->addAction(tr("&Back Up Now"), m_care, &DatabaseCare::backUpNow);
    file->addAction(tr("&Restore from Backup…"), this, &MainWindow::showBackups);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q)); // QKeySequence::Quit is empty on some platforms
    quit->setMenuRole(QAction::QuitRole);
    return {open, syncNow, quit};
}

QList<QAction *> MainWindow::createGoMenu()
{
    QMenu *go = menuBar()->addMenu(tr("&Go"));
    const QList<std::pair<Page, QKeySequence>> pages{
        {Page::Customers, QKeySequence(Qt::CTRL | Qt::Key_1)},
        {Page::Tickets, QKeySequence(Qt::CTRL | Qt::Key_2)},
        {Page::Dashboard, QKeySequence(Qt::CTRL | Qt::Key_3)},
        {Page::Settings, QKeySequence(Qt::CTRL | Qt::Key_Comma)},
    };
    QList<QAction *> shortcuts;
    for (const auto &[page, key] : pages) {
        QListWidgetItem *item = m_navigation->item(int(page));
        QAction *action = go->addAction(item->icon(), item->text(), this, [this, p = page] { showPage(p); });
        action->setShortcut(key);
        if (page == Page::Settings)
            action->setMenuRole(QAction::PreferencesRole);
        shortcuts << action;
    }
    go->addSeparator();
    QAction *find = go->addAction(tr("&Find Customer"), this, [this] {
        showPage(Page::Customers);
        m_customersPage->focusSearch();
    });
    find->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_F));
    shortcuts << find;
    return shortcuts;
}

QList<QAction *> MainWindow::createContactMenu()
{
    QMenu *contact = menuBar()->addMenu(tr("&Contact"));
    QAction *logCall = contact->addAction(tr("&Log Call…"), this, [this] { logInteraction(Channel::Phone); });
    logCall->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    QAction *logOther = contact->addAction(tr("Log &Other Interaction…"), this,
                                           [this] { logInteraction(Channel::Email); });
    logOther->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    contact->addSeparator();
    QAction *newCustomerAction = contact->addAction(tr("New &Customer…"), this, [this] { newCustomer(); });
    newCustomerAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    contact->addAction(tr("Find &Duplicate Customers…"), this, [this] {
        DuplicatesDialog dialog(*m_database, AppSettings::phoneRegion(),
                                ClientState(m_database->connection()).currentAgent(), this);
        connect(&dialog, &DuplicatesDialog::merged, this,
                [this] { statusBar()->showMessage(tr("Customers merged."), 4000); });
        dialog.exec();
    });
    return {logCall, logOther, newCustomerAction};
}

QList<QAction *> MainWindow::createTicketMenu()
{
    QMenu *ticket = menuBar()->addMenu(tr("&Ticket"));
    QAction *newTicketAction = ticket->addAction(tr("&New Ticket…"), this, [this] {
        newTicket(m_pages->currentWidget() == m_customerView ? m_customerView->customer() : QUuid());
    });
    newTicketAction->setShortcut(QKeySequence::New);
    QAction *myQueue = ticket->addAction(tr("&My Open Tickets"), this, [this] {
        showPage(Page::Tickets);
        m_ticketsPage->showQueue(Queue::Mine);
    });
    myQueue->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    QAction *breaching = ticket->addAction(tr("&Breaching Soon"), this, [this] {
        showPage(Page::Tickets);
        m_ticketsPage->showQueue(Queue::BreachingSoon);
    });
    breaching->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));
    ticket->addSeparator();
    ticket->addAction(tr("&Canned Responses…"), this, [this] {
        CannedResponsesDialog dialog(*m_database, ClientState(m_database->connection()).currentAgent(), this);
        dialog.exec();
    });
    ticket->addAction(tr("&Service Levels…"), this, [this] {
        ServiceLevelsDialog dialog(*m_database, ClientState(m_database->connection()).currentAgent(), this);
        dialog.exec();
    });
    return {newTicketAction, myQueue, breaching};
}

QList<QAction *> MainWindow::createHelpMenu()
{
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *shortcuts = help->addAction(tr("&Keyboard Shortcuts"), this, [this] {
        ShortcutsDialog dialog(m_shortcutActions, this);
        dialog.exec();
    });
    shortcuts->setShortcut(QKeySequence::HelpContents);
    help->addSeparator();
    help->addAction(tr("&About Madoguchi"), this,
                    [this] {
                        AboutDialog dialog(m_database->path(), m_database->schemaVersion(), this);
                        dialog.exec();
                    })
        ->setMenuRole(QAction::AboutRole);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt)->setMenuRole(QAction::AboutQtRole);
    return {shortcuts};
}

void MainWindow::createStatusBar()
{
    const QColor iconColor = palette().color(QPalette::WindowText);
    auto iconLabel = [&](icons::Glyph g) {
        auto *label = new QLabel(this);
        label->setPixmap(icons::glyph(g, iconColor).pixmap(16, 16));
        return label;
    };
    statusBar()->addWidget(iconLabel(icons::Glyph::Database));
    m_databaseStatus = new QLabel(this);
    m_databaseStatus->setAccessibleName(tr("Database status"));
    statusBar()->addWidget(m_databaseStatus, 1);

    m_demoBadge = new QLabel(tr("Demo data"), this);
    m_demoBadge->setToolTip(tr("This database holds generated demo data. It is never sent to a team server."));
    m_demoBadge->setStyleSheet(
        QStringLiteral("QLabel { background: #FFF1C2; color: #6B4E00; border-radius: 4px; padding: 1px 8px; }"));
    m_demoBadge->hide();
    statusBar()->addPermanentWidget(m_demoBadge);

    statusBar()->addPermanentWidget(iconLabel(icons::Glyph::Customers));
    // Who is signed in; a click opens Settings ▸ You.
    m_agentStatus = new QToolButton(this);
    m_agentStatus->setAutoRaise(true);
    m_agentStatus->setAccessibleName(tr("Signed in as"));
    connect(m_agentStatus, &QToolButton::clicked, this, [this] {
        showPage(Page::Settings);
        m_settingsPage->showYou();
    });
    statusBar()->addPermanentWidget(m_agentStatus);

    statusBar()->addPermanentWidget(iconLabel(icons::Glyph::Sync));
    m_syncStatus = new QLabel(tr("Local only — no team server configured"), this);
    m_syncStatus->setAccessibleName(tr("Sync status"));
    m_syncStatus->setToolTip(tr("Changes are saved in the local database and kept for synchronisation "
                                "once a team server is set up."));
    statusBar()->addPermanentWidget(m_syncStatus);
    m_conflictsButton = new QToolButton(this);
    m_conflictsButton->setAutoRaise(true);
    m_conflictsButton->setAccessibleName(tr("Sync conflicts"));
    m_conflictsButton->setStyleSheet(QStringLiteral("QToolButton { color: #B3261E; font-weight: 600; }"));
    m_conflictsButton->hide();
    connect(m_conflictsButton, &QToolButton::clicked, this, &MainWindow::showConflicts);
    statusBar()->addPermanentWidget(m_conflictsButton);
}

LogInteractionDialog *MainWindow::logInteraction(Channel channel, const QUuid &customer)
{
    auto *dialog = new LogInteractionDialog(*m_database, AppSettings::phoneRegion(),
                                            ClientState(m_database->connection()).currentAgent(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setChannel(channel);
    if (!customer.isNull())
        dialog->setCustomer(customer);
    connect(dialog, &LogInteractionDialog::saved, this, [this](const QUuid &interactionId, const QUuid &customerId) {
        statusBar()->showMessage(tr("Interaction saved."), 4000);
        emit interactionSaved(interactionId, customerId);
    });
    connect(dialog, &LogInteractionDialog::ticketOpened, this, [this](const QUuid &, const QString &number) {
        statusBar()->showMessage(tr("Interaction saved with the new ticket %1.").arg(number), 6000);
    });
    dialog->show();
    return dialog;
}

void MainWindow::offerDraftRecovery()
{
    const auto draft = DraftStore(m_database->connection()).load(QString::fromLatin1(LogInteractionDialog::kDraftKey));
    if (!draft || !draft->has_value())
        return;
    const QString when = compactDateTime((*draft)->savedAt, m_timeZone, QDateTime::currentDateTimeUtc(), true);
    const auto answer = QMessageBox::question(
        this, tr("Continue the unsaved log?"),
        tr("An interaction you were logging was not saved (last change %1). Continue where you stopped?").arg(when),
        QMessageBox::Yes | QMessageBox::Discard, QMessageBox::Yes);
    if (answer == QMessageBox::Discard) {
        (void)DraftStore(m_database->connection()).remove(QString::fromLatin1(LogInteractionDialog::kDraftKey));
        return;
    }
    LogInteractionDialog *dialog = logInteraction();
    dialog->restoreDraft((*draft)->data);
}

void MainWindow::updateAgentStatus()
{
    const QUuid current = ClientState(m_database->connection()).currentAgent();
    const auto agents = DirectoryRepository(m_database->connection()).agents();
    const bool decidedByServer = AppSettings::syncMode() == u"server" && !m_info.isDemo;
    m_settingsPage->setAgents(agents ? agents.value() : QList<Agent>(), current, decidedByServer);
    m_settingsPage->people()->setDirectory(m_database.get(), current, decidedByServer);
    QString name;
    QUuid team;
    if (agents) {
        for (const Agent &a : agents.value()) {
            if (a.id == current) {
                name = a.name;
                team = a.teamId;
            }
        }
    }
    m_ticketsPage->setAgent(current, team);
    m_ticketView->setAgent(current, team);
    if (current != m_agent)
        m_breachWatch->reset();
    m_agent = current;
    m_team = team;
    m_agentStatus->setText(name.isEmpty() ? tr("Nobody signed in — choose who you are") : name);
    m_agentStatus->setToolTip(decidedByServer
                                  ? tr("Calls and changes are recorded under your team server login's name.")
                                  : tr("Calls and changes are recorded under this name. Click to change it."));
    applyTimeZone(); // the agent's team's zone, or a team that just arrived
}

void MainWindow::applyTimeZone()
{
    const NamedTimeZones named = namedTimeZones(m_database->connection());
    m_settingsPage->setAutomaticTimeZone(displayTimeZone(QString(), named));
    const QTimeZone zone = displayTimeZone(AppSettings::timeZone(), named);
    if (zone == m_timeZone)
        return;
    m_timeZone = zone;
    m_customersPage->model()->setTimeZone(zone);
    m_customerView->setTimeZone(zone);
    m_ticketsPage->model()->setTimeZone(zone);
    m_ticketView->setTimeZone(zone);
    m_dashboardPage->setTimeZone(zone);
    // The sync status names a time only when up to date or offline.
    if (const auto state = m_sync ? m_sync->status().state : SyncService::State::Stopped;
        state == SyncService::State::UpToDate || state == SyncService::State::Offline)
        applySyncStatus();
}

MainWindow::Page MainWindow::currentPage() const
{
    return Page(m_navigation->currentRow());
}

void MainWindow::showPage(Page page)
{
    m_navigation->setCurrentRow(int(page));
}

void MainWindow::updateTitle()
{
    setWindowTitle(tr("%1 — Madoguchi").arg(QFileInfo(m_database->path()).fileName()));
}

void MainWindow::refreshDatabaseInfo()
{
    // One read at a time; changes meanwhile are counted by one more.
    if (m_infoReading) {
        m_infoStale = true;
        return;
    }
    m_infoReading = true;
    if (m_info.path.isEmpty())
        m_databaseStatus->setText(tr("%1 — reading…").arg(QDir::toNativeSeparators(m_database->path())));
    const Database *database = m_database.get();
    const int generation = m_databaseGeneration;
    m_work->read(
        database, [database] { return inspectDatabase(*database, false); },
        [this, generation](Result<DatabaseInfo> info) {
            if (generation != m_databaseGeneration)
                return; // read from a database this window no longer shows
            m_infoReading = false;
            if (info)
                applyDatabaseInfo(info.value());
            else
                m_databaseStatus->setText(info.error().message);
            if (std::exchange(m_infoStale, false))
                refreshDatabaseInfo();
        });
}

void MainWindow::runIntegrityCheck()
{
    const Database *database = m_database.get();
    m_work->read(
        database, [database] { return inspectDatabase(*database, true); },
        [this](Result<DatabaseInfo> info) {
            if (!info) {
                m_settingsPage->setCheckResult(info.error().message, false);
                emit integrityCheckFinished(false);
                return;
            }
            const bool healthy = info->integrityProblems.isEmpty() && info->foreignKeyProblems == 0;
            m_settingsPage->setCheckResult(healthy ? tr("No problems found.")
                                                   : tr("Problems found: %1")
                                                         .arg(info->integrityProblems.join(QStringLiteral("; "))),
                                           healthy);
            emit integrityCheckFinished(healthy);
        });
}

void MainWindow::applyDatabaseInfo(const DatabaseInfo &info)
{
    m_info = info;
    const auto count = [&](const char *table) {
        return int(std::min<qint64>(countOf(info, QString::fromLatin1(table)), INT_MAX));
    };
    m_databaseStatus->setText(QStringList{QFileInfo(info.path).fileName(),
                                          tr("%Ln customer(s)", nullptr, count("customers")),
                                          tr("%Ln ticket(s)", nullptr, count("tickets")),
                                          tr("%Ln interaction(s)", nullptr, count("interactions"))}
                                  .join(QStringLiteral(" · ")));
    m_databaseStatus->setToolTip(QDir::toNativeSeparators(info.path));
    m_demoBadge->setVisible(info.isDemo);
    if (m_sync->status().state == SyncService::State::Stopped) {
        if (!info.isDemo && info.outboxPending > 0)
            m_syncStatus->setText(tr("Local only — %n change(s) kept for sync", nullptr,
                                     int(std::min<qint64>(info.outboxPending, INT_MAX))));
        else
            m_syncStatus->setText(tr("Local only — no team server configured"));
    }

    m_customersPage->setCustomerCount(countOf(info, QStringLiteral("customers")));
    m_settingsPage->setDatabaseInfo(info);
    emit databaseInfoChanged();
}

bool MainWindow::openDatabase(const QString &path)
{
    Database::Options options;
    options.mode = Database::OpenMode::MustExist;
    auto opened = Database::open(path, options);
    if (!opened) {
        QMessageBox::warning(this, tr("Cannot open the database"), opened.error().message);
        return false;
    }
    const QList<QWidget *> previous = detachDatabase();
    m_database.swap(opened.value());
    attachDatabase();
    qDeleteAll(previous);
    opened.value().reset(); // the old database, after the pages that used it
    return true;
}

QList<QWidget *> MainWindow::detachDatabase()
{
    m_infoRefresh->stop();
    // Open call logs hold the database (what they hold is in their draft).
    qDeleteAll(findChildren<LogInteractionDialog *>());
    m_care->waitForWork();
    m_work->wait();
    // Sync belongs to the database it synchronised: the other one starts
    // working locally until it is connected.
    delete m_sync;
    m_sync = nullptr;
    // Pages hold the database: they are built again for the new one.
    const QList<QWidget *> pages{m_customersPage, m_customerView, m_ticketsPage, m_ticketView, m_dashboardPage};
    for (QWidget *page : pages)
        m_pages->removeWidget(page);
    m_ticketReturn = nullptr;
    m_breachWatch.reset();
    m_settingsPage->people()->setDirectory(nullptr, {}, false);
    return pages;
}

void MainWindow::attachDatabase()
{
    ++m_databaseGeneration;
    m_infoReading = false;
    m_infoStale = false;
    connect(&m_database->changes(), &ChangeHub::changed, this, &MainWindow::applyChanges);
    createSyncService();
    createCustomerPages();
    createTicketPages();
    m_pages->insertWidget(int(Page::Customers), m_customersPage);
    m_pages->insertWidget(int(Page::Tickets), m_ticketsPage);
    m_pages->insertWidget(int(Page::Dashboard), m_dashboardPage);
    m_pages->addWidget(m_customerView);
    m_pages->addWidget(m_ticketView);
    m_pages->setCurrentIndex(m_navigation->currentRow());
    updateAgentStatus();
    updateTitle();
    refreshDatabaseInfo();
    m_care->setDatabase(m_database.get());
}

void MainWindow::showBackups()
{
    BackupsDialog dialog(m_database->path(), m_timeZone, this);
    connect(&dialog, &BackupsDialog::backUpRequested, m_care, &DatabaseCare::backUpNow);
    connect(m_care, &DatabaseCare::backedUp, &dialog, &BackupsDialog::reload);
    connect(&dialog, &BackupsDialog::restoreRequested, this, [this, &dialog](const QString &backup) {
        dialog.accept();
        restoreFromBackup(backup);
    });
    dialog.exec();
}

bool MainWindow::restoreFromBackup(const QString &backup)
{
    const QString path = m_database->path();
    // Nothing of this window may have the file open while it is replaced.
    qDeleteAll(detachDatabase());
    m_care->setDatabase(nullptr);
    m_database.reset();
    const auto restored = madoguchi::restoreBackup(path, backup);
    Database::Options options;
    options.mode = Database::OpenMode::MustExist;
    auto reopened = Database::open(path, options);
    if (!reopened) {
        QMessageBox::critical(this, tr("Cannot open the database"), reopened.error().message);
        QCoreApplication::exit(1);
        return false;
    }
    m_database = std::move(reopened.value());
    attachDatabase();
    if (!restored) {
        QMessageBox::warning(this, tr("The backup was not restored"), restored.error().message);
        return false;
    }
    if (restored->changesUnreadable)
        QMessageBox::warning(
            this, tr("Restored the backup"),
            tr("The changes not yet sent could not be read from the damaged file, so they were not carried over. The file "
               "is kept as %1.")
                .arg(QDir::toNativeSeparators(restored->replacedKeptAs)));
    else
        statusBar()->showMessage(tr("Restored the backup; %n change(s) not yet sent were carried over.", nullptr,
                                    int(restored->carried)),
                                 15'000);
    offerDraftRecovery(); // a call note being typed came along
    return true;
}

void MainWindow::createSyncService()
{
    m_sync = new SyncService(m_database.get(), this);
    connect(m_sync, &SyncService::statusChanged, this, &MainWindow::applySyncStatus);
    connect(m_settingsPage->serverSettings(), &ServerSettingsWidget::connectRequested, m_sync, &SyncService::start);
    connect(m_settingsPage->serverSettings(), &ServerSettingsWidget::workLocallyRequested, m_sync, &SyncService::stop);
    // A change on the server's directory: the next pull brings it here.
    connect(m_settingsPage->people(), &PeoplePage::serverDirectoryChanged, m_sync, &SyncService::syncNow);
}

void MainWindow::applySyncStatus()
{
    const SyncService::Status s = m_sync->status();
    const QLocale locale;
    QString text = SyncService::stateName(s.state);
    if (s.state == SyncService::State::UpToDate && s.lastSync.isValid())
        text = tr("Up to date · synced %1").arg(timeOfDay(s.lastSync, m_timeZone));
    if (s.state == SyncService::State::Offline && s.nextAttempt.isValid())
        text = tr("Offline · trying again at %1").arg(timeOfDay(s.nextAttempt, m_timeZone));
    if (s.state == SyncService::State::Syncing && s.progress) {
        const auto [phase, done] = *s.progress;
        if (phase == SyncPhase::Pushing)
            text = tr("Syncing · %n change(s) sent", nullptr, int(done));
        else if (phase == SyncPhase::Pulling)
            text = done == 0 ? tr("Syncing · receiving changes")
                             : tr("Syncing · %1 rows received").arg(locale.toString(done));
        else
            text = tr("Syncing · setting up the local copy (indexes and search)");
    }
    if (s.pending > 0 && s.state != SyncService::State::Stopped)
        text += tr(" · %n waiting", nullptr, s.pending);
    m_syncStatus->setText(text);
    m_syncStatus->setToolTip(s.message.isEmpty() ? tr("Changes are exchanged with the team server as you work.")
                                                 : s.message);
    m_conflictsButton->setText(tr("%n conflict(s)", nullptr, s.openConflicts));
    m_conflictsButton->setVisible(s.openConflicts > 0);
    if (s.state == SyncService::State::Failed)
        statusBar()->showMessage(s.message, 15'000);
}

void MainWindow::showConflicts()
{
    auto *dialog = new ConflictsDialog(*m_database, m_agent, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void MainWindow::startTeamSync()
{
    const QString mode = AppSettings::syncMode();
    if (mode == u"server") {
        ServerConnection server = AppSettings::server();
        server.password = ServerPasswordPrompt::ask(this, server).password;
        if (server.password.isEmpty()) {
            statusBar()->showMessage(tr("Working locally this session: no password for the team server."), 10'000);
            return;
        }
        m_sync->start(server);
        return;
    }
    if (!m_info.isDemo && (mode.isEmpty() || WorkspaceSetup(m_database->connection()).needsSetUp()))
        runFirstRun();
}

FirstRunWizard::Outcome MainWindow::runFirstRun()
{
    const bool askPeople = WorkspaceSetup(m_database->connection()).needsSetUp();
    FirstRunWizard wizard(m_database->connection(), askPeople, this);
    if (askPeople && AppSettings::syncMode() == u"local")
        wizard.setStartId(FirstRunWizard::You); // asked before: the people are missing
    wizard.exec();
    switch (wizard.outcome()) {
    case FirstRunWizard::Outcome::ConnectToServer:
        showPage(Page::Settings);
        m_settingsPage->showServerSettings();
        break;
    case FirstRunWizard::Outcome::SetUp:
        AppSettings::setSyncMode(QStringLiteral("local"));
        updateAgentStatus();
        showPage(Page::Customers);
        statusBar()->showMessage(tr("Your workspace is ready. Add your first customer or log a call."), 10'000);
        break;
    case FirstRunWizard::Outcome::Later:
    case FirstRunWizard::Outcome::WorkLocally: AppSettings::setSyncMode(QStringLiteral("local")); break;
    case FirstRunWizard::Outcome::Closed: break;
    }
    return wizard.outcome();
}

} // namespace madoguchi
