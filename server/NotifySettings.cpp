#include "NotifySettings.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QUrl>

namespace vigil {

namespace {
const QString kKey = QStringLiteral("notify");

bool validUrl(const QString &text, const QStringList &schemes)
{
    const QUrl url(text, QUrl::StrictMode);
    return url.isValid() && schemes.contains(url.scheme()) && !url.host().isEmpty()
            && url.userInfo().isEmpty() && !url.hasFragment();
}

bool validAddress(const QString &text)
{
    const qsizetype at = text.indexOf(QLatin1Char('@'));
    if (at <= 0 || at != text.lastIndexOf(QLatin1Char('@')) || at == text.size() - 1)
        return false;
    // Nothing that could end the SMTP command or a header line.
    return std::none_of(text.begin(), text.end(), [](QChar c) {
        return c.isSpace() || c == QLatin1Char('<') || c == QLatin1Char('>') || c.unicode() < 0x20;
    });
}
} // namespace

QJsonObject NotifySettings::toJson() const
{
    return {{QStringLiteral("smtp_url"), smtpUrl},
            {QStringLiteral("smtp_from"), smtpFrom},
            {QStringLiteral("sms_webhook"), smsWebhook},
            {QStringLiteral("public_url"), publicUrl},
            {QStringLiteral("reset_url"), resetUrl},
            {QStringLiteral("directory_webhook"), directoryWebhook}};
}

bool NotifySettings::set(const QString &key, const QString &value, QString *error)
{
    if (key == QLatin1String("smtp_url")) {
        if (!value.isEmpty()
            && !validUrl(
                    value,
                    {QStringLiteral("smtp"), QStringLiteral("smtps"), QStringLiteral("smtp+starttls")})) {
            *error = QStringLiteral("smtp_url must look like smtp://host:port, smtp+starttls://host:port or "
                                    "smtps://host:port (no user name or password)");
            return false;
        }
        smtpUrl = value;
        return true;
    }
    if (key == QLatin1String("smtp_from")) {
        if (!value.isEmpty() && !validAddress(value)) {
            *error = QStringLiteral("smtp_from must be a plain e-mail address, e.g. vigil@acme.example");
            return false;
        }
        smtpFrom = value;
        return true;
    }
    if (key == QLatin1String("sms_webhook")) {
        if (!value.isEmpty() && !validUrl(value, {QStringLiteral("http"), QStringLiteral("https")})) {
            *error = QStringLiteral("sms_webhook must be an http:// or https:// URL without credentials");
            return false;
        }
        smsWebhook = value;
        return true;
    }
    const struct
    {
        const char *key;
        QString NotifySettings::*member;
    } webUrls[] = {{"public_url", &NotifySettings::publicUrl},
                   {"reset_url", &NotifySettings::resetUrl},
                   {"directory_webhook", &NotifySettings::directoryWebhook}};
    for (const auto &entry : webUrls) {
        if (key != QLatin1String(entry.key))
            continue;
        if (!value.isEmpty()
            && (!validUrl(value, {QStringLiteral("http"), QStringLiteral("https")})
                || QUrl(value).hasQuery())) {
            *error = QStringLiteral("%1 must be an http:// or https:// URL without credentials or query")
                             .arg(key);
            return false;
        }
        this->*entry.member = value;
        return true;
    }
    *error = QStringLiteral("unknown notify setting \"%1\" (smtp_url, smtp_from, sms_webhook, public_url,"
                            " reset_url, directory_webhook)")
                     .arg(key);
    return false;
}

std::optional<NotifySettings> NotifySettings::load(QSqlDatabase &db)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT value FROM settings WHERE key = ?"));
    query.addBindValue(kKey);
    if (!query.exec())
        return std::nullopt;
    NotifySettings settings;
    if (!query.next())
        return settings;
    const QJsonDocument document = QJsonDocument::fromJson(query.value(0).toString().toUtf8());
    if (!document.isObject())
        return std::nullopt;
    const QJsonObject object = document.object();
    settings.smtpUrl = object.value(QStringLiteral("smtp_url")).toString();
    settings.smtpFrom = object.value(QStringLiteral("smtp_from")).toString();
    settings.smsWebhook = object.value(QStringLiteral("sms_webhook")).toString();
    settings.publicUrl = object.value(QStringLiteral("public_url")).toString();
    settings.resetUrl = object.value(QStringLiteral("reset_url")).toString();
    settings.directoryWebhook = object.value(QStringLiteral("directory_webhook")).toString();
    return settings;
}

bool NotifySettings::save(QSqlDatabase &db) const
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?)"
                                 " ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
    query.addBindValue(kKey);
    query.addBindValue(QString::fromUtf8(QJsonDocument(toJson()).toJson(QJsonDocument::Compact)));
    return query.exec();
}

} // namespace vigil
