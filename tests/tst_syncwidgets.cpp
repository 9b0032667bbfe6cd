// The sync UI driven like a user would, against the real test server: the
// server settings (test connection, saving with the password going to the
// keychain only, the TLS warning) and the conflicts view (both ways of
// resolving, and what each sends).
#include "config/appsettings.h"
#include "customers/loginteractiondialog.h"
#include "domain/uuid.h"
#include "repositories/customerrepository.h"
#include "repositories/ticketrepository.h"
#include "services/ticketservice.h"
#include "shell/mainwindow.h"
#include "storage/database.h"
#include "sync/conflicts.h"
#include "sync/credentialstore.h"
#include "sync/syncservice.h"
#include "syncclient.h"
#include "teamsync/conflictsdialog.h"
#include "teamsync/serversettingswidget.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

using namespace madoguchi;
using namespace madoguchi::test;

namespace {

// A keychain in memory, to see exactly what is stored.
class MemoryStore : public CredentialStore
{
public:
    QHash<QString, QString> secrets;
    Result<void> store(const QString &account, const QString &secret) override
    {
        secrets.insert(account, secret);
        return {};
    }
    Result<std::optional<QString>> read(const QString &account) override
    {
        return secrets.contains(account) ? std::optional<QString>(secrets.value(account)) : std::nullopt;
    }
    Result<void> remove(const QString &account) override
    {
        secrets.remove(account);
        return {};
    }
};

template<typename T>
T *child(QWidget &w, const char *name)
{
    T *found = w.findChild<T *>(QString::fromLatin1(name));
    EXPECT_NE(found, nullptr) << name;
    return found;
}

} // namespace

TEST_F(SyncFixture, ServerSettingsTestTheConnectionAndKeepThePasswordInTheKeychainOnly)
{
    MemoryStore store;
    ServerSettingsWidget w(&store);
    w.show();
    QSignalSpy tested(&w, &ServerSettingsWidget::testFinished);
    QSignalSpy connectRequested(&w, &ServerSettingsWidget::connectRequested);

    // verify-full is the default; anything weaker says what it risks.
    auto *mode = child<QComboBox>(w, "sslModeCombo");
    auto *warning = child<QLabel>(w, "tlsWarning");
    mode->setCurrentIndex(mode->findData(QStringLiteral("verify-full")));
    EXPECT_FALSE(warning->isVisible());
    mode->setCurrentIndex(mode->findData(QStringLiteral("disable")));
    EXPECT_TRUE(warning->isVisible());
    EXPECT_TRUE(warning->text().contains(QStringLiteral("unencrypted")));

    child<QLineEdit>(w, "hostEdit")->setText(QStringLiteral("127.0.0.1"));
    child<QSpinBox>(w, "portSpin")->setValue(server.port());
    child<QLineEdit>(w, "databaseEdit")->setText(database);
    child<QLineEdit>(w, "userEdit")->setText(loginA);
    // A missing field is named before anything is tried.
    QTest::mouseClick(child<QPushButton>(w, "testButton"), Qt::LeftButton);
    EXPECT_TRUE(w.resultText().contains(QStringLiteral("password"))) << w.resultText().toStdString();
    EXPECT_TRUE(tested.isEmpty());

    // A wrong password, then the right one.
    child<QLineEdit>(w, "passwordEdit")->setText(QStringLiteral("not it"));
    QTest::mouseClick(child<QPushButton>(w, "testButton"), Qt::LeftButton);
    ASSERT_TRUE(tested.wait(15'000));
    EXPECT_FALSE(tested.takeFirst().at(0).toBool());
    EXPECT_TRUE(w.resultText().contains(QStringLiteral("password is wrong"))) << w.resultText().toStdString();
    child<QLineEdit>(w, "passwordEdit")->setText(password);
    QTest::mouseClick(child<QPushButton>(w, "testButton"), Qt::LeftButton);
    ASSERT_TRUE(tested.wait(15'000));
    EXPECT_TRUE(tested.takeFirst().at(0).toBool());
    EXPECT_TRUE(w.resultText().contains(QStringLiteral("高橋 美咲"))) << w.resultText().toStdString();

    // Saving: the password to the keychain, the rest to the settings.
    QTest::mouseClick(child<QPushButton>(w, "connectButton"), Qt::LeftButton);
    ASSERT_EQ(connectRequested.size(), 1);
    EXPECT_EQ(connectRequested.first().at(0).value<ServerConnection>().password, password);
    EXPECT_EQ(store.secrets.value(serverAccount(loginA, QStringLiteral("127.0.0.1"), server.port(), database)),
              password);
    EXPECT_EQ(AppSettings::syncMode(), QStringLiteral("server"));
    EXPECT_EQ(AppSettings::server().user, loginA);
    EXPECT_TRUE(AppSettings::server().password.isEmpty());
    QSettings settings;
    for (const QString &key : settings.allKeys())
        EXPECT_NE(settings.value(key).toString(), password) << key.toStdString();

    QTest::mouseClick(child<QPushButton>(w, "localButton"), Qt::LeftButton);
    EXPECT_EQ(AppSettings::syncMode(), QStringLiteral("local"));
}

TEST_F(SyncFixture, ConflictsViewShowsBothValuesAndResolvesEitherWay)
{
    auto a = client(loginA);
    auto b = client(loginB);
    ASSERT_TRUE(a->sync());
    {
        // Before there is any, the view says what would appear in it.
        ConflictsDialog none(*a->db, agentA);
        none.show();
        EXPECT_TRUE(child<QLabel>(none, "emptyHint")->isVisible());
        EXPECT_FALSE(child<QTableView>(none, "table")->isVisible());
        EXPECT_FALSE(child<QPushButton>(none, "keepButton")->isVisible());
    }
    const QUuid customerId = addCustomer(*a, QStringLiteral("Acme"));
    const QUuid ticket = addTicket(*a, customerId, tokyo, agentA, QStringLiteral("VPN drops"));
    ASSERT_TRUE(a->sync());
    ASSERT_TRUE(b->sync());
    // Both change the subject and the status offline; A's arrive first.
    TicketService sa(a->local(), agentA), sb(b->local(), agentB);
    ASSERT_TRUE(sa.editDetails(ticket, {QStringLiteral("VPN drops every hour"), QString(), QString()}));
    ASSERT_TRUE(sa.changeStatus(ticket, TicketStatus::Open));
    ASSERT_TRUE(sb.editDetails(ticket, {QStringLiteral("VPN drops after sleep"), QString(), QString()}));
    ASSERT_TRUE(sb.changeStatus(ticket, TicketStatus::Pending));
    ASSERT_TRUE(a->sync());
    ASSERT_TRUE(b->sync());

    ConflictsDialog dialog(*b->db, agentB);
    QAbstractItemModelTester tester(dialog.model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    dialog.show();
    ASSERT_EQ(dialog.model()->rowCount(), 2);
    auto *table = child<QTableView>(dialog, "table");
    auto *emptyHint = child<QLabel>(dialog, "emptyHint");
    EXPECT_FALSE(emptyHint->isVisible());
    EXPECT_TRUE(table->isVisible());
    auto rowOf = [&](const QString &field) {
        for (int r = 0; r < dialog.model()->rowCount(); ++r) {
            if (dialog.model()->index(r, ConflictListModel::Field).data().toString() == field)
                return r;
        }
        return -1;
    };
    const int subject = rowOf(QStringLiteral("Subject"));
    ASSERT_GE(subject, 0);
    EXPECT_EQ(dialog.model()->index(subject, ConflictListModel::Theirs).data().toString(),
              QStringLiteral("VPN drops every hour"));
    EXPECT_EQ(dialog.model()->index(subject, ConflictListModel::Yours).data().toString(),
              QStringLiteral("VPN drops after sleep"));
    EXPECT_TRUE(dialog.model()
                    ->index(subject, ConflictListModel::Record)
                    .data()
                    .toString()
                    .endsWith(QStringLiteral("VPN drops every hour")));

    // B's subject is applied again; the status: the server's stays.
    table->selectRow(subject);
    QTest::mouseClick(child<QPushButton>(dialog, "reapplyButton"), Qt::LeftButton);
    ASSERT_EQ(dialog.model()->rowCount(), 1);
    EXPECT_EQ(dialog.model()->index(0, ConflictListModel::Field).data().toString(), QStringLiteral("Status"));
    EXPECT_EQ(dialog.model()->index(0, ConflictListModel::Yours).data().toString(), QStringLiteral("Pending"));
    table->selectRow(0);
    QTest::mouseClick(child<QPushButton>(dialog, "keepButton"), Qt::LeftButton);
    EXPECT_EQ(dialog.model()->rowCount(), 0);
    EXPECT_TRUE(emptyHint->isVisible());
    // What was done stays said above the empty view.
    EXPECT_EQ(child<QLabel>(dialog, "messageLabel")->text(),
              QStringLiteral("The server's value stays. The conflict is closed."));

    // Both decisions reach the server and A.
    ASSERT_TRUE(b->sync());
    EXPECT_EQ(scalar(QStringLiteral("SELECT subject FROM crm.ticket")).toString(),
              QStringLiteral("VPN drops after sleep"));
    EXPECT_EQ(scalar(QStringLiteral("SELECT status FROM crm.ticket")).toString(), QStringLiteral("open"));
    EXPECT_EQ(
        scalar(
            QStringLiteral(
                "SELECT string_agg(resolution, ',' ORDER BY resolution) FROM sync.conflict WHERE resolved_at IS NOT NULL"))
            .toString(),
        QStringLiteral("accepted,reapplied"));
    ASSERT_TRUE(a->sync());
    EXPECT_EQ(TicketRepository(a->local()).get(ticket)->subject, QStringLiteral("VPN drops after sleep"));
    EXPECT_EQ(ConflictStore(a->local(), agentA).open()->size(), 0);
}

// A first sync of a large copy takes minutes: the status bar says what it
// is doing (receiving, then setting up the copy), then that it is done.
TEST_F(SyncFixture, StatusBarFollowsAFirstSyncThroughItsPhases)
{
    auto a = client(loginA);
    ASSERT_TRUE(a->sync());
    for (int i = 0; i < 3; ++i)
        addTicket(*a, addCustomer(*a, QStringLiteral("顧客 %1").arg(i)), tokyo, agentA,
                  QStringLiteral("Ticket %1").arg(i));
    ASSERT_TRUE(a->sync());

    QTemporaryDir dir;
    auto opened = Database::open(dir.filePath(QStringLiteral("b.sqlite")));
    ASSERT_TRUE(opened);
    MainWindow window(std::move(opened.value()));
    window.show();
    QLabel *label = window.syncStatusLabel();
    // Connected after the window's own handler: sees each text it shows.
    QStringList shown;
    QObject::connect(window.syncService(), &SyncService::statusChanged, label, [&] { shown << label->text(); });
    window.syncService()->start(as(loginB, password));
    ASSERT_TRUE(QTest::qWaitFor([&] { return label->text().startsWith(QStringLiteral("Up to date")); }, 20'000))
        << shown.join(QStringLiteral(" | ")).toStdString();
    window.syncService()->stop();
    const QString all = shown.join(QStringLiteral(" | "));
    EXPECT_TRUE(all.contains(QStringLiteral("Syncing · receiving changes"))) << all.toStdString();
    EXPECT_TRUE(all.contains(QStringLiteral("Syncing · setting up the local copy (indexes and search)")))
        << all.toStdString();
    EXPECT_LT(all.indexOf(QStringLiteral("receiving changes")),
              all.indexOf(QStringLiteral("setting up the local copy")));
}

namespace {

// Logs a call in a window synced as `login` and says whether it reached the
// server within `wait` ms; `followHub` false takes the sync service off
// the change hub (the defect, put back).
bool loggedCallReachesServer(SyncFixture &f, const QString &login, bool followHub, int wait)
{
    auto a = f.client(f.loginA);
    const QUuid customer = addCustomer(*a, QStringLiteral("顧客 一"));
    EXPECT_TRUE(a->sync());

    QTemporaryDir dir;
    auto opened = Database::open(dir.filePath(QStringLiteral("b.sqlite")));
    EXPECT_TRUE(opened);
    MainWindow window(std::move(opened.value()));
    window.show();
    window.syncService()->start(f.as(login, f.password));
    EXPECT_TRUE(
        QTest::qWaitFor([&] { return window.syncStatusLabel()->text().startsWith(QStringLiteral("Up to date")); },
                        20'000));
    EXPECT_TRUE(
        QTest::qWaitFor([&] { return bool(CustomerRepository(window.database().connection()).get(customer)); }, 5'000));
    if (!followHub)
        QObject::disconnect(&window.database().changes(), nullptr, window.syncService(), nullptr);

    LogInteractionDialog *dialog = window.logInteraction(Channel::Phone, customer);
    QSignalSpy saved(dialog, &LogInteractionDialog::saved);
    dialog->accept();
    EXPECT_EQ(saved.count(), 1) << dialog->errorText().toStdString();
    if (saved.isEmpty())
        return false;
    const QUuid interaction = saved.constFirst().constFirst().toUuid();
    const bool arrived = QTest::qWaitFor(
        [&] {
            return f.scalar(QStringLiteral("SELECT count(*) FROM crm.interaction WHERE id = ?::uuid"),
                            {uuidToText(interaction)})
                       .toInt()
                   == 1;
        },
        wait);
    window.syncService()->stop();
    return arrived;
}

} // namespace

TEST_F(SyncFixture, ALoggedCallGoesToTheTeamServerSoonNotAtTheNextMinute)
{
    // The defect: a call logged in the window never asked the sync service
    // to sync; it waited for the minute's timer. Through the change hub
    // every local commit asks, whoever made it.
    EXPECT_TRUE(loggedCallReachesServer(*this, loginB, true, 5'000));
}

TEST_F(SyncFixture, NegativeControlALoggedCallWaitsForTheMinuteWithoutTheHub)
{
    EXPECT_FALSE(loggedCallReachesServer(*this, loginB, false, 5'000));
}

TEST_F(SyncFixture, ALocalChangeDoesNotRetryARefusedLoginButSyncNowDoes)
{
    // Retrying a refused login could lock the account: a person acts first.
    QTemporaryDir dir;
    auto opened = Database::open(dir.filePath(QStringLiteral("c.sqlite")));
    ASSERT_TRUE(opened);
    SyncService service(opened.value().get());
    // Each login the server refused, from its log.
    auto refusals = [&] {
        QFile log(server.socketDir() + QStringLiteral("/server.log"));
        return log.open(QIODevice::ReadOnly)
                   ? QString::fromUtf8(log.readAll())
                         .count(QStringLiteral("password authentication failed for user \"%1\"").arg(loginB))
                   : -1;
    };
    service.start(as(loginB, QStringLiteral("not the password")));
    ASSERT_TRUE(QTest::qWaitFor([&] { return service.status().state == SyncService::State::Failed; }, 20'000));
    const qsizetype tried = refusals();
    ASSERT_GT(tried, 0);
    Customer c;
    c.name = QStringLiteral("顧客 二");
    ASSERT_TRUE(CustomerRepository(opened.value()->connection()).add(c));
    QTest::qWait(1'500);
    EXPECT_EQ(refusals(), tried); // no attempt…
    EXPECT_EQ(service.status().state, SyncService::State::Failed);
    EXPECT_EQ(service.status().pending, 1); // …and the change is counted as waiting
    // The control: the person's own "Sync Now" tries again (and is refused again).
    service.syncNow();
    EXPECT_TRUE(QTest::qWaitFor([&] { return refusals() > tried; }, 5'000));
    service.stop();
}
