#pragma once

#include <QHash>
#include <QObject>
#include <QUuid>

class QSystemTrayIcon;
class QWidget;

namespace madoguchi {

// Desktop notifications the way this platform supports them (research:
// qt-platform-verified.md §5): the tray icon when a tray exists, else the
// desktop's org.freedesktop.Notifications service over D-Bus when one is
// running or can be started, else inside the window. Clicking one opens the
// ticket it is about.
class DesktopNotifier : public QObject
{
    Q_OBJECT

public:
    enum class Channel {
        Tray,
        DesktopService,
        InApp
    };

    explicit DesktopNotifier(QObject *parent = nullptr);
    ~DesktopNotifier() override;

    Channel channel() const { return m_channel; }
    void notify(const QString &title, const QString &body, const QUuid &ticketId);

signals:
    void activated(const QUuid &ticketId);
    // Also emitted for the other channels, for the window's own display.
    void shown(const QString &title, const QString &body, const QUuid &ticketId);

private Q_SLOTS:
    void actionInvoked(uint id, const QString &action);

private:
    Channel m_channel = Channel::InApp;
    QSystemTrayIcon *m_tray = nullptr;
    QUuid m_lastTrayTicket;
    QHash<uint, QUuid> m_sent; // desktop service notification id → ticket
};

} // namespace madoguchi
