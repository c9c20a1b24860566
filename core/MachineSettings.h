#pragma once

#include "EnforcedSettingsSource.h"

#include <QHash>
#include <QLoggingCategory>
#include <QString>
#include <QVariant>
#include <memory>
#include <optional>

namespace vigil {

Q_DECLARE_LOGGING_CATEGORY(lcSettings)

// The machine layer of the console's settings: what IT set on this seat, interpreted the same way
// whatever the platform's store (an EnforcedSettingsSource) hands back. Maps keys to native names,
// converts raw values, treats empty values as unset, reads Enforce and validates every value.
//
// Enforce true, or absent: each value IT set is enforced. Enforce false: the values only seed the
// seat as defaults below the user's own. A value IT enforces that is invalid stays enforced, with
// a problem and no value, so the console refuses to use it instead of falling back to a user value
// someone else could have planted. An unreadable store makes every key enforced and invalid.
class MachineSettings
{
public:
    enum class Problem {
        None,
        Unreadable, // the store exists but cannot be read or parsed
        Unrecognised, // a type or form Vigil does not read (a boolean for a URL, "maybe" for Enforce)
        InvalidUrl, // server_url: not https:// with a host
        InvalidPin, // server_pin: not 32 colon-separated hex bytes
        InvalidPolicyKey, // policy_key: not base64 of 32 bytes
        UnknownLanguage, // language: not en, de or fr
    };

    struct Entry
    {
        QVariant value; // normalised; invalid when IT did not set the key or its value is unusable
        bool enforced = false; // the user cannot change it (a broken enforced value included)
        Problem problem = Problem::None;
        QString name; // the key's name in the store: ServerUrl, or server_url in the INI file

        bool isSet() const { return value.isValid() || problem != Problem::None; }
    };

    explicit MachineSettings(std::unique_ptr<EnforcedSettingsSource> source);
    ~MachineSettings();

    // Reads the store now (it may change while the console runs).
    Entry entry(const QString &key) const;
    QString location() const;

    // The four keys that carry values (Enforce only says how to treat them).
    static QStringList valueKeys();
    // server_url ↔ ServerUrl, server_pin ↔ ServerPin, policy_key ↔ PolicyKey, language ↔ Language,
    // enforce ↔ Enforce; empty for anything else.
    static QString nativeName(const QString &key);
    static QString keyForNativeName(const QString &name);

    // A raw value as text: strings trimmed, QSettings' comma-split lists joined again, integers in
    // decimal. Empty text means unset. Booleans and other types are Problem::Unrecognised.
    static Problem toText(const QVariant &raw, QString *text);
    // Enforce: bool, an integer (REG_DWORD, CFNumber; non-zero is true) or true/false, 1/0, yes/no,
    // on/off in any case. *result stays empty when unset.
    static Problem toBool(const QVariant &raw, std::optional<bool> *result);
    // Checks `text` for `key`; on success *normalised holds the value to use (pins in upper case).
    static Problem validate(const QString &key, const QString &text, QString *normalised);

private:
    QString nameInStore(const QString &key) const;
    // Each problem is logged once, when it appears, not on every read.
    void report(const QString &key, Problem problem, const QString &consequence) const;

    std::unique_ptr<EnforcedSettingsSource> m_source;
    mutable QHash<QString, Problem> m_reported;
};

} // namespace vigil
