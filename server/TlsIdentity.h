#pragma once

#include <QByteArray>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QString>
#include <QStringList>
#include <optional>

namespace vigil {

// The server's TLS certificate and private key. Vigil makes its own self-signed identity on first
// start; clients pin it by its SHA-256 fingerprint instead of trusting a CA.
class TlsIdentity
{
public:
    // Writes a new self-signed EC P-256 certificate (PEM) to certPath and its PKCS#8 private key
    // (PEM, mode 0600) to keyPath, replacing existing files. The SAN always holds localhost,
    // 127.0.0.1 and ::1; each entry of hostNames is added as IP address or DNS name.
    static bool generate(const QString &certPath, const QString &keyPath, const QStringList &hostNames,
                         QString *error);
    static std::optional<TlsIdentity> load(const QString &certPath, const QString &keyPath, QString *error);

    // "AB:CD:…": 32 upper-case hex pairs for a SHA-256 digest.
    static QString formatFingerprint(const QByteArray &digest);

    QSslConfiguration serverConfiguration() const;
    QSslCertificate certificate() const;
    QByteArray sha256Fingerprint() const;
    QString fingerprintText() const;

private:
    TlsIdentity(const QSslCertificate &certificate, const QSslKey &privateKey);

    QSslCertificate m_certificate;
    QSslKey m_privateKey;
};

} // namespace vigil
