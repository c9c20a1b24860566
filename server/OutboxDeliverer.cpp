#include "OutboxDeliverer.h"

#include "NotificationOutbox.h"
#include "NotifySettings.h"
#include "ServerContext.h"
#include "SmsWebhookSender.h"
#include "SmtpSender.h"

#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>

Q_LOGGING_CATEGORY(lcOutbox, "vigil.server.outbox")

namespace vigil {

namespace {
// How long a claim keeps other runs off a row. Longer than a send can take (both senders stop
// after 30 s), so a live claim never expires under a send in progress.
constexpr qint64 kClaimSeconds = 120;
constexpr qint64 kMaxBackoffSeconds = 300;
constexpr int kMaxRowsPerRun = 50;
const QString kActor = QStringLiteral("system:outbox");
} // namespace

struct OutboxDeliverer::Claimed
{
    qint64 id = 0;
    QString dedupeKey;
    QString channel;
    QString recipient;
    QString subject;
    QByteArray bodySealed;
    int attempts = 0;
};

qint64 OutboxDeliverer::backoffSeconds(int failedAttempts)
{
    const int exponent = std::clamp(failedAttempts, 1, 9);
    return std::min<qint64>(qint64(1) << exponent, kMaxBackoffSeconds);
}

// Exactly once, as far as a sender without idempotency can give it:
// - A row is claimed in its own write transaction by moving next_attempt_at forward by
//   kClaimSeconds, conditional on the value just read; only one run (in any process sharing the
//   store) sees its UPDATE affect the row, so two runs never send the same row at once.
// - After the send, sent_at is set in a second transaction (WHERE sent_at IS NULL), and a sent
//   row is never due again. A failed send moves next_attempt_at by the backoff instead.
// So each claim sends at most once. The residual window: a crash (or a store that refuses the
// mark) after the relay accepted the message but before sent_at commits leaves the row unsent;
// when the claim runs out it is sent again. The Message-ID is derived from the dedupe key, so
// the duplicate carries the same id as the original and mail systems can fold it.
OutboxDeliverer::ClaimResult OutboxDeliverer::claimNext(Claimed *row)
{
    WriteTransaction tx(m_context.database());
    if (!tx.isActive())
        return ClaimResult::StoreError;
    const qint64 now = ServerContext::now();
    QSqlQuery query(tx.db());
    query.prepare(QStringLiteral("SELECT id, dedupe_key, channel, recipient, subject, body_enc, attempts,"
                                 " next_attempt_at FROM outbox WHERE sent_at IS NULL AND next_attempt_at <= ?"
                                 " ORDER BY next_attempt_at, id LIMIT 1"));
    query.addBindValue(now);
    if (!query.exec()) {
        qCWarning(lcOutbox) << "cannot read the outbox:" << query.lastError().text();
        return ClaimResult::StoreError;
    }
    if (!query.next())
        return ClaimResult::NoneDue;
    row->id = query.value(0).toLongLong();
    row->dedupeKey = query.value(1).toString();
    row->channel = query.value(2).toString();
    row->recipient = query.value(3).toString();
    row->subject = query.value(4).toString();
    row->bodySealed = query.value(5).toByteArray();
    row->attempts = query.value(6).toInt();
    const qint64 dueAt = query.value(7).toLongLong();
    QSqlQuery claim(tx.db());
    claim.prepare(QStringLiteral("UPDATE outbox SET next_attempt_at = ? WHERE id = ? AND sent_at IS NULL"
                                 " AND next_attempt_at = ?"));
    claim.addBindValue(now + kClaimSeconds);
    claim.addBindValue(row->id);
    claim.addBindValue(dueAt);
    if (!claim.exec() || claim.numRowsAffected() != 1 || !tx.commit())
        return ClaimResult::StoreError;
    return ClaimResult::Claimed;
}

bool OutboxDeliverer::deliver(const Claimed &row, bool *delivered)
{
    QString error;
    bool sent = false;
    std::optional<NotifySettings> settings;
    {
        auto db = m_context.database().connection();
        settings = NotifySettings::load(db);
    }
    const auto body =
            m_context.dataKey().decrypt(row.bodySealed, NotificationOutbox::sealContext(row.dedupeKey));
    if (!settings) {
        error = QStringLiteral("the notify settings cannot be read");
    } else if (!body) {
        error = QStringLiteral("the sealed body does not open with this server's data key");
    } else if (row.channel == NotificationOutbox::kEmail) {
        sent = SmtpSender::send(*settings, row.recipient, row.subject, QString::fromUtf8(*body),
                                row.dedupeKey.toUtf8(), &error);
    } else if (row.channel == NotificationOutbox::kSms) {
        sent = SmsWebhookSender::send(*settings, row.recipient, QString::fromUtf8(*body), &error);
    } else if (row.channel == NotificationOutbox::kDirectory) {
        sent = settings->directoryWebhook.isEmpty()
                ? (error = QStringLiteral("the directory webhook is not configured"), false)
                : SmsWebhookSender::postJson(settings->directoryWebhook, *body,
                                             QStringLiteral("directory webhook"), &error);
    } else {
        error = QStringLiteral("unknown channel");
    }

    const int attempt = row.attempts + 1;
    const QString hint = NotificationOutbox::recipientHint(row.channel, row.recipient);
    const qint64 now = ServerContext::now();
    WriteTransaction tx(m_context.database());
    if (!tx.isActive())
        return false;
    QSqlQuery update(tx.db());
    QJsonObject details{{QStringLiteral("channel"), row.channel},
                        {QStringLiteral("dedupe_key"), row.dedupeKey},
                        {QStringLiteral("attempt"), attempt},
                        {QStringLiteral("recipient_hint"), hint}};
    if (sent) {
        update.prepare(QStringLiteral("UPDATE outbox SET sent_at = ?, attempts = ?, last_error = ''"
                                      " WHERE id = ? AND sent_at IS NULL"));
        update.addBindValue(now);
    } else {
        const qint64 next = now + backoffSeconds(attempt);
        update.prepare(QStringLiteral("UPDATE outbox SET next_attempt_at = ?, attempts = ?, last_error = ?"
                                      " WHERE id = ? AND sent_at IS NULL"));
        update.addBindValue(next);
        details.insert(QStringLiteral("error"), error);
        details.insert(QStringLiteral("next_attempt_at"), ServerContext::isoTime(next));
    }
    update.addBindValue(attempt);
    if (!sent)
        update.addBindValue(error);
    update.addBindValue(row.id);
    const bool recorded = update.exec()
            && m_context.audit(
                    tx.db(),
                    {sent ? QStringLiteral("NOTIFICATION_SENT") : QStringLiteral("NOTIFICATION_FAILED"),
                     kActor,
                     {},
                     {},
                     sent ? QStringLiteral("sent") : QStringLiteral("failed"),
                     details})
            && tx.commit();
    if (!recorded) {
        qCWarning(lcOutbox) << "cannot record the outcome of notification" << row.dedupeKey
                            << (sent ? "(sent; it will be sent again when its claim runs out)" : "");
        return false;
    }
    *delivered = sent;
    if (sent)
        qCInfo(lcOutbox) << "sent" << row.channel << "notification" << row.dedupeKey << "to" << hint;
    else
        qCWarning(lcOutbox) << row.channel << "notification" << row.dedupeKey << "to" << hint
                            << "failed (attempt" << attempt << "):" << error;
    return true;
}

int OutboxDeliverer::deliverDue()
{
    int sent = 0;
    for (int i = 0; i < kMaxRowsPerRun; ++i) {
        Claimed row;
        const ClaimResult claim = claimNext(&row);
        if (claim == ClaimResult::NoneDue)
            return sent;
        if (claim == ClaimResult::StoreError)
            return -1;
        bool rowSent = false;
        if (!deliver(row, &rowSent))
            return -1;
        sent += rowSent ? 1 : 0;
    }
    return sent;
}

} // namespace vigil
