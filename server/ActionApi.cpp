#include "ActionApi.h"

#include "Blake2b.h"
#include "NotificationOutbox.h"
#include "NotifySettings.h"
#include "Policy.h"
#include "ProfileNotifier.h"
#include "ProfileStore.h"
#include "SecureMemory.h"
#include "SecureRandom.h"
#include "ServerContext.h"
#include "TotpApi.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

#include <sodium.h>

Q_LOGGING_CATEGORY(lcActions, "vigil.server.actions")

namespace vigil {

namespace {
const QString kAwaiting = QStringLiteral("awaiting_approval");
const QString kScheduled = QStringLiteral("scheduled");
const QString kDone = QStringLiteral("done");
const QString kDenied = QStringLiteral("denied");
const QString kExpired = QStringLiteral("expired");
const QString kFailed = QStringLiteral("failed");
const QString kCancelled = QStringLiteral("cancelled");
const QString kReverted = QStringLiteral("reverted");
constexpr int kMaxReason = 500;
constexpr int kMaxTicket = 64;
constexpr int kHistoryEntries = 10;

// A null QString binds as SQL NULL; the text columns are NOT NULL DEFAULT ''.
QVariant text(const QString &value)
{
    return value.isNull() ? QVariant(QStringLiteral("")) : QVariant(value);
}

QVariant nullableInt(const std::optional<qint64> &value)
{
    return value ? QVariant(*value) : QVariant(QMetaType(QMetaType::LongLong));
}

std::optional<qint64> optionalInt(const QVariant &value)
{
    return value.isNull() ? std::nullopt : std::optional<qint64>(value.toLongLong());
}

const QString kActionColumns = QStringLiteral(
        "id, profile_id, kind, state, requested_by, verification_id, verified_by, level, methods, reason,"
        " ticket, new_value, old_value, undo_data, approvals_required, privileged, requested_at, expires_at,"
        " run_at, completed_at, result");

ActionRecord actionFrom(const QSqlQuery &query)
{
    ActionRecord a;
    a.id = query.value(0).toString();
    a.profileId = query.value(1).toLongLong();
    a.kind = query.value(2).toString();
    a.state = query.value(3).toString();
    a.requestedBy = query.value(4).toLongLong();
    a.verificationId = query.value(5).toString();
    a.verifiedBy = query.value(6).toLongLong();
    a.level = query.value(7).toInt();
    a.methods = query.value(8).toString();
    a.reason = query.value(9).toString();
    a.ticket = query.value(10).toString();
    a.newValue = query.value(11).toString();
    a.oldValue = query.value(12).toString();
    a.undoData = query.value(13).toString();
    a.approvalsRequired = query.value(14).toInt();
    a.privileged = query.value(15).toInt() != 0;
    a.requestedAt = query.value(16).toLongLong();
    a.expiresAt = optionalInt(query.value(17));
    a.runAt = optionalInt(query.value(18));
    a.completedAt = optionalInt(query.value(19));
    a.result = query.value(20).toString();
    return a;
}

std::optional<ActionRecord> loadAction(QSqlDatabase &db, const QString &id, bool *queryOk)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT %1 FROM actions WHERE id = ?").arg(kActionColumns));
    query.addBindValue(id);
    *queryOk = query.exec();
    if (!*queryOk || !query.next())
        return std::nullopt;
    return actionFrom(query);
}

// Writes the mutable columns back, only if the row is still in `expectedState`: a second
// replica (or request) that moved it first makes this fail instead of overwriting.
bool saveAction(QSqlDatabase &db, const ActionRecord &a, const QString &expectedState)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("UPDATE actions SET state = ?, old_value = ?, undo_data = ?, run_at = ?,"
                                 " completed_at = ?, result = ? WHERE id = ? AND state = ?"));
    query.addBindValue(a.state);
    query.addBindValue(text(a.oldValue));
    query.addBindValue(text(a.undoData));
    query.addBindValue(nullableInt(a.runAt));
    query.addBindValue(nullableInt(a.completedAt));
    query.addBindValue(text(a.result));
    query.addBindValue(a.id);
    query.addBindValue(expectedState);
    return query.exec() && query.numRowsAffected() == 1;
}

struct AgentName
{
    QString username;
    QString displayName;
};

AgentName agentName(QSqlDatabase &db, qint64 id)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT username, display_name FROM agents WHERE id = ?"));
    query.addBindValue(id);
    if (query.exec() && query.next())
        return {query.value(0).toString(), query.value(1).toString()};
    return {};
}

QString valueHint(const QString &kind, const QString &value)
{
    if (value.isEmpty())
        return {};
    return kind == QLatin1String("change_email") ? ProfileStore::emailHint(value)
                                                 : ProfileStore::phoneHint(value);
}

QString describe(const QString &kind)
{
    if (kind == QLatin1String("unlock_account"))
        return QStringLiteral("unlock of your account");
    if (kind == QLatin1String("reset_password"))
        return QStringLiteral("password reset");
    if (kind == QLatin1String("reset_mfa"))
        return QStringLiteral("reset of your sign-in factors (authenticator app and devices)");
    if (kind == QLatin1String("change_email"))
        return QStringLiteral("change of the e-mail address on record");
    return QStringLiteral("change of the phone number on record");
}

ApiResponse notFound()
{
    return ApiResponse::error(404, QStringLiteral("not_found"), QStringLiteral("No such action."));
}

ApiResponse invalid(const QString &message)
{
    return ApiResponse::error(400, QStringLiteral("invalid_request"), message);
}

ApiResponse secondFactorRequired()
{
    return ApiResponse::error(
            403, QStringLiteral("second_factor_required"),
            QStringLiteral("Confirm your second factor (authenticator code) before approving or denying."));
}

std::optional<QString> requiredText(const ApiRequest &request, const QString &key, int maxLength)
{
    const QJsonValue value = request.body.value(key);
    if (!value.isString())
        return std::nullopt;
    const QString text = value.toString().trimmed();
    if (text.isEmpty() || text.size() > maxLength)
        return std::nullopt;
    if (std::any_of(text.begin(), text.end(),
                    [](QChar c) { return c.unicode() < 0x20 && c != QLatin1Char('\n'); }))
        return std::nullopt;
    return text;
}

QString g_defaultPublicUrl;

// Everything a run needs besides the action itself.
struct RunContext
{
    QSqlDatabase &db;
    const ServerContext &context;
    const Policy &policy;
    QString actor;
};

QString publicUrl(const NotifySettings &settings)
{
    QString url = settings.publicUrl.isEmpty() ? g_defaultPublicUrl : settings.publicUrl;
    while (url.endsWith(QLatin1Char('/')))
        url.chop(1);
    return url;
}

QString revertLink(const ServerContext &context, const NotifySettings &settings, const QString &actionId)
{
    return publicUrl(settings) + QStringLiteral("/v1/revert/")
            + ActionApi::revertToken(context, actionId, ServerContext::now() + ActionApi::kRevertSeconds);
}

bool queueDirectoryTask(const RunContext &run, const NotifySettings &settings, const ActionRecord &a,
                        const StoredProfile &profile, const QString &task)
{
    if (settings.directoryWebhook.isEmpty())
        return true;
    QJsonObject payload{{QStringLiteral("task"), task},
                        {QStringLiteral("action_id"), a.id},
                        {QStringLiteral("username"), profile.username},
                        {QStringLiteral("ticket"), a.ticket}};
    if (!a.newValue.isEmpty())
        payload.insert(QStringLiteral("value"),
                       task.startsWith(QLatin1String("revert_")) ? a.oldValue : a.newValue);
    return NotificationOutbox::enqueue(
            run.db, run.context, NotificationOutbox::kDirectory, QStringLiteral("directory"), task,
            QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact)),
            QStringLiteral("directory:%1:%2").arg(a.id, task));
}

bool auditAction(const RunContext &run, const ActionRecord &a, const QString &action, const QString &outcome,
                 QJsonObject details = {})
{
    details.insert(QStringLiteral("action_id"), a.id);
    details.insert(QStringLiteral("action"), a.kind);
    details.insert(QStringLiteral("ticket"), a.ticket);
    return run.context.audit(
            run.db, {action, run.actor, QString::number(a.profileId), a.verificationId, outcome, details});
}

bool failAction(const RunContext &run, ActionRecord &a, const QString &result)
{
    const QString before = a.state;
    a.state = kFailed;
    a.result = result;
    a.completedAt = ServerContext::now();
    return saveAction(run.db, a, before)
            && auditAction(run, a, QStringLiteral("ACTION_FAILED"), result,
                           {{QStringLiteral("reason"), result}});
}

// Sends the one-time reset link to one registered channel (e-mail first). The agent never sees
// it; only a keyed hash of the token is stored.
bool issueResetLink(const RunContext &run, const NotifySettings &settings, const ActionRecord &a,
                    const StoredProfile &profile)
{
    QByteArray token = SecureRandom::token();
    const QByteArray hash =
            Blake2b::keyedHash256(run.context.lookupKey(), QByteArray("password-reset\n" + token)).toHex();
    QSqlQuery insert(run.db);
    insert.prepare(
            QStringLiteral("INSERT INTO password_resets (token_hash, profile_id, action_id, created_at,"
                           " expires_at) VALUES (?, ?, ?, ?, ?)"));
    const qint64 now = ServerContext::now();
    insert.addBindValue(QString::fromLatin1(hash));
    insert.addBindValue(profile.id);
    insert.addBindValue(a.id);
    insert.addBindValue(now);
    insert.addBindValue(now + ActionApi::kResetLinkSeconds);
    QString base =
            settings.resetUrl.isEmpty() ? publicUrl(settings) + QStringLiteral("/reset") : settings.resetUrl;
    QString body = QStringLiteral("Choose a new password for your account (%1) here within one hour: "
                                  "%2?token=%3\nThe help desk never asks for this link or your password.")
                           .arg(profile.username, base, QString::fromLatin1(token));
    const bool byEmail = !profile.email.trimmed().isEmpty();
    const bool ok = insert.exec()
            && NotificationOutbox::enqueue(run.db, run.context,
                                           byEmail ? NotificationOutbox::kEmail : NotificationOutbox::kSms,
                                           byEmail ? profile.email : profile.phone,
                                           QStringLiteral("Your password reset link"), body,
                                           QStringLiteral("reset-link:") + a.id);
    SecureMemory::wipe(token);
    SecureMemory::wipe(body);
    return ok;
}

// Applies the change. Records what a revert needs in the action (old value, undo data).
bool applyEffect(const RunContext &run, const NotifySettings &settings, ActionRecord &a,
                 const StoredProfile &profile)
{
    if (a.kind == QLatin1String("change_email") || a.kind == QLatin1String("change_phone")) {
        const bool email = a.kind == QLatin1String("change_email");
        a.oldValue = email ? profile.email : profile.phone;
        return ProfileStore::setContact(run.db, profile.id,
                                        email ? ProfileStore::Contact::Email : ProfileStore::Contact::Phone,
                                        a.newValue);
    }
    if (a.kind == QLatin1String("reset_password"))
        return issueResetLink(run, settings, a, profile);
    if (a.kind == QLatin1String("reset_mfa")) {
        const QString owner = TotpApi::ownerFor(profile.id);
        QJsonObject undo;
        QSqlQuery totp(run.db);
        totp.prepare(QStringLiteral(
                "SELECT secret_enc, last_step, enrolled_at FROM totp_secrets WHERE owner = ?"));
        totp.addBindValue(owner);
        if (!totp.exec())
            return false;
        if (totp.next()) {
            // Still sealed with the data key; the revert puts the same bytes back.
            undo.insert(QStringLiteral("totp"), QString::fromLatin1(totp.value(0).toByteArray().toBase64()));
            undo.insert(QStringLiteral("last_step"), totp.value(1).toLongLong());
            undo.insert(QStringLiteral("enrolled_at"), totp.value(2).toLongLong());
        }
        QSqlQuery devices(run.db);
        devices.prepare(QStringLiteral("SELECT id FROM devices WHERE profile_id = ? AND revoked = 0"));
        devices.addBindValue(profile.id);
        if (!devices.exec())
            return false;
        QJsonArray revoked;
        while (devices.next())
            revoked.append(devices.value(0).toString());
        undo.insert(QStringLiteral("devices"), revoked);
        QSqlQuery remove(run.db);
        remove.prepare(QStringLiteral("DELETE FROM totp_secrets WHERE owner = ?"));
        remove.addBindValue(owner);
        QSqlQuery revoke(run.db);
        revoke.prepare(QStringLiteral("UPDATE devices SET revoked = 1 WHERE profile_id = ? AND revoked = 0"));
        revoke.addBindValue(profile.id);
        a.undoData = QString::fromUtf8(QJsonDocument(undo).toJson(QJsonDocument::Compact));
        return remove.exec() && revoke.exec();
    }
    // unlock_account: the account lives in the directory; the directory task below carries it.
    return a.kind == QLatin1String("unlock_account");
}

bool undoEffect(const RunContext &run, const ActionRecord &a)
{
    if (a.kind == QLatin1String("change_email") || a.kind == QLatin1String("change_phone"))
        return ProfileStore::setContact(run.db, a.profileId,
                                        a.kind == QLatin1String("change_email")
                                                ? ProfileStore::Contact::Email
                                                : ProfileStore::Contact::Phone,
                                        a.oldValue);
    if (a.kind == QLatin1String("reset_password")) {
        QSqlQuery voidLinks(run.db);
        voidLinks.prepare(QStringLiteral(
                "UPDATE password_resets SET voided = 1 WHERE action_id = ? AND used_at IS NULL"));
        voidLinks.addBindValue(a.id);
        return voidLinks.exec();
    }
    if (a.kind == QLatin1String("reset_mfa")) {
        const QJsonObject undo = QJsonDocument::fromJson(a.undoData.toUtf8()).object();
        const QString owner = TotpApi::ownerFor(a.profileId);
        if (undo.contains(QStringLiteral("totp"))) {
            QSqlQuery restore(run.db);
            restore.prepare(QStringLiteral("DELETE FROM totp_secrets WHERE owner = ?"));
            restore.addBindValue(owner);
            if (!restore.exec())
                return false;
            restore.prepare(QStringLiteral("INSERT INTO totp_secrets (owner, secret_enc, last_step, "
                                           "enrolled_at) VALUES (?, ?, ?, ?)"));
            restore.addBindValue(owner);
            restore.addBindValue(
                    QByteArray::fromBase64(undo.value(QStringLiteral("totp")).toString().toLatin1()));
            restore.addBindValue(undo.value(QStringLiteral("last_step")).toInteger());
            restore.addBindValue(undo.value(QStringLiteral("enrolled_at")).toInteger());
            if (!restore.exec())
                return false;
        }
        QSqlQuery device(run.db);
        device.prepare(QStringLiteral("UPDATE devices SET revoked = 0 WHERE id = ? AND profile_id = ?"));
        for (const auto &id : undo.value(QStringLiteral("devices")).toArray()) {
            device.addBindValue(id.toString());
            device.addBindValue(a.profileId);
            if (!device.exec())
                return false;
        }
        return true;
    }
    return true; // unlock_account: the directory task tells the directory
}

bool notifyUser(const RunContext &run, const StoredProfile &profile, const ActionRecord &a,
                const QString &kind, const QString &subject, const QString &body,
                const QStringList &extraEmails = {}, const QStringList &extraPhones = {})
{
    return ProfileNotifier::notify(
            run.db, run.context, profile,
            {kind, subject, body, QStringLiteral("%1:%2").arg(kind, a.id), extraEmails, extraPhones},
            run.actor, a.verificationId);
}

enum class RunMode {
    Immediate, // just requested, no approval needed: the request checked the grant
    OnApproval, // the last approval: the requester's grant must still be live
    UndoWindowPassed, // the scheduled job
};

// Runs, schedules or fails the action inside the caller's transaction.
bool runAction(const RunContext &run, ActionRecord &a, RunMode mode)
{
    bool queryOk = false;
    const auto profile = ProfileStore::load(run.db, a.profileId, &queryOk);
    const auto settings = NotifySettings::load(run.db);
    if (!queryOk || !profile || !settings)
        return false;
    // When it finally runs, the action re-checks what may have changed since it was requested.
    if (profile->lockedUntil)
        return failAction(run, a, QStringLiteral("profile_locked"));
    if (profile->frozenAt)
        return failAction(run, a, QStringLiteral("profile_frozen"));
    const ActionRule rule = run.policy.action(a.kind);
    const qint64 now = ServerContext::now();
    if (mode == RunMode::OnApproval) {
        QSqlQuery grant(run.db);
        grant.prepare(
                QStringLiteral("SELECT MAX(level) FROM grants WHERE verification_id = ? AND agent_id = ?"
                               " AND profile_id = ? AND expires_at > ?"));
        grant.addBindValue(a.verificationId);
        grant.addBindValue(a.requestedBy);
        grant.addBindValue(a.profileId);
        grant.addBindValue(now);
        if (!grant.exec() || !grant.next())
            return false;
        if (grant.value(0).isNull() || grant.value(0).toInt() < rule.level)
            return failAction(run, a, QStringLiteral("grant_expired"));
    }
    const QString before = a.state;
    const AgentName requester = agentName(run.db, a.requestedBy);
    const QString who = QStringLiteral("help desk agent %1, ticket %2").arg(requester.displayName, a.ticket);

    if (mode != RunMode::UndoWindowPassed && rule.undoSeconds > 0) {
        a.state = kScheduled;
        a.runAt = now + rule.undoSeconds;
        const QString body =
                QStringLiteral(
                        "A %1 was approved for your account (%2) by the help desk (%3). It takes effect "
                        "at %4%5. If you did not ask for this, stop it now: %6")
                        .arg(describe(a.kind), profile->username, who, ServerContext::isoTime(*a.runAt),
                             a.newValue.isEmpty()
                                     ? QString()
                                     : QStringLiteral(" (new value %1)").arg(valueHint(a.kind, a.newValue)),
                             revertLink(run.context, *settings, a.id));
        return saveAction(run.db, a, before)
                && auditAction(run, a, QStringLiteral("ACTION_SCHEDULED"), QStringLiteral("scheduled"),
                               {{QStringLiteral("run_at"), ServerContext::isoTime(*a.runAt)}})
                && notifyUser(
                        run, *profile, a, QStringLiteral("action_scheduled"),
                        QStringLiteral("A change to your account is pending"), body,
                        a.kind == QLatin1String("change_email") ? QStringList{a.newValue} : QStringList{},
                        a.kind == QLatin1String("change_phone") ? QStringList{a.newValue} : QStringList{});
    }

    if (!applyEffect(run, *settings, a, *profile))
        return false;
    a.state = kDone;
    a.completedAt = now;
    const auto changed = ProfileStore::load(run.db, a.profileId, &queryOk);
    if (!queryOk || !changed)
        return false;
    QString body = QStringLiteral("The help desk carried out a %1 for your account (%2) (%3).")
                           .arg(describe(a.kind), profile->username, who);
    if (!a.oldValue.isEmpty() || !a.newValue.isEmpty())
        body += QStringLiteral(" Old value: %1; new value: %2.")
                        .arg(valueHint(a.kind, a.oldValue), valueHint(a.kind, a.newValue));
    body += QStringLiteral(" If you did not ask for this, undo it and freeze your account: %1")
                    .arg(revertLink(run.context, *settings, a.id));
    // The old address or number is told too: it is the one an attacker would want silenced.
    const QStringList oldEmails =
            a.kind == QLatin1String("change_email") ? QStringList{a.oldValue} : QStringList{};
    const QStringList oldPhones =
            a.kind == QLatin1String("change_phone") ? QStringList{a.oldValue} : QStringList{};
    return saveAction(run.db, a, before)
            && auditAction(run, a, QStringLiteral("ACTION_COMPLETED"), QStringLiteral("done"))
            && notifyUser(run, *changed, a, QStringLiteral("action_done"),
                          QStringLiteral("Your account was changed by the help desk"), body, oldEmails,
                          oldPhones)
            && queueDirectoryTask(run, *settings, a, *changed, a.kind);
}

QJsonObject actionJson(QSqlDatabase &db, const ActionRecord &a, const AgentIdentity *viewer)
{
    QJsonObject profile{{QStringLiteral("id"), QString::number(a.profileId)}};
    int failed = 0;
    bool locked = false;
    QSqlQuery query(db);
    query.prepare(QStringLiteral(
            "SELECT display_name, privileged, failed_count, locked_until FROM profiles WHERE id = ?"));
    query.addBindValue(a.profileId);
    if (query.exec() && query.next()) {
        profile.insert(QStringLiteral("display_name"), query.value(0).toString());
        profile.insert(QStringLiteral("privileged"), query.value(1).toInt() != 0);
        failed = query.value(2).toInt();
        locked = !query.value(3).isNull();
    }
    const AgentName requester = agentName(db, a.requestedBy);
    QJsonArray approvals;
    bool viewerDecided = false;
    query.prepare(QStringLiteral("SELECT g.username, g.display_name, p.decision, p.reason, p.at, p.agent_id"
                                 " FROM action_approvals p JOIN agents g ON g.id = p.agent_id"
                                 " WHERE p.action_id = ? ORDER BY p.at, g.username"));
    query.addBindValue(a.id);
    if (query.exec()) {
        while (query.next()) {
            approvals.append(
                    QJsonObject{{QStringLiteral("username"), query.value(0).toString()},
                                {QStringLiteral("display_name"), query.value(1).toString()},
                                {QStringLiteral("decision"), query.value(2).toString()},
                                {QStringLiteral("reason"), query.value(3).toString()},
                                {QStringLiteral("at"), ServerContext::isoTime(query.value(4).toLongLong())}});
            viewerDecided = viewerDecided || (viewer && query.value(5).toLongLong() == viewer->id);
        }
    }
    QJsonArray history;
    query.prepare(
            QStringLiteral("SELECT at, action, outcome, agent FROM audit_log WHERE profile = ? AND action IN"
                           " ('HELPDESK_UNLOCK_ATTEMPT', 'STEPUP_ATTEMPT', 'STEPUP_CODE_SENT', "
                           "'DEVICE_APPROVED', 'DEVICE_DENIED',"
                           " 'DEVICE_NUMBER_MISMATCH', 'PROFILE_LOCKED', 'PROFILE_UNBLOCKED', "
                           "'ACTION_REQUESTED', 'ACTION_REVERTED')"
                           " ORDER BY seq DESC LIMIT ?"));
    query.addBindValue(QString::number(a.profileId));
    query.addBindValue(kHistoryEntries);
    if (query.exec()) {
        while (query.next())
            history.append(QJsonObject{{QStringLiteral("at"), query.value(0).toString()},
                                       {QStringLiteral("action"), query.value(1).toString()},
                                       {QStringLiteral("outcome"), query.value(2).toString()},
                                       {QStringLiteral("agent"), query.value(3).toString()}});
    }
    const QJsonObject evidence{
            {QStringLiteral("verification_id"), a.verificationId},
            {QStringLiteral("level"), a.level},
            {QStringLiteral("methods"),
             QJsonArray::fromStringList(a.methods.split(QLatin1Char(','), Qt::SkipEmptyParts))},
            {QStringLiteral("verified_by"), agentName(db, a.verifiedBy).username},
            {QStringLiteral("failed_attempts"), failed},
            {QStringLiteral("locked"), locked},
            {QStringLiteral("history"), history}};
    const bool live = a.state == kAwaiting && a.expiresAt && *a.expiresAt > ServerContext::now();
    const bool canApprove = viewer && live && viewer->hasAnyRole({Role::Supervisor, Role::Admin})
            && viewer->id != a.requestedBy && viewer->id != a.verifiedBy && !viewerDecided;
    auto time = [](const std::optional<qint64> &t) {
        return t ? QJsonValue(ServerContext::isoTime(*t)) : QJsonValue();
    };
    return {{QStringLiteral("id"), a.id},
            {QStringLiteral("action"), a.kind},
            {QStringLiteral("state"), a.state},
            {QStringLiteral("profile"), profile},
            {QStringLiteral("reason"), a.reason},
            {QStringLiteral("ticket"), a.ticket},
            {QStringLiteral("value_hint"), valueHint(a.kind, a.newValue)},
            {QStringLiteral("requested_by"),
             QJsonObject{{QStringLiteral("username"), requester.username},
                         {QStringLiteral("display_name"), requester.displayName}}},
            {QStringLiteral("requested_at"), ServerContext::isoTime(a.requestedAt)},
            {QStringLiteral("expires_at"), time(a.expiresAt)},
            {QStringLiteral("run_at"), time(a.runAt)},
            {QStringLiteral("completed_at"), time(a.completedAt)},
            {QStringLiteral("result"), a.result},
            {QStringLiteral("approvals_required"), a.approvalsRequired},
            {QStringLiteral("approvals"), approvals},
            {QStringLiteral("evidence"), evidence},
            {QStringLiteral("can_approve"), canApprove}};
}

bool validEmail(const QString &text)
{
    static const QRegularExpression pattern(
            QStringLiteral("^[^@\\s<>\"',;]+@[^@\\s<>\"',;]+\\.[^@\\s<>\"',;]+$"));
    return text.size() <= 254 && pattern.match(text).hasMatch();
}

bool validPhone(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^\\+?[0-9][0-9 ()-]{5,23}$"));
    return pattern.match(text).hasMatch();
}

struct ParsedToken
{
    QString actionId;
    qint64 expiresAt = 0;
};

QByteArray revertMac(const ServerContext &context, const QString &actionId, qint64 expiresAt)
{
    const QByteArray message =
            QByteArray("revert-link-v1\n") + actionId.toLatin1() + '\n' + QByteArray::number(expiresAt);
    return Blake2b::keyedHash256(context.lookupKey(), message);
}

std::optional<ParsedToken> parseRevertToken(const ServerContext &context, const QString &token)
{
    const QStringList parts = token.split(QLatin1Char('.'));
    if (parts.size() != 3 || parts.at(0).size() != 32 || parts.at(2).size() > 64)
        return std::nullopt;
    bool ok = false;
    const qint64 expiresAt = parts.at(1).toLongLong(&ok);
    if (!ok)
        return std::nullopt;
    const QByteArray given = QByteArray::fromBase64(
            parts.at(2).toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    const QByteArray expected = revertMac(context, parts.at(0), expiresAt);
    if (given.size() != expected.size()
        || sodium_memcmp(given.constData(), expected.constData(), static_cast<size_t>(expected.size())) != 0)
        return std::nullopt;
    return ParsedToken{parts.at(0), expiresAt};
}

bool wantsHtml(const ApiRequest &request)
{
    return request.accept.contains("text/html");
}

QString htmlEscape(const QString &text)
{
    return text.toHtmlEscaped();
}

ApiResponse revertPage(int status, const QString &title, const QString &text, const QString &formAction = {})
{
    QString page =
            QStringLiteral(
                    "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                    "<meta name=\"viewport\" content=\"width=device-width\"><title>Vigil: %1</title>"
                    "<style>body{font-family:sans-serif;max-width:36em;margin:3em auto;padding:0 1em}"
                    "button{font-size:1.1em;padding:.5em 1em}</style></head><body><h1>%1</h1><p>%2</p>")
                    .arg(htmlEscape(title), htmlEscape(text));
    if (!formAction.isEmpty())
        page += QStringLiteral(
                        "<form method=\"post\" action=\"%1\"><button type=\"submit\">Undo this change and "
                        "freeze my account</button></form>")
                        .arg(htmlEscape(formAction));
    page += QStringLiteral("</body></html>");
    return ApiResponse::html(status, page);
}
} // namespace

QString ActionApi::revertToken(const ServerContext &context, const QString &actionId, qint64 expiresAt)
{
    return actionId + QLatin1Char('.') + QString::number(expiresAt) + QLatin1Char('.')
            + QString::fromLatin1(
                    revertMac(context, actionId, expiresAt)
                            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

void ActionApi::setDefaultPublicUrl(const QString &url)
{
    g_defaultPublicUrl = url;
}

ApiResponse ActionApi::request(qint64 profileId, const ApiRequest &request, const AgentIdentity &agent)
{
    const QString kind = request.body.value(QStringLiteral("action")).toString();
    if (!isRequestableAction(kind))
        return invalid(QStringLiteral("action must be one of unlock_account, reset_password, reset_mfa,"
                                      " change_email, change_phone"));
    const auto reason = requiredText(request, QStringLiteral("reason"), kMaxReason);
    const auto ticket = requiredText(request, QStringLiteral("ticket"), kMaxTicket);
    if (!reason || !ticket)
        return invalid(QStringLiteral("reason (1-500 characters) and ticket (1-64 characters) are required"));
    const QString verificationId = request.body.value(QStringLiteral("verification_id")).toString();
    if (verificationId.isEmpty() || verificationId.size() > 64)
        return invalid(QStringLiteral("verification_id is required"));
    QString value;
    if (kind == QLatin1String("change_email") || kind == QLatin1String("change_phone")) {
        value = request.body.value(QStringLiteral("value")).toString().trimmed();
        const bool ok = kind == QLatin1String("change_email") ? validEmail(value) : validPhone(value);
        if (!ok)
            return invalid(
                    kind == QLatin1String("change_email")
                            ? QStringLiteral("value must be the new e-mail address")
                            : QStringLiteral("value must be the new phone number (digits, spaces, + - ( ))"));
    } else if (request.body.contains(QStringLiteral("value"))) {
        return invalid(QStringLiteral("value is only taken by change_email and change_phone"));
    }

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
        return ApiResponse::error(404, QStringLiteral("not_found"), QStringLiteral("No such profile."));

    QSqlQuery verification(db);
    verification.prepare(QStringLiteral("SELECT v.agent_id, v.state, v.methods,"
                                        " (SELECT MAX(g.level) FROM grants g WHERE g.verification_id = v.id"
                                        "  AND g.agent_id = ? AND g.expires_at > ?)"
                                        " FROM verifications v WHERE v.id = ? AND v.profile_id = ?"));
    verification.addBindValue(agent.id);
    verification.addBindValue(ServerContext::now());
    verification.addBindValue(verificationId);
    verification.addBindValue(profileId);
    if (!verification.exec())
        return ApiResponse::unavailable();
    if (!verification.next() || verification.value(0).toLongLong() != agent.id
        || verification.value(1).toString() != QLatin1String("passed") || verification.value(3).isNull())
        return ApiResponse::error(
                403, QStringLiteral("verification_required"),
                QStringLiteral("Actions need your own passed verification of this caller with a "
                               "live grant; verify the caller first."));
    const int level = verification.value(3).toInt();
    const QString methods = verification.value(2).toString();
    if (profile->lockedUntil)
        return ApiResponse::error(
                423, QStringLiteral("profile_locked"),
                QStringLiteral("This profile is locked after too many failed verifications."),
                {{QStringLiteral("locked_until"), ServerContext::isoTime(*profile->lockedUntil)}});
    if (profile->frozenAt)
        return ApiResponse::error(
                409, QStringLiteral("profile_frozen"),
                QStringLiteral("A change on this profile was reverted by its user; a supervisor "
                               "must review and unfreeze it first."));
    const ActionRule rule = policy->action(kind);
    const QString profileText = QString::number(profileId);
    if (profile->privileged && rule.privilegedRefused) {
        if (!m_context.audit(db,
                             {QStringLiteral("ACTION_REQUESTED"),
                              agent.username,
                              profileText,
                              verificationId,
                              QStringLiteral("refused"),
                              {{QStringLiteral("action"), kind},
                               {QStringLiteral("ticket"), *ticket},
                               {QStringLiteral("reason"), QStringLiteral("refused_by_policy")}}})
            || !tx.commit())
            return ApiResponse::unavailable();
        return ApiResponse::error(
                403, QStringLiteral("refused_by_policy"),
                QStringLiteral("The policy does not allow this action on a privileged profile; "
                               "send the caller to the security team."));
    }
    if (level < rule.level)
        return ApiResponse::error(
                403, QStringLiteral("level_insufficient"),
                QStringLiteral("This action needs assurance level %1; the verification is at "
                               "level %2. Step up first.")
                        .arg(rule.level)
                        .arg(level),
                {{QStringLiteral("required_level"), rule.level}, {QStringLiteral("level"), level}});
    QSqlQuery pending(db);
    pending.prepare(
            QStringLiteral("SELECT COUNT(*) FROM actions WHERE profile_id = ? AND kind = ? AND state IN"
                           " ('awaiting_approval', 'scheduled')"));
    pending.addBindValue(profileId);
    pending.addBindValue(kind);
    if (!pending.exec() || !pending.next())
        return ApiResponse::unavailable();
    if (pending.value(0).toInt() > 0)
        return ApiResponse::error(409, QStringLiteral("action_pending"),
                                  QStringLiteral("The same action is already waiting on this profile."));
    if (kind == QLatin1String("reset_password") && profile->email.trimmed().isEmpty()
        && profile->phone.trimmed().isEmpty())
        return ApiResponse::error(
                409, QStringLiteral("no_channel"),
                QStringLiteral("The user has no e-mail address or phone number to send the reset "
                               "link to."));
    if ((kind == QLatin1String("change_email") && value.compare(profile->email, Qt::CaseInsensitive) == 0)
        || (kind == QLatin1String("change_phone") && value == profile->phone))
        return invalid(QStringLiteral("value is the one already on record"));

    ActionRecord a;
    a.id = SecureRandom::hexId(16);
    a.profileId = profileId;
    a.kind = kind;
    a.requestedBy = agent.id;
    a.verificationId = verificationId;
    a.verifiedBy = agent.id; // the verification is the requester's own
    a.level = level;
    a.methods = methods;
    a.reason = *reason;
    a.ticket = *ticket;
    a.newValue = value;
    a.privileged = profile->privileged;
    a.approvalsRequired = profile->privileged ? rule.privilegedApprovals : rule.approvals;
    a.requestedAt = ServerContext::now();
    a.state = a.approvalsRequired > 0 ? kAwaiting : QStringLiteral("running");
    if (a.approvalsRequired > 0)
        a.expiresAt = a.requestedAt + policy->escalationTtlSeconds;
    QSqlQuery insert(db);
    insert.prepare(
            QStringLiteral("INSERT INTO actions (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                           " ?, ?, ?, ?, ?)")
                    .arg(kActionColumns));
    for (const QVariant &bound : {QVariant(a.id),
                                  QVariant(a.profileId),
                                  QVariant(a.kind),
                                  QVariant(a.state),
                                  QVariant(a.requestedBy),
                                  QVariant(a.verificationId),
                                  QVariant(a.verifiedBy),
                                  QVariant(a.level),
                                  text(a.methods),
                                  QVariant(a.reason),
                                  QVariant(a.ticket),
                                  text(a.newValue),
                                  text(a.oldValue),
                                  text(a.undoData),
                                  QVariant(a.approvalsRequired),
                                  QVariant(a.privileged ? 1 : 0),
                                  QVariant(a.requestedAt),
                                  nullableInt(a.expiresAt),
                                  nullableInt(a.runAt),
                                  nullableInt(a.completedAt),
                                  text(a.result)})
        insert.addBindValue(bound);
    const RunContext run{db, m_context, *policy, agent.username};
    QJsonObject details{{QStringLiteral("reason"), a.reason},
                        {QStringLiteral("level"), level},
                        {QStringLiteral("approvals_required"), a.approvalsRequired}};
    if (!value.isEmpty())
        details.insert(QStringLiteral("value_hint"), valueHint(kind, value));
    if (!insert.exec()) {
        qCWarning(lcActions) << "cannot record the action:" << insert.lastError().text();
        return ApiResponse::unavailable();
    }
    if (!auditAction(run, a, QStringLiteral("ACTION_REQUESTED"), QStringLiteral("requested"), details))
        return ApiResponse::unavailable();
    if (a.approvalsRequired > 0) {
        if (!auditAction(run, a, QStringLiteral("ESCALATION_CREATED"), QStringLiteral("awaiting_approval"),
                         {{QStringLiteral("approvals_required"), a.approvalsRequired},
                          {QStringLiteral("expires_at"), ServerContext::isoTime(*a.expiresAt)}}))
            return ApiResponse::unavailable();
    } else if (!runAction(run, a, RunMode::Immediate)) {
        return ApiResponse::unavailable();
    }
    if (!tx.commit())
        return ApiResponse::unavailable();
    return ApiResponse::json(201, actionJson(db, a, &agent));
}

ApiResponse ActionApi::list(const ApiRequest &request, const AgentIdentity &agent)
{
    const QString scope = request.query.queryItemValue(QStringLiteral("scope"));
    const QString profileText = request.query.queryItemValue(QStringLiteral("profile"));
    const bool supervisor = agent.hasAnyRole({Role::Supervisor, Role::Admin});
    auto db = m_context.database().connection();
    QSqlQuery query(db);
    if (!profileText.isEmpty()) {
        bool ok = false;
        const qint64 profileId = profileText.toLongLong(&ok);
        if (!ok || profileId <= 0)
            return invalid(QStringLiteral("profile must be a profile id"));
        if (!supervisor)
            return ApiResponse::error(403, QStringLiteral("forbidden"),
                                      QStringLiteral("Your role does not allow this."));
        query.prepare(
                QStringLiteral(
                        "SELECT %1 FROM actions WHERE profile_id = ? ORDER BY requested_at DESC, id LIMIT 50")
                        .arg(kActionColumns));
        query.addBindValue(profileId);
    } else if (scope == QLatin1String("queue")) {
        if (!supervisor)
            return ApiResponse::error(403, QStringLiteral("forbidden"),
                                      QStringLiteral("Only supervisors see the escalation queue."));
        query.prepare(
                QStringLiteral("SELECT %1 FROM actions WHERE state = 'awaiting_approval' AND expires_at > ?"
                               " ORDER BY requested_at, id LIMIT 100")
                        .arg(kActionColumns));
        query.addBindValue(ServerContext::now());
    } else if (scope == QLatin1String("mine")) {
        query.prepare(
                QStringLiteral("SELECT %1 FROM actions WHERE requested_by = ? ORDER BY requested_at DESC, id"
                               " LIMIT 50")
                        .arg(kActionColumns));
        query.addBindValue(agent.id);
    } else {
        return invalid(QStringLiteral("give scope=queue, scope=mine or profile=ID"));
    }
    if (!query.exec())
        return ApiResponse::unavailable();
    QList<ActionRecord> records;
    while (query.next())
        records.append(actionFrom(query));
    QJsonArray actions;
    for (const auto &record : records)
        actions.append(actionJson(db, record, &agent));
    return ApiResponse::json(200, {{QStringLiteral("actions"), actions}});
}

ApiResponse ActionApi::get(const QString &id, const AgentIdentity &agent)
{
    auto db = m_context.database().connection();
    bool queryOk = false;
    const auto action = loadAction(db, id, &queryOk);
    if (!queryOk)
        return ApiResponse::unavailable();
    if (!action || (action->requestedBy != agent.id && !agent.hasAnyRole({Role::Supervisor, Role::Admin})))
        return notFound();
    return ApiResponse::json(200, actionJson(db, *action, &agent));
}

ApiResponse ActionApi::decide(const QString &id, const ApiRequest &request, const AgentIdentity &agent,
                              bool approve)
{
    if (!agent.secondFactor)
        return secondFactorRequired();
    const auto reason = requiredText(request, QStringLiteral("reason"), kMaxReason);
    if (!reason)
        return invalid(QStringLiteral("reason (1-500 characters) is required"));
    WriteTransaction tx(m_context.database());
    if (!tx.isActive())
        return ApiResponse::unavailable();
    auto &db = tx.db();
    bool queryOk = false;
    auto action = loadAction(db, id, &queryOk);
    const auto policy = m_context.policy(db);
    if (!queryOk || !policy)
        return ApiResponse::unavailable();
    if (!action)
        return notFound();
    ActionRecord &a = *action;
    const RunContext run{db, m_context, *policy, agent.username};
    if (a.state == kAwaiting && a.expiresAt && *a.expiresAt <= ServerContext::now()) {
        a.state = kExpired;
        a.completedAt = ServerContext::now();
        if (!saveAction(db, a, kAwaiting)
            || !auditAction(run, a, QStringLiteral("ESCALATION_EXPIRED"), kExpired) || !tx.commit())
            return ApiResponse::unavailable();
    }
    if (a.state == kExpired)
        return ApiResponse::error(
                410, QStringLiteral("escalation_expired"),
                QStringLiteral("This escalation expired; the technician must request it again."));
    if (a.state != kAwaiting)
        return ApiResponse::error(
                409, QStringLiteral("not_pending"),
                QStringLiteral("This action is no longer waiting for approval (%1).").arg(a.state));
    // Two people: whoever asked for the action or verified the caller cannot also approve it.
    if (agent.id == a.requestedBy || agent.id == a.verifiedBy) {
        if (!auditAction(
                    run, a,
                    approve ? QStringLiteral("ESCALATION_APPROVED") : QStringLiteral("ESCALATION_DENIED"),
                    QStringLiteral("refused"), {{QStringLiteral("reason"), QStringLiteral("self_approval")}})
            || !tx.commit())
            return ApiResponse::unavailable();
        return ApiResponse::error(403, QStringLiteral("self_approval"),
                                  QStringLiteral("You requested this action or verified the caller; another "
                                                 "supervisor must decide."));
    }
    QSqlQuery insert(db);
    insert.prepare(QStringLiteral("INSERT INTO action_approvals (action_id, agent_id, decision, reason, at)"
                                  " VALUES (?, ?, ?, ?, ?) ON CONFLICT(action_id, agent_id) DO NOTHING"));
    insert.addBindValue(a.id);
    insert.addBindValue(agent.id);
    insert.addBindValue(approve ? QStringLiteral("approved") : QStringLiteral("denied"));
    insert.addBindValue(*reason);
    insert.addBindValue(ServerContext::now());
    if (!insert.exec())
        return ApiResponse::unavailable();
    if (insert.numRowsAffected() != 1)
        return ApiResponse::error(409, QStringLiteral("already_decided"),
                                  QStringLiteral("You already approved this action; another supervisor must "
                                                 "give the next approval."));
    if (!approve) {
        a.state = kDenied;
        a.completedAt = ServerContext::now();
        if (!saveAction(db, a, kAwaiting)
            || !auditAction(run, a, QStringLiteral("ESCALATION_DENIED"), kDenied,
                            {{QStringLiteral("reason"), *reason}})
            || !tx.commit())
            return ApiResponse::unavailable();
        return ApiResponse::json(200, actionJson(db, a, &agent));
    }
    QSqlQuery count(db);
    count.prepare(QStringLiteral(
            "SELECT COUNT(*) FROM action_approvals WHERE action_id = ? AND decision = 'approved'"));
    count.addBindValue(a.id);
    if (!count.exec() || !count.next())
        return ApiResponse::unavailable();
    const int approvals = count.value(0).toInt();
    if (!auditAction(run, a, QStringLiteral("ESCALATION_APPROVED"), QStringLiteral("approved"),
                     {{QStringLiteral("reason"), *reason},
                      {QStringLiteral("approvals"), approvals},
                      {QStringLiteral("approvals_required"), a.approvalsRequired}}))
        return ApiResponse::unavailable();
    if (approvals >= a.approvalsRequired && !runAction(run, a, RunMode::OnApproval))
        return ApiResponse::unavailable();
    if (!tx.commit())
        return ApiResponse::unavailable();
    return ApiResponse::json(200, actionJson(db, a, &agent));
}

ApiResponse ActionApi::cancel(const QString &id, const AgentIdentity &agent)
{
    WriteTransaction tx(m_context.database());
    if (!tx.isActive())
        return ApiResponse::unavailable();
    auto &db = tx.db();
    bool queryOk = false;
    auto action = loadAction(db, id, &queryOk);
    const auto policy = m_context.policy(db);
    if (!queryOk || !policy)
        return ApiResponse::unavailable();
    if (!action || action->requestedBy != agent.id)
        return notFound();
    if (action->state != kAwaiting && action->state != kScheduled)
        return ApiResponse::error(409, QStringLiteral("not_pending"),
                                  QStringLiteral("Only a waiting or scheduled action can be cancelled."));
    const QString before = action->state;
    action->state = kCancelled;
    action->completedAt = ServerContext::now();
    const RunContext run{db, m_context, *policy, agent.username};
    if (!saveAction(db, *action, before)
        || !auditAction(run, *action, QStringLiteral("ACTION_CANCELLED"), kCancelled) || !tx.commit())
        return ApiResponse::unavailable();
    return ApiResponse::json(200, actionJson(db, *action, &agent));
}

ApiResponse ActionApi::unfreeze(qint64 profileId, const AgentIdentity &agent)
{
    if (!agent.secondFactor)
        return secondFactorRequired();
    WriteTransaction tx(m_context.database());
    if (!tx.isActive())
        return ApiResponse::unavailable();
    bool queryOk = false;
    const auto profile = ProfileStore::load(tx.db(), profileId, &queryOk);
    if (!queryOk)
        return ApiResponse::unavailable();
    if (!profile)
        return ApiResponse::error(404, QStringLiteral("not_found"), QStringLiteral("No such profile."));
    if (!profile->frozenAt)
        return ApiResponse::error(409, QStringLiteral("not_frozen"),
                                  QStringLiteral("This profile is not frozen."));
    if (!ProfileStore::setFrozen(tx.db(), profileId, false)
        || !m_context.audit(tx.db(),
                            {QStringLiteral("PROFILE_UNFROZEN"),
                             agent.username,
                             QString::number(profileId),
                             {},
                             QStringLiteral("ok"),
                             {}})
        || !tx.commit())
        return ApiResponse::unavailable();
    return ApiResponse::noContent();
}

ApiResponse ActionApi::revertInfo(const QString &token, const ApiRequest &request)
{
    const auto parsed = parseRevertToken(m_context, token);
    const bool html = wantsHtml(request);
    if (!parsed)
        return html ? revertPage(404, QStringLiteral("Link not valid"),
                                 QStringLiteral("This link is not valid. Contact your security team."))
                    : ApiResponse::error(404, QStringLiteral("not_found"),
                                         QStringLiteral("No such revert link."));
    auto db = m_context.database().connection();
    bool queryOk = false;
    const auto action = loadAction(db, parsed->actionId, &queryOk);
    if (!queryOk)
        return ApiResponse::unavailable();
    if (!action)
        return ApiResponse::error(404, QStringLiteral("not_found"), QStringLiteral("No such revert link."));
    const bool expired = parsed->expiresAt <= ServerContext::now();
    const bool canRevert = !expired && (action->state == kScheduled || action->state == kDone);
    if (html)
        return revertPage(
                200, QStringLiteral("Help desk change: %1").arg(describe(action->kind)),
                canRevert ? QStringLiteral("If you did not ask the help desk for this, undo it. Your "
                                           "account will be frozen until your security team has checked it.")
                          : QStringLiteral("This change can no longer be undone here (%1). Contact your "
                                           "security team if you did not ask for it.")
                                    .arg(expired ? QStringLiteral("the link expired") : action->state),
                canRevert ? QStringLiteral("/v1/revert/") + token : QString());
    return ApiResponse::json(200,
                             {{QStringLiteral("action"), action->kind},
                              {QStringLiteral("state"), action->state},
                              {QStringLiteral("can_revert"), canRevert},
                              {QStringLiteral("expires_at"), ServerContext::isoTime(parsed->expiresAt)}});
}

ApiResponse ActionApi::revert(const QString &token, const ApiRequest &request)
{
    const bool html = wantsHtml(request);
    const auto parsed = parseRevertToken(m_context, token);
    if (!parsed)
        return html ? revertPage(404, QStringLiteral("Link not valid"),
                                 QStringLiteral("This link is not valid. Contact your security team."))
                    : ApiResponse::error(404, QStringLiteral("not_found"),
                                         QStringLiteral("No such revert link."));
    if (parsed->expiresAt <= ServerContext::now())
        return html ? revertPage(410, QStringLiteral("Link expired"),
                                 QStringLiteral("This link has expired. Contact your security team."))
                    : ApiResponse::error(410, QStringLiteral("revert_expired"),
                                         QStringLiteral("This revert link expired."));
    WriteTransaction tx(m_context.database());
    if (!tx.isActive())
        return ApiResponse::unavailable();
    auto &db = tx.db();
    bool queryOk = false;
    auto action = loadAction(db, parsed->actionId, &queryOk);
    const auto policy = m_context.policy(db);
    const auto settings = NotifySettings::load(db);
    if (!queryOk || !policy || !settings)
        return ApiResponse::unavailable();
    if (!action)
        return ApiResponse::error(404, QStringLiteral("not_found"), QStringLiteral("No such revert link."));
    ActionRecord &a = *action;
    if (a.state != kScheduled && a.state != kDone)
        return html ? revertPage(409, QStringLiteral("Nothing to undo"),
                                 QStringLiteral("This change cannot be undone any more (%1).").arg(a.state))
                    : ApiResponse::error(409, QStringLiteral("not_revertible"),
                                         QStringLiteral("This action cannot be reverted (%1).").arg(a.state));
    const RunContext run{db, m_context, *policy, QStringLiteral("user:revert-link")};
    const QString before = a.state;
    const bool wasApplied = a.state == kDone;
    if (wasApplied && !undoEffect(run, a))
        return ApiResponse::unavailable();
    a.state = kReverted;
    a.completedAt = ServerContext::now();
    a.result = wasApplied ? QStringLiteral("restored") : QStringLiteral("stopped_in_undo_window");
    // Freezing also stops everything else still waiting on this profile: whoever asked for this
    // change may have asked for more.
    QSqlQuery others(db);
    others.prepare(QStringLiteral("SELECT %1 FROM actions WHERE profile_id = ? AND id <> ? AND state IN"
                                  " ('awaiting_approval', 'scheduled')")
                           .arg(kActionColumns));
    others.addBindValue(a.profileId);
    others.addBindValue(a.id);
    if (!others.exec())
        return ApiResponse::unavailable();
    QList<ActionRecord> stopped;
    while (others.next())
        stopped.append(actionFrom(others));
    for (auto &other : stopped) {
        const QString otherBefore = other.state;
        other.state = kCancelled;
        other.result = QStringLiteral("profile_frozen");
        other.completedAt = ServerContext::now();
        if (!saveAction(db, other, otherBefore)
            || !auditAction(run, other, QStringLiteral("ACTION_CANCELLED"), kCancelled,
                            {{QStringLiteral("reason"), QStringLiteral("profile_frozen")}}))
            return ApiResponse::unavailable();
    }
    const auto profile = ProfileStore::load(db, a.profileId, &queryOk);
    if (!queryOk || !profile || !saveAction(db, a, before)
        || !auditAction(run, a, QStringLiteral("ACTION_REVERTED"), kReverted,
                        {{QStringLiteral("result"), a.result}})
        || !ProfileStore::setFrozen(db, a.profileId, true)
        || !m_context.audit(db,
                            {QStringLiteral("PROFILE_FROZEN"),
                             run.actor,
                             QString::number(a.profileId),
                             a.verificationId,
                             QStringLiteral("frozen"),
                             {{QStringLiteral("action_id"), a.id},
                              {QStringLiteral("cancelled_actions"), static_cast<int>(stopped.size())}}})
        || !notifyUser(
                run, *profile, a, QStringLiteral("action_reverted"),
                QStringLiteral("The help desk change was undone"),
                QStringLiteral("The %1 on your account (%2) was undone as you asked, and the help desk can "
                               "make no further changes until your security team has reviewed the account.")
                        .arg(describe(a.kind), profile->username))
        || (wasApplied
            && !queueDirectoryTask(run, *settings, a, *profile, QStringLiteral("revert_") + a.kind))
        || !tx.commit())
        return ApiResponse::unavailable();
    qCInfo(lcActions) << "action" << a.id << "reverted by its user; profile" << a.profileId << "frozen";
    if (html)
        return revertPage(
                200, QStringLiteral("Change undone"),
                QStringLiteral("The change was undone and your account is frozen until your security team "
                               "has reviewed it. They will contact you."));
    return ApiResponse::json(200, {{QStringLiteral("result"), kReverted}});
}

ApiResponse ActionApi::redeemReset(const ApiRequest &request)
{
    QByteArray token = request.body.value(QStringLiteral("token")).toString().toLatin1();
    if (token.isEmpty() || token.size() > 128)
        return invalid(QStringLiteral("token is required"));
    const QByteArray hash =
            Blake2b::keyedHash256(m_context.lookupKey(), QByteArray("password-reset\n" + token)).toHex();
    SecureMemory::wipe(token);
    WriteTransaction tx(m_context.database());
    if (!tx.isActive())
        return ApiResponse::unavailable();
    auto &db = tx.db();
    QSqlQuery query(db);
    query.prepare(
            QStringLiteral("SELECT r.profile_id, r.action_id, r.expires_at, r.used_at, r.voided, p.username"
                           " FROM password_resets r JOIN profiles p ON p.id = r.profile_id"
                           " WHERE r.token_hash = ?"));
    query.addBindValue(QString::fromLatin1(hash));
    if (!query.exec())
        return ApiResponse::unavailable();
    if (!query.next())
        return ApiResponse::error(404, QStringLiteral("not_found"), QStringLiteral("No such reset link."));
    const qint64 profileId = query.value(0).toLongLong();
    const QString actionId = query.value(1).toString();
    if (!query.value(3).isNull() || query.value(4).toInt() != 0)
        return ApiResponse::error(410, QStringLiteral("reset_used"),
                                  QStringLiteral("This reset link was already used or withdrawn."));
    if (query.value(2).toLongLong() <= ServerContext::now())
        return ApiResponse::error(410, QStringLiteral("reset_expired"),
                                  QStringLiteral("This reset link expired."));
    const QString username = query.value(5).toString();
    QSqlQuery use(db);
    use.prepare(QStringLiteral(
            "UPDATE password_resets SET used_at = ? WHERE token_hash = ? AND used_at IS NULL"));
    use.addBindValue(ServerContext::now());
    use.addBindValue(QString::fromLatin1(hash));
    if (!use.exec() || use.numRowsAffected() != 1
        || !m_context.audit(db,
                            {QStringLiteral("PASSWORD_RESET_REDEEMED"),
                             QStringLiteral("system:password-portal"),
                             QString::number(profileId),
                             {},
                             QStringLiteral("ok"),
                             {{QStringLiteral("action_id"), actionId}}})
        || !tx.commit())
        return ApiResponse::unavailable();
    return ApiResponse::json(200,
                             {{QStringLiteral("username"), username},
                              {QStringLiteral("profile_id"), QString::number(profileId)}});
}

int ActionApi::runDue(ServerContext &context, const QString &actor)
{
    QStringList due;
    {
        auto db = context.database().connection();
        QSqlQuery query(db);
        query.prepare(QStringLiteral(
                "SELECT id FROM actions WHERE (state = 'awaiting_approval' AND expires_at <= ?)"
                " OR (state = 'scheduled' AND run_at <= ?) ORDER BY requested_at"));
        query.addBindValue(ServerContext::now());
        query.addBindValue(ServerContext::now());
        if (!query.exec()) {
            qCWarning(lcActions) << "cannot read due actions:" << query.lastError().text();
            return -1;
        }
        while (query.next())
            due.append(query.value(0).toString());
    }
    int moved = 0;
    // One transaction per action: one that cannot run does not hold back the others.
    for (const auto &id : due) {
        WriteTransaction tx(context.database());
        if (!tx.isActive())
            return -1;
        bool queryOk = false;
        auto action = loadAction(tx.db(), id, &queryOk);
        const auto policy = context.policy(tx.db());
        if (!queryOk || !policy)
            return -1;
        if (!action)
            continue;
        const RunContext run{tx.db(), context, *policy, actor};
        const qint64 now = ServerContext::now();
        bool ok = true;
        if (action->state == kAwaiting && action->expiresAt && *action->expiresAt <= now) {
            action->state = kExpired;
            action->completedAt = now;
            ok = saveAction(tx.db(), *action, kAwaiting)
                    && auditAction(run, *action, QStringLiteral("ESCALATION_EXPIRED"), kExpired);
        } else if (action->state == kScheduled && action->runAt && *action->runAt <= now) {
            ok = runAction(run, *action, RunMode::UndoWindowPassed);
        } else {
            continue; // another run or replica got there first
        }
        if (!ok || !tx.commit()) {
            qCWarning(lcActions) << "action" << id << "could not be moved on; it is retried on the next run";
            continue;
        }
        ++moved;
    }
    return moved;
}

} // namespace vigil
