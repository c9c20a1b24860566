#include "VerificationApi.h"

#include "AnswerNormalizer.h"
#include "Argon2Hasher.h"
#include "LockoutLedger.h"
#include "ProfileStore.h"
#include "SecureMemory.h"
#include "SecureRandom.h"
#include "ServerContext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

namespace vigil {

namespace {
const QString kAttempt = QStringLiteral("HELPDESK_UNLOCK_ATTEMPT");

ApiResponse lockedResponse(qint64 lockedUntil, int attemptsRemaining = 0)
{
    return ApiResponse::error(423, QStringLiteral("profile_locked"),
                              QStringLiteral("This profile is locked after too many failed verifications."),
                              {{QStringLiteral("locked_until"), ServerContext::isoTime(lockedUntil)},
                               {QStringLiteral("attempts_remaining"), attemptsRemaining}});
}

ApiResponse notFound()
{
    return ApiResponse::error(404, QStringLiteral("not_found"),
                              QStringLiteral("No such profile or verification."));
}

bool setVerificationState(QSqlDatabase &db, const QString &id, const QString &state, int level)
{
    QSqlQuery query(db);
    // A pass records its method, so escalation evidence reads "questions, then …".
    query.prepare(QStringLiteral("UPDATE verifications SET state = ?, level = ?, answered_at = ?,"
                                 " methods = CASE WHEN ? > 0 THEN 'questions' ELSE methods END"
                                 " WHERE id = ? AND state = 'open'"));
    query.addBindValue(state);
    query.addBindValue(level);
    query.addBindValue(ServerContext::now());
    query.addBindValue(level);
    query.addBindValue(id);
    return query.exec() && query.numRowsAffected() == 1;
}
} // namespace

QString VerificationApi::promptFor(const QString &field)
{
    static const QHash<QString, QString> prompts{
            {QStringLiteral("title"), QStringLiteral("What is your job title?")},
            {QStringLiteral("middle_initial"), QStringLiteral("What is your middle initial?")},
            {QStringLiteral("employee_id"), QStringLiteral("What is your employee ID?")},
            {QStringLiteral("birthday"), QStringLiteral("What is your date of birth?")},
            {QStringLiteral("secret"), QStringLiteral("What is your secret word?")},
    };
    return prompts.value(field);
}

ApiResponse VerificationApi::start(qint64 profileId, const AgentIdentity &agent)
{
    WriteTransaction tx(m_context.database());
    if (!tx.isActive())
        return ApiResponse::unavailable();
    auto &db = tx.db();
    const auto policy = m_context.policy(db);
    bool queryOk = false;
    const auto profile = ProfileStore::load(db, profileId, &queryOk);
    if (!policy || !queryOk)
        return ApiResponse::unavailable();
    if (!profile)
        return notFound();
    const QString profileText = QString::number(profileId);
    const qint64 now = ServerContext::now();

    auto refuse = [&](const QString &outcome, const QString &reason) {
        return m_context.audit(db,
                               {kAttempt,
                                agent.username,
                                profileText,
                                {},
                                outcome,
                                {{QStringLiteral("stage"), QStringLiteral("start")},
                                 {QStringLiteral("reason"), reason}}})
                && tx.commit();
    };
    if (profile->lockedUntil) {
        if (!refuse(QStringLiteral("locked"), QStringLiteral("profile_locked")))
            return ApiResponse::unavailable();
        return lockedResponse(*profile->lockedUntil);
    }
    if (!profile->hasSecret()) {
        if (!refuse(QStringLiteral("refused"), QStringLiteral("no_user_secret")))
            return ApiResponse::unavailable();
        return ApiResponse::error(
                409, QStringLiteral("no_user_secret"),
                QStringLiteral("This user has no secret word, so the caller cannot be verified. "
                               "The user must set one through the self-service portal first."));
    }

    // Verifications left unanswered past their lifetime count as failures: otherwise a caller
    // could keep starting verifications until an easy question set comes up.
    QSqlQuery stale(db);
    stale.prepare(
            QStringLiteral("SELECT v.id, a.username FROM verifications v JOIN agents a ON a.id = v.agent_id"
                           " WHERE v.profile_id = ? AND v.state = 'open' AND v.expires_at <= ?"));
    stale.addBindValue(profileId);
    stale.addBindValue(now);
    if (!stale.exec())
        return ApiResponse::unavailable();
    QList<QPair<QString, QString>> staleIds; // verification id, the agent who started it
    while (stale.next())
        staleIds.append({stale.value(0).toString(), stale.value(1).toString()});
    std::optional<qint64> lockedBy;
    for (const auto &[id, owner] : staleIds) {
        if (!setVerificationState(db, id, QStringLiteral("expired"), 0)
            || !m_context.audit(db,
                                {kAttempt,
                                 owner,
                                 profileText,
                                 id,
                                 QStringLiteral("failed"),
                                 {{QStringLiteral("reason"), QStringLiteral("expired_unanswered")}}}))
            return ApiResponse::unavailable();
        const auto failure = LockoutLedger::recordFailure(db, m_context, profileId, *policy, owner, id);
        if (!failure.ok)
            return ApiResponse::unavailable();
        if (failure.lockedUntil)
            lockedBy = failure.lockedUntil;
    }
    if (lockedBy) {
        if (!tx.commit())
            return ApiResponse::unavailable();
        return lockedResponse(*lockedBy);
    }

    const auto questions = m_context.questionGenerator().generate(*policy, profile->enrolledFields(),
                                                                  profile->lastQuestionFields);
    QJsonArray storedQuestions;
    QJsonArray publicQuestions;
    QStringList fieldNames;
    for (const auto &question : questions) {
        const QString field = questionFieldName(question.field);
        fieldNames.append(field);
        storedQuestions.append(
                QJsonObject{{QStringLiteral("id"), question.id}, {QStringLiteral("field"), field}});
        publicQuestions.append(QJsonObject{{QStringLiteral("id"), question.id},
                                           {QStringLiteral("field"), field},
                                           {QStringLiteral("prompt"), promptFor(field)}});
    }
    const QString id = SecureRandom::hexId(16);
    const qint64 expiresAt = now + policy->verificationTtlSeconds;
    QSqlQuery insert(db);
    insert.prepare(
            QStringLiteral("INSERT INTO verifications (id, profile_id, agent_id, created_at, expires_at,"
                           " questions, state) VALUES (?, ?, ?, ?, ?, ?, 'open')"));
    insert.addBindValue(id);
    insert.addBindValue(profileId);
    insert.addBindValue(agent.id);
    insert.addBindValue(now);
    insert.addBindValue(expiresAt);
    insert.addBindValue(QString::fromUtf8(QJsonDocument(storedQuestions).toJson(QJsonDocument::Compact)));
    QSqlQuery remember(db);
    remember.prepare(QStringLiteral("UPDATE profiles SET last_question_fields = ? WHERE id = ?"));
    remember.addBindValue(fieldNames.join(QLatin1Char(',')));
    remember.addBindValue(profileId);
    const int failedCount = profile->failedCount + static_cast<int>(staleIds.size());
    if (!insert.exec() || !remember.exec()
        || !m_context.audit(db,
                            {QStringLiteral("VERIFICATION_STARTED"),
                             agent.username,
                             profileText,
                             id,
                             QStringLiteral("started"),
                             {{QStringLiteral("fields"), QJsonArray::fromStringList(fieldNames)}}})
        || !tx.commit())
        return ApiResponse::unavailable();

    return ApiResponse::json(
            201,
            {{QStringLiteral("id"), id},
             {QStringLiteral("questions"), publicQuestions},
             {QStringLiteral("attempts_remaining"), std::max(0, policy->maxFailedAttempts - failedCount)},
             {QStringLiteral("expires_at"), ServerContext::isoTime(expiresAt)}});
}

ApiResponse VerificationApi::answer(const QString &verificationId, const ApiRequest &request,
                                    const AgentIdentity &agent)
{
    const auto answersValue = request.body.value(QStringLiteral("answers"));
    if (!answersValue.isObject())
        return ApiResponse::error(400, QStringLiteral("invalid_request"),
                                  QStringLiteral("answers must be an object of question id to typed text"));
    const QJsonObject answers = answersValue.toObject();
    for (auto it = answers.begin(); it != answers.end(); ++it) {
        if (!it.value().isString() || it.value().toString().size() > 1024)
            return ApiResponse::error(
                    400, QStringLiteral("invalid_request"),
                    QStringLiteral("every answer must be a string of at most 1024 characters"));
    }

    WriteTransaction tx(m_context.database());
    if (!tx.isActive())
        return ApiResponse::unavailable();
    auto &db = tx.db();
    QSqlQuery query(db);
    query.prepare(QStringLiteral(
            "SELECT profile_id, agent_id, expires_at, questions, state FROM verifications WHERE id = ?"));
    query.addBindValue(verificationId);
    if (!query.exec())
        return ApiResponse::unavailable();
    // Another agent's verification is as invisible as one that does not exist.
    if (!query.next() || query.value(1).toLongLong() != agent.id)
        return notFound();
    const qint64 profileId = query.value(0).toLongLong();
    const qint64 expiresAt = query.value(2).toLongLong();
    const QJsonArray questions = QJsonDocument::fromJson(query.value(3).toByteArray()).array();
    if (query.value(4).toString() != QLatin1String("open"))
        return ApiResponse::error(410, QStringLiteral("verification_expired"),
                                  QStringLiteral("This verification was already answered; start a new one."));
    for (const auto &question : questions) {
        if (!answers.contains(question.toObject().value(QStringLiteral("id")).toString()))
            return ApiResponse::error(400, QStringLiteral("invalid_request"),
                                      QStringLiteral("every question needs an answer (it may be empty)"));
    }
    if (answers.size() != questions.size())
        return ApiResponse::error(400, QStringLiteral("invalid_request"),
                                  QStringLiteral("unknown question id"));

    const auto policy = m_context.policy(db);
    bool queryOk = false;
    const auto profile = ProfileStore::load(db, profileId, &queryOk);
    if (!policy || !queryOk || !profile)
        return ApiResponse::unavailable();
    const QString profileText = QString::number(profileId);

    if (profile->lockedUntil) {
        // Refused without evaluation: a locked profile gives no guess.
        if (!setVerificationState(db, verificationId, QStringLiteral("refused"), 0)
            || !m_context.audit(
                    db, {kAttempt, agent.username, profileText, verificationId, QStringLiteral("locked"), {}})
            || !tx.commit())
            return ApiResponse::unavailable();
        return lockedResponse(*profile->lockedUntil);
    }

    if (ServerContext::now() >= expiresAt) {
        if (!setVerificationState(db, verificationId, QStringLiteral("expired"), 0)
            || !m_context.audit(db,
                                {kAttempt,
                                 agent.username,
                                 profileText,
                                 verificationId,
                                 QStringLiteral("failed"),
                                 {{QStringLiteral("reason"), QStringLiteral("expired")}}}))
            return ApiResponse::unavailable();
        const auto failure = LockoutLedger::recordFailure(db, m_context, profileId, *policy, agent.username,
                                                          verificationId);
        if (!failure.ok || !tx.commit())
            return ApiResponse::unavailable();
        if (failure.lockedNow)
            return lockedResponse(*failure.lockedUntil);
        return ApiResponse::error(410, QStringLiteral("verification_expired"),
                                  QStringLiteral("This verification expired and counts as a failed attempt."),
                                  {{QStringLiteral("attempts_remaining"),
                                    std::max(0, policy->maxFailedAttempts - failure.failedCount)}});
    }

    // Every answer is evaluated, right or wrong, so the time taken does not tell which one failed.
    bool allCorrect = true;
    for (const auto &questionValue : questions) {
        const QJsonObject question = questionValue.toObject();
        const auto field = questionFieldFromName(question.value(QStringLiteral("field")).toString());
        QString typed = answers.value(question.value(QStringLiteral("id")).toString()).toString();
        QByteArray normalised = field ? AnswerNormalizer::normalize(*field, typed).toUtf8() : QByteArray();
        const QByteArray stored = field ? profile->answerHashes.value(*field) : QByteArray();
        const bool correct =
                !normalised.isEmpty() && !stored.isEmpty() && Argon2Hasher::verify(stored, normalised);
        SecureMemory::wipe(normalised);
        SecureMemory::wipe(typed);
        allCorrect = allCorrect && correct;
    }

    if (allCorrect) {
        const qint64 grantExpires = ServerContext::now() + policy->grantSeconds;
        QSqlQuery grant(db);
        grant.prepare(QStringLiteral("INSERT INTO grants (agent_id, profile_id, verification_id, level, "
                                     "expires_at) VALUES (?, ?, ?, 1, ?)"));
        grant.addBindValue(agent.id);
        grant.addBindValue(profileId);
        grant.addBindValue(verificationId);
        grant.addBindValue(grantExpires);
        if (!setVerificationState(db, verificationId, QStringLiteral("passed"), 1)
            || !LockoutLedger::resetFailures(db, profileId) || !grant.exec()
            || !m_context.audit(
                    db,
                    {kAttempt,
                     agent.username,
                     profileText,
                     verificationId,
                     QStringLiteral("passed"),
                     {{QStringLiteral("level"), 1},
                      {QStringLiteral("grant_expires_at"), ServerContext::isoTime(grantExpires)}}})
            || !tx.commit())
            return ApiResponse::unavailable();
        return ApiResponse::json(
                200,
                {{QStringLiteral("result"), QStringLiteral("passed")},
                 {QStringLiteral("level"), 1},
                 {QStringLiteral("grant_expires_at"), ServerContext::isoTime(grantExpires)}});
    }

    if (!setVerificationState(db, verificationId, QStringLiteral("failed"), 0)
        || !m_context.audit(db,
                            {kAttempt,
                             agent.username,
                             profileText,
                             verificationId,
                             QStringLiteral("failed"),
                             {{QStringLiteral("failed_attempts"), profile->failedCount + 1}}}))
        return ApiResponse::unavailable();
    const auto failure =
            LockoutLedger::recordFailure(db, m_context, profileId, *policy, agent.username, verificationId);
    if (!failure.ok || !tx.commit())
        return ApiResponse::unavailable();
    if (failure.lockedNow)
        return lockedResponse(*failure.lockedUntil);
    return ApiResponse::json(200,
                             {{QStringLiteral("result"), QStringLiteral("failed")},
                              {QStringLiteral("attempts_remaining"),
                               std::max(0, policy->maxFailedAttempts - failure.failedCount)}});
}

} // namespace vigil
