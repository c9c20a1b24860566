#include "Policy.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace vigil {

namespace {
constexpr int kPolicyVersion = 1;

struct IntSetting
{
    const char *key;
    int Policy::*member;
    int min;
    int max;
};

const IntSetting kIntSettings[] = {
        {"question_count", &Policy::questionCount, 1, 5},
        {"max_failed_attempts", &Policy::maxFailedAttempts, 1, 100},
        {"lockout_seconds", &Policy::lockoutSeconds, 1, 30 * 24 * 3600},
        {"grant_seconds", &Policy::grantSeconds, 1, 24 * 3600},
        {"verification_ttl_seconds", &Policy::verificationTtlSeconds, 1, 24 * 3600},
};
} // namespace

QJsonObject Policy::toJson() const
{
    QJsonObject object;
    object.insert(QStringLiteral("version"), kPolicyVersion);
    QJsonArray fields;
    for (auto field : questionFields)
        fields.append(questionFieldName(field));
    object.insert(QStringLiteral("question_fields"), fields);
    for (const auto &setting : kIntSettings)
        object.insert(QLatin1String(setting.key), this->*setting.member);
    return object;
}

QByteArray Policy::toBytes() const
{
    // QJsonObject keeps its keys sorted, so the compact form is canonical.
    return QJsonDocument(toJson()).toJson(QJsonDocument::Compact);
}

std::optional<Policy> Policy::fromJson(const QJsonObject &object, QString *error)
{
    Policy policy;
    if (object.value(QStringLiteral("version")).toInt() != kPolicyVersion) {
        *error = QStringLiteral("unsupported policy version");
        return std::nullopt;
    }
    const auto fields = object.value(QStringLiteral("question_fields"));
    if (!fields.isArray()) {
        *error = QStringLiteral("question_fields must be an array");
        return std::nullopt;
    }
    policy.questionFields.clear();
    for (const auto &value : fields.toArray()) {
        const auto field = questionFieldFromName(value.toString());
        if (!field || *field == QuestionField::Secret || policy.questionFields.contains(*field)) {
            *error = QStringLiteral("question_fields holds an unknown or repeated field");
            return std::nullopt;
        }
        policy.questionFields.append(*field);
    }
    for (const auto &setting : kIntSettings) {
        const auto value = object.value(QLatin1String(setting.key));
        if (!value.isDouble()) {
            *error = QStringLiteral("%1 must be a number").arg(QLatin1String(setting.key));
            return std::nullopt;
        }
        policy.*setting.member = value.toInt();
    }
    if (!policy.validate(error))
        return std::nullopt;
    return policy;
}

std::optional<Policy> Policy::fromBytes(const QByteArray &bytes, QString *error)
{
    QJsonParseError parseError;
    const auto document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        *error = QStringLiteral("policy is not a JSON object");
        return std::nullopt;
    }
    return fromJson(document.object(), error);
}

bool Policy::set(const QString &key, const QString &value, QString *error)
{
    if (key == QLatin1String("question_fields")) {
        QList<QuestionField> fields;
        for (const auto &name : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const auto field = questionFieldFromName(name.trimmed());
            if (!field || *field == QuestionField::Secret || fields.contains(*field)) {
                *error = QStringLiteral("question_fields: unknown or repeated field \"%1\"").arg(name);
                return false;
            }
            fields.append(*field);
        }
        Policy candidate = *this;
        candidate.questionFields = fields;
        if (!candidate.validate(error))
            return false;
        *this = candidate;
        return true;
    }
    for (const auto &setting : kIntSettings) {
        if (key != QLatin1String(setting.key))
            continue;
        bool ok = false;
        const int number = value.toInt(&ok);
        if (!ok || number < setting.min || number > setting.max) {
            *error = QStringLiteral("%1 must be a whole number from %2 to %3")
                             .arg(key)
                             .arg(setting.min)
                             .arg(setting.max);
            return false;
        }
        Policy candidate = *this;
        candidate.*setting.member = number;
        if (!candidate.validate(error))
            return false;
        *this = candidate;
        return true;
    }
    QStringList known{QStringLiteral("question_fields")};
    for (const auto &setting : kIntSettings)
        known.append(QLatin1String(setting.key));
    *error = QStringLiteral("unknown policy key \"%1\" (known: %2)")
                     .arg(key, known.join(QStringLiteral(", ")));
    return false;
}

bool Policy::validate(QString *error) const
{
    for (const auto &setting : kIntSettings) {
        const int number = this->*setting.member;
        if (number < setting.min || number > setting.max) {
            *error = QStringLiteral("%1 is out of range").arg(QLatin1String(setting.key));
            return false;
        }
    }
    if (questionCount > questionFields.size() + 1) {
        *error = QStringLiteral("question_count cannot exceed the number of question fields plus the secret");
        return false;
    }
    return true;
}

} // namespace vigil
