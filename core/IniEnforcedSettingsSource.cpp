#include "IniEnforcedSettingsSource.h"

#include <QFile>
#include <QFileInfo>
#include <QSettings>

namespace vigil {

namespace {
const QString kGroup = QStringLiteral("Vigil");

// QSettings tells only the first reader of a file that it is malformed (later ones get its cache),
// and it skips what it cannot parse. A line it would skip may be a value IT meant to set
// ("server_pin AB:CD:…"), so such a file counts as unreadable. Comments start with ';' or '#'.
bool isWellFormed(QByteArray contents)
{
    if (contents.startsWith("\xef\xbb\xbf"))
        contents.remove(0, 3);
    contents.replace('\r', '\n');
    for (const QByteArray &raw : contents.split('\n')) {
        const QByteArray line = raw.trimmed();
        if (line.isEmpty() || line.startsWith(';') || line.startsWith('#'))
            continue;
        if (line.startsWith('[') ? !line.contains(']') : !line.contains('='))
            return false;
    }
    return true;
}
} // namespace

IniEnforcedSettingsSource::IniEnforcedSettingsSource(QString path)
    : m_path(std::move(path))
{
}

QVariant IniEnforcedSettingsSource::value(const QString &name) const
{
    // QSettings would create nothing, but it would hand back an empty store for a missing file;
    // checking first keeps "no file" and "unreadable file" apart (isReadable() reports the latter).
    if (!QFileInfo::exists(m_path))
        return {};
    const QSettings file(m_path, QSettings::IniFormat);
    if (file.status() != QSettings::NoError)
        return {};
    const QString grouped = kGroup + QLatin1Char('/') + name;
    if (file.contains(grouped))
        return file.value(grouped);
    if (file.contains(name))
        return file.value(name);
    return {};
}

bool IniEnforcedSettingsSource::isReadable() const
{
    const QFileInfo info(m_path);
    if (!info.exists())
        return true; // no file is no policy, not a broken one
    QFile file(m_path);
    if (!info.isFile() || !file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray contents = file.readAll();
    return file.error() == QFileDevice::NoError && isWellFormed(contents);
}

} // namespace vigil
