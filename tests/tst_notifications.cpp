// Desktop notifications over D-Bus (org.freedesktop.Notifications), in a
// session bus of its own (dbus-run-session), with this test playing the
// desktop's notification service: the notifier chooses the service when no
// tray exists, sends the title, body and an "Open" action, and a click on
// the notification opens the ticket it was about.
#include "headlessqt.h"
#include "kit/desktopnotifier.h"

#include <QApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

using namespace madoguchi;

namespace {

const QString kService = QStringLiteral("org.freedesktop.Notifications");
const QString kPath = QStringLiteral("/org/freedesktop/Notifications");

// The desktop's side: records each Notify call and answers with an id.
class FakeNotificationServer : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")

public:
    struct Call
    {
        QString summary;
        QString body;
        QStringList actions;
    };
    QList<Call> calls;
    uint nextId = 41;

public Q_SLOTS:
    uint Notify(const QString &, uint, const QString &, const QString &summary, const QString &body,
                const QStringList &actions, const QVariantMap &, int)
    {
        calls.append({summary, body, actions});
        return ++nextId;
    }
    QStringList GetCapabilities() { return {QStringLiteral("actions"), QStringLiteral("body")}; }
};

} // namespace

TEST(DesktopNotifications, GoThroughTheDesktopServiceAndOpenTheTicketWhenClicked)
{
    ASSERT_FALSE(qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) << "run under dbus-run-session";
    QDBusConnection bus = QDBusConnection::sessionBus();
    ASSERT_TRUE(bus.isConnected());
    FakeNotificationServer server;
    ASSERT_TRUE(bus.registerObject(kPath, &server, QDBusConnection::ExportAllSlots));
    ASSERT_TRUE(bus.registerService(kService));

    DesktopNotifier notifier;
    ASSERT_EQ(notifier.channel(), DesktopNotifier::Channel::DesktopService); // no tray offscreen
    QSignalSpy activated(&notifier, &DesktopNotifier::activated);
    const QUuid ticket = QUuid::createUuid();
    notifier.notify(QStringLiteral("SLA breached: K7QM2X-12"), QStringLiteral("請求書が届かない is overdue."), ticket);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !server.calls.isEmpty(); }, 5'000));
    EXPECT_EQ(server.calls.constFirst().summary, QStringLiteral("SLA breached: K7QM2X-12"));
    EXPECT_EQ(server.calls.constFirst().body, QStringLiteral("請求書が届かない is overdue."));
    ASSERT_GE(server.calls.constFirst().actions.size(), 2);
    EXPECT_EQ(server.calls.constFirst().actions.constFirst(), QStringLiteral("default"));
    // Let the reply (the id) arrive, then the user clicks the notification.
    QTest::qWait(200);
    QDBusMessage click = QDBusMessage::createSignal(kPath, kService, QStringLiteral("ActionInvoked"));
    click << server.nextId << QStringLiteral("default");
    ASSERT_TRUE(bus.send(click));
    ASSERT_TRUE(activated.wait(5'000));
    EXPECT_EQ(activated.constFirst().constFirst().toUuid(), ticket);
    // A click on someone else's notification opens nothing.
    QDBusMessage other = QDBusMessage::createSignal(kPath, kService, QStringLiteral("ActionInvoked"));
    other << uint(9999) << QStringLiteral("default");
    bus.send(other);
    QTest::qWait(200);
    EXPECT_EQ(activated.count(), 1);
}

int main(int argc, char **argv)
{
    madoguchi::test::prepareHeadlessQt();
    QApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}

#include "tst_notifications.moc"
