// Verifying a caller against a real server: a pass opens the details, failures count down to a
// lock, and a profile without a secret word is explained instead of asked.

#include "ConsoleHarness.h"
#include "MainWindow.h"
#include "ProfileDetailsPanel.h"
#include "ProfileTableModel.h"
#include "TestServer.h"
#include "VerificationPanel.h"

#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTest>

using namespace vigil;
using namespace vigil::test;

class TestVerificationPanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(!TestServer::binary().isEmpty(), "VIGIL_SERVER_BIN is not set");
        QString error;
        QVERIFY2(m_server.createDemo(m_dir.filePath(QStringLiteral("data")), 30, &error), qPrintable(error));
        QVERIFY2(m_server.start(&error), qPrintable(error));
    }

    void cleanupTestCase() { m_server.stop(); }

    void passAndReadDetails()
    {
        ConsoleHarness console(m_server);
        MainWindow *window = console.signIn(QStringLiteral("tech1"));
        QVERIFY(window);
        QVERIFY(console.search(QStringLiteral("Jon Silvr"), QStringLiteral("John P. Silver")));
        // Enter on the selected result starts the verification.
        window->resultsView()->setFocus();
        QTest::keyClick(window->resultsView(), Qt::Key_Return);
        VerificationPanel *panel = window->verificationPanel();
        QTRY_COMPARE_WITH_TIMEOUT(panel->state(), VerificationPanel::State::Questions, 15000);
        QVERIFY(panel->askedFields().contains(QStringLiteral("secret")));
        QLineEdit *secret = panel->answerField(QStringLiteral("secret"));
        QCOMPARE(secret->echoMode(), QLineEdit::Password);
        QVERIFY(!secret->toolTip().isEmpty()); // the server's prompt
        QVERIFY(!secret->accessibleName().isEmpty());
        auto *reveal = panel->findChild<QAbstractButton *>(QStringLiteral("revealSecretButton"));
        QVERIFY(reveal);
        reveal->click();
        QCOMPARE(secret->echoMode(), QLineEdit::Normal);
        reveal->click();
        QCOMPARE(secret->echoMode(), QLineEdit::Password);

        QVERIFY(console.fillAnswers(m_server.answersOf(QStringLiteral("1"))));
        const QStringList fields = panel->askedFields();
        QLineEdit *last = panel->answerField(fields.last());
        QTest::keyClick(last, Qt::Key_Return);
        // Handed over: the form is empty at once, before the server has answered.
        for (const QString &field : fields)
            QVERIFY(panel->answerField(field) == nullptr || panel->answerField(field)->text().isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(panel->state(), VerificationPanel::State::Passed, 15000);
        QVERIFY(panel->statusText().contains(QStringLiteral("Passed")));

        ProfileDetailsPanel *details = window->detailsPanel();
        QTRY_COMPARE_WITH_TIMEOUT(details->mode(), ProfileDetailsPanel::Mode::Details, 15000);
        QCOMPARE(details->details()->displayName, QStringLiteral("John P. Silver"));
        QCOMPARE(details->details()->username, QStringLiteral("jsilver"));
        QVERIFY2(details->countdownText().startsWith(QStringLiteral("Access ends in 1")),
                 qPrintable(details->countdownText()));
        const QString before = details->countdownText();
        QTRY_VERIFY_WITH_TIMEOUT(details->countdownText() != before, 3000); // it ticks
    }

    void failUntilLocked()
    {
        ConsoleHarness console(m_server);
        MainWindow *window = console.signIn(QStringLiteral("tech2"));
        QVERIFY(window);
        const QString name = m_server.displayNameOf(QStringLiteral("3"));
        QVERIFY(console.search(name, name));
        VerificationPanel *panel = window->verificationPanel();
        for (int attempt = 1; attempt <= 3; ++attempt) {
            if (attempt == 1)
                window->verifyButton()->click();
            else
                panel->findChild<QPushButton *>(QStringLiteral("newQuestionsButton"))->click();
            QTRY_COMPARE_WITH_TIMEOUT(panel->state(), VerificationPanel::State::Questions, 15000);
            QVERIFY(console.fillAnswers({}, true));
            panel->findChild<QPushButton *>(QStringLiteral("submitAnswersButton"))->click();
            if (attempt < 3) {
                QTRY_COMPARE_WITH_TIMEOUT(panel->state(), VerificationPanel::State::Failed, 15000);
                QVERIFY2(panel->statusText().contains(QStringLiteral("%1 attempt").arg(3 - attempt)),
                         qPrintable(panel->statusText()));
            }
        }
        QTRY_COMPARE_WITH_TIMEOUT(panel->state(), VerificationPanel::State::Locked, 15000);
        QVERIFY2(panel->statusText().contains(QStringLiteral("Locked until")),
                 qPrintable(panel->statusText()));
        // The row shows it too, and a technician gets no unblock button.
        const int row = window->resultsModel()->rowOf(QStringLiteral("3"));
        QVERIFY(row >= 0);
        QVERIFY(window->resultsModel()->profileAt(row).locked);
        QCOMPARE(window->detailsPanel()->mode(), ProfileDetailsPanel::Mode::Locked);
        QVERIFY(!window->detailsPanel()
                         ->findChild<QPushButton *>(QStringLiteral("unblockButton"))
                         ->isVisible());

        // A new attempt on the locked profile is refused at once.
        window->verifyButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(panel->state(), VerificationPanel::State::Locked, 15000);
    }

    void escCancels()
    {
        ConsoleHarness console(m_server);
        MainWindow *window = console.signIn(QStringLiteral("tech1"));
        QVERIFY(window);
        const QString name = m_server.displayNameOf(QStringLiteral("4"));
        QVERIFY(console.search(name, name));
        window->verifyButton()->click();
        VerificationPanel *panel = window->verificationPanel();
        QTRY_COMPARE_WITH_TIMEOUT(panel->state(), VerificationPanel::State::Questions, 15000);
        QLineEdit *first = panel->answerField(panel->askedFields().first());
        first->setFocus();
        QTest::keyClicks(first, QStringLiteral("something"));
        QTest::keyClick(first, Qt::Key_Escape);
        QTRY_COMPARE(panel->state(), VerificationPanel::State::Idle);
    }

    void profileWithoutSecretIsExplained()
    {
        const QStringList withoutSecret = m_server.profileIds(
                [](const QJsonObject &answers) { return !answers.contains(QStringLiteral("secret")); });
        QVERIFY(!withoutSecret.isEmpty());
        const QString name = m_server.displayNameOf(withoutSecret.first());
        ConsoleHarness console(m_server);
        MainWindow *window = console.signIn(QStringLiteral("tech1"));
        QVERIFY(window);
        QVERIFY(console.search(name, name));
        const int row = window->resultsModel()->rowOf(withoutSecret.first());
        QCOMPARE(window->resultsModel()
                         ->data(window->resultsModel()->index(row, ProfileTableModel::SecretSet))
                         .toString(),
                 QStringLiteral("Missing"));
        window->verifyButton()->click();
        VerificationPanel *panel = window->verificationPanel();
        QTRY_COMPARE(panel->state(), VerificationPanel::State::NoSecret);
        QVERIFY(panel->askedFields().isEmpty());
        QVERIFY2(panel->statusText().contains(QStringLiteral("self-service portal")),
                 qPrintable(panel->statusText()));
        QVERIFY(panel->statusText().contains(QStringLiteral("administrator")));

        // Stale search results (has_secret still true): the server's 409 gives the same explanation.
        ProfileSummary stale = window->resultsModel()->profileAt(row);
        stale.hasSecret = true;
        panel->start(stale);
        QTRY_COMPARE_WITH_TIMEOUT(panel->state(), VerificationPanel::State::NoSecret, 15000);
        QVERIFY(panel->statusText().contains(QStringLiteral("self-service portal")));
    }

private:
    QTemporaryDir m_dir;
    TestServer m_server;
};

QTEST_MAIN(TestVerificationPanel)
#include "test_verification_panel.moc"
