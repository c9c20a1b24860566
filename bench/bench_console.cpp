// Console figures: cold start to the first painted window (the sign-in window), and resident
// memory after signing in and searching a backend of N profiles.
// Usage: bench_console [--data DIR | --profiles N] [--runs R]
//   --data DIR    serve a data folder made beforehand (bench_fill, or `vigil-server demo`)
//   --profiles N  otherwise make a demo of N profiles in a temporary folder (default 100,000)
//   --runs R      cold starts per variant (default 10)
//   --platform P  Qt platform for the console and this program (default offscreen; xcb needs a
//                 display, e.g. under `xvfb-run -a -s "-screen 0 1280x800x24"`)
#include "BackendClient.h"
#include "BenchArguments.h"
#include "BenchBackend.h"
#include "BenchConsole.h"
#include "MainWindow.h"
#include "ProcStatus.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <algorithm>

#include <malloc.h>

using namespace vigil;
using namespace vigil::bench;

namespace {
QTextStream out(stdout);

double median(QList<double> samples)
{
    if (samples.isEmpty())
        return -1;
    std::sort(samples.begin(), samples.end());
    return samples.at(samples.size() / 2);
}

// Starts the console `runs` times, each with a fresh settings folder, until its first paint.
void coldStart(int runs, const QStringList &arguments, const QString &label, const QString &platform)
{
    QList<double> wall;
    QList<double> inProcess;
    static const QRegularExpression pattern(QStringLiteral("painted (\\d+) ms after main"));
    for (int run = 0; run < runs; ++run) {
        QTemporaryDir settings;
        QProcess process;
        auto environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), platform);
        environment.insert(QStringLiteral("VIGIL_SETTINGS_DIR"), settings.path());
        environment.insert(QStringLiteral("VIGIL_STARTUP_PROBE"), QStringLiteral("1"));
        process.setProcessEnvironment(environment);
        QElapsedTimer timer;
        timer.start();
        process.start(QStringLiteral(VIGIL_CONSOLE_BIN),
                      QStringList{QStringLiteral("--lang"), QStringLiteral("en")} + arguments);
        process.waitForFinished(30000);
        wall.append(timer.nsecsElapsed() / 1e6);
        const auto match = pattern.match(QString::fromUtf8(process.readAllStandardOutput()));
        if (match.hasMatch())
            inProcess.append(match.captured(1).toDouble());
    }
    out << "console cold start to the painted sign-in window, " << label << ", " << runs << " runs ("
        << platform << "): median " << median(wall) << " ms wall (process start to exit after paint), max "
        << *std::max_element(wall.begin(), wall.end()) << " ms; median " << median(inProcess)
        << " ms from main()\n"
        << Qt::flush;
}

void memoryAfterSearch(const BenchBackend &backend)
{
    malloc_trim(0);
    ProcStatus before;
    BenchConsole console(backend);
    QString error;
    MainWindow *window = console.signIn(QStringLiteral("tech1"), &error);
    if (!window) {
        out << "sign-in failed: " << error << "\n" << Qt::flush;
        return;
    }
    QElapsedTimer searchTimer;
    searchTimer.start();
    const QString first = console.search(QStringLiteral("Jon Silvr"));
    const qint64 searchMs = searchTimer.elapsed();
    if (first.isEmpty()) {
        out << "the search \"Jon Silvr\" showed no result\n" << Qt::flush;
        return;
    }
    QTest::qWait(500); // let the window settle (paint, policy cache)
    ProcStatus after;
    out << "console resident memory after sign-in and a \"Jon Silvr\" search over " << backend.profileCount()
        << " profiles: VmRSS " << ProcStatus::mb(after.vmRssKb()) << " MB ("
        << ProcStatus::mb(before.vmRssKb()) << " MB before the console was created), VmHWM "
        << ProcStatus::mb(after.vmHwmKb()) << " MB; typed, debounced and answered in " << searchMs
        << " ms, first result " << first << "\n"
        << Qt::flush;
}
} // namespace

int main(int argc, char *argv[])
{
    const BenchArguments arguments = BenchArguments::fromMain(argc, argv);
    const QString platform = arguments.applyPlatform();
    qputenv("VIGIL_SERVER_BIN", VIGIL_SERVER_BIN_PATH);
    QApplication app(argc, argv);
    const int runs = arguments.intValue(QStringLiteral("--runs"), 10);

    coldStart(runs, {}, QStringLiteral("no server configured"), platform);

    BenchBackend backend;
    QString error;
    if (!backend.prepare(arguments.dataDir(), arguments.profiles(100000), &error) || !backend.start(&error)) {
        out << "cannot start the backend: " << error << "\n" << Qt::flush;
        return 1;
    }
    out << "backend: " << backend.profileCount() << " profiles in " << backend.dataDir();
    if (backend.demoSeconds() > 0)
        out << " (demo made in " << backend.demoSeconds() << " s)";
    out << "\n" << Qt::flush;

    // With a server and its pin given, the sign-in window also starts polling the server's health.
    const QString url = QStringLiteral("https://127.0.0.1:%1").arg(backend.server().port());
    coldStart(runs,
              {QStringLiteral("--server"), url, QStringLiteral("--pin"),
               BackendClient::formatFingerprint(backend.server().client().fingerprint())},
              QStringLiteral("server configured"), platform);
    memoryAfterSearch(backend);
    backend.stop();
    return 0;
}
