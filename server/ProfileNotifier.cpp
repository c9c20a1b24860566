#include "ProfileNotifier.h"

#include "NotificationOutbox.h"
#include "ProfileStore.h"
#include "ServerContext.h"

#include <QJsonArray>

namespace vigil {

bool ProfileNotifier::notify(QSqlDatabase &db, const ServerContext &context, const StoredProfile &profile,
                             const Message &message, const QString &actor, const QString &verificationId)
{
    QList<std::pair<QString, QString>> recipients; // channel, address
    auto add = [&](const QString &channel, const QString &address) {
        const QString trimmed = address.trimmed();
        if (trimmed.isEmpty())
            return;
        for (const auto &existing : recipients) {
            if (existing.first == channel && existing.second.compare(trimmed, Qt::CaseInsensitive) == 0)
                return;
        }
        recipients.append({channel, trimmed});
    };
    add(NotificationOutbox::kEmail, profile.email);
    for (const auto &email : message.extraEmails)
        add(NotificationOutbox::kEmail, email);
    add(NotificationOutbox::kSms, profile.phone);
    for (const auto &phone : message.extraPhones)
        add(NotificationOutbox::kSms, phone);

    QJsonArray hints;
    int index = 0;
    for (const auto &[channel, address] : recipients) {
        const QString body = channel == NotificationOutbox::kSms
                ? message.subject + QStringLiteral(": ") + message.body
                : message.body;
        const QString key = QStringLiteral("%1:%2:%3").arg(message.dedupeBase, channel).arg(index++);
        if (!NotificationOutbox::enqueue(db, context, channel, address, message.subject, body, key))
            return false;
        hints.append(NotificationOutbox::recipientHint(channel, address));
    }
    // Nothing to send is worth an entry too: the help desk can see the user was not told.
    return context.audit(db,
                         {QStringLiteral("NOTIFICATION_QUEUED"),
                          actor,
                          QString::number(profile.id),
                          verificationId,
                          recipients.isEmpty() ? QStringLiteral("no_channel") : QStringLiteral("queued"),
                          {{QStringLiteral("kind"), message.kind}, {QStringLiteral("recipients"), hints}}});
}

} // namespace vigil
