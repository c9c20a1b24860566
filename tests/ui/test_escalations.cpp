// Actions and escalations end to end, two consoles against one real server: a technician passes
// a verification, steps up with the caller's TOTP code and requests a password reset, which waits
// for approval; a supervisor's console is notified of the new escalation, asks for the
// supervisor's own TOTP second factor (a wrong code first; then, after the server said the
// session lacks it, the right one) and approves; the
// technician's "My requests" then shows it done. A supervisor can never approve what it
// requested itself, and unfreezes a frozen profile after confirming it with the second factor.

#include "ActionRequestPanel.h"
#include "ActionTableModel.h"
#include "ConsoleHarness.h"
#include "DataDirectory.h"
#include "DialogSeam.h"
#include "EscalationQueue.h"
#include "MainWindow.h"
#include "MyRequestsPanel.h"
#include "ProfileDetailsPanel.h"
#include "ProfileTableModel.h"
#include "SecondFactorGate.h"
#include "StepUpPanel.h"
#include "TestServer.h"
#include "Totp.h"
#include "VerificationPanel.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTableView>
#include <QTest>

using namespace vigil;
using namespace vigil::test;

class TestEscalations : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void cleanupTestCase() { m_server.stop(); }
    void technicianRequestSupervisorApproves();
    void supervisorCannotApproveOwnRequest();
    void supervisorUnfreezesFrozenProfile();

private:
    // Sets or clears profiles.frozen_at behind the server's back (as a revert link would set it).
    bool setFrozenInDatabase(const QString &profileId, bool frozen);
    QByteArray enrollTotp(const QStringList &owner);
    // Signs `username` in, passes a verification of John P. Silver (profile 1) and steps up to
    // level 2 with the caller's TOTP code, all through the window.
    MainWindow *verifyAndStepUp(ConsoleHarness &console, const QString &username);
    // A TOTP code of `secret` for a time step nobody has used yet (a step is accepted once).
    QString freshCode(const QByteArray &secret, qint64 *lastStep);
    void shoot(QWidget *widget, const QString &name) const;

    QTemporaryDir m_dir;
    TestServer m_server;
    QByteArray m_profileSecret;
    QByteArray m_profile2Secret;
    QByteArray m_supervisorSecret;
    QByteArray m_supervisor2Secret;
    qint64 m_lastProfileStep = -1;
    qint64 m_lastSupervisorStep = -1;
    qint64 m_lastSupervisor2Step = -1;
};

void TestEscalations::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(!TestServer::binary().isEmpty(), "VIGIL_SERVER_BIN is not set");
    QString error;
    QVERIFY2(m_server.createDemo(m_dir.filePath(QStringLiteral("data")), 30, &error), qPrintable(error));
    m_profileSecret = enrollTotp({QStringLiteral("--profile"), QStringLiteral("1")});
    QVERIFY(!m_profileSecret.isEmpty());
    m_profile2Secret = enrollTotp({QStringLiteral("--profile"), QStringLiteral("2")});
    QVERIFY(!m_profile2Secret.isEmpty());
    m_supervisorSecret = enrollTotp({QStringLiteral("--agent"), QStringLiteral("super1")});
    QVERIFY(!m_supervisorSecret.isEmpty());
    m_supervisor2Secret = enrollTotp({QStringLiteral("--agent"), QStringLiteral("super2")});
    QVERIFY(!m_supervisor2Secret.isEmpty());
    QVERIFY2(m_server.start(&error), qPrintable(error));
}

void TestEscalations::cleanup()
{
    DialogSeam::setTestAnswerer({});
    DialogSeam::setTestTextAnswerer({});
    DialogSeam::takeAsked();
}

void TestEscalations::technicianRequestSupervisorApproves()
{
    // The technician: verify, step up, request a password reset.
    ConsoleHarness technician(m_server);
    MainWindow *techWindow = verifyAndStepUp(technician, QStringLiteral("tech1"));
    QVERIFY(techWindow);
    ActionRequestPanel *request = techWindow->detailsPanel()->actionPanel();
    QVERIFY(request->isVisible());
    QCOMPARE(request->level(), 2);
    request->findChild<QComboBox *>(QStringLiteral("actionCombo"))->setFocus();
    request->selectAction(QStringLiteral("reset_password"));
    // The catalog comes from the signed policy the console cached after sign-in.
    QTRY_VERIFY2_WITH_TIMEOUT(
            request->requirementText().contains(QStringLiteral("Needs assurance level 2 and "
                                                               "approval by 1 supervisor")),
            qPrintable(request->requirementText()), 15000);
    QVERIFY2(request->requirementText().contains(QStringLiteral("level 2: enough")),
             qPrintable(request->requirementText()));
    auto *requestButton = request->findChild<QPushButton *>(QStringLiteral("requestActionButton"));
    QVERIFY(!requestButton->isEnabled());
    QTest::keyClicks(request->findChild<QLineEdit *>(QStringLiteral("actionReasonEdit")),
                     QStringLiteral("caller locked out after holiday"));
    QTest::keyClicks(request->findChild<QLineEdit *>(QStringLiteral("actionTicketEdit")),
                     QStringLiteral("INC-4711"));
    QVERIFY(requestButton->isEnabled());
    MyRequestsPanel *mine = techWindow->myRequestsPanel();
    QVERIFY(mine->isVisible());
    QVERIFY(mine->isPolling());
    mine->setPollInterval(300);
    requestButton->click();
    QTRY_COMPARE_WITH_TIMEOUT(request->outcome(), ActionRequestPanel::Outcome::AwaitingApproval, 15000);
    QVERIFY2(request->resultText().startsWith(QStringLiteral("Awaiting approval")),
             qPrintable(request->resultText()));
    QVERIFY(request->lastAction());
    const QString actionId = request->lastAction()->id;
    shoot(techWindow, QStringLiteral("escalation-0-requested"));

    // It shows under "My requests" as awaiting approval.
    ActionTableModel *mineModel = mine->model();
    QTRY_VERIFY_WITH_TIMEOUT(mineModel->rowOf(actionId) >= 0, 15000);
    int row = mineModel->rowOf(actionId);
    QCOMPARE(mineModel->data(mineModel->index(row, ActionTableModel::StateColumn)).toString(),
             QStringLiteral("Awaiting approval (0 of 1)"));
    QCOMPARE(mineModel->data(mineModel->index(row, ActionTableModel::TicketColumn)).toString(),
             QStringLiteral("INC-4711"));
    QCOMPARE(mineModel->data(mineModel->index(row, ActionTableModel::ProfileColumn)).toString(),
             QStringLiteral("John P. Silver"));

    // Asking again while it waits is refused with the server's reason.
    QTest::keyClicks(request->findChild<QLineEdit *>(QStringLiteral("actionReasonEdit")),
                     QStringLiteral("again"));
    requestButton->click();
    QTRY_COMPARE_WITH_TIMEOUT(request->outcome(), ActionRequestPanel::Outcome::Refused, 15000);
    QCOMPARE(request->errorCode(), QStringLiteral("action_pending"));

    // The supervisor: a second console; the queue is polled from sign-in on.
    ConsoleHarness supervisor(m_server);
    std::unique_ptr<QSignalSpy> fresh;
    std::unique_ptr<QSignalSpy> notified;
    connect(supervisor.controller(), &ConsoleController::signedIn, this, [&] {
        EscalationQueue *queue = supervisor.controller()->mainWindow()->escalationQueue();
        queue->setPollInterval(300);
        fresh = std::make_unique<QSignalSpy>(queue, &EscalationQueue::newEscalations);
        notified = std::make_unique<QSignalSpy>(queue, &EscalationQueue::notified);
    });
    MainWindow *supWindow = supervisor.signIn(QStringLiteral("super1"));
    QVERIFY(supWindow);
    QVERIFY(supWindow->escalationQueueAction()->isVisible());
    EscalationQueue *queue = supWindow->escalationQueue();
    QVERIFY(queue);
    QVERIFY(!queue->isVisible());
    QVERIFY(fresh && notified);
    QTRY_VERIFY_WITH_TIMEOUT(fresh->count() >= 1, 15000);
    const auto freshActions = fresh->first().first().value<QList<ActionInfo>>();
    QVERIFY(std::any_of(freshActions.begin(), freshActions.end(),
                        [&](const ActionInfo &a) { return a.id == actionId; }));
    QTRY_VERIFY(notified->count() >= 1);
    QVERIFY2(notified->first().at(1).toString().contains(QStringLiteral("INC-4711")),
             qPrintable(notified->first().at(1).toString()));
    // Offscreen there is no system tray: the window itself says so.
    QCOMPARE(notified->first().at(2).toBool(), false);
    QVERIFY2(supWindow->escalationNotice().startsWith(QStringLiteral("New escalations waiting: 1")),
             qPrintable(supWindow->escalationNotice()));
    // Seen once, notified once: later polls stay quiet.
    QTest::qWait(1000);
    QCOMPARE(fresh->count(), 1);

    supWindow->escalationQueueAction()->trigger();
    QVERIFY(QTest::qWaitForWindowExposed(queue));
    QVERIFY(supWindow->escalationNotice().isEmpty());
    QVERIFY(queue->selectAction(actionId));
    const QString evidence = queue->evidenceText();
    for (const QString &expected :
         {QStringLiteral("Reset password"), QStringLiteral("John P. Silver"), QStringLiteral("INC-4711"),
          QStringLiteral("caller locked out after holiday"), QStringLiteral("Tess Technician (tech1)"),
          QStringLiteral("TOTP read-out"), QStringLiteral("0 of 1"),
          QStringLiteral("HELPDESK_UNLOCK_ATTEMPT")})
        QVERIFY2(evidence.contains(expected), qPrintable(expected + QStringLiteral(" not in:\n") + evidence));
    QVERIFY(queue->selectedAction()->canApprove);
    QVERIFY(queue->hintText().isEmpty());
    QVERIFY(!queue->approveButton()->isEnabled()); // a reason first
    QTest::keyClicks(queue->reasonEdit(), QStringLiteral("ticket checked with the caller's manager"));
    QVERIFY(queue->approveButton()->isEnabled());
    QVERIFY(queue->denyButton()->isEnabled());
    shoot(queue, QStringLiteral("escalation-1-queue"));

    // The session has no second factor yet: a wrong code is refused and nothing is approved.
    QVERIFY(!supervisor.controller()->secondFactor()->isVerified());
    QVERIFY(supervisor.controller()->secondFactor()->isEnrolled());
    const qint64 step = Totp::stepAt(QDateTime::currentSecsSinceEpoch());
    QString wrong;
    for (qint64 candidate = step + 10; wrong.isEmpty(); ++candidate) {
        const QString code = Totp::codeForStep(m_supervisorSecret, candidate);
        bool nearNow = false;
        for (qint64 near = step - 2; near <= step + 2; ++near)
            nearNow = nearNow || Totp::codeForStep(m_supervisorSecret, near) == code;
        if (!nearNow)
            wrong = code;
    }
    DialogSeam::setTestTextAnswerer([wrong](const QString &, const QString &) { return wrong; });
    queue->approveButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(queue->decision(), EscalationQueue::Decision::Error, 15000);
    QVERIFY2(queue->decisionText().contains(QStringLiteral("not right")), qPrintable(queue->decisionText()));
    QStringList asked = DialogSeam::takeAsked();
    QCOMPARE(asked.size(), 1);
    QVERIFY2(asked.first().startsWith(QStringLiteral("Confirm it is you")), qPrintable(asked.first()));
    QVERIFY(!supervisor.controller()->secondFactor()->isVerified());
    QVERIFY(queue->approveButton()->isEnabled()); // the reason is kept for the next try

    // The console believes the session passed (as after a server restart would leave it): the
    // server answers 403 second_factor_required, and the code is asked for again. The right code
    // passes the session and the approval runs the reset.
    supervisor.controller()->secondFactor()->setState(true, true);
    DialogSeam::setTestTextAnswerer([this](const QString &, const QString &) {
        return freshCode(m_supervisorSecret, &m_lastSupervisorStep);
    });
    queue->approveButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(queue->decision(), EscalationQueue::Decision::Approved, 15000);
    QVERIFY2(queue->decisionText().contains(QStringLiteral("Done")), qPrintable(queue->decisionText()));
    QCOMPARE(DialogSeam::takeAsked().size(), 1);
    QVERIFY(supervisor.controller()->secondFactor()->isVerified());
    QVERIFY(queue->reasonEdit()->text().isEmpty());
    // Decided escalations leave the queue.
    QTRY_COMPARE_WITH_TIMEOUT(queue->model()->rowOf(actionId), -1, 15000);
    shoot(queue, QStringLiteral("escalation-2-approved"));

    // The technician's "My requests" follows by itself.
    QTRY_COMPARE_WITH_TIMEOUT(
            mineModel->data(mineModel->index(mineModel->rowOf(actionId), ActionTableModel::StateColumn))
                    .toString(),
            QStringLiteral("Done"), 15000);
    shoot(techWindow, QStringLiteral("escalation-3-done"));

    // Asked for again, then cancelled from "My requests" before anyone decides.
    QTest::keyClicks(request->findChild<QLineEdit *>(QStringLiteral("actionReasonEdit")),
                     QStringLiteral("the link expired"));
    requestButton->click();
    QTRY_COMPARE_WITH_TIMEOUT(request->outcome(), ActionRequestPanel::Outcome::AwaitingApproval, 15000);
    const QString secondId = request->lastAction()->id;
    QVERIFY(secondId != actionId);
    QTRY_VERIFY_WITH_TIMEOUT(mineModel->rowOf(secondId) >= 0, 15000);
    auto *cancel = mine->findChild<QPushButton *>(QStringLiteral("cancelRequestButton"));
    QVERIFY(!cancel->isEnabled());
    mine->view()->selectRow(mineModel->rowOf(actionId));
    QVERIFY(!cancel->isEnabled()); // done: nothing to cancel
    mine->view()->selectRow(mineModel->rowOf(secondId));
    QVERIFY(cancel->isEnabled());
    DialogSeam::setTestAnswerer([](const QString &, const QString &) { return QMessageBox::Yes; });
    cancel->click();
    QTRY_COMPARE_WITH_TIMEOUT(
            mineModel->data(mineModel->index(mineModel->rowOf(secondId), ActionTableModel::StateColumn))
                    .toString(),
            QStringLiteral("Cancelled"), 15000);
    QVERIFY2(DialogSeam::takeAsked().first().startsWith(QStringLiteral("Cancel request?")),
             "no confirmation");
    QVERIFY(!cancel->isEnabled());
    // It never reaches the supervisor's queue again.
    QTRY_COMPARE_WITH_TIMEOUT(queue->model()->rowOf(secondId), -1, 15000);
}

void TestEscalations::supervisorCannotApproveOwnRequest()
{
    // super2 verifies profile 2 and asks for its password reset itself (through the API).
    const QByteArray token = m_server.login(QStringLiteral("super2"));
    QVERIFY(!token.isEmpty());
    const QString verification = m_server.passVerification(QStringLiteral("2"), token);
    QVERIFY(!verification.isEmpty());
    const auto stepped = m_server.client().post(
            QStringLiteral("/v1/verifications/%1/totp").arg(verification),
            {{QStringLiteral("code"), Totp::code(m_profile2Secret, QDateTime::currentSecsSinceEpoch())}},
            token);
    QVERIFY2(stepped.status == 200 && stepped.json.value(QStringLiteral("level")).toInt() == 2,
             stepped.describe());
    const auto requested =
            m_server.client().post(QStringLiteral("/v1/profiles/2/actions"),
                                   {{QStringLiteral("action"), QStringLiteral("reset_password")},
                                    {QStringLiteral("verification_id"), verification},
                                    {QStringLiteral("reason"), QStringLiteral("caller forgot the password")},
                                    {QStringLiteral("ticket"), QStringLiteral("INC-9")}},
                                   token);
    QVERIFY2(requested.status == 201, requested.describe());
    const QString actionId = requested.json.value(QStringLiteral("id")).toString();

    ConsoleHarness console(m_server);
    std::unique_ptr<QSignalSpy> fresh;
    connect(console.controller(), &ConsoleController::signedIn, this, [&] {
        EscalationQueue *queue = console.controller()->mainWindow()->escalationQueue();
        queue->setPollInterval(300);
        fresh = std::make_unique<QSignalSpy>(queue, &EscalationQueue::newEscalations);
    });
    MainWindow *window = console.signIn(QStringLiteral("super2"));
    QVERIFY(window);
    EscalationQueue *queue = window->escalationQueue();
    window->openEscalationQueue();
    QVERIFY(QTest::qWaitForWindowExposed(queue));
    QTRY_VERIFY_WITH_TIMEOUT(queue->model()->rowOf(actionId) >= 0, 15000);
    QVERIFY(queue->selectAction(actionId));
    QVERIFY(!queue->selectedAction()->canApprove);
    QTest::keyClicks(queue->reasonEdit(), QStringLiteral("my own"));
    QVERIFY(!queue->approveButton()->isEnabled());
    QVERIFY(!queue->denyButton()->isEnabled());
    QVERIFY2(queue->hintText().contains(QStringLiteral("You requested this action")),
             qPrintable(queue->hintText()));
    // One's own requests are no news.
    QTest::qWait(800);
    QVERIFY(fresh);
    QCOMPARE(fresh->count(), 0);
    QVERIFY(window->escalationNotice().isEmpty());
    // Clicking anyway does nothing and asks nothing.
    queue->approveSelected();
    QCOMPARE(queue->decision(), EscalationQueue::Decision::None);
    QVERIFY(DialogSeam::takeAsked().isEmpty());
}

void TestEscalations::supervisorUnfreezesFrozenProfile()
{
    // A profile with a plain ASCII name (QTest types ASCII only), frozen as a revert would leave it.
    QString id;
    for (const QString &candidate :
         m_server.profileIds([](const QJsonObject &a) { return a.contains(QStringLiteral("secret")); })) {
        const QString name = m_server.displayNameOf(candidate);
        if (candidate.toInt() > 2
            && std::all_of(name.begin(), name.end(), [](QChar c) { return c.unicode() < 128; })) {
            id = candidate;
            break;
        }
    }
    QVERIFY(!id.isEmpty());
    const QString name = m_server.displayNameOf(id);
    QVERIFY(setFrozenInDatabase(id, true));

    ConsoleHarness console(m_server);
    MainWindow *window = console.signIn(QStringLiteral("super2"));
    QVERIFY(window);
    QVERIFY(console.search(name, name));
    // The search results show the freeze, in a column that only appears when it matters.
    QTableView *results = window->resultsView();
    const int row = window->resultsModel()->rowOf(id);
    QVERIFY(window->resultsModel()->profileAt(row).frozen);
    QVERIFY(!results->isColumnHidden(ProfileTableModel::Frozen));
    QCOMPARE(window->resultsModel()
                     ->data(window->resultsModel()->index(row, ProfileTableModel::Frozen))
                     .toString(),
             QStringLiteral("Frozen"));

    window->verifyButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(window->verificationPanel()->state(), VerificationPanel::State::Questions,
                              15000);
    QVERIFY(console.fillAnswers(m_server.answersOf(id)));
    window->verificationPanel()->submit();
    ProfileDetailsPanel *details = window->detailsPanel();
    QTRY_COMPARE_WITH_TIMEOUT(details->mode(), ProfileDetailsPanel::Mode::Details, 15000);
    QVERIFY(details->details()->frozen);
    QVERIFY2(details->frozenText().startsWith(QStringLiteral("Frozen:")), qPrintable(details->frozenText()));
    auto *unfreeze = details->findChild<QPushButton *>(QStringLiteral("unfreezeButton"));
    QVERIFY(unfreeze && unfreeze->isVisible() && unfreeze->isEnabled());
    ActionRequestPanel *request = details->actionPanel();
    QVERIFY2(request->requirementText().contains(QStringLiteral("frozen")),
             qPrintable(request->requirementText()));
    QTest::keyClicks(request->findChild<QLineEdit *>(QStringLiteral("actionReasonEdit")),
                     QStringLiteral("r"));
    QTest::keyClicks(request->findChild<QLineEdit *>(QStringLiteral("actionTicketEdit")),
                     QStringLiteral("t"));
    QVERIFY(!request->findChild<QPushButton *>(QStringLiteral("requestActionButton"))->isEnabled());
    shoot(window, QStringLiteral("frozen-0-details"));

    // Declined at the confirmation: nothing is asked or sent.
    DialogSeam::setTestAnswerer([](const QString &, const QString &) { return QMessageBox::No; });
    unfreeze->click();
    QTest::qWait(300);
    QCOMPARE(DialogSeam::takeAsked().size(), 1);
    QVERIFY(details->details()->frozen);

    // Confirmed: the session's second factor is asked first, then the profile is unfrozen.
    DialogSeam::setTestAnswerer([](const QString &, const QString &) { return QMessageBox::Yes; });
    DialogSeam::setTestTextAnswerer([this](const QString &, const QString &) {
        return freshCode(m_supervisor2Secret, &m_lastSupervisor2Step);
    });
    QSignalSpy unfrozen(details, &ProfileDetailsPanel::unfrozen);
    unfreeze->click();
    QTRY_COMPARE_WITH_TIMEOUT(unfrozen.count(), 1, 40000);
    const QStringList asked = DialogSeam::takeAsked();
    QCOMPARE(asked.size(), 2);
    QVERIFY2(asked.at(0).startsWith(QStringLiteral("Unfreeze profile?")), qPrintable(asked.at(0)));
    QVERIFY2(asked.at(1).startsWith(QStringLiteral("Confirm it is you")), qPrintable(asked.at(1)));
    QVERIFY(details->frozenText().isEmpty());
    QVERIFY(!unfreeze->isVisible());
    QVERIFY(!details->details()->frozen);
    QVERIFY(!request->requirementText().contains(QStringLiteral("frozen")));
    QVERIFY(request->findChild<QPushButton *>(QStringLiteral("requestActionButton"))->isEnabled());
    QVERIFY(!window->resultsModel()->profileAt(window->resultsModel()->rowOf(id)).frozen);
    QVERIFY(results->isColumnHidden(ProfileTableModel::Frozen));
    // The server agrees.
    const QByteArray token = m_server.login(QStringLiteral("super2"));
    const auto found = m_server.client().get(
            QStringLiteral("/v1/profiles?q=%1").arg(QString::fromLatin1(QUrl::toPercentEncoding(name))),
            token);
    bool stillFrozen = true;
    for (const auto &result : found.json.value(QStringLiteral("results")).toArray()) {
        if (result.toObject().value(QStringLiteral("id")).toString() == id)
            stillFrozen = result.toObject().value(QStringLiteral("frozen")).toBool();
    }
    QVERIFY(!stillFrozen);
}

bool TestEscalations::setFrozenInDatabase(const QString &profileId, bool frozen)
{
    bool ok = false;
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("freeze"));
        db.setDatabaseName(DataDirectory(m_server.dataDir()).databasePath());
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        if (db.open()) {
            QSqlQuery query(db);
            query.prepare(QStringLiteral("UPDATE profiles SET frozen_at = ? WHERE id = ?"));
            query.addBindValue(frozen ? QVariant(QDateTime::currentSecsSinceEpoch()) : QVariant());
            query.addBindValue(profileId.toLongLong());
            ok = query.exec() && query.numRowsAffected() == 1;
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("freeze"));
    return ok;
}

QByteArray TestEscalations::enrollTotp(const QStringList &owner)
{
    const auto enrolled = m_server.cli(QStringList{QStringLiteral("totp"), QStringLiteral("enroll")} + owner);
    if (!enrolled.finished || enrolled.exitCode != 0) {
        qWarning() << enrolled.output();
        return {};
    }
    static const QRegularExpression secretLine(QStringLiteral("Secret \\(base32\\): ([A-Z2-7=]+)"));
    const auto match = secretLine.match(QString::fromUtf8(enrolled.out));
    const auto secret = match.hasMatch() ? Totp::base32Decode(match.captured(1)) : std::nullopt;
    return secret ? *secret : QByteArray();
}

QString TestEscalations::freshCode(const QByteArray &secret, qint64 *lastStep)
{
    // The server refuses a step at or before the last one it accepted: wait for a new one.
    while (Totp::stepAt(QDateTime::currentSecsSinceEpoch()) <= *lastStep)
        QTest::qWait(250);
    *lastStep = Totp::stepAt(QDateTime::currentSecsSinceEpoch());
    return Totp::codeForStep(secret, *lastStep);
}

MainWindow *TestEscalations::verifyAndStepUp(ConsoleHarness &console, const QString &username)
{
    MainWindow *window = console.signIn(username);
    if (!window || !console.search(QStringLiteral("Jon Silvr"), QStringLiteral("John P. Silver")))
        return nullptr;
    window->verifyButton()->click();
    VerificationPanel *verification = window->verificationPanel();
    if (!QTest::qWaitFor([&] { return verification->state() == VerificationPanel::State::Questions; }, 15000)
        || !console.fillAnswers(m_server.answersOf(QStringLiteral("1"))))
        return nullptr;
    verification->submit();
    StepUpPanel *stepUp = window->detailsPanel()->stepUpPanel();
    if (!QTest::qWaitFor([&] { return stepUp->state() == StepUpPanel::State::Choosing; }, 15000))
        return nullptr;
    ActionRequestPanel *actions = window->detailsPanel()->actionPanel();
    if (!actions->isVisible() || actions->level() != 1)
        return nullptr;
    stepUp->findChild<QPushButton *>(QStringLiteral("stepUpTotpButton"))->click();
    auto *code = stepUp->findChild<QLineEdit *>(QStringLiteral("stepUpCodeEdit"));
    QTest::keyClicks(code, freshCode(m_profileSecret, &m_lastProfileStep));
    QTest::keyClick(code, Qt::Key_Return);
    // The request form follows the raise at once.
    if (!QTest::qWaitFor([&] { return actions->level() == 2; }, 15000))
        return nullptr;
    return window;
}

void TestEscalations::shoot(QWidget *widget, const QString &name) const
{
    const QString dir = qEnvironmentVariable("VIGIL_SHOTS_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    QTest::qWait(50);
    widget->grab().save(QDir(dir).filePath(name + QStringLiteral(".png")));
}

QTEST_MAIN(TestEscalations)
#include "test_escalations.moc"
