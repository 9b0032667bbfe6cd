#include "tcpproxy.h"

#include <QEventLoop>
#include <QMutexLocker>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace madoguchi::test {

TcpProxy::TcpProxy(int serverPort)
    : m_serverPort(serverPort)
{
    start();
    while (m_port.load() == 0)
        QThread::msleep(1);
}

TcpProxy::~TcpProxy()
{
    quit();
    wait();
}

void TcpProxy::arm(Cut cut, const QByteArray &marker)
{
    QMutexLocker lock(&m_mutex);
    m_cut = cut;
    m_marker = marker;
    m_fired = false;
}

void TcpProxy::setDown(bool down)
{
    m_down = down;
}

void TcpProxy::run()
{
    QTcpServer listener;
    listener.listen(QHostAddress::LocalHost, 0);
    m_port = listener.serverPort();

    QObject::connect(&listener, &QTcpServer::newConnection, &listener, [this, &listener] {
        while (QTcpSocket *client = listener.nextPendingConnection()) {
            if (m_down) {
                client->abort();
                client->deleteLater();
                continue;
            }
            auto *server = new QTcpSocket(client);
            auto armedReply = std::make_shared<bool>(false);
            auto cutBoth = [client, server] {
                server->abort();
                client->abort();
                client->deleteLater();
            };
            QObject::connect(client, &QTcpSocket::readyRead, server, [this, client, server, armedReply, cutBoth] {
                const QByteArray data = client->readAll();
                bool cutNow = false;
                {
                    QMutexLocker lock(&m_mutex);
                    if (m_cut != Cut::None && !m_marker.isEmpty() && data.contains(m_marker)) {
                        if (m_cut == Cut::BeforeRequest)
                            cutNow = true;
                        else
                            *armedReply = true;
                        m_cut = Cut::None;
                    }
                }
                if (cutNow || m_down) {
                    m_fired = true;
                    cutBoth();
                    return;
                }
                server->write(data);
            });
            QObject::connect(server, &QTcpSocket::readyRead, client, [this, client, server, armedReply, cutBoth] {
                const QByteArray data = server->readAll();
                if (*armedReply || m_down) {
                    m_fired = *armedReply || m_fired;
                    cutBoth();
                    return;
                }
                client->write(data);
            });
            QObject::connect(client, &QTcpSocket::disconnected, server, [server] { server->disconnectFromHost(); });
            QObject::connect(server, &QTcpSocket::disconnected, client, [client] {
                client->disconnectFromHost();
                client->deleteLater();
            });
            server->connectToHost(QHostAddress::LocalHost, quint16(m_serverPort));
            // Bytes the client sent before the server connection was up.
            QObject::connect(server, &QTcpSocket::connected, client, [client] { emit client->readyRead(); });
        }
    });
    exec();
}

} // namespace madoguchi::test
