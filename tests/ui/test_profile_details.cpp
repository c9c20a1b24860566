// The profile after a pass: the grant's countdown closes the details when it ends, and a
// supervisor unblocks a locked profile after confirming through the dialog seam.

#include "ConsoleHarness.h"
#include "DialogSeam.h"
#include "MainWindow.h"
#include "ProfileDetailsPanel.h"
#include "ProfileTableModel.h"
#include "TestServer.h"
#include "VerificationPanel.h"

#include <QPushButton>
#include <QTest>

using namespace vigil;
using namespace vigil::test;

class TestProfileDetails : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(!TestServer::binary().isEmpty(), "VIGIL_SERVER_BIN is not set");
        QString error;
        QVERIFY2(m_server.createDemo(m_dir.filePath(QStringLiteral("data")), 20, &error), qPrintable(error));
        QVERIFY2(m_server.setPolicy({QStringLiteral("grant_seconds=3")}, &error), qPrintable(error));
        QVERIFY2(m_server.start(&error), qPrintable(error));
    }

    void cleanup()
    {
        DialogSeam::setTestAnswerer({});
        DialogSeam::takeAsked();
    }

    void cleanupTestCase() { m_server.stop(); }

    void grantExpiryClosesDetails()
    {
        ConsoleHarness console(m_server);
        MainWindow *window = console.signIn(QStringLiteral("tech1"));
        QVERIFY(window);
        QVERIFY(console.search(QStringLiteral("Jon Silvr"), QStringLiteral("John P. Silver")));
        window->verifyButton()->click();
        VerificationPanel *panel = window->verificationPanel();
        QTRY_COMPARE_WITH_TIMEOUT(panel->state(), VerificationPanel::State::Questions, 15000);
        QVERIFY(console.fillAnswers(m_server.answersOf(QStringLiteral("1"))));
        panel->submit();
        ProfileDetailsPanel *details = window->detailsPanel();
        QTRY_COMPARE_WITH_TIMEOUT(details->mode(), ProfileDetailsPanel::Mode::Details, 15000);
        QVERIFY2(details->countdownText().startsWith(QStringLiteral("Access ends in 00:0")),
                 qPrintable(details->countdownText()));
        QTRY_COMPARE_WITH_TIMEOUT(details->mode(), ProfileDetailsPanel::Mode::Ended, 10000);
        QVERIFY(!details->details().has_value());
        QVERIFY2(details->noteText().contains(QStringLiteral("has ended")), qPrintable(details->noteText()));
        QVERIFY(details->countdownText().isEmpty());
        QCOMPARE(panel->state(), VerificationPanel::State::Idle);
    }

    void supervisorUnblocksLockedProfile()
    {
        const QString id = QStringLiteral("2");
        lockThroughApi(id);
        const QString name = m_server.displayNameOf(id);

        ConsoleHarness console(m_server);
        MainWindow *window = console.signIn(QStringLiteral("super1"));
        QVERIFY(window);
        QVERIFY(console.search(name, name));
        QVERIFY(window->resultsModel()->profileAt(window->resultsModel()->rowOf(id)).locked);
        window->verifyButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(window->verificationPanel()->state(), VerificationPanel::State::Locked,
                                  15000);
        ProfileDetailsPanel *details = window->detailsPanel();
        QCOMPARE(details->mode(), ProfileDetailsPanel::Mode::Locked);
        auto *unblock = details->findChild<QPushButton *>(QStringLiteral("unblockButton"));
        QVERIFY(unblock->isVisible());
        QVERIFY(unblock->isEnabled());

        // Declined first: nothing happens.
        DialogSeam::setTestAnswerer([](const QString &, const QString &) { return QMessageBox::No; });
        unblock->click();
        QCOMPARE(DialogSeam::takeAsked().size(), 1); // asked at once; answered a moment later
        QTRY_VERIFY(unblock->isEnabled());
        QCOMPARE(details->mode(), ProfileDetailsPanel::Mode::Locked);

        DialogSeam::setTestAnswerer([](const QString &, const QString &) { return QMessageBox::Yes; });
        unblock->click();
        QTRY_COMPARE_WITH_TIMEOUT(details->mode(), ProfileDetailsPanel::Mode::Ended, 15000);
        const QStringList asked = DialogSeam::takeAsked();
        QCOMPARE(asked.size(), 1);
        QVERIFY2(asked.first().contains(name), qPrintable(asked.first()));
        QVERIFY2(details->noteText().contains(QStringLiteral("unblocked")), qPrintable(details->noteText()));
        QTRY_VERIFY_WITH_TIMEOUT(!window->resultsModel()->profileAt(window->resultsModel()->rowOf(id)).locked,
                                 15000);
        // The server agrees: a verification starts again.
        const QByteArray token = m_server.login(QStringLiteral("tech1"));
        QCOMPARE(m_server.client()
                         .postEmpty(QStringLiteral("/v1/profiles/%1/verifications").arg(id), token)
                         .status,
                 201);
    }

private:
    void lockThroughApi(const QString &id)
    {
        const QByteArray token = m_server.login(QStringLiteral("tech2"));
        QVERIFY(!token.isEmpty());
        for (int attempt = 0; attempt < 3; ++attempt) {
            const auto started = m_server.client().postEmpty(
                    QStringLiteral("/v1/profiles/%1/verifications").arg(id), token);
            QCOMPARE(started.status, 201);
            const QJsonObject body = answersBody(started.json.value(QStringLiteral("questions")).toArray(),
                                                 [](const QString &) { return QStringLiteral("wrong"); });
            const auto answered =
                    m_server.client().post(QStringLiteral("/v1/verifications/%1/answers")
                                                   .arg(started.json.value(QStringLiteral("id")).toString()),
                                           body, token);
            QVERIFY(answered.status == 200 || answered.status == 423);
        }
    }

    QTemporaryDir m_dir;
    TestServer m_server;
};

QTEST_MAIN(TestProfileDetails)
#include "test_profile_details.moc"
