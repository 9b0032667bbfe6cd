#include "kit/desktopnotifier.h"

#include "kit/icons.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QGuiApplication>
#include <QSystemTrayIcon>

namespace madoguchi {

namespace {

const QString kService = QStringLiteral("org.freedesktop.Notifications");
const QString kPath = QStringLiteral("/org/freedesktop/Notifications");

bool desktopServiceAvailable()
{
    // Without a session bus, asking for one would make libdbus autolaunch a
    // bus (and a notification daemon) that outlives the program.
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        return false;
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected() || !bus.interface())
        return false;
    if (bus.interface()->isServiceRegistered(kService))
        return true;
    const QDBusReply<QStringList> activatable = bus.interface()->activatableServiceNames();
    return activatable.isValid() && activatable.value().contains(kService);
}

} // namespace

DesktopNotifier::DesktopNotifier(QObject *parent)
    : QObject(parent)
{
    // Only isSystemTrayAvailable() says a tray really exists; without one,
    // showMessage() silently does nothing.
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_channel = Channel::Tray;
        m_tray = new QSystemTrayIcon(icons::applicationIcon(), this);
        m_tray->setToolTip(QGuiApplication::applicationDisplayName());
        m_tray->show();
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] { emit activated(m_lastTrayTicket); });
    } else if (desktopServiceAvailable()) {
        m_channel = Channel::DesktopService;
        // QDBusConnection connects D-Bus signals only by slot signature (there
        // is no function-pointer overload in Qt 6.4).
        QDBusConnection::sessionBus().connect(kService, kPath, kService, QStringLiteral("ActionInvoked"), this,
                                              SLOT(actionInvoked(uint, QString)));
    }
}

DesktopNotifier::~DesktopNotifier() = default;

void DesktopNotifier::notify(const QString &title, const QString &body, const QUuid &ticketId)
{
    switch (m_channel) {
    case Channel::Tray:
        m_lastTrayTicket = ticketId;
        m_tray->showMessage(title, body, QSystemTrayIcon::Warning, 10'000);
        break;
    case Channel::DesktopService: {
        QDBusMessage call = QDBusMessage::createMethodCall(kService, kPath, kService, QStringLiteral("Notify"));
        call << QGuiApplication::applicationDisplayName() << uint(0) << QStringLiteral("dialog-warning") << title
             << body << QStringList{QStringLiteral("default"), tr("Open")}
             << QVariantMap{{QStringLiteral("urgency"), QVariant::fromValue(uchar(1))}} << int(10'000);
        auto *watcher = new QDBusPendingCallWatcher(QDBusConnection::sessionBus().asyncCall(call), this);
        connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher, ticketId] {
            const QDBusPendingReply<uint> reply = *watcher;
            if (reply.isValid())
                m_sent.insert(reply.value(), ticketId);
            watcher->deleteLater();
        });
        break;
    }
    case Channel::InApp: break;
    }
    emit shown(title, body, ticketId);
}

void DesktopNotifier::actionInvoked(uint id, const QString &action)
{
    Q_UNUSED(action);
    if (const auto it = m_sent.constFind(id); it != m_sent.constEnd())
        emit activated(it.value());
}

} // namespace madoguchi
