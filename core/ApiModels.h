#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace vigil {

// Typed views of the server's replies (API v1). Each parse function returns nullopt when a
// required field is missing or has the wrong type: a malformed reply is never half-used.

struct AgentInfo
{
    QString id;
    QString username;
    QString displayName;
    QStringList roles;
    bool secondFactorEnrolled = false; // a TOTP authenticator is enrolled for this agent
    bool hasRole(const QString &role) const { return roles.contains(role); }
};

struct LoginResult
{
    QByteArray token;
    QDateTime expiresAt;
    AgentInfo agent;
    bool secondFactor = false; // this session has passed the agent's second factor
    static std::optional<LoginResult> parse(const QJsonObject &json);
};

struct ProfileSummary
{
    QString id;
    QString displayName;
    QString department;
    QString emailHint;
    QString phoneHint;
    bool locked = false;
    bool hasSecret = false;
    bool frozen = false; // a revert froze it: no action until a supervisor unfreezes it
    static std::optional<QList<ProfileSummary>> parseSearch(const QJsonObject &json);
};

struct VerificationQuestion
{
    QString id;
    QString field; // title, middle_initial, employee_id, birthday, secret
    QString prompt;
};

struct VerificationStart
{
    QString id;
    QList<VerificationQuestion> questions;
    int attemptsRemaining = 0;
    QDateTime expiresAt;
    static std::optional<VerificationStart> parse(const QJsonObject &json);
};

struct VerificationOutcome
{
    enum class Result { Passed, Failed, Locked, Expired };
    Result result = Result::Failed;
    int level = 0;
    int attemptsRemaining = 0;
    QDateTime grantExpiresAt; // when passed
    QDateTime lockedUntil; // when locked
    // 200 passed/failed, 423 profile_locked, 410 verification_expired.
    static std::optional<VerificationOutcome> parse(int httpStatus, const QJsonObject &json);
};

struct ProfileDetails
{
    QString id;
    QString username;
    QString displayName;
    QString department;
    QString email;
    QString phone;
    bool privileged = false;
    bool hasSecret = false;
    bool frozen = false;
    QStringList enrolledFields;
    int level = 0;
    // The verification whose grant `level` and `grantExpiresAt` belong to (the agent's best live
    // grant, which may be an earlier verification than the one just passed); empty if not sent.
    QString verification;
    QDateTime grantExpiresAt;
    static std::optional<ProfileDetails> parse(const QJsonObject &json);
};

struct AuditEntryView
{
    qint64 seq = 0;
    QDateTime at;
    QString action;
    QString agent;
    QString profile;
    QString verification;
    QString outcome;
    QJsonObject details;
    static std::optional<QList<AuditEntryView>> parseList(const QJsonObject &json);
};

struct AuditChainStatus
{
    bool ok = false;
    qint64 entries = 0;
    QString head;
    std::optional<qint64> firstBadSeq;
    static std::optional<AuditChainStatus> parse(const QJsonObject &json);
};

struct AuditQuery
{
    QString action;
    QString profile;
    QString agent;
    std::optional<qint64> after;
    int limit = 200;
};

// GET /v1/policy: the signed policy bytes and the key that signed them.
struct SignedPolicy
{
    QByteArray policyBytes; // base64-decoded
    QByteArray signature; // 64 bytes
    QByteArray publicKey; // 32 bytes
    static std::optional<SignedPolicy> parse(const QJsonObject &json);
};

// POST /v1/verifications/{id}/otp (201): a one-time code is on its way.
struct StepUpChallenge
{
    QString id;
    QString channel; // email, sms
    QString destinationHint; // masked, e.g. j***@acme.example
    QDateTime expiresAt;
    static std::optional<StepUpChallenge> parse(const QJsonObject &json);
};

// The answer to a one-time or TOTP code.
struct StepUpOutcome
{
    enum class Result { Passed, Failed, Locked, Expired };
    Result result = Result::Failed;
    int level = 0; // when passed
    int attemptsRemaining = -1; // when failed; -1 when the server did not say
    QDateTime lockedUntil; // when locked
    // 200 passed/failed, 423 profile_locked, 410 challenge_expired/challenge_used.
    static std::optional<StepUpOutcome> parse(int httpStatus, const QJsonObject &json);
};

// POST /v1/verifications/{id}/device (201): the number the caller has to enter on the device.
struct DeviceChallenge
{
    QString id;
    int number = 0; // 10–99
    QDateTime expiresAt;
    QString deviceName;
    static std::optional<DeviceChallenge> parse(const QJsonObject &json);
};

// GET /v1/verifications/{id}/device/{challenge_id}.
struct DeviceStatus
{
    QString state; // pending, approved, denied, expired, refused
    int level = 0;
    static std::optional<DeviceStatus> parse(const QJsonObject &json);
};

// One supervisor's decision on an escalation.
struct ActionApproval
{
    QString username;
    QString displayName;
    QString decision; // approved, denied
    QString reason;
    QDateTime at;
};

// One line of the profile's recent verification history, as the approver sees it.
struct ActionHistoryEntry
{
    QDateTime at;
    QString action; // audit action, e.g. HELPDESK_UNLOCK_ATTEMPT
    QString outcome;
    QString agent;
};

// What the requester proved before asking: the basis a supervisor decides on.
struct ActionEvidence
{
    QString verificationId;
    int level = 0;
    QStringList methods; // questions, otp:email, otp:sms, totp, device
    QString verifiedBy;
    int failedAttempts = 0;
    bool locked = false;
    QList<ActionHistoryEntry> history;
};

// An action from the policy's catalog requested for a verified caller (POST
// /v1/profiles/{id}/actions, GET /v1/actions…), with its escalation when it needs approval.
struct ActionInfo
{
    QString id;
    QString action; // unlock_account, reset_password, reset_mfa, change_email, change_phone
    // awaiting_approval, done, scheduled, denied, expired, failed, cancelled, reverted
    QString state;
    QString profileId;
    QString profileName;
    bool privileged = false;
    QString reason;
    QString ticket;
    QString valueHint; // masked new value of a change, else empty
    QString requestedBy; // user name
    QString requestedByName;
    QDateTime requestedAt;
    QDateTime expiresAt; // invalid when the server sent null
    QDateTime runAt;
    QDateTime completedAt;
    QString result; // why it failed: profile_locked, grant_expired, profile_frozen
    int approvalsRequired = 0;
    QList<ActionApproval> approvals;
    std::optional<ActionEvidence> evidence;
    bool canApprove = false;

    bool awaitingApproval() const { return state == QLatin1String("awaiting_approval"); }
    int approvedCount() const;
    static std::optional<ActionInfo> parse(const QJsonObject &json);
    // GET /v1/actions: {"actions":[…]}.
    static std::optional<QList<ActionInfo>> parseList(const QJsonObject &json);
};

} // namespace vigil
