#pragma once

#include <QJsonObject>
#include <QSqlDatabase>
#include <QString>
#include <optional>

namespace vigil {

// Where notifications go: an SMTP relay for e-mail and an HTTP webhook for SMS. Stored as JSON
// in the settings table (key "notify") and read on every delivery run, so `notify set` takes
// effect without a restart. Holds no credentials: the relay and webhook trust the host.
struct NotifySettings
{
    QString smtpUrl; // smtp://host:port (STARTTLS when offered), smtp+starttls://… (required), smtps://…
    QString smtpFrom; // envelope and header sender
    QString smsWebhook; // http(s) URL taking POST {"to","text"}
    QString publicUrl; // how users reach this server, for revert links (https://vigil.acme.example:8443)
    QString resetUrl; // the company's password portal; reset links are <resetUrl>?token=…
    QString directoryWebhook; // http(s) URL told of every completed or reverted action

    QJsonObject toJson() const;
    // Applies one key=value from the command line; an empty value clears the setting.
    bool set(const QString &key, const QString &value, QString *error);

    // Defaults (all empty) when nothing was saved; nullopt when the stored value is unreadable.
    static std::optional<NotifySettings> load(QSqlDatabase &db);
    bool save(QSqlDatabase &db) const;
};

} // namespace vigil
