// Walks every widget of each console window and fails on any interactive control that a screen
// reader could not name. The windows are shown in the states a technician meets: sign-in, search
// results, questions, a passed verification with details, offline, the audit log and settings,
// and the supervisors' escalation queue.

#include "AuditViewer.h"
#include "ConsoleHarness.h"
#include "EscalationQueue.h"
#include "LoginDialog.h"
#include "MainWindow.h"
#include "OfflineBanner.h"
#include "ProfileDetailsPanel.h"
#include "SettingsDialog.h"
#include "TestServer.h"
#include "VerificationPanel.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTabBar>
#include <QTest>
#include <QTextEdit>

using namespace vigil;
using namespace vigil::test;

namespace {
bool isInteractive(const QWidget *widget)
{
    if (qobject_cast<const QScrollBar *>(widget))
        return false; // part of its scroll area
    return qobject_cast<const QAbstractButton *>(widget) || qobject_cast<const QLineEdit *>(widget)
            || qobject_cast<const QComboBox *>(widget) || qobject_cast<const QAbstractItemView *>(widget)
            || qobject_cast<const QAbstractSpinBox *>(widget) || qobject_cast<const QAbstractSlider *>(widget)
            || qobject_cast<const QTextEdit *>(widget) || qobject_cast<const QPlainTextEdit *>(widget)
            || qobject_cast<const QTabBar *>(widget);
}

// Qt's own pieces inside a control (the line edit of a combo box or date edit, a line edit's
// clear button) are named through the control that holds them.
bool isPartOfAnotherControl(const QWidget *widget, const QWidget *window)
{
    if (widget->objectName().startsWith(QLatin1String("qt_")))
        return true;
    for (const QWidget *parent = widget->parentWidget(); parent && parent != window;
         parent = parent->parentWidget()) {
        if (isInteractive(parent))
            return true;
    }
    return false;
}

QStringList unnamedControls(const QWidget *window)
{
    QStringList unnamed;
    for (const QWidget *widget : window->findChildren<QWidget *>()) {
        if (!isInteractive(widget) || !widget->isVisibleTo(window) || isPartOfAnotherControl(widget, window))
            continue;
        if (widget->accessibleName().trimmed().isEmpty()) {
            QString label = QString::fromLatin1(widget->metaObject()->className());
            if (!widget->objectName().isEmpty())
                label += QLatin1Char('#') + widget->objectName();
            if (const auto *button = qobject_cast<const QAbstractButton *>(widget))
                label += QStringLiteral(" \"%1\"").arg(button->text());
            unnamed.append(label);
        }
    }
    return unnamed;
}

int interactiveCount(const QWidget *window)
{
    int count = 0;
    for (const QWidget *widget : window->findChildren<QWidget *>())
        count += isInteractive(widget) && widget->isVisibleTo(window)
                && !isPartOfAnotherControl(widget, window);
    return count;
}

#define VERIFY_ALL_NAMED(window)                                                \
  do {                                                                          \
    const QStringList unnamed = unnamedControls(window);                        \
    QVERIFY2(unnamed.isEmpty(),                                                 \
             qPrintable(QStringLiteral("controls without an accessible name: ") \
                        + unnamed.join(QStringLiteral(", "))));                 \
  } while (false)
} // namespace

class TestAccessibility : public QObject
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

    void walkerFindsAnUnnamedControl()
    {
        // The walker itself must be able to fail.
        QWidget window;
        auto *edit = new QLineEdit(&window);
        window.show();
        QCOMPARE(unnamedControls(&window).size(), 1);
        edit->setAccessibleName(QStringLiteral("Name"));
        QVERIFY(unnamedControls(&window).isEmpty());
    }

    void loginDialog()
    {
        ConsoleHarness console(m_server);
        console.pin();
        QVERIFY(console.fillLogin(QStringLiteral("tech1"), QStringLiteral("x")));
        LoginDialog *login = nullptr;
        for (QWidget *widget : QApplication::topLevelWidgets()) {
            if (auto *candidate = qobject_cast<LoginDialog *>(widget); candidate && candidate->isVisible())
                login = candidate;
        }
        QVERIFY(login);
        QVERIFY(interactiveCount(login) >= 4);
        VERIFY_ALL_NAMED(login);
    }

    void mainWindowThroughAVerification()
    {
        ConsoleHarness console(m_server);
        MainWindow *window = console.signIn(QStringLiteral("super1"));
        QVERIFY(window);
        VERIFY_ALL_NAMED(window);
        QVERIFY(console.search(QStringLiteral("Jon Silvr"), QStringLiteral("John P. Silver")));
        VERIFY_ALL_NAMED(window);
        window->verifySelected();
        QTRY_COMPARE_WITH_TIMEOUT(window->verificationPanel()->state(), VerificationPanel::State::Questions,
                                  15000);
        VERIFY_ALL_NAMED(window); // the question fields
        QVERIFY(console.fillAnswers(m_server.answersOf(QStringLiteral("1"))));
        const QStringList fields = window->verificationPanel()->askedFields();
        QTest::keyClick(window->verificationPanel()->answerField(fields.last()), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(window->verificationPanel()->state(), VerificationPanel::State::Passed,
                                  15000);
        QTRY_VERIFY_WITH_TIMEOUT(window->detailsPanel()->isVisible(), 15000);
        VERIFY_ALL_NAMED(window); // the details and their buttons
    }

    void auditViewerAndSettings()
    {
        ConsoleHarness console(m_server);
        MainWindow *window = console.signIn(QStringLiteral("super1"));
        QVERIFY(window);
        AuditViewer viewer(console.controller()->client());
        viewer.show();
        viewer.refresh();
        QVERIFY(interactiveCount(&viewer) >= 6);
        VERIFY_ALL_NAMED(&viewer);
        SettingsDialog settings(console.controller()->settings());
        settings.show();
        QVERIFY(interactiveCount(&settings) >= 4);
        VERIFY_ALL_NAMED(&settings);
    }

    void escalationQueue()
    {
        ConsoleHarness console(m_server);
        MainWindow *window = console.signIn(QStringLiteral("super1"));
        QVERIFY(window);
        window->openEscalationQueue();
        EscalationQueue *queue = window->escalationQueue();
        QVERIFY(queue && QTest::qWaitForWindowExposed(queue));
        QVERIFY(interactiveCount(queue) >= 5);
        VERIFY_ALL_NAMED(queue);
    }

    void offlineWindow()
    {
        ConsoleHarness console(m_server);
        MainWindow *window = console.signIn(QStringLiteral("tech1"));
        QVERIFY(window);
        window->setOnline(false);
        QVERIFY(window->offlineBanner()->isVisible());
        VERIFY_ALL_NAMED(window);
        window->setOnline(true);
    }
};

QTEST_MAIN(TestAccessibility)
#include "test_accessibility.moc"
