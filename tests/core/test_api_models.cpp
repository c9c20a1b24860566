// The typed views of the server's replies: valid replies parse, anything missing, mistyped or cut
// short is refused as a whole.
#include "ApiModels.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <functional>

using namespace vigil;

namespace {

QJsonObject object(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

// Every variant of `valid` with one top-level key removed, or replaced by each value of the wrong type.
// `optionalKeys` may be missing; `nullableKeys` may be null.
QList<QJsonObject> brokenVariants(const QJsonObject &valid, const QStringList &optionalKeys = {},
                                  const QStringList &nullableKeys = {})
{
    QList<QJsonObject> variants;
    const QList<QJsonValue> wrongTypes{QJsonValue(),
                                       QJsonValue(true),
                                       QJsonValue(7),
                                       QJsonValue(QStringLiteral("x")),
                                       QJsonValue(QJsonArray{}),
                                       QJsonValue(QJsonObject{})};
    for (auto it = valid.begin(); it != valid.end(); ++it) {
        if (!optionalKeys.contains(it.key())) {
            QJsonObject without = valid;
            without.remove(it.key());
            variants.append(without);
        }
        for (const QJsonValue &wrong : wrongTypes) {
            if (wrong.type() == it.value().type())
                continue;
            if (wrong.isNull() && nullableKeys.contains(it.key()))
                continue;
            // A whole number where a whole number is expected is not wrong.
            if (wrong.isDouble() && it.value().isDouble())
                continue;
            QJsonObject mistyped = valid;
            mistyped.insert(it.key(), wrong);
            variants.append(mistyped);
        }
    }
    return variants;
}

} // namespace

class TestApiModels : public QObject
{
    Q_OBJECT

private slots:
    void login();
    void search();
    void verificationStart();
    void outcomePassedAndFailed();
    void outcomeLockedAndExpired();
    void profileDetails();
    void auditList();
    void auditChainStatus();
    void signedPolicy();
    void loginSecondFactor();
    void frozenProfiles();
    void action();
    void actionNullsAndOptionalParts();
    void actionNestedPartsAreStrict();
    void actionList();
    void emptyObjectIsRejectedEverywhere();
};

void TestApiModels::login()
{
    const QJsonObject valid = object(
            R"({"token":"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ","expires_at":"2026-11-22T19:29:07Z",
        "agent":{"id":"1","username":"tech1","display_name":"Tess Technician","roles":["technician","auditor"]}})");
    const auto parsed = LoginResult::parse(valid);
    QVERIFY(parsed);
    QCOMPARE(parsed->token, QByteArray("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ"));
    QCOMPARE(parsed->expiresAt, QDateTime(QDate(2026, 11, 22), QTime(19, 29, 7), Qt::UTC));
    QCOMPARE(parsed->expiresAt.timeSpec(), Qt::UTC);
    QCOMPARE(parsed->agent.id, QStringLiteral("1"));
    QCOMPARE(parsed->agent.displayName, QStringLiteral("Tess Technician"));
    QVERIFY(parsed->agent.hasRole(QStringLiteral("auditor")));
    QVERIFY(!parsed->agent.hasRole(QStringLiteral("admin")));

    for (const QJsonObject &broken : brokenVariants(valid))
        QVERIFY2(!LoginResult::parse(broken), QJsonDocument(broken).toJson(QJsonDocument::Compact));
    const QJsonObject agent = valid.value(QStringLiteral("agent")).toObject();
    for (const QJsonObject &brokenAgent : brokenVariants(agent)) {
        QJsonObject broken = valid;
        broken.insert(QStringLiteral("agent"), brokenAgent);
        QVERIFY2(!LoginResult::parse(broken), QJsonDocument(broken).toJson(QJsonDocument::Compact));
    }
    QJsonObject badRole = valid;
    QJsonObject agentWithBadRole = agent;
    agentWithBadRole.insert(QStringLiteral("roles"), QJsonArray{QStringLiteral("technician"), 3});
    badRole.insert(QStringLiteral("agent"), agentWithBadRole);
    QVERIFY(!LoginResult::parse(badRole));
    QJsonObject badDate = valid;
    badDate.insert(QStringLiteral("expires_at"), QStringLiteral("tomorrow"));
    QVERIFY(!LoginResult::parse(badDate));
    QJsonObject emptyToken = valid;
    emptyToken.insert(QStringLiteral("token"), QString());
    QVERIFY(!LoginResult::parse(emptyToken));
    QJsonObject numericId = valid;
    QJsonObject agentNumericId = agent;
    agentNumericId.insert(QStringLiteral("id"), 1);
    numericId.insert(QStringLiteral("agent"), agentNumericId);
    QVERIFY(!LoginResult::parse(numericId));
}

void TestApiModels::search()
{
    const QJsonObject item = object(R"({"id":"1","display_name":"John P. Silver","department":"Engineering",
        "email_hint":"j***@acme.example","phone_hint":"+* *** **** 001","locked":false,"has_secret":true})");
    const QJsonObject valid{{QStringLiteral("results"), QJsonArray{item, item}}};
    const auto parsed = ProfileSummary::parseSearch(valid);
    QVERIFY(parsed);
    QCOMPARE(parsed->size(), 2);
    QCOMPARE(parsed->first().displayName, QStringLiteral("John P. Silver"));
    QCOMPARE(parsed->first().emailHint, QStringLiteral("j***@acme.example"));
    QVERIFY(!parsed->first().locked);
    QVERIFY(parsed->first().hasSecret);

    const auto empty = ProfileSummary::parseSearch(object(R"({"results":[]})"));
    QVERIFY(empty);
    QVERIFY(empty->isEmpty());

    for (const QJsonObject &broken : brokenVariants(valid))
        QVERIFY(!ProfileSummary::parseSearch(broken));
    for (const QJsonObject &brokenItem : brokenVariants(item)) {
        // One bad entry spoils the whole reply.
        const QJsonObject broken{{QStringLiteral("results"), QJsonArray{item, brokenItem}}};
        QVERIFY2(!ProfileSummary::parseSearch(broken), QJsonDocument(broken).toJson(QJsonDocument::Compact));
    }
    QVERIFY(!ProfileSummary::parseSearch(object(R"({"results":[1]})")));
    QVERIFY(!ProfileSummary::parseSearch(object(R"({"results":[{"locked":"false"}]})")));
}

void TestApiModels::verificationStart()
{
    const QJsonObject valid = object(R"({"id":"ca1f25dc140141b0f54ac1719615eebb",
        "questions":[{"id":"q1","field":"birthday","prompt":"What is your date of birth?"},
                     {"id":"q2","field":"secret","prompt":"What is your secret word?"}],
        "attempts_remaining":3,"expires_at":"2026-11-22T11:34:10Z"})");
    const auto parsed = VerificationStart::parse(valid);
    QVERIFY(parsed);
    QCOMPARE(parsed->id, QStringLiteral("ca1f25dc140141b0f54ac1719615eebb"));
    QCOMPARE(parsed->questions.size(), 2);
    QCOMPARE(parsed->questions.at(1).field, QStringLiteral("secret"));
    QCOMPARE(parsed->questions.at(0).prompt, QStringLiteral("What is your date of birth?"));
    QCOMPARE(parsed->attemptsRemaining, 3);
    QCOMPARE(parsed->expiresAt, QDateTime(QDate(2026, 11, 22), QTime(11, 34, 10), Qt::UTC));

    for (const QJsonObject &broken : brokenVariants(valid))
        QVERIFY2(!VerificationStart::parse(broken), QJsonDocument(broken).toJson(QJsonDocument::Compact));
    const QJsonObject question = valid.value(QStringLiteral("questions")).toArray().first().toObject();
    for (const QJsonObject &brokenQuestion : brokenVariants(question)) {
        QJsonObject broken = valid;
        broken.insert(QStringLiteral("questions"), QJsonArray{question, brokenQuestion});
        QVERIFY(!VerificationStart::parse(broken));
    }
    QJsonObject noQuestions = valid;
    noQuestions.insert(QStringLiteral("questions"), QJsonArray{});
    QVERIFY(!VerificationStart::parse(noQuestions));
    QJsonObject fractional = valid;
    fractional.insert(QStringLiteral("attempts_remaining"), 2.5);
    QVERIFY(!VerificationStart::parse(fractional));
    QJsonObject negative = valid;
    negative.insert(QStringLiteral("attempts_remaining"), -1);
    QVERIFY(!VerificationStart::parse(negative));
}

void TestApiModels::outcomePassedAndFailed()
{
    const QJsonObject passed =
            object(R"({"result":"passed","level":1,"grant_expires_at":"2026-11-22T11:49:10Z"})");
    const auto pass = VerificationOutcome::parse(200, passed);
    QVERIFY(pass);
    QCOMPARE(pass->result, VerificationOutcome::Result::Passed);
    QCOMPARE(pass->level, 1);
    QCOMPARE(pass->grantExpiresAt, QDateTime(QDate(2026, 11, 22), QTime(11, 49, 10), Qt::UTC));
    for (const QJsonObject &broken : brokenVariants(passed))
        QVERIFY2(!VerificationOutcome::parse(200, broken),
                 QJsonDocument(broken).toJson(QJsonDocument::Compact));

    const QJsonObject failed = object(R"({"result":"failed","attempts_remaining":2})");
    const auto fail = VerificationOutcome::parse(200, failed);
    QVERIFY(fail);
    QCOMPARE(fail->result, VerificationOutcome::Result::Failed);
    QCOMPARE(fail->attemptsRemaining, 2);
    for (const QJsonObject &broken : brokenVariants(failed))
        QVERIFY(!VerificationOutcome::parse(200, broken));

    QVERIFY(!VerificationOutcome::parse(200, object(R"({"result":"maybe","attempts_remaining":2})")));
    // The status decides which shape is expected.
    QVERIFY(!VerificationOutcome::parse(201, passed));
    QVERIFY(!VerificationOutcome::parse(400, object(R"({"error":"invalid_request","message":"x"})")));
    QVERIFY(!VerificationOutcome::parse(423, passed));
}

void TestApiModels::outcomeLockedAndExpired()
{
    const QJsonObject locked = object(R"({"error":"profile_locked","message":"The profile is locked.",
        "locked_until":"2026-11-22T11:59:16Z","attempts_remaining":0})");
    const auto lock = VerificationOutcome::parse(423, locked);
    QVERIFY(lock);
    QCOMPARE(lock->result, VerificationOutcome::Result::Locked);
    QCOMPARE(lock->attemptsRemaining, 0);
    QCOMPARE(lock->lockedUntil, QDateTime(QDate(2026, 11, 22), QTime(11, 59, 16), Qt::UTC));
    QJsonObject noUntil = locked;
    noUntil.remove(QStringLiteral("locked_until"));
    QVERIFY(!VerificationOutcome::parse(423, noUntil));
    QJsonObject otherCode = locked;
    otherCode.insert(QStringLiteral("error"), QStringLiteral("forbidden"));
    QVERIFY(!VerificationOutcome::parse(423, otherCode));

    const auto expired = VerificationOutcome::parse(
            410, object(R"({"error":"verification_expired","message":"start a new one"})"));
    QVERIFY(expired);
    QCOMPARE(expired->result, VerificationOutcome::Result::Expired);
    const auto lateAnswer = VerificationOutcome::parse(
            410, object(R"({"error":"verification_expired","message":"x","attempts_remaining":1})"));
    QVERIFY(lateAnswer);
    QCOMPARE(lateAnswer->attemptsRemaining, 1);
    QVERIFY(!VerificationOutcome::parse(
            410, object(R"({"error":"verification_expired","attempts_remaining":"1"})")));
    QVERIFY(!VerificationOutcome::parse(410, object(R"({"message":"x"})")));
}

void TestApiModels::profileDetails()
{
    const QJsonObject valid = object(R"({"id":"1","username":"jsilver","display_name":"John P. Silver",
        "department":"Engineering","email":"john.silver@acme.example","phone":"+1 555 0100 001",
        "privileged":false,"has_secret":true,
        "enrolled_fields":["title","middle_initial","employee_id","birthday","secret"],
        "level":1,"grant_expires_at":"2026-11-22T11:49:10Z"})");
    QJsonObject withExtras = valid;
    withExtras.insert(QStringLiteral("locked"), false);
    withExtras.insert(QStringLiteral("verification"), QStringLiteral("ca1f"));
    const auto parsed = ProfileDetails::parse(withExtras);
    QVERIFY(parsed);
    QCOMPARE(parsed->username, QStringLiteral("jsilver"));
    QCOMPARE(parsed->email, QStringLiteral("john.silver@acme.example"));
    QCOMPARE(parsed->enrolledFields.size(), 5);
    QCOMPARE(parsed->level, 1);
    QCOMPARE(parsed->verification, QStringLiteral("ca1f"));
    QVERIFY(parsed->hasSecret);
    QVERIFY(!parsed->privileged);
    QVERIFY(ProfileDetails::parse(valid)->verification.isEmpty());
    QJsonObject numericVerification = valid;
    numericVerification.insert(QStringLiteral("verification"), 7);
    QVERIFY(!ProfileDetails::parse(numericVerification));
    for (const QJsonObject &broken : brokenVariants(valid))
        QVERIFY2(!ProfileDetails::parse(broken), QJsonDocument(broken).toJson(QJsonDocument::Compact));
    QJsonObject badField = valid;
    badField.insert(QStringLiteral("enrolled_fields"), QJsonArray{QStringLiteral("title"), QJsonValue()});
    QVERIFY(!ProfileDetails::parse(badField));
}

void TestApiModels::auditList()
{
    const QJsonObject entry = object(R"({"seq":12,"at":"2026-11-22T11:29:16.299Z","action":"PROFILE_LOCKED",
        "agent":"tech1","profile":"2","verification":"a8c8","outcome":"locked",
        "details":{"failed_attempts":3,"locked_until":"2026-11-22T11:59:16Z"}})");
    const QJsonObject valid{{QStringLiteral("entries"), QJsonArray{entry}}};
    const auto parsed = AuditEntryView::parseList(valid);
    QVERIFY(parsed);
    QCOMPARE(parsed->size(), 1);
    const AuditEntryView &view = parsed->first();
    QCOMPARE(view.seq, 12);
    QCOMPARE(view.at, QDateTime(QDate(2026, 11, 22), QTime(11, 29, 16, 299), Qt::UTC));
    QCOMPARE(view.action, QStringLiteral("PROFILE_LOCKED"));
    QCOMPARE(view.details.value(QStringLiteral("failed_attempts")).toInt(), 3);
    QVERIFY(AuditEntryView::parseList(object(R"({"entries":[]})")));

    for (const QJsonObject &broken : brokenVariants(valid))
        QVERIFY(!AuditEntryView::parseList(broken));
    for (const QJsonObject &brokenEntry : brokenVariants(entry)) {
        const QJsonObject broken{{QStringLiteral("entries"), QJsonArray{entry, brokenEntry}}};
        QVERIFY2(!AuditEntryView::parseList(broken), QJsonDocument(broken).toJson(QJsonDocument::Compact));
    }
    QJsonObject fractionalSeq = entry;
    fractionalSeq.insert(QStringLiteral("seq"), 1.5);
    QVERIFY(!AuditEntryView::parseList({{QStringLiteral("entries"), QJsonArray{fractionalSeq}}}));
}

void TestApiModels::auditChainStatus()
{
    const QJsonObject valid = object(R"({"ok":true,"entries":48,"head":"eae0","first_bad_seq":null})");
    const auto parsed = AuditChainStatus::parse(valid);
    QVERIFY(parsed);
    QVERIFY(parsed->ok);
    QCOMPARE(parsed->entries, 48);
    QCOMPARE(parsed->head, QStringLiteral("eae0"));
    QVERIFY(!parsed->firstBadSeq);

    const auto bad =
            AuditChainStatus::parse(object(R"({"ok":false,"entries":48,"head":"eae0","first_bad_seq":7})"));
    QVERIFY(bad);
    QVERIFY(!bad->ok);
    QCOMPARE(bad->firstBadSeq.value_or(-1), 7);

    QJsonObject missing = valid;
    missing.remove(QStringLiteral("first_bad_seq"));
    QVERIFY(!AuditChainStatus::parse(missing));
    for (const QJsonObject &broken : brokenVariants(valid, {QStringLiteral("first_bad_seq")})) {
        QVERIFY2(!AuditChainStatus::parse(broken), QJsonDocument(broken).toJson(QJsonDocument::Compact));
    }
    // Contradictions: failed without a position, passed with one.
    QVERIFY(!AuditChainStatus::parse(object(R"({"ok":false,"entries":4,"head":"a","first_bad_seq":null})")));
    QVERIFY(!AuditChainStatus::parse(object(R"({"ok":true,"entries":4,"head":"a","first_bad_seq":2})")));
}

void TestApiModels::signedPolicy()
{
    const QByteArray policy = R"({"grant_seconds":900})";
    const QByteArray signature(64, '\x11');
    const QByteArray key(32, '\x22');
    const QJsonObject valid{{QStringLiteral("policy"), QString::fromLatin1(policy.toBase64())},
                            {QStringLiteral("signature"), QString::fromLatin1(signature.toBase64())},
                            {QStringLiteral("key"), QString::fromLatin1(key.toBase64())}};
    const auto parsed = SignedPolicy::parse(valid);
    QVERIFY(parsed);
    QCOMPARE(parsed->policyBytes, policy);
    QCOMPARE(parsed->signature, signature);
    QCOMPARE(parsed->publicKey, key);

    for (const QJsonObject &broken : brokenVariants(valid))
        QVERIFY(!SignedPolicy::parse(broken));
    QJsonObject shortSignature = valid;
    shortSignature.insert(QStringLiteral("signature"), QString::fromLatin1(QByteArray(63, 'a').toBase64()));
    QVERIFY(!SignedPolicy::parse(shortSignature));
    QJsonObject longKey = valid;
    longKey.insert(QStringLiteral("key"), QString::fromLatin1(QByteArray(33, 'a').toBase64()));
    QVERIFY(!SignedPolicy::parse(longKey));
    QJsonObject notBase64 = valid;
    notBase64.insert(QStringLiteral("policy"), QStringLiteral("!!not base64!!"));
    QVERIFY(!SignedPolicy::parse(notBase64));
    QJsonObject emptyPolicy = valid;
    emptyPolicy.insert(QStringLiteral("policy"), QString());
    QVERIFY(!SignedPolicy::parse(emptyPolicy));
}

void TestApiModels::emptyObjectIsRejectedEverywhere()
{
    const QJsonObject empty;
    QVERIFY(!LoginResult::parse(empty));
    QVERIFY(!ProfileSummary::parseSearch(empty));
    QVERIFY(!VerificationStart::parse(empty));
    QVERIFY(!VerificationOutcome::parse(200, empty));
    QVERIFY(!VerificationOutcome::parse(423, empty));
    QVERIFY(!VerificationOutcome::parse(410, empty));
    QVERIFY(!ProfileDetails::parse(empty));
    QVERIFY(!AuditEntryView::parseList(empty));
    QVERIFY(!AuditChainStatus::parse(empty));
    QVERIFY(!SignedPolicy::parse(empty));
    QVERIFY(!ActionInfo::parse(empty));
    QVERIFY(!ActionInfo::parseList(empty));
}

void TestApiModels::loginSecondFactor()
{
    const QJsonObject valid = object(
            R"({"token":"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ","expires_at":"2026-11-22T19:29:07Z",
        "second_factor":true,
        "agent":{"id":"3","username":"super1","display_name":"Sam Supervisor","roles":["supervisor"],
                 "second_factor_enrolled":true}})");
    const auto parsed = LoginResult::parse(valid);
    QVERIFY(parsed);
    QVERIFY(parsed->secondFactor);
    QVERIFY(parsed->agent.secondFactorEnrolled);

    // Servers before the second factor send neither: both read as false.
    QJsonObject older = valid;
    older.remove(QStringLiteral("second_factor"));
    QJsonObject agent = older.value(QStringLiteral("agent")).toObject();
    agent.remove(QStringLiteral("second_factor_enrolled"));
    older.insert(QStringLiteral("agent"), agent);
    const auto parsedOlder = LoginResult::parse(older);
    QVERIFY(parsedOlder);
    QVERIFY(!parsedOlder->secondFactor);
    QVERIFY(!parsedOlder->agent.secondFactorEnrolled);

    // Present but not a bool: refused, never coerced.
    for (const QJsonValue &wrong : {QJsonValue(QStringLiteral("true")), QJsonValue(1), QJsonValue()}) {
        QJsonObject badFlag = valid;
        badFlag.insert(QStringLiteral("second_factor"), wrong);
        QVERIFY(!LoginResult::parse(badFlag));
        QJsonObject badAgent = valid;
        QJsonObject agentObject = valid.value(QStringLiteral("agent")).toObject();
        agentObject.insert(QStringLiteral("second_factor_enrolled"), wrong);
        badAgent.insert(QStringLiteral("agent"), agentObject);
        QVERIFY(!LoginResult::parse(badAgent));
    }
}

void TestApiModels::frozenProfiles()
{
    QJsonObject item = object(R"({"id":"1","display_name":"John P. Silver","department":"Engineering",
        "email_hint":"j***@acme.example","phone_hint":"+* *** **** 001","locked":false,"has_secret":true,
        "frozen":true})");
    auto parsed = ProfileSummary::parseSearch({{QStringLiteral("results"), QJsonArray{item}}});
    QVERIFY(parsed);
    QVERIFY(parsed->first().frozen);
    item.remove(QStringLiteral("frozen"));
    parsed = ProfileSummary::parseSearch({{QStringLiteral("results"), QJsonArray{item}}});
    QVERIFY(parsed);
    QVERIFY(!parsed->first().frozen);
    item.insert(QStringLiteral("frozen"), QStringLiteral("yes"));
    QVERIFY(!ProfileSummary::parseSearch({{QStringLiteral("results"), QJsonArray{item}}}));

    QJsonObject details = object(R"({"id":"1","username":"jsilver","display_name":"John P. Silver",
        "department":"Engineering","email":"john.silver@acme.example","phone":"+1 555 0100 001",
        "privileged":false,"has_secret":true,"frozen":true,"enrolled_fields":["secret"],
        "level":2,"grant_expires_at":"2026-11-22T11:49:10Z"})");
    auto parsedDetails = ProfileDetails::parse(details);
    QVERIFY(parsedDetails);
    QVERIFY(parsedDetails->frozen);
    details.remove(QStringLiteral("frozen"));
    parsedDetails = ProfileDetails::parse(details);
    QVERIFY(parsedDetails);
    QVERIFY(!parsedDetails->frozen);
    details.insert(QStringLiteral("frozen"), 0);
    QVERIFY(!ProfileDetails::parse(details));
}

namespace {
// The action object of docs/api.md, with one approval and one history line.
QJsonObject validAction()
{
    return object(R"({"id":"7f3a","action":"reset_password","state":"awaiting_approval",
     "profile":{"id":"12","display_name":"John P. Silver","privileged":true},
     "reason":"caller locked out","ticket":"INC-1234","value_hint":"n***@acme.example",
     "requested_by":{"username":"tech","display_name":"Tess Technician"},
     "requested_at":"2026-11-22T12:00:00Z","expires_at":"2026-11-22T12:15:00Z","run_at":null,
     "completed_at":null,"result":"",
     "approvals_required":2,
     "approvals":[{"username":"sup","display_name":"Sam Supervisor","decision":"approved","reason":"ok",
                   "at":"2026-11-22T12:05:00Z"}],
     "evidence":{"verification_id":"ca1f","level":2,"methods":["questions","otp:email"],"verified_by":"tech",
                 "failed_attempts":1,"locked":false,
                 "history":[{"at":"2026-11-22T11:59:16.299Z","action":"HELPDESK_UNLOCK_ATTEMPT",
                             "outcome":"passed","agent":"tech"}]},
     "can_approve":false})");
}

const QStringList kNullableActionKeys{QStringLiteral("value_hint"), QStringLiteral("expires_at"),
                                      QStringLiteral("run_at"),     QStringLiteral("completed_at"),
                                      QStringLiteral("result"),     QStringLiteral("evidence")};
} // namespace

void TestApiModels::action()
{
    const auto parsed = ActionInfo::parse(validAction());
    QVERIFY(parsed);
    QCOMPARE(parsed->id, QStringLiteral("7f3a"));
    QCOMPARE(parsed->action, QStringLiteral("reset_password"));
    QVERIFY(parsed->awaitingApproval());
    QCOMPARE(parsed->profileId, QStringLiteral("12"));
    QCOMPARE(parsed->profileName, QStringLiteral("John P. Silver"));
    QVERIFY(parsed->privileged);
    QCOMPARE(parsed->reason, QStringLiteral("caller locked out"));
    QCOMPARE(parsed->ticket, QStringLiteral("INC-1234"));
    QCOMPARE(parsed->valueHint, QStringLiteral("n***@acme.example"));
    QCOMPARE(parsed->requestedBy, QStringLiteral("tech"));
    QCOMPARE(parsed->requestedByName, QStringLiteral("Tess Technician"));
    QCOMPARE(parsed->requestedAt, QDateTime(QDate(2026, 11, 22), QTime(12, 0), Qt::UTC));
    QCOMPARE(parsed->expiresAt, QDateTime(QDate(2026, 11, 22), QTime(12, 15), Qt::UTC));
    QVERIFY(!parsed->runAt.isValid());
    QVERIFY(!parsed->completedAt.isValid());
    QVERIFY(parsed->result.isEmpty());
    QCOMPARE(parsed->approvalsRequired, 2);
    QCOMPARE(parsed->approvals.size(), 1);
    QCOMPARE(parsed->approvals.first().username, QStringLiteral("sup"));
    QCOMPARE(parsed->approvals.first().decision, QStringLiteral("approved"));
    QCOMPARE(parsed->approvals.first().at, QDateTime(QDate(2026, 11, 22), QTime(12, 5), Qt::UTC));
    QCOMPARE(parsed->approvedCount(), 1);
    QVERIFY(parsed->evidence);
    QCOMPARE(parsed->evidence->level, 2);
    QCOMPARE(parsed->evidence->methods,
             (QStringList{QStringLiteral("questions"), QStringLiteral("otp:email")}));
    QCOMPARE(parsed->evidence->verifiedBy, QStringLiteral("tech"));
    QCOMPARE(parsed->evidence->failedAttempts, 1);
    QVERIFY(!parsed->evidence->locked);
    QCOMPARE(parsed->evidence->history.size(), 1);
    QCOMPARE(parsed->evidence->history.first().action, QStringLiteral("HELPDESK_UNLOCK_ATTEMPT"));
    QCOMPARE(parsed->evidence->history.first().at.time().msec(), 299);
    QVERIFY(!parsed->canApprove);

    // Scheduled, with a run time; a denial does not count as an approval.
    QJsonObject scheduled = validAction();
    scheduled.insert(QStringLiteral("state"), QStringLiteral("scheduled"));
    scheduled.insert(QStringLiteral("run_at"), QStringLiteral("2026-11-23T12:00:00Z"));
    QJsonArray approvals = scheduled.value(QStringLiteral("approvals")).toArray();
    QJsonObject denial = approvals.first().toObject();
    denial.insert(QStringLiteral("decision"), QStringLiteral("denied"));
    approvals.append(denial);
    scheduled.insert(QStringLiteral("approvals"), approvals);
    const auto parsedScheduled = ActionInfo::parse(scheduled);
    QVERIFY(parsedScheduled);
    QCOMPARE(parsedScheduled->runAt, QDateTime(QDate(2026, 11, 23), QTime(12, 0), Qt::UTC));
    QCOMPARE(parsedScheduled->approvedCount(), 1);
    QVERIFY(!parsedScheduled->awaitingApproval());
}

void TestApiModels::actionNullsAndOptionalParts()
{
    // What may be null, may also be left out.
    QJsonObject sparse = validAction();
    for (const QString &key : kNullableActionKeys)
        sparse.remove(key);
    auto parsed = ActionInfo::parse(sparse);
    QVERIFY(parsed);
    QVERIFY(parsed->valueHint.isEmpty());
    QVERIFY(!parsed->expiresAt.isValid());
    QVERIFY(!parsed->evidence);
    for (const QString &key : kNullableActionKeys)
        sparse.insert(key, QJsonValue());
    parsed = ActionInfo::parse(sparse);
    QVERIFY(parsed);
    QVERIFY(!parsed->evidence);

    // Every other key is required and typed.
    for (const QJsonObject &broken : brokenVariants(validAction(), kNullableActionKeys, kNullableActionKeys))
        QVERIFY2(!ActionInfo::parse(broken), QJsonDocument(broken).toJson(QJsonDocument::Compact));
    const QList<QPair<QString, QJsonValue>> badValues{
            {QStringLiteral("id"), QString()},
            {QStringLiteral("action"), QString()},
            {QStringLiteral("state"), QString()},
            {QStringLiteral("requested_at"), QStringLiteral("yesterday")},
            {QStringLiteral("expires_at"), QStringLiteral("soon")},
            {QStringLiteral("run_at"), QStringLiteral("2026-13-40T99:00:00Z")},
            {QStringLiteral("approvals_required"), -1},
            {QStringLiteral("approvals_required"), 1.5},
    };
    for (const auto &[key, value] : badValues) {
        QJsonObject broken = validAction();
        broken.insert(key, value);
        QVERIFY2(!ActionInfo::parse(broken), qPrintable(key));
    }
}

void TestApiModels::actionNestedPartsAreStrict()
{
    const QJsonObject valid = validAction();
    const auto withPart = [&valid](const QString &key, const QJsonValue &part) {
        QJsonObject changed = valid;
        changed.insert(key, part);
        return changed;
    };
    const QJsonObject profile = valid.value(QStringLiteral("profile")).toObject();
    for (const QJsonObject &broken : brokenVariants(profile))
        QVERIFY2(!ActionInfo::parse(withPart(QStringLiteral("profile"), broken)),
                 QJsonDocument(broken).toJson(QJsonDocument::Compact));
    const QJsonObject requester = valid.value(QStringLiteral("requested_by")).toObject();
    for (const QJsonObject &broken : brokenVariants(requester))
        QVERIFY(!ActionInfo::parse(withPart(QStringLiteral("requested_by"), broken)));
    const QJsonObject approval = valid.value(QStringLiteral("approvals")).toArray().first().toObject();
    for (const QJsonObject &broken : brokenVariants(approval))
        QVERIFY2(!ActionInfo::parse(withPart(QStringLiteral("approvals"), QJsonArray{approval, broken})),
                 QJsonDocument(broken).toJson(QJsonDocument::Compact));
    QVERIFY(!ActionInfo::parse(withPart(QStringLiteral("approvals"), QJsonArray{1})));

    const QJsonObject evidence = valid.value(QStringLiteral("evidence")).toObject();
    for (const QJsonObject &broken : brokenVariants(evidence))
        QVERIFY2(!ActionInfo::parse(withPart(QStringLiteral("evidence"), broken)),
                 QJsonDocument(broken).toJson(QJsonDocument::Compact));
    const QJsonObject line = evidence.value(QStringLiteral("history")).toArray().first().toObject();
    for (const QJsonObject &brokenLine : brokenVariants(line)) {
        QJsonObject brokenEvidence = evidence;
        brokenEvidence.insert(QStringLiteral("history"), QJsonArray{line, brokenLine});
        QVERIFY(!ActionInfo::parse(withPart(QStringLiteral("evidence"), brokenEvidence)));
    }
    QJsonObject badMethods = evidence;
    badMethods.insert(QStringLiteral("methods"), QJsonArray{QStringLiteral("questions"), 2});
    QVERIFY(!ActionInfo::parse(withPart(QStringLiteral("evidence"), badMethods)));
    QJsonObject negativeLevel = evidence;
    negativeLevel.insert(QStringLiteral("level"), -1);
    QVERIFY(!ActionInfo::parse(withPart(QStringLiteral("evidence"), negativeLevel)));
}

void TestApiModels::actionList()
{
    const QJsonObject action = validAction();
    QJsonObject second = action;
    second.insert(QStringLiteral("id"), QStringLiteral("8b4c"));
    const auto parsed = ActionInfo::parseList({{QStringLiteral("actions"), QJsonArray{action, second}}});
    QVERIFY(parsed);
    QCOMPARE(parsed->size(), 2);
    QCOMPARE(parsed->at(1).id, QStringLiteral("8b4c"));

    const auto empty = ActionInfo::parseList(object(R"({"actions":[]})"));
    QVERIFY(empty);
    QVERIFY(empty->isEmpty());

    for (const QJsonObject &broken : brokenVariants({{QStringLiteral("actions"), QJsonArray{action}}}))
        QVERIFY(!ActionInfo::parseList(broken));
    // One bad entry spoils the whole list.
    QJsonObject brokenEntry = action;
    brokenEntry.remove(QStringLiteral("can_approve"));
    QVERIFY(!ActionInfo::parseList({{QStringLiteral("actions"), QJsonArray{action, brokenEntry}}}));
    QVERIFY(!ActionInfo::parseList(object(R"({"actions":[null]})")));
    QVERIFY(!ActionInfo::parseList(object(R"({"actions":{}})")));
}

QTEST_GUILESS_MAIN(TestApiModels)
#include "test_api_models.moc"
