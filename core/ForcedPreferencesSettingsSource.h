#pragma once

#include "EnforcedSettingsSource.h"

#ifdef Q_OS_MACOS

namespace vigil {

// macOS: the preferences of org.vigil.console that a configuration profile forces (ServerUrl,
// ServerPin, PolicyKey, Language as strings, Enforce as a boolean). Values the user wrote with
// `defaults write` are not forced and never count. CFString becomes QString, CFBoolean bool and
// CFNumber qint64; MachineSettings interprets them.
class ForcedPreferencesSettingsSource : public EnforcedSettingsSource
{
public:
    explicit ForcedPreferencesSettingsSource(QString applicationId = QStringLiteral("org.vigil.console"));

    QVariant value(const QString &name) const override;
    Naming naming() const override { return Naming::NativeNames; }
    QString location() const override { return m_applicationId; }

private:
    QString m_applicationId;
};

} // namespace vigil

#endif
