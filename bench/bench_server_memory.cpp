// Resident memory of `vigil-server serve` (SQLite) on a large store: idle, after a burst of
// searches, under load (concurrent searches and verifications from several clients) and at a shift
// change (a help desk signing in at once while verifications go on), sampled from /proc every
// 50 ms with its argon2id helper processes; the peak of their summed PSS is what counts against the
// 200 MB target.
// Usage: bench_server_memory [--data DIR | --profiles N] [--seconds S] [--searchers A] [--verifiers B]
//                            [--burst Q] [--sign-ins C] [--workers W] [--hash-threads H]
//   --data DIR      serve a data folder made beforehand (bench_fill, or `vigil-server demo`)
//   --profiles N    otherwise make a demo of N profiles in a temporary folder (default 100,000)
//   --seconds S     length of the load phase (default 30)
//   --searchers A   clients searching back to back during the load (default 4)
//   --verifiers B   clients verifying back to back during the load (default 4)
//   --burst Q       searches in the burst phase, from 4 clients (default 400)
//   --sign-ins C    clients signing in back to back during the shift change (default 16); that phase
//                   lasts min(S, 15) s, with the B verifiers still at work
//   --workers W     passed to `serve --workers` (request workers; default max(4, 2 × cores)), to see
//                   what a machine with more cores would hold
//   --hash-threads H passed to `serve --hash-threads` (argon2id checks at once; default one per
//                   core, at most 6): with --workers, what a machine of that size holds
#include "BenchArguments.h"
#include "BenchBackend.h"
#include "ProcStatus.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QTextStream>
#include <QThread>
#include <QUrlQuery>
#include <algorithm>
#include <atomic>
#include <mutex>
#include <random>
#include <thread>

using namespace vigil;
using namespace vigil::bench;
using vigil::test::HttpsClient;

namespace {
QTextStream out(stdout);

// Misspelt names, partial e-mail addresses, phone digits and employee ids, as technicians type them.
const QStringList kQueries = {
        QStringLiteral("Jon Silvr"),        QStringLiteral("jenifer gonzales"),
        QStringLiteral("Micheal Tompson"),  QStringLiteral("Elizbeth Wiliams"),
        QStringLiteral("kristopher"),       QStringLiteral("Siobhan OBrien"),
        QStringLiteral("Francois Lefevre"), QStringLiteral("jurgen muller"),
        QStringLiteral("Priya Patell"),     QStringLiteral("Dmitri Kuznetsof"),
        QStringLiteral("Mohamed Haddad"),   QStringLiteral("Ana Santoss"),
        QStringLiteral("Lukasz Kowalsky"),  QStringLiteral("Hiroshi Tanka"),
        QStringLiteral("Sofia Rossi"),      QStringLiteral("Bjorn Andersson"),
        QStringLiteral("Renee Dubios"),     QStringLiteral("Kwame Mensa"),
        QStringLiteral("Omar Haddd"),       QStringLiteral("Ingrid Jansen"),
        QStringLiteral("j.silver@acme"),    QStringLiteral("mary.smith"),
        QStringLiteral("555 0100"),         QStringLiteral("0100 001"),
        QStringLiteral("E-100001"),         QStringLiteral("E-1234"),
        QStringLiteral("Wei Chen"),         QStringLiteral("Mei Zhang"),
        QStringLiteral("Arjun Sharma"),     QStringLiteral("Olga Kuznetsova"),
        QStringLiteral("Zoe Lefevre"),      QStringLiteral("Chloe Martin"),
        QStringLiteral("Jose Nunez"),       QStringLiteral("Soren Sorensen"),
        QStringLiteral("Ines Pena"),        QStringLiteral("Niamh O'Connor"),
        QStringLiteral("Mateo Garcia"),     QStringLiteral("Lucia Rodriguez"),
        QStringLiteral("Goran Nieminen"),   QStringLiteral("Asa Johansson"),
};

QString searchPath(const QString &query)
{
    QUrlQuery parameters;
    parameters.addQueryItem(QStringLiteral("q"), query);
    parameters.addQueryItem(QStringLiteral("limit"), QStringLiteral("50"));
    return QStringLiteral("/v1/profiles?") + parameters.toString(QUrl::FullyEncoded);
}

struct Sample
{
    qint64 rssKb = -1;
    qint64 anonKb = -1;
    qint64 fileKb = -1;
    qint64 hwmKb = -1;
    int threads = -1;
    int processes = 1;
    qint64 pssKb = -1;
};

// The server with its argon2id helper processes: what serve holds is theirs too.
Sample sample(qint64 pid)
{
    const ProcStatus status = ProcStatus::withChildren(pid);
    return {status.vmRssKb(), status.rssAnonKb(), status.rssFileKb(), status.vmHwmKb(),
            status.threads(), status.processes(), status.pssKb()};
}

struct Peak
{
    qint64 rssKb = 0; // the largest sum of the processes' VmRSS seen
    qint64 pssKb = 0; // the largest sum of their PSS: every page once
};

void printSample(const QString &phase, const Sample &s, const Peak *peak = nullptr)
{
    out << "  " << phase << ": PSS " << ProcStatus::mb(s.pssKb) << " MB, VmRSS " << ProcStatus::mb(s.rssKb)
        << " MB (anonymous " << ProcStatus::mb(s.anonKb) << ", file " << ProcStatus::mb(s.fileKb)
        << "), VmHWM " << ProcStatus::mb(s.hwmKb) << " MB (sum of each process's peak), " << s.threads
        << " threads in " << s.processes << " processes";
    if (peak)
        out << "; peak sampled during the phase: PSS " << ProcStatus::mb(peak->pssKb) << " MB, VmRSS "
            << ProcStatus::mb(peak->rssKb) << " MB";
    out << "\n" << Qt::flush;
}

// Samples the server and its helpers every 50 ms on its own thread until stopped; keeps the
// peaks of their summed VmRSS and PSS.
class PeakSampler
{
public:
    explicit PeakSampler(qint64 pid)
        : m_pid(pid)
        , m_thread([this] {
            while (!m_stop.load()) {
                const ProcStatus status = ProcStatus::withChildren(m_pid);
                {
                    const std::lock_guard lock(m_mutex);
                    m_peak.rssKb = std::max(m_peak.rssKb, status.vmRssKb());
                    m_peak.pssKb = std::max(m_peak.pssKb, status.pssKb());
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
            }
        })
    {
    }
    ~PeakSampler() { stop(); }
    Peak stop()
    {
        m_stop.store(true);
        if (m_thread.joinable())
            m_thread.join();
        const std::lock_guard lock(m_mutex);
        return m_peak;
    }

private:
    qint64 m_pid;
    std::atomic<bool> m_stop{false};
    std::mutex m_mutex;
    Peak m_peak;
    std::thread m_thread;
};

double percentile(QList<double> samples, double p)
{
    if (samples.isEmpty())
        return -1;
    std::sort(samples.begin(), samples.end());
    return samples.at(std::min<qsizetype>(samples.size() - 1, qsizetype(p * samples.size())));
}

struct VerifyTarget
{
    QString id;
    QJsonObject answers; // empty: answered wrongly (the argon2id work is the same)
};

struct LoadCounts
{
    std::atomic<int> searches{0};
    std::atomic<int> searchErrors{0};
    std::atomic<int> passed{0};
    std::atomic<int> failed{0};
    std::atomic<int> refused{0}; // 423 locked, 409 no secret, or any other status
    std::atomic<int> signIns{0};
    std::atomic<int> signInErrors{0};
};

// One technician verifying callers back to back until `stop`.
void verifyUntil(const HttpsClient &client, const QByteArray &token, const QList<VerifyTarget> &targets,
                 quint32 seed, const std::atomic<bool> &stop, LoadCounts &counts)
{
    std::mt19937 random(seed);
    while (!stop.load()) {
        const VerifyTarget &target = targets.at(random() % targets.size());
        const auto started =
                client.postEmpty(QStringLiteral("/v1/profiles/%1/verifications").arg(target.id), token);
        if (started.status != 201) {
            counts.refused++;
            continue;
        }
        const auto body = test::answersBody(
                started.json.value(QStringLiteral("questions")).toArray(), [&](const QString &field) {
                    return target.answers.isEmpty() ? QStringLiteral("certainly wrong")
                                                    : target.answers.value(field).toString();
                });
        const auto answered = client.post(QStringLiteral("/v1/verifications/%1/answers")
                                                  .arg(started.json.value(QStringLiteral("id")).toString()),
                                          body, token);
        const QString result = answered.json.value(QStringLiteral("result")).toString();
        if (answered.status == 200 && result == QLatin1String("passed"))
            counts.passed++;
        else if (answered.status == 200)
            counts.failed++;
        else
            counts.refused++;
    }
}

// Technicians whose passwords the data folder lists (bench_fill makes tech1…tech16, demo two).
QStringList technicians(const BenchBackend &backend)
{
    QStringList names;
    for (int i = 1; i <= 64; ++i) {
        const QString name = QStringLiteral("tech%1").arg(i);
        if (!backend.password(name).isEmpty())
            names.append(name);
    }
    return names;
}
} // namespace

int main(int argc, char *argv[])
{
    qputenv("VIGIL_SERVER_BIN", VIGIL_SERVER_BIN_PATH);
    QCoreApplication app(argc, argv);
    const BenchArguments arguments(app.arguments().mid(1));
    const int seconds = arguments.intValue(QStringLiteral("--seconds"), 30);
    const int searchers = arguments.intValue(QStringLiteral("--searchers"), 4);
    const int verifiers = arguments.intValue(QStringLiteral("--verifiers"), 4);
    const int burst = arguments.intValue(QStringLiteral("--burst"), 400);
    const int signInClients = arguments.intValue(QStringLiteral("--sign-ins"), 16);
    const int shiftSeconds = std::min(seconds, 15);

    BenchBackend backend;
    QString error;
    if (!backend.prepare(arguments.dataDir(), arguments.profiles(100000), &error)) {
        out << "cannot prepare the backend: " << error << "\n" << Qt::flush;
        return 1;
    }
    QList<DemoProfile> known = backend.verifiableProfiles(2000);
    // As many request workers and argon2id checks as a bigger machine would run.
    QStringList serveArguments;
    QString shape;
    for (const QString &option : {QStringLiteral("--workers"), QStringLiteral("--hash-threads")}) {
        if (arguments.has(option)) {
            serveArguments << option << arguments.value(option);
            shape += QStringLiteral(", serve %1 %2").arg(option, arguments.value(option));
        }
    }
    backend.server().setExtraServeArguments(serveArguments);
    if (!backend.start(&error)) {
        out << "cannot start the backend: " << error << "\n" << Qt::flush;
        return 1;
    }
    const qint64 pid = backend.server().pid();
    const HttpsClient client = backend.server().client();
    out << "vigil-server serve (SQLite) on " << backend.profileCount() << " profiles in " << backend.dataDir()
        << ", " << QThread::idealThreadCount() << " cores" << shape << "\n";

    QThread::sleep(2);
    printSample(QStringLiteral("idle after start"), sample(pid));

    // Each client signs in once, as a console does.
    const QStringList names = technicians(backend);
    QList<QByteArray> tokens;
    for (int i = 0; i < std::max({4, searchers, verifiers}); ++i) {
        const QString user = names.at(i % names.size());
        const auto response = client.post(
                QStringLiteral("/v1/auth/login"),
                {{QStringLiteral("username"), user}, {QStringLiteral("password"), backend.password(user)}});
        const QByteArray token = response.json.value(QStringLiteral("token")).toString().toLatin1();
        if (token.isEmpty()) {
            out << "sign-in as " << user << " failed: " << response.describe() << "\n" << Qt::flush;
            return 1;
        }
        tokens.append(token);
    }

    // Burst: searches back to back from 4 clients.
    QList<double> burstMs;
    QList<VerifyTarget> found; // verifiable profiles seen in the results
    std::mutex lock;
    Peak burstPeak;
    {
        PeakSampler peak(pid);
        std::atomic<int> next{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back([&, t] {
                for (int i = next++; i < burst; i = next++) {
                    QElapsedTimer timer;
                    timer.start();
                    const auto response =
                            client.get(searchPath(kQueries.at(i % kQueries.size())), tokens.at(t));
                    const double ms = timer.nsecsElapsed() / 1e6;
                    std::lock_guard guard(lock);
                    burstMs.append(ms);
                    for (const auto &value : response.json.value(QStringLiteral("results")).toArray()) {
                        const QJsonObject result = value.toObject();
                        if (found.size() < 2000 && result.value(QStringLiteral("has_secret")).toBool()
                            && !result.value(QStringLiteral("locked")).toBool())
                            found.append({result.value(QStringLiteral("id")).toString(), {}});
                    }
                }
            });
        }
        for (auto &thread : threads)
            thread.join();
        burstPeak = peak.stop();
        printSample(QStringLiteral("after a burst of %1 searches (client round trip p50 %2 ms, p95 %3 ms)")
                            .arg(burst)
                            .arg(percentile(burstMs, 0.5), 0, 'f', 1)
                            .arg(percentile(burstMs, 0.95), 0, 'f', 1),
                    sample(pid), &burstPeak);
    }

    QList<VerifyTarget> targets;
    for (const auto &profile : known)
        targets.append({profile.id, profile.answers});
    if (targets.isEmpty()) {
        out << "  (no demo-profiles.json: verifications answer " << found.size()
            << " profiles from the search results wrongly; argon2id checks every answer either way)\n";
        targets = found;
    }
    if (targets.isEmpty()) {
        out << "no profile to verify\n" << Qt::flush;
        return 1;
    }

    // Load: searches and verifications together.
    LoadCounts counts;
    std::atomic<bool> stop{false};
    Peak loadPeak;
    {
        PeakSampler peak(pid);
        std::vector<std::thread> threads;
        for (int t = 0; t < searchers; ++t) {
            threads.emplace_back([&, t] {
                for (int i = t; !stop.load(); i += searchers) {
                    const auto response = client.get(searchPath(kQueries.at(i % kQueries.size())),
                                                     tokens.at(t % tokens.size()));
                    (response.status == 200 ? counts.searches : counts.searchErrors)++;
                }
            });
        }
        for (int t = 0; t < verifiers; ++t)
            threads.emplace_back([&, t] {
                verifyUntil(client, tokens.at(t % tokens.size()), targets, 1000 + t, stop, counts);
            });
        QThread::sleep(seconds);
        stop.store(true);
        for (auto &thread : threads)
            thread.join();
        loadPeak = peak.stop();
    }
    printSample(QStringLiteral(
                        "after %1 s of load (%2 searchers: %3 searches, %4 errors; %5 verifiers: %6 passed, "
                        "%7 failed, %8 refused)")
                        .arg(seconds)
                        .arg(searchers)
                        .arg(counts.searches.load())
                        .arg(counts.searchErrors.load())
                        .arg(verifiers)
                        .arg(counts.passed.load())
                        .arg(counts.failed.load())
                        .arg(counts.refused.load()),
                sample(pid), &loadPeak);
    // Shift change: a whole help desk signs in at once (an argon2id check each, on the request
    // workers) while the verifications go on.
    LoadCounts shift;
    std::atomic<bool> shiftOver{false};
    Peak shiftPeak;
    {
        PeakSampler peak(pid);
        std::vector<std::thread> threads;
        for (int t = 0; t < signInClients; ++t) {
            threads.emplace_back([&, t] {
                const QString user = names.at(t % names.size());
                while (!shiftOver.load()) {
                    const auto response = client.post(QStringLiteral("/v1/auth/login"),
                                                      {{QStringLiteral("username"), user},
                                                       {QStringLiteral("password"), backend.password(user)}});
                    (response.status == 200 ? shift.signIns : shift.signInErrors)++;
                }
            });
        }
        for (int t = 0; t < verifiers; ++t)
            threads.emplace_back([&, t] {
                verifyUntil(client, tokens.at(t % tokens.size()), targets, 2000 + t, shiftOver, shift);
            });
        QThread::sleep(shiftSeconds);
        shiftOver.store(true);
        for (auto &thread : threads)
            thread.join();
        shiftPeak = peak.stop();
    }
    printSample(QStringLiteral(
                        "after %1 s of shift change (%2 clients signing in as %3 technicians: %4 sign-ins, "
                        "%5 refused; %6 verifiers: %7 passed, %8 failed, %9 refused)")
                        .arg(shiftSeconds)
                        .arg(signInClients)
                        .arg(names.size())
                        .arg(shift.signIns.load())
                        .arg(shift.signInErrors.load())
                        .arg(verifiers)
                        .arg(shift.passed.load())
                        .arg(shift.failed.load())
                        .arg(shift.refused.load()),
                sample(pid), &shiftPeak);
    Peak worst;
    for (const Peak &phase : {burstPeak, loadPeak, shiftPeak}) {
        worst.rssKb = std::max(worst.rssKb, phase.rssKb);
        worst.pssKb = std::max(worst.pssKb, phase.pssKb);
    }

    QThread::sleep(5);
    const Sample settled = sample(pid);
    printSample(QStringLiteral("5 s after the last request"), settled);
    // PSS counts every page once however many of the processes map it: the memory the service
    // takes from the machine. Summed VmRSS counts the libraries the server and its helpers share
    // once in each, so it is shown beside it, as an upper bound.
    out << "server peak memory with its " << settled.processes - 1 << " helper processes: PSS "
        << ProcStatus::mb(worst.pssKb) << " MB (sampled peak of the sum); VmRSS summed "
        << ProcStatus::mb(worst.rssKb) << " MB, each process's VmHWM summed " << ProcStatus::mb(settled.hwmKb)
        << " MB; target <= 200 MB: " << (worst.pssKb <= 200 * 1024 ? "met" : "MISSED") << " (by PSS)\n"
        << Qt::flush;
    backend.stop();
    return 0;
}
