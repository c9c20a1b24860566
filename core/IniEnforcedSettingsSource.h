#pragma once

#include "EnforcedSettingsSource.h"

namespace vigil {

// Linux: an INI file, /etc/vigil/policies.conf by default. Values are named by their settings keys
// (server_url, enforce…), in a [Vigil] group or at the top level; the group wins when both exist.
// The file is read again on every call, so a change by IT applies while the console runs.
class IniEnforcedSettingsSource : public EnforcedSettingsSource
{
public:
    explicit IniEnforcedSettingsSource(QString path = QStringLiteral("/etc/vigil/policies.conf"));

    QVariant value(const QString &name) const override;
    bool isReadable() const override;
    QString location() const override { return m_path; }

private:
    QString m_path;
};

} // namespace vigil
