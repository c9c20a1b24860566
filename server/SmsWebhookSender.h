#pragma once

#include "NotifySettings.h"

#include <QString>

namespace vigil {

// Sends one text message by POSTing {"to","text"} as JSON to the configured webhook (an SMS
// gateway or a bridge in front of one). Any 2xx answer counts as accepted. Blocking, with timeouts.
class SmsWebhookSender
{
public:
    static bool send(const NotifySettings &settings, const QString &to, const QString &text, QString *error);
    // POSTs a JSON document to `url`; `what` names the target in errors ("sms webhook").
    static bool postJson(const QString &url, const QByteArray &payload, const QString &what, QString *error);
};

} // namespace vigil
