#pragma once

#include <QHostAddress>
#include <QObject>
#include <QThread>

namespace vigil::test {

// A TCP forwarder on its own thread that holds every client byte for `delayMs` before passing it
// to the upstream server: a server that "answers after 3 seconds", with TLS passing through
// untouched (so the pinned certificate is still the real server's).
class DelayingProxy : public QObject
{
    Q_OBJECT
public:
    DelayingProxy(quint16 upstreamPort, int delayMs);
    ~DelayingProxy() override;

    // Starts listening on 127.0.0.1 (a free port); returns 0 on failure.
    quint16 start();

private:
    QThread m_thread;
    quint16 m_upstreamPort;
    int m_delayMs;
    QObject *m_worker = nullptr;
};

} // namespace vigil::test
