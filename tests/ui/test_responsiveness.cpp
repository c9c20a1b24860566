// With the server answering after 3 seconds, the console's GUI thread keeps running: a 10 ms
// timer on it is never late by more than 100 ms while a search and a verification are under way.

#include "BackendClient.h"
#include "ConsoleHarness.h"
#include "DelayingProxy.h"
#include "MainWindow.h"
#include "ProfileTableModel.h"
#include "TestServer.h"
#include "VerificationPanel.h"

#include <QElapsedTimer>
#include <QLineEdit>
#include <QTest>
#include <QTimer>

using namespace vigil;
using namespace vigil::test;

namespace {
// Measures how late a fast repeating timer fires on the thread it lives on.
class LatenessProbe : public QObject
{
public:
    LatenessProbe()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(kIntervalMs);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.elapsed();
            m_worst = std::max(m_worst, now - m_last - kIntervalMs);
            m_last = now;
            ++m_ticks;
        });
    }
    void start()
    {
        m_clock.start();
        m_last = 0;
        m_timer.start();
    }
    qint64 worstLatenessMs() const { return m_worst; }
    int ticks() const { return m_ticks; }

private:
    static constexpr int kIntervalMs = 10;
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_worst = 0;
    int m_ticks = 0;
};
} // namespace

class TestResponsiveness : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    TestServer m_server;

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.createDemo(m_dir.filePath(QStringLiteral("data")), 30, &error), qPrintable(error));
        QVERIFY2(m_server.start(&error), qPrintable(error));
    }

    void cleanupTestCase() { m_server.stop(); }

    void guiThreadStaysOnTimeWithASlowServer()
    {
        ConsoleHarness console(m_server);
        MainWindow *window = console.signIn(QStringLiteral("tech1"));
        QVERIFY(window);

        DelayingProxy proxy(m_server.port(), 3000);
        const quint16 port = proxy.start();
        QVERIFY(port != 0);
        // Same certificate behind the proxy, so the pin still holds.
        console.controller()->client()->setServer(QUrl(QStringLiteral("https://127.0.0.1:%1").arg(port)));

        LatenessProbe probe;
        probe.start();
        QElapsedTimer waited;
        waited.start();
        window->searchBox()->setFocus();
        QTest::keyClicks(window->searchBox(), QStringLiteral("Jon Silvr"));
        QTRY_VERIFY_WITH_TIMEOUT(window->resultsModel()->rowCount() > 0, 20000);
        QVERIFY2(waited.elapsed() >= 3000, "the answer came before the proxy released the request");

        window->verifySelected();
        QTRY_COMPARE_WITH_TIMEOUT(window->verificationPanel()->state(), VerificationPanel::State::Questions,
                                  20000);

        QVERIFY(probe.ticks() > 300); // the probe really ran throughout (≥ 6 s at 10 ms)
        QVERIFY2(
                probe.worstLatenessMs() <= 100,
                qPrintable(QStringLiteral("a GUI-thread timer was %1 ms late").arg(probe.worstLatenessMs())));
        qInfo("worst GUI-thread timer lateness: %lld ms over %d ticks", probe.worstLatenessMs(),
              probe.ticks());
    }
};

QTEST_MAIN(TestResponsiveness)
#include "test_responsiveness.moc"
