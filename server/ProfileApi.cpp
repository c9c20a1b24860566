#include "ProfileApi.h"

#include "LockoutLedger.h"
#include "ProfileSearch.h"
#include "ProfileStore.h"
#include "SecureMemory.h"
#include "ServerContext.h"

#include <QJsonArray>
#include <QSqlQuery>

namespace vigil {

namespace {
ApiResponse notFound()
{
    return ApiResponse::error(404, QStringLiteral("not_found"), QStringLiteral("No such profile."));
}
} // namespace

ApiResponse ProfileApi::search(const ApiRequest &request)
{
    const QString text = request.query.queryItemValue(QStringLiteral("q"), QUrl::FullyDecoded);
    if (text.trimmed().isEmpty() || text.size() > 200)
        return ApiResponse::error(400, QStringLiteral("invalid_request"),
                                  QStringLiteral("q must hold 1 to 200 characters"));
    int limit = 20;
    if (request.query.hasQueryItem(QStringLiteral("limit"))) {
        bool ok = false;
        limit = request.query.queryItemValue(QStringLiteral("limit")).toInt(&ok);
        if (!ok || limit < 1 || limit > ProfileSearch::kMaxLimit)
            return ApiResponse::error(400, QStringLiteral("invalid_request"),
                                      QStringLiteral("limit must be a whole number from 1 to %1")
                                              .arg(ProfileSearch::kMaxLimit));
    }
    auto db = m_context.database().connection();
    QJsonArray results;
    if (!ProfileSearch::search(db, m_context.lookupKey(), text, limit, &results))
        return ApiResponse::unavailable();
    return ApiResponse::json(200, {{QStringLiteral("results"), results}});
}

ApiResponse ProfileApi::get(qint64 profileId, const AgentIdentity &agent)
{
    WriteTransaction tx(m_context.database());
    if (!tx.isActive())
        return ApiResponse::unavailable();
    auto &db = tx.db();
    bool queryOk = false;
    const auto profile = ProfileStore::load(db, profileId, &queryOk);
    if (!queryOk)
        return ApiResponse::unavailable();
    if (!profile)
        return notFound();
    QSqlQuery grant(db);
    grant.prepare(QStringLiteral("SELECT verification_id, level, expires_at FROM grants"
                                 " WHERE agent_id = ? AND profile_id = ? AND expires_at > ?"
                                 " ORDER BY expires_at DESC LIMIT 1"));
    grant.addBindValue(agent.id);
    grant.addBindValue(profileId);
    grant.addBindValue(ServerContext::now());
    if (!grant.exec())
        return ApiResponse::unavailable();
    if (!grant.next() || profile->lockedUntil)
        return ApiResponse::error(403, QStringLiteral("verification_required"),
                                  QStringLiteral("Verify the caller before opening this profile."));
    const QString verificationId = grant.value(0).toString();
    const int level = grant.value(1).toInt();
    const qint64 grantExpires = grant.value(2).toLongLong();
    const auto policy = m_context.policy(db);
    if (!policy)
        return ApiResponse::unavailable();
    const int viewLevel = policy->action(QStringLiteral("view_profile")).level;
    if (level < viewLevel)
        return ApiResponse::error(
                403, QStringLiteral("level_insufficient"),
                QStringLiteral("Opening this profile needs assurance level %1; step up first.")
                        .arg(viewLevel),
                {{QStringLiteral("required_level"), viewLevel}, {QStringLiteral("level"), level}});

    // The read is recorded before anything is shown; if the audit cannot be written, nothing is.
    if (!m_context.audit(db,
                         {QStringLiteral("PROFILE_VIEWED"),
                          agent.username,
                          QString::number(profileId),
                          verificationId,
                          QStringLiteral("ok"),
                          {}})
        || !tx.commit())
        return ApiResponse::unavailable();

    QJsonArray enrolled;
    for (auto field : {QuestionField::Title, QuestionField::MiddleInitial, QuestionField::EmployeeId,
                       QuestionField::Birthday, QuestionField::Secret}) {
        if (profile->answerHashes.contains(field))
            enrolled.append(questionFieldName(field));
    }
    return ApiResponse::json(200,
                             {{QStringLiteral("id"), QString::number(profile->id)},
                              {QStringLiteral("username"), profile->username},
                              {QStringLiteral("display_name"), profile->displayName},
                              {QStringLiteral("department"), profile->department},
                              {QStringLiteral("email"), profile->email},
                              {QStringLiteral("phone"), profile->phone},
                              {QStringLiteral("privileged"), profile->privileged},
                              {QStringLiteral("locked"), false},
                              {QStringLiteral("frozen"), profile->frozenAt.has_value()},
                              {QStringLiteral("has_secret"), profile->hasSecret()},
                              {QStringLiteral("enrolled_fields"), enrolled},
                              {QStringLiteral("level"), level},
                              {QStringLiteral("verification"), verificationId},
                              {QStringLiteral("grant_expires_at"), ServerContext::isoTime(grantExpires)}});
}

ApiResponse ProfileApi::setSecret(qint64 profileId, const ApiRequest &request, const AgentIdentity &agent)
{
    const auto value = request.body.value(QStringLiteral("secret"));
    QString secret = value.toString();
    if (!value.isString() || secret.trimmed().size() < 4 || secret.size() > 200) {
        SecureMemory::wipe(secret);
        return ApiResponse::error(400, QStringLiteral("invalid_request"),
                                  QStringLiteral("secret must be a string of 4 to 200 characters"));
    }
    // argon2id before the write lock is taken, so other writers are not held up.
    const QByteArray hash = ProfileStore::hashAnswer(QuestionField::Secret, secret);
    SecureMemory::wipe(secret);
    if (hash.isEmpty())
        return ApiResponse::internal();
    WriteTransaction tx(m_context.database());
    if (!tx.isActive())
        return ApiResponse::unavailable();
    bool queryOk = false;
    const auto profile = ProfileStore::load(tx.db(), profileId, &queryOk);
    if (!queryOk)
        return ApiResponse::unavailable();
    if (!profile)
        return notFound();
    if (!ProfileStore::setAnswerHash(tx.db(), profileId, QuestionField::Secret, hash)
        || !m_context.audit(tx.db(),
                            {QStringLiteral("SECRET_WORD_SAVED"),
                             agent.username,
                             QString::number(profileId),
                             {},
                             QStringLiteral("ok"),
                             {{QStringLiteral("replaced"), profile->hasSecret()}}})
        || !tx.commit())
        return ApiResponse::unavailable();
    return ApiResponse::noContent();
}

ApiResponse ProfileApi::unblock(qint64 profileId, const AgentIdentity &agent)
{
    WriteTransaction tx(m_context.database());
    if (!tx.isActive())
        return ApiResponse::unavailable();
    bool queryOk = false;
    const auto profile = ProfileStore::load(tx.db(), profileId, &queryOk);
    if (!queryOk)
        return ApiResponse::unavailable();
    if (!profile)
        return notFound();
    if (!profile->lockedUntil && profile->failedCount == 0)
        return ApiResponse::noContent(); // nothing to undo; idempotent
    if (!LockoutLedger::unblock(tx.db(), m_context, profileId, agent.username, QStringLiteral("supervisor"))
        || !tx.commit())
        return ApiResponse::unavailable();
    return ApiResponse::noContent();
}

} // namespace vigil
