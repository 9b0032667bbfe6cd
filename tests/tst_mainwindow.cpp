// The main window driven the way a user drives it: keys, clicks, dialogs.
#include "config/appsettings.h"
#include "customers/customerspage.h"
#include "customers/loginteractiondialog.h"
#include "dashboard/dashboardpage.h"
#include "demo/demogenerator.h"
#include "domain/businesscalendar.h"
#include "kit/appearance.h"
#include "kit/desktopnotifier.h"
#include "kit/toast.h"
#include "models/customerlistmodel.h"
#include "repositories/customerrepository.h"
#include "repositories/customersearch.h"
#include "repositories/directoryrepository.h"
#include "repositories/interactionrepository.h"
#include "repositories/slarepository.h"
#include "services/interactionlog.h"
#include "services/slaengine.h"
#include "services/ticketservice.h"
#include "settings/settingspage.h"
#include "shell/mainwindow.h"
#include "shell/shortcutsdialog.h"
#include "storage/clientstate.h"
#include "storage/transaction.h"
#include "sync/syncservice.h"
#include "testsupport.h"
#include "tickets/ticketspage.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTranslator>

#include <gtest/gtest.h>

#include <functional>

using namespace madoguchi;

namespace {

std::unique_ptr<Database> demoDatabase(QTemporaryDir &dir)
{
    auto db = Database::open(dir.filePath(QStringLiteral("demo.sqlite")));
    EXPECT_TRUE(db);
    DemoOptions options;
    options.customers = 120;
    options.tickets = 400;
    options.interactions = 1'000;
    options.anchor = QDate(2026, 11, 1);
    EXPECT_TRUE(generateDemoData(*db.value(), options));
    return std::move(db.value());
}

bool waitForInfo(MainWindow &window)
{
    return QTest::qWaitFor([&] { return !window.databaseInfo().path.isEmpty(); }, 10'000);
}

} // namespace

TEST(MainWindow, ShowsTheDatabaseInTheStatusBarAndTheRealCountsOnThePages)
{
    QTemporaryDir dir;
    MainWindow window(demoDatabase(dir));
    window.show();
    ASSERT_TRUE(waitForInfo(window));
    const QString status = window.databaseStatusLabel()->text();
    EXPECT_TRUE(status.contains(QStringLiteral("demo.sqlite"))) << status.toStdString();
    EXPECT_TRUE(status.contains(QStringLiteral("120 customers"))) << status.toStdString();
    EXPECT_TRUE(status.contains(QStringLiteral("400 tickets"))) << status.toStdString();
    EXPECT_TRUE(window.syncStatusLabel()->text().contains(QStringLiteral("Local only")));
    EXPECT_TRUE(window.windowTitle().contains(QStringLiteral("demo.sqlite")));
    auto *ticketsPage = qobject_cast<TicketsPage *>(
        window.findChild<QStackedWidget *>()->widget(int(MainWindow::Page::Tickets)));
    ASSERT_NE(ticketsPage, nullptr);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !ticketsPage->counts().isEmpty(); }, 10'000));
    EXPECT_EQ(ticketsPage->counts().at(int(Queue::All)), 400);
    EXPECT_EQ(window.customersPage()->findChild<QLabel *>(QStringLiteral("countLabel"))->text(),
              QStringLiteral("120 customers"));
}

TEST(MainWindow, KeyboardShortcutsSwitchPages)
{
    QTemporaryDir dir;
    MainWindow window(demoDatabase(dir));
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    EXPECT_EQ(window.currentPage(), MainWindow::Page::Customers);
    QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
    EXPECT_EQ(window.currentPage(), MainWindow::Page::Tickets);
    QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
    EXPECT_EQ(window.currentPage(), MainWindow::Page::Dashboard);
    QTest::keyClick(&window, Qt::Key_Comma, Qt::ControlModifier);
    EXPECT_EQ(window.currentPage(), MainWindow::Page::Settings);
    auto *stack = window.findChild<QStackedWidget *>();
    EXPECT_EQ(stack->currentWidget(), window.findChild<SettingsPage *>());

    // The navigation list itself follows the arrow keys.
    auto *navigation = window.findChild<QListWidget *>();
    navigation->setFocus();
    navigation->setCurrentRow(0);
    QTest::keyClick(navigation, Qt::Key_Down);
    EXPECT_EQ(window.currentPage(), MainWindow::Page::Tickets);
}

// A page that does nothing yet does not sit in the main navigation.
TEST(MainWindow, TheNavigationHoldsOnlyPagesThatWork)
{
    QTemporaryDir dir;
    MainWindow window(demoDatabase(dir));
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    auto *stack = window.findChild<QStackedWidget *>();
    auto *navigation = window.findChild<QListWidget *>();
    ASSERT_EQ(navigation->count(), 4); // customers, tickets, dashboard, settings
    // Each entry opens its working page (the placeholder page is gone from the code).
    EXPECT_NE(qobject_cast<CustomersPage *>(stack->widget(int(MainWindow::Page::Customers))), nullptr);
    EXPECT_NE(qobject_cast<TicketsPage *>(stack->widget(int(MainWindow::Page::Tickets))), nullptr);
    EXPECT_NE(qobject_cast<DashboardPage *>(stack->widget(int(MainWindow::Page::Dashboard))), nullptr);
    EXPECT_NE(qobject_cast<SettingsPage *>(stack->widget(int(MainWindow::Page::Settings))), nullptr);
    QTest::keyClick(&window, Qt::Key_4, Qt::ControlModifier);
    QTest::keyClick(&window, Qt::Key_5, Qt::ControlModifier);
    EXPECT_EQ(window.currentPage(), MainWindow::Page::Customers);
}

TEST(MainWindow, ShortcutListShowsEveryShortcut)
{
    QTemporaryDir dir;
    MainWindow window(demoDatabase(dir));
    ShortcutsDialog dialog(window.shortcutActions());
    QStringList rows;
    for (int r = 0; r < dialog.table()->rowCount(); ++r)
        rows << dialog.table()->item(r, 0)->text() + u'=' + dialog.table()->item(r, 1)->text();
    EXPECT_TRUE(rows.contains(QStringLiteral("Customers=Ctrl+1"))) << rows.join(u',').toStdString();
    EXPECT_TRUE(rows.contains(QStringLiteral("Settings=Ctrl+,"))) << rows.join(u',').toStdString();
    EXPECT_TRUE(rows.contains(QStringLiteral("Quit=Ctrl+Q"))) << rows.join(u',').toStdString();
    EXPECT_TRUE(rows.contains(QStringLiteral("Open Database…=Ctrl+O"))) << rows.join(u',').toStdString();
    EXPECT_EQ(rows.size(), window.shortcutActions().size());
    // Every action of the menus that has a shortcut is listed (Sync Now was not).
    std::function<void(const QList<QAction *> &)> visit = [&](const QList<QAction *> &actions) {
        for (QAction *action : actions) {
            if (action->menu()) {
                visit(action->menu()->actions());
            } else if (!action->shortcut().isEmpty()) {
                EXPECT_TRUE(window.shortcutActions().contains(action)) << action->text().toStdString();
            }
        }
    };
    visit(window.menuBar()->actions());
    EXPECT_TRUE(rows.contains(QStringLiteral("Sync Now=Ctrl+Shift+S"))) << rows.join(u',').toStdString();
}

TEST(MainWindow, OpeningABadFileExplainsWhyAndKeepsTheCurrentDatabase)
{
    QTemporaryDir dir;
    MainWindow window(demoDatabase(dir));
    window.show();
    ASSERT_TRUE(waitForInfo(window));
    const QString current = window.database().path();
    const QString junk = dir.filePath(QStringLiteral("junk.sqlite"));
    {
        QFile f(junk);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(8192, '\x7f'));
    }
    QString shown;
    QTimer::singleShot(0, [&shown] {
        if (!QTest::qWaitFor([] { return QApplication::activeModalWidget() != nullptr; }, 5'000))
            return;
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
            shown = box->text();
            box->close();
        }
    });
    EXPECT_FALSE(window.openDatabase(junk));
    EXPECT_TRUE(shown.contains(QStringLiteral("not a Madoguchi database"))) << shown.toStdString();
    EXPECT_EQ(window.database().path(), current);
}

TEST(MainWindow, OpensAnotherDatabase)
{
    QTemporaryDir dir;
    MainWindow window(demoDatabase(dir));
    window.show();
    ASSERT_TRUE(waitForInfo(window));
    const QString other = dir.filePath(QStringLiteral("other.sqlite"));
    ASSERT_TRUE(Database::open(other));
    QSignalSpy changed(&window, &MainWindow::databaseInfoChanged);
    ASSERT_TRUE(window.openDatabase(other));
    ASSERT_TRUE(changed.wait(10'000));
    EXPECT_TRUE(window.databaseStatusLabel()->text().contains(QStringLiteral("0 customers")));
    EXPECT_TRUE(window.windowTitle().contains(QStringLiteral("other.sqlite")));
}

TEST(MainWindow, TheAgentChosenInSettingsIsRecordedOnLoggedCalls)
{
    QTemporaryDir dir;
    MainWindow window(demoDatabase(dir));
    window.show();
    ASSERT_TRUE(waitForInfo(window));
    window.showPage(MainWindow::Page::Settings);
    auto *agents = window.findChild<SettingsPage *>()->findChild<QComboBox *>(QStringLiteral("agentCombo"));
    ASSERT_NE(agents, nullptr);
    ASSERT_GT(agents->count(), 10);
    agents->setCurrentIndex(3);
    emit agents->activated(3);
    const QUuid chosen = agents->currentData().toUuid();
    EXPECT_EQ(ClientState(window.database().connection()).currentAgent(), chosen);
    const QString name = agents->currentText().section(QStringLiteral(" — "), 0, 0);
    // The status bar says who is signed in; a click there opens Settings ▸ You.
    QToolButton *signedIn = nullptr;
    for (auto *button : window.statusBar()->findChildren<QToolButton *>()) {
        if (button->accessibleName() == QStringLiteral("Signed in as"))
            signedIn = button;
    }
    ASSERT_NE(signedIn, nullptr);
    EXPECT_EQ(signedIn->text(), name);
    window.showPage(MainWindow::Page::Customers);
    QTest::mouseClick(signedIn, Qt::LeftButton);
    EXPECT_EQ(window.currentPage(), MainWindow::Page::Settings);

    LogInteractionDialog *dialog = window.logInteraction();
    const auto customer = CustomerSearch(window.database().connection(), QStringLiteral("JP"))
                              .search(QStringLiteral("あ"), 1);
    ASSERT_TRUE(customer && !customer->isEmpty());
    dialog->setCustomer(customer->constFirst().customer.id);
    QSignalSpy saved(dialog, &LogInteractionDialog::saved);
    dialog->accept();
    ASSERT_EQ(saved.count(), 1) << dialog->errorText().toStdString();
    const auto interaction = InteractionRepository(window.database().connection())
                                 .get(saved.constFirst().constFirst().toUuid());
    ASSERT_TRUE(interaction);
    EXPECT_EQ(interaction->agentId, chosen);
    EXPECT_EQ(interaction->meta.createdBy, chosen);
}

TEST(SettingsPage, WithNobodySetUpTheYouHintLeadsToPeopleAndTeams)
{
    SettingsPage page;
    page.setAgents({}, {});
    auto *hint = test::child<QLabel>(&page, "agentHint");
    auto *tabs = test::child<QTabWidget>(&page, "tabs");
    ASSERT_NE(tabs, nullptr);
    EXPECT_FALSE(test::child<QComboBox>(&page, "agentCombo")->isEnabled());
    EXPECT_TRUE(hint->isEnabled());
    EXPECT_TRUE(hint->text().contains(QStringLiteral("<a href=\"people\">People and teams</a>")))
        << hint->text().toStdString();
    EXPECT_FALSE(hint->text().contains(QStringLiteral("madoguchi-cli")));
    emit hint->linkActivated(QStringLiteral("people"));
    EXPECT_EQ(tabs->tabText(tabs->currentIndex()), QStringLiteral("People and teams"));
}

TEST(SettingsPage, DarkAppearanceAppliesAtOnceAndIsRemembered)
{
    SettingsPage page;
    auto *appearance = test::child<QComboBox>(&page, "appearanceCombo");
    ASSERT_NE(appearance, nullptr);
    appearance->setCurrentIndex(appearance->findData(QStringLiteral("dark")));
    emit appearance->activated(appearance->currentIndex());
    EXPECT_EQ(AppSettings::appearance(), QStringLiteral("dark"));
    EXPECT_EQ(QApplication::palette().color(QPalette::Window), darkPalette().color(QPalette::Window));
    appearance->setCurrentIndex(appearance->findData(QStringLiteral("light")));
    emit appearance->activated(appearance->currentIndex());
    EXPECT_EQ(AppSettings::appearance(), QStringLiteral("light"));
    EXPECT_GT(QApplication::palette().color(QPalette::Window).lightness(), 128);
}

TEST(SettingsPage, SavesTheDefaultPhoneRegionAndShowsAnExample)
{
    AppSettings::setPhoneRegion(QStringLiteral("JP"));
    SettingsPage page;
    auto *region = page.findChild<QComboBox *>(QStringLiteral("regionCombo"));
    ASSERT_NE(region, nullptr);
    EXPECT_EQ(region->currentData().toString(), QStringLiteral("JP"));
    region->setCurrentIndex(region->findData(QStringLiteral("US")));
    EXPECT_EQ(AppSettings::phoneRegion(), QStringLiteral("US"));
    auto *hint = page.findChild<QLabel *>(QStringLiteral("regionHint"));
    EXPECT_TRUE(hint->text().contains(QStringLiteral("+1"))) << hint->text().toStdString();
    AppSettings::setPhoneRegion(QStringLiteral("JP"));
}

TEST(SettingsPage, LanguageChoiceIsSavedForTheNextStart)
{
    AppSettings::setLanguage(QString());
    SettingsPage page;
    auto *language = page.findChild<QComboBox *>(QStringLiteral("languageCombo"));
    language->setCurrentIndex(language->findData(QStringLiteral("ja")));
    EXPECT_EQ(AppSettings::language(), QStringLiteral("ja"));
    EXPECT_TRUE(page.findChild<QLabel *>(QStringLiteral("languageHint"))->isVisibleTo(&page));
    AppSettings::setLanguage(QString());
}

TEST(SettingsPage, IntegrityCheckRunsInTheBackgroundAndReports)
{
    QTemporaryDir dir;
    MainWindow window(demoDatabase(dir));
    window.show();
    window.showPage(MainWindow::Page::Settings);
    QSignalSpy finished(&window, &MainWindow::integrityCheckFinished);
    auto *button = window.findChild<QPushButton *>(QStringLiteral("checkButton"));
    QTest::mouseClick(button, Qt::LeftButton);
    ASSERT_TRUE(finished.wait(20'000));
    EXPECT_TRUE(finished.constFirst().constFirst().toBool());
    EXPECT_EQ(window.findChild<QLabel *>(QStringLiteral("checkResult"))->text(), QStringLiteral("No problems found."));
    EXPECT_TRUE(button->isEnabled());
}

TEST(MainWindow, SpeaksJapanese)
{
    QTranslator translator;
    ASSERT_TRUE(translator.load(QStringLiteral(":/i18n/madoguchi_ja.qm")));
    QCoreApplication::installTranslator(&translator);
    QTemporaryDir dir;
    {
        MainWindow window(demoDatabase(dir));
        auto *navigation = window.findChild<QListWidget *>();
        EXPECT_EQ(navigation->item(0)->text(), QStringLiteral("顧客"));
        EXPECT_EQ(navigation->item(int(MainWindow::Page::Settings))->text(), QStringLiteral("設定"));
    }
    QCoreApplication::removeTranslator(&translator);
}

TEST(MainWindow, TellsTheAgentWhenTheirTicketsNearBreach)
{
    QTemporaryDir dir;
    auto db = madoguchi::Database::open(dir.filePath(QStringLiteral("crm.sqlite")));
    ASSERT_TRUE(db);
    const QSqlDatabase connection = db.value()->connection();
    DirectoryRepository directory(connection);
    Team team;
    team.name = QStringLiteral("窓口");
    Agent agent;
    agent.name = QStringLiteral("高橋 美咲");
    agent.teamId = directory.addTeam(team).value();
    const QUuid agentId = directory.addAgent(agent).value();
    ASSERT_TRUE(ClientState(connection).setCurrentAgent(agentId));
    Customer c;
    c.name = QStringLiteral("山田 太郎");
    Ticket draft;
    draft.customerId = CustomerRepository(connection).add(c).value();
    draft.subject = QStringLiteral("ログインできない");
    draft.priority = Priority::Urgent;
    draft.assigneeId = agentId;
    draft.teamId = agent.teamId;
    const Ticket t = TicketService(connection, agentId).create(draft).value();

    MainWindow window(std::move(db.value()));
    window.show();
    ASSERT_TRUE(t.firstResponseDue.has_value());
    // Five business minutes before the first response is due.
    window.checkSlaClocks(
        SlaClock(BusinessCalendar::japanStandard()).calendar().addBusinessMinutes(t.meta.createdAt, 25));
    const QString expected = QStringLiteral("SLA warning: %1").arg(t.number);
    EXPECT_EQ(window.statusBar()->currentMessage(), expected);
    if (window.notifier()->channel() == DesktopNotifier::Channel::InApp) {
        EXPECT_EQ(window.toast()->title(), expected);
    }
    // Once is enough.
    window.statusBar()->clearMessage();
    window.checkSlaClocks(
        SlaClock(BusinessCalendar::japanStandard()).calendar().addBusinessMinutes(t.meta.createdAt, 26));
    EXPECT_TRUE(window.statusBar()->currentMessage().isEmpty());

    // A lead doubles the urgent first-response target (as Service Levels
    // saves it): the due time moves to 60 minutes, and the warning follows
    // the new target, at three quarters of it (with the old rules, 10 of 30
    // minutes left would not warn).
    SlaPolicy policy = SlaRepository(connection, agentId).defaultPolicy().value();
    policy.firstResponse[std::size_t(Priority::Urgent)] = 60;
    ASSERT_TRUE(inTransaction(connection, [&]() -> Result<void> {
        if (auto r = SlaRepository(connection, agentId).savePolicy(policy); !r)
            return r.error();
        if (auto r = SlaEngine(connection).recomputeForPolicy(policy.id); !r)
            return r.error();
        return {};
    }));
    QCoreApplication::processEvents();
    window.checkSlaClocks(
        SlaClock(BusinessCalendar::japanStandard()).calendar().addBusinessMinutes(t.meta.createdAt, 50));
    EXPECT_EQ(window.statusBar()->currentMessage(), expected);
}

TEST(MainWindow, StatusBarSaysWhenTheTeamServerCannotBeReached)
{
    QTemporaryDir dir;
    auto opened = Database::open(dir.filePath(QStringLiteral("local.sqlite")));
    ASSERT_TRUE(opened);
    MainWindow window(std::move(opened.value()));
    window.show();
    QLabel *sync = nullptr;
    for (QLabel *label : window.statusBar()->findChildren<QLabel *>()) {
        if (label->accessibleName() == u"Sync status")
            sync = label;
    }
    ASSERT_NE(sync, nullptr);
    ASSERT_TRUE(QTest::qWaitFor([&] { return sync->text().startsWith(QStringLiteral("Local only")); }, 5'000))
        << sync->text().toStdString();

    // Nothing listens there: offline, when it tries again, and why (in the tooltip).
    window.syncService()->start(test::unreachableServer());
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return sync->text().startsWith(QStringLiteral("Offline · trying again at")); }, 10'000))
        << sync->text().toStdString();
    EXPECT_TRUE(sync->toolTip().contains(QStringLiteral("Nothing answers"))) << sync->toolTip().toStdString();
    window.syncService()->stop();
    ASSERT_TRUE(QTest::qWaitFor([&] { return sync->text() == u"Working locally"; }, 5'000))
        << sync->text().toStdString();
}

namespace {

// A window on a new, empty database, its first counts read.
std::unique_ptr<MainWindow> windowOnNewDatabase(const QTemporaryDir &dir)
{
    auto opened = Database::open(dir.filePath(QStringLiteral("new.sqlite")));
    EXPECT_TRUE(opened);
    if (!opened)
        return nullptr;
    auto window = std::make_unique<MainWindow>(std::move(opened.value()));
    window->show();
    EXPECT_TRUE(waitForInfo(*window));
    return window;
}

Result<QUuid> addCustomer(const MainWindow &window, const QString &name, const QString &reading)
{
    Customer c;
    c.name = name;
    c.nameReading = reading;
    return CustomerRepository(window.database().connection()).add(c);
}

} // namespace

TEST(MainWindow, CountsFollowEveryChangeOnANewDatabase)
{
    // The defects: on a new database the status bar stayed at "0 customers ·
    // 0 tickets · 0 interactions" and the Customers page said "0 customers"
    // beside a one-row list (on the demo they lagged by one). The counts now
    // follow the change hub, whoever made the change.
    QTemporaryDir dir;
    const auto owned = windowOnNewDatabase(dir);
    ASSERT_TRUE(owned);
    MainWindow &window = *owned;
    const QLabel *status = window.databaseStatusLabel();
    const QLabel *header = window.customersPage()->findChild<QLabel *>(QStringLiteral("countLabel"));
    ASSERT_NE(header, nullptr);
    EXPECT_TRUE(status->text().endsWith(QStringLiteral("0 customers · 0 tickets · 0 interactions")))
        << status->text().toStdString();

    const QSqlDatabase db = window.database().connection();
    const auto customer = addCustomer(window, QStringLiteral("山田 花子"), QStringLiteral("ヤマダ ハナコ"));
    ASSERT_TRUE(customer);
    EXPECT_TRUE(QTest::qWaitFor(
        [&] { return status->text().endsWith(QStringLiteral("1 customer · 0 tickets · 0 interactions")); }, 5'000))
        << status->text().toStdString();
    EXPECT_TRUE(QTest::qWaitFor([&] { return header->text() == QStringLiteral("1 customer"); }, 5'000))
        << header->text().toStdString();
    EXPECT_EQ(window.customersPage()->model()->rowCount(), 1);

    for (int i = 0; i < 2; ++i) {
        Ticket draft;
        draft.customerId = customer.value();
        draft.subject = QStringLiteral("問い合わせ %1").arg(i);
        ASSERT_TRUE(TicketService(db, {}).create(draft));
    }
    Interaction call;
    call.customerId = customer.value();
    call.channel = Channel::Phone;
    call.direction = Direction::Inbound;
    call.startedAt = QDateTime::currentDateTimeUtc();
    ASSERT_TRUE(InteractionLog(db, {}).add(call));
    EXPECT_TRUE(
        QTest::qWaitFor([&] { return status->text().endsWith(QStringLiteral("1 customer · 2 tickets · 1 interaction")); },
                        5'000))
        << status->text().toStdString();

    ASSERT_TRUE(addCustomer(window, QStringLiteral("佐藤 一郎"), QStringLiteral("サトウ イチロウ")));
    EXPECT_TRUE(QTest::qWaitFor([&] { return header->text() == QStringLiteral("2 customers"); }, 5'000))
        << header->text().toStdString();
    EXPECT_TRUE(status->text().endsWith(QStringLiteral("2 customers · 2 tickets · 1 interaction")))
        << status->text().toStdString();
    EXPECT_EQ(window.customersPage()->model()->rowCount(), 2);
}

TEST(MainWindow, NegativeControlTheCountsStandStillWithoutTheHub)
{
    QTemporaryDir dir;
    const auto window = windowOnNewDatabase(dir);
    ASSERT_TRUE(window);
    QObject::disconnect(&window->database().changes(), nullptr, window.get(), nullptr);
    ASSERT_TRUE(addCustomer(*window, QStringLiteral("山田 花子"), QStringLiteral("ヤマダ ハナコ")));
    EXPECT_FALSE(
        QTest::qWaitFor([&] { return window->databaseStatusLabel()->text().contains(QStringLiteral("1 customer")); },
                        1'500));
}

// With a team server, the login decides who you are: Settings ▸ You shows
// them but cannot change them; without one, the choice is the user's.
TEST(MainWindow, WithATeamServerYouAreTheServersLogin)
{
    SettingsPage page;
    auto *combo = page.findChild<QComboBox *>(QStringLiteral("agentCombo"));
    ASSERT_NE(combo, nullptr);
    Agent sato;
    sato.id = QUuid::createUuid();
    sato.name = QStringLiteral("佐藤 愛子");
    page.setAgents({sato}, sato.id, true);
    EXPECT_FALSE(combo->isEnabled());
    EXPECT_EQ(combo->currentData().toUuid(), sato.id);
    page.setAgents({sato}, sato.id, false);
    EXPECT_TRUE(combo->isEnabled());
}
