// A team's people and teams without a server: set up on day one, then
// added, changed and deactivated (never deleted) under the team's rules.
#include "testsupport.h"

#include "repositories/customerrepository.h"
#include "repositories/directoryrepository.h"
#include "repositories/slarepository.h"
#include "repositories/ticketrepository.h"
#include "services/directoryservice.h"
#include "services/ticketservice.h"
#include "services/workspacesetup.h"
#include "storage/clientstate.h"

#include <QSqlQuery>

#include <gtest/gtest.h>

using namespace madoguchi;
using madoguchi::test::TempDatabase;

namespace {

Agent person(const QString &name, AgentRole role = AgentRole::Agent, const QString &reading = {})
{
    Agent a;
    a.name = name;
    a.nameReading = reading;
    a.role = role;
    return a;
}

qint64 count(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    EXPECT_TRUE(q.exec(sql) && q.next()) << sql.toStdString();
    return q.value(0).toLongLong();
}

// A workspace set up by Sato (admin) with Suzuki (lead) and Tanaka (agent).
struct DirectoryFixture : ::testing::Test
{
    TempDatabase db;
    Workspace made;

    void SetUp() override
    {
        WorkspacePlan plan;
        plan.you = person(QStringLiteral("佐藤 愛子"), AgentRole::Admin, QStringLiteral("サトウ アイコ"));
        plan.you.email = QStringLiteral("sato@example.jp");
        plan.teamName = QStringLiteral("お客様窓口");
        plan.teammates = {person(QStringLiteral("鈴木 一郎"), AgentRole::Lead, QStringLiteral("スズキ イチロウ")),
                          person(QStringLiteral("田中 花子"), AgentRole::Agent, QStringLiteral("タナカ ハナコ"))};
        const auto r = WorkspaceSetup(db.connection()).setUp(plan);
        ASSERT_TRUE(r) << r.error().message.toStdString();
        made = r.value();
    }

    Agent agent(const QUuid &id) { return DirectoryRepository(db.connection()).agent(id).value(); }
    QUuid sato() const { return made.you; }
    QUuid suzuki() const { return made.teammates.at(0); }
    QUuid tanaka() const { return made.teammates.at(1); }
};

} // namespace

TEST(WorkspaceSetup, AnEmptyRealDatabaseWaitsForItsFirstPersonUntilSetUpOrSkipped)
{
    TempDatabase db;
    WorkspaceSetup setup(db.connection());
    EXPECT_TRUE(setup.needsSetUp());
    ASSERT_TRUE(setup.skip());
    EXPECT_FALSE(setup.needsSetUp());

    TempDatabase other;
    WorkspacePlan plan;
    plan.you = person(QStringLiteral("Alex Doe"));
    ASSERT_TRUE(WorkspaceSetup(other.connection()).setUp(plan));
    EXPECT_FALSE(WorkspaceSetup(other.connection()).needsSetUp());
}

TEST_F(DirectoryFixture, SetUpMakesTheTeamItsPeopleAndWhoIsSignedIn)
{
    const auto teams = DirectoryRepository(db.connection()).teams().value();
    ASSERT_EQ(teams.size(), 1);
    EXPECT_EQ(teams.at(0).name, QStringLiteral("お客様窓口"));
    EXPECT_EQ(teams.at(0).timeZone, QStringLiteral("Asia/Tokyo")); // the shipped calendar's
    EXPECT_EQ(teams.at(0).leadId, suzuki());                       // the first lead
    const Agent you = agent(sato());
    EXPECT_EQ(you.nameReading, QStringLiteral("サトウ アイコ"));
    EXPECT_EQ(you.email, QStringLiteral("sato@example.jp"));
    EXPECT_EQ(you.role, AgentRole::Admin);
    EXPECT_EQ(you.teamId, made.team);
    EXPECT_EQ(agent(tanaka()).teamId, made.team);
    EXPECT_EQ(ClientState(db.connection()).currentAgent(), sato());
    // Every row goes through the outbox, to reach a server connected later.
    EXPECT_EQ(count(db.connection(), QStringLiteral("SELECT count(*) FROM sync_outbox WHERE entity = 'agents'")), 3);
    EXPECT_EQ(count(db.connection(), QStringLiteral("SELECT count(*) FROM sync_outbox WHERE entity = 'teams'")), 2);
    // Listed as the names are said: サトウ, スズキ, タナカ.
    QStringList names;
    for (const Agent &a : DirectoryRepository(db.connection()).agents().value())
        names << a.name;
    EXPECT_EQ(names,
              (QStringList{QStringLiteral("佐藤 愛子"), QStringLiteral("鈴木 一郎"), QStringLiteral("田中 花子")}));
}

TEST(WorkspaceSetup, TheTeamsBusinessHoursBecomeTheDefaultCalendarAndItsZoneTheTeams)
{
    TempDatabase db;
    WorkspacePlan plan;
    plan.you = person(QStringLiteral("Jo Smith"), AgentRole::Lead);
    plan.teamName = QStringLiteral("Support");
    Calendar hours = Calendar::japanStandard();
    hours.timeZone = QStringLiteral("Europe/London");
    hours.japaneseHolidays = false;
    plan.hours = hours;
    const auto made = WorkspaceSetup(db.connection()).setUp(plan);
    ASSERT_TRUE(made) << made.error().message.toStdString();
    SlaRepository sla(db.connection());
    const Calendar calendar = sla.calendar(sla.defaultPolicy()->calendarId).value();
    EXPECT_EQ(calendar.timeZone, QStringLiteral("Europe/London"));
    EXPECT_FALSE(calendar.japaneseHolidays);
    EXPECT_EQ(DirectoryRepository(db.connection()).team(made->team)->timeZone, QStringLiteral("Europe/London"));
    EXPECT_EQ(DirectoryRepository(db.connection()).team(made->team)->leadId, made->you); // a lead leads
}

TEST(WorkspaceSetup, AnInvalidTeammateLeavesNothingBehind)
{
    TempDatabase db;
    WorkspacePlan plan;
    plan.you = person(QStringLiteral("Jo Smith"));
    plan.teamName = QStringLiteral("Support");
    Agent bad = person(QStringLiteral("Kim Lee"));
    bad.email = QStringLiteral("not an address");
    plan.teammates = {bad};
    const auto made = WorkspaceSetup(db.connection()).setUp(plan);
    ASSERT_FALSE(made);
    EXPECT_TRUE(made.error().message.startsWith(QStringLiteral("Kim Lee: "))) << made.error().message.toStdString();
    EXPECT_EQ(count(db.connection(), QStringLiteral("SELECT count(*) FROM agents")), 0);
    EXPECT_EQ(count(db.connection(), QStringLiteral("SELECT count(*) FROM teams")), 0);
    EXPECT_EQ(count(db.connection(), QStringLiteral("SELECT count(*) FROM sync_outbox")), 0);
    EXPECT_TRUE(ClientState(db.connection()).currentAgent().isNull());
    EXPECT_TRUE(WorkspaceSetup(db.connection()).needsSetUp());
}

TEST_F(DirectoryFixture, AnAgentReadsButCannotChangeThePeople)
{
    DirectoryService asTanaka(db.connection(), tanaka());
    EXPECT_FALSE(asTanaka.canManage());
    const auto added = asTanaka.addAgent(person(QStringLiteral("New Person")));
    ASSERT_FALSE(added);
    EXPECT_EQ(added.error().message,
              QStringLiteral("Only team leads, supervisors and administrators can change the team's people."));
    Agent renamed = agent(suzuki());
    renamed.name = QStringLiteral("Renamed");
    EXPECT_FALSE(asTanaka.editAgent(renamed));
    EXPECT_FALSE(asTanaka.deactivateAgent(suzuki()));
    EXPECT_EQ(agent(suzuki()).name, QStringLiteral("鈴木 一郎"));
    EXPECT_TRUE(agent(suzuki()).active);
    // Nobody signed in, in a workspace with an admin: refused too.
    EXPECT_FALSE(DirectoryService(db.connection(), QUuid()).addAgent(person(QStringLiteral("Ghost"))));
}

TEST_F(DirectoryFixture, ALeadManagesAgentsButOnlyAnAdminMakesAnAdmin)
{
    DirectoryService asSuzuki(db.connection(), suzuki());
    EXPECT_TRUE(asSuzuki.canManage());
    EXPECT_TRUE(asSuzuki.canGrant(AgentRole::Lead));
    EXPECT_FALSE(asSuzuki.canGrant(AgentRole::Admin));
    Agent newcomer = person(QStringLiteral("山本 翔"), AgentRole::Agent, QStringLiteral("ヤマモト ショウ"));
    newcomer.teamId = made.team;
    const auto id = asSuzuki.addAgent(newcomer);
    ASSERT_TRUE(id) << id.error().message.toStdString();
    const auto admin = asSuzuki.addAgent(person(QStringLiteral("Sneaky"), AgentRole::Admin));
    ASSERT_FALSE(admin);
    EXPECT_EQ(admin.error().message,
              QStringLiteral("Only an administrator can make or change a supervisor or an administrator."));
    Agent promoted = agent(id.value());
    promoted.role = AgentRole::Supervisor;
    EXPECT_FALSE(asSuzuki.editAgent(promoted));
    EXPECT_FALSE(asSuzuki.deactivateAgent(sato())); // an admin is beyond a lead
    // The admin may.
    EXPECT_TRUE(DirectoryService(db.connection(), sato()).editAgent(promoted));
    EXPECT_EQ(agent(id.value()).role, AgentRole::Supervisor);
}

TEST_F(DirectoryFixture, EditsAreCheckedAndGoThroughTheOutboxWithTheirBase)
{
    DirectoryService asSato(db.connection(), sato());
    Agent a = agent(tanaka());
    a.email = QStringLiteral("tanaka@@example");
    EXPECT_FALSE(asSato.editAgent(a));
    a.email = QStringLiteral("tanaka@example.jp");
    a.name = QStringLiteral("鈴木 一郎"); // somebody else's name
    const auto clash = asSato.editAgent(a);
    ASSERT_FALSE(clash);
    EXPECT_TRUE(clash.error().message.contains(QStringLiteral("already an agent called")));
    a.name = QStringLiteral("田中 花子");
    a.nameReading = QStringLiteral("tanaka hanako 2"); // digits are no reading
    EXPECT_FALSE(asSato.editAgent(a));
    a.nameReading = QStringLiteral("タナカ ハナコ");
    const qint64 before = count(db.connection(), QStringLiteral("SELECT count(*) FROM sync_outbox"));
    ASSERT_TRUE(asSato.editAgent(a));
    EXPECT_EQ(agent(tanaka()).email, QStringLiteral("tanaka@example.jp"));
    EXPECT_EQ(count(db.connection(), QStringLiteral("SELECT count(*) FROM sync_outbox")), before + 1);
    EXPECT_EQ(count(db.connection(),
                    QStringLiteral("SELECT count(*) FROM sync_outbox WHERE op = 'update' AND entity = 'agents' "
                                   "AND json_extract(base, '$.email') = ''")),
              1);
}

TEST_F(DirectoryFixture, DeactivatingKeepsTheNameAndListsTheOpenTicketsForReassignment)
{
    TicketService tickets(db.connection(), sato());
    Customer customer;
    customer.name = QStringLiteral("山田 太郎");
    Ticket t;
    t.customerId = CustomerRepository(db.connection(), sato()).add(customer).value();
    t.subject = QStringLiteral("請求書の再発行");
    t.assigneeId = tanaka();
    const auto open = tickets.create(t);
    ASSERT_TRUE(open) << open.error().message.toStdString();
    t.subject = QStringLiteral("済んだ件");
    const auto done = tickets.create(t);
    ASSERT_TRUE(done);
    ASSERT_TRUE(tickets.changeStatus(done->id, TicketStatus::Solved));

    const auto left = DirectoryService(db.connection(), sato()).deactivateAgent(tanaka());
    ASSERT_TRUE(left) << left.error().message.toStdString();
    ASSERT_EQ(left->size(), 1);
    EXPECT_EQ(left->at(0).id, open->id);
    const Agent gone = agent(tanaka());
    EXPECT_FALSE(gone.active);
    EXPECT_EQ(gone.name, QStringLiteral("田中 花子")); // history keeps the name
    EXPECT_EQ(count(db.connection(), QStringLiteral("SELECT count(*) FROM agents WHERE deleted_at IS NOT NULL")), 0);
    // Deactivated: no new tickets, no reassignment to them.
    t.subject = QStringLiteral("新しい件");
    const auto refused = tickets.create(t);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().message,
              QStringLiteral("田中 花子 is deactivated and cannot take tickets. Choose someone else."));
    t.assigneeId = suzuki();
    const auto suzukis = tickets.create(t);
    ASSERT_TRUE(suzukis);
    EXPECT_FALSE(tickets.assign(suzukis->id, tanaka(), made.team));
    EXPECT_EQ(TicketRepository(db.connection()).get(suzukis->id)->assigneeId, suzuki());
    // The ticket already theirs can still be worked on and handed on.
    EXPECT_TRUE(tickets.assign(open->id, suzuki(), made.team));
    // Back again.
    ASSERT_TRUE(DirectoryService(db.connection(), sato()).reactivateAgent(tanaka()));
    EXPECT_TRUE(agent(tanaka()).active);
}

TEST_F(DirectoryFixture, TheLastAdminStaysAndADeactivatedLeadStopsLeading)
{
    DirectoryService asSato(db.connection(), sato());
    const auto self = asSato.deactivateAgent(sato());
    ASSERT_FALSE(self);
    EXPECT_EQ(self.error().message, QStringLiteral("佐藤 愛子 is the team's only administrator. Make someone else an "
                                                   "administrator first."));
    Agent demoted = agent(sato());
    demoted.role = AgentRole::Agent;
    EXPECT_FALSE(asSato.editAgent(demoted));
    EXPECT_EQ(agent(sato()).role, AgentRole::Admin);
    // With a second admin, the first may step down.
    Agent other = agent(suzuki());
    other.role = AgentRole::Admin;
    ASSERT_TRUE(asSato.editAgent(other));
    EXPECT_TRUE(asSato.editAgent(demoted));

    ASSERT_TRUE(DirectoryService(db.connection(), suzuki()).deactivateAgent(sato()));
    Team team = DirectoryRepository(db.connection()).team(made.team).value();
    EXPECT_EQ(team.leadId, suzuki());
    Agent lead = agent(suzuki());
    lead.role = AgentRole::Lead;
    // (Suzuki is the only active admin now: cannot step down.)
    EXPECT_FALSE(DirectoryService(db.connection(), suzuki()).editAgent(lead));
}

TEST_F(DirectoryFixture, TeamsHaveUniqueNamesKnownZonesAndALeadFromTheirMembers)
{
    DirectoryService asSato(db.connection(), sato());
    Team second;
    second.name = QStringLiteral("Billing");
    second.timeZone = QStringLiteral("Asia/Tokyo");
    const auto billing = asSato.addTeam(second);
    ASSERT_TRUE(billing) << billing.error().message.toStdString();
    second.name = QStringLiteral("ｂｉｌｌｉｎｇ"); // the same, full-width
    const auto twice = asSato.addTeam(second);
    ASSERT_FALSE(twice);
    EXPECT_EQ(twice.error().message, QStringLiteral("There is already a team called Billing."));
    Team edited = DirectoryRepository(db.connection()).team(billing.value()).value();
    edited.timeZone = QStringLiteral("Mars/Olympus");
    EXPECT_FALSE(asSato.editTeam(edited));
    edited.timeZone = QStringLiteral("Asia/Tokyo");
    edited.leadId = tanaka(); // not in Billing
    const auto outsider = asSato.editTeam(edited);
    ASSERT_FALSE(outsider);
    EXPECT_EQ(outsider.error().message, QStringLiteral("田中 花子 is not in Billing. Move them to the team first."));
    Agent moved = agent(tanaka());
    moved.teamId = billing.value();
    ASSERT_TRUE(asSato.editAgent(moved));
    ASSERT_TRUE(asSato.editTeam(edited));
    EXPECT_EQ(DirectoryRepository(db.connection()).team(billing.value())->leadId, tanaka());
    // Leading Billing, then moved back: no longer its lead.
    moved.teamId = made.team;
    ASSERT_TRUE(asSato.editAgent(moved));
    EXPECT_TRUE(DirectoryRepository(db.connection()).team(billing.value())->leadId.isNull());
}

TEST(DirectoryService, AWorkspaceWithoutAnActiveAdminIsNeverLocked)
{
    TempDatabase db;
    WorkspacePlan plan;
    plan.you = person(QStringLiteral("Jo Smith")); // an agent, and nobody else
    const auto made = WorkspaceSetup(db.connection()).setUp(plan);
    ASSERT_TRUE(made);
    DirectoryService asJo(db.connection(), made->you);
    EXPECT_TRUE(asJo.canManage());
    EXPECT_TRUE(asJo.canGrant(AgentRole::Admin));
    const auto admin = asJo.addAgent(person(QStringLiteral("Pat Admin"), AgentRole::Admin));
    ASSERT_TRUE(admin);
    // Now there is an admin, and Jo is an agent.
    EXPECT_FALSE(asJo.canManage());
}

// On a copy that syncs with a team server, roles and being active are the
// server's (its login functions); a local change would be dropped there.
TEST_F(DirectoryFixture, OnACopyOfATeamServerRolesAndDeactivationAreTheServers)
{
    ASSERT_TRUE(ClientState(db.connection()).setValue(QStringLiteral("sync.epoch"), QStringLiteral("e1")));
    DirectoryService asSato(db.connection(), sato());
    const auto refused = asSato.deactivateAgent(tanaka());
    ASSERT_FALSE(refused);
    EXPECT_TRUE(refused.error().message.contains(QStringLiteral("deactivate-agent")));
    EXPECT_TRUE(agent(tanaka()).active);
    Agent promoted = agent(tanaka());
    promoted.role = AgentRole::Lead;
    EXPECT_FALSE(asSato.editAgent(promoted));
    Agent renamed = agent(tanaka());
    renamed.email = QStringLiteral("hanako@example.jp");
    EXPECT_TRUE(asSato.editAgent(renamed)); // descriptive columns stay the team's to edit
}
