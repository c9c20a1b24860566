#include "ForcedPreferencesSettingsSource.h"

#include <CoreFoundation/CoreFoundation.h>

namespace vigil {

namespace {
QVariant fromPropertyList(CFPropertyListRef value)
{
    const CFTypeID type = CFGetTypeID(value);
    if (type == CFStringGetTypeID())
        return QString::fromCFString(static_cast<CFStringRef>(value));
    if (type == CFBooleanGetTypeID())
        return bool(CFBooleanGetValue(static_cast<CFBooleanRef>(value)));
    if (type == CFNumberGetTypeID()) {
        const auto number = static_cast<CFNumberRef>(value);
        long long integer = 0;
        if (!CFNumberIsFloatType(number) && CFNumberGetValue(number, kCFNumberLongLongType, &integer))
            return qint64(integer);
    }
    // Dates, data, arrays, dictionaries and reals: set by IT, but not in a form we read.
    return EnforcedSettingsSource::unsupportedValue();
}
} // namespace

ForcedPreferencesSettingsSource::ForcedPreferencesSettingsSource(QString applicationId)
    : m_applicationId(std::move(applicationId))
{
}

QVariant ForcedPreferencesSettingsSource::value(const QString &name) const
{
    const CFStringRef key = name.toCFString();
    const CFStringRef application = m_applicationId.toCFString();
    QVariant result;
    if (CFPreferencesAppValueIsForced(key, application)) {
        if (CFPropertyListRef value = CFPreferencesCopyAppValue(key, application)) {
            result = fromPropertyList(value);
            CFRelease(value);
        }
    }
    CFRelease(application);
    CFRelease(key);
    return result;
}

} // namespace vigil
