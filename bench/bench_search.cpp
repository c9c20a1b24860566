// Search latency at scale: `GET /v1/profiles?q=…` against the real `vigil-server serve` over a
// data folder filled by BenchData (SQLite, or PostgreSQL with --database), for misspelt queries
// made from profiles spread over the whole store. In the same run, the same queries as a plain
// `LIKE '%word%'` scan (every word ANDed) over the profiles' searchable columns.
//
// Usage: bench_search --data DIR [--profiles N] [--database URL] [--rounds R] [--like-rounds R]
//                     [--targets T] [--limit L] [--server PATH] [--verbose]
// The folder is filled first when it is empty (see bench_fill). For PostgreSQL, a throw-away
// cluster: `tests/postgres/cluster.sh start DIR PORT` prints its URL; add a database name
// (created when missing), e.g. --database postgresql://postgres@127.0.0.1:PORT/bench.
//
// Figures, each as p50/p95/p99/max over every query of every round (a warm-up round first, not
// counted):
// - client: the HTTPS round trip on one keep-alive, pinned connection;
// - server: what `serve` logs for the request (parsed to answer written, whole milliseconds);
// - handler: ProfileSearch::search on the same store in this process (what the handler runs);
// - LIKE: the scan, in this process.
// Quality: for every query but the deliberately vague ones, whether the profile it was made from
// is among the results, and first.
#include "BenchData.h"
#include "DataDirectory.h"
#include "DemoDataGenerator.h"
#include "ProfileSearch.h"
#include "ServerContext.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSqlQuery>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QUrl>

#include <algorithm>
#include <map>
#include <memory>
#include <numeric>

using namespace vigil;
using namespace vigil::bench;

namespace {
QTextStream out(stdout);

QString fixed(double value, int decimals = 1)
{
    return QString::number(value, 'f', decimals);
}

struct Percentiles
{
    double p50 = 0, p95 = 0, p99 = 0, max = 0;
};

Percentiles percentiles(QList<double> samples)
{
    if (samples.isEmpty())
        return {};
    std::sort(samples.begin(), samples.end());
    auto at = [&](double p) {
        return samples.at(std::min<qsizetype>(samples.size() - 1, qsizetype(p * double(samples.size()))));
    };
    return {at(0.50), at(0.95), at(0.99), samples.last()};
}

QString row(const QString &name, const QList<double> &samples, int decimals = 2)
{
    const auto p = percentiles(samples);
    return QStringLiteral("%1 %2 %3 %4 %5   (%6 samples)")
            .arg(name, -34)
            .arg(fixed(p.p50, decimals), 9)
            .arg(fixed(p.p95, decimals), 9)
            .arg(fixed(p.p99, decimals), 9)
            .arg(fixed(p.max, decimals), 9)
            .arg(samples.size());
}

double loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    return file.open(QIODevice::ReadOnly) ? file.readLine().split(' ').value(0).toDouble() : -1;
}

// --- the queries --------------------------------------------------------------------------------

struct Target
{
    qint64 id = 0;
    QString displayName;
    QString username;
    QString email;
    QString phone;
};

struct Query
{
    QString category;
    QString text;
    qint64 target = 0;
    bool judged = true; // false: too vague to expect one person (very short prefixes)
};

// Typing mistakes at a position chosen from the profile id, so every run asks the same.
QString dropLetter(const QString &word, qint64 seed)
{
    if (word.size() < 4)
        return word;
    const qsizetype at = 1 + seed % (word.size() - 2);
    return word.left(at) + word.mid(at + 1);
}

QString swapLetters(const QString &word, qint64 seed)
{
    if (word.size() < 3)
        return word;
    const qsizetype at = 1 + seed % (word.size() - 2);
    QString swapped = word;
    std::swap(swapped[at], swapped[at + 1]);
    return swapped == word ? dropLetter(word, seed) : swapped;
}

QString wrongLetter(const QString &word, qint64 seed)
{
    if (word.size() < 3)
        return word;
    const qsizetype at = 1 + seed % (word.size() - 1);
    QString wrong = word;
    static const QString vowels = QStringLiteral("aeiou");
    const QChar c = word.at(at).toLower();
    if (vowels.contains(c))
        wrong[at] = vowels.at((vowels.indexOf(c) + 1) % vowels.size());
    else
        wrong[at] = c == u'z' ? QChar(u'x') : QChar(c.unicode() + 1);
    return wrong;
}

QList<Query> queriesFor(const Target &t)
{
    const QStringList parts = t.displayName.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    const QString first = parts.value(0);
    const QString last = parts.value(parts.size() - 1);
    const QString national = t.phone.startsWith(QLatin1String("+1 ")) ? t.phone.mid(3) : t.phone;
    QString digits;
    for (QChar c : t.phone) {
        if (c.isDigit())
            digits.append(c);
    }
    const qint64 s = t.id * 7 + 3;
    QList<Query> queries{
            {QStringLiteral("name, dropped letter"), first + QLatin1Char(' ') + dropLetter(last, s), t.id},
            {QStringLiteral("name, swapped letters"), swapLetters(first, s) + QLatin1Char(' ') + last, t.id},
            {QStringLiteral("name, wrong letter"), first + QLatin1Char(' ') + wrongLetter(last, s + 1), t.id},
            {QStringLiteral("e-mail prefix"), t.email.left(t.email.indexOf(QLatin1Char('@')) + 5), t.id},
            {QStringLiteral("phone as read"), national, t.id},
            {QStringLiteral("phone, last 7 digits"), digits.right(7), t.id},
            {QStringLiteral("employee id"), DemoDataGenerator::employeeIdOf(int(t.id - 1)), t.id},
            {QStringLiteral("user name, dropped letter"), dropLetter(t.username, s), t.id},
            {QStringLiteral("short prefixes"), first.left(2) + QLatin1Char(' ') + last.left(3), t.id, false},
            {QStringLiteral("short surname prefix"), last.left(3), t.id, false},
    };
    return queries;
}

// --- the server and the HTTPS client ----------------------------------------------------------

class PinnedClient
{
public:
    PinnedClient(quint16 port, QByteArray pin)
        : m_port(port)
        , m_pin(std::move(pin))
    {
    }

    // One request on the kept-alive connection; the status (0 on failure) and the body.
    int request(const QByteArray &method, const QString &target, const QByteArray &body, QByteArray *reply,
                double *ms)
    {
        QByteArray head = method + ' ' + target.toUtf8() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
        if (!m_token.isEmpty())
            head += "Authorization: Bearer " + m_token + "\r\n";
        if (!body.isEmpty())
            head += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size())
                    + "\r\n";
        const QByteArray bytes = head + "\r\n" + body;
        for (int attempt = 0; attempt < 2; ++attempt) {
            if ((!m_socket || m_socket->state() != QAbstractSocket::ConnectedState) && !connect())
                return 0;
            QElapsedTimer timer;
            timer.start();
            m_socket->write(bytes);
            QByteArray buffer;
            qsizetype headEnd = -1, wanted = -1;
            while (m_socket->state() == QAbstractSocket::ConnectedState) {
                buffer += m_socket->readAll();
                if (headEnd < 0 && (headEnd = buffer.indexOf("\r\n\r\n")) >= 0) {
                    static const QRegularExpression length(QStringLiteral("(?i)content-length:\\s*(\\d+)"));
                    const auto match = length.match(QString::fromLatin1(buffer.left(headEnd)));
                    wanted = headEnd + 4 + (match.hasMatch() ? match.captured(1).toLongLong() : 0);
                }
                if (wanted >= 0 && buffer.size() >= wanted)
                    break;
                if (!m_socket->waitForReadyRead(60000) && m_socket->bytesAvailable() == 0)
                    break;
            }
            *ms = timer.nsecsElapsed() / 1e6;
            if (wanted < 0 || buffer.size() < wanted) {
                m_socket.reset(); // the server closed a kept-alive connection: once more on a new one
                continue;
            }
            *reply = buffer.mid(headEnd + 4, wanted - headEnd - 4);
            return buffer.mid(9, 3).toInt();
        }
        return 0;
    }

    void setToken(QByteArray token) { m_token = std::move(token); }

private:
    bool connect()
    {
        m_socket = std::make_unique<QSslSocket>();
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setPeerVerifyMode(QSslSocket::VerifyNone); // trusted by its pinned SHA-256 below
        m_socket->setSslConfiguration(tls);
        m_socket->connectToHostEncrypted(QStringLiteral("127.0.0.1"), m_port);
        if (!m_socket->waitForEncrypted(15000)
            || m_socket->peerCertificate().digest(QCryptographicHash::Sha256) != m_pin) {
            m_socket.reset();
            return false;
        }
        return true;
    }

    quint16 m_port;
    QByteArray m_pin;
    QByteArray m_token;
    std::unique_ptr<QSslSocket> m_socket;
};

QString serverBinary(const QString &given)
{
    if (!given.isEmpty())
        return given;
    const QString beside = QCoreApplication::applicationDirPath() + QStringLiteral("/../app/vigil-server");
    return QFile::exists(beside) ? beside : QStringLiteral("vigil-server");
}

// Milliseconds of each `GET /v1/profiles` in the order `serve` logged them.
QList<double> loggedSearchTimes(const QString &logPath)
{
    QList<double> times;
    QFile log(logPath);
    if (!log.open(QIODevice::ReadOnly))
        return times;
    static const QRegularExpression line(QStringLiteral("GET /v1/profiles 200 (\\d+) ms"));
    auto it = line.globalMatch(QString::fromUtf8(log.readAll()));
    while (it.hasNext())
        times.append(it.next().captured(1).toDouble());
    return times;
}

QList<Target> loadTargets(QSqlDatabase &db, qint64 profiles, int count, QString *error)
{
    QList<Target> targets;
    QSqlQuery query(db);
    query.prepare(
            QStringLiteral("SELECT id, display_name, username, email, phone FROM profiles WHERE id = ?"));
    for (int k = 0; k < count; ++k) {
        // John P. Silver first, then ids spread evenly to the last one.
        const qint64 id = count == 1 ? 1 : 1 + qint64(double(k) * double(profiles - 1) / double(count - 1));
        query.addBindValue(id);
        if (!query.exec() || !query.next()) {
            *error = QStringLiteral("profile %1 is not in the store").arg(id);
            return {};
        }
        targets.append({id, query.value(1).toString(), query.value(2).toString(), query.value(3).toString(),
                        query.value(4).toString()});
        query.finish();
    }
    return targets;
}

// The baseline: the first `limit` profiles whose searchable columns contain every typed word.
bool likeScan(QSqlDatabase &db, const QString &text, int limit, int *found)
{
    static const QRegularExpression separators(QStringLiteral("[\\s@._+()-]+"));
    const QStringList words = text.toLower().split(separators, Qt::SkipEmptyParts);
    const bool postgres = db.driverName() == QLatin1String("QPSQL");
    QStringList conditions;
    for (qsizetype i = 0; i < words.size(); ++i)
        conditions.append(
                postgres ? QStringLiteral("(display_name || ' ' || username || ' ' || email || ' ' || "
                                          "phone) ILIKE ?")
                         : QStringLiteral("(display_name || ' ' || username || ' ' || email || ' ' || "
                                          "phone) LIKE ?"));
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT id FROM profiles WHERE %1 LIMIT ?")
                          .arg(conditions.isEmpty() ? QStringLiteral("1 = 1")
                                                    : conditions.join(QStringLiteral(" AND "))));
    for (const auto &word : words)
        query.addBindValue(QString(QLatin1Char('%') + word + QLatin1Char('%')));
    query.addBindValue(limit);
    if (!query.exec())
        return false;
    *found = 0;
    while (query.next())
        ++*found;
    return true;
}

struct Tally
{
    int judged = 0;
    int inResults = 0;
    int first = 0;
};
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
            QStringLiteral("Search latency over a bench fill, against a LIKE scan."));
    parser.addHelpOption();
    const QCommandLineOption dataOption(QStringLiteral("data"), QStringLiteral("Data folder (bench_fill)."),
                                        QStringLiteral("DIR"));
    const QCommandLineOption profilesOption(
            QStringLiteral("profiles"), QStringLiteral("Profiles to fill the folder with (default 100000)."),
            QStringLiteral("N"), QStringLiteral("100000"));
    const QCommandLineOption databaseOption(QStringLiteral("database"),
                                            QStringLiteral("PostgreSQL store URL."), QStringLiteral("URL"));
    const QCommandLineOption roundsOption(QStringLiteral("rounds"),
                                          QStringLiteral("Counted rounds of every query (default 5)."),
                                          QStringLiteral("R"), QStringLiteral("5"));
    const QCommandLineOption likeRoundsOption(QStringLiteral("like-rounds"),
                                              QStringLiteral("Rounds of the LIKE scan (default 1)."),
                                              QStringLiteral("R"), QStringLiteral("1"));
    const QCommandLineOption targetsOption(QStringLiteral("targets"),
                                           QStringLiteral("Profiles the queries are made from (default 24)."),
                                           QStringLiteral("T"), QStringLiteral("24"));
    const QCommandLineOption limitOption(QStringLiteral("limit"),
                                         QStringLiteral("Results asked for (default 20)."),
                                         QStringLiteral("L"), QStringLiteral("20"));
    const QCommandLineOption serverOption(QStringLiteral("server"),
                                          QStringLiteral("The vigil-server binary."), QStringLiteral("PATH"));
    const QCommandLineOption verboseOption(QStringLiteral("verbose"), QStringLiteral("Print every query."));
    parser.addOptions({dataOption, profilesOption, databaseOption, roundsOption, likeRoundsOption,
                       targetsOption, limitOption, serverOption, verboseOption});
    parser.process(app);
    if (!parser.isSet(dataOption)) {
        out << "--data DIR is required\n";
        return 2;
    }
    const int rounds = std::max(1, parser.value(roundsOption).toInt());
    const int likeRounds = std::max(0, parser.value(likeRoundsOption).toInt());
    const int limit = std::clamp(parser.value(limitOption).toInt(), 1, ProfileSearch::kMaxLimit);

    BenchData::Options options;
    options.dataDir = parser.value(dataOption);
    options.profiles = parser.value(profilesOption).toInt();
    options.databaseUrl = parser.value(databaseOption);
    BenchData::Filled filled;
    QString error;
    if (!BenchData::fill(options, &filled, &error, &out)) {
        out << "bench_search: " << error << "\n";
        return 1;
    }
    if (!filled.reused)
        out << "filled " << options.dataDir << " in " << fixed(filled.seconds) << " s\n";

    auto context = ServerContext::open(options.dataDir, &error, options.databaseUrl);
    if (!context) {
        out << "bench_search: " << error << "\n";
        return 1;
    }
    auto db = context->database().connection();
    const auto targets =
            loadTargets(db, filled.profiles, std::max(1, parser.value(targetsOption).toInt()), &error);
    if (targets.isEmpty()) {
        out << "bench_search: " << error << "\n";
        return 1;
    }
    QList<Query> queries;
    for (const auto &target : targets)
        queries += queriesFor(target);

    // The server, as it runs in production: its own process, logging every request.
    QTemporaryDir logs;
    const QString logPath = logs.filePath(QStringLiteral("serve.err"));
    QProcess serve;
    serve.setStandardOutputFile(logs.filePath(QStringLiteral("serve.out")));
    serve.setStandardErrorFile(logPath);
    QStringList serveArguments{QStringLiteral("serve"),
                               QStringLiteral("--data"),
                               options.dataDir,
                               QStringLiteral("--listen"),
                               QStringLiteral("127.0.0.1:0"),
                               QStringLiteral("--unlock-interval"),
                               QStringLiteral("0"),
                               QStringLiteral("--outbox-interval"),
                               QStringLiteral("0")};
    if (!options.databaseUrl.isEmpty())
        serveArguments += {QStringLiteral("--database"), options.databaseUrl};
    const QString server = serverBinary(parser.value(serverOption));
    serve.start(server, serveArguments);
    quint16 port = 0;
    QByteArray pin;
    static const QRegularExpression listening(QStringLiteral("listening on https://127\\.0\\.0\\.1:(\\d+)"));
    static const QRegularExpression fingerprint(QStringLiteral("fingerprint: ([0-9A-Fa-f:]+)\\s*\\n"));
    for (int waited = 0; waited < 60000 && pin.isEmpty(); waited += 50) {
        QFile started(logs.filePath(QStringLiteral("serve.out")));
        const QString text =
                started.open(QIODevice::ReadOnly) ? QString::fromUtf8(started.readAll()) : QString();
        const auto portMatch = listening.match(text);
        const auto pinMatch = fingerprint.match(text);
        if (portMatch.hasMatch() && pinMatch.hasMatch()) {
            port = quint16(portMatch.captured(1).toUInt());
            pin = QByteArray::fromHex(pinMatch.captured(1).remove(QLatin1Char(':')).toLatin1());
        } else if (serve.waitForFinished(50)) {
            break;
        }
    }
    if (pin.isEmpty()) {
        out << "bench_search: " << server << " serve did not start\n";
        return 1;
    }
    auto stopServer = qScopeGuard([&serve] {
        serve.terminate();
        if (!serve.waitForFinished(30000))
            serve.kill();
    });

    QFile credentials(DataDirectory(options.dataDir).demoCredentialsPath());
    QString password;
    if (credentials.open(QIODevice::ReadOnly)) {
        for (const auto &agent : QJsonDocument::fromJson(credentials.readAll())
                                         .object()
                                         .value(QStringLiteral("agents"))
                                         .toArray()) {
            if (agent.toObject().value(QStringLiteral("username")).toString() == QLatin1String("tech1"))
                password = agent.toObject().value(QStringLiteral("password")).toString();
        }
    }
    PinnedClient client(port, pin);
    QByteArray reply;
    double ms = 0;
    const QByteArray login = QJsonDocument(QJsonObject{{QStringLiteral("username"), QStringLiteral("tech1")},
                                                       {QStringLiteral("password"), password}})
                                     .toJson(QJsonDocument::Compact);
    if (client.request("POST", QStringLiteral("/v1/auth/login"), login, &reply, &ms) != 200) {
        out << "bench_search: cannot log in as tech1\n";
        return 1;
    }
    client.setToken(
            QJsonDocument::fromJson(reply).object().value(QStringLiteral("token")).toString().toLatin1());

    const QString store = options.databaseUrl.isEmpty()
            ? QStringLiteral("SQLite")
            : QStringLiteral("PostgreSQL (%1)").arg(context->database().path());
    out << "bench_search: " << filled.profiles << " profiles on " << store << ", " << queries.size()
        << " queries from " << targets.size() << " profiles, " << rounds << " rounds (+1 warm-up), limit "
        << limit << "\nmachine: " << QThread::idealThreadCount() << " cores, load average "
        << fixed(loadAverage(), 2) << " at the start\n"
        << Qt::flush;

    // Round 0 warms the caches (pages, the vocabulary) and is not counted.
    QList<double> clientMs, handlerMs;
    std::map<QString, QList<double>> clientByCategory;
    std::map<QString, Tally> quality;
    int failures = 0;
    for (int round = 0; round <= rounds; ++round) {
        for (const auto &query : queries) {
            const QString target = QStringLiteral("/v1/profiles?q=%1&limit=%2")
                                           .arg(QString::fromLatin1(QUrl::toPercentEncoding(query.text)))
                                           .arg(limit);
            const int status = client.request("GET", target, {}, &reply, &ms);
            if (status != 200) {
                ++failures;
                continue;
            }
            if (round == 0) {
                const QJsonArray results =
                        QJsonDocument::fromJson(reply).object().value(QStringLiteral("results")).toArray();
                qsizetype rank = -1;
                for (qsizetype i = 0; i < results.size() && rank < 0; ++i) {
                    if (results.at(i).toObject().value(QStringLiteral("id")).toString()
                        == QString::number(query.target))
                        rank = i;
                }
                if (query.judged) {
                    auto &tally = quality[query.category];
                    ++tally.judged;
                    tally.inResults += rank >= 0 ? 1 : 0;
                    tally.first += rank == 0 ? 1 : 0;
                }
                if (parser.isSet(verboseOption))
                    out << QStringLiteral("  %1 %2 → %3 results, intended %4\n")
                                    .arg(query.category, -28)
                                    .arg(query.text, -32)
                                    .arg(results.size())
                                    .arg(rank >= 0 ? QStringLiteral("#%1").arg(rank + 1)
                                                   : QStringLiteral("missing"));
                continue;
            }
            clientMs.append(ms);
            clientByCategory[query.category].append(ms);
        }
    }
    // The handler's own time, in this process, on the same store.
    QList<double> slowest(queries.size(), 0.0);
    for (int round = 0; round <= rounds; ++round) {
        for (qsizetype i = 0; i < queries.size(); ++i) {
            QJsonArray results;
            QElapsedTimer timer;
            timer.start();
            if (!ProfileSearch::search(db, context->lookupKey(), queries.at(i).text, limit, &results))
                ++failures;
            const double elapsed = timer.nsecsElapsed() / 1e6;
            if (round > 0) {
                handlerMs.append(elapsed);
                slowest[i] = std::max(slowest[i], elapsed);
            }
        }
    }
    stopServer.dismiss();
    serve.terminate();
    serve.waitForFinished(30000);
    QList<double> serverMs = loggedSearchTimes(logPath);
    serverMs = serverMs.mid(queries.size()); // the warm-up round

    QList<double> likeMs;
    for (int round = 0; round < likeRounds; ++round) {
        for (const auto &query : queries) {
            int found = 0;
            QElapsedTimer timer;
            timer.start();
            if (!likeScan(db, query.text, limit, &found))
                ++failures;
            likeMs.append(timer.nsecsElapsed() / 1e6);
        }
    }

    out << "\n"
        << QStringLiteral("%1 %2 %3 %4 %5")
                    .arg(QStringLiteral("ms"), -34)
                    .arg(QStringLiteral("p50"), 9)
                    .arg(QStringLiteral("p95"), 9)
                    .arg(QStringLiteral("p99"), 9)
                    .arg(QStringLiteral("max"), 9)
        << "\n"
        << row(QStringLiteral("client, HTTPS round trip"), clientMs) << "\n"
        << row(QStringLiteral("server, as logged by serve"), serverMs, 0) << "\n"
        << row(QStringLiteral("handler, ProfileSearch::search"), handlerMs) << "\n"
        << row(QStringLiteral("LIKE '%word%' scan"), likeMs) << "\n";
    const auto handler = percentiles(handlerMs);
    const auto served = percentiles(serverMs);
    const auto like = percentiles(likeMs);
    if (!likeMs.isEmpty() && handler.p50 > 0) {
        out << "speed-up over the scan: p50 " << fixed(like.p50 / handler.p50, 0) << "×, p95 "
            << fixed(like.p95 / handler.p95, 0) << "× (handler); p95 "
            << fixed(like.p95 / std::max(1.0, served.p95), 0)
            << "× (server, its p95 counted as at least 1 ms)\n";
    }
    out << "\nper kind of query (client ms, p50 / p95) and quality (intended profile in the results / "
           "first):\n";
    for (const auto &[category, samples] : clientByCategory) {
        const auto p = percentiles(samples);
        const auto it = quality.find(category);
        out << QStringLiteral("  %1 %2 / %3")
                        .arg(category, -28)
                        .arg(fixed(p.p50, 2), 7)
                        .arg(fixed(p.p95, 2), 7);
        if (it != quality.end())
            out << QStringLiteral("   %1/%2 found, %3 first")
                            .arg(it->second.inResults)
                            .arg(it->second.judged)
                            .arg(it->second.first);
        else
            out << "   (not judged: too short to name one person)";
        out << "\n";
    }
    if (parser.isSet(verboseOption)) {
        QList<qsizetype> order(queries.size());
        std::iota(order.begin(), order.end(), 0);
        std::sort(order.begin(), order.end(),
                  [&](qsizetype a, qsizetype b) { return slowest[a] > slowest[b]; });
        out << "slowest queries (handler, worst round):\n";
        for (qsizetype i = 0; i < std::min<qsizetype>(10, order.size()); ++i)
            out << QStringLiteral("  %1 ms  %2 (%3)\n")
                            .arg(fixed(slowest[order[i]], 2), 8)
                            .arg(queries[order[i]].text, queries[order[i]].category);
    }
    int judged = 0, found = 0, first = 0;
    for (const auto &[category, tally] : quality) {
        judged += tally.judged;
        found += tally.inResults;
        first += tally.first;
    }
    out << "quality: the intended profile among the " << limit << " results for " << found << "/" << judged
        << " queries, first for " << first << "/" << judged << "\n";
    if (failures > 0)
        out << failures << " requests or queries failed\n";
    out << "load average at the end " << fixed(loadAverage(), 2) << "\n" << Qt::flush;
    return failures > 0 ? 1 : 0;
}
