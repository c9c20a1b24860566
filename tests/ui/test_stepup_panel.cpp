// Stronger proof after a pass, against a real server: a wrong TOTP code counts as a failure, the
// right one raises the level to 2, and approval on the user's device (the real vigil-device CLI
// answering with the number the panel shows) raises it to 3. Closing the details stops the polling.

#include "ConsoleHarness.h"
#include "LanguageManager.h"
#include "MainWindow.h"
#include "ProfileDetailsPanel.h"
#include "ProfileTableModel.h"
#include "StepUpPanel.h"
#include "TestServer.h"
#include "Totp.h"
#include "VerificationPanel.h"

#include <QDateTime>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QTest>
#include <QTimer>

using namespace vigil;
using namespace vigil::test;

class TestStepUpPanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase() { m_server.stop(); }
    void totpThenDeviceApproval();
    void closingStopsPolling();
    void lockByStepUpShowsTheLockedProfile(); // last: it locks profile 1

private:
    CommandResult device(const QStringList &arguments) const;
    QStringList connection() const;
    // Signs `username` in and passes a verification of John P. Silver (profile 1).
    StepUpPanel *passVerification(ConsoleHarness &console, const QString &username, MainWindow **window);
    // When VIGIL_SHOTS_DIR is set, saves the panel there (for looking at it, not for comparing).
    void shoot(QWidget *widget, const QString &name) const;

    QTemporaryDir m_dir;
    TestServer m_server;
    QByteArray m_totpSecret;
    QString m_keyPath;
    QString m_deviceId;
};

void TestStepUpPanel::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(!TestServer::binary().isEmpty(), "VIGIL_SERVER_BIN is not set");
    QString error;
    QVERIFY2(m_server.createDemo(m_dir.filePath(QStringLiteral("data")), 30, &error), qPrintable(error));

    const auto totp = m_server.cli({QStringLiteral("totp"), QStringLiteral("enroll"),
                                    QStringLiteral("--profile"), QStringLiteral("1")});
    QVERIFY2(totp.finished && totp.exitCode == 0, totp.output().constData());
    static const QRegularExpression secretLine(QStringLiteral("Secret \\(base32\\): ([A-Z2-7=]+)"));
    const auto secretMatch = secretLine.match(QString::fromUtf8(totp.out));
    QVERIFY2(secretMatch.hasMatch(), totp.out.constData());
    const auto secret = Totp::base32Decode(secretMatch.captured(1));
    QVERIFY(secret && !secret->isEmpty());
    m_totpSecret = *secret;

    m_keyPath = m_dir.filePath(QStringLiteral("phone.key"));
    const auto init = device({QStringLiteral("init"), QStringLiteral("--key"), m_keyPath});
    QVERIFY2(init.finished && init.exitCode == 0, init.output().constData());
    const auto enrolled = m_server.cli(
            {QStringLiteral("device"), QStringLiteral("enroll"), QStringLiteral("--profile"),
             QStringLiteral("1"), QStringLiteral("--public-key"), QString::fromLatin1(init.out.trimmed()),
             QStringLiteral("--name"), QStringLiteral("John's phone")});
    QVERIFY2(enrolled.finished && enrolled.exitCode == 0, enrolled.output().constData());
    static const QRegularExpression idLine(QStringLiteral("Device enrolled: ([0-9a-f]+)"));
    const auto idMatch = idLine.match(QString::fromUtf8(enrolled.out));
    QVERIFY(idMatch.hasMatch());
    m_deviceId = idMatch.captured(1);

    QVERIFY2(m_server.start(&error), qPrintable(error));
}

void TestStepUpPanel::totpThenDeviceApproval()
{
    ConsoleHarness console(m_server);
    MainWindow *window = nullptr;
    StepUpPanel *panel = passVerification(console, QStringLiteral("tech1"), &window);
    QVERIFY(panel);
    QCOMPARE(panel->title(), QStringLiteral("Stronger proof"));
    QCOMPARE(panel->levelText(), QStringLiteral("Level 1: questions passed"));
    shoot(panel, QStringLiteral("stepup-1-choices"));
    shoot(window, QStringLiteral("stepup-0-window"));

    auto *totpButton = panel->findChild<QPushButton *>(QStringLiteral("stepUpTotpButton"));
    QVERIFY(totpButton && totpButton->isVisible());
    QCOMPARE(totpButton->text(), QStringLiteral("Caller reads TOTP code"));
    totpButton->click();
    QCOMPARE(panel->state(), StepUpPanel::State::EnteringCode);
    auto *codeEdit = panel->findChild<QLineEdit *>(QStringLiteral("stepUpCodeEdit"));
    QVERIFY(codeEdit && codeEdit->isVisible());

    // A wrong code: one no step within the accepted window produces.
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const qint64 step = Totp::stepAt(now);
    QString wrong;
    for (qint64 candidate = step + 10; wrong.isEmpty(); ++candidate) {
        const QString code = Totp::codeForStep(m_totpSecret, candidate);
        bool accepted = false;
        for (qint64 near = step - 2; near <= step + 2; ++near)
            accepted = accepted || Totp::codeForStep(m_totpSecret, near) == code;
        if (!accepted)
            wrong = code;
    }
    codeEdit->setFocus();
    QTest::keyClicks(codeEdit, wrong);
    QTest::keyClick(codeEdit, Qt::Key_Return);
    QVERIFY(codeEdit->text().isEmpty()); // handed over: the field is empty at once
    QTRY_COMPARE_WITH_TIMEOUT(panel->outcome(), StepUpPanel::Outcome::Failed, 15000);
    QVERIFY(panel->attemptsRemaining() > 0);
    QVERIFY2(panel->statusText().contains(QStringLiteral("failed")), qPrintable(panel->statusText()));
    QVERIFY2(panel->statusText().contains(QStringLiteral("Attempts remaining before the profile locks: %1")
                                                  .arg(panel->attemptsRemaining())),
             qPrintable(panel->statusText()));
    QCOMPARE(panel->level(), 1);
    QCOMPARE(panel->state(), StepUpPanel::State::EnteringCode);
    shoot(panel, QStringLiteral("stepup-2-failed"));

    // The right code.
    QTest::keyClicks(codeEdit, Totp::code(m_totpSecret, QDateTime::currentSecsSinceEpoch()));
    QTest::keyClick(codeEdit, Qt::Key_Return);
    QVERIFY(codeEdit->text().isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(panel->level(), 2, 15000);
    QCOMPARE(panel->outcome(), StepUpPanel::Outcome::Passed);
    QCOMPARE(panel->levelText(), QStringLiteral("Level 2: code confirmed"));
    QCOMPARE(panel->findChild<QLabel *>(QStringLiteral("stepUpLevel"))->text(),
             QStringLiteral("Level 2: code confirmed"));
    QCOMPARE(window->detailsPanel()->details()->level, 2);
    QVERIFY(!totpButton->isVisible()); // a code cannot raise it further
    shoot(panel, QStringLiteral("stepup-3-level2"));

    // Approval on the device: the caller enters the number the panel shows.
    auto *deviceButton = panel->findChild<QPushButton *>(QStringLiteral("stepUpDeviceButton"));
    QVERIFY(deviceButton && deviceButton->isVisible());
    deviceButton->click();
    QTRY_COMPARE_WITH_TIMEOUT(panel->state(), StepUpPanel::State::WaitingForDevice, 15000);
    const QString number = panel->deviceNumber();
    QCOMPARE(number.size(), 2);
    auto *numberLabel = panel->findChild<QLabel *>(QStringLiteral("stepUpNumber"));
    QVERIFY(numberLabel->isVisible());
    QCOMPARE(numberLabel->text(), number);
    QVERIFY(numberLabel->font().pointSizeF() > panel->font().pointSizeF() * 2);
    const QString instruction = panel->findChild<QLabel *>(QStringLiteral("stepUpInstruction"))->text();
    QVERIFY2(
            instruction.contains(
                    QStringLiteral("Ask the caller to enter %1 in the Vigil app on their phone").arg(number)),
            qPrintable(instruction));
    shoot(panel, QStringLiteral("stepup-4-device"));

    const auto pending = device(QStringList{QStringLiteral("pending")} + connection());
    QVERIFY2(pending.finished && pending.exitCode == 0, pending.output().constData());
    const QString challengeId = QString::fromUtf8(pending.out).section(QLatin1Char('\t'), 0, 0).trimmed();
    QVERIFY2(!challengeId.isEmpty() && !challengeId.contains(QLatin1Char(' ')), pending.out.constData());
    // Still waiting: nothing was answered yet.
    QTest::qWait(1500);
    QCOMPARE(panel->state(), StepUpPanel::State::WaitingForDevice);

    const auto responded = device(QStringList{QStringLiteral("respond"), QStringLiteral("--key"), m_keyPath,
                                              QStringLiteral("--challenge"), challengeId,
                                              QStringLiteral("--approve"), QStringLiteral("--number"), number}
                                  + connection());
    QVERIFY2(responded.finished && responded.exitCode == 0, responded.output().constData());
    QTRY_COMPARE_WITH_TIMEOUT(panel->level(), 3, 15000);
    QCOMPARE(panel->outcome(), StepUpPanel::Outcome::Approved);
    QCOMPARE(panel->levelText(), QStringLiteral("Level 3: approved on the user's device"));
    QVERIFY(panel->deviceNumber().isEmpty());
    QVERIFY(!numberLabel->isVisible());
    QVERIFY(!deviceButton->isVisible());
    shoot(panel, QStringLiteral("stepup-5-level3"));

    // A language switch retranslates the panel in place, the result included.
    LanguageManager languages;
    QVERIFY(languages.apply(QStringLiteral("de")));
    QTRY_COMPARE(panel->title(), QStringLiteral("Stärkerer Nachweis"));
    QCOMPARE(panel->findChild<QLabel *>(QStringLiteral("stepUpLevel"))->text(),
             QStringLiteral("Stufe 3: auf dem Gerät des Benutzers bestätigt"));
    QCOMPARE(panel->statusText(), QStringLiteral("Bestätigt auf „John's phone“."));
    shoot(panel, QStringLiteral("stepup-6-de"));
    QVERIFY(languages.apply(QStringLiteral("en")));
    QTRY_COMPARE(panel->title(), QStringLiteral("Stronger proof"));
}

void TestStepUpPanel::closingStopsPolling()
{
    ConsoleHarness console(m_server);
    MainWindow *window = nullptr;
    StepUpPanel *panel = passVerification(console, QStringLiteral("tech2"), &window);
    QVERIFY(panel);
    panel->findChild<QPushButton *>(QStringLiteral("stepUpDeviceButton"))->click();
    QTRY_COMPARE_WITH_TIMEOUT(panel->state(), StepUpPanel::State::WaitingForDevice, 15000);
    auto *pollTimer = panel->findChild<QTimer *>();
    QVERIFY(pollTimer && pollTimer->isActive());

    window->detailsPanel()->findChild<QPushButton *>(QStringLiteral("closeDetailsButton"))->click();
    QCOMPARE(window->detailsPanel()->mode(), ProfileDetailsPanel::Mode::Hidden);
    QCOMPARE(panel->state(), StepUpPanel::State::Hidden);
    QVERIFY(!pollTimer->isActive());
    QVERIFY(panel->deviceNumber().isEmpty());
}

void TestStepUpPanel::lockByStepUpShowsTheLockedProfile()
{
    ConsoleHarness console(m_server);
    MainWindow *window = nullptr;
    // Not tech1: its level-3 grant from the first test is still live, and the details show an
    // agent's best live grant, so a new pass would open at level 3 with no code to enter.
    StepUpPanel *panel = passVerification(console, QStringLiteral("tech2"), &window);
    QVERIFY(panel);
    QCOMPARE(panel->level(), 1);
    panel->findChild<QPushButton *>(QStringLiteral("stepUpTotpButton"))->click();
    auto *codeEdit = panel->findChild<QLineEdit *>(QStringLiteral("stepUpCodeEdit"));
    QVERIFY(codeEdit);
    // Wrong codes until the shared lockout ledger locks the profile (3 by default): two failures
    // count down, the third locks.
    for (int attempt = 0; attempt < 3; ++attempt) {
        QTest::keyClicks(codeEdit, QStringLiteral("000000"));
        QTest::keyClick(codeEdit, Qt::Key_Return);
        if (attempt < 2)
            QTRY_COMPARE_WITH_TIMEOUT(panel->attemptsRemaining(), 2 - attempt, 15000);
    }
    // The whole window follows: the details show the lock and the result row is marked locked.
    QTRY_COMPARE_WITH_TIMEOUT(window->detailsPanel()->mode(), ProfileDetailsPanel::Mode::Locked, 15000);
    QVERIFY(window->resultsModel()->profileAt(0).locked);
}

StepUpPanel *TestStepUpPanel::passVerification(ConsoleHarness &console, const QString &username,
                                               MainWindow **window)
{
    *window = console.signIn(username);
    if (!*window || !console.search(QStringLiteral("Jon Silvr"), QStringLiteral("John P. Silver")))
        return nullptr;
    (*window)->verifyButton()->click();
    VerificationPanel *verification = (*window)->verificationPanel();
    if (!QTest::qWaitFor([&] { return verification->state() == VerificationPanel::State::Questions; }, 15000)
        || !console.fillAnswers(m_server.answersOf(QStringLiteral("1"))))
        return nullptr;
    verification->findChild<QPushButton *>(QStringLiteral("submitAnswersButton"))->click();
    ProfileDetailsPanel *details = (*window)->detailsPanel();
    StepUpPanel *panel = details->stepUpPanel();
    if (!QTest::qWaitFor([&] { return panel->state() == StepUpPanel::State::Choosing; }, 15000))
        return nullptr;
    return panel->isVisible() && details->mode() == ProfileDetailsPanel::Mode::Details ? panel : nullptr;
}

CommandResult TestStepUpPanel::device(const QStringList &arguments) const
{
    CommandResult result;
    QProcess process;
    process.start(QStringLiteral(VIGIL_DEVICE_BIN), arguments);
    if (!process.waitForStarted(10000) || !process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished(5000);
        return result;
    }
    result.finished = process.exitStatus() == QProcess::NormalExit;
    result.exitCode = process.exitCode();
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

QStringList TestStepUpPanel::connection() const
{
    return {QStringLiteral("--server"), QStringLiteral("https://127.0.0.1:%1").arg(m_server.port()),
            QStringLiteral("--pin"),    QString::fromLatin1(m_server.client().fingerprint().toHex()),
            QStringLiteral("--device"), m_deviceId};
}

void TestStepUpPanel::shoot(QWidget *widget, const QString &name) const
{
    const QString dir = qEnvironmentVariable("VIGIL_SHOTS_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    QTest::qWait(50); // let pending layout requests settle first
    widget->grab().save(QDir(dir).filePath(name + QStringLiteral(".png")));
}

QTEST_MAIN(TestStepUpPanel)
#include "test_stepup_panel.moc"
