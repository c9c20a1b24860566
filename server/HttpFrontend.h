#pragma once

#include <QAbstractHttpServer>
#include <QHash>
#include <QPointer>
#include <QSslServer>
#include <QThreadPool>

#include <map>
#include <memory>

class QTcpSocket;

namespace vigil {

class ApiRouter;
struct ApiRequest;
struct ApiResponse;

// A QSslServer that looks at each request head before QtHttpServer buffers the body: QtHttpServer
// 6.4 has no size limit, so bodies over 64 KiB (by Content-Length) and chunked bodies are refused
// here with 413 and the connection is closed.
class GuardedSslServer : public QSslServer
{
    Q_OBJECT
public:
    using QSslServer::QSslServer;
    QTcpSocket *nextPendingConnection() override;
};

// The HTTPS front end: hardening checks on the server thread, then the API work on a thread
// pool, and the answer written back on the server thread only if the client is still there.
class HttpFrontend : public QAbstractHttpServer
{
    Q_OBJECT
public:
    static constexpr qsizetype kMaxBodyBytes = 64 * 1024;
    static constexpr qsizetype kMaxHeadBytes = 16 * 1024;

    HttpFrontend(ApiRouter &router, QObject *parent = nullptr);
    ~HttpFrontend() override;

    // Request workers: they read and write the store and wait for argon2id, which runs on its own
    // pool of one thread per core (VerificationApi), so more of them than cores keeps every core
    // hashing while some wait on the write lock or a sync. 0 picks max(4, 2 × cores).
    static int defaultWorkerCount();
    void setWorkerCount(int count);
    int workerCount() const { return m_pool.maxThreadCount(); }

    // Waits for requests already handed to workers (used on shutdown).
    void drain();
    int inFlight() const { return m_inFlight; }

    static void writeResponse(QTcpSocket *socket, const ApiResponse &response, bool closeAfter);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    struct PendingAnswer
    {
        std::shared_ptr<ApiResponse> response;
        bool closeAfter;
    };
    // Answers leave each connection in the order its requests came, even when a pipelining
    // client's later request finishes first on the pool.
    struct ConnectionQueue
    {
        quint64 nextSeq = 0;
        quint64 nextToWrite = 0;
        std::map<quint64, PendingAnswer> finished;
    };

    std::optional<ApiResponse> checkRequest(const QHttpServerRequest &request, ApiRequest *out) const;
    quint64 enqueue(QTcpSocket *socket);
    void deliver(QTcpSocket *socket, quint64 seq, const ApiResponse &response, bool closeAfter);

    ApiRouter &m_router;
    QHash<QTcpSocket *, ConnectionQueue> m_queues;
    QThreadPool m_pool;
    int m_inFlight = 0;
};

} // namespace vigil
