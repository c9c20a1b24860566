#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace vigil {

class ServerContext;
struct StoredProfile;

// Tells the user about something that happened to their account, on every channel on record
// (e-mail and SMS), through the transactional outbox: the messages exist if and only if the
// caller's transaction commits. Audited NOTIFICATION_QUEUED with masked recipients.
class ProfileNotifier
{
public:
    struct Message
    {
        QString kind; // "lock", "unblock", "action_done", … (audit details, dedupe keys)
        QString subject;
        QString body; // plain text; for SMS the subject is prefixed
        QString dedupeBase; // unique per event, e.g. "lock:12:1764000000"
        QStringList extraEmails; // an old address being replaced, still told
        QStringList extraPhones;
    };

    static bool notify(QSqlDatabase &db, const ServerContext &context, const StoredProfile &profile,
                       const Message &message, const QString &actor, const QString &verificationId = {});
};

} // namespace vigil
