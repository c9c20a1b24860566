#include "VerificationApi.h"

#include "AnswerNormalizer.h"
#include "Argon2Hasher.h"
#include "LockoutLedger.h"
#include "ProfileStore.h"
#include "SecureMemory.h"
#include "SecureRandom.h"
#include "ServerContext.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSqlQuery>
#include <QThread>

#include <algorithm>
#include <latch>
#include <vector>

#include <sys/resource.h>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcVerification, "vigil.server.verification")

namespace vigil {

namespace {
const QString kAttempt = QStringLiteral("HELPDESK_UNLOCK_ATTEMPT");
// How long an answer waits for a slot of its profile (others are being evaluated), and how often it
// looks again when no commit of this process wakes it earlier (another replica's commit cannot).
constexpr int kSlotWaitMs = 10000;
constexpr int kSlotPollMs = 20;
// How long an evaluated answer keeps trying to record its outcome while the store refuses writes.
constexpr int kRecordRetryMs = 10000;
constexpr int kRecordRetryPauseMs = 50;
constexpr int kHashThreadNice = 10;

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

// The answers were evaluated but their outcome could not be recorded: the slot counts as an
// interrupted evaluation, a failed attempt, once it is found.
ApiResponse outcomeLost()
{
    return ApiResponse::error(
            503, QStringLiteral("unavailable"),
            QStringLiteral("The outcome of these answers could not be recorded; they count as an "
                           "interrupted attempt. Start a new verification."));
}

ApiResponse alreadyAnswered()
{
    return ApiResponse::error(410, QStringLiteral("verification_expired"),
                              QStringLiteral("This verification was already answered; start a new one."));
}

// Moves the verification from `from` ('open', or 'evaluating' for one holding a slot) to `state`.
bool setVerificationState(QSqlDatabase &db, const QString &id, const QString &state, int level,
                          const QString &from = QStringLiteral("open"))
{
    QSqlQuery query(db);
    // A pass records its method, so escalation evidence reads "questions, then …".
    query.prepare(QStringLiteral("UPDATE verifications SET state = ?, level = ?, answered_at = ?,"
                                 " methods = CASE WHEN ? > 0 THEN 'questions' ELSE methods END"
                                 " WHERE id = ? AND state = ?"));
    query.addBindValue(state);
    query.addBindValue(level);
    query.addBindValue(ServerContext::now());
    query.addBindValue(level);
    query.addBindValue(id);
    query.addBindValue(from);
    return query.exec() && query.numRowsAffected() == 1;
}

// Hash threads run below the event loop and the store's writers: they only ever wait for a core,
// and a core given first to whoever answers /v1/health or holds the write lock costs them little.
// Linux keeps a nice value per thread; QThread::setPriority cannot lower SCHED_OTHER threads.
void lowerHashThreadPriority()
{
    thread_local bool lowered = false;
    if (lowered)
        return;
    lowered = true;
#ifdef Q_OS_LINUX
    if (kHashThreadNice > 0)
        setpriority(PRIO_PROCESS, static_cast<id_t>(::gettid()), kHashThreadNice);
#endif
}

// The verification was past its lifetime when the answers came: a failure, nothing evaluated.
ApiResponse expireAnswered(WriteTransaction &tx, const ServerContext &context, const Policy &policy,
                           qint64 profileId, const QString &verificationId, const QString &agentName)
{
    auto &db = tx.db();
    if (!setVerificationState(db, verificationId, QStringLiteral("expired"), 0)
        || !context.audit(db,
                          {kAttempt,
                           agentName,
                           QString::number(profileId),
                           verificationId,
                           QStringLiteral("failed"),
                           {{QStringLiteral("reason"), QStringLiteral("expired")}}}))
        return ApiResponse::unavailable();
    const auto failure =
            LockoutLedger::recordFailure(db, context, profileId, policy, agentName, verificationId);
    if (!failure.ok || !tx.commit())
        return ApiResponse::unavailable();
    if (failure.lockedNow)
        return lockedResponse(*failure.lockedUntil);
    return ApiResponse::error(410, QStringLiteral("verification_expired"),
                              QStringLiteral("This verification expired and counts as a failed attempt."),
                              {{QStringLiteral("attempts_remaining"),
                                std::max(0, policy.maxFailedAttempts - failure.failedCount)}});
}

// A pass: the slot becomes 'passed', the count starts again and the agent gets the grant.
// std::nullopt when the store refused.
std::optional<ApiResponse> recordPass(WriteTransaction &tx, const ServerContext &context,
                                      const Policy &policy, qint64 profileId, const QString &verificationId,
                                      const AgentIdentity &agent)
{
    auto &db = tx.db();
    const qint64 grantExpires = ServerContext::now() + policy.grantSeconds;
    QSqlQuery grant(db);
    grant.prepare(QStringLiteral("INSERT INTO grants (agent_id, profile_id, verification_id, level, "
                                 "expires_at) VALUES (?, ?, ?, 1, ?)"));
    grant.addBindValue(agent.id);
    grant.addBindValue(profileId);
    grant.addBindValue(verificationId);
    grant.addBindValue(grantExpires);
    if (!setVerificationState(db, verificationId, QStringLiteral("passed"), 1, QStringLiteral("evaluating"))
        || !LockoutLedger::resetFailures(db, profileId) || !grant.exec()
        || !context.audit(db,
                          {kAttempt,
                           agent.username,
                           QString::number(profileId),
                           verificationId,
                           QStringLiteral("passed"),
                           {{QStringLiteral("level"), 1},
                            {QStringLiteral("grant_expires_at"), ServerContext::isoTime(grantExpires)}}})
        || !tx.commit())
        return std::nullopt;
    return ApiResponse::json(200,
                             {{QStringLiteral("result"), QStringLiteral("passed")},
                              {QStringLiteral("level"), 1},
                              {QStringLiteral("grant_expires_at"), ServerContext::isoTime(grantExpires)}});
}

// A fail: the slot becomes 'failed', counted, and the lock when the count reaches the limit.
// std::nullopt when the store refused.
std::optional<ApiResponse> recordFail(WriteTransaction &tx, const ServerContext &context,
                                      const Policy &policy, const StoredProfile &profile,
                                      const QString &verificationId, const QString &agentName)
{
    auto &db = tx.db();
    if (!setVerificationState(db, verificationId, QStringLiteral("failed"), 0, QStringLiteral("evaluating"))
        || !context.audit(db,
                          {kAttempt,
                           agentName,
                           QString::number(profile.id),
                           verificationId,
                           QStringLiteral("failed"),
                           {{QStringLiteral("failed_attempts"), profile.failedCount + 1}}}))
        return std::nullopt;
    const auto failure =
            LockoutLedger::recordFailure(db, context, profile.id, policy, agentName, verificationId);
    if (!failure.ok || !tx.commit())
        return std::nullopt;
    if (failure.lockedNow)
        return lockedResponse(*failure.lockedUntil);
    return ApiResponse::json(200,
                             {{QStringLiteral("result"), QStringLiteral("failed")},
                              {QStringLiteral("attempts_remaining"),
                               std::max(0, policy.maxFailedAttempts - failure.failedCount)}});
}
} // namespace

// What the first transaction of an answer decided.
struct VerificationApi::Reservation
{
    std::optional<ApiResponse> response; // answered without evaluation (refused, expired, an error)
    bool reserved = false; // a slot is held: evaluate, then record()
    quint64 commitsSeen = 0; // neither: no slot free; wait for a commit after this one, then retry
    qint64 profileId = 0;
    QJsonArray questions;
    QHash<QuestionField, QByteArray> stored; // the profile's answer encodings at reservation time
};

VerificationApi::VerificationApi(ServerContext &context)
    : m_context(context)
{
    // As many hashing threads as argon2id checks may run at once: more would only wait in the gate.
    const int hashLimit = Argon2Hasher::concurrencyLimit();
    m_hashPool.setMaxThreadCount(hashLimit > 0 ? hashLimit : std::max(1, QThread::idealThreadCount()));
    m_hashPool.setExpiryTimeout(-1);
}

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

    // Evaluations interrupted by a server that died count as failures here too.
    const SlotCheck slotCheck = LockoutLedger::settleSlots(db, m_context, profileId, *policy);
    if (!slotCheck.ok)
        return ApiResponse::unavailable();
    if (slotCheck.lockedUntil) {
        if (!tx.commit())
            return ApiResponse::unavailable();
        return lockedResponse(*slotCheck.lockedUntil);
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
    const int failedCount = slotCheck.failedCount + static_cast<int>(staleIds.size());
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

    // Other answers for the profile may hold every slot the policy leaves; their outcomes decide
    // whether this one is evaluated, refused as locked, or has to wait longer.
    const QDeadlineTimer slotDeadline(kSlotWaitMs);
    Reservation reservation = reserve(verificationId, answers, agent);
    while (!reservation.response && !reservation.reserved) {
        if (slotDeadline.hasExpired()) {
            qCWarning(lcVerification) << "no evaluation slot came free for verification" << verificationId;
            return ApiResponse::error(
                    503, QStringLiteral("unavailable"),
                    QStringLiteral("Other answers for this profile are still being checked; "
                                   "nothing was changed. Try again."));
        }
        m_context.database().waitForCommit(
                reservation.commitsSeen,
                static_cast<int>(std::min<qint64>(kSlotPollMs, slotDeadline.remainingTime())));
        reservation = reserve(verificationId, answers, agent);
    }
    if (reservation.response)
        return *reservation.response;

    const bool allCorrect = evaluate(reservation, answers);

    // A store that refuses the write for a moment (a full disk, a failover) must not turn an
    // evaluated answer into a counted failure, so the outcome is retried for a while.
    const QDeadlineTimer recordDeadline(kRecordRetryMs);
    for (;;) {
        if (auto response = record(reservation, verificationId, allCorrect, agent)) {
            LockoutLedger::endEvaluation(verificationId);
            return *response;
        }
        if (recordDeadline.hasExpired())
            break;
        QThread::msleep(kRecordRetryPauseMs);
    }
    // Given up: the slot is left to be settled as an interrupted evaluation (a failed attempt).
    LockoutLedger::endEvaluation(verificationId);
    qCWarning(lcVerification) << "the outcome of verification" << verificationId << "could not be recorded";
    return outcomeLost();
}

VerificationApi::Reservation VerificationApi::reserve(const QString &verificationId,
                                                      const QJsonObject &answers, const AgentIdentity &agent)
{
    Reservation reservation;
    auto answerWith = [&reservation](ApiResponse response) {
        reservation.response = std::move(response);
        return reservation;
    };
    Database &database = m_context.database();
    WriteTransaction tx(database);
    if (!tx.isActive())
        return answerWith(ApiResponse::unavailable());
    auto &db = tx.db();
    QSqlQuery query(db);
    query.prepare(QStringLiteral(
            "SELECT profile_id, agent_id, expires_at, questions, state FROM verifications WHERE id = ?"));
    query.addBindValue(verificationId);
    if (!query.exec())
        return answerWith(ApiResponse::unavailable());
    // Another agent's verification is as invisible as one that does not exist.
    if (!query.next() || query.value(1).toLongLong() != agent.id)
        return answerWith(notFound());
    const qint64 profileId = query.value(0).toLongLong();
    const qint64 expiresAt = query.value(2).toLongLong();
    const QJsonArray questions = QJsonDocument::fromJson(query.value(3).toByteArray()).array();
    if (query.value(4).toString() != QLatin1String("open"))
        return answerWith(alreadyAnswered());
    for (const auto &question : questions) {
        if (!answers.contains(question.toObject().value(QStringLiteral("id")).toString()))
            return answerWith(
                    ApiResponse::error(400, QStringLiteral("invalid_request"),
                                       QStringLiteral("every question needs an answer (it may be empty)")));
    }
    if (answers.size() != questions.size())
        return answerWith(ApiResponse::error(400, QStringLiteral("invalid_request"),
                                             QStringLiteral("unknown question id")));

    const auto policy = m_context.policy(db);
    bool queryOk = false;
    const auto profile = ProfileStore::load(db, profileId, &queryOk);
    if (!policy || !queryOk || !profile)
        return answerWith(ApiResponse::unavailable());
    const QString profileText = QString::number(profileId);

    auto refuseLocked = [&](qint64 lockedUntil) {
        // Refused without evaluation: a locked profile gives no guess.
        if (!setVerificationState(db, verificationId, QStringLiteral("refused"), 0)
            || !m_context.audit(
                    db, {kAttempt, agent.username, profileText, verificationId, QStringLiteral("locked"), {}})
            || !tx.commit())
            return answerWith(ApiResponse::unavailable());
        return answerWith(lockedResponse(lockedUntil));
    };
    if (profile->lockedUntil)
        return refuseLocked(*profile->lockedUntil);

    if (ServerContext::now() >= expiresAt)
        return answerWith(expireAnswered(tx, m_context, *policy, profileId, verificationId, agent.username));

    // Read under the write lock, so no commit of this process can slip in before a wait for one.
    reservation.commitsSeen = database.commitCount();
    const SlotCheck slotCheck = LockoutLedger::settleSlots(db, m_context, profileId, *policy);
    if (!slotCheck.ok)
        return answerWith(ApiResponse::unavailable());
    if (slotCheck.lockedUntil) // an interrupted evaluation, settled just now, locked it
        return refuseLocked(*slotCheck.lockedUntil);
    if (!LockoutLedger::slotAvailable(slotCheck, *policy)) {
        if (slotCheck.settled && !tx.commit())
            return answerWith(ApiResponse::unavailable());
        return reservation;
    }
    if (!LockoutLedger::reserveSlot(db, database, verificationId)
        || !m_context.audit(db,
                            {QStringLiteral("VERIFICATION_ANSWERED"),
                             agent.username,
                             profileText,
                             verificationId,
                             QStringLiteral("evaluating"),
                             {{QStringLiteral("evaluator"), database.evaluatorId()}}})
        || !tx.commit()) {
        LockoutLedger::endEvaluation(verificationId);
        return answerWith(ApiResponse::unavailable());
    }
    reservation.reserved = true;
    reservation.profileId = profileId;
    reservation.questions = questions;
    reservation.stored = profile->answerHashes;
    return reservation;
}

bool VerificationApi::evaluate(const Reservation &reservation, const QJsonObject &answers)
{
    // Every answer is evaluated, right or wrong, so the time taken does not tell which one failed.
    // They run side by side on the hash pool: a lone verification uses every core.
    const qsizetype count = reservation.questions.size();
    std::vector<char> correct(static_cast<size_t>(count), 0);
    std::vector<QByteArray> normalised(static_cast<size_t>(count));
    std::latch done(count);
    for (qsizetype i = 0; i < count; ++i) {
        const QJsonObject question = reservation.questions.at(i).toObject();
        const auto field = questionFieldFromName(question.value(QStringLiteral("field")).toString());
        QString typed = answers.value(question.value(QStringLiteral("id")).toString()).toString();
        normalised[i] = field ? AnswerNormalizer::normalize(*field, typed).toUtf8() : QByteArray();
        SecureMemory::wipe(typed);
        const QByteArray stored = field ? reservation.stored.value(*field) : QByteArray();
        m_hashPool.start([&, i, stored] {
            lowerHashThreadPriority();
            correct[i] = !normalised[i].isEmpty() && !stored.isEmpty()
                    && Argon2Hasher::verify(stored, normalised[i]);
            SecureMemory::wipe(normalised[i]);
            done.count_down();
        });
    }
    done.wait();
    return count > 0 && std::all_of(correct.begin(), correct.end(), [](char ok) { return ok != 0; });
}

std::optional<ApiResponse> VerificationApi::record(const Reservation &reservation,
                                                   const QString &verificationId, bool allCorrect,
                                                   const AgentIdentity &agent)
{
    Database &database = m_context.database();
    WriteTransaction tx(database);
    if (!tx.isActive())
        return std::nullopt;
    auto &db = tx.db();
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT state, evaluator FROM verifications WHERE id = ?"));
    query.addBindValue(verificationId);
    if (!query.exec() || !query.next())
        return std::nullopt;
    const QString state = query.value(0).toString();
    if (state == QLatin1String("cancelled")) // an unblock while it was evaluated: nothing is counted or told
        return ApiResponse::error(
                410, QStringLiteral("verification_expired"),
                QStringLiteral("The profile was unblocked meanwhile; start a new verification."));
    if (state != QLatin1String("evaluating") || query.value(1).toString() != database.evaluatorId()) {
        // Settled as interrupted by another replica: this outcome can no longer be recorded.
        qCWarning(lcVerification) << "the slot of verification" << verificationId << "was settled meanwhile";
        return outcomeLost();
    }

    const qint64 profileId = reservation.profileId;
    const auto policy = m_context.policy(db);
    bool queryOk = false;
    const auto profile = ProfileStore::load(db, profileId, &queryOk);
    if (!policy || !queryOk || !profile)
        return std::nullopt;
    if (profile->lockedUntil) {
        // Locked while this answer was evaluated, by a failure that takes no slot (an expired
        // verification, a step-up code): the result is neither counted nor told.
        if (!setVerificationState(db, verificationId, QStringLiteral("refused"), 0,
                                  QStringLiteral("evaluating"))
            || !m_context.audit(db,
                                {kAttempt,
                                 agent.username,
                                 QString::number(profileId),
                                 verificationId,
                                 QStringLiteral("locked"),
                                 {{QStringLiteral("reason"), QStringLiteral("locked_during_evaluation")}}})
            || !tx.commit())
            return std::nullopt;
        return lockedResponse(*profile->lockedUntil);
    }

    return allCorrect ? recordPass(tx, m_context, *policy, profileId, verificationId, agent)
                      : recordFail(tx, m_context, *policy, *profile, verificationId, agent.username);
}

} // namespace vigil
