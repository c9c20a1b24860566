// Verification throughput of the release `vigil-server serve`: answers evaluated per second with
// 1, 4 and 16 concurrent agents, GET /v1/health latency measured beside the load, and the argon2id
// limit of this machine (cores ÷ argon2id time) measured in the same run.
//
// Usage: bench_verify [--data DIR] [--profiles N] [--seconds S] [--agents 1,4,16] [--correct PERCENT]
//                     [--server PATH] [--database postgresql://…] [--workers N] [--hash-threads N]
// --data reuses a folder that holds demo-credentials.json and demo-profiles.json (`vigil-server demo`,
// or bench_fill, which writes the same files), or fills an empty one with `vigil-server demo
// --profiles N` (default: a temporary folder).
//
// The load runs on the same cores as the server, so the client is kept light: one blocking,
// pinned, keep-alive HTTPS connection per agent, no event loop, JSON only where an id is needed.
// Its CPU time over each run is measured (getrusage) and printed, with the limit it leaves.
#include "Argon2Hasher.h"
#include "ProcStatus.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <barrier>
#include <chrono>
#include <ctime>
#include <memory>
#include <thread>
#include <vector>

#include <sys/resource.h>
#include <unistd.h>

using namespace vigil;
using vigil::bench::ProcStatus;

namespace {
QTextStream out(stdout);
constexpr int kHealthIntervalMs = 50; // ~20 Hz
const QByteArray kWrongAnswer = "not-the-answer-4711";

struct Endpoint
{
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 0;
    QByteArray pin; // raw SHA-256 of the server certificate
};

struct Reply
{
    int status = 0; // 0: no complete response
    QByteArray body;
    double ms = 0;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

struct Percentiles
{
    double p50 = 0, p95 = 0, p99 = 0, max = 0;
};

Percentiles percentiles(std::vector<double> samples)
{
    if (samples.empty())
        return {};
    std::sort(samples.begin(), samples.end());
    auto at = [&](double p) {
        return samples.at(std::min(samples.size() - 1, static_cast<size_t>(p * samples.size())));
    };
    return {at(0.50), at(0.95), at(0.99), samples.back()};
}

QString fixed(double value, int decimals = 1)
{
    return QString::number(value, 'f', decimals);
}

// A pinned TLS connection: the certificate is trusted because its SHA-256 is the one `serve`
// printed, as the console does.
std::unique_ptr<QSslSocket> connectPinned(const Endpoint &endpoint)
{
    auto socket = std::make_unique<QSslSocket>();
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setCaCertificates({});
    configuration.setPeerVerifyMode(QSslSocket::VerifyPeer);
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    socket->setSslConfiguration(configuration);
    QSslSocket *raw = socket.get();
    QObject::connect(raw, &QSslSocket::sslErrors, raw,
                     [raw, pin = endpoint.pin](const QList<QSslError> &errors) {
                         if (raw->peerCertificate().digest(QCryptographicHash::Sha256) == pin)
                             raw->ignoreSslErrors(errors);
                     });
    socket->connectToHostEncrypted(endpoint.host, endpoint.port);
    if (!socket->waitForEncrypted(30000))
        return nullptr;
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    return socket;
}

qsizetype contentLength(const QByteArray &head)
{
    for (const QByteArray &line : head.split('\n')) {
        const QByteArray trimmed = line.trimmed();
        if (trimmed.toLower().startsWith("content-length:"))
            return trimmed.mid(15).trimmed().toLongLong();
    }
    return 0;
}

// One request on a keep-alive connection, reconnecting once if the server closed it.
Reply exchange(std::unique_ptr<QSslSocket> &socket, const Endpoint &endpoint, const QByteArray &method,
               const QString &path, const QByteArray &token = {}, const QByteArray &body = {})
{
    QByteArray request = method + ' ' + path.toUtf8() + " HTTP/1.1\r\nHost: " + endpoint.host.toLatin1()
            + "\r\nAccept: application/json\r\n";
    if (!token.isEmpty())
        request += "Authorization: Bearer " + token + "\r\n";
    if (method == "POST")
        request += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size())
                + "\r\n";
    request += "\r\n" + body;
    Reply reply;
    for (int attempt = 0; attempt < 2; ++attempt) {
        if (!socket || socket->state() != QAbstractSocket::ConnectedState)
            socket = connectPinned(endpoint);
        if (!socket)
            return reply;
        QElapsedTimer timer;
        timer.start();
        socket->write(request);
        QByteArray buffer;
        qsizetype headEnd = -1;
        qsizetype wanted = -1;
        while (socket->state() == QAbstractSocket::ConnectedState) {
            buffer += socket->readAll();
            if (headEnd < 0 && (headEnd = buffer.indexOf("\r\n\r\n")) >= 0)
                wanted = headEnd + 4 + contentLength(buffer.left(headEnd));
            if (wanted >= 0 && buffer.size() >= wanted)
                break;
            if (!socket->waitForReadyRead(60000) && socket->bytesAvailable() == 0)
                break;
        }
        buffer += socket->readAll();
        if (wanted < 0 || buffer.size() < wanted) {
            socket.reset();
            continue;
        }
        reply.ms = timer.nsecsElapsed() / 1e6;
        const QList<QByteArray> statusLine = buffer.left(buffer.indexOf("\r\n")).split(' ');
        reply.status = statusLine.value(1).toInt();
        reply.body = buffer.mid(headEnd + 4, wanted - headEnd - 4);
        return reply;
    }
    return reply;
}

double cpuSecondsOfThisProcess()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec
            + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// The server's CPU with that of its argon2id helper processes.
double cpuSecondsOf(qint64 pid)
{
    return ProcStatus::cpuSecondsWithChildren(pid);
}

struct Argon2Figures
{
    double medianMs = 0; // wall time: what the limit is made of
    double cpuMedianMs = 0; // CPU time of the hashing thread: what a busy machine cannot inflate
    double parallelPerSecond = 0; // every core hashing at once
};

double threadCpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
}

QString loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    return file.open(QIODevice::ReadOnly) ? QString::fromLatin1(file.readAll().split(' ').value(0))
                                          : QString();
}

// argon2id as the server runs it, on this machine, now: single-threaded median, and the rate with
// every core hashing (memory bandwidth is shared, so this may be below cores ÷ median).
Argon2Figures measureArgon2(int cores)
{
    const QByteArray encoded = Argon2Hasher::hash("treasure island");
    std::vector<double> samples;
    std::vector<double> cpuSamples;
    for (int i = 0; i < 60; ++i) {
        QElapsedTimer timer;
        timer.start();
        const double cpu = threadCpuMs();
        [[maybe_unused]] const bool ok = Argon2Hasher::verify(
                encoded, i % 2 ? QByteArrayView("treasure island") : QByteArrayView("wrong"));
        cpuSamples.push_back(threadCpuMs() - cpu);
        samples.push_back(timer.nsecsElapsed() / 1e6);
    }
    Argon2Figures figures;
    figures.medianMs = percentiles(samples).p50;
    figures.cpuMedianMs = percentiles(cpuSamples).p50;
    std::atomic_int done = 0;
    std::atomic_bool stop = false;
    QElapsedTimer timer;
    timer.start();
    std::vector<std::thread> threads;
    for (int t = 0; t < cores; ++t) {
        threads.emplace_back([&] {
            while (!stop) {
                [[maybe_unused]] const bool ok = Argon2Hasher::verify(encoded, "wrong");
                ++done;
            }
        });
    }
    QThread::msleep(3000);
    stop = true;
    for (auto &thread : threads)
        thread.join();
    figures.parallelPerSecond = done * 1000.0 / timer.elapsed();
    return figures;
}

struct Profile
{
    QString id;
    QJsonObject answers;
};

struct DemoData
{
    QList<QPair<QString, QString>> agents; // user name, password: the ones who may verify
    QList<Profile> profiles; // verifiable ones (a secret is enrolled)
};

QJsonObject readJson(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

bool loadDemo(const QString &dir, DemoData *data, QString *error)
{
    const auto agents = readJson(dir + QStringLiteral("/demo-credentials.json"))
                                .value(QStringLiteral("agents"))
                                .toArray();
    for (const auto &value : agents) {
        const QJsonObject agent = value.toObject();
        const QString name = agent.value(QStringLiteral("username")).toString();
        if (name.startsWith(QLatin1String("tech")) || name.startsWith(QLatin1String("super")))
            data->agents.append({name, agent.value(QStringLiteral("password")).toString()});
    }
    const auto profiles =
            readJson(dir + QStringLiteral("/demo-profiles.json")).value(QStringLiteral("profiles")).toArray();
    for (const auto &value : profiles) {
        const QJsonObject profile = value.toObject();
        const QJsonObject answers = profile.value(QStringLiteral("answers")).toObject();
        if (answers.contains(QStringLiteral("secret")))
            data->profiles.append({profile.value(QStringLiteral("id")).toString(), answers});
    }
    if (data->agents.isEmpty() || data->profiles.isEmpty()) {
        *error = QStringLiteral("%1 holds no demo agents or no verifiable demo profiles").arg(dir);
        return false;
    }
    return true;
}

QByteArray login(std::unique_ptr<QSslSocket> &socket, const Endpoint &endpoint,
                 const QPair<QString, QString> &agent)
{
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("username"), agent.first},
                                                      {QStringLiteral("password"), agent.second}})
                                    .toJson(QJsonDocument::Compact);
    const Reply reply = exchange(socket, endpoint, "POST", QStringLiteral("/v1/auth/login"), {}, body);
    return reply.json().value(QStringLiteral("token")).toString().toLatin1();
}

struct AgentTally
{
    int verifications = 0; // answers told "passed" or "failed" before the deadline
    int answers = 0; // typed answers in them, each one argon2id evaluation
    int passed = 0;
    int lockedStarts = 0;
    int lockedAnswers = 0;
    int unblocks = 0;
    int errors = 0;
    std::vector<double> answerMs;
};

struct RunFigures
{
    int agents = 0;
    double seconds = 0;
    AgentTally total;
    std::vector<double> healthMs;
    double clientCpu = 0; // seconds of CPU over cpuWindow seconds of wall time
    double serverCpu = 0;
    double cpuWindow = 0;
};

RunFigures runLoad(const Endpoint &endpoint, const DemoData &demo, int agentCount, int seconds,
                   int correctPercent, qint64 serverPid, quint32 seed)
{
    RunFigures figures;
    figures.agents = agentCount;
    std::vector<AgentTally> tallies(agentCount);
    std::atomic_bool stop = false;
    std::barrier startLine(agentCount + 2);
    using Clock = std::chrono::steady_clock;
    std::atomic<Clock::rep> deadline = 0; // answers that finish later are not counted
    std::vector<std::thread> threads;
    for (int a = 0; a < agentCount; ++a) {
        threads.emplace_back([&, a] {
            const auto &agent = demo.agents.at(a % demo.agents.size());
            const bool supervisor = agent.first.startsWith(QLatin1String("super"));
            std::unique_ptr<QSslSocket> socket;
            const QByteArray token = login(socket, endpoint, agent); // a session of its own
            QRandomGenerator random(seed + static_cast<quint32>(a) * 7919);
            AgentTally &tally = tallies[a];
            startLine.arrive_and_wait();
            if (token.isEmpty()) {
                ++tally.errors;
                return;
            }
            // A caller who got it wrong tries again at once and gets it right: failures never pile up
            // on a profile, so lockouts stay out of the figures even when the data folder is reused.
            const Profile *retry = nullptr;
            while (!stop) {
                const Profile &profile = retry
                        ? *retry
                        : demo.profiles.at(random.bounded(static_cast<int>(demo.profiles.size())));
                const bool correct = retry || static_cast<int>(random.bounded(100)) < correctPercent;
                retry = nullptr;
                const Reply started =
                        exchange(socket, endpoint, "POST",
                                 QStringLiteral("/v1/profiles/%1/verifications").arg(profile.id), token);
                if (started.status == 423) {
                    ++tally.lockedStarts;
                    if (supervisor
                        && exchange(socket, endpoint, "POST",
                                    QStringLiteral("/v1/profiles/%1/unblock").arg(profile.id), token)
                                        .status
                                == 204)
                        ++tally.unblocks;
                    continue;
                }
                if (started.status != 201) {
                    ++tally.errors;
                    continue;
                }
                const QJsonObject startJson = started.json();
                const QJsonArray questions = startJson.value(QStringLiteral("questions")).toArray();
                QJsonObject answers;
                for (const auto &value : questions) {
                    const QJsonObject question = value.toObject();
                    answers.insert(
                            question.value(QStringLiteral("id")).toString(),
                            correct ? profile.answers
                                              .value(question.value(QStringLiteral("field")).toString())
                                              .toString()
                                    : QString::fromLatin1(kWrongAnswer));
                }
                const Reply answered =
                        exchange(socket, endpoint, "POST",
                                 QStringLiteral("/v1/verifications/%1/answers")
                                         .arg(startJson.value(QStringLiteral("id")).toString()),
                                 token,
                                 QJsonDocument(QJsonObject{{QStringLiteral("answers"), answers}})
                                         .toJson(QJsonDocument::Compact));
                if (Clock::now().time_since_epoch().count() > deadline)
                    break;
                if (answered.status == 200) {
                    ++tally.verifications;
                    tally.answers += static_cast<int>(questions.size());
                    const bool passed = answered.body.contains("\"passed\"");
                    tally.passed += passed ? 1 : 0;
                    tally.answerMs.push_back(answered.ms);
                    if (!passed)
                        retry = &profile;
                } else if (answered.status == 423) {
                    ++tally.lockedAnswers;
                } else {
                    ++tally.errors;
                }
            }
        });
    }
    // GET /v1/health at ~20 Hz on its own connection, as a monitor would.
    threads.emplace_back([&] {
        std::unique_ptr<QSslSocket> socket = connectPinned(endpoint);
        startLine.arrive_and_wait();
        while (!stop) {
            QElapsedTimer tick;
            tick.start();
            const Reply reply = exchange(socket, endpoint, "GET", QStringLiteral("/v1/health"));
            if (reply.status == 200)
                figures.healthMs.push_back(reply.ms);
            else
                ++figures.total.errors;
            QThread::msleep(
                    static_cast<unsigned long>(std::max<qint64>(0, kHealthIntervalMs - tick.elapsed())));
        }
    });
    const double clientCpu = cpuSecondsOfThisProcess();
    const double serverCpu = cpuSecondsOf(serverPid);
    const auto begin = Clock::now();
    deadline = (begin + std::chrono::seconds(seconds)).time_since_epoch().count();
    startLine.arrive_and_wait(); // every agent is signed in and connected
    std::this_thread::sleep_until(begin + std::chrono::seconds(seconds));
    figures.clientCpu = cpuSecondsOfThisProcess() - clientCpu;
    figures.serverCpu = cpuSecondsOf(serverPid) - serverCpu;
    figures.cpuWindow = std::chrono::duration<double>(Clock::now() - begin).count();
    figures.seconds = seconds;
    stop = true;
    for (auto &thread : threads)
        thread.join();
    for (auto &tally : tallies) {
        figures.total.verifications += tally.verifications;
        figures.total.answers += tally.answers;
        figures.total.passed += tally.passed;
        figures.total.lockedStarts += tally.lockedStarts;
        figures.total.lockedAnswers += tally.lockedAnswers;
        figures.total.unblocks += tally.unblocks;
        figures.total.errors += tally.errors;
        figures.total.answerMs.insert(figures.total.answerMs.end(), tally.answerMs.begin(),
                                      tally.answerMs.end());
    }
    return figures;
}

std::vector<double> idleHealth(const Endpoint &endpoint, int samples)
{
    std::unique_ptr<QSslSocket> socket = connectPinned(endpoint);
    std::vector<double> ms;
    for (int i = 0; i < samples; ++i) {
        const Reply reply = exchange(socket, endpoint, "GET", QStringLiteral("/v1/health"));
        if (reply.status == 200)
            ms.push_back(reply.ms);
        QThread::msleep(kHealthIntervalMs);
    }
    return ms;
}

QString serverBinary(const QString &given)
{
    if (!given.isEmpty())
        return given;
    const QString sibling = QCoreApplication::applicationDirPath() + QStringLiteral("/../app/vigil-server");
    return QFile::exists(sibling) ? QDir::cleanPath(sibling) : QStringLiteral(VIGIL_SERVER_BIN_PATH);
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
            QStringLiteral("Verification throughput and /v1/health latency under load."));
    parser.addHelpOption();
    const QCommandLineOption dataOption(
            QStringLiteral("data"), QStringLiteral("Data folder to reuse or fill."), QStringLiteral("DIR"));
    const QCommandLineOption profilesOption(QStringLiteral("profiles"),
                                            QStringLiteral("Profiles for a new folder (default 2000)."),
                                            QStringLiteral("N"), QStringLiteral("2000"));
    const QCommandLineOption secondsOption(QStringLiteral("seconds"),
                                           QStringLiteral("Length of each run (default 20)."),
                                           QStringLiteral("S"), QStringLiteral("20"));
    const QCommandLineOption agentsOption(QStringLiteral("agents"),
                                          QStringLiteral("Concurrent agents per run (default 1,4,16)."),
                                          QStringLiteral("LIST"), QStringLiteral("1,4,16"));
    const QCommandLineOption correctOption(
            QStringLiteral("correct"),
            QStringLiteral("Percent of first answers that are correct; a wrong one is "
                           "followed by a right one (default 75)."),
            QStringLiteral("PERCENT"), QStringLiteral("75"));
    const QCommandLineOption serverOption(QStringLiteral("server"),
                                          QStringLiteral("The vigil-server binary."), QStringLiteral("PATH"));
    const QCommandLineOption databaseOption(
            QStringLiteral("database"),
            QStringLiteral("A PostgreSQL store (postgresql://…) instead of SQLite in the folder."),
            QStringLiteral("URL"));
    const QCommandLineOption workersOption(QStringLiteral("workers"),
                                           QStringLiteral("`serve --workers N` (default: the server's own)."),
                                           QStringLiteral("N"));
    const QCommandLineOption hashThreadsOption(
            QStringLiteral("hash-threads"),
            QStringLiteral("`serve --hash-threads N` (default: the server's own)."), QStringLiteral("N"));
    parser.addOptions({dataOption, profilesOption, secondsOption, agentsOption, correctOption, serverOption,
                       databaseOption, workersOption, hashThreadsOption});
    parser.process(app);
    const int seconds = std::max(1, parser.value(secondsOption).toInt());
    const int correctPercent = std::clamp(parser.value(correctOption).toInt(), 0, 100);
    QList<int> agentCounts;
    for (const auto &item : parser.value(agentsOption).split(QLatin1Char(',')))
        agentCounts.append(std::max(1, item.toInt()));
    const QString server = serverBinary(parser.value(serverOption));
    const int cores = QThread::idealThreadCount();

    QTemporaryDir temporary;
    const QString dataDir =
            parser.isSet(dataOption) ? parser.value(dataOption) : temporary.filePath(QStringLiteral("data"));
    QElapsedTimer fill;
    fill.start();
    QStringList storeArguments{QStringLiteral("--data"), dataDir};
    if (parser.isSet(databaseOption))
        storeArguments << QStringLiteral("--database") << parser.value(databaseOption);
    if (!QFile::exists(dataDir + QStringLiteral("/demo-profiles.json"))) {
        QProcess demo;
        demo.start(server,
                   QStringList{QStringLiteral("demo"), QStringLiteral("--profiles"),
                               parser.value(profilesOption)}
                           + storeArguments);
        if (!demo.waitForFinished(30 * 60 * 1000) || demo.exitCode() != 0) {
            out << "vigil-server demo failed: " << demo.readAllStandardError() << "\n";
            return 1;
        }
        out << "filled " << dataDir << " with " << parser.value(profilesOption) << " demo profiles in "
            << fixed(fill.elapsed() / 1000.0) << " s\n";
    }
    DemoData demo;
    QString error;
    if (!loadDemo(dataDir, &demo, &error)) {
        out << error << "\n";
        return 1;
    }

    // argon2id first, on a quiet machine: nothing else of the benchmark runs yet.
    const Argon2Figures argon2 = measureArgon2(cores);
    const double limit = cores * 1000.0 / argon2.medianMs; // answers per second
    out << "machine: " << cores << " cores, load average " << loadAverage()
        << "; argon2id verify (m=19 MiB, t=2, p=1), 60 runs: median " << fixed(argon2.medianMs, 2)
        << " ms wall, " << fixed(argon2.cpuMedianMs, 2) << " ms CPU → limit " << fixed(limit)
        << " answers/s (cores ÷ median wall time); all " << cores
        << " cores hashing at once: " << fixed(argon2.parallelPerSecond) << " answers/s\n"
        << Qt::flush;

    QProcess serve;
    const QString logPath = temporary.filePath(QStringLiteral("serve.log"));
    serve.setStandardOutputFile(logPath);
    serve.setStandardErrorFile(QProcess::nullDevice());
    QStringList serveArguments =
            QStringList{QStringLiteral("serve"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")}
            + storeArguments;
    if (parser.isSet(workersOption))
        serveArguments << QStringLiteral("--workers") << parser.value(workersOption);
    if (parser.isSet(hashThreadsOption))
        serveArguments << QStringLiteral("--hash-threads") << parser.value(hashThreadsOption);
    serve.start(server, serveArguments);
    Endpoint endpoint;
    static const QRegularExpression listening(QStringLiteral("listening on https://127\\.0\\.0\\.1:(\\d+)"));
    static const QRegularExpression fingerprint(QStringLiteral("fingerprint: ([0-9A-Fa-f:]+)\\s*\\n"));
    for (int waited = 0; waited < 30000 && endpoint.pin.isEmpty(); waited += 50) {
        QFile log(logPath);
        const QString text = log.open(QIODevice::ReadOnly) ? QString::fromUtf8(log.readAll()) : QString();
        const auto port = listening.match(text);
        const auto pin = fingerprint.match(text);
        if (port.hasMatch() && pin.hasMatch()) {
            endpoint.port = static_cast<quint16>(port.captured(1).toUInt());
            endpoint.pin = QByteArray::fromHex(pin.captured(1).remove(QLatin1Char(':')).toLatin1());
        } else if (serve.waitForFinished(50)) {
            break;
        }
    }
    if (endpoint.pin.isEmpty()) {
        out << "vigil-server serve did not start\n";
        return 1;
    }
    const qint64 serverPid = serve.processId();
    const auto idle = percentiles(idleHealth(endpoint, 40));
    out << "server " << server << " pid " << serverPid << " on port " << endpoint.port << "; "
        << demo.profiles.size() << " verifiable profiles, " << correctPercent << "% answered correctly, "
        << seconds << " s per run\n"
        << "/v1/health idle, 40 requests: p50 " << fixed(idle.p50, 2) << " ms, p99 " << fixed(idle.p99, 2)
        << " ms\n"
        << Qt::flush;

    quint32 seed = 1;
    for (int agents : agentCounts) {
        const RunFigures run = runLoad(endpoint, demo, agents, seconds, correctPercent, serverPid, seed++);
        const double answersPerSecond = run.total.answers / run.seconds;
        const double clientCores = run.clientCpu / run.cpuWindow;
        const double adjustedLimit = (cores - clientCores) * 1000.0 / argon2.medianMs;
        const auto health = percentiles(run.healthMs);
        const auto answer = percentiles(run.total.answerMs);
        out << "agents " << agents << ": " << run.total.verifications << " verifications ("
            << run.total.passed << " passed), " << run.total.answers << " answers in " << fixed(run.seconds)
            << " s = " << fixed(answersPerSecond) << " answers/s, "
            << fixed(run.total.verifications / run.seconds)
            << " verifications/s = " << fixed(100.0 * answersPerSecond / limit) << "% of the limit ("
            << fixed(100.0 * answersPerSecond / adjustedLimit)
            << "% of what the client leaves: " << fixed(adjustedLimit) << "/s)\n"
            << "  answer round trip p50 " << fixed(answer.p50) << " ms, p95 " << fixed(answer.p95)
            << " ms; /v1/health " << run.healthMs.size() << " requests: p50 " << fixed(health.p50, 2)
            << " ms, p95 " << fixed(health.p95, 2) << " ms, p99 " << fixed(health.p99, 2) << " ms, max "
            << fixed(health.max, 2) << " ms\n"
            << "  CPU: server " << fixed(100.0 * run.serverCpu / run.cpuWindow) << "% of one core ("
            << fixed(run.total.answers > 0 ? 1000.0 * run.serverCpu / run.total.answers : 0.0, 1)
            << " ms per answer, argon2id " << fixed(argon2.cpuMedianMs, 1) << " ms of it), client "
            << fixed(100.0 * clientCores) << "% of one core (" << fixed(100.0 * clientCores / cores)
            << "% of the machine); locked starts " << run.total.lockedStarts << ", locked answers "
            << run.total.lockedAnswers << ", unblocks " << run.total.unblocks << ", errors "
            << run.total.errors << "; load average " << loadAverage() << "\n"
            << Qt::flush;
        // On a shared machine the server gets less than every core, and wall times stretch with
        // the load. CPU time does not: the server's CPU per answer against argon2id's own CPU per
        // check is the same ratio measured in time the load cannot inflate.
        if (run.total.answers > 0 && run.serverCpu > 0) {
            const double perAnswerMs = 1000.0 * run.serverCpu / run.total.answers;
            const double cpuLimit = (cores - clientCores) * 1000.0 / argon2.cpuMedianMs;
            const double projected = (cores - clientCores) * 1000.0 / perAnswerMs;
            out << "  in CPU time: with every core but the client's for the server, " << fixed(projected)
                << " answers/s = " << fixed(100.0 * projected / cpuLimit) << "% of the limit in CPU time ("
                << fixed(cpuLimit) << "/s: cores ÷ " << fixed(argon2.cpuMedianMs, 2) << " ms argon2id CPU)\n"
                << Qt::flush;
        }
    }
    const ProcStatus memory = ProcStatus::withChildren(serverPid);
    out << "server resident memory (with its " << memory.processes() - 1 << " helper processes): VmRSS "
        << fixed(ProcStatus::mb(memory.vmRssKb())) << " MB, VmHWM " << fixed(ProcStatus::mb(memory.vmHwmKb()))
        << " MB (sum of each process's peak)\n"
        << Qt::flush;
    serve.terminate();
    serve.waitForFinished(30000);
    return 0;
}
