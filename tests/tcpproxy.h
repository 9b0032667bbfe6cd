#pragma once

#include <QByteArray>
#include <QMutex>
#include <QThread>

#include <atomic>

namespace madoguchi::test {

// A TCP proxy in front of the test's PostgreSQL, on a thread of its own (the
// client's QPSQL calls block the test thread). It forwards bytes both ways
// and can cut a connection at a precise point of the conversation: before
// the client's next message containing a marker reaches the server, or after
// the server has answered that message but before the client reads the
// answer (the server has committed; the client cannot know). Plain TCP only.
class TcpProxy : public QThread
{
public:
    enum class Cut {
        None,
        BeforeRequest,
        AfterReply
    };

    explicit TcpProxy(int serverPort);
    ~TcpProxy() override;

    // The port clients connect to (valid once started).
    int port() const { return m_port.load(); }
    // Arms a single cut at the next client message containing `marker`.
    void arm(Cut cut, const QByteArray &marker);
    // True once the armed cut has happened.
    bool fired() const { return m_fired.load(); }
    // Refuses (closes) every new and open connection while down.
    void setDown(bool down);

protected:
    void run() override;

private:
    const int m_serverPort;
    std::atomic<int> m_port{0};
    std::atomic<bool> m_fired{false};
    std::atomic<bool> m_down{false};
    QMutex m_mutex;
    Cut m_cut = Cut::None;
    QByteArray m_marker;
};

} // namespace madoguchi::test
