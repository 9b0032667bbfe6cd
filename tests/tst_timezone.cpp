// One time zone for every time shown (DESIGN.md §3): the user's setting,
// else the signed-in agent's team's, the first team's, the default SLA
// calendar's, the system's. The same instant reads the same wall-clock time
// in every prompt, dialog, list and command, whatever zone the process runs
// in (New York here, where a time shown in the system's zone reads 01:53).
#include "config/appsettings.h"
#include "config/displaytimezone.h"
#include "customers/customerspage.h"
#include "domain/slapolicy.h"
#include "models/customerlistmodel.h"
#include "repositories/customerrepository.h"
#include "repositories/directoryrepository.h"
#include "repositories/interactionrepository.h"
#include "repositories/slarepository.h"
#include "shell/backupsdialog.h"
#include "shell/databasecare.h"
#include "shell/mainwindow.h"
#include "storage/backups.h"
#include "storage/clientstate.h"
#include "storage/draftstore.h"
#include "sync/conflicts.h"
#include "sync/syncservice.h"
#include "teamsync/conflictsdialog.h"
#include "testsupport.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QSqlQuery>
#include <QStatusBar>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

#include <gtest/gtest.h>

#include <ctime>

using namespace madoguchi;
using namespace madoguchi::test;

namespace {

// 06:53 UTC two days ago: 15:53 in Tokyo, 03:53 in São Paulo. Recent, so
// the backup stamped with it is kept and is the newest.
const QDateTime kInstant(QDate::currentDate().addDays(-2), QTime(6, 53), QTimeZone::utc());

// The instant on the wall clock of `zone`, as every surface shows it.
QString wall(const char *zone)
{
    return kInstant.toTimeZone(QTimeZone(zone)).toString(QStringLiteral("HH:mm"));
}

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

// A database whose only team works in `zone`, holding a call note a crash
// left, a sync conflict, a call (with `customer`) and a backup, all at kInstant.
void fillDesk(const QString &path, const char *zone, QUuid *customer = nullptr)
{
    auto opened = Database::open(path);
    ASSERT_TRUE(opened);
    const Database &db = *opened.value();
    addTeam(db, QString::fromLatin1(zone));
    const qint64 at = kInstant.toMSecsSinceEpoch();
    ASSERT_TRUE(DraftStore(db.connection()).save(QStringLiteral("log-interaction"), {}));
    QSqlQuery q(db.connection());
    ASSERT_TRUE(q.exec(QStringLiteral("UPDATE drafts SET saved_at = %1").arg(at)));
    ASSERT_TRUE(
        q.exec(QStringLiteral("INSERT INTO sync_conflicts (id, entity, row_id, field, theirs, yours, resolution, "
                              "created_at, updated_at) VALUES (randomblob(16), 'customer', randomblob(16), "
                              "'name', '\"A\"', '\"B\"', 'kept_theirs', %1, %1)")
                   .arg(at)));
    Customer c;
    c.name = QStringLiteral("山田 太郎");
    const auto added = CustomerRepository(db.connection()).add(c);
    ASSERT_TRUE(added);
    if (customer)
        *customer = added.value();
    Interaction call;
    call.customerId = added.value();
    call.startedAt = kInstant;
    ASSERT_TRUE(InteractionRepository(db.connection()).add(call));
    const auto backup = Backups(path).create(db.connection());
    ASSERT_TRUE(backup);
    // Stamped with the instant, as if taken then.
    const QString stamped = QString(backup->path)
                                .replace(backup->takenAt.toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")),
                                         kInstant.toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")));
    ASSERT_TRUE(QFile::rename(backup->path, stamped));
}

QLabel *syncStatus(const MainWindow &window)
{
    for (QLabel *label : window.statusBar()->findChildren<QLabel *>()) {
        if (label->accessibleName() == u"Sync status")
            return label;
    }
    return nullptr;
}

// What the draft prompt, the conflicts list, the backups dialog and the
// customer list of `window` say about kInstant, one line each.
QStringList timesShown(MainWindow &window)
{
    QStringList shown;
    const CustomerListModel *customers = window.findChild<CustomersPage *>()->model();
    EXPECT_EQ(customers->rowCount(), 1);
    shown << customers->index(0, CustomerListModel::LastContact).data().toString();
    bool asked = false;
    QString prompt;
    answerNextMessageBox(QStringLiteral("Discard"), &asked, &prompt);
    window.offerDraftRecovery();
    EXPECT_TRUE(asked);
    shown << prompt;
    // The draft is gone with Discard: the next reading needs it again.
    (void)DraftStore(window.database().connection()).save(QStringLiteral("log-interaction"), {});
    (void)QSqlQuery(window.database().connection())
        .exec(QStringLiteral("UPDATE drafts SET saved_at = %1").arg(kInstant.toMSecsSinceEpoch()));

    ConflictsDialog conflicts(window.database(), {});
    shown << conflicts.model()->index(0, ConflictListModel::When).data().toString();

    QTimer::singleShot(0, [&shown] {
        BackupsDialog *dialog = nullptr;
        const auto open = [&] { return (dialog = qobject_cast<BackupsDialog *>(QApplication::activeModalWidget())); };
        if (!QTest::qWaitFor([&] { return open() != nullptr; }, 5'000))
            return;
        auto *list = dialog->findChild<QTreeWidget *>(QStringLiteral("backupList"));
        QStringList rows;
        for (int i = 0; i < list->topLevelItemCount(); ++i)
            rows << list->topLevelItem(i)->text(0);
        shown << rows.join(QStringLiteral(" / "));
        dialog->reject();
    });
    emit window.databaseCare()->backupsRequested();
    return shown;
}

struct CliRun
{
    int exitCode = -1;
    QString out;
};

// madoguchi-cli in New York, with its own settings folder (`config`).
CliRun cli(const QString &config, const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("TZ"), QStringLiteral("America/New_York"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), config);
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(MADOGUCHI_CLI_PATH), arguments);
    if (!process.waitForFinished(60'000))
        return {};
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput())};
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

// The draft prompt, the conflicts list, the backups dialog and the sync
// status of a window on a team in Tokyo, then in UTC, then with the
// user's own zone chosen in Settings.
TEST(OneTimeZone, EveryDialogAndPromptOfTheWindowShowsTheSameWallClock)
{
    const ProcessInNewYork newYork;
    ASSERT_NE(wall("America/New_York"), wall("Asia/Tokyo"));
    for (const char *zone : {"Asia/Tokyo", "UTC"}) {
        SCOPED_TRACE(zone);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("desk.sqlite"));
        fillDesk(path, zone);
        auto opened = Database::open(path);
        ASSERT_TRUE(opened);
        MainWindow window(std::move(opened.value()));
        window.show();
        for (const QString &shown : timesShown(window)) {
            EXPECT_TRUE(shown.contains(wall(zone))) << shown.toStdString();
            EXPECT_FALSE(shown.contains(wall("America/New_York"))) << shown.toStdString();
            EXPECT_FALSE(shown.contains(QStringLiteral(":53:00"))) << shown.toStdString(); // no seconds
        }

        // Sync offline says when it tries again, on the same clock.
        QLabel *sync = syncStatus(window);
        ASSERT_NE(sync, nullptr);
        window.syncService()->start(unreachableServer());
        ASSERT_TRUE(QTest::qWaitFor([&] { return sync->text().startsWith(QStringLiteral("Offline")); }, 10'000));
        const QDateTime next = window.syncService()->status().nextAttempt;
        const auto at = [&](const char *z) { return next.toTimeZone(QTimeZone(z)).toString(QStringLiteral("HH:mm")); };
        EXPECT_TRUE(sync->text().startsWith(QStringLiteral("Offline · trying again at %1").arg(at(zone))))
            << sync->text().toStdString();

        // The user's own zone, chosen in Settings, applies at once.
        auto *choice = window.findChild<QComboBox *>(QStringLiteral("timeZoneCombo"));
        ASSERT_NE(choice, nullptr);
        EXPECT_EQ(choice->itemText(0), QStringLiteral("Automatic (%1)").arg(QLatin1String(zone)));
        choice->setFocus();
        choice->lineEdit()->selectAll();
        QTest::keyClicks(choice, QStringLiteral("america/sao_paulo"));
        QTest::keyClick(choice, Qt::Key_Return);
        EXPECT_EQ(AppSettings::timeZone(), QStringLiteral("America/Sao_Paulo"));
        EXPECT_TRUE(sync->text().startsWith(QStringLiteral("Offline · trying again at %1").arg(at("America/Sao_Paulo"))))
            << sync->text().toStdString();
        for (const QString &shown : timesShown(window))
            EXPECT_TRUE(shown.contains(wall("America/Sao_Paulo"))) << shown.toStdString();
        window.syncService()->stop();
        AppSettings::setTimeZone(QString());
    }
}

// A file too damaged to open: the start offers its newest backup, taken at
// the team's wall-clock time (read from the backup, as the file names none).
TEST(OneTimeZone, TheDamagedFilePromptShowsTheBackupInTheTeamsZone)
{
    const ProcessInNewYork newYork;
    for (const char *zone : {"Asia/Tokyo", "UTC"}) {
        SCOPED_TRACE(zone);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("desk.sqlite"));
        fillDesk(path, zone);
        {
            QFile f(path);
            ASSERT_TRUE(f.open(QIODevice::ReadWrite));
            f.write(QByteArray(100, 'x')); // the header is gone
        }
        for (const char *chosen : {"", "America/Sao_Paulo"}) {
            const ChosenZone setting(QString::fromLatin1(chosen));
            bool shown = false;
            QString said;
            answerNextMessageBox(QStringLiteral("Quit"), &shown, &said);
            EXPECT_FALSE(DatabaseCare::openAtStart(path, {}));
            ASSERT_TRUE(shown);
            EXPECT_TRUE(said.contains(wall(*chosen ? chosen : zone))) << said.toStdString();
            EXPECT_FALSE(said.contains(wall("America/New_York"))) << said.toStdString();
        }
    }
}

// The command line: a customer's calls and the backups, in the team's zone
// or the one chosen in the settings, whatever TZ says.
TEST(OneTimeZone, TheCommandLineShowsTheSameWallClock)
{
    for (const char *zone : {"Asia/Tokyo", "UTC"}) {
        SCOPED_TRACE(zone);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("desk.sqlite"));
        QUuid customer;
        fillDesk(path, zone, &customer);
        const QString config = dir.filePath(QStringLiteral("config"));
        const QStringList show{QStringLiteral("--db"), path, QStringLiteral("customer"), QStringLiteral("show"),
                               customer.toString(QUuid::WithoutBraces)};
        const QStringList backups{QStringLiteral("--db"), path, QStringLiteral("backup"), QStringLiteral("--list")};
        for (const char *chosen : {"", "America/Sao_Paulo"}) {
            if (*chosen) {
                ASSERT_TRUE(QDir().mkpath(config + QStringLiteral("/madoguchi")));
                QFile conf(config + QStringLiteral("/madoguchi/madoguchi.conf"));
                ASSERT_TRUE(conf.open(QIODevice::WriteOnly));
                conf.write(QByteArray("[ui]\ntimeZone=") + chosen + '\n');
            }
            const QString expected = wall(*chosen ? chosen : zone);
            for (const QStringList &arguments : {show, backups}) {
                const CliRun run = cli(config, arguments);
                ASSERT_EQ(run.exitCode, 0) << run.out.toStdString();
                EXPECT_TRUE(run.out.contains(expected + QStringLiteral("  "))) << run.out.toStdString();
                EXPECT_FALSE(run.out.contains(wall("America/New_York"))) << run.out.toStdString();
            }
        }
    }
}

// A time given without an offset is read on the team's clock, not the
// system's: the command line enters times as the log-call dialog does.
TEST(OneTimeZone, TheCommandLineReadsATimeWithoutAnOffsetOnTheTeamsClock)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("desk.sqlite"));
    QUuid customer;
    fillDesk(path, "Asia/Tokyo", &customer);
    const QString day = kInstant.date().toString(Qt::ISODate);
    const CliRun logged = cli(dir.filePath(QStringLiteral("config")),
                              {QStringLiteral("--db"), path, QStringLiteral("log-interaction"),
                               QStringLiteral("--customer"), customer.toString(QUuid::WithoutBraces),
                               QStringLiteral("--channel"), QStringLiteral("email"), QStringLiteral("--direction"),
                               QStringLiteral("outbound"), QStringLiteral("--started"),
                               day + QStringLiteral("T10:30:00")});
    ASSERT_EQ(logged.exitCode, 0) << logged.out.toStdString();
    auto opened = Database::open(path);
    ASSERT_TRUE(opened);
    QSqlQuery q(opened.value()->connection());
    ASSERT_TRUE(q.exec(QStringLiteral("SELECT started_at FROM interactions WHERE channel = 'email'")) && q.next());
    EXPECT_EQ(QDateTime::fromMSecsSinceEpoch(q.value(0).toLongLong(), QTimeZone::utc()),
              QDateTime(kInstant.date(), QTime(1, 30), QTimeZone::utc())); // 10:30 in Tokyo
}
