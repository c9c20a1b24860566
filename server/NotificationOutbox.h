#pragma once

#include <QSqlDatabase>
#include <QString>

namespace vigil {

class ServerContext;

// The transactional outbox: a notification is queued inside the caller's write transaction, so
// it exists if and only if the change it announces committed. OutboxDeliverer sends it later.
// Bodies are sealed with the server's data key (they carry one-time codes); the associated data
// is "outbox:<dedupe key>", so a body copied onto another row does not open.
class NotificationOutbox
{
public:
    static const QString kEmail;
    static const QString kSms;
    static const QString kDirectory; // the company's directory webhook: a JSON task, not a message

    // `dedupeKey` is unique per notification (e.g. "otp:<challenge id>"): queueing the same key
    // twice fails instead of sending twice.
    static bool enqueue(QSqlDatabase &db, const ServerContext &context, const QString &channel,
                        const QString &recipient, const QString &subject, const QString &body,
                        const QString &dedupeKey);
    static QByteArray sealContext(const QString &dedupeKey);
    // What logs and audit entries may show of a recipient: j***@acme.org, +1 *** *** *01.
    static QString recipientHint(const QString &channel, const QString &recipient);
};

} // namespace vigil
