#include "SmsWebhookSender.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <curl/curl.h>

#include <mutex>

namespace vigil {

namespace {
constexpr long kConnectTimeoutSeconds = 10;
constexpr long kTotalTimeoutSeconds = 30;

size_t discard(char *, size_t size, size_t count, void *)
{
    return size * count; // the gateway's answer body is not needed, only its status
}
} // namespace

bool SmsWebhookSender::send(const NotifySettings &settings, const QString &to, const QString &text,
                            QString *error)
{
    if (settings.smsWebhook.isEmpty()) {
        *error = QStringLiteral("SMS is not configured (vigil-server notify set sms_webhook=…)");
        return false;
    }
    const QByteArray payload =
            QJsonDocument(QJsonObject{{QStringLiteral("to"), to}, {QStringLiteral("text"), text}})
                    .toJson(QJsonDocument::Compact);
    return postJson(settings.smsWebhook, payload, QStringLiteral("sms webhook"), error);
}

bool SmsWebhookSender::postJson(const QString &target, const QByteArray &payload, const QString &what,
                                QString *error)
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    CURL *curl = curl_easy_init();
    if (!curl) {
        *error = QStringLiteral("cannot initialise libcurl");
        return false;
    }
    const QByteArray url = target.toUtf8();
    curl_slist *headers = curl_slist_append(nullptr, "Content-Type: application/json");
    curl_easy_setopt(curl, CURLOPT_URL, url.constData());
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, payload.constData());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(payload.size()));
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, discard);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, kConnectTimeoutSeconds);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, kTotalTimeoutSeconds);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    const CURLcode result = curl_easy_perform(curl);
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    curl_slist_free_all(headers);
    curl_easy_cleanup(curl);
    if (result != CURLE_OK) {
        *error = QStringLiteral("%1: %2").arg(what, QString::fromUtf8(curl_easy_strerror(result)));
        return false;
    }
    if (status < 200 || status > 299) {
        *error = QStringLiteral("%1 answered HTTP %2").arg(what).arg(status);
        return false;
    }
    return true;
}

} // namespace vigil
