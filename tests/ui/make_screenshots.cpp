// Regenerates the README screenshots from the real console against a real demo backend:
//   make_screenshots OUTPUT_DIR      (scripts/screenshots runs it under xvfb or offscreen)
// Not a test: it walks the technician's path and saves what each step looks like.
#include "ActionTableModel.h"
#include "AuditViewer.h"
#include "ConsoleController.h"
#include "ConsoleHarness.h"
#include "EscalationQueue.h"
#include "LanguageManager.h"
#include "LoginDialog.h"
#include "MainWindow.h"
#include "ProfileDetailsPanel.h"
#include "TestServer.h"
#include "Totp.h"
#include "VerificationPanel.h"

#include <QApplication>
#include <QDir>
#include <QLineEdit>
#include <QRegularExpression>
#include <QTableView>
#include <QTest>
#include <QTextStream>

using namespace vigil;
using namespace vigil::test;

namespace {
QString g_outputDir;

bool waitFor(const std::function<bool()> &condition, int timeoutMs = 20000)
{
    QElapsedTimer timer;
    timer.start();
    while (!condition()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QTest::qWait(50);
    }
    return true;
}

void save(QWidget *widget, const QString &name)
{
    QTest::qWait(300); // let layouts and paints settle
    const QString path = QDir(g_outputDir).filePath(name + QStringLiteral(".png"));
    widget->grab().save(path);
    QTextStream(stdout) << "saved " << path << "\n";
}

// tech1 verifies John P. Silver, steps up with his TOTP code and asks for a password reset, so
// the supervisor's queue has an escalation to show. False if any step failed.
bool requestPasswordReset(const TestServer &server, const QByteArray &totpSecret)
{
    const QByteArray token = server.login(QStringLiteral("tech1"));
    const QString verification = server.passVerification(QStringLiteral("1"), token);
    if (verification.isEmpty())
        return false;
    const auto stepped = server.client().post(
            QStringLiteral("/v1/verifications/%1/totp").arg(verification),
            {{QStringLiteral("code"), Totp::code(totpSecret, QDateTime::currentSecsSinceEpoch())}}, token);
    if (stepped.status != 200)
        return false;
    const auto requested =
            server.client().post(QStringLiteral("/v1/profiles/1/actions"),
                                 {{QStringLiteral("action"), QStringLiteral("reset_password")},
                                  {QStringLiteral("verification_id"), verification},
                                  {QStringLiteral("reason"), QStringLiteral("Locked out after a holiday")},
                                  {QStringLiteral("ticket"), QStringLiteral("INC-20417")}},
                                 token);
    return requested.status == 201;
}
} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    if (app.arguments().size() < 2) {
        QTextStream(stderr) << "usage: make_screenshots OUTPUT_DIR\n";
        return 2;
    }
    g_outputDir = app.arguments().at(1);
    QDir().mkpath(g_outputDir);

    QTemporaryDir dir;
    TestServer server;
    QString error;
    if (!server.createDemo(dir.filePath(QStringLiteral("data")), 2000, &error)) {
        QTextStream(stderr) << "cannot create demo data: " << error << "\n";
        return 1;
    }
    // John P. Silver's authenticator, for the technician's step-up before the password reset.
    const auto enrolled = server.cli({QStringLiteral("totp"), QStringLiteral("enroll"),
                                      QStringLiteral("--profile"), QStringLiteral("1")});
    static const QRegularExpression secretLine(QStringLiteral("Secret \\(base32\\): ([A-Z2-7=]+)"));
    const auto secretMatch = secretLine.match(QString::fromUtf8(enrolled.out));
    const auto totpSecret =
            secretMatch.hasMatch() ? Totp::base32Decode(secretMatch.captured(1)) : std::nullopt;
    if (!totpSecret || !server.start(&error)) {
        QTextStream(stderr) << "cannot start a demo backend: " << error << enrolled.output() << "\n";
        return 1;
    }
    if (!requestPasswordReset(server, *totpSecret)) {
        QTextStream(stderr) << "the password reset request failed\n";
        return 1;
    }

    {
        ConsoleHarness console(server);
        console.pin();
        console.fillLogin(QStringLiteral("tech1"), QStringLiteral("password"));
        save(console.controller()->loginDialog(), QStringLiteral("login"));
    }

    ConsoleHarness console(server);
    MainWindow *window = console.signIn(QStringLiteral("super1"));
    if (!window) {
        QTextStream(stderr) << "sign-in failed\n";
        return 1;
    }
    window->resize(1180, 720);
    console.search(QStringLiteral("Jon Silvr"), QStringLiteral("John P. Silver"));
    window->verifySelected();
    waitFor([&] { return window->verificationPanel()->state() == VerificationPanel::State::Questions; });
    const QJsonObject answers = server.answersOf(QStringLiteral("1"));
    console.fillAnswers(answers);
    save(window, QStringLiteral("verify-questions"));
    const QStringList fields = window->verificationPanel()->askedFields();
    QTest::keyClick(window->verificationPanel()->answerField(fields.last()), Qt::Key_Return);
    waitFor([&] { return window->detailsPanel()->isVisible(); });
    save(window, QStringLiteral("verify-passed"));

    // The supervisor's escalation queue with tech1's password reset selected.
    EscalationQueue *queue = window->escalationQueue();
    window->openEscalationQueue();
    waitFor([&] { return queue->model()->rowCount() > 0; });
    queue->view()->selectRow(0);
    QTest::keyClicks(queue->reasonEdit(), QStringLiteral("Confirmed with the caller's manager"));
    save(queue, QStringLiteral("escalation-queue"));
    queue->close();

    // Three wrong answers on another profile: the locked state, as a supervisor sees it.
    window->searchBox()->clear();
    // QTest types ASCII only, so pick a profile whose name is plain ASCII.
    QStringList others;
    for (const QString &id :
         server.profileIds([](const QJsonObject &a) { return a.contains(QStringLiteral("secret")); })) {
        const QString candidate = server.displayNameOf(id);
        if (id != QLatin1String("1") && QString::fromLatin1(candidate.toLatin1()) == candidate
            && std::all_of(candidate.begin(), candidate.end(), [](QChar c) { return c.unicode() < 128; }))
            others.append(id);
    }
    const QString name = server.displayNameOf(others.at(5));
    console.search(name, name);
    for (int attempt = 0; attempt < 3; ++attempt) {
        window->verifySelected();
        waitFor([&] { return window->verificationPanel()->state() == VerificationPanel::State::Questions; });
        console.fillAnswers(server.answersOf(others.at(5)), true);
        const QStringList asked = window->verificationPanel()->askedFields();
        QTest::keyClick(window->verificationPanel()->answerField(asked.last()), Qt::Key_Return);
        waitFor([&] {
            const auto state = window->verificationPanel()->state();
            return state == VerificationPanel::State::Failed || state == VerificationPanel::State::Locked;
        });
    }
    save(window, QStringLiteral("verify-locked"));

    console.controller()->languages()->apply(QStringLiteral("de"));
    save(window, QStringLiteral("verify-locked-de"));
    console.controller()->languages()->apply(QStringLiteral("en"));

    AuditViewer viewer(console.controller()->client());
    viewer.resize(1180, 640);
    viewer.show();
    viewer.refresh();
    QTest::qWait(1500);
    save(&viewer, QStringLiteral("audit-viewer"));

    server.stop();
    waitFor([&] { return !console.controller()->isOnline(); }, 30000);
    save(window, QStringLiteral("offline"));
    return 0;
}
