#include "NotificationOutbox.h"

#include "ProfileStore.h"
#include "ServerContext.h"

#include <QSqlQuery>

namespace vigil {

const QString NotificationOutbox::kEmail = QStringLiteral("email");
const QString NotificationOutbox::kSms = QStringLiteral("sms");
const QString NotificationOutbox::kDirectory = QStringLiteral("directory");

QByteArray NotificationOutbox::sealContext(const QString &dedupeKey)
{
    return QByteArrayLiteral("outbox:") + dedupeKey.toUtf8();
}

bool NotificationOutbox::enqueue(QSqlDatabase &db, const ServerContext &context, const QString &channel,
                                 const QString &recipient, const QString &subject, const QString &body,
                                 const QString &dedupeKey)
{
    if ((channel != kEmail && channel != kSms) || recipient.isEmpty() || dedupeKey.isEmpty())
        return false;
    const qint64 now = ServerContext::now();
    QSqlQuery query(db);
    query.prepare(QStringLiteral("INSERT INTO outbox (dedupe_key, channel, recipient, subject, body_enc,"
                                 " created_at, attempts, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?)"));
    query.addBindValue(dedupeKey);
    query.addBindValue(channel);
    query.addBindValue(recipient);
    query.addBindValue(subject);
    query.addBindValue(context.dataKey().encrypt(body.toUtf8(), sealContext(dedupeKey)));
    query.addBindValue(now);
    query.addBindValue(now);
    return query.exec();
}

QString NotificationOutbox::recipientHint(const QString &channel, const QString &recipient)
{
    if (channel == kDirectory)
        return QStringLiteral("directory");
    return channel == kEmail ? ProfileStore::emailHint(recipient) : ProfileStore::phoneHint(recipient);
}

} // namespace vigil
