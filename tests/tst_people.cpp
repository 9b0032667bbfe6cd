// Settings ▸ People: the team's agents and teams, changed by leads,
// supervisors and admins under the directory's rules (read-only for
// everyone else); with a team server, changed there with the admin's own
// login. A deactivated agent hands on their open tickets and is never
// offered as a new assignee.
#include "syncclient.h"
#include "testsupport.h"

#include "models/agentdirectorymodel.h"
#include "models/teamdirectorymodel.h"
#include "people/agentdialog.h"
#include "people/handoverdialog.h"
#include "people/passworddialogs.h"
#include "people/peoplepage.h"
#include "people/teamdialog.h"
#include "repositories/customerrepository.h"
#include "repositories/directoryrepository.h"
#include "repositories/ticketrepository.h"
#include "services/directoryservice.h"
#include "services/ticketservice.h"
#include "services/workspacesetup.h"
#include "settings/settingspage.h"
#include "shell/mainwindow.h"
#include "tickets/newticketdialog.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QMimeData>
#include <QPalette>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <gtest/gtest.h>

#include <functional>
#include <memory>

using namespace madoguchi;
using madoguchi::test::answerNextMessageBox;
using madoguchi::test::child;
using madoguchi::test::SyncClient;
using madoguchi::test::SyncFixture;
using madoguchi::test::TempDatabase;

namespace {

// Drives the next modal widget of type T once it is shown, without blocking
// (so that a driver may open further dialogs); after ten seconds without
// one, the test fails and whatever is open is closed, so nothing hangs.
template<typename T>
void whenShown(std::function<void(T *)> drive)
{
    auto *timer = new QTimer;
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, [timer, clock, drive] {
        if (auto *shown = qobject_cast<T *>(QApplication::activeModalWidget()); shown && shown->isVisible()) {
            timer->stop();
            timer->deleteLater();
            drive(shown);
            return;
        }
        if (clock->elapsed() > 10'000) {
            timer->stop();
            timer->deleteLater();
            ADD_FAILURE() << "no " << T::staticMetaObject.className() << " was shown";
            if (auto *open = qobject_cast<QDialog *>(QApplication::activeModalWidget()))
                open->reject();
        }
    });
    timer->start();
}

void save(QDialog *dialog)
{
    auto *buttons = child<QDialogButtonBox>(dialog, "buttons");
    QPushButton *ok = buttons->button(QDialogButtonBox::Save);
    if (!ok)
        ok = buttons->button(QDialogButtonBox::Ok);
    ok->click();
}

void choose(QComboBox *combo, const QString &text)
{
    const int index = combo->findText(text);
    ASSERT_GE(index, 0) << text.toStdString() << " is not offered";
    combo->setCurrentIndex(index);
}

QStringList items(const QComboBox *combo)
{
    QStringList out;
    for (int i = 0; i < combo->count(); ++i)
        out << combo->itemText(i);
    return out;
}

QStringList dump(const QAbstractItemModel &model)
{
    QStringList rows;
    for (int r = 0; r < model.rowCount(); ++r) {
        QStringList cells;
        for (int c = 0; c < model.columnCount(); ++c)
            cells << model.index(r, c).data().toString();
        rows << cells.join(u'|');
    }
    return rows;
}

Agent person(const QString &name, AgentRole role, const QString &reading = {})
{
    Agent a;
    a.name = name;
    a.role = role;
    a.nameReading = reading;
    return a;
}

// Sato (admin) set up the team お客様窓口 with Suzuki (lead, its lead) and Tanaka (agent).
struct PeopleFixture : ::testing::Test
{
    TempDatabase db;
    Workspace made;
    PeoplePage page;
    bool boxShown = false; // a message box was answered

    void SetUp() override
    {
        WorkspacePlan plan;
        plan.you = person(QStringLiteral("佐藤 愛子"), AgentRole::Admin, QStringLiteral("サトウ アイコ"));
        plan.teamName = QStringLiteral("お客様窓口");
        plan.teammates = {person(QStringLiteral("鈴木 一郎"), AgentRole::Lead, QStringLiteral("スズキ イチロウ")),
                          person(QStringLiteral("田中 花子"), AgentRole::Agent, QStringLiteral("タナカ ハナコ"))};
        const auto r = WorkspaceSetup(db.connection()).setUp(plan);
        ASSERT_TRUE(r) << r.error().message.toStdString();
        made = r.value();
        page.setDirectory(&db.database(), sato(), false);
        page.resize(900, 700);
        page.show();
    }

    QUuid sato() const { return made.you; }
    QUuid suzuki() const { return made.teammates.at(0); }
    QUuid tanaka() const { return made.teammates.at(1); }
    Agent agent(const QUuid &id) { return DirectoryRepository(db.connection()).agent(id).value(); }
    Team team(const QUuid &id) { return DirectoryRepository(db.connection()).team(id).value(); }
    // The page follows the change hub, which announces after the commit.
    bool listed(const QUuid &agentId)
    {
        return QTest::qWaitFor([&] { return page.agentModel()->rowOf(agentId) >= 0; }, 5'000);
    }

    Ticket openTicketFor(const QUuid &assignee)
    {
        Customer customer;
        customer.name = QStringLiteral("山田 太郎");
        Ticket t;
        t.customerId = CustomerRepository(db.connection(), sato()).add(customer).value();
        t.subject = QStringLiteral("請求書の再発行");
        t.teamId = made.team;
        t.assigneeId = assignee;
        const auto created = TicketService(db.connection(), sato()).create(t);
        EXPECT_TRUE(created) << (created ? std::string() : created.error().message.toStdString());
        return created ? created.value() : Ticket();
    }
};

} // namespace

TEST(PeopleModels, AgentsShowNameReadingRoleTeamEmailAndStatusTheDeactivatedGreyedWhenShown)
{
    AgentDirectoryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    Team desk;
    desk.id = QUuid::createUuid();
    desk.name = QStringLiteral("窓口");
    Agent sato = person(QStringLiteral("佐藤 愛子"), AgentRole::Admin, QStringLiteral("サトウ アイコ"));
    sato.id = QUuid::createUuid();
    sato.teamId = desk.id;
    sato.email = QStringLiteral("sato@example.jp");
    Agent gone = person(QStringLiteral("田中 花子"), AgentRole::Agent);
    gone.id = QUuid::createUuid();
    gone.active = false;
    model.setDirectory({sato, gone}, {desk});
    EXPECT_EQ(dump(model),
              (QStringList{QStringLiteral("佐藤 愛子|サトウ アイコ|Administrator|窓口|sato@example.jp|Active")}));

    model.setShowDeactivated(true);
    EXPECT_EQ(dump(model),
              (QStringList{QStringLiteral("佐藤 愛子|サトウ アイコ|Administrator|窓口|sato@example.jp|Active"),
                           QStringLiteral("田中 花子||Agent|No team||Deactivated")}));
    const QModelIndex greyed = model.index(1, AgentDirectoryModel::NameColumn);
    EXPECT_EQ(greyed.data(Qt::ForegroundRole).value<QColor>(),
              QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text));
    EXPECT_FALSE(greyed.data(AgentDirectoryModel::ActiveRole).toBool());
    EXPECT_EQ(greyed.data(AgentDirectoryModel::AgentIdRole).toUuid(), gone.id);
    EXPECT_FALSE(model.index(0, 0).data(Qt::ForegroundRole).isValid());
    EXPECT_EQ(model.rowOf(gone.id), 1);

    model.setShowDeactivated(false);
    EXPECT_EQ(model.rowCount(), 1);
    EXPECT_EQ(model.rowOf(gone.id), -1);
}

TEST(PeopleModels, TeamsShowTimeZoneLeadAndTheirActiveMembers)
{
    TeamDirectoryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    Team desk;
    desk.id = QUuid::createUuid();
    desk.name = QStringLiteral("窓口");
    Team night;
    night.id = QUuid::createUuid();
    night.name = QStringLiteral("Night desk");
    night.timeZone = QStringLiteral("Europe/London");
    Agent lead = person(QStringLiteral("鈴木 一郎"), AgentRole::Lead);
    lead.id = QUuid::createUuid();
    lead.teamId = desk.id;
    desk.leadId = lead.id;
    Agent member = person(QStringLiteral("高橋 美咲"), AgentRole::Agent);
    member.id = QUuid::createUuid();
    member.teamId = desk.id;
    Agent gone = member;
    gone.id = QUuid::createUuid();
    gone.active = false;
    model.setDirectory({desk, night}, {lead, member, gone});
    EXPECT_EQ(dump(model), (QStringList{QStringLiteral("窓口|Asia/Tokyo|鈴木 一郎|2"),
                                        QStringLiteral("Night desk|Europe/London|No lead|0")}));
    EXPECT_EQ(model.index(1, 0).data(TeamDirectoryModel::TeamIdRole).toUuid(), night.id);
    EXPECT_EQ(model.rowOf(night.id), 1);
    model.setDirectory({}, {});
    EXPECT_EQ(model.rowCount(), 0);
}

TEST_F(PeopleFixture, AnAdminAddsAnAgentThenChangesTheirRoleAndTeam)
{
    ASSERT_TRUE(page.canChange());
    Team second;
    second.name = QStringLiteral("二次対応");
    const QUuid secondTeam = DirectoryService(db.connection(), sato()).addTeam(second).value();

    whenShown<AgentDialog>([](AgentDialog *dialog) {
        // An admin may give every role; a new agent needs no login without a server.
        EXPECT_EQ(items(child<QComboBox>(dialog, "roleCombo")),
                  (QStringList{QStringLiteral("Agent"), QStringLiteral("Team lead"), QStringLiteral("Supervisor"),
                               QStringLiteral("Administrator")}));
        EXPECT_TRUE(child<QLineEdit>(dialog, "loginEdit")->isHidden());
        child<QLineEdit>(dialog, "nameEdit")->setText(QStringLiteral("山本 次郎"));
        child<QLineEdit>(dialog, "readingEdit")->setText(QStringLiteral("ヤマモト ジロウ"));
        child<QLineEdit>(dialog, "emailEdit")->setText(QStringLiteral("yamamoto@example.jp"));
        choose(child<QComboBox>(dialog, "roleCombo"), QStringLiteral("Team lead"));
        choose(child<QComboBox>(dialog, "teamCombo"), QStringLiteral("お客様窓口"));
        save(dialog);
    });
    page.addAgent();
    const auto added = DirectoryRepository(db.connection()).agentByName(QStringLiteral("山本 次郎"));
    ASSERT_TRUE(added) << added.error().message.toStdString();
    EXPECT_EQ(added->nameReading, QStringLiteral("ヤマモト ジロウ"));
    EXPECT_EQ(added->email, QStringLiteral("yamamoto@example.jp"));
    EXPECT_EQ(added->role, AgentRole::Lead);
    EXPECT_EQ(added->teamId, made.team);
    ASSERT_TRUE(listed(added->id));

    page.selectAgent(added->id);
    whenShown<AgentDialog>([](AgentDialog *dialog) {
        EXPECT_EQ(child<QLineEdit>(dialog, "nameEdit")->text(), QStringLiteral("山本 次郎"));
        choose(child<QComboBox>(dialog, "roleCombo"), QStringLiteral("Agent"));
        choose(child<QComboBox>(dialog, "teamCombo"), QStringLiteral("二次対応"));
        save(dialog);
    });
    page.editAgent();
    EXPECT_EQ(agent(added->id).role, AgentRole::Agent);
    EXPECT_EQ(agent(added->id).teamId, secondTeam);
    EXPECT_TRUE(QTest::qWaitFor(
        [&] {
            const int row = page.agentModel()->rowOf(added->id);
            return row >= 0
                   && page.agentModel()->index(row, AgentDirectoryModel::TeamColumn).data().toString()
                          == QStringLiteral("二次対応");
        },
        5'000));
}

TEST_F(PeopleFixture, ALeadMayGiveOnlyTheRolesUpToLeadAndARefusalChangesNothing)
{
    page.setDirectory(&db.database(), suzuki(), false);
    ASSERT_TRUE(page.canChange());
    page.selectAgent(tanaka());
    QString said;
    whenShown<AgentDialog>([this, &said](AgentDialog *dialog) {
        EXPECT_EQ(items(child<QComboBox>(dialog, "roleCombo")),
                  (QStringList{QStringLiteral("Agent"), QStringLiteral("Team lead")}));
        // Tanaka's name is taken by Sato: the service's words, and the dialog stays open.
        child<QLineEdit>(dialog, "nameEdit")->setText(QStringLiteral("佐藤 愛子"));
        answerNextMessageBox(QStringLiteral("OK"), &boxShown, &said);
        save(dialog);
        EXPECT_TRUE(dialog->isVisible());
        dialog->reject();
    });
    page.editAgent();
    EXPECT_TRUE(said.contains(QStringLiteral("There is already an agent called 佐藤 愛子."))) << said.toStdString();
    EXPECT_EQ(agent(tanaka()).name, QStringLiteral("田中 花子"));
}

TEST_F(PeopleFixture, DeactivatingHandsTheOpenTicketsToAColleagueAndReactivatingBringsThemBack)
{
    const Ticket open = openTicketFor(tanaka());
    page.selectAgent(tanaka());
    ASSERT_TRUE(child<QPushButton>(&page, "deactivateButton")->isEnabled());
    EXPECT_FALSE(child<QPushButton>(&page, "reactivateButton")->isEnabled());

    QString asked;
    answerNextMessageBox(QStringLiteral("Deactivate"), &boxShown, &asked);
    whenShown<HandOverDialog>([&](HandOverDialog *dialog) {
        EXPECT_EQ(child<QListWidget>(dialog, "ticketList")->count(), 1);
        EXPECT_TRUE(child<QListWidget>(dialog, "ticketList")->item(0)->text().contains(open.number));
        // Only active colleagues take them; Tanaka is not among them.
        auto *assignee = child<QComboBox>(dialog, "assigneeCombo");
        EXPECT_EQ(items(assignee), (QStringList{QStringLiteral("Nobody: leave them unassigned"),
                                                QStringLiteral("佐藤 愛子"), QStringLiteral("鈴木 一郎")}));
        choose(assignee, QStringLiteral("鈴木 一郎"));
        save(dialog);
    });
    page.deactivateAgent();
    EXPECT_TRUE(asked.contains(QStringLiteral("田中 花子"))) << asked.toStdString();
    EXPECT_FALSE(agent(tanaka()).active);
    EXPECT_EQ(TicketRepository(db.connection()).get(open.id)->assigneeId, suzuki());

    // Out of the list until deactivated people are shown; then greyed and marked.
    ASSERT_TRUE(QTest::qWaitFor([&] { return page.agentModel()->rowOf(tanaka()) < 0; }, 5'000));
    child<QCheckBox>(&page, "showDeactivatedCheck")->setChecked(true);
    const int row = page.agentModel()->rowOf(tanaka());
    ASSERT_GE(row, 0);
    EXPECT_EQ(page.agentModel()->index(row, AgentDirectoryModel::StatusColumn).data().toString(),
              QStringLiteral("Deactivated"));

    page.selectAgent(tanaka());
    EXPECT_TRUE(child<QPushButton>(&page, "reactivateButton")->isEnabled());
    page.reactivateAgent();
    EXPECT_TRUE(agent(tanaka()).active);
}

TEST_F(PeopleFixture, TicketsLeftUnassignedGoBackToTheirTeamsQueue)
{
    const Ticket open = openTicketFor(tanaka());
    page.selectAgent(tanaka());
    answerNextMessageBox(QStringLiteral("Deactivate"), &boxShown);
    whenShown<HandOverDialog>([](HandOverDialog *dialog) { save(dialog); });
    page.deactivateAgent();
    const Ticket after = TicketRepository(db.connection()).get(open.id).value();
    EXPECT_TRUE(after.assigneeId.isNull());
    EXPECT_EQ(after.teamId, made.team);
}

TEST_F(PeopleFixture, APlainAgentReadsOnlyAndTheServiceRefusesThem)
{
    page.setDirectory(&db.database(), tanaka(), false);
    EXPECT_FALSE(page.canChange());
    auto *why = child<QLabel>(&page, "readOnlyLabel");
    EXPECT_FALSE(why->isHidden());
    EXPECT_EQ(why->text(), QStringLiteral("Only leads, supervisors and administrators change people and teams."));
    for (const char *button : {"addAgentButton", "editAgentButton", "deactivateButton", "reactivateButton",
                               "resetPasswordButton", "addTeamButton", "editTeamButton"})
        EXPECT_TRUE(child<QPushButton>(&page, button)->isHidden()) << button;
    EXPECT_EQ(page.agentModel()->rowCount(), 3); // they still read everyone

    // Even through the page, the service has the last word.
    const qint64 before = db.scalar(QStringLiteral("SELECT count(*) FROM agents")).toLongLong();
    QString said;
    whenShown<AgentDialog>([this, &said](AgentDialog *dialog) {
        child<QLineEdit>(dialog, "nameEdit")->setText(QStringLiteral("勝手 太郎"));
        answerNextMessageBox(QStringLiteral("OK"), &boxShown, &said);
        save(dialog);
        dialog->reject();
    });
    page.addAgent();
    EXPECT_TRUE(said.contains(QStringLiteral("Only team leads, supervisors and administrators can change the team's "
                                             "people.")))
        << said.toStdString();
    EXPECT_EQ(db.scalar(QStringLiteral("SELECT count(*) FROM agents")).toLongLong(), before);
}

TEST_F(PeopleFixture, ATeamIsAddedThenLedByOneOfItsMembers)
{
    whenShown<TeamDialog>([](TeamDialog *dialog) {
        // Nobody is in a new team yet: no lead to choose.
        EXPECT_EQ(items(child<QComboBox>(dialog, "leadCombo")), QStringList{QStringLiteral("No lead")});
        child<QLineEdit>(dialog, "nameEdit")->setText(QStringLiteral("夜間窓口"));
        child<QComboBox>(dialog, "timeZoneCombo")->setEditText(QStringLiteral("Europe/London"));
        save(dialog);
    });
    page.addTeam();
    const auto teams = DirectoryRepository(db.connection()).teams().value();
    const auto night = std::find_if(teams.cbegin(), teams.cend(),
                                    [](const Team &t) { return t.name == QStringLiteral("夜間窓口"); });
    ASSERT_NE(night, teams.cend());
    EXPECT_EQ(night->timeZone, QStringLiteral("Europe/London"));
    const QUuid nightId = night->id;

    Agent moved = agent(tanaka());
    moved.teamId = nightId;
    ASSERT_TRUE(DirectoryService(db.connection(), sato()).editAgent(moved));
    ASSERT_TRUE(QTest::qWaitFor([&] { return page.teamModel()->rowOf(nightId) >= 0; }, 5'000));
    page.selectTeam(nightId);
    whenShown<TeamDialog>([](TeamDialog *dialog) {
        auto *lead = child<QComboBox>(dialog, "leadCombo");
        EXPECT_EQ(items(lead), (QStringList{QStringLiteral("No lead"), QStringLiteral("田中 花子")}));
        choose(lead, QStringLiteral("田中 花子"));
        choose(child<QComboBox>(dialog, "autoAssignCombo"), displayName(AutoAssign::RoundRobin));
        save(dialog);
    });
    page.editTeam();
    EXPECT_EQ(team(nightId).leadId, tanaka());
    EXPECT_EQ(team(nightId).autoAssign, AutoAssign::RoundRobin);
    EXPECT_TRUE(QTest::qWaitFor(
        [&] {
            const int row = page.teamModel()->rowOf(nightId);
            return row >= 0
                   && page.teamModel()->index(row, TeamDirectoryModel::LeadColumn).data().toString()
                          == QStringLiteral("田中 花子");
        },
        5'000));

    // A name already taken: the service's words, nothing changed.
    page.selectTeam(nightId);
    QString said;
    whenShown<TeamDialog>([this, &said](TeamDialog *dialog) {
        child<QLineEdit>(dialog, "nameEdit")->setText(QStringLiteral("お客様窓口"));
        answerNextMessageBox(QStringLiteral("OK"), &boxShown, &said);
        save(dialog);
        dialog->reject();
    });
    page.editTeam();
    EXPECT_TRUE(said.contains(QStringLiteral("There is already a team called お客様窓口."))) << said.toStdString();
    EXPECT_EQ(team(nightId).name, QStringLiteral("夜間窓口"));
}

TEST_F(PeopleFixture, SettingsHasAPeopleTabAndYouAndTheServerStillOpenThePreferences)
{
    SettingsPage settings;
    auto *tabs = settings.findChild<QTabWidget *>(QStringLiteral("tabs"));
    ASSERT_NE(tabs, nullptr);
    ASSERT_EQ(tabs->count(), 2);
    EXPECT_EQ(tabs->tabText(0), QStringLiteral("Preferences"));
    EXPECT_EQ(tabs->tabText(1), QStringLiteral("People and teams"));
    settings.showPeople();
    EXPECT_EQ(tabs->currentWidget(), settings.people());
    settings.showYou();
    EXPECT_EQ(tabs->currentIndex(), 0);
    settings.showPeople();
    settings.showServerSettings();
    EXPECT_EQ(tabs->currentIndex(), 0);
}

TEST_F(PeopleFixture, ADeactivatedAgentIsNotOfferedAsTheAssigneeOfANewTicket)
{
    auto assignees = [&] {
        NewTicketDialog dialog(db.database(), QStringLiteral("JP"), sato());
        return items(child<QComboBox>(&dialog, "assigneeCombo"));
    };
    // Negative control: while active, Tanaka is offered.
    EXPECT_TRUE(assignees().contains(QStringLiteral("田中 花子")));
    ASSERT_TRUE(DirectoryService(db.connection(), sato()).deactivateAgent(tanaka()));
    const QStringList after = assignees();
    EXPECT_FALSE(after.contains(QStringLiteral("田中 花子")));
    EXPECT_TRUE(after.contains(QStringLiteral("鈴木 一郎")));
}

// With a team server: the page changes the server's directory with the
// admin's own login; the next pull brings the change to the local copy.
class PeopleOnServer : public SyncFixture
{
protected:
    QString loginAdmin;
    QUuid adminId;
    std::unique_ptr<SyncClient> copy;
    std::unique_ptr<PeoplePage> page;
    bool boxShown = false; // a message box was answered

    void SetUp() override
    {
        SyncFixture::SetUp();
        loginAdmin = QStringLiteral("adm_%1").arg(database.section(u'_', -2).replace(u'_', u'x'));
        const auto id = addServerAgent(admin, loginAdmin, QStringLiteral("管理 者"), QStringLiteral("admin"),
                                       QStringLiteral("Tokyo"), password);
        ASSERT_TRUE(id) << id.error().message.toStdString();
        adminId = id.value();
        copy = std::make_unique<SyncClient>(QStringLiteral("admin"), as(loginAdmin, password), adminId);
        ASSERT_SYNCS(*copy);
        page = std::make_unique<PeoplePage>();
        page->setDirectory(copy->db.get(), adminId, true);
        page->setServerRunner(runnerAs(loginAdmin));
        page->show();
    }

    void TearDown() override
    {
        page.reset();
        copy.reset();
        SyncFixture::TearDown();
    }

    // The page's server work, run with `login`'s own connection.
    PeoplePage::ServerRunner runnerAs(const QString &login)
    {
        return [this, login](const PeoplePage::ServerWork &work) -> Result<void> {
            const QString name = QStringLiteral("people-%1").arg(login);
            Result<void> result;
            {
                auto opened = openServer(as(login, password), name);
                if (opened) {
                    result = work(opened.value());
                    opened.value().close();
                } else {
                    result = opened.error();
                }
            }
            QSqlDatabase::removeDatabase(name);
            return result;
        };
    }

    bool canConnect(const QString &login, const QString &secret)
    {
        const QString name = QStringLiteral("check-%1").arg(login);
        bool ok = false;
        {
            auto opened = openServer(as(login, secret), name);
            ok = opened.ok();
            if (ok)
                opened.value().close();
        }
        QSqlDatabase::removeDatabase(name);
        return ok;
    }

    static void fillNewAgent(AgentDialog *dialog, const QString &name, const QString &login)
    {
        child<QLineEdit>(dialog, "nameEdit")->setText(name);
        child<QLineEdit>(dialog, "loginEdit")->setText(login);
        choose(child<QComboBox>(dialog, "teamCombo"), QStringLiteral("Tokyo"));
    }
};

TEST_F(PeopleOnServer, AnAdminAddsAnAgentWhoseLoginWorksWithATypedOrAGeneratedPassword)
{
    ASSERT_TRUE(page->canChange());
    EXPECT_FALSE(child<QPushButton>(page.get(), "resetPasswordButton")->isHidden());
    QSignalSpy pulled(page.get(), &PeoplePage::serverDirectoryChanged);
    const QString hire = loginAdmin + QStringLiteral("_hire");
    const QString secret = QStringLiteral("Welcome-aboard-42");
    whenShown<AgentDialog>([&](AgentDialog *dialog) {
        fillNewAgent(dialog, QStringLiteral("新人 一郎"), hire);
        child<QRadioButton>(dialog, "typedRadio")->setChecked(true);
        child<QLineEdit>(dialog, "passwordEdit")->setText(secret);
        child<QLineEdit>(dialog, "repeatEdit")->setText(secret + u'x');
        save(dialog);
        // Two different passwords: said at once, nothing sent.
        EXPECT_TRUE(dialog->isVisible());
        EXPECT_EQ(child<QLabel>(dialog, "errorLabel")->text(),
                  QStringLiteral("The two passwords differ. Type the same one twice."));
        child<QLineEdit>(dialog, "repeatEdit")->setText(secret);
        save(dialog);
    });
    page->addAgent();
    EXPECT_TRUE(canConnect(hire, secret));
    EXPECT_EQ(pulled.count(), 1);
    // The pull brings the new agent to this copy.
    ASSERT_SYNCS(*copy);
    const auto local = DirectoryRepository(copy->local()).agentByName(QStringLiteral("新人 一郎"));
    ASSERT_TRUE(local) << local.error().message.toStdString();
    EXPECT_EQ(local->role, AgentRole::Agent);

    // Generated: shown once, copied, and it works.
    const QString second = loginAdmin + QStringLiteral("_gen");
    QString shown;
    whenShown<AgentDialog>([&](AgentDialog *dialog) {
        fillNewAgent(dialog, QStringLiteral("生成 二郎"), second);
        EXPECT_TRUE(child<QRadioButton>(dialog, "generateRadio")->isChecked());
        whenShown<NewPasswordDialog>([&shown](NewPasswordDialog *passwordDialog) {
            shown = child<QLineEdit>(passwordDialog, "passwordEdit")->text();
            child<QPushButton>(passwordDialog, "copyButton")->click();
            EXPECT_EQ(QGuiApplication::clipboard()->text(), shown);
            EXPECT_EQ(QGuiApplication::clipboard()->mimeData()->data(QStringLiteral("x-kde-passwordManagerHint")),
                      QByteArrayLiteral("secret"));
            passwordDialog->reject();
            // Not left behind for whoever pastes next.
            EXPECT_NE(QGuiApplication::clipboard()->text(), shown);
            EXPECT_TRUE(child<QLineEdit>(passwordDialog, "passwordEdit")->text().isEmpty());
        });
        save(dialog);
    });
    page->addAgent();
    EXPECT_EQ(shown.size(), 20);
    EXPECT_TRUE(canConnect(second, shown));
}

TEST_F(PeopleOnServer, AddingSomeoneTheDirectoryHasWithoutALoginGivesThemTheirOwnRow)
{
    // A team that worked locally brought 佐藤 健 without a login (a deactivated
    // namesake, who left, is not theirs to take over).
    const QString rows = QStringLiteral(
        "INSERT INTO crm.agent (id, name, role, team_id, active) VALUES "
        "('6a0b6f2e-1c8d-4b8e-9a57-0c1f5d0e7a11', '佐藤 健', 'agent', (SELECT id FROM crm.team WHERE name = 'Tokyo'), "
        "true), "
        "('6a0b6f2e-1c8d-4b8e-9a57-0c1f5d0e7a12', '佐藤 健', 'agent', (SELECT id FROM crm.team WHERE name = 'Tokyo'), "
        "false)");
    ASSERT_TRUE(QSqlQuery(admin).exec(rows));
    ASSERT_SYNCS(*copy);
    const QString ken = loginAdmin + QStringLiteral("_ken");
    const QString secret = QStringLiteral("Welcome-aboard-43");
    whenShown<AgentDialog>([&](AgentDialog *dialog) {
        fillNewAgent(dialog, QStringLiteral("佐藤　健"), ken); // typed with a full-width space
        child<QRadioButton>(dialog, "typedRadio")->setChecked(true);
        child<QLineEdit>(dialog, "passwordEdit")->setText(secret);
        child<QLineEdit>(dialog, "repeatEdit")->setText(secret);
        save(dialog);
        EXPECT_FALSE(dialog->isVisible()) << child<QLabel>(dialog, "errorLabel")->text().toStdString();
    });
    page->addAgent();
    EXPECT_TRUE(canConnect(ken, secret));
    EXPECT_EQ(scalar(QStringLiteral("SELECT string_agg(id::text || '/' || coalesce(agent_role, '-') || '/' || active, "
                                    "',' ORDER BY id) FROM crm.agent WHERE id::text LIKE '6a0b6f2e%'"))
                  .toString()
                  .toStdString(),
              QStringLiteral("6a0b6f2e-1c8d-4b8e-9a57-0c1f5d0e7a11/%1/true,"
                             "6a0b6f2e-1c8d-4b8e-9a57-0c1f5d0e7a12/-/false")
                  .arg(ken)
                  .toStdString());
}

TEST_F(PeopleOnServer, AnAgentsLoginIsRefusedInWordsAndNonAdminsOnlyRead)
{
    // An agent signed in here reads only.
    page->setDirectory(copy->db.get(), agentA, true);
    EXPECT_FALSE(page->canChange());
    EXPECT_EQ(child<QLabel>(page.get(), "readOnlyLabel")->text(),
              QStringLiteral("Only administrators change people and teams on the team server."));
    // Even a supervisor: the server lets only admins run its directory.
    page->setDirectory(copy->db.get(), agentS, true);
    EXPECT_FALSE(page->canChange());

    // And the server refuses an agent's login whatever the page thinks.
    page->setDirectory(copy->db.get(), adminId, true);
    page->setServerRunner(runnerAs(loginA));
    const QString sneaky = loginAdmin + QStringLiteral("_sneaky");
    QString said;
    whenShown<AgentDialog>([&](AgentDialog *dialog) {
        fillNewAgent(dialog, QStringLiteral("Sneaky"), sneaky);
        answerNextMessageBox(QStringLiteral("OK"), &boxShown, &said);
        save(dialog);
        dialog->reject();
    });
    page->addAgent();
    EXPECT_TRUE(said.contains(QStringLiteral("Only an administrator can change the team's logins on the server.")))
        << said.toStdString();
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM pg_roles WHERE rolname = ?"), {sneaky}).toInt(), 0);
}

TEST_F(PeopleOnServer, ADeactivatedAgentsLoginNoLongerConnectsUntilReactivated)
{
    ASSERT_TRUE(canConnect(loginB, password));
    ASSERT_TRUE(QTest::qWaitFor([&] { return page->agentModel()->rowOf(agentB) >= 0; }, 5'000));
    page->selectAgent(agentB);
    answerNextMessageBox(QStringLiteral("Deactivate"), &boxShown);
    page->deactivateAgent();
    EXPECT_FALSE(canConnect(loginB, password));

    // The pull shows it here; reactivated, the login works again.
    ASSERT_SYNCS(*copy);
    EXPECT_FALSE(DirectoryRepository(copy->local()).agent(agentB)->active);
    child<QCheckBox>(page.get(), "showDeactivatedCheck")->setChecked(true);
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            const int row = page->agentModel()->rowOf(agentB);
            return row >= 0 && !page->agentModel()->index(row, 0).data(AgentDirectoryModel::ActiveRole).toBool();
        },
        5'000));
    page->selectAgent(agentB);
    ASSERT_TRUE(child<QPushButton>(page.get(), "reactivateButton")->isEnabled());
    page->reactivateAgent();
    EXPECT_TRUE(canConnect(loginB, password));
}

TEST_F(PeopleOnServer, AnAdminEditsAnAgentOnTheServerAndTheLoginMovesToItsRolesGroup)
{
    ASSERT_TRUE(QTest::qWaitFor([&] { return page->agentModel()->rowOf(agentB) >= 0; }, 5'000));
    page->selectAgent(agentB);
    whenShown<AgentDialog>([](AgentDialog *dialog) {
        child<QLineEdit>(dialog, "nameEdit")->setText(QStringLiteral("改名 太郎"));
        child<QLineEdit>(dialog, "readingEdit")->setText(QStringLiteral("かいめい たろう"));
        choose(child<QComboBox>(dialog, "roleCombo"), QStringLiteral("Team lead"));
        save(dialog);
        EXPECT_FALSE(dialog->isVisible()) << child<QLabel>(dialog, "errorLabel")->text().toStdString();
    });
    page->editAgent();
    EXPECT_EQ(scalar(QStringLiteral("SELECT name || '/' || name_reading || '/' || role FROM crm.agent WHERE id = "
                                    "?::uuid"),
                     {agentB.toString(QUuid::WithoutBraces)})
                  .toString(),
              QStringLiteral("改名 太郎/かいめい たろう/lead"));
    EXPECT_TRUE(scalar(QStringLiteral("SELECT pg_has_role(?, 'crm_lead', 'MEMBER')"), {loginB}).toBool());
    // The pull brings the change to this copy.
    ASSERT_SYNCS(*copy);
    const auto local = DirectoryRepository(copy->local()).agent(agentB);
    ASSERT_TRUE(local);
    EXPECT_EQ(local->name, QStringLiteral("改名 太郎"));
    EXPECT_EQ(local->role, AgentRole::Lead);
}

TEST_F(PeopleOnServer, AnAdminSetsANewPasswordAndTheOldOneStopsWorking)
{
    ASSERT_TRUE(QTest::qWaitFor([&] { return page->agentModel()->rowOf(agentC) >= 0; }, 5'000));
    page->selectAgent(agentC);
    const QString fresh = QStringLiteral("Fresh-start-2026");
    whenShown<PasswordDialog>([&](PasswordDialog *dialog) {
        EXPECT_TRUE(child<QLabel>(dialog, "messageLabel")->text().contains(loginC));
        child<QRadioButton>(dialog, "typedRadio")->setChecked(true);
        child<QLineEdit>(dialog, "passwordEdit")->setText(fresh);
        child<QLineEdit>(dialog, "repeatEdit")->setText(fresh);
        save(dialog);
    });
    page->resetPassword();
    EXPECT_TRUE(canConnect(loginC, fresh));
    EXPECT_FALSE(canConnect(loginC, password));
}

TEST_F(PeopleOnServer, TeamsAreAddedAndLedOnTheServer)
{
    whenShown<TeamDialog>([](TeamDialog *dialog) {
        // The server has no automatic assignment to set.
        EXPECT_TRUE(child<QComboBox>(dialog, "autoAssignCombo")->isHidden());
        child<QLineEdit>(dialog, "nameEdit")->setText(QStringLiteral("Nagoya"));
        child<QComboBox>(dialog, "timeZoneCombo")->setEditText(QStringLiteral("Europe/London"));
        save(dialog);
    });
    page->addTeam();
    EXPECT_EQ(scalar(QStringLiteral("SELECT time_zone FROM crm.team WHERE name = 'Nagoya'")).toString(),
              QStringLiteral("Europe/London"));

    // A name the server has already: refused in words, not merged into it.
    QString said;
    whenShown<TeamDialog>([this, &said](TeamDialog *dialog) {
        child<QLineEdit>(dialog, "nameEdit")->setText(QStringLiteral("osaka"));
        child<QComboBox>(dialog, "timeZoneCombo")->setEditText(QStringLiteral("Europe/Paris"));
        answerNextMessageBox(QStringLiteral("OK"), &boxShown, &said);
        save(dialog);
        dialog->reject();
    });
    page->addTeam();
    EXPECT_TRUE(said.contains(QStringLiteral("There is already a team called Osaka."))) << said.toStdString();
    EXPECT_EQ(scalar(QStringLiteral("SELECT time_zone FROM crm.team WHERE name = 'Osaka'")).toString(),
              QStringLiteral("Asia/Tokyo"));

    const QUuid tokyoId(tokyo);
    ASSERT_TRUE(QTest::qWaitFor([&] { return page->teamModel()->rowOf(tokyoId) >= 0; }, 5'000));
    page->selectTeam(tokyoId);
    whenShown<TeamDialog>([](TeamDialog *dialog) {
        choose(child<QComboBox>(dialog, "leadCombo"), QStringLiteral("佐藤 健"));
        save(dialog);
    });
    page->editTeam();
    EXPECT_EQ(scalar(QStringLiteral("SELECT lead_id::text FROM crm.team WHERE name = 'Tokyo'")).toString(),
              agentB.toString(QUuid::WithoutBraces));
}

TEST(PeopleInTheWindow, TheWindowGivesThePageItsDatabaseAndWhoIsSignedInAndThePageFollowsChanges)
{
    QTemporaryDir dir;
    auto opened = Database::open(dir.filePath(QStringLiteral("team.sqlite")));
    ASSERT_TRUE(opened) << opened.error().message.toStdString();
    WorkspacePlan plan;
    plan.you = person(QStringLiteral("佐藤 愛子"), AgentRole::Admin);
    plan.teamName = QStringLiteral("お客様窓口");
    const auto made = WorkspaceSetup(opened.value()->connection()).setUp(plan);
    ASSERT_TRUE(made) << made.error().message.toStdString();
    MainWindow window(std::move(opened.value()));
    window.show();
    auto *page = window.findChild<PeoplePage *>();
    ASSERT_NE(page, nullptr);
    ASSERT_TRUE(QTest::qWaitFor([&] { return page->agentModel()->rowCount() == 1; }, 5'000));
    EXPECT_TRUE(page->canChange()); // Sato, an admin, is signed in

    const auto added = DirectoryService(window.database().connection(), made->you)
                           .addAgent(person(QStringLiteral("鈴木 一郎"), AgentRole::Agent));
    ASSERT_TRUE(added);
    EXPECT_TRUE(QTest::qWaitFor([&] { return page->agentModel()->rowOf(added.value()) >= 0; }, 5'000));
}
