// Fuzzes the console's parsing of server replies (core/ApiModels): every parser, on the object
// BackendClient hands over (the reply parsed as JSON; not an object gives an empty one). The
// outcome parsers also get each status they distinguish. A policy that SignedPolicy accepts goes on
// to Policy::fromBytes, as the console does once the signature checks out.
//
// Input: a reply body, e.g. {"token":"…","expires_at":"2030-01-01T00:00:00Z","agent":{…}}.

#include "FuzzSupport.h"

#include "ApiModels.h"
#include "Policy.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace vigil;

namespace {

// Dates come out valid and in UTC, or (where the field may be null) invalid.
bool utc(const QDateTime &time)
{
    return time.isValid() && time.timeSpec() == Qt::UTC;
}

bool utcOrNull(const QDateTime &time)
{
    return !time.isValid() || time.timeSpec() == Qt::UTC;
}

void checkAction(const ActionInfo &info)
{
    VIGIL_FUZZ_CHECK(!info.id.isEmpty() && !info.action.isEmpty() && !info.state.isEmpty());
    VIGIL_FUZZ_CHECK(!info.profileId.isEmpty() && !info.requestedBy.isEmpty());
    VIGIL_FUZZ_CHECK(info.approvalsRequired >= 0);
    VIGIL_FUZZ_CHECK(utc(info.requestedAt));
    VIGIL_FUZZ_CHECK(utcOrNull(info.expiresAt) && utcOrNull(info.runAt) && utcOrNull(info.completedAt));
    VIGIL_FUZZ_CHECK(info.approvedCount() >= 0 && info.approvedCount() <= info.approvals.size());
    for (const ActionApproval &approval : info.approvals)
        VIGIL_FUZZ_CHECK(!approval.username.isEmpty() && !approval.decision.isEmpty() && utc(approval.at));
    if (info.evidence) {
        VIGIL_FUZZ_CHECK(info.evidence->level >= 0 && info.evidence->failedAttempts >= 0);
        for (const ActionHistoryEntry &entry : info.evidence->history)
            VIGIL_FUZZ_CHECK(!entry.action.isEmpty() && utc(entry.at));
    }
}

void checkSession(const QJsonObject &json)
{
    if (const auto login = LoginResult::parse(json)) {
        VIGIL_FUZZ_CHECK(!login->token.isEmpty() && utc(login->expiresAt) && !login->agent.id.isEmpty());
    }
    if (const auto results = ProfileSummary::parseSearch(json)) {
        VIGIL_FUZZ_CHECK(results->size() == json.value(QStringLiteral("results")).toArray().size());
        for (const ProfileSummary &profile : *results)
            VIGIL_FUZZ_CHECK(!profile.id.isEmpty());
    }
    if (const auto details = ProfileDetails::parse(json))
        VIGIL_FUZZ_CHECK(!details->id.isEmpty() && utc(details->grantExpiresAt));
}

void checkVerification(const QJsonObject &json)
{
    if (const auto start = VerificationStart::parse(json)) {
        VIGIL_FUZZ_CHECK(!start->id.isEmpty() && !start->questions.isEmpty());
        VIGIL_FUZZ_CHECK(start->attemptsRemaining >= 0 && utc(start->expiresAt));
        for (const VerificationQuestion &question : start->questions)
            VIGIL_FUZZ_CHECK(!question.id.isEmpty());
    }
    for (const int status : {200, 201, 400, 410, 423, 500}) {
        using R = VerificationOutcome::Result;
        const auto outcome = VerificationOutcome::parse(status, json);
        if (!outcome)
            continue;
        VIGIL_FUZZ_CHECK(status == 200 || status == 410 || status == 423);
        VIGIL_FUZZ_CHECK(outcome->attemptsRemaining >= 0);
        switch (outcome->result) {
        case R::Passed:
            VIGIL_FUZZ_CHECK(status == 200 && outcome->level >= 1 && utc(outcome->grantExpiresAt));
            break;
        case R::Failed:
            VIGIL_FUZZ_CHECK(status == 200);
            break;
        case R::Locked:
            VIGIL_FUZZ_CHECK(status == 423 && outcome->attemptsRemaining == 0 && utc(outcome->lockedUntil));
            break;
        case R::Expired:
            VIGIL_FUZZ_CHECK(status == 410);
            break;
        }
    }
}

void checkStepUp(const QJsonObject &json)
{
    if (const auto challenge = StepUpChallenge::parse(json))
        VIGIL_FUZZ_CHECK(!challenge->id.isEmpty() && utc(challenge->expiresAt));
    for (const int status : {200, 201, 400, 410, 423, 500}) {
        using R = StepUpOutcome::Result;
        const auto outcome = StepUpOutcome::parse(status, json);
        if (!outcome)
            continue;
        VIGIL_FUZZ_CHECK(status == 200 || status == 410 || status == 423);
        VIGIL_FUZZ_CHECK(outcome->attemptsRemaining >= -1);
        switch (outcome->result) {
        case R::Passed:
            VIGIL_FUZZ_CHECK(status == 200 && outcome->level >= 2);
            break;
        case R::Failed:
            VIGIL_FUZZ_CHECK(status == 200 && outcome->attemptsRemaining >= 0);
            break;
        case R::Locked:
            VIGIL_FUZZ_CHECK(status == 423 && outcome->attemptsRemaining == 0
                             && utcOrNull(outcome->lockedUntil));
            break;
        case R::Expired:
            VIGIL_FUZZ_CHECK(status == 410);
            break;
        }
    }
    if (const auto challenge = DeviceChallenge::parse(json)) {
        VIGIL_FUZZ_CHECK(!challenge->id.isEmpty() && utc(challenge->expiresAt));
        VIGIL_FUZZ_CHECK(challenge->number >= 10 && challenge->number <= 99);
    }
    if (const auto status = DeviceStatus::parse(json))
        VIGIL_FUZZ_CHECK(!status->state.isEmpty());
}

void checkAudit(const QJsonObject &json)
{
    if (const auto entries = AuditEntryView::parseList(json)) {
        VIGIL_FUZZ_CHECK(entries->size() == json.value(QStringLiteral("entries")).toArray().size());
        for (const AuditEntryView &entry : *entries)
            VIGIL_FUZZ_CHECK(utc(entry.at));
    }
    if (const auto status = AuditChainStatus::parse(json)) {
        // A chain that failed says where; one that passed does not.
        VIGIL_FUZZ_CHECK(status->ok != status->firstBadSeq.has_value());
        VIGIL_FUZZ_CHECK(status->entries >= 0);
    }
}

void checkActions(const QJsonObject &json)
{
    if (const auto info = ActionInfo::parse(json))
        checkAction(*info);
    if (const auto list = ActionInfo::parseList(json)) {
        const QJsonArray items = json.value(QStringLiteral("actions")).toArray();
        VIGIL_FUZZ_CHECK(list->size() == items.size());
        for (qsizetype i = 0; i < list->size(); ++i) {
            checkAction(list->at(i));
            // A list is all or nothing: each item parses on its own to the same action.
            const auto single = ActionInfo::parse(items.at(i).toObject());
            VIGIL_FUZZ_CHECK(single && single->id == list->at(i).id);
        }
    }
}

void checkPolicy(const QJsonObject &json)
{
    const auto signedPolicy = SignedPolicy::parse(json);
    if (!signedPolicy)
        return;
    VIGIL_FUZZ_CHECK(!signedPolicy->policyBytes.isEmpty());
    VIGIL_FUZZ_CHECK(signedPolicy->signature.size() == 64 && signedPolicy->publicKey.size() == 32);
    QString error;
    if (const auto policy = Policy::fromBytes(signedPolicy->policyBytes, &error))
        VIGIL_FUZZ_CHECK(policy->validate(&error));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // As BackendClient reads a reply.
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(fuzz::bytes(data, size), &parseError);
    const QJsonObject json = parseError.error == QJsonParseError::NoError && document.isObject()
            ? document.object()
            : QJsonObject();
    checkSession(json);
    checkVerification(json);
    checkStepUp(json);
    checkAudit(json);
    checkActions(json);
    checkPolicy(json);
    return 0;
}
