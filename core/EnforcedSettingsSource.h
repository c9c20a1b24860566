#pragma once

#include <QString>
#include <QVariant>
#include <memory>

namespace vigil {

// The per-platform part of IT's machine settings: reads one raw value by name, exactly as the
// platform's API hands it back. Everything else (which name a key has, what a value means, whether
// it is valid, whether it is enforced) is MachineSettings' job, so it is the same on every platform
// and tested on Linux.
class EnforcedSettingsSource
{
public:
    // How the store names its values.
    enum class Naming {
        SettingsKeys, // server_url, enforce: the Linux INI file
        NativeNames, // ServerUrl, Enforce: the Windows registry and macOS preferences
    };

    // Returned by value() for a value IT did set, in a form Vigil does not read (a date, binary
    // data, a dictionary…). It must never look like "not set": that would let a user value win.
    struct UnsupportedValue
    {
    };
    static QVariant unsupportedValue() { return QVariant::fromValue(UnsupportedValue{}); }

    virtual ~EnforcedSettingsSource() = default;

    // The raw value stored under `name` (named as naming() says), or an invalid QVariant when the
    // store holds no such value.
    virtual QVariant value(const QString &name) const = 0;
    virtual Naming naming() const { return Naming::SettingsKeys; }
    // False when the store exists but cannot be read or parsed: nobody knows what IT enforces then.
    virtual bool isReadable() const { return true; }
    // Where the values live, for messages to IT ("/etc/vigil/policies.conf"); empty if unknown.
    virtual QString location() const { return {}; }
};

// The source of the platform this was built for: the registry on Windows, forced preferences on
// macOS, /etc/vigil/policies.conf elsewhere.
std::unique_ptr<EnforcedSettingsSource> platformEnforcedSettingsSource();

} // namespace vigil
