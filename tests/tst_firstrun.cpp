// A team's first day in the program itself: the first-run wizard on a new,
// empty database in an empty home (who you are, the team and its hours,
// teammates), then a first customer, a first call and its ticket in
// "My open tickets" — no demo data and no command line.
#include "config/appsettings.h"
#include "customers/loginteractiondialog.h"
#include "customers/newcustomerdialog.h"
#include "kit/weekhoursedit.h"
#include "models/ticketqueuemodel.h"
#include "repositories/directoryrepository.h"
#include "repositories/slarepository.h"
#include "repositories/ticketrepository.h"
#include "services/workspacesetup.h"
#include "settings/settingspage.h"
#include "shell/databasecare.h"
#include "shell/firstrunwizard.h"
#include "shell/mainwindow.h"
#include "storage/clientstate.h"
#include "testsupport.h"
#include "tickets/ticketspage.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QInputMethodEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimeEdit>
#include <QToolButton>
#include <QTranslator>

#include <gtest/gtest.h>

using namespace madoguchi;
using madoguchi::test::child;
using madoguchi::test::whenOpen;

namespace {

// A first start: an empty data folder, no choice made yet, the database
// created where the program creates it.
struct FirstStart
{
    QTemporaryDir home;
    std::unique_ptr<MainWindow> window;

    FirstStart()
    {
        AppSettings::setDataDirectory(home.path());
        AppSettings::setSyncMode(QString());
        Database::Options options;
        options.mode = Database::OpenMode::CreateIfMissing;
        auto db = DatabaseCare::openAtStart(AppSettings::databasePath(), options);
        EXPECT_TRUE(db) << db.error().message.toStdString();
        window = std::make_unique<MainWindow>(std::move(db.value()));
        window->show();
        EXPECT_TRUE(QTest::qWaitForWindowExposed(window.get()));
        EXPECT_TRUE(QTest::qWaitFor([&] { return !window->databaseInfo().path.isEmpty(); }, 10'000));
    }
    ~FirstStart()
    {
        window.reset();
        AppSettings::setDataDirectory(QString());
        AppSettings::setSyncMode(QString());
    }
    QSqlDatabase db() const { return window->database().connection(); }
};

void next(QWizard *wizard)
{
    QTest::mouseClick(wizard->button(QWizard::NextButton), Qt::LeftButton);
}

void type(QWidget *form, const char *name, const QString &text)
{
    auto *edit = child<QLineEdit>(form, name);
    edit->clear();
    // As an input method commits it (Japanese is not typed key by key).
    QInputMethodEvent committed;
    committed.setCommitString(text);
    QApplication::sendEvent(edit, &committed);
}

void chooseRole(QWidget *form, const char *name, AgentRole role)
{
    auto *combo = child<QComboBox>(form, name);
    combo->setCurrentIndex(combo->findData(int(role)));
}

void addTeammate(QWizard *wizard, const QString &name, const QString &reading, AgentRole role)
{
    type(wizard, "mateNameEdit", name);
    type(wizard, "mateReadingEdit", reading);
    chooseRole(wizard, "mateRoleCombo", role);
    QTest::mouseClick(child<QPushButton>(wizard, "addMateButton"), Qt::LeftButton);
}

QString errorShown(QWidget *wizard, const char *name)
{
    auto *label = child<QLabel>(wizard, name);
    return label->isVisible() ? label->text() : QString();
}

// Fills the wizard as a team lead setting up on day one: herself, her team
// with Saturday mornings open, two teammates.
void fillFirstDay(FirstRunWizard *wizard)
{
    ASSERT_EQ(wizard->currentId(), FirstRunWizard::Welcome);
    EXPECT_TRUE(child<QRadioButton>(wizard, "localRadio")->isChecked());
    next(wizard);
    ASSERT_EQ(wizard->currentId(), FirstRunWizard::You);
    // Nobody without a name.
    next(wizard);
    EXPECT_EQ(wizard->currentId(), FirstRunWizard::You);
    EXPECT_EQ(errorShown(wizard, "youError"), QStringLiteral("Enter your name."));
    type(wizard, "nameEdit", QStringLiteral("佐藤 花子"));
    type(wizard, "readingEdit", QStringLiteral("さとう はなこ"));
    type(wizard, "emailEdit", QStringLiteral("hanako@"));
    next(wizard);
    EXPECT_EQ(wizard->currentId(), FirstRunWizard::You);
    EXPECT_FALSE(errorShown(wizard, "youError").isEmpty());
    type(wizard, "emailEdit", QStringLiteral("hanako@example.jp"));
    EXPECT_EQ(child<QComboBox>(wizard, "roleCombo")->currentData().toInt(), int(AgentRole::Admin));
    next(wizard);
    ASSERT_EQ(wizard->currentId(), FirstRunWizard::Team);

    // The shipped Japanese calendar: weekdays 9–18 in Tokyo, holidays closed.
    auto *week = wizard->findChild<WeekHoursEdit *>();
    ASSERT_NE(week, nullptr);
    EXPECT_TRUE(week->openCheck(0)->isChecked());
    EXPECT_FALSE(week->openCheck(5)->isChecked());
    EXPECT_EQ(week->opensEdit(0)->time(), QTime(9, 0));
    EXPECT_EQ(child<QComboBox>(wizard, "timeZoneCombo")->currentText(), QStringLiteral("Asia/Tokyo"));
    EXPECT_TRUE(child<QCheckBox>(wizard, "holidaysCheck")->isChecked());
    type(wizard, "teamEdit", QStringLiteral("お客様窓口"));
    week->openCheck(5)->setChecked(true);
    week->opensEdit(5)->setTime(QTime(10, 0));
    week->closesEdit(5)->setTime(QTime(9, 0));
    next(wizard);
    EXPECT_EQ(wizard->currentId(), FirstRunWizard::Team); // Saturday closes before it opens
    EXPECT_FALSE(errorShown(wizard, "teamError").isEmpty());
    week->closesEdit(5)->setTime(QTime(14, 0));
    next(wizard);
    ASSERT_EQ(wizard->currentId(), FirstRunWizard::Teammates);

    addTeammate(wizard, QStringLiteral("鈴木 一郎"), QStringLiteral("すずき いちろう"), AgentRole::Lead);
    addTeammate(wizard, QStringLiteral("佐藤 花子"), QString(), AgentRole::Agent);
    EXPECT_EQ(errorShown(wizard, "mateError"), QStringLiteral("佐藤 花子 is already on the list."));
    // Typed but not added: Next adds it.
    type(wizard, "mateNameEdit", QStringLiteral("田中 美咲"));
    next(wizard);
    ASSERT_EQ(wizard->currentId(), FirstRunWizard::Ready);
    EXPECT_EQ(child<QListWidget>(wizard, "mateList")->count(), 2);
    const QString summary = child<QLabel>(wizard, "summaryLabel")->text();
    for (const char *expected :
         {"佐藤 花子", "お客様窓口", "Asia/Tokyo", "鈴木 一郎", "田中 美咲", "Saturday 10:00–14:00"})
        EXPECT_TRUE(summary.contains(QString::fromUtf8(expected))) << summary.toStdString();
}

} // namespace

TEST(FirstRun, FromAnEmptyHomeToACallByANamedAgentInMyOpenTickets)
{
    FirstStart start;
    ASSERT_TRUE(WorkspaceSetup(start.db()).needsSetUp());
    EXPECT_FALSE(start.window->databaseInfo().isDemo);

    bool driven = false;
    whenOpen<FirstRunWizard>([&](FirstRunWizard *wizard) {
        fillFirstDay(wizard);
        QTest::mouseClick(wizard->button(QWizard::FinishButton), Qt::LeftButton);
        EXPECT_FALSE(wizard->isVisible()) << errorShown(wizard, "readyError").toStdString();
        driven = true;
    });
    start.window->startTeamSync();
    ASSERT_TRUE(driven);

    // The workspace: three people, one team led by its lead, the hours kept.
    EXPECT_EQ(AppSettings::syncMode(), QStringLiteral("local"));
    EXPECT_FALSE(WorkspaceSetup(start.db()).needsSetUp());
    const DirectoryRepository directory(start.db());
    const auto agents = directory.agents();
    ASSERT_TRUE(agents);
    ASSERT_EQ(agents->size(), 3);
    const QUuid you = ClientState(start.db()).currentAgent();
    const auto me = directory.agent(you);
    ASSERT_TRUE(me);
    EXPECT_EQ(me->name, QStringLiteral("佐藤 花子"));
    EXPECT_EQ(me->nameReading, QStringLiteral("さとう はなこ"));
    EXPECT_EQ(me->email, QStringLiteral("hanako@example.jp"));
    EXPECT_EQ(me->role, AgentRole::Admin);
    const auto team = directory.team(me->teamId);
    ASSERT_TRUE(team);
    EXPECT_EQ(team->name, QStringLiteral("お客様窓口"));
    EXPECT_EQ(team->timeZone, QStringLiteral("Asia/Tokyo"));
    const auto lead = directory.agent(team->leadId);
    ASSERT_TRUE(lead);
    EXPECT_EQ(lead->name, QStringLiteral("鈴木 一郎"));
    for (const Agent &a : *agents)
        EXPECT_EQ(a.teamId, team->id) << a.name.toStdString();
    const SlaRepository sla(start.db());
    const auto calendar = sla.calendar(sla.defaultPolicy()->calendarId);
    ASSERT_TRUE(calendar);
    ASSERT_TRUE(calendar->week[5].has_value());
    EXPECT_EQ(calendar->week[5]->open, QTime(10, 0));
    EXPECT_EQ(calendar->week[5]->close, QTime(14, 0));
    EXPECT_FALSE(calendar->week[6].has_value());
    EXPECT_TRUE(calendar->japaneseHolidays);

    // The status bar says who is signed in.
    QToolButton *signedIn = nullptr;
    for (auto *button : start.window->statusBar()->findChildren<QToolButton *>()) {
        if (button->accessibleName() == QStringLiteral("Signed in as"))
            signedIn = button;
    }
    ASSERT_NE(signedIn, nullptr);
    EXPECT_EQ(signedIn->text(), QStringLiteral("佐藤 花子"));

    // The first customer, then the first call, which opens a ticket.
    whenOpen<NewCustomerDialog>([](NewCustomerDialog *dialog) {
        child<QLineEdit>(dialog, "nameEdit")->setText(QStringLiteral("山本 翔太"));
        child<QPlainTextEdit>(dialog, "phonesEdit")->setPlainText(QStringLiteral("090-1234-5678"));
        QTest::mouseClick(child<QDialogButtonBox>(dialog, "buttons")->button(QDialogButtonBox::Save), Qt::LeftButton);
        EXPECT_FALSE(dialog->isVisible()) << dialog->errorText().toStdString();
    });
    const QUuid customer = start.window->newCustomer();
    ASSERT_FALSE(customer.isNull());
    LogInteractionDialog *call = start.window->logInteraction(Channel::Phone, customer);
    child<QCheckBox>(call, "openTicketCheck")->setChecked(true);
    type(call, "subjectEdit", QStringLiteral("請求書の宛名を変更したい"));
    QSignalSpy opened(call, &LogInteractionDialog::ticketOpened);
    QSignalSpy saved(call, &LogInteractionDialog::saved);
    call->accept();
    ASSERT_EQ(saved.count(), 1) << call->errorText().toStdString();
    ASSERT_EQ(opened.count(), 1);
    const QUuid ticketId = opened.constFirst().constFirst().toUuid();
    const auto ticket = TicketRepository(start.db()).get(ticketId);
    ASSERT_TRUE(ticket);
    EXPECT_EQ(ticket->assigneeId, you);
    EXPECT_EQ(ticket->meta.createdBy, you);

    // "My open tickets" holds it.
    start.window->showPage(MainWindow::Page::Tickets);
    auto *queues = child<QListWidget>(start.window->ticketsPage(), "queueList");
    ASSERT_NE(queues, nullptr);
    QListWidgetItem *mine = queues->item(int(Queue::Mine));
    QTest::mouseClick(queues->viewport(), Qt::LeftButton, {}, queues->visualItemRect(mine).center());
    auto *model = start.window->ticketsPage()->model();
    ASSERT_TRUE(QTest::qWaitFor([&] { return model->rowCount() == 1; }, 5'000)) << model->rowCount();
    EXPECT_EQ(model->ticketId(0), ticketId);
}

TEST(FirstRun, NothingIsSavedWhenTheSetUpIsRefusedAndTheWizardStaysOpen)
{
    FirstStart start;
    bool driven = false;
    whenOpen<FirstRunWizard>([&](FirstRunWizard *wizard) {
        next(wizard);
        type(wizard, "nameEdit", QStringLiteral("Hanako Sato"));
        next(wizard);
        next(wizard);
        // The same name in full-width letters: one person to the directory.
        addTeammate(wizard, QStringLiteral("ＨＡＮＡＫＯ ＳＡＴＯ"), QString(), AgentRole::Agent);
        EXPECT_EQ(child<QListWidget>(wizard, "mateList")->count(), 1);
        next(wizard);
        ASSERT_EQ(wizard->currentId(), FirstRunWizard::Ready);
        QTest::mouseClick(wizard->button(QWizard::FinishButton), Qt::LeftButton);
        EXPECT_TRUE(wizard->isVisible());
        const QString error = errorShown(wizard, "readyError");
        EXPECT_TRUE(error.startsWith(QStringLiteral("Nothing was saved: "))) << error.toStdString();
        EXPECT_TRUE(error.contains(QStringLiteral("There is already an agent called Hanako Sato")))
            << error.toStdString();
        driven = true;
    });
    EXPECT_EQ(start.window->runFirstRun(), FirstRunWizard::Outcome::Closed);
    ASSERT_TRUE(driven);
    const auto agents = DirectoryRepository(start.db()).agents();
    ASSERT_TRUE(agents);
    EXPECT_TRUE(agents->isEmpty());
    EXPECT_TRUE(DirectoryRepository(start.db()).teams()->isEmpty());
    EXPECT_TRUE(ClientState(start.db()).currentAgent().isNull());
    // Closed without a choice: asked again at the next start.
    EXPECT_TRUE(WorkspaceSetup(start.db()).needsSetUp());
    EXPECT_TRUE(AppSettings::syncMode().isEmpty());
}

TEST(FirstRun, SetUpLaterIsRememberedAndTheServerChoiceOpensItsSettings)
{
    FirstStart start;
    bool driven = false;
    whenOpen<FirstRunWizard>([&](FirstRunWizard *wizard) {
        child<QRadioButton>(wizard, "serverRadio")->setChecked(true);
        // Connecting ends the wizard here.
        EXPECT_EQ(wizard->button(QWizard::NextButton)->text(), QStringLiteral("&Continue"));
        next(wizard);
        EXPECT_FALSE(wizard->isVisible());
        driven = true;
    });
    start.window->showPage(MainWindow::Page::Customers);
    EXPECT_EQ(start.window->runFirstRun(), FirstRunWizard::Outcome::ConnectToServer);
    ASSERT_TRUE(driven);
    EXPECT_EQ(start.window->currentPage(), MainWindow::Page::Settings);
    EXPECT_TRUE(AppSettings::syncMode().isEmpty()); // not connected yet
    EXPECT_TRUE(WorkspaceSetup(start.db()).needsSetUp());

    driven = false;
    whenOpen<FirstRunWizard>([&](FirstRunWizard *wizard) {
        // Filled in up to the end, then put off after all: nothing is saved.
        next(wizard);
        type(wizard, "nameEdit", QStringLiteral("Hanako Sato"));
        next(wizard);
        next(wizard);
        next(wizard);
        ASSERT_EQ(wizard->currentId(), FirstRunWizard::Ready);
        EXPECT_EQ(wizard->button(QWizard::CustomButton1)->text(), QStringLiteral("Set up &later"));
        QTest::mouseClick(wizard->button(QWizard::CustomButton1), Qt::LeftButton);
        EXPECT_FALSE(wizard->isVisible());
        driven = true;
    });
    EXPECT_EQ(start.window->runFirstRun(), FirstRunWizard::Outcome::Later);
    ASSERT_TRUE(driven);
    EXPECT_EQ(AppSettings::syncMode(), QStringLiteral("local"));
    EXPECT_FALSE(WorkspaceSetup(start.db()).needsSetUp());
    EXPECT_TRUE(DirectoryRepository(start.db()).agents()->isEmpty());
    // The next start asks nothing: no dialog opens.
    bool asked = false;
    QTimer::singleShot(500, [&] {
        if (auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget())) {
            asked = true;
            dialog->reject();
        }
    });
    start.window->startTeamSync();
    QTest::qWait(600);
    EXPECT_FALSE(asked);
}

TEST(FirstRun, EveryPageFitsALaptopScreenInEnglishAndJapanese)
{
    // 1024×700 is the smallest screen the team works on (laptops in the field).
    for (const bool japanese : {false, true}) {
        SCOPED_TRACE(japanese ? "ja" : "en");
        QTranslator translator;
        if (japanese) {
            ASSERT_TRUE(translator.load(QStringLiteral(":/i18n/madoguchi_ja.qm")));
            QCoreApplication::installTranslator(&translator);
        }
        {
            FirstStart start;
            for (const auto page : {MainWindow::Page::Customers, MainWindow::Page::Tickets, MainWindow::Page::Dashboard,
                                    MainWindow::Page::Settings}) {
                start.window->showPage(page);
                QApplication::processEvents();
                const QWidget *shown = start.window->findChild<QStackedWidget *>()->currentWidget();
                EXPECT_LE(start.window->minimumSizeHint().width(), 1024)
                    << "page " << int(page) << " needs " << shown->minimumSizeHint().width() << " px";
                start.window->resize(1024, 700);
                QApplication::processEvents();
                EXPECT_EQ(start.window->width(), 1024) << "page " << int(page);
            }
        }
        QCoreApplication::removeTranslator(&translator);
    }
}

TEST(FirstRun, ADatabaseWithItsPeopleIsOnlyAskedHowItIsUsedAndNeverSetUpTwice)
{
    // A database made with `madoguchi-cli init`, opened on a new profile.
    FirstStart start;
    WorkspacePlan plan;
    plan.you.name = QStringLiteral("Hanako Sato");
    plan.you.role = AgentRole::Admin;
    plan.teamName = QStringLiteral("Desk");
    ASSERT_TRUE(WorkspaceSetup(start.db()).setUp(plan));
    const auto before = DirectoryRepository(start.db()).agents();
    ASSERT_TRUE(before);

    bool driven = false;
    whenOpen<FirstRunWizard>([&](FirstRunWizard *wizard) {
        EXPECT_EQ(wizard->currentId(), FirstRunWizard::Welcome);
        EXPECT_FALSE(wizard->button(QWizard::CustomButton1)->isVisible()); // nothing to set up later
        EXPECT_EQ(wizard->button(QWizard::NextButton)->text(), QStringLiteral("&Continue"));
        next(wizard);
        EXPECT_FALSE(wizard->isVisible());
        driven = true;
    });
    start.window->startTeamSync();
    ASSERT_TRUE(driven);
    EXPECT_EQ(AppSettings::syncMode(), QStringLiteral("local"));
    const auto after = DirectoryRepository(start.db()).agents();
    ASSERT_TRUE(after);
    EXPECT_EQ(after->size(), before->size());

    // Nor can a second set-up add a second team and administrator.
    plan.you.name = QStringLiteral("Someone Else");
    plan.teamName = QStringLiteral("Other desk");
    const auto again = WorkspaceSetup(start.db()).setUp(plan);
    ASSERT_FALSE(again);
    EXPECT_TRUE(again.error().message.contains(QStringLiteral("set up already")))
        << again.error().message.toStdString();
    EXPECT_EQ(DirectoryRepository(start.db()).agents()->size(), before->size());
    EXPECT_EQ(DirectoryRepository(start.db()).teams()->size(), 1);
}
