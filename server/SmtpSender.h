#pragma once

#include "NotifySettings.h"

#include <QByteArray>
#include <QString>

namespace vigil {

// Sends one plain-text e-mail through the configured relay with libcurl: MAIL FROM, RCPT TO,
// DATA. smtps:// is TLS from the start, smtp+starttls:// requires STARTTLS, smtp:// upgrades
// when the relay offers it. Blocking, with connect and overall timeouts; call it off the event loop.
class SmtpSender
{
public:
    // `messageKey` makes the Message-ID: the same key gives the same id, so a resend after a
    // crash can be recognised as a duplicate by the receiving side.
    static bool send(const NotifySettings &settings, const QString &to, const QString &subject,
                     const QString &body, const QByteArray &messageKey, QString *error);
    // The RFC 5322 message with CRLF line ends.
    static QByteArray compose(const QString &from, const QString &to, const QString &subject,
                              const QString &body, const QByteArray &messageKey);
};

} // namespace vigil
