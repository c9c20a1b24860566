#pragma once

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QString>

namespace vigil {

// The session token in the OS keychain through QtKeychain's asynchronous jobs. Never a plaintext
// fallback: when no keychain works, the token lives in memory only and memoryOnly() says so.
// Like Nextcloud's client, a failed first job is retried once, for secret services that start
// late.
class CredentialStore : public QObject
{
    Q_OBJECT
public:
    explicit CredentialStore(QString service = QStringLiteral("Vigil"), QObject *parent = nullptr);

    // All asynchronous; each emits its signal exactly once.
    void store(const QString &account, const QByteArray &secret);
    void load(const QString &account);
    void remove(const QString &account);

    bool memoryOnly() const { return m_memoryOnly; }

signals:
    void stored(bool inKeychain); // false: kept in memory only
    void loaded(const QByteArray &secret, bool found);
    void removed();
    void memoryOnlyChanged(bool memoryOnly);

private:
    void startWrite(const QString &account, const QByteArray &secret, int attempt);
    void startRead(const QString &account, int attempt);
    void startDelete(const QString &account, int attempt);
    void becomeMemoryOnly();

    QString m_service;
    bool m_memoryOnly = false;
    QHash<QString, QByteArray> m_memory;
};

} // namespace vigil
