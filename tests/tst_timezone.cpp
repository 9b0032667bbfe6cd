// One time zone for every time shown (DESIGN.md §3): the user's setting,
// else the signed-in agent's team's, the first team's, the default SLA
// calendar's, the system's (New York here, where the process runs).
#include "config/appsettings.h"
#include "config/displaytimezone.h"
#include "domain/slapolicy.h"
#include "repositories/directoryrepository.h"
#include "repositories/slarepository.h"
#include "storage/clientstate.h"
#include "testsupport.h"

#include <QSqlQuery>
#include <QTest>

#include <gtest/gtest.h>

#include <ctime>

using namespace madoguchi;
using namespace madoguchi::test;

namespace {

// The process runs in New York while the test does.
class ProcessInNewYork
{
public:
    ProcessInNewYork()
        : m_before(qgetenv("TZ"))
    {
        qputenv("TZ", "America/New_York");
        tzset();
    }
    ~ProcessInNewYork()
    {
        if (m_before.isEmpty())
            qunsetenv("TZ");
        else
            qputenv("TZ", m_before);
        tzset();
    }
    ProcessInNewYork(const ProcessInNewYork &) = delete;
    ProcessInNewYork &operator=(const ProcessInNewYork &) = delete;

private:
    QByteArray m_before;
};

// The user's choice in Settings for the test, automatic again after it.
class ChosenZone
{
public:
    explicit ChosenZone(const QString &id) { AppSettings::setTimeZone(id); }
    ~ChosenZone() { AppSettings::setTimeZone(QString()); }
    ChosenZone(const ChosenZone &) = delete;
    ChosenZone &operator=(const ChosenZone &) = delete;
};

QUuid addTeam(const Database &db, const QString &zone)
{
    Team team;
    team.name = zone;
    team.timeZone = zone;
    const auto added = DirectoryRepository(db.connection()).addTeam(team);
    EXPECT_TRUE(added) << added.error().message.toStdString();
    return added ? added.value() : QUuid();
}

} // namespace

TEST(DisplayTimeZone, TakesTheSettingThenTheSignedInTeamTheFirstTeamTheCalendarTheSystem)
{
    const ProcessInNewYork newYork;
    const NamedTimeZones all{QStringLiteral("Asia/Kolkata"), QStringLiteral("Asia/Tokyo"),
                             QStringLiteral("Europe/Paris")};
    EXPECT_EQ(displayTimeZone(QStringLiteral("America/Sao_Paulo"), all).id(), "America/Sao_Paulo");
    EXPECT_EQ(displayTimeZone(QString(), all).id(), "Asia/Kolkata");
    // A setting that names no zone is passed over, as is a team's.
    EXPECT_EQ(displayTimeZone(QStringLiteral("Mars/Olympus_Mons"), all).id(), "Asia/Kolkata");
    EXPECT_EQ(displayTimeZone(QString(), {QStringLiteral("Nowhere/Bad"), QStringLiteral("Asia/Tokyo"),
                                          QStringLiteral("Europe/Paris")})
                  .id(),
              "Asia/Tokyo");
    EXPECT_EQ(displayTimeZone(QString(), {QString(), QStringLiteral("Asia/Tokyo"), QStringLiteral("Europe/Paris")}).id(),
              "Asia/Tokyo");
    EXPECT_EQ(displayTimeZone(QString(), {QString(), QString(), QStringLiteral("Europe/Paris")}).id(), "Europe/Paris");
    EXPECT_EQ(displayTimeZone(QString(), {}).id(), "America/New_York");
}

TEST(DisplayTimeZone, ReadsEachLevelFromTheDatabase)
{
    const ProcessInNewYork newYork;
    TempDatabase t;
    const Database &db = t.database();
    // A new database: the shipped calendar's zone, not the system's.
    EXPECT_EQ(displayTimeZone(db).id(), "Asia/Tokyo");
    SlaRepository sla(db.connection());
    const auto shipped = sla.calendar(sla.defaultPolicy()->calendarId);
    ASSERT_TRUE(shipped);
    Calendar paris = shipped.value();
    paris.timeZone = QStringLiteral("Europe/Paris");
    ASSERT_TRUE(sla.saveCalendar(paris));
    EXPECT_EQ(displayTimeZone(db).id(), "Europe/Paris");

    const QUuid first = addTeam(db, QStringLiteral("Pacific/Auckland"));
    QTest::qWait(2); // a later created_at
    const QUuid second = addTeam(db, QStringLiteral("Asia/Kolkata"));
    EXPECT_EQ(displayTimeZone(db).id(), "Pacific/Auckland");
    Agent agent;
    agent.name = QStringLiteral("佐藤");
    agent.teamId = second;
    const auto added = DirectoryRepository(db.connection()).addAgent(agent);
    ASSERT_TRUE(added);
    ASSERT_TRUE(ClientState(db.connection()).setCurrentAgent(added.value()));
    EXPECT_EQ(displayTimeZone(db).id(), "Asia/Kolkata");

    {
        const ChosenZone chosen(QStringLiteral("America/Sao_Paulo"));
        EXPECT_EQ(displayTimeZone(db).id(), "America/Sao_Paulo");
        EXPECT_EQ(displayTimeZone(QString(), namedTimeZones(db.connection())).id(), "Asia/Kolkata"); // automatic
    }
    {
        const ChosenZone chosen(QStringLiteral("Not/A_Zone"));
        EXPECT_EQ(displayTimeZone(db).id(), "Asia/Kolkata");
    }
    // The signed-in agent's team gone: the first live team.
    QSqlQuery q(db.connection());
    ASSERT_TRUE(q.exec(QStringLiteral("UPDATE teams SET deleted_at = 1 WHERE name = 'Asia/Kolkata'")));
    EXPECT_EQ(displayTimeZone(db).id(), "Pacific/Auckland");
    ASSERT_TRUE(q.exec(QStringLiteral("UPDATE teams SET deleted_at = 1")));
    EXPECT_EQ(displayTimeZone(db).id(), "Europe/Paris");
    EXPECT_FALSE(first.isNull());
}
