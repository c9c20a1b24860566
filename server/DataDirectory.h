#pragma once

#include <QString>

namespace vigil {

// Where one backend keeps its state. The audit key lives in its own file beside (never inside)
// the database, so an attacker with only the database cannot re-sign a rewritten log.
class DataDirectory
{
public:
    explicit DataDirectory(QString root);

    QString root() const { return m_root; }
    QString databasePath() const;
    QString certificatePath() const;
    QString certificateKeyPath() const;
    QString policyKeyPath() const;
    QString auditKeyPath() const;
    QString dataKeyPath() const;
    QString demoCredentialsPath() const;
    QString demoProfilesPath() const;

    bool isInitialised() const;

private:
    QString m_root;
};

} // namespace vigil
