#include "DataDirectory.h"

#include <QDir>
#include <QFileInfo>

namespace vigil {

DataDirectory::DataDirectory(QString root)
    : m_root(QDir(root).absolutePath())
{
}

QString DataDirectory::databasePath() const
{
    return m_root + QStringLiteral("/vigil.db");
}
QString DataDirectory::certificatePath() const
{
    return m_root + QStringLiteral("/tls/server.crt");
}
QString DataDirectory::certificateKeyPath() const
{
    return m_root + QStringLiteral("/tls/server.key");
}
QString DataDirectory::policyKeyPath() const
{
    return m_root + QStringLiteral("/keys/policy.key");
}
QString DataDirectory::auditKeyPath() const
{
    return m_root + QStringLiteral("/keys/audit.key");
}
QString DataDirectory::dataKeyPath() const
{
    return m_root + QStringLiteral("/keys/data.key");
}
QString DataDirectory::demoCredentialsPath() const
{
    return m_root + QStringLiteral("/demo-credentials.json");
}
QString DataDirectory::demoProfilesPath() const
{
    return m_root + QStringLiteral("/demo-profiles.json");
}

bool DataDirectory::isInitialised() const
{
    return QFileInfo::exists(auditKeyPath()) && QFileInfo::exists(policyKeyPath());
}

} // namespace vigil
