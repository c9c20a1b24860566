#include "ApiModels.h"

#include <QJsonArray>
#include <QJsonValue>

#include <algorithm>
#include <cmath>
#include <limits>

namespace vigil {

namespace {

// Strict readers: a field of the wrong JSON type counts as missing, nothing is coerced.

bool readString(const QJsonObject &json, const QString &key, QString *out)
{
    const QJsonValue value = json.value(key);
    if (!value.isString())
        return false;
    *out = value.toString();
    return true;
}

bool readBool(const QJsonObject &json, const QString &key, bool *out)
{
    const QJsonValue value = json.value(key);
    if (!value.isBool())
        return false;
    *out = value.toBool();
    return true;
}

bool readInteger(const QJsonValue &value, qint64 *out)
{
    if (!value.isDouble())
        return false;
    const double number = value.toDouble();
    // Exactly representable integers only: 2^53.
    constexpr double limit = 9007199254740992.0;
    if (!std::isfinite(number) || std::trunc(number) != number || std::fabs(number) > limit)
        return false;
    *out = static_cast<qint64>(number);
    return true;
}

bool readInt64(const QJsonObject &json, const QString &key, qint64 *out)
{
    return readInteger(json.value(key), out);
}

bool readInt(const QJsonObject &json, const QString &key, int *out)
{
    qint64 number = 0;
    if (!readInteger(json.value(key), &number) || number < std::numeric_limits<int>::min()
        || number > std::numeric_limits<int>::max())
        return false;
    *out = static_cast<int>(number);
    return true;
}

// A late answer or code carries attempts_remaining only when it counted as a failure.
bool readOptionalAttemptsRemaining(const QJsonObject &json, int *out)
{
    if (!json.contains(QStringLiteral("attempts_remaining")))
        return true;
    return readInt(json, QStringLiteral("attempts_remaining"), out) && *out >= 0;
}

bool readDate(const QJsonObject &json, const QString &key, QDateTime *out)
{
    QString text;
    if (!readString(json, key, &text))
        return false;
    const QDateTime parsed = QDateTime::fromString(text, Qt::ISODate);
    if (!parsed.isValid())
        return false;
    *out = parsed.toUTC();
    return true;
}

bool readStringList(const QJsonObject &json, const QString &key, QStringList *out)
{
    const QJsonValue value = json.value(key);
    if (!value.isArray())
        return false;
    QStringList list;
    for (const QJsonValue &item : value.toArray()) {
        if (!item.isString())
            return false;
        list.append(item.toString());
    }
    *out = list;
    return true;
}

bool readObject(const QJsonObject &json, const QString &key, QJsonObject *out)
{
    const QJsonValue value = json.value(key);
    if (!value.isObject())
        return false;
    *out = value.toObject();
    return true;
}

bool readArray(const QJsonObject &json, const QString &key, QJsonArray *out)
{
    const QJsonValue value = json.value(key);
    if (!value.isArray())
        return false;
    *out = value.toArray();
    return true;
}

bool readBase64(const QJsonObject &json, const QString &key, QByteArray *out)
{
    QString text;
    if (!readString(json, key, &text))
        return false;
    const auto decoded =
            QByteArray::fromBase64Encoding(text.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return false;
    *out = *decoded;
    return true;
}

// Fields added after a reply's first version: absent means `false`, anything but a bool is refused.
bool readOptionalBool(const QJsonObject &json, const QString &key, bool *out)
{
    if (!json.contains(key)) {
        *out = false;
        return true;
    }
    return readBool(json, key, out);
}

// Absent or null is empty; otherwise it must be a string.
bool readNullableString(const QJsonObject &json, const QString &key, QString *out)
{
    const QJsonValue value = json.value(key);
    if (value.isUndefined() || value.isNull()) {
        out->clear();
        return true;
    }
    return readString(json, key, out);
}

// Absent or null is an invalid QDateTime; otherwise it must be an ISO 8601 time.
bool readNullableDate(const QJsonObject &json, const QString &key, QDateTime *out)
{
    const QJsonValue value = json.value(key);
    if (value.isUndefined() || value.isNull()) {
        *out = QDateTime();
        return true;
    }
    return readDate(json, key, out);
}

std::optional<AgentInfo> parseAgent(const QJsonObject &json)
{
    AgentInfo agent;
    if (!readString(json, QStringLiteral("id"), &agent.id) || agent.id.isEmpty()
        || !readString(json, QStringLiteral("username"), &agent.username)
        || !readString(json, QStringLiteral("display_name"), &agent.displayName)
        || !readStringList(json, QStringLiteral("roles"), &agent.roles)
        || !readOptionalBool(json, QStringLiteral("second_factor_enrolled"), &agent.secondFactorEnrolled))
        return std::nullopt;
    return agent;
}

std::optional<ActionApproval> parseApproval(const QJsonValue &value)
{
    if (!value.isObject())
        return std::nullopt;
    const QJsonObject json = value.toObject();
    ActionApproval approval;
    if (!readString(json, QStringLiteral("username"), &approval.username) || approval.username.isEmpty()
        || !readString(json, QStringLiteral("display_name"), &approval.displayName)
        || !readString(json, QStringLiteral("decision"), &approval.decision) || approval.decision.isEmpty()
        || !readString(json, QStringLiteral("reason"), &approval.reason)
        || !readDate(json, QStringLiteral("at"), &approval.at))
        return std::nullopt;
    return approval;
}

std::optional<ActionHistoryEntry> parseHistoryEntry(const QJsonValue &value)
{
    if (!value.isObject())
        return std::nullopt;
    const QJsonObject json = value.toObject();
    ActionHistoryEntry entry;
    if (!readDate(json, QStringLiteral("at"), &entry.at)
        || !readString(json, QStringLiteral("action"), &entry.action) || entry.action.isEmpty()
        || !readString(json, QStringLiteral("outcome"), &entry.outcome)
        || !readString(json, QStringLiteral("agent"), &entry.agent))
        return std::nullopt;
    return entry;
}

std::optional<ActionEvidence> parseEvidence(const QJsonObject &json)
{
    ActionEvidence evidence;
    QJsonArray history;
    if (!readString(json, QStringLiteral("verification_id"), &evidence.verificationId)
        || !readInt(json, QStringLiteral("level"), &evidence.level) || evidence.level < 0
        || !readStringList(json, QStringLiteral("methods"), &evidence.methods)
        || !readString(json, QStringLiteral("verified_by"), &evidence.verifiedBy)
        || !readInt(json, QStringLiteral("failed_attempts"), &evidence.failedAttempts)
        || evidence.failedAttempts < 0 || !readBool(json, QStringLiteral("locked"), &evidence.locked)
        || !readArray(json, QStringLiteral("history"), &history))
        return std::nullopt;
    for (const QJsonValue &value : std::as_const(history)) {
        const auto entry = parseHistoryEntry(value);
        if (!entry)
            return std::nullopt;
        evidence.history.append(*entry);
    }
    return evidence;
}

std::optional<VerificationQuestion> parseQuestion(const QJsonValue &value)
{
    if (!value.isObject())
        return std::nullopt;
    const QJsonObject json = value.toObject();
    VerificationQuestion question;
    if (!readString(json, QStringLiteral("id"), &question.id) || question.id.isEmpty()
        || !readString(json, QStringLiteral("field"), &question.field)
        || !readString(json, QStringLiteral("prompt"), &question.prompt))
        return std::nullopt;
    return question;
}

std::optional<AuditEntryView> parseAuditEntry(const QJsonValue &value)
{
    if (!value.isObject())
        return std::nullopt;
    const QJsonObject json = value.toObject();
    AuditEntryView entry;
    if (!readInt64(json, QStringLiteral("seq"), &entry.seq)
        || !readDate(json, QStringLiteral("at"), &entry.at)
        || !readString(json, QStringLiteral("action"), &entry.action)
        || !readString(json, QStringLiteral("agent"), &entry.agent)
        || !readString(json, QStringLiteral("profile"), &entry.profile)
        || !readString(json, QStringLiteral("verification"), &entry.verification)
        || !readString(json, QStringLiteral("outcome"), &entry.outcome)
        || !readObject(json, QStringLiteral("details"), &entry.details))
        return std::nullopt;
    return entry;
}

} // namespace

std::optional<LoginResult> LoginResult::parse(const QJsonObject &json)
{
    LoginResult result;
    QString token;
    QJsonObject agent;
    if (!readString(json, QStringLiteral("token"), &token) || token.isEmpty()
        || !readDate(json, QStringLiteral("expires_at"), &result.expiresAt)
        || !readObject(json, QStringLiteral("agent"), &agent))
        return std::nullopt;
    const auto agentInfo = parseAgent(agent);
    if (!agentInfo)
        return std::nullopt;
    if (!readOptionalBool(json, QStringLiteral("second_factor"), &result.secondFactor))
        return std::nullopt;
    result.token = token.toLatin1();
    result.agent = *agentInfo;
    return result;
}

std::optional<QList<ProfileSummary>> ProfileSummary::parseSearch(const QJsonObject &json)
{
    QJsonArray results;
    if (!readArray(json, QStringLiteral("results"), &results))
        return std::nullopt;
    QList<ProfileSummary> profiles;
    profiles.reserve(results.size());
    for (const QJsonValue &value : std::as_const(results)) {
        if (!value.isObject())
            return std::nullopt;
        const QJsonObject item = value.toObject();
        ProfileSummary profile;
        if (!readString(item, QStringLiteral("id"), &profile.id) || profile.id.isEmpty()
            || !readString(item, QStringLiteral("display_name"), &profile.displayName)
            || !readString(item, QStringLiteral("department"), &profile.department)
            || !readString(item, QStringLiteral("email_hint"), &profile.emailHint)
            || !readString(item, QStringLiteral("phone_hint"), &profile.phoneHint)
            || !readBool(item, QStringLiteral("locked"), &profile.locked)
            || !readBool(item, QStringLiteral("has_secret"), &profile.hasSecret)
            || !readOptionalBool(item, QStringLiteral("frozen"), &profile.frozen))
            return std::nullopt;
        profiles.append(profile);
    }
    return profiles;
}

std::optional<VerificationStart> VerificationStart::parse(const QJsonObject &json)
{
    VerificationStart start;
    QJsonArray questions;
    if (!readString(json, QStringLiteral("id"), &start.id) || start.id.isEmpty()
        || !readArray(json, QStringLiteral("questions"), &questions) || questions.isEmpty()
        || !readInt(json, QStringLiteral("attempts_remaining"), &start.attemptsRemaining)
        || start.attemptsRemaining < 0 || !readDate(json, QStringLiteral("expires_at"), &start.expiresAt))
        return std::nullopt;
    for (const QJsonValue &value : std::as_const(questions)) {
        const auto question = parseQuestion(value);
        if (!question)
            return std::nullopt;
        start.questions.append(*question);
    }
    return start;
}

std::optional<VerificationOutcome> VerificationOutcome::parse(int httpStatus, const QJsonObject &json)
{
    VerificationOutcome outcome;
    switch (httpStatus) {
    case 200: {
        QString result;
        if (!readString(json, QStringLiteral("result"), &result))
            return std::nullopt;
        if (result == QLatin1String("passed")) {
            outcome.result = Result::Passed;
            if (!readInt(json, QStringLiteral("level"), &outcome.level) || outcome.level < 1
                || !readDate(json, QStringLiteral("grant_expires_at"), &outcome.grantExpiresAt))
                return std::nullopt;
            return outcome;
        }
        if (result == QLatin1String("failed")) {
            outcome.result = Result::Failed;
            if (!readInt(json, QStringLiteral("attempts_remaining"), &outcome.attemptsRemaining)
                || outcome.attemptsRemaining < 0)
                return std::nullopt;
            return outcome;
        }
        return std::nullopt;
    }
    case 423: {
        QString code;
        if (!readString(json, QStringLiteral("error"), &code) || code != QLatin1String("profile_locked")
            || !readDate(json, QStringLiteral("locked_until"), &outcome.lockedUntil))
            return std::nullopt;
        outcome.result = Result::Locked;
        outcome.attemptsRemaining = 0;
        return outcome;
    }
    case 410: {
        QString code;
        if (!readString(json, QStringLiteral("error"), &code)
            || code != QLatin1String("verification_expired"))
            return std::nullopt;
        outcome.result = Result::Expired;
        if (!readOptionalAttemptsRemaining(json, &outcome.attemptsRemaining))
            return std::nullopt;
        return outcome;
    }
    default:
        return std::nullopt;
    }
}

std::optional<ProfileDetails> ProfileDetails::parse(const QJsonObject &json)
{
    ProfileDetails details;
    if (!readString(json, QStringLiteral("id"), &details.id) || details.id.isEmpty()
        || !readString(json, QStringLiteral("username"), &details.username)
        || !readString(json, QStringLiteral("display_name"), &details.displayName)
        || !readString(json, QStringLiteral("department"), &details.department)
        || !readString(json, QStringLiteral("email"), &details.email)
        || !readString(json, QStringLiteral("phone"), &details.phone)
        || !readBool(json, QStringLiteral("privileged"), &details.privileged)
        || !readBool(json, QStringLiteral("has_secret"), &details.hasSecret)
        || !readOptionalBool(json, QStringLiteral("frozen"), &details.frozen)
        || !readStringList(json, QStringLiteral("enrolled_fields"), &details.enrolledFields)
        || !readInt(json, QStringLiteral("level"), &details.level)
        || !readNullableString(json, QStringLiteral("verification"), &details.verification)
        || !readDate(json, QStringLiteral("grant_expires_at"), &details.grantExpiresAt))
        return std::nullopt;
    return details;
}

std::optional<QList<AuditEntryView>> AuditEntryView::parseList(const QJsonObject &json)
{
    QJsonArray entries;
    if (!readArray(json, QStringLiteral("entries"), &entries))
        return std::nullopt;
    QList<AuditEntryView> list;
    list.reserve(entries.size());
    for (const QJsonValue &value : std::as_const(entries)) {
        const auto entry = parseAuditEntry(value);
        if (!entry)
            return std::nullopt;
        list.append(*entry);
    }
    return list;
}

std::optional<AuditChainStatus> AuditChainStatus::parse(const QJsonObject &json)
{
    AuditChainStatus status;
    if (!readBool(json, QStringLiteral("ok"), &status.ok)
        || !readInt64(json, QStringLiteral("entries"), &status.entries) || status.entries < 0
        || !readString(json, QStringLiteral("head"), &status.head))
        return std::nullopt;
    const QJsonValue firstBad = json.value(QStringLiteral("first_bad_seq"));
    if (firstBad.isNull()) {
        status.firstBadSeq = std::nullopt;
    } else {
        qint64 seq = 0;
        if (!readInteger(firstBad, &seq))
            return std::nullopt;
        status.firstBadSeq = seq;
    }
    // A chain that failed must say where; one that passed must not.
    if (status.ok == status.firstBadSeq.has_value())
        return std::nullopt;
    return status;
}

std::optional<SignedPolicy> SignedPolicy::parse(const QJsonObject &json)
{
    SignedPolicy signedPolicy;
    if (!readBase64(json, QStringLiteral("policy"), &signedPolicy.policyBytes)
        || signedPolicy.policyBytes.isEmpty()
        || !readBase64(json, QStringLiteral("signature"), &signedPolicy.signature)
        || signedPolicy.signature.size() != 64
        || !readBase64(json, QStringLiteral("key"), &signedPolicy.publicKey)
        || signedPolicy.publicKey.size() != 32)
        return std::nullopt;
    return signedPolicy;
}

std::optional<StepUpChallenge> StepUpChallenge::parse(const QJsonObject &json)
{
    StepUpChallenge challenge;
    if (!readString(json, QStringLiteral("challenge_id"), &challenge.id) || challenge.id.isEmpty()
        || !readString(json, QStringLiteral("channel"), &challenge.channel)
        || !readString(json, QStringLiteral("destination_hint"), &challenge.destinationHint)
        || !readDate(json, QStringLiteral("expires_at"), &challenge.expiresAt))
        return std::nullopt;
    return challenge;
}

std::optional<StepUpOutcome> StepUpOutcome::parse(int httpStatus, const QJsonObject &json)
{
    StepUpOutcome outcome;
    QString text;
    switch (httpStatus) {
    case 200:
        if (!readString(json, QStringLiteral("result"), &text))
            return std::nullopt;
        if (text == QLatin1String("passed")) {
            outcome.result = Result::Passed;
            if (!readInt(json, QStringLiteral("level"), &outcome.level) || outcome.level < 2)
                return std::nullopt;
            return outcome;
        }
        if (text == QLatin1String("failed")) {
            outcome.result = Result::Failed;
            if (!readInt(json, QStringLiteral("attempts_remaining"), &outcome.attemptsRemaining)
                || outcome.attemptsRemaining < 0)
                return std::nullopt;
            return outcome;
        }
        return std::nullopt;
    case 423:
        if (!readString(json, QStringLiteral("error"), &text) || text != QLatin1String("profile_locked"))
            return std::nullopt;
        outcome.result = Result::Locked;
        outcome.attemptsRemaining = 0;
        // A lock without a known end is still a lock.
        readDate(json, QStringLiteral("locked_until"), &outcome.lockedUntil);
        return outcome;
    case 410:
        if (!readString(json, QStringLiteral("error"), &text)
            || (text != QLatin1String("challenge_expired") && text != QLatin1String("challenge_used")))
            return std::nullopt;
        outcome.result = Result::Expired;
        if (!readOptionalAttemptsRemaining(json, &outcome.attemptsRemaining))
            return std::nullopt;
        return outcome;
    default:
        return std::nullopt;
    }
}

std::optional<DeviceChallenge> DeviceChallenge::parse(const QJsonObject &json)
{
    DeviceChallenge challenge;
    if (!readString(json, QStringLiteral("challenge_id"), &challenge.id) || challenge.id.isEmpty()
        || !readInt(json, QStringLiteral("number"), &challenge.number) || challenge.number < 10
        || challenge.number > 99 || !readDate(json, QStringLiteral("expires_at"), &challenge.expiresAt)
        || !readString(json, QStringLiteral("device_name"), &challenge.deviceName))
        return std::nullopt;
    return challenge;
}

std::optional<DeviceStatus> DeviceStatus::parse(const QJsonObject &json)
{
    DeviceStatus status;
    if (!readString(json, QStringLiteral("state"), &status.state) || status.state.isEmpty()
        || !readInt(json, QStringLiteral("level"), &status.level))
        return std::nullopt;
    return status;
}

int ActionInfo::approvedCount() const
{
    return static_cast<int>(std::count_if(approvals.cbegin(), approvals.cend(), [](const ActionApproval &a) {
        return a.decision == QLatin1String("approved");
    }));
}

std::optional<ActionInfo> ActionInfo::parse(const QJsonObject &json)
{
    ActionInfo info;
    QJsonObject profile;
    QJsonObject requestedBy;
    QJsonArray approvals;
    if (!readString(json, QStringLiteral("id"), &info.id) || info.id.isEmpty()
        || !readString(json, QStringLiteral("action"), &info.action) || info.action.isEmpty()
        || !readString(json, QStringLiteral("state"), &info.state) || info.state.isEmpty()
        || !readObject(json, QStringLiteral("profile"), &profile)
        || !readString(profile, QStringLiteral("id"), &info.profileId) || info.profileId.isEmpty()
        || !readString(profile, QStringLiteral("display_name"), &info.profileName)
        || !readBool(profile, QStringLiteral("privileged"), &info.privileged)
        || !readString(json, QStringLiteral("reason"), &info.reason)
        || !readString(json, QStringLiteral("ticket"), &info.ticket)
        || !readNullableString(json, QStringLiteral("value_hint"), &info.valueHint)
        || !readObject(json, QStringLiteral("requested_by"), &requestedBy)
        || !readString(requestedBy, QStringLiteral("username"), &info.requestedBy)
        || info.requestedBy.isEmpty()
        || !readString(requestedBy, QStringLiteral("display_name"), &info.requestedByName)
        || !readDate(json, QStringLiteral("requested_at"), &info.requestedAt)
        || !readNullableDate(json, QStringLiteral("expires_at"), &info.expiresAt)
        || !readNullableDate(json, QStringLiteral("run_at"), &info.runAt)
        || !readNullableDate(json, QStringLiteral("completed_at"), &info.completedAt)
        || !readNullableString(json, QStringLiteral("result"), &info.result)
        || !readInt(json, QStringLiteral("approvals_required"), &info.approvalsRequired)
        || info.approvalsRequired < 0 || !readArray(json, QStringLiteral("approvals"), &approvals)
        || !readBool(json, QStringLiteral("can_approve"), &info.canApprove))
        return std::nullopt;
    for (const QJsonValue &value : std::as_const(approvals)) {
        const auto approval = parseApproval(value);
        if (!approval)
            return std::nullopt;
        info.approvals.append(*approval);
    }
    // Evidence may be left out of a list, but what is sent must be whole.
    const QJsonValue evidence = json.value(QStringLiteral("evidence"));
    if (!evidence.isUndefined() && !evidence.isNull()) {
        if (!evidence.isObject())
            return std::nullopt;
        info.evidence = parseEvidence(evidence.toObject());
        if (!info.evidence)
            return std::nullopt;
    }
    return info;
}

std::optional<QList<ActionInfo>> ActionInfo::parseList(const QJsonObject &json)
{
    QJsonArray actions;
    if (!readArray(json, QStringLiteral("actions"), &actions))
        return std::nullopt;
    QList<ActionInfo> list;
    list.reserve(actions.size());
    for (const QJsonValue &value : std::as_const(actions)) {
        if (!value.isObject())
            return std::nullopt;
        const auto info = parse(value.toObject());
        if (!info)
            return std::nullopt;
        list.append(*info);
    }
    return list;
}

} // namespace vigil
