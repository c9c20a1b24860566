#include "DelayingProxy.h"

#include <QMetaObject>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace vigil::test {

namespace {
// Lives on the proxy thread; everything below runs there.
class ProxyWorker : public QObject
{
public:
    ProxyWorker(quint16 upstreamPort, int delayMs)
        : m_upstreamPort(upstreamPort)
        , m_delayMs(delayMs)
    {
    }

    quint16 listen()
    {
        m_server = new QTcpServer(this);
        if (!m_server->listen(QHostAddress::LocalHost, 0))
            return 0;
        connect(m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *client = m_server->nextPendingConnection())
                bridge(client);
        });
        return m_server->serverPort();
    }

private:
    void bridge(QTcpSocket *client)
    {
        auto *upstream = new QTcpSocket(client);
        upstream->connectToHost(QHostAddress::LocalHost, m_upstreamPort);
        QPointer<QTcpSocket> guardedUpstream(upstream);
        QPointer<QTcpSocket> guardedClient(client);
        connect(client, &QTcpSocket::readyRead, this, [this, client, guardedUpstream] {
            const QByteArray bytes = client->readAll();
            QTimer::singleShot(m_delayMs, this, [guardedUpstream, bytes] {
                if (guardedUpstream)
                    guardedUpstream->write(bytes);
            });
        });
        connect(upstream, &QTcpSocket::readyRead, this, [upstream, guardedClient] {
            if (guardedClient)
                guardedClient->write(upstream->readAll());
        });
        connect(upstream, &QTcpSocket::disconnected, client, [guardedClient] {
            if (guardedClient)
                guardedClient->disconnectFromHost();
        });
        connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
    }

    quint16 m_upstreamPort;
    int m_delayMs;
    QTcpServer *m_server = nullptr;
};
} // namespace

DelayingProxy::DelayingProxy(quint16 upstreamPort, int delayMs)
    : m_upstreamPort(upstreamPort)
    , m_delayMs(delayMs)
{
}

DelayingProxy::~DelayingProxy()
{
    if (m_worker)
        QMetaObject::invokeMethod(m_worker, &QObject::deleteLater);
    m_thread.quit();
    m_thread.wait();
}

quint16 DelayingProxy::start()
{
    auto *worker = new ProxyWorker(m_upstreamPort, m_delayMs);
    worker->moveToThread(&m_thread);
    m_worker = worker;
    m_thread.start();
    quint16 port = 0;
    // Blocking here is fine: this is the test's setup, not the GUI under test.
    QMetaObject::invokeMethod(
            worker, [worker] { return worker->listen(); }, Qt::BlockingQueuedConnection, &port);
    return port;
}

} // namespace vigil::test
