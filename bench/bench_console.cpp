// Console figures: cold start to the first painted window (the sign-in window), and resident
// memory after signing in and searching a backend of N profiles (default 100,000).
// Usage: bench_console [profiles]
#include "ConsoleHarness.h"
#include "MainWindow.h"
#include "ProfileTableModel.h"
#include "TestServer.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <algorithm>

#include <malloc.h>

using namespace vigil;
using namespace vigil::test;

namespace {
QTextStream out(stdout);

qint64 statusKb(const char *field)
{
    QFile file(QStringLiteral("/proc/self/status"));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(qstrlen(field)).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

void coldStart()
{
    QList<double> wall;
    QList<double> inProcess;
    static const QRegularExpression pattern(QStringLiteral("painted (\\d+) ms after main"));
    for (int run = 0; run < 10; ++run) {
        QTemporaryDir settings;
        QProcess process;
        auto environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        environment.insert(QStringLiteral("VIGIL_SETTINGS_DIR"), settings.path());
        environment.insert(QStringLiteral("VIGIL_STARTUP_PROBE"), QStringLiteral("1"));
        process.setProcessEnvironment(environment);
        QElapsedTimer timer;
        timer.start();
        process.start(QStringLiteral(VIGIL_CONSOLE_BIN), {QStringLiteral("--lang"), QStringLiteral("en")});
        process.waitForFinished(30000);
        wall.append(timer.nsecsElapsed() / 1e6);
        const auto match = pattern.match(QString::fromUtf8(process.readAllStandardOutput()));
        if (match.hasMatch())
            inProcess.append(match.captured(1).toDouble());
    }
    std::sort(wall.begin(), wall.end());
    std::sort(inProcess.begin(), inProcess.end());
    out << "console cold start to the painted sign-in window, 10 runs (offscreen): median "
        << wall.at(wall.size() / 2) << " ms wall (process start to exit after paint), median "
        << (inProcess.isEmpty() ? -1 : inProcess.at(inProcess.size() / 2)) << " ms from main()\n"
        << Qt::flush;
}

void memoryAfterSearch(int profiles)
{
    QTemporaryDir dir;
    TestServer server;
    QString error;
    QElapsedTimer fill;
    fill.start();
    if (!server.createDemo(dir.filePath(QStringLiteral("data")), profiles, &error) || !server.start(&error)) {
        out << "cannot start a demo backend: " << error << "\n";
        return;
    }
    // The harness parsed demo-profiles.json; that memory is not the console's.
    server.forgetDemoProfiles();
    malloc_trim(0);
    const qint64 before = statusKb("VmRSS:");
    ConsoleHarness console(server);
    MainWindow *window = console.signIn(QStringLiteral("tech1"));
    if (!window || !console.search(QStringLiteral("Jon Silvr"), QStringLiteral("John P. Silver"))) {
        out << "sign-in or search failed\n";
        server.stop();
        return;
    }
    QTest::qWait(500); // let the window settle (paint, policy cache)
    out << "console resident memory after sign-in and a search over " << profiles << " profiles: VmRSS "
        << statusKb("VmRSS:") / 1024.0 << " MB (" << before / 1024.0 << " MB before the console), VmHWM "
        << statusKb("VmHWM:") / 1024.0 << " MB; backend filled in " << fill.elapsed() / 1000.0 << " s\n"
        << Qt::flush;
    server.stop();
}
} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    qputenv("VIGIL_SERVER_BIN", VIGIL_SERVER_BIN_PATH);
    QApplication app(argc, argv);
    const int profiles = app.arguments().size() > 1 ? app.arguments().at(1).toInt() : 100000;
    coldStart();
    memoryAfterSearch(profiles);
    return 0;
}
