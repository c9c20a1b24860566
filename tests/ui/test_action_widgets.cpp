// The action widgets on their own, without a server: the labels of actions and states, the
// request form (what an action needs against the verification's level, required fields, the
// value field of a change, frozen profiles), the frozen column of the search results, and when
// "My requests" and the escalation queue poll, and a language switch.

#include "ActionRequestPanel.h"
#include "ActionTableModel.h"
#include "BackendClient.h"
#include "DialogSeam.h"
#include "EscalationQueue.h"
#include "LanguageManager.h"
#include "MyRequestsPanel.h"
#include "ProfileTableModel.h"
#include "SecondFactorGate.h"

#include <QComboBox>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace vigil;

namespace {

ActionInfo makeAction(const QString &id, const QString &state)
{
    ActionInfo action;
    action.id = id;
    action.action = QStringLiteral("reset_password");
    action.state = state;
    action.profileId = QStringLiteral("12");
    action.profileName = QStringLiteral("John P. Silver");
    action.ticket = QStringLiteral("INC-1234");
    action.reason = QStringLiteral("caller locked out");
    action.requestedBy = QStringLiteral("tech1");
    action.requestedByName = QStringLiteral("Tess Technician");
    action.requestedAt = QDateTime::currentDateTimeUtc();
    action.approvalsRequired = 1;
    return action;
}

ProfileDetails makeProfile(int level, bool privileged = false, bool frozen = false)
{
    ProfileDetails profile;
    profile.id = QStringLiteral("12");
    profile.displayName = QStringLiteral("John P. Silver");
    profile.level = level;
    profile.privileged = privileged;
    profile.frozen = frozen;
    return profile;
}

} // namespace

class TestActionWidgets : public QObject
{
    Q_OBJECT

private slots:
    void stateLabels();
    void tableModel();
    void requirementFollowsCatalogAndLevel();
    void requestNeedsReasonTicketAndValue();
    void frozenProfileCannotRequest();
    void unknownCatalog();
    void requestWithoutServerIsRefused();
    void frozenColumn();
    void myRequestsPollOnlyWhileVisible();
    void queueButtonsNeedAnEscalation();
    void languageSwitchRetranslates();
    void codeDialogOpensWithoutBlocking();
};

void TestActionWidgets::stateLabels()
{
    ActionInfo action = makeAction(QStringLiteral("a1"), QStringLiteral("awaiting_approval"));
    QCOMPARE(ActionTableModel::stateLabel(action), QStringLiteral("Awaiting approval (0 of 1)"));
    action.state = QStringLiteral("done");
    QCOMPARE(ActionTableModel::stateLabel(action), QStringLiteral("Done"));
    action.state = QStringLiteral("failed");
    action.result = QStringLiteral("grant_expired");
    QCOMPARE(ActionTableModel::stateLabel(action),
             QStringLiteral("Failed: the requester's access to the profile had ended"));
    action.state = QStringLiteral("scheduled");
    action.runAt = QDateTime(QDate(2026, 11, 23), QTime(12, 0), Qt::UTC);
    QVERIFY(ActionTableModel::stateLabel(action).startsWith(QStringLiteral("Scheduled until ")));
    for (const QString &state : {QStringLiteral("denied"), QStringLiteral("expired"),
                                 QStringLiteral("cancelled"), QStringLiteral("reverted")}) {
        action.state = state;
        QVERIFY(!ActionTableModel::stateLabel(action).contains(QLatin1Char('_')));
        QVERIFY(ActionTableModel::stateLabel(action) != state);
    }
    action.state = QStringLiteral("something_new");
    QCOMPARE(ActionTableModel::stateLabel(action), QStringLiteral("something_new"));
    for (const QString &name : ActionRequestPanel::requestableActions())
        QVERIFY2(!ActionTableModel::actionLabel(name).contains(QLatin1Char('_')), qPrintable(name));
    QCOMPARE(ActionRequestPanel::requestableActions(),
             (QStringList{QStringLiteral("unlock_account"), QStringLiteral("reset_password"),
                          QStringLiteral("reset_mfa"), QStringLiteral("change_email"),
                          QStringLiteral("change_phone")}));
}

void TestActionWidgets::tableModel()
{
    ActionTableModel model;
    ActionInfo privileged = makeAction(QStringLiteral("a2"), QStringLiteral("awaiting_approval"));
    privileged.privileged = true;
    privileged.approvalsRequired = 2;
    model.setActions({makeAction(QStringLiteral("a1"), QStringLiteral("done")), privileged});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.rowOf(QStringLiteral("a2")), 1);
    QCOMPARE(model.data(model.index(0, ActionTableModel::ActionColumn)).toString(),
             QStringLiteral("Reset password"));
    QCOMPARE(model.data(model.index(0, ActionTableModel::StateColumn)).toString(), QStringLiteral("Done"));
    QCOMPARE(model.data(model.index(1, ActionTableModel::ProfileColumn)).toString(),
             QStringLiteral("John P. Silver (privileged)"));
    QCOMPARE(model.data(model.index(1, ActionTableModel::ApprovalsColumn)).toString(),
             QStringLiteral("0 of 2"));
    QCOMPARE(model.data(model.index(1, ActionTableModel::RequesterColumn)).toString(),
             QStringLiteral("Tess Technician (tech1)"));
    QCOMPARE(model.data(model.index(1, ActionTableModel::ActionColumn), ActionTableModel::ActionIdRole)
                     .toString(),
             QStringLiteral("a2"));

    ActionInfo cancelled = privileged;
    cancelled.state = QStringLiteral("cancelled");
    QVERIFY(model.updateAction(cancelled));
    QCOMPARE(model.data(model.index(1, ActionTableModel::StateColumn)).toString(),
             QStringLiteral("Cancelled"));
    QVERIFY(!model.updateAction(makeAction(QStringLiteral("unknown"), QStringLiteral("done"))));
}

void TestActionWidgets::requirementFollowsCatalogAndLevel()
{
    BackendClient client;
    ActionRequestPanel panel(&client);
    panel.setCatalog(Policy::defaultActions());
    panel.start(makeProfile(1), QStringLiteral("v1"));
    QVERIFY(panel.isVisibleTo(nullptr) || !panel.isHidden());
    panel.selectAction(QStringLiteral("reset_password"));
    QVERIFY2(panel.requirementText().contains(
                     QStringLiteral("Needs assurance level 2 and approval by 1 supervisor")),
             qPrintable(panel.requirementText()));
    QVERIFY2(panel.requirementText().contains(QStringLiteral("level 1: use Stronger proof above first")),
             qPrintable(panel.requirementText()));
    panel.setLevel(2);
    QVERIFY2(panel.requirementText().contains(QStringLiteral("level 2: enough")),
             qPrintable(panel.requirementText()));

    panel.selectAction(QStringLiteral("unlock_account"));
    QVERIFY2(panel.requirementText().contains(QStringLiteral("runs at once")),
             qPrintable(panel.requirementText()));
    panel.selectAction(QStringLiteral("change_email"));
    QVERIFY2(panel.requirementText().contains(QStringLiteral("undo window of 24 h")),
             qPrintable(panel.requirementText()));

    // A privileged profile: the privileged quorum, or a refusal when the policy says so.
    QMap<QString, ActionRule> catalog = Policy::defaultActions();
    catalog[QStringLiteral("reset_mfa")].privilegedRefused = true;
    panel.setCatalog(catalog);
    panel.start(makeProfile(3, true), QStringLiteral("v1"));
    panel.selectAction(QStringLiteral("reset_password"));
    QVERIFY2(panel.requirementText().contains(QStringLiteral("approval by 2 supervisor")),
             qPrintable(panel.requirementText()));
    panel.selectAction(QStringLiteral("reset_mfa"));
    QVERIFY2(panel.requirementText().contains(QStringLiteral("refuses this action on privileged profiles")),
             qPrintable(panel.requirementText()));
}

void TestActionWidgets::requestNeedsReasonTicketAndValue()
{
    BackendClient client;
    ActionRequestPanel panel(&client);
    panel.setCatalog(Policy::defaultActions());
    panel.show();
    panel.start(makeProfile(3), QStringLiteral("v1"));
    auto *request = panel.findChild<QPushButton *>(QStringLiteral("requestActionButton"));
    auto *reason = panel.findChild<QLineEdit *>(QStringLiteral("actionReasonEdit"));
    auto *ticket = panel.findChild<QLineEdit *>(QStringLiteral("actionTicketEdit"));
    auto *value = panel.findChild<QLineEdit *>(QStringLiteral("actionValueEdit"));
    QVERIFY(request && reason && ticket && value);
    panel.selectAction(QStringLiteral("reset_password"));
    QVERIFY(!value->isVisible());
    QVERIFY(!request->isEnabled());
    QTest::keyClicks(reason, QStringLiteral("caller locked out"));
    QVERIFY(!request->isEnabled());
    QTest::keyClicks(ticket, QStringLiteral("INC-1"));
    QVERIFY(request->isEnabled());
    QTest::keyClicks(reason, QStringLiteral("   "));
    QVERIFY(request->isEnabled());

    // A change needs the new value as well.
    panel.selectAction(QStringLiteral("change_phone"));
    QVERIFY(value->isVisible());
    QCOMPARE(value->accessibleName(), QStringLiteral("New phone number"));
    QVERIFY(!request->isEnabled());
    QTest::keyClicks(value, QStringLiteral("+1 555 0100 999"));
    QVERIFY(request->isEnabled());
    panel.selectAction(QStringLiteral("change_email"));
    QCOMPARE(value->accessibleName(), QStringLiteral("New e-mail address"));
    QVERIFY(value->text().isEmpty()); // a phone number is no e-mail address
    QVERIFY(!request->isEnabled());

    panel.setOnline(false);
    QTest::keyClicks(value, QStringLiteral("new@acme.example"));
    QVERIFY(!request->isEnabled());
    panel.setOnline(true);
    QVERIFY(request->isEnabled());

    panel.reset();
    QVERIFY(!panel.isVisible());
    QVERIFY(reason->text().isEmpty());
    QVERIFY(ticket->text().isEmpty());
}

void TestActionWidgets::frozenProfileCannotRequest()
{
    BackendClient client;
    ActionRequestPanel panel(&client);
    panel.setCatalog(Policy::defaultActions());
    panel.show();
    panel.start(makeProfile(2, false, true), QStringLiteral("v1"));
    auto *request = panel.findChild<QPushButton *>(QStringLiteral("requestActionButton"));
    QTest::keyClicks(panel.findChild<QLineEdit *>(QStringLiteral("actionReasonEdit")), QStringLiteral("r"));
    QTest::keyClicks(panel.findChild<QLineEdit *>(QStringLiteral("actionTicketEdit")), QStringLiteral("t"));
    QVERIFY(!request->isEnabled());
    QVERIFY2(panel.requirementText().contains(QStringLiteral("frozen")), qPrintable(panel.requirementText()));
    panel.setFrozen(false);
    QVERIFY(request->isEnabled());
}

void TestActionWidgets::unknownCatalog()
{
    BackendClient client;
    ActionRequestPanel panel(&client);
    panel.setCatalog(std::nullopt);
    panel.start(makeProfile(1), QStringLiteral("v1"));
    QVERIFY2(panel.requirementText().contains(QStringLiteral("does not say which level")),
             qPrintable(panel.requirementText()));
}

void TestActionWidgets::requestWithoutServerIsRefused()
{
    BackendClient client; // no server: every call fails at once, asynchronously
    ActionRequestPanel panel(&client);
    panel.setCatalog(Policy::defaultActions());
    panel.show();
    panel.start(makeProfile(2), QStringLiteral("v1"));
    QSignalSpy requested(&panel, &ActionRequestPanel::requested);
    QTest::keyClicks(panel.findChild<QLineEdit *>(QStringLiteral("actionReasonEdit")), QStringLiteral("r"));
    QTest::keyClicks(panel.findChild<QLineEdit *>(QStringLiteral("actionTicketEdit")), QStringLiteral("t"));
    panel.submit();
    QCOMPARE(panel.outcome(), ActionRequestPanel::Outcome::Sending);
    QVERIFY(!panel.findChild<QPushButton *>(QStringLiteral("requestActionButton"))->isEnabled());
    QTRY_COMPARE(panel.outcome(), ActionRequestPanel::Outcome::Refused);
    QVERIFY2(panel.resultText().contains(QStringLiteral("https://")), qPrintable(panel.resultText()));
    QCOMPARE(requested.count(), 0);
    QVERIFY(panel.findChild<QPushButton *>(QStringLiteral("requestActionButton"))->isEnabled());
}

void TestActionWidgets::frozenColumn()
{
    ProfileTableModel model;
    ProfileSummary frozen;
    frozen.id = QStringLiteral("4");
    frozen.displayName = QStringLiteral("Ann Frost");
    frozen.frozen = true;
    ProfileSummary normal = frozen;
    normal.id = QStringLiteral("5");
    normal.frozen = false;
    model.setProfiles({frozen, normal});
    QCOMPARE(model.headerData(ProfileTableModel::Frozen, Qt::Horizontal).toString(),
             QStringLiteral("Frozen"));
    QCOMPARE(model.data(model.index(0, ProfileTableModel::Frozen)).toString(), QStringLiteral("Frozen"));
    QCOMPARE(model.data(model.index(1, ProfileTableModel::Frozen)).toString(), QStringLiteral("No"));
    QVERIFY(model.data(model.index(0, ProfileTableModel::Frozen), Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("supervisor")));
    model.setFrozen(QStringLiteral("4"), false);
    QCOMPARE(model.data(model.index(0, ProfileTableModel::Frozen)).toString(), QStringLiteral("No"));
}

void TestActionWidgets::myRequestsPollOnlyWhileVisible()
{
    BackendClient client;
    MyRequestsPanel panel(&client);
    QCOMPARE(panel.pollInterval(), 5000);
    panel.setPollInterval(200);
    QCOMPARE(panel.pollInterval(), 200);
    QVERIFY(!panel.isPolling());
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QVERIFY(panel.isPolling());
    // No server: the status says so, and the panel keeps polling without piling up calls.
    QTRY_VERIFY(!panel.statusText().isEmpty());
    panel.setOnline(false);
    QVERIFY(!panel.isPolling());
    panel.setOnline(true);
    QVERIFY(panel.isPolling());
    panel.hide();
    QVERIFY(!panel.isPolling());
    QVERIFY(!panel.findChild<QPushButton *>(QStringLiteral("cancelRequestButton"))->isEnabled());
}

void TestActionWidgets::queueButtonsNeedAnEscalation()
{
    BackendClient client;
    SecondFactorGate gate(&client);
    EscalationQueue queue(&client, &gate, QStringLiteral("super1"));
    QCOMPARE(queue.pollInterval(), 5000);
    QVERIFY(!queue.isPolling());
    queue.setPolling(true);
    QVERIFY(queue.isPolling());
    QVERIFY(!queue.approveButton()->isEnabled());
    QVERIFY(!queue.denyButton()->isEnabled());
    QTest::keyClicks(queue.reasonEdit(), QStringLiteral("looks fine"));
    QVERIFY(!queue.approveButton()->isEnabled()); // nothing selected
    queue.setPolling(false);
    QVERIFY(!queue.isPolling());
}

void TestActionWidgets::languageSwitchRetranslates()
{
    BackendClient client;
    ActionRequestPanel panel(&client);
    panel.setCatalog(Policy::defaultActions());
    panel.start(makeProfile(1), QStringLiteral("v1"));
    panel.selectAction(QStringLiteral("reset_password"));
    SecondFactorGate gate(&client);
    EscalationQueue queue(&client, &gate, QStringLiteral("super1"));
    MyRequestsPanel mine(&client);
    mine.model()->setActions({makeAction(QStringLiteral("a1"), QStringLiteral("done"))});

    LanguageManager languages;
    QVERIFY(languages.apply(QStringLiteral("de")));
    QTRY_COMPARE(panel.title(), QStringLiteral("Aktion anfordern"));
    QCOMPARE(panel.findChild<QComboBox *>(QStringLiteral("actionCombo"))->currentText(),
             QStringLiteral("Passwort zurücksetzen"));
    QVERIFY2(panel.requirementText().contains(QStringLiteral("Vertrauensstufe 2")),
             qPrintable(panel.requirementText()));
    QCOMPARE(queue.windowTitle(), QStringLiteral("Vigil — Eskalationen"));
    QCOMPARE(queue.approveButton()->text(), QStringLiteral("&Freigeben"));
    QCOMPARE(mine.title(), QStringLiteral("Meine Anfragen"));
    QCOMPARE(mine.model()->data(mine.model()->index(0, ActionTableModel::StateColumn)).toString(),
             QStringLiteral("Erledigt"));

    QVERIFY(languages.apply(QStringLiteral("fr")));
    QTRY_COMPARE(panel.title(), QStringLiteral("Demander une action"));
    QCOMPARE(queue.approveButton()->text(), QStringLiteral("A&pprouver"));
    QCOMPARE(mine.model()->headerData(ActionTableModel::StateColumn, Qt::Horizontal).toString(),
             QStringLiteral("État"));

    QVERIFY(languages.apply(QStringLiteral("en")));
    QTRY_COMPARE(panel.title(), QStringLiteral("Request an action"));
}

void TestActionWidgets::codeDialogOpensWithoutBlocking()
{
    // The real dialog (no test hook): opened window-modal with open(), answered through the callback.
    QWidget parent;
    parent.show();
    QVERIFY(QTest::qWaitForWindowExposed(&parent));
    int calls = 0;
    bool accepted = false;
    QString typed;
    DialogSeam::askCode(&parent, QStringLiteral("Confirm it is you"), QStringLiteral("Code:"),
                        [&](bool ok, QString &text) {
                            ++calls;
                            accepted = ok;
                            typed = QString(text.constData(), text.size()); // a deep copy: `text` is wiped
                        });
    auto *dialog = parent.findChild<QInputDialog *>();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->windowModality(), Qt::WindowModal);
    QCOMPARE(calls, 0); // nothing waited for an answer
    auto *edit = dialog->findChild<QLineEdit *>();
    QVERIFY(edit);
    QCOMPARE(edit->accessibleName(), QStringLiteral("Code:"));
    QTest::keyClicks(edit, QStringLiteral("12a3 456"));
    QCOMPARE(edit->text(), QStringLiteral("123 456")); // digits and spaces only
    dialog->accept();
    QCOMPARE(calls, 1);
    QVERIFY(accepted);
    QCOMPARE(typed, QStringLiteral("123 456"));
    QVERIFY(dialog->textValue().isEmpty());

    DialogSeam::askCode(&parent, QStringLiteral("Confirm it is you"), QStringLiteral("Code:"),
                        [&](bool ok, QString &) {
                            ++calls;
                            accepted = ok;
                        });
    QInputDialog *second = nullptr;
    QTRY_VERIFY((second = [&]() -> QInputDialog * {
        for (QInputDialog *candidate : parent.findChildren<QInputDialog *>()) {
            if (candidate->isVisible())
                return candidate;
        }
        return nullptr;
    }()));
    second->reject();
    QCOMPARE(calls, 2);
    QVERIFY(!accepted);
}

QTEST_MAIN(TestActionWidgets)
#include "test_action_widgets.moc"
