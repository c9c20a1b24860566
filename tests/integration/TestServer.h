#pragma once

// Shared harness of the integration tests: runs the real vigil-server binary (subcommands and
// `serve`) and talks HTTPS to it over loopback with the certificate pinned by fingerprint.

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <functional>
#include <memory>

class QSslSocket;
class QTcpSocket;

namespace vigil::test {

struct CommandResult
{
    int exitCode = -1;
    bool finished = false; // false when it crashed or timed out
    QByteArray out;
    QByteArray err;

    QByteArray output() const { return QByteArray(out + err); }
};

struct HttpResponse
{
    int status = 0; // 0 when no complete response arrived
    QByteArray head; // status line and headers
    QByteArray body;
    QByteArray raw; // every byte the server sent
    QJsonObject json; // the body, when it is a JSON object
    QString transportError; // empty when the exchange worked

    QByteArray header(const QByteArray &name) const;
    QString errorCode() const { return json.value(QStringLiteral("error")).toString(); }
    // For QVERIFY2 messages.
    QByteArray describe() const;
};

// One connection per request, created and used in the calling thread only, so any number of
// threads can use one const HttpsClient at the same time.
class HttpsClient
{
public:
    HttpsClient() = default;
    HttpsClient(QString host, quint16 port, QByteArray fingerprint);

    HttpResponse request(const QByteArray &method, const QString &path, const QByteArray &token = {},
                         const QByteArray &body = {},
                         const QByteArray &contentType = "application/json") const;
    HttpResponse get(const QString &path, const QByteArray &token = {}) const;
    HttpResponse post(const QString &path, const QJsonObject &body, const QByteArray &token = {}) const;
    HttpResponse postEmpty(const QString &path, const QByteArray &token = {}) const;
    HttpResponse put(const QString &path, const QJsonObject &body, const QByteArray &token = {}) const;

    struct RawOptions
    {
        bool tls = true;
        bool readReply = true;
        bool abortAfterWrite = false; // close right after the bytes left, without reading
        int timeoutMs = 15000;
    };
    // Sends the bytes as they are (no framing added) and returns whatever came back.
    HttpResponse sendRaw(const QByteArray &bytes, const RawOptions &options) const;
    HttpResponse sendRaw(const QByteArray &bytes) const { return sendRaw(bytes, RawOptions{}); }

    // Sends `head`, then streams up to `bodyBytes` bytes of filler, stopping as soon as the
    // server answers or closes. *bytesSent gets what was written of the body.
    HttpResponse streamBody(const QByteArray &head, qint64 bodyBytes, qint64 *bytesSent) const;

    // A pinned TLS connection, or nullptr with *error set.
    std::unique_ptr<QSslSocket> connectPinned(QString *error) const;
    QByteArray requestHead(const QByteArray &method, const QString &path, const QByteArray &token,
                           qsizetype bodySize, const QByteArray &contentType) const;

    static HttpResponse readResponse(QTcpSocket &socket, int timeoutMs);
    static void parseResponse(HttpResponse *response);

    quint16 port() const { return m_port; }
    // Raw SHA-256 of the server certificate, as `serve` printed it.
    QByteArray fingerprint() const { return m_fingerprint; }
    int timeoutMs = 30000;

private:
    QString m_host;
    quint16 m_port = 0;
    QByteArray m_fingerprint; // raw SHA-256 of the server certificate (DER)
};

// A data folder made by `init` + `demo`, and the `serve` process on top of it.
class TestServer
{
public:
    TestServer();
    ~TestServer();
    TestServer(const TestServer &) = delete;
    TestServer &operator=(const TestServer &) = delete;

    static QString binary();
    static CommandResult run(const QStringList &arguments, int timeoutMs = 180000);

    // `init` (for the admin password) then `demo --profiles N` into `dataDir`.
    bool createDemo(const QString &dataDir, int profiles, QString *error);
    QString dataDir() const { return m_dataDir; }
    // Makes this TestServer a replica of `primary`: the same data folder (keys, certificate) and
    // store, so start() runs a second `serve` next to the first (PostgreSQL: a real replica).
    void shareStoreWith(const TestServer &primary);
    void setDataDir(const QString &dir) { m_dataDir = dir; }
    QString adminPassword() const { return m_adminPassword; }
    QString password(const QString &username) const;
    QJsonArray demoProfiles() const { return m_profiles; }
    // Drops the parsed demo-profiles.json (large for big demos; the console benchmark needs it gone).
    void forgetDemoProfiles() { m_profiles = QJsonArray(); }
    QJsonObject answersOf(const QString &profileId) const;
    QString displayNameOf(const QString &profileId) const;
    // Ids of demo profiles whose answers satisfy `accept`, in file order.
    QStringList profileIds(const std::function<bool(const QJsonObject &answers)> &accept) const;

    CommandResult cli(const QStringList &arguments) const; // appends --data DIR (and --database URL)

    // The store under test. Empty: the data folder's SQLite file. With VIGIL_TEST_POSTGRES set
    // (a server URL such as postgresql://postgres@127.0.0.1:55432), each TestServer gets a fresh
    // database on that server and passes it to every command with --database.
    static QString postgresServer();
    bool usesPostgres() const { return !m_databaseUrl.isEmpty(); }
    QString databaseUrl() const { return m_databaseUrl; }
    QStringList storeArguments() const; // {"--data", DIR} + {"--database", URL} when PostgreSQL
    // A read-write connection to the store under test, for checks and fault injection. Close it and
    // call QSqlDatabase::removeDatabase(name) when done.
    QSqlDatabase openStore(const QString &connectionName) const;
    bool setPolicy(const QStringList &assignments, QString *error = nullptr) const;

    // Seconds between runs of the server's in-process unlock job; 0 (the default here) turns it off.
    void setUnlockInterval(int seconds) { m_unlockInterval = seconds; }
    // More `serve` options for the next start(), e.g. {"--outbox-interval", "1"}.
    void setExtraServeArguments(const QStringList &arguments) { m_extraServeArguments = arguments; }
    bool start(QString *error);
    // Starts `serve` again on the port of the previous run (--listen 127.0.0.1:<port>), so a
    // client configured for that address reconnects by itself.
    bool restartOnSamePort(QString *error);
    // SIGTERM; the exit code, or -1 when it crashed or did not stop in time.
    int stop();
    bool isRunning() const;
    qint64 pid() const;
    // stdout and stderr of every `serve` run so far.
    QByteArray log() const;
    QByteArray stderrLog() const;

    HttpsClient client() const { return HttpsClient(QStringLiteral("127.0.0.1"), m_port, m_fingerprint); }
    quint16 port() const { return m_port; }

    // Logs in through the API; empty on failure.
    QByteArray login(const QString &username) const;
    QByteArray loginWith(const QString &username, const QString &password) const;
    // Starts a verification of `profileId` as `token` and answers it correctly from the demo
    // answers; the verification id when it passed at level 1, else empty.
    QString passVerification(const QString &profileId, const QByteArray &token) const;
    // GET /v1/audit with the query, as `token`; entries or an empty array.
    QJsonArray audit(const QByteArray &token, const QString &query) const;

private:
    QString m_dataDir;
    QString m_databaseUrl; // empty: SQLite in the data folder
    QString m_adminPassword;
    QJsonArray m_agents;
    QJsonArray m_profiles;
    QTemporaryDir m_logDir;
    int m_runs = 0;
    int m_unlockInterval = 0;
    QStringList m_extraServeArguments;
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
    quint16 m_listenPort = 0; // 0: any free port
    QByteArray m_fingerprint;
};

// {"answers": {question id: text}} with `answerFor(field)` for each question of a started verification.
QJsonObject answersBody(const QJsonArray &questions,
                        const std::function<QString(const QString &)> &answerFor);
// The fields asked by a started verification, sorted.
QStringList questionFields(const QJsonArray &questions);
// Counts entries whose `key` equals `value`.
int countEntries(const QJsonArray &entries, const QString &key, const QString &value);
// True when `haystack` contains `needle` ignoring ASCII case.
bool containsIgnoringCase(const QByteArray &haystack, const QByteArray &needle);

} // namespace vigil::test
