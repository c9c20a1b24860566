// Actions, supervisor escalations, notifications and revert links against the real server, a
// real SMTP server (aiosmtpd) that starts out down, and the real device-approval protocol.
#include "ActionApi.h"
#include "DataDirectory.h"
#include "DeviceResponder.h"
#include "ServerContext.h"
#include "SigningKey.h"
#include "SmtpSink.h"
#include "TestServer.h"
#include "Totp.h"

#include <QDateTime>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil::test;

class TestActions : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void levelsRolesAndInputAreChecked();
    void passwordResetApprovedAndDeliveredOnceAfterSmtpOutage();
    void selfApprovalRefused();
    void privilegedProfileNeedsTwoSupervisors();
    void expiredEscalationCannotBeApproved();
    void approvedActionOnLockedProfileDoesNotRun();
    void emailChangeNotifiesOldAddressAndRevertRestoresAndFreezes();
    void revertInUndoWindowStopsTheChangeAndCancelsOthers();
    void mfaResetRevokesFactorsAndRevertRestoresThem();
    void auditChainStillVerifies();

private:
    QString verifyAtLevel3(const QString &profileId, const QByteArray &token);
    QByteArray supervisorSession(const QString &username);
    HttpResponse requestAction(const QString &profileId, const QByteArray &token, const QString &verification,
                               const QString &kind, const QString &value = {}) const;
    HttpResponse decide(const QString &actionId, const QByteArray &token, bool approve) const;
    QJsonObject action(const QString &actionId, const QByteArray &token) const;
    QVariant scalar(const QString &sql, const QVariantList &bindings) const;
    QJsonArray audit(const QString &query) const;
    QString freshProfile(bool privileged = false);
    bool lockProfile(const QString &profileId);
    static QString mailTo(const QByteArray &message);
    static QString header(const QByteArray &message, const QByteArray &name);

    QTemporaryDir m_dir;
    TestServer m_server;
    std::unique_ptr<SmtpSink> m_sink;
    quint16 m_smtpPort = 0;
    QByteArray m_tech1;
    QByteArray m_tech2;
    QByteArray m_auditor;
    QHash<QString, QByteArray> m_totpSecrets; // supervisor → raw secret
    QHash<QString, qint64> m_lastStep; // supervisor → last TOTP step used
    QHash<QString, QString> m_deviceIds; // profile → device id
    QHash<QString, QByteArray> m_deviceKeys; // profile → secret key bytes
    QStringList m_unused; // profiles with a secret not used by any test yet
    QStringList m_privileged;
};

void TestActions::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QString error;
    QVERIFY2(m_server.createDemo(m_dir.filePath(QStringLiteral("data")), 60, &error), qPrintable(error));
    const quint16 smtpPort = SmtpSink::freePort(); // nothing listens there until the sink starts
    QVERIFY(smtpPort != 0);
    const auto configured = m_server.cli({QStringLiteral("notify"), QStringLiteral("set"),
                                          QStringLiteral("smtp_url=smtp://127.0.0.1:%1").arg(smtpPort),
                                          QStringLiteral("smtp_from=vigil@acme.example"),
                                          QStringLiteral("public_url=https://vigil.acme.example:8443"),
                                          QStringLiteral("reset_url=https://sso.acme.example/reset")});
    QVERIFY2(configured.exitCode == 0, configured.output().constData());
    // The sink is started by the password-reset test, so that delivery first fails.
    m_sink = std::make_unique<SmtpSink>(m_dir.filePath(QStringLiteral("maildir")));
    m_smtpPort = smtpPort;

    static const QRegularExpression secretLine(QStringLiteral("Secret \\(base32\\): ([A-Z2-7]+)"));
    for (const QString &name : {QStringLiteral("super1"), QStringLiteral("super2")}) {
        const auto enrolled = m_server.cli(
                {QStringLiteral("totp"), QStringLiteral("enroll"), QStringLiteral("--agent"), name});
        QVERIFY2(enrolled.exitCode == 0, enrolled.output().constData());
        const auto match = secretLine.match(QString::fromUtf8(enrolled.out));
        QVERIFY(match.hasMatch());
        const auto secret = vigil::Totp::base32Decode(match.captured(1));
        QVERIFY(secret);
        m_totpSecrets.insert(name, *secret);
    }
    m_server.setUnlockInterval(1); // also the action job: undo windows and escalation expiry
    m_server.setExtraServeArguments({QStringLiteral("--outbox-interval"), QStringLiteral("1")});
    QVERIFY2(m_server.start(&error), qPrintable(error));
    m_tech1 = m_server.login(QStringLiteral("tech1"));
    m_tech2 = m_server.login(QStringLiteral("tech2"));
    m_auditor = m_server.login(QStringLiteral("audit1"));
    QVERIFY(!m_tech1.isEmpty() && !m_tech2.isEmpty() && !m_auditor.isEmpty());
    for (const auto &value : m_server.demoProfiles()) {
        const QJsonObject profile = value.toObject();
        if (!profile.value(QStringLiteral("answers")).toObject().contains(QStringLiteral("secret")))
            continue;
        (profile.value(QStringLiteral("privileged")).toBool() ? m_privileged : m_unused)
                .append(profile.value(QStringLiteral("id")).toString());
    }
    QVERIFY(m_unused.size() >= 10);
    QVERIFY(!m_privileged.isEmpty());
}

void TestActions::cleanupTestCase()
{
    if (qEnvironmentVariableIsSet("VIGIL_TEST_SERVER_LOG"))
        qInfo().noquote() << m_server.stderrLog();
    if (m_server.isRunning())
        QCOMPARE(m_server.stop(), 0);
    if (m_sink)
        m_sink->stop();
}

QString TestActions::freshProfile(bool privileged)
{
    QStringList &pool = privileged ? m_privileged : m_unused;
    return pool.isEmpty() ? QString() : pool.takeFirst();
}

// Questions (level 1), then the user's enrolled device approves with the matching number (level 3).
QString TestActions::verifyAtLevel3(const QString &profileId, const QByteArray &token)
{
    const QString verification = m_server.passVerification(profileId, token);
    if (verification.isEmpty())
        return {};
    if (!m_deviceIds.contains(profileId)) {
        const vigil::SigningKey key = vigil::SigningKey::generate();
        const auto enrolled = m_server.cli(
                {QStringLiteral("device"), QStringLiteral("enroll"), QStringLiteral("--profile"), profileId,
                 QStringLiteral("--public-key"), QString::fromLatin1(key.publicKey().toBase64()),
                 QStringLiteral("--name"), QStringLiteral("Phone")});
        static const QRegularExpression idLine(QStringLiteral("Device enrolled: ([0-9a-f]+)"));
        const auto match = idLine.match(QString::fromUtf8(enrolled.out));
        if (enrolled.exitCode != 0 || !match.hasMatch())
            return {};
        m_deviceIds.insert(profileId, match.captured(1));
        m_deviceKeys.insert(profileId, key.secretKey());
    }
    const QString deviceId = m_deviceIds.value(profileId);
    const auto challenge = m_server.client().postEmpty(
            QStringLiteral("/v1/verifications/%1/device").arg(verification), token);
    if (challenge.status != 201)
        return {};
    const QString challengeId = challenge.json.value(QStringLiteral("challenge_id")).toString();
    const QString number = QString::number(challenge.json.value(QStringLiteral("number")).toInt());
    QString nonce;
    const auto pending = m_server.client().get(QStringLiteral("/v1/devices/%1/challenges").arg(deviceId));
    for (const auto &value : pending.json.value(QStringLiteral("challenges")).toArray()) {
        if (value.toObject().value(QStringLiteral("id")).toString() == challengeId)
            nonce = value.toObject().value(QStringLiteral("nonce")).toString();
    }
    const auto key = vigil::SigningKey::fromSecretKey(m_deviceKeys.value(profileId));
    if (nonce.isEmpty() || !key)
        return {};
    const auto answered = m_server.client().post(
            QStringLiteral("/v1/device-challenges/%1/response").arg(challengeId),
            vigil::DeviceResponder(*key).response(deviceId, challengeId, nonce, true, number));
    if (answered.status != 200)
        return {};
    const auto state = m_server.client().get(
            QStringLiteral("/v1/verifications/%1/device/%2").arg(verification, challengeId), token);
    return state.json.value(QStringLiteral("level")).toInt() == 3 ? verification : QString();
}

// A signed-in supervisor session that passed the TOTP second factor. Each code is used once (the
// server refuses a step at or before the last one), so this waits for a fresh step when needed.
QByteArray TestActions::supervisorSession(const QString &username)
{
    const QByteArray token = m_server.login(username);
    if (token.isEmpty())
        return {};
    qint64 step = vigil::Totp::stepAt(QDateTime::currentSecsSinceEpoch());
    if (m_lastStep.value(username) >= step) {
        step = m_lastStep.value(username) + 1; // one step ahead is inside the accepted window
        while (step > vigil::Totp::stepAt(QDateTime::currentSecsSinceEpoch()) + 1)
            QTest::qWait(500);
    }
    const QString code = vigil::Totp::codeForStep(m_totpSecrets.value(username), step);
    const auto answer = m_server.client().post(QStringLiteral("/v1/auth/second-factor"),
                                               {{QStringLiteral("code"), code}}, token);
    if (answer.status != 200 || !answer.json.value(QStringLiteral("second_factor")).toBool())
        return {};
    m_lastStep.insert(username, step);
    return token;
}

HttpResponse TestActions::requestAction(const QString &profileId, const QByteArray &token,
                                        const QString &verification, const QString &kind,
                                        const QString &value) const
{
    QJsonObject body{{QStringLiteral("action"), kind},
                     {QStringLiteral("verification_id"), verification},
                     {QStringLiteral("reason"), QStringLiteral("Caller cannot sign in")},
                     {QStringLiteral("ticket"), QStringLiteral("INC-4711")}};
    if (!value.isEmpty())
        body.insert(QStringLiteral("value"), value);
    return m_server.client().post(QStringLiteral("/v1/profiles/%1/actions").arg(profileId), body, token);
}

HttpResponse TestActions::decide(const QString &actionId, const QByteArray &token, bool approve) const
{
    return m_server.client().post(
            QStringLiteral("/v1/actions/%1/%2")
                    .arg(actionId, approve ? QStringLiteral("approve") : QStringLiteral("deny")),
            {{QStringLiteral("reason"), QStringLiteral("Evidence checked with the caller's manager")}},
            token);
}

QJsonObject TestActions::action(const QString &actionId, const QByteArray &token) const
{
    return m_server.client().get(QStringLiteral("/v1/actions/%1").arg(actionId), token).json;
}

QVariant TestActions::scalar(const QString &sql, const QVariantList &bindings) const
{
    QVariant result;
    {
        auto db = m_server.openStore(QStringLiteral("actions-read"));
        if (db.isOpen()) {
            QSqlQuery query(db);
            query.prepare(sql);
            for (const auto &binding : bindings)
                query.addBindValue(binding);
            if (query.exec() && query.next())
                result = query.value(0);
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("actions-read"));
    return result;
}

QJsonArray TestActions::audit(const QString &query) const
{
    return m_server.audit(m_auditor, QStringLiteral("limit=1000&") + query);
}

bool TestActions::lockProfile(const QString &profileId)
{
    for (int attempt = 0; attempt < 3; ++attempt) {
        const auto started = m_server.client().postEmpty(
                QStringLiteral("/v1/profiles/%1/verifications").arg(profileId), m_tech2);
        if (started.status != 201)
            return false;
        const auto body = answersBody(started.json.value(QStringLiteral("questions")).toArray(),
                                      [](const QString &) { return QStringLiteral("definitely wrong"); });
        const auto answered =
                m_server.client().post(QStringLiteral("/v1/verifications/%1/answers")
                                               .arg(started.json.value(QStringLiteral("id")).toString()),
                                       body, m_tech2);
        if (answered.status == 423)
            return true;
    }
    return false;
}

QString TestActions::header(const QByteArray &message, const QByteArray &name)
{
    for (const QByteArray &line : message.split('\n')) {
        if (line.trimmed().isEmpty())
            break;
        if (line.toLower().startsWith(QByteArray(name.toLower() + ':')))
            return QString::fromUtf8(line.mid(name.size() + 1).trimmed());
    }
    return {};
}

QString TestActions::mailTo(const QByteArray &message)
{
    QString to = header(message, "To");
    to.remove(QLatin1Char('<')).remove(QLatin1Char('>'));
    return to.trimmed().toLower();
}

void TestActions::levelsRolesAndInputAreChecked()
{
    const QString profile = freshProfile();
    const QString verification = m_server.passVerification(profile, m_tech1);
    QVERIFY(!verification.isEmpty());

    auto refused = requestAction(profile, m_tech1, verification, QStringLiteral("reset_password"));
    QCOMPARE(refused.status, 403);
    QCOMPARE(refused.errorCode(), QStringLiteral("level_insufficient"));
    QCOMPARE(refused.json.value(QStringLiteral("required_level")).toInt(), 2);
    QCOMPARE(refused.json.value(QStringLiteral("level")).toInt(), 1);

    // Someone else's verification is no proof for this agent.
    refused = requestAction(profile, m_tech2, verification, QStringLiteral("unlock_account"));
    QCOMPARE(refused.status, 403);
    QCOMPARE(refused.errorCode(), QStringLiteral("verification_required"));

    QCOMPARE(requestAction(profile, m_tech1, verification, QStringLiteral("view_profile")).status, 400);
    QCOMPARE(requestAction(profile, m_tech1, verification, QStringLiteral("wire_money")).status, 400);
    QCOMPARE(requestAction(profile, m_tech1, verification, QStringLiteral("change_email"),
                           QStringLiteral("not-an-address"))
                     .status,
             400);
    auto noTicket = m_server.client().post(QStringLiteral("/v1/profiles/%1/actions").arg(profile),
                                           {{QStringLiteral("action"), QStringLiteral("unlock_account")},
                                            {QStringLiteral("verification_id"), verification},
                                            {QStringLiteral("reason"), QStringLiteral("x")}},
                                           m_tech1);
    QCOMPARE(noTicket.status, 400);

    // Technicians neither see the queue nor approve; approving needs the second factor.
    QCOMPARE(m_server.client().get(QStringLiteral("/v1/actions?scope=queue"), m_tech1).status, 403);
    QCOMPARE(decide(QStringLiteral("0123456789abcdef0123456789abcdef"), m_tech1, true).status, 403);
    const QByteArray plainSupervisor = m_server.login(QStringLiteral("super2"));
    const auto withoutSecondFactor =
            decide(QStringLiteral("0123456789abcdef0123456789abcdef"), plainSupervisor, true);
    QCOMPARE(withoutSecondFactor.status, 403);
    QCOMPARE(withoutSecondFactor.errorCode(), QStringLiteral("second_factor_required"));
    const auto wrongCode =
            m_server.client().post(QStringLiteral("/v1/auth/second-factor"),
                                   {{QStringLiteral("code"), QStringLiteral("000000")}}, plainSupervisor);
    QVERIFY2(wrongCode.status == 403 || wrongCode.status == 200, wrongCode.describe());
    if (wrongCode.status == 403)
        QCOMPARE(wrongCode.errorCode(), QStringLiteral("invalid_code"));
    const auto noAuthenticator =
            m_server.client().post(QStringLiteral("/v1/auth/second-factor"),
                                   {{QStringLiteral("code"), QStringLiteral("123456")}}, m_tech1);
    QCOMPARE(noAuthenticator.status, 409);
    QCOMPARE(noAuthenticator.errorCode(), QStringLiteral("no_totp"));

    // Unlock needs level 2 and no approval: after the device step-up it runs at once.
    const QString strong = verifyAtLevel3(profile, m_tech1);
    QVERIFY(!strong.isEmpty());
    const auto unlocked = requestAction(profile, m_tech1, strong, QStringLiteral("unlock_account"));
    QVERIFY2(unlocked.status == 201, unlocked.describe());
    QCOMPARE(unlocked.json.value(QStringLiteral("state")).toString(), QStringLiteral("done"));
    QCOMPARE(unlocked.json.value(QStringLiteral("approvals_required")).toInt(), 0);
}

void TestActions::passwordResetApprovedAndDeliveredOnceAfterSmtpOutage()
{
    const QString profile = freshProfile();
    const QString verification = verifyAtLevel3(profile, m_tech1);
    QVERIFY(!verification.isEmpty());
    const auto requested = requestAction(profile, m_tech1, verification, QStringLiteral("reset_password"));
    QVERIFY2(requested.status == 201, requested.describe());
    const QString id = requested.json.value(QStringLiteral("id")).toString();
    QCOMPARE(requested.json.value(QStringLiteral("state")).toString(), QStringLiteral("awaiting_approval"));
    QCOMPARE(requested.json.value(QStringLiteral("approvals_required")).toInt(), 1);
    const QJsonObject evidence = requested.json.value(QStringLiteral("evidence")).toObject();
    QCOMPARE(evidence.value(QStringLiteral("level")).toInt(), 3);
    QVERIFY(evidence.value(QStringLiteral("methods")).toArray().contains(QStringLiteral("device")));
    QCOMPARE(evidence.value(QStringLiteral("methods")).toArray().first().toString(),
             QStringLiteral("questions"));
    QCOMPARE(evidence.value(QStringLiteral("verified_by")).toString(), QStringLiteral("tech1"));
    QVERIFY(!evidence.value(QStringLiteral("history")).toArray().isEmpty());
    QVERIFY(!requested.json.value(QStringLiteral("can_approve")).toBool());
    // The same action cannot be queued twice.
    QCOMPARE(requestAction(profile, m_tech1, verification, QStringLiteral("reset_password")).errorCode(),
             QStringLiteral("action_pending"));

    const QByteArray supervisor = supervisorSession(QStringLiteral("super1"));
    QVERIFY(!supervisor.isEmpty());
    const auto queue = m_server.client().get(QStringLiteral("/v1/actions?scope=queue"), supervisor);
    QCOMPARE(queue.status, 200);
    bool listed = false;
    for (const auto &value : queue.json.value(QStringLiteral("actions")).toArray()) {
        const QJsonObject entry = value.toObject();
        if (entry.value(QStringLiteral("id")).toString() == id) {
            listed = true;
            QVERIFY(entry.value(QStringLiteral("can_approve")).toBool());
            QCOMPARE(entry.value(QStringLiteral("ticket")).toString(), QStringLiteral("INC-4711"));
        }
    }
    QVERIFY(listed);

    const auto approved = decide(id, supervisor, true);
    QVERIFY2(approved.status == 200, approved.describe());
    QCOMPARE(approved.json.value(QStringLiteral("state")).toString(), QStringLiteral("done"));
    QCOMPARE(action(id, m_tech1).value(QStringLiteral("state")).toString(), QStringLiteral("done"));
    QCOMPARE(decide(id, supervisor, true).errorCode(), QStringLiteral("not_pending"));

    // SMTP is down: the link and the notice wait in the outbox and are retried.
    const QString linkKey = QStringLiteral("reset-link:") + id;
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE dedupe_key = ?"), {linkKey}).toInt(),
             1);
    QElapsedTimer timer;
    timer.start();
    while (scalar(QStringLiteral("SELECT attempts FROM outbox WHERE dedupe_key = ?"), {linkKey}).toInt() < 1
           && timer.elapsed() < 20000)
        QTest::qWait(250);
    QVERIFY(scalar(QStringLiteral("SELECT attempts FROM outbox WHERE dedupe_key = ?"), {linkKey}).toInt()
            >= 1);
    QVERIFY(scalar(QStringLiteral("SELECT sent_at FROM outbox WHERE dedupe_key = ?"), {linkKey}).isNull());
    QVERIFY(m_sink->messages().isEmpty());

    QString error;
    QVERIFY2(m_sink->start(m_smtpPort, &error), qPrintable(error));
    timer.restart();
    while (!scalar(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL AND channel = 'email'"),
                   {})
                           .toInt()
                   == 0
           && timer.elapsed() < 90000)
        QTest::qWait(500);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL AND channel = 'email'"),
                    {})
                     .toInt(),
             0);
    QTest::qWait(3000); // more delivery runs: nothing may be sent twice
    QHash<QString, int> byMessageId;
    QByteArray linkMail;
    for (const QByteArray &message : m_sink->messages()) {
        ++byMessageId[header(message, "Message-ID")];
        if (header(message, "Subject") == QLatin1String("Your password reset link"))
            linkMail = message;
    }
    for (auto it = byMessageId.cbegin(); it != byMessageId.cend(); ++it)
        QVERIFY2(it.value() == 1,
                 qPrintable(QStringLiteral("%1 delivered %2 times").arg(it.key()).arg(it.value())));
    QCOMPARE(byMessageId.size(),
             scalar(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE channel = 'email'"), {}).toInt());

    // The user redeems the link at the password portal, once.
    static const QRegularExpression link(
            QStringLiteral("https://sso\\.acme\\.example/reset\\?token=([A-Za-z0-9_-]+)"));
    const auto match = link.match(QString::fromUtf8(linkMail));
    QVERIFY2(match.hasMatch(), linkMail.constData());
    const QString token = match.captured(1);
    // Only a keyed hash of the token is stored; it is in no file of the data folder, nor the log.
    QDirIterator files(m_server.dataDir(), QDir::Files, QDirIterator::Subdirectories);
    int searched = 0;
    while (files.hasNext()) {
        QFile file(files.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY2(!file.readAll().contains(token.toLatin1()), qPrintable(file.fileName()));
        ++searched;
    }
    QVERIFY(searched >= 3);
    QVERIFY(!m_server.log().contains(token.toLatin1()));
    const auto redeemed = m_server.client().post(QStringLiteral("/v1/password-resets/redeem"),
                                                 {{QStringLiteral("token"), token}});
    QVERIFY2(redeemed.status == 200, redeemed.describe());
    QCOMPARE(redeemed.json.value(QStringLiteral("profile_id")).toString(), profile);
    QCOMPARE(m_server.client()
                     .post(QStringLiteral("/v1/password-resets/redeem"), {{QStringLiteral("token"), token}})
                     .errorCode(),
             QStringLiteral("reset_used"));

    for (const QString &name : {QStringLiteral("ACTION_REQUESTED"), QStringLiteral("ESCALATION_CREATED"),
                                QStringLiteral("ESCALATION_APPROVED"), QStringLiteral("ACTION_COMPLETED"),
                                QStringLiteral("PASSWORD_RESET_REDEEMED"),
                                QStringLiteral("AGENT_SECOND_FACTOR"), QStringLiteral("NOTIFICATION_QUEUED"),
                                QStringLiteral("NOTIFICATION_SENT"), QStringLiteral("NOTIFICATION_FAILED")})
        QVERIFY2(!audit(QStringLiteral("action=") + name).isEmpty(), qPrintable(name));
    const auto mine = m_server.client().get(QStringLiteral("/v1/actions?scope=mine"), m_tech1);
    QVERIFY(countEntries(mine.json.value(QStringLiteral("actions")).toArray(), QStringLiteral("id"), id)
            == 1);
}

void TestActions::selfApprovalRefused()
{
    const QString profile = freshProfile();
    const QByteArray supervisor = supervisorSession(QStringLiteral("super1"));
    QVERIFY(!supervisor.isEmpty());
    const QString verification = verifyAtLevel3(profile, supervisor);
    QVERIFY(!verification.isEmpty());
    const auto requested = requestAction(profile, supervisor, verification, QStringLiteral("reset_password"));
    QVERIFY2(requested.status == 201, requested.describe());
    const QString id = requested.json.value(QStringLiteral("id")).toString();
    QVERIFY(!requested.json.value(QStringLiteral("can_approve")).toBool());

    const auto self = decide(id, supervisor, true);
    QCOMPARE(self.status, 403);
    QCOMPARE(self.errorCode(), QStringLiteral("self_approval"));
    QCOMPARE(decide(id, supervisor, false).errorCode(), QStringLiteral("self_approval"));
    QCOMPARE(action(id, supervisor).value(QStringLiteral("state")).toString(),
             QStringLiteral("awaiting_approval"));
    bool refusalAudited = false;
    for (const auto &entry : audit(QStringLiteral("action=ESCALATION_APPROVED"))) {
        const QJsonObject object = entry.toObject();
        refusalAudited = refusalAudited
                || (object.value(QStringLiteral("outcome")).toString() == QLatin1String("refused")
                    && object.value(QStringLiteral("details"))
                                    .toObject()
                                    .value(QStringLiteral("action_id"))
                                    .toString()
                            == id);
    }
    QVERIFY(refusalAudited);

    const QByteArray other = supervisorSession(QStringLiteral("super2"));
    QVERIFY(!other.isEmpty());
    const auto denied = decide(id, other, false);
    QVERIFY2(denied.status == 200, denied.describe());
    QCOMPARE(denied.json.value(QStringLiteral("state")).toString(), QStringLiteral("denied"));
    QVERIFY(!audit(QStringLiteral("action=ESCALATION_DENIED")).isEmpty());
}

void TestActions::privilegedProfileNeedsTwoSupervisors()
{
    const QString profile = freshProfile(true);
    const QString verification = verifyAtLevel3(profile, m_tech1);
    QVERIFY(!verification.isEmpty());
    const auto requested = requestAction(profile, m_tech1, verification, QStringLiteral("reset_password"));
    QVERIFY2(requested.status == 201, requested.describe());
    QCOMPARE(requested.json.value(QStringLiteral("approvals_required")).toInt(), 2);
    QVERIFY(requested.json.value(QStringLiteral("profile"))
                    .toObject()
                    .value(QStringLiteral("privileged"))
                    .toBool());
    const QString id = requested.json.value(QStringLiteral("id")).toString();

    const QByteArray first = supervisorSession(QStringLiteral("super1"));
    const QByteArray second = supervisorSession(QStringLiteral("super2"));
    QVERIFY(!first.isEmpty() && !second.isEmpty());
    const auto one = decide(id, first, true);
    QVERIFY2(one.status == 200, one.describe());
    QCOMPARE(one.json.value(QStringLiteral("state")).toString(), QStringLiteral("awaiting_approval"));
    QCOMPARE(one.json.value(QStringLiteral("approvals")).toArray().size(), 1);
    QVERIFY(!one.json.value(QStringLiteral("can_approve")).toBool());
    const auto again = decide(id, first, true);
    QCOMPARE(again.status, 409);
    QCOMPARE(again.errorCode(), QStringLiteral("already_decided"));
    const auto two = decide(id, second, true);
    QVERIFY2(two.status == 200, two.describe());
    QCOMPARE(two.json.value(QStringLiteral("state")).toString(), QStringLiteral("done"));
    QCOMPARE(two.json.value(QStringLiteral("approvals")).toArray().size(), 2);

    // And a policy may refuse the action on privileged profiles altogether.
    QVERIFY(m_server.setPolicy({QStringLiteral("actions.reset_mfa.privileged_refused=true")}));
    const auto refused = requestAction(profile, m_tech1, verification, QStringLiteral("reset_mfa"));
    QCOMPARE(refused.status, 403);
    QCOMPARE(refused.errorCode(), QStringLiteral("refused_by_policy"));
    QVERIFY(m_server.setPolicy({QStringLiteral("actions.reset_mfa.privileged_refused=false")}));
}

void TestActions::expiredEscalationCannotBeApproved()
{
    QVERIFY(m_server.setPolicy({QStringLiteral("escalation_ttl_seconds=2")}));
    const QString profile = freshProfile();
    const QString verification = verifyAtLevel3(profile, m_tech1);
    QVERIFY(!verification.isEmpty());
    const auto requested = requestAction(profile, m_tech1, verification, QStringLiteral("reset_password"));
    QVERIFY(m_server.setPolicy({QStringLiteral("escalation_ttl_seconds=900")}));
    QVERIFY2(requested.status == 201, requested.describe());
    const QString id = requested.json.value(QStringLiteral("id")).toString();
    QTest::qWait(3500);
    const QByteArray supervisor = supervisorSession(QStringLiteral("super2"));
    QVERIFY(!supervisor.isEmpty());
    const auto late = decide(id, supervisor, true);
    QCOMPARE(late.status, 410);
    QCOMPARE(late.errorCode(), QStringLiteral("escalation_expired"));
    QCOMPARE(action(id, m_tech1).value(QStringLiteral("state")).toString(), QStringLiteral("expired"));
    QCOMPARE(countEntries(audit(QStringLiteral("action=ESCALATION_EXPIRED")), QStringLiteral("verification"),
                          verification),
             1);
    QVERIFY(scalar(QStringLiteral("SELECT COUNT(*) FROM password_resets WHERE action_id = ?"), {id}).toInt()
            == 0);
}

void TestActions::approvedActionOnLockedProfileDoesNotRun()
{
    const QString profile = freshProfile();
    const QString verification = verifyAtLevel3(profile, m_tech1);
    QVERIFY(!verification.isEmpty());
    const auto requested = requestAction(profile, m_tech1, verification, QStringLiteral("reset_password"));
    QVERIFY2(requested.status == 201, requested.describe());
    const QString id = requested.json.value(QStringLiteral("id")).toString();

    QVERIFY(lockProfile(profile)); // another caller fails the questions meanwhile
    const QByteArray supervisor = supervisorSession(QStringLiteral("super1"));
    QVERIFY(!supervisor.isEmpty());
    const auto approved = decide(id, supervisor, true);
    QVERIFY2(approved.status == 200, approved.describe());
    QCOMPARE(approved.json.value(QStringLiteral("state")).toString(), QStringLiteral("failed"));
    QCOMPARE(approved.json.value(QStringLiteral("result")).toString(), QStringLiteral("profile_locked"));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM password_resets WHERE action_id = ?"), {id}).toInt(),
             0);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE dedupe_key = ?"),
                    {QString(QStringLiteral("reset-link:") + id)})
                     .toInt(),
             0);
    // The lock itself was told to the user.
    QVERIFY(scalar(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE dedupe_key LIKE ?"),
                   {QStringLiteral("lock:%1:%").arg(profile)})
                    .toInt()
            >= 1);
    QVERIFY(!audit(QStringLiteral("action=ACTION_FAILED&profile=") + profile).isEmpty());
}

void TestActions::emailChangeNotifiesOldAddressAndRevertRestoresAndFreezes()
{
    QVERIFY(m_server.setPolicy({QStringLiteral("actions.change_email.undo_seconds=2")}));
    const QString profile = freshProfile();
    const QString oldEmail =
            scalar(QStringLiteral("SELECT email FROM profiles WHERE id = ?"), {profile}).toString();
    QVERIFY(!oldEmail.isEmpty());
    const QString newEmail = QStringLiteral("new.address.%1@elsewhere.example").arg(profile);
    const QString verification = verifyAtLevel3(profile, m_tech1);
    QVERIFY(!verification.isEmpty());
    const auto requested =
            requestAction(profile, m_tech1, verification, QStringLiteral("change_email"), newEmail);
    QVERIFY2(requested.status == 201, requested.describe());
    const QString id = requested.json.value(QStringLiteral("id")).toString();
    QVERIFY(requested.json.value(QStringLiteral("value_hint")).toString().startsWith(QLatin1Char('n')));
    const QByteArray supervisor = supervisorSession(QStringLiteral("super2"));
    QVERIFY(!supervisor.isEmpty());
    const auto approved = decide(id, supervisor, true);
    QVERIFY2(approved.status == 200, approved.describe());
    QCOMPARE(approved.json.value(QStringLiteral("state")).toString(), QStringLiteral("scheduled"));
    // Pending until the undo window passes: the address on record is still the old one.
    QCOMPARE(scalar(QStringLiteral("SELECT email FROM profiles WHERE id = ?"), {profile}).toString(),
             oldEmail);

    QElapsedTimer timer;
    timer.start();
    while (action(id, m_tech1).value(QStringLiteral("state")).toString() != QLatin1String("done")
           && timer.elapsed() < 20000)
        QTest::qWait(300);
    QCOMPARE(action(id, m_tech1).value(QStringLiteral("state")).toString(), QStringLiteral("done"));
    QCOMPARE(scalar(QStringLiteral("SELECT email FROM profiles WHERE id = ?"), {profile}).toString(),
             newEmail);
    QVERIFY(m_server.setPolicy({QStringLiteral("actions.change_email.undo_seconds=86400")}));

    // The old address is told, with a revert link.
    QByteArray noticeToOld;
    timer.restart();
    while (noticeToOld.isEmpty() && timer.elapsed() < 30000) {
        for (const QByteArray &message : m_sink->messages()) {
            if (mailTo(message) == oldEmail.toLower()
                && header(message, "Subject") == QLatin1String("Your account was changed by the help desk"))
                noticeToOld = message;
        }
        QTest::qWait(300);
    }
    QVERIFY2(!noticeToOld.isEmpty(), "no change notice reached the old address");
    bool newAddressTold = false;
    for (const QByteArray &message : m_sink->messages())
        newAddressTold = newAddressTold || mailTo(message) == newEmail.toLower();
    QVERIFY(newAddressTold);
    static const QRegularExpression revertLink(QStringLiteral(
            "https://vigil\\.acme\\.example:8443/v1/revert/([0-9a-f]{32}\\.[0-9]+\\.[A-Za-z0-9_-]+)"));
    const auto match = revertLink.match(QString::fromUtf8(noticeToOld));
    QVERIFY2(match.hasMatch(), noticeToOld.constData());
    const QString token = match.captured(1);

    QString tampered = token;
    tampered[tampered.size() - 2] =
            tampered.at(tampered.size() - 2) == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
    QCOMPARE(m_server.client().postEmpty(QStringLiteral("/v1/revert/") + tampered).status, 404);

    const auto info = m_server.client().get(QStringLiteral("/v1/revert/") + token);
    QVERIFY2(info.status == 200, info.describe());
    QVERIFY(info.json.value(QStringLiteral("can_revert")).toBool());
    const auto page = m_server.client().sendRaw(
            m_server.client()
                    .requestHead("GET", QStringLiteral("/v1/revert/") + token, {}, 0, {})
                    .replace("\r\n\r\n", "\r\nAccept: text/html\r\n\r\n"));
    QCOMPARE(page.status, 200);
    QVERIFY(page.header("Content-Type").startsWith("text/html"));
    QVERIFY(page.body.contains("<form method=\"post\""));

    const auto reverted = m_server.client().postEmpty(QStringLiteral("/v1/revert/") + token);
    QVERIFY2(reverted.status == 200, reverted.describe());
    QCOMPARE(scalar(QStringLiteral("SELECT email FROM profiles WHERE id = ?"), {profile}).toString(),
             oldEmail);
    QVERIFY(!scalar(QStringLiteral("SELECT frozen_at FROM profiles WHERE id = ?"), {profile}).isNull());
    QCOMPARE(action(id, m_tech1).value(QStringLiteral("state")).toString(), QStringLiteral("reverted"));
    QCOMPARE(m_server.client().postEmpty(QStringLiteral("/v1/revert/") + token).errorCode(),
             QStringLiteral("not_revertible"));

    // Frozen: no further action until a supervisor has looked; search shows it.
    const QString again = verifyAtLevel3(profile, m_tech1);
    QVERIFY(!again.isEmpty());
    QCOMPARE(requestAction(profile, m_tech1, again, QStringLiteral("unlock_account")).errorCode(),
             QStringLiteral("profile_frozen"));
    const auto details = m_server.client().get(QStringLiteral("/v1/profiles/") + profile, m_tech1);
    QVERIFY(details.json.value(QStringLiteral("frozen")).toBool());
    QCOMPARE(m_server.client()
                     .postEmpty(QStringLiteral("/v1/profiles/%1/unfreeze").arg(profile), m_tech1)
                     .status,
             403);
    QCOMPARE(m_server.client()
                     .postEmpty(QStringLiteral("/v1/profiles/%1/unfreeze").arg(profile), supervisor)
                     .status,
             204);
    QVERIFY(scalar(QStringLiteral("SELECT frozen_at FROM profiles WHERE id = ?"), {profile}).isNull());
    for (const QString &name : {QStringLiteral("ACTION_SCHEDULED"), QStringLiteral("ACTION_REVERTED"),
                                QStringLiteral("PROFILE_FROZEN"), QStringLiteral("PROFILE_UNFROZEN")})
        QVERIFY2(!audit(QStringLiteral("action=%1&profile=%2").arg(name, profile)).isEmpty(),
                 qPrintable(name));
}

void TestActions::revertInUndoWindowStopsTheChangeAndCancelsOthers()
{
    const QString profile = freshProfile();
    const QString oldPhone =
            scalar(QStringLiteral("SELECT phone FROM profiles WHERE id = ?"), {profile}).toString();
    const QString verification = verifyAtLevel3(profile, m_tech1);
    QVERIFY(!verification.isEmpty());
    const auto phone = requestAction(profile, m_tech1, verification, QStringLiteral("change_phone"),
                                     QStringLiteral("+1 555 010 9999"));
    QVERIFY2(phone.status == 201, phone.describe());
    const auto reset = requestAction(profile, m_tech1, verification, QStringLiteral("reset_password"));
    QVERIFY2(reset.status == 201, reset.describe());
    const QString phoneId = phone.json.value(QStringLiteral("id")).toString();
    const QString resetId = reset.json.value(QStringLiteral("id")).toString();
    const QByteArray supervisor = supervisorSession(QStringLiteral("super1"));
    QVERIFY(!supervisor.isEmpty());
    QCOMPARE(decide(phoneId, supervisor, true).json.value(QStringLiteral("state")).toString(),
             QStringLiteral("scheduled"));

    // The user follows the link from the "pending change" notice (sent by SMS and e-mail).
    QString error;
    const auto context = vigil::ServerContext::open(m_server.dataDir(), &error);
    QVERIFY2(context, qPrintable(error));
    const QString token =
            vigil::ActionApi::revertToken(*context, phoneId, QDateTime::currentSecsSinceEpoch() + 3600);
    const auto reverted = m_server.client().postEmpty(QStringLiteral("/v1/revert/") + token);
    QVERIFY2(reverted.status == 200, reverted.describe());
    const QJsonObject stopped = action(phoneId, m_tech1);
    QCOMPARE(stopped.value(QStringLiteral("state")).toString(), QStringLiteral("reverted"));
    QCOMPARE(stopped.value(QStringLiteral("result")).toString(), QStringLiteral("stopped_in_undo_window"));
    QCOMPARE(scalar(QStringLiteral("SELECT phone FROM profiles WHERE id = ?"), {profile}).toString(),
             oldPhone);
    // Whatever else was waiting on the profile is stopped with it.
    const QJsonObject other = action(resetId, m_tech1);
    QCOMPARE(other.value(QStringLiteral("state")).toString(), QStringLiteral("cancelled"));
    QCOMPARE(other.value(QStringLiteral("result")).toString(), QStringLiteral("profile_frozen"));
    // An expired link is refused.
    const QString old =
            vigil::ActionApi::revertToken(*context, phoneId, QDateTime::currentSecsSinceEpoch() - 10);
    QCOMPARE(m_server.client().postEmpty(QStringLiteral("/v1/revert/") + old).errorCode(),
             QStringLiteral("revert_expired"));
}

void TestActions::mfaResetRevokesFactorsAndRevertRestoresThem()
{
    const QString profile = freshProfile();
    const auto enrolled = m_server.cli(
            {QStringLiteral("totp"), QStringLiteral("enroll"), QStringLiteral("--profile"), profile});
    QVERIFY2(enrolled.exitCode == 0, enrolled.output().constData());
    const QString verification = verifyAtLevel3(profile, m_tech1);
    QVERIFY(!verification.isEmpty());
    const auto requested = requestAction(profile, m_tech1, verification, QStringLiteral("reset_mfa"));
    QVERIFY2(requested.status == 201, requested.describe());
    const QString id = requested.json.value(QStringLiteral("id")).toString();
    const QByteArray supervisor = supervisorSession(QStringLiteral("super2"));
    QVERIFY(!supervisor.isEmpty());
    QCOMPARE(decide(id, supervisor, true).json.value(QStringLiteral("state")).toString(),
             QStringLiteral("done"));
    const QString owner = QStringLiteral("profile:") + profile;
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM totp_secrets WHERE owner = ?"), {owner}).toInt(), 0);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM devices WHERE profile_id = ? AND revoked = 0"),
                    {profile})
                     .toInt(),
             0);

    QString error;
    const auto context = vigil::ServerContext::open(m_server.dataDir(), &error);
    QVERIFY2(context, qPrintable(error));
    const auto reverted = m_server.client().postEmpty(
            QStringLiteral("/v1/revert/")
            + vigil::ActionApi::revertToken(*context, id, QDateTime::currentSecsSinceEpoch() + 60));
    QVERIFY2(reverted.status == 200, reverted.describe());
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM totp_secrets WHERE owner = ?"), {owner}).toInt(), 1);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM devices WHERE profile_id = ? AND revoked = 0"),
                    {profile})
                     .toInt(),
             1);
}

void TestActions::auditChainStillVerifies()
{
    const auto verified = m_server.client().get(QStringLiteral("/v1/audit/verify"), m_auditor);
    QVERIFY2(verified.status == 200 && verified.json.value(QStringLiteral("ok")).toBool(),
             verified.describe());
}

QTEST_GUILESS_MAIN(TestActions)
#include "test_actions.moc"
