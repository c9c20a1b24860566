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
QList<QJsonObject> brokenVariants(const QJsonObject &valid, const QStringList &optionalKeys = {})
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
    QVERIFY(parsed->hasSecret);
    QVERIFY(!parsed->privileged);
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
}

QTEST_GUILESS_MAIN(TestApiModels)
#include "test_api_models.moc"
