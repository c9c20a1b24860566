#include "Policy.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace vigil {

QStringList actionNames()
{
    return {QStringLiteral("view_profile"),   QStringLiteral("unlock_account"),
            QStringLiteral("reset_password"), QStringLiteral("reset_mfa"),
            QStringLiteral("change_email"),   QStringLiteral("change_phone")};
}

bool isRequestableAction(const QString &name)
{
    return name != QLatin1String("view_profile") && actionNames().contains(name);
}

QMap<QString, ActionRule> Policy::defaultActions()
{
    // DESIGN.md "Roles and assurance": view 1; unlock 2; password reset 2 + supervisor; MFA reset
    // 3 + supervisor; e-mail or phone change 3 + supervisor, delayed by the undo window.
    // Privileged profiles need two distinct supervisors for every change.
    return {
            {QStringLiteral("view_profile"), {1, 0, 0, false, 0}},
            {QStringLiteral("unlock_account"), {2, 0, 1, false, 0}},
            {QStringLiteral("reset_password"), {2, 1, 2, false, 0}},
            {QStringLiteral("reset_mfa"), {3, 1, 2, false, 0}},
            {QStringLiteral("change_email"), {3, 1, 2, false, 86400}},
            {QStringLiteral("change_phone"), {3, 1, 2, false, 86400}},
    };
}

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
        {"escalation_ttl_seconds", &Policy::escalationTtlSeconds, 1, 7 * 24 * 3600},
};

struct RuleSetting
{
    const char *key;
    int ActionRule::*member;
    int min;
    int max;
};

const RuleSetting kRuleSettings[] = {
        {"level", &ActionRule::level, 1, 3},
        {"approvals", &ActionRule::approvals, 0, 5},
        {"privileged_approvals", &ActionRule::privilegedApprovals, 0, 5},
        {"undo_seconds", &ActionRule::undoSeconds, 0, 30 * 24 * 3600},
};
const char kPrivilegedRefused[] = "privileged_refused";

// QJsonValue::toInt() gives 0 for 1.5 or 1e10; such a value must be refused, not read as 0.
bool isWholeNumber(const QJsonValue &value)
{
    return value.isDouble() && value.toDouble() == value.toInt();
}

QJsonObject ruleToJson(const ActionRule &rule)
{
    QJsonObject object;
    for (const auto &setting : kRuleSettings)
        object.insert(QLatin1String(setting.key), rule.*setting.member);
    object.insert(QLatin1String(kPrivilegedRefused), rule.privilegedRefused);
    return object;
}

std::optional<ActionRule> ruleFromJson(const QJsonValue &value, QString *error)
{
    if (!value.isObject()) {
        *error = QStringLiteral("each action rule must be an object");
        return std::nullopt;
    }
    const QJsonObject object = value.toObject();
    ActionRule rule;
    for (const auto &setting : kRuleSettings) {
        const auto number = object.value(QLatin1String(setting.key));
        if (!isWholeNumber(number)) {
            *error = QStringLiteral("action rule field %1 must be a whole number")
                             .arg(QLatin1String(setting.key));
            return std::nullopt;
        }
        rule.*setting.member = number.toInt();
    }
    const auto refused = object.value(QLatin1String(kPrivilegedRefused));
    if (!refused.isBool()) {
        *error = QStringLiteral("action rule field privileged_refused must be true or false");
        return std::nullopt;
    }
    rule.privilegedRefused = refused.toBool();
    return rule;
}
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
    QJsonObject catalog;
    for (auto it = actions.cbegin(); it != actions.cend(); ++it)
        catalog.insert(it.key(), ruleToJson(it.value()));
    object.insert(QStringLiteral("actions"), catalog);
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
        // Policies saved before the action catalog existed lack these; they keep the defaults.
        if (value.isUndefined() && setting.member == &Policy::escalationTtlSeconds)
            continue;
        if (!isWholeNumber(value)) {
            *error = QStringLiteral("%1 must be a whole number").arg(QLatin1String(setting.key));
            return std::nullopt;
        }
        policy.*setting.member = value.toInt();
    }
    const auto catalog = object.value(QStringLiteral("actions"));
    if (!catalog.isUndefined()) {
        if (!catalog.isObject()) {
            *error = QStringLiteral("actions must be an object");
            return std::nullopt;
        }
        const QJsonObject rules = catalog.toObject();
        for (auto it = rules.begin(); it != rules.end(); ++it) {
            if (!actionNames().contains(it.key())) {
                *error = QStringLiteral("actions holds an unknown action \"%1\"").arg(it.key());
                return std::nullopt;
            }
            const auto rule = ruleFromJson(it.value(), error);
            if (!rule)
                return std::nullopt;
            policy.actions.insert(it.key(), *rule);
        }
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
    if (key.startsWith(QLatin1String("actions."))) {
        const QStringList parts = key.split(QLatin1Char('.'));
        if (parts.size() != 3 || !actionNames().contains(parts.at(1))) {
            *error = QStringLiteral("%1: use actions.<action>.<field> with an action from: %2")
                             .arg(key, actionNames().join(QStringLiteral(", ")));
            return false;
        }
        Policy candidate = *this;
        ActionRule &rule = candidate.actions[parts.at(1)];
        const QString field = parts.at(2);
        if (field == QLatin1String(kPrivilegedRefused)) {
            if (value != QLatin1String("true") && value != QLatin1String("false")) {
                *error = QStringLiteral("%1 must be true or false").arg(key);
                return false;
            }
            rule.privilegedRefused = value == QLatin1String("true");
        } else {
            const RuleSetting *setting = nullptr;
            for (const auto &candidateSetting : kRuleSettings)
                if (field == QLatin1String(candidateSetting.key))
                    setting = &candidateSetting;
            bool ok = false;
            const int number = value.toInt(&ok);
            if (!setting) {
                *error = QStringLiteral("%1: unknown field (known: level, approvals, privileged_approvals,"
                                        " privileged_refused, undo_seconds)")
                                 .arg(key);
                return false;
            }
            if (!ok || number < setting->min || number > setting->max) {
                *error = QStringLiteral("%1 must be a whole number from %2 to %3")
                                 .arg(key)
                                 .arg(setting->min)
                                 .arg(setting->max);
                return false;
            }
            rule.*(setting->member) = number;
            // Raising approvals raises the privileged quorum with it: it is never below.
            if (setting->member == &ActionRule::approvals)
                rule.privilegedApprovals = std::max(rule.privilegedApprovals, number);
        }
        if (!candidate.validate(error))
            return false;
        *this = candidate;
        return true;
    }
    QStringList known{QStringLiteral("question_fields"), QStringLiteral("actions.<action>.<field>")};
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
    for (const auto &name : actionNames()) {
        if (!actions.contains(name)) {
            *error = QStringLiteral("actions lacks \"%1\"").arg(name);
            return false;
        }
        const ActionRule rule = actions.value(name);
        for (const auto &setting : kRuleSettings) {
            const int number = rule.*setting.member;
            if (number < setting.min || number > setting.max) {
                *error =
                        QStringLiteral("actions.%1.%2 is out of range").arg(name, QLatin1String(setting.key));
                return false;
            }
        }
        if (rule.privilegedApprovals < rule.approvals) {
            *error = QStringLiteral("actions.%1: privileged_approvals cannot be below approvals").arg(name);
            return false;
        }
        if (name == QLatin1String("view_profile")
            && (rule.approvals != 0 || rule.privilegedApprovals != 0 || rule.undoSeconds != 0)) {
            *error = QStringLiteral("actions.view_profile takes only a level");
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
