#include "AuditApi.h"

#include "ServerContext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

namespace vigil {

ApiResponse AuditApi::list(const ApiRequest &request)
{
    QStringList conditions;
    QVariantList values;
    const std::pair<const char *, const char *> filters[] = {
            {"action", "action = ?"}, {"profile", "profile = ?"}, {"agent", "agent = ?"}};
    for (const auto &[key, condition] : filters) {
        const QString value = request.query.queryItemValue(QLatin1String(key), QUrl::FullyDecoded);
        if (!value.isEmpty()) {
            conditions.append(QLatin1String(condition));
            values.append(value);
        }
    }
    if (request.query.hasQueryItem(QStringLiteral("after"))) {
        bool ok = false;
        const qint64 after = request.query.queryItemValue(QStringLiteral("after")).toLongLong(&ok);
        if (!ok || after < 0)
            return ApiResponse::error(400, QStringLiteral("invalid_request"),
                                      QStringLiteral("after must be a sequence number"));
        conditions.append(QStringLiteral("seq > ?"));
        values.append(after);
    }
    int limit = 100;
    if (request.query.hasQueryItem(QStringLiteral("limit"))) {
        bool ok = false;
        limit = request.query.queryItemValue(QStringLiteral("limit")).toInt(&ok);
        if (!ok || limit < 1 || limit > kMaxLimit)
            return ApiResponse::error(
                    400, QStringLiteral("invalid_request"),
                    QStringLiteral("limit must be a whole number from 1 to %1").arg(kMaxLimit));
    }
    auto db = m_context.database().connection();
    QSqlQuery query(db);
    query.prepare(
            QStringLiteral(
                    "SELECT seq, at, action, agent, profile, verification, outcome, details FROM audit_log")
            + (conditions.isEmpty() ? QString()
                                    : QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND ")))
            + QStringLiteral(" ORDER BY seq LIMIT ?"));
    for (const auto &value : values)
        query.addBindValue(value);
    query.addBindValue(limit);
    if (!query.exec())
        return ApiResponse::unavailable();
    QJsonArray entries;
    while (query.next()) {
        entries.append(QJsonObject{
                {QStringLiteral("seq"), query.value(0).toLongLong()},
                {QStringLiteral("at"), query.value(1).toString()},
                {QStringLiteral("action"), query.value(2).toString()},
                {QStringLiteral("agent"), query.value(3).toString()},
                {QStringLiteral("profile"), query.value(4).toString()},
                {QStringLiteral("verification"), query.value(5).toString()},
                {QStringLiteral("outcome"), query.value(6).toString()},
                {QStringLiteral("details"), QJsonDocument::fromJson(query.value(7).toByteArray()).object()},
        });
    }
    return ApiResponse::json(200, {{QStringLiteral("entries"), entries}});
}

ApiResponse AuditApi::verify()
{
    auto db = m_context.database().connection();
    const auto result = AuditLog::verify(db, m_context.auditKey().publicKey());
    return ApiResponse::json(200,
                             {{QStringLiteral("ok"), result.ok},
                              {QStringLiteral("entries"), result.entries},
                              {QStringLiteral("head"), result.head},
                              {QStringLiteral("first_bad_seq"),
                               result.firstBadSeq ? QJsonValue(*result.firstBadSeq) : QJsonValue()}});
}

ApiResponse AuditApi::policy()
{
    auto db = m_context.database().connection();
    const auto policy = m_context.policy(db);
    if (!policy)
        return ApiResponse::unavailable();
    const QByteArray bytes = policy->toBytes();
    return ApiResponse::json(
            200,
            {{QStringLiteral("policy"), QString::fromLatin1(bytes.toBase64())},
             {QStringLiteral("signature"), QString::fromLatin1(m_context.policyKey().sign(bytes).toBase64())},
             {QStringLiteral("key"), QString::fromLatin1(m_context.policyKey().publicKey().toBase64())}});
}

} // namespace vigil
