#include "SmtpSender.h"

#include "Blake2b.h"

#include <QDateTime>
#include <QLocale>
#include <QUrl>

#include <curl/curl.h>

#include <mutex>

namespace vigil {

namespace {
constexpr long kConnectTimeoutSeconds = 10;
constexpr long kTotalTimeoutSeconds = 30;

void initialiseCurl()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

// Header values never carry a line break: a CR or LF would start a new header.
QString headerSafe(const QString &text)
{
    QString safe = text;
    safe.replace(QLatin1Char('\r'), QLatin1Char(' ')).replace(QLatin1Char('\n'), QLatin1Char(' '));
    return safe;
}

QByteArray encodedSubject(const QString &subject)
{
    const QString safe = headerSafe(subject);
    const bool ascii = std::all_of(safe.begin(), safe.end(), [](QChar c) { return c.unicode() < 0x80; });
    if (ascii)
        return safe.toLatin1();
    return "=?UTF-8?B?" + safe.toUtf8().toBase64() + "?=";
}

struct Upload
{
    QByteArray data;
    qsizetype offset = 0;
};

size_t readChunk(char *buffer, size_t size, size_t count, void *user)
{
    auto *upload = static_cast<Upload *>(user);
    const qsizetype room = static_cast<qsizetype>(size * count);
    const qsizetype n = std::min(room, upload->data.size() - upload->offset);
    std::memcpy(buffer, upload->data.constData() + upload->offset, static_cast<size_t>(n));
    upload->offset += n;
    return static_cast<size_t>(n);
}
} // namespace

QByteArray SmtpSender::compose(const QString &from, const QString &to, const QString &subject,
                               const QString &body, const QByteArray &messageKey)
{
    const QString domain = from.mid(from.indexOf(QLatin1Char('@')) + 1);
    const QByteArray messageId = Blake2b::hash256(messageKey).toHex().left(32);
    QString text = body;
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n")).replace(QLatin1Char('\r'), QLatin1Char('\n'));
    QByteArray message;
    message += "From: " + headerSafe(from).toUtf8() + "\r\n";
    message += "To: " + headerSafe(to).toUtf8() + "\r\n";
    message += "Subject: " + encodedSubject(subject) + "\r\n";
    message += "Date: "
            + QLocale::c()
                      .toString(QDateTime::currentDateTimeUtc(), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss"))
                      .toLatin1()
            + " +0000\r\n";
    message += "Message-ID: <" + messageId + "@" + headerSafe(domain).toUtf8() + ">\r\n";
    message += "MIME-Version: 1.0\r\n";
    message += "Content-Type: text/plain; charset=utf-8\r\n";
    message += "Content-Transfer-Encoding: 8bit\r\n";
    message += "Auto-Submitted: auto-generated\r\n";
    message += "\r\n";
    message += text.toUtf8().replace("\n", "\r\n");
    if (!message.endsWith("\r\n"))
        message += "\r\n";
    return message;
}

bool SmtpSender::send(const NotifySettings &settings, const QString &to, const QString &subject,
                      const QString &body, const QByteArray &messageKey, QString *error)
{
    if (settings.smtpUrl.isEmpty() || settings.smtpFrom.isEmpty()) {
        *error = QStringLiteral("e-mail is not configured (vigil-server notify set smtp_url=… smtp_from=…)");
        return false;
    }
    QUrl url(settings.smtpUrl);
    long useSsl = CURLUSESSL_TRY;
    if (url.scheme() == QLatin1String("smtp+starttls")) {
        url.setScheme(QStringLiteral("smtp"));
        useSsl = CURLUSESSL_ALL;
    } else if (url.scheme() == QLatin1String("smtps")) {
        useSsl = CURLUSESSL_ALL;
    }
    initialiseCurl();
    CURL *curl = curl_easy_init();
    if (!curl) {
        *error = QStringLiteral("cannot initialise libcurl");
        return false;
    }
    const QByteArray urlBytes = url.toString(QUrl::FullyEncoded).toUtf8();
    const QByteArray fromBytes = '<' + settings.smtpFrom.toUtf8() + '>';
    const QByteArray toBytes = '<' + headerSafe(to).toUtf8() + '>';
    Upload upload{compose(settings.smtpFrom, to, subject, body, messageKey)};
    curl_slist *recipients = curl_slist_append(nullptr, toBytes.constData());
    curl_easy_setopt(curl, CURLOPT_URL, urlBytes.constData());
    curl_easy_setopt(curl, CURLOPT_USE_SSL, useSsl);
    curl_easy_setopt(curl, CURLOPT_MAIL_FROM, fromBytes.constData());
    curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients);
    curl_easy_setopt(curl, CURLOPT_READFUNCTION, readChunk);
    curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
    curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(upload.data.size()));
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, kConnectTimeoutSeconds);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, kTotalTimeoutSeconds);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    const CURLcode result = curl_easy_perform(curl);
    long smtpCode = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &smtpCode);
    curl_slist_free_all(recipients);
    curl_easy_cleanup(curl);
    if (result != CURLE_OK) {
        *error = QStringLiteral("smtp: %1 (last reply %2)")
                         .arg(QString::fromUtf8(curl_easy_strerror(result)))
                         .arg(smtpCode);
        return false;
    }
    return true;
}

} // namespace vigil
