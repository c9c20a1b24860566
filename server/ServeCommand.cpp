// `vigil-server serve`: the HTTPS backend. Part of ServerCommands.
#include "ActionApi.h"
#include "ApiRouter.h"
#include "Argon2Hasher.h"
#include "AuditLog.h"
#include "CommandSupport.h"
#include "HashHelpers.h"
#include "HttpFrontend.h"
#include "LockoutLedger.h"
#include "OutboxDeliverer.h"
#include "ServerCommands.h"
#include "ServerContext.h"
#include "StepUpOtpApi.h"
#include "TlsIdentity.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QScopeGuard>
#include <QSocketNotifier>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcServe, "vigil.server.serve")

namespace vigil {

using namespace CommandSupport;

namespace {

// At 19 MiB each, six checks at once keep a server within 200 MB on any machine; --hash-threads
// raises it where memory is plentiful.
constexpr int kDefaultMaxHashThreads = 6;
int g_signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    // Only async-signal-safe work here: the event loop picks the byte up.
    [[maybe_unused]] auto written = ::write(g_signalPipe[0], &byte, 1);
}

bool parseListen(const QString &text, QHostAddress *address, quint16 *port)
{
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0)
        return false;
    QString host = text.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const uint number = text.mid(colon + 1).toUInt(&ok);
    if (!ok || number > 65535 || !address->setAddress(host))
        return false;
    *port = static_cast<quint16>(number);
    return true;
}
} // namespace

int ServerCommands::serve(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption listenOption(
            QStringLiteral("listen"),
            QStringLiteral("Address and port (default 127.0.0.1:8443; port 0 picks one)."),
            QStringLiteral("ADDR:PORT"), QStringLiteral("127.0.0.1:8443"));
    const QCommandLineOption unlockOption(QStringLiteral("unlock-interval"),
                                          QStringLiteral("Seconds between runs of the in-process unlock job "
                                                         "(default 30; 0 turns it off)."),
                                          QStringLiteral("SECONDS"), QStringLiteral("30"));
    const QCommandLineOption outboxOption(QStringLiteral("outbox-interval"),
                                          QStringLiteral("Seconds between runs of the notification outbox "
                                                         "delivery (default 2; 0 turns it off)."),
                                          QStringLiteral("SECONDS"), QStringLiteral("2"));
    const QCommandLineOption otpTtlOption(
            QStringLiteral("otp-ttl"), QStringLiteral("Lifetime of a one-time step-up code (default 600)."),
            QStringLiteral("SECONDS"), QStringLiteral("600"));
    const QCommandLineOption workersOption(
            QStringLiteral("workers"),
            QStringLiteral("Request worker threads (default 0: twice the cores, at least 4)."),
            QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption hashThreadsOption(
            QStringLiteral("hash-threads"),
            QStringLiteral("argon2id checks (answers and sign-ins) run at once (default 0: one per "
                           "core, at most %1). Each holds 19 MiB while it runs.")
                    .arg(kDefaultMaxHashThreads),
            QStringLiteral("N"), QStringLiteral("0"));
    parser.addOptions(
            {listenOption, unlockOption, outboxOption, otpTtlOption, workersOption, hashThreadsOption});
    if (int code = parse(parser, arguments, QStringLiteral("Run the Vigil HTTPS backend.")); code >= 0)
        return code;
    QHostAddress address;
    quint16 port = 0;
    if (!parseListen(parser.value(listenOption), &address, &port)) {
        err() << "--listen takes ADDRESS:PORT, e.g. 127.0.0.1:8443 or [::1]:8443\n" << Qt::flush;
        return kUsage;
    }
    bool ok = false;
    const int unlockInterval = parser.value(unlockOption).toInt(&ok);
    if (!ok || unlockInterval < 0) {
        err() << "--unlock-interval takes a whole number of seconds\n" << Qt::flush;
        return kUsage;
    }
    const int outboxInterval = parser.value(outboxOption).toInt(&ok);
    if (!ok || outboxInterval < 0) {
        err() << "--outbox-interval takes a whole number of seconds\n" << Qt::flush;
        return kUsage;
    }
    const int otpTtl = parser.value(otpTtlOption).toInt(&ok);
    if (!ok || otpTtl < 1 || otpTtl > 3600) {
        err() << "--otp-ttl takes a whole number of seconds from 1 to 3600\n" << Qt::flush;
        return kUsage;
    }
    const int workers = parser.value(workersOption).toInt(&ok);
    if (!ok || workers < 0 || workers > 256) {
        err() << "--workers takes a whole number from 0 to 256\n" << Qt::flush;
        return kUsage;
    }
    const int hashThreads = parser.value(hashThreadsOption).toInt(&ok);
    if (!ok || hashThreads < 0 || hashThreads > 64) {
        err() << "--hash-threads takes a whole number from 0 to 64\n" << Qt::flush;
        return kUsage;
    }
    StepUpOtpApi::setCodeLifetime(otpTtl);
    // One bound for every argon2id check in the process: it caps what hashing adds to memory
    // (19 MiB each) however many sign-ins and answers arrive at once.
    Argon2Hasher::setConcurrencyLimit(
            hashThreads > 0 ? hashThreads
                            : std::clamp(QThread::idealThreadCount(), 1, kDefaultMaxHashThreads));
    auto context = openContext(parser.value(QStringLiteral("data")));
    if (!context)
        return kFailed;
    QString error;
    const auto identity = TlsIdentity::load(context->dataDirectory().certificatePath(),
                                            context->dataDirectory().certificateKeyPath(), &error);
    if (!identity) {
        err() << "vigil-server: " << error << "\n" << Qt::flush;
        return kFailed;
    }

    // argon2id checks run in helper processes (why: HashHelpers.h), as many as the bound lets run.
    HashHelpers hashHelpers(HashHelpers::locateProgram(QCoreApplication::applicationDirPath()));
    if (hashHelpers.program().isEmpty()) {
        qCWarning(lcServe) << "no" << HashHelpers::kProgramName
                           << "beside vigil-server or in ../libexec/vigil;"
                           << "argon2id checks run in-process";
    } else if (hashHelpers.start(Argon2Hasher::concurrencyLimit(), &error)) {
        Argon2Hasher::setDelegate([&hashHelpers](const QByteArray &encoded, QByteArrayView secret) {
            return hashHelpers.verify(encoded, secret);
        });
    } else {
        qCWarning(lcServe) << "argon2id helpers did not start; checking in-process:" << error;
    }
    const auto stopHelpers = qScopeGuard([] { Argon2Hasher::setDelegate({}); });

    ApiRouter router(*context);
    HttpFrontend frontend(router);
    frontend.setWorkerCount(workers);
    auto *tls = new GuardedSslServer(&frontend);
    tls->setSslConfiguration(identity->serverConfiguration());
    if (!tls->listen(address, port)) {
        err() << "vigil-server: cannot listen on " << parser.value(listenOption) << ": " << tls->errorString()
              << "\n"
              << Qt::flush;
        return kFailed;
    }
    frontend.bind(tls);
    {
        const QString listenHost = address.protocol() == QAbstractSocket::IPv6Protocol
                ? QLatin1Char('[') + address.toString() + QLatin1Char(']')
                : address.toString();
        ActionApi::setDefaultPublicUrl(
                QStringLiteral("https://%1:%2").arg(listenHost).arg(tls->serverPort()));
    }

    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) != 0) {
        err() << "vigil-server: cannot set up signal handling\n" << Qt::flush;
        return kFailed;
    }
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGTERM, &action, nullptr);
    sigaction(SIGINT, &action, nullptr);
    QSocketNotifier signalNotifier(g_signalPipe[1], QSocketNotifier::Read);
    QObject::connect(&signalNotifier, &QSocketNotifier::activated, &frontend, [&] {
        char byte = 0;
        [[maybe_unused]] auto readBytes = ::read(g_signalPipe[1], &byte, 1);
        signalNotifier.setEnabled(false);
        qCInfo(lcServe) << "stopping";
        tls->close();
        QCoreApplication::quit();
    });

    // The unlock job runs off the event loop; a run still going when the next is due is skipped.
    QTimer unlockTimer;
    std::atomic_bool unlockRunning = false;
    if (unlockInterval > 0) {
        QObject::connect(&unlockTimer, &QTimer::timeout, &frontend, [&] {
            if (unlockRunning.exchange(true))
                return;
            QThreadPool::globalInstance()->start([&] {
                LockoutLedger::unblockExpired(*context, QStringLiteral("system:unlock-job"));
                // Same cadence: escalations past their time expire, undo windows that passed apply.
                ActionApi::runDue(*context, QStringLiteral("system:action-job"));
                context->database().closeThreadConnection();
                unlockRunning = false;
            });
        });
        unlockTimer.start(unlockInterval * 1000);
    }
    // Outbox delivery likewise: off the event loop, never two runs at once in this process.
    QTimer outboxTimer;
    std::atomic_bool outboxRunning = false;
    OutboxDeliverer deliverer(*context);
    if (outboxInterval > 0) {
        QObject::connect(&outboxTimer, &QTimer::timeout, &frontend, [&] {
            if (outboxRunning.exchange(true))
                return;
            QThreadPool::globalInstance()->start([&] {
                deliverer.deliverDue();
                context->database().closeThreadConnection();
                outboxRunning = false;
            });
        });
        outboxTimer.start(outboxInterval * 1000);
    }

    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
            ? QLatin1Char('[') + address.toString() + QLatin1Char(']')
            : address.toString();
    qCInfo(lcServe).nospace() << frontend.workerCount() << " request workers; at most "
                              << Argon2Hasher::concurrencyLimit() << " argon2id checks at once, in "
                              << hashHelpers.pids().size() << " helper processes";
    out() << "vigil-server " << VIGIL_VERSION << " listening on https://" << host << ":" << tls->serverPort()
          << "\n"
          << "certificate SHA-256 fingerprint: " << identity->fingerprintText() << "\n"
          << Qt::flush;

    const int code = QCoreApplication::exec();
    unlockTimer.stop();
    outboxTimer.stop();
    frontend.drain();
    QThreadPool::globalInstance()->waitForDone();
    // A clean stop signs the head, so the last entries are covered by a checkpoint.
    {
        WriteTransaction tx(context->database());
        if (tx.isActive() && AuditLog::writeCheckpoint(tx.db(), context->auditKey()))
            tx.commit();
    }
    out() << "vigil-server stopped\n" << Qt::flush;
    ::close(g_signalPipe[0]);
    ::close(g_signalPipe[1]);
    return code;
}

} // namespace vigil
