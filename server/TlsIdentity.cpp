#include "TlsIdentity.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QSaveFile>
#include <QSslSocket>
#include <QUrl>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace vigil {

namespace {

// 825 days is the longest validity Apple platforms accept for a TLS server certificate.
constexpr int kValidityDays = 825;
constexpr long kBackdateSeconds = 3600; // tolerate clients whose clock is a little behind
constexpr int kSerialBits = 128;

template <auto FreeFunction>
struct OpenSslDeleter
{
    template <typename T>
    void operator()(T *object) const
    {
        FreeFunction(object);
    }
};

using BioPtr = std::unique_ptr<BIO, OpenSslDeleter<BIO_free>>;
using BignumPtr = std::unique_ptr<BIGNUM, OpenSslDeleter<BN_free>>;
using EvpPkeyPtr = std::unique_ptr<EVP_PKEY, OpenSslDeleter<EVP_PKEY_free>>;
using GeneralNamesPtr = std::unique_ptr<GENERAL_NAMES, OpenSslDeleter<GENERAL_NAMES_free>>;
using X509ExtensionPtr = std::unique_ptr<X509_EXTENSION, OpenSslDeleter<X509_EXTENSION_free>>;
using X509Ptr = std::unique_ptr<X509, OpenSslDeleter<X509_free>>;

// Drains the OpenSSL error queue into one message, so a failure names its real cause.
QString failure(const QString &what)
{
    QStringList details;
    while (const unsigned long code = ERR_get_error()) {
        char buffer[256];
        ERR_error_string_n(code, buffer, sizeof buffer);
        details.append(QString::fromLatin1(buffer));
    }
    if (details.isEmpty())
        return what;
    return what % QStringLiteral(": ") % details.join(QStringLiteral("; "));
}

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

// The PEM pass phrase callback: our keys are never encrypted, and OpenSSL's default callback
// would otherwise prompt on the terminal.
int refusePassphrase(char *, int, int, void *)
{
    return -1;
}

QByteArray bioContents(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return size > 0 ? QByteArray(data, size) : QByteArray();
}

// localhost, 127.0.0.1 and ::1 plus each requested host; IP literals become IP entries (in
// canonical form), everything else a DNS name in its ASCII (punycode) form.
std::optional<QList<std::pair<int, QByteArray>>> subjectAltNames(const QStringList &hostNames, QString *error)
{
    QList<std::pair<int, QByteArray>> names{{GEN_DNS, QByteArrayLiteral("localhost")},
                                            {GEN_IPADD, QByteArrayLiteral("127.0.0.1")},
                                            {GEN_IPADD, QByteArrayLiteral("::1")}};
    for (const QString &raw : hostNames) {
        const QString host = raw.trimmed();
        if (host.isEmpty())
            continue;
        QHostAddress address;
        std::pair<int, QByteArray> name;
        if (address.setAddress(host)) {
            address.setScopeId(QString());
            name = {GEN_IPADD, address.toString().toLatin1()};
        } else {
            const QByteArray ace = QUrl::toAce(host.toLower());
            if (ace.isEmpty() || ace.startsWith('.') || ace.endsWith('.')) {
                fail(error, QStringLiteral("Invalid host name for the TLS certificate: \"%1\"").arg(host));
                return std::nullopt;
            }
            name = {GEN_DNS, ace};
        }
        if (!names.contains(name))
            names.append(name);
    }
    return names;
}

bool addSubjectAltNames(X509 *certificate, const QStringList &hostNames, QString *error)
{
    const auto names = subjectAltNames(hostNames, error);
    if (!names)
        return false;
    GeneralNamesPtr generalNames(sk_GENERAL_NAME_new_null());
    if (!generalNames)
        return fail(error, failure(QStringLiteral("Cannot allocate the subject alternative names")));
    for (const auto &[type, value] : *names) {
        GENERAL_NAME *name = a2i_GENERAL_NAME(nullptr, nullptr, nullptr, type, value.constData(), 0);
        if (!name || !sk_GENERAL_NAME_push(generalNames.get(), name)) {
            GENERAL_NAME_free(name);
            return fail(error,
                        failure(QStringLiteral("Cannot add \"%1\" to the subject alternative names")
                                        .arg(QString::fromLatin1(value))));
        }
    }
    if (X509_add1_ext_i2d(certificate, NID_subject_alt_name, generalNames.get(), 0, X509V3_ADD_DEFAULT) != 1)
        return fail(error, failure(QStringLiteral("Cannot add the subjectAltName extension")));
    return true;
}

bool addExtensions(X509 *certificate, const QStringList &hostNames, QString *error)
{
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, certificate, certificate, nullptr, nullptr, 0);
    const std::pair<int, const char *> extensions[] = {
            {NID_basic_constraints, "critical,CA:FALSE"},
            {NID_key_usage, "critical,digitalSignature,keyEncipherment"},
            {NID_ext_key_usage, "serverAuth"},
            {NID_subject_key_identifier, "hash"},
    };
    for (const auto &[nid, value] : extensions) {
        X509ExtensionPtr extension(X509V3_EXT_nconf_nid(nullptr, &context, nid, value));
        if (!extension || !X509_add_ext(certificate, extension.get(), -1))
            return fail(error,
                        failure(QStringLiteral("Cannot add the %1 extension")
                                        .arg(QString::fromLatin1(OBJ_nid2sn(nid)))));
    }
    return addSubjectAltNames(certificate, hostNames, error);
}

bool setSerialNumber(X509 *certificate, QString *error)
{
    BignumPtr serial(BN_new());
    // Top bit set: exactly 128 bits, positive and never zero.
    if (!serial || !BN_rand(serial.get(), kSerialBits, BN_RAND_TOP_ONE, BN_RAND_BOTTOM_ANY)
        || !BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(certificate))) {
        return fail(error, failure(QStringLiteral("Cannot create a random certificate serial number")));
    }
    return true;
}

bool setNames(X509 *certificate, QString *error)
{
    X509_NAME *name = X509_get_subject_name(certificate);
    const auto add = [name](const char *field, const char *value) {
        return X509_NAME_add_entry_by_txt(name, field, MBSTRING_UTF8,
                                          reinterpret_cast<const unsigned char *>(value), -1, -1, 0)
                == 1;
    };
    if (!add("O", "Vigil") || !add("CN", "Vigil server") || X509_set_issuer_name(certificate, name) != 1)
        return fail(error, failure(QStringLiteral("Cannot set the certificate subject")));
    return true;
}

X509Ptr makeCertificate(EVP_PKEY *key, const QStringList &hostNames, QString *error)
{
    X509Ptr certificate(X509_new());
    if (!certificate) {
        fail(error, failure(QStringLiteral("Cannot allocate a certificate")));
        return nullptr;
    }
    if (X509_set_version(certificate.get(), X509_VERSION_3) != 1
        || !X509_gmtime_adj(X509_getm_notBefore(certificate.get()), -kBackdateSeconds)
        || !X509_time_adj_ex(X509_getm_notAfter(certificate.get()), kValidityDays, -kBackdateSeconds, nullptr)
        || X509_set_pubkey(certificate.get(), key) != 1) {
        fail(error, failure(QStringLiteral("Cannot fill in the certificate")));
        return nullptr;
    }
    if (!setSerialNumber(certificate.get(), error) || !setNames(certificate.get(), error)
        || !addExtensions(certificate.get(), hostNames, error)) {
        return nullptr;
    }
    if (X509_sign(certificate.get(), key, EVP_sha256()) <= 0) {
        fail(error, failure(QStringLiteral("Cannot sign the certificate")));
        return nullptr;
    }
    return certificate;
}

// The key file is made fresh (never reused, so an old file's looser mode cannot survive) with
// 0600 before any key byte reaches it; the explicit setPermissions also undoes a strict umask.
bool writeKeyFile(const QString &path, const QByteArray &pem, QString *error)
{
    QFile file(path);
    if (file.exists() && !file.remove()) {
        return fail(
                error,
                QStringLiteral("Cannot replace the private key file %1: %2").arg(path, file.errorString()));
    }
    const QFile::Permissions ownerOnly = QFile::ReadOwner | QFile::WriteOwner;
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, ownerOnly) || !file.setPermissions(ownerOnly)) {
        return fail(
                error,
                QStringLiteral("Cannot create the private key file %1: %2").arg(path, file.errorString()));
    }
    if (file.write(pem) != pem.size() || !file.flush()) {
        const QString reason = file.errorString();
        file.close();
        file.remove();
        return fail(error, QStringLiteral("Cannot write the private key file %1: %2").arg(path, reason));
    }
    return true;
}

bool writeCertificateFile(const QString &path, const QByteArray &pem, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(pem) != pem.size() || !file.commit()) {
        return fail(error,
                    QStringLiteral("Cannot write the certificate file %1: %2").arg(path, file.errorString()));
    }
    return true;
}

bool writePemFiles(X509 *certificate, EVP_PKEY *key, const QString &certPath, const QString &keyPath,
                   QString *error)
{
    BioPtr certBio(BIO_new(BIO_s_mem()));
    // Secure memory BIO: the buffer holding the private key is wiped when it is freed.
    BioPtr keyBio(BIO_new(BIO_s_secmem()));
    if (!certBio || !keyBio || PEM_write_bio_X509(certBio.get(), certificate) != 1
        || PEM_write_bio_PKCS8PrivateKey(keyBio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) != 1) {
        return fail(error, failure(QStringLiteral("Cannot encode the certificate and key as PEM")));
    }
    QByteArray keyPem = bioContents(keyBio.get());
    const bool keyWritten = writeKeyFile(keyPath, keyPem, error);
    OPENSSL_cleanse(keyPem.data(), keyPem.size());
    if (!keyWritten)
        return false;
    if (!writeCertificateFile(certPath, bioContents(certBio.get()), error)) {
        // Without its certificate the new key is useless, and the old certificate no longer
        // matches: leave no half identity behind.
        QFile::remove(keyPath);
        return false;
    }
    return true;
}

QByteArray readFile(const QString &path, const QString &what, QString *error)
{
    if (!QFileInfo::exists(path)) {
        fail(error, QStringLiteral("The %1 file %2 does not exist").arg(what, path));
        return {};
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        fail(error, QStringLiteral("Cannot read the %1 file %2: %3").arg(what, path, file.errorString()));
        return {};
    }
    QByteArray data = file.readAll();
    if (data.isEmpty())
        fail(error, QStringLiteral("The %1 file %2 is empty").arg(what, path));
    return data;
}

// QSslKey cannot derive the public half of a private key, so the pair is checked with libcrypto.
bool keyMatchesCertificate(const QSslCertificate &certificate, const QByteArray &keyPem)
{
    const QByteArray der = certificate.toDer();
    const auto *derData = reinterpret_cast<const unsigned char *>(der.constData());
    X509Ptr x509(d2i_X509(nullptr, &derData, der.size()));
    BioPtr keyBio(BIO_new_mem_buf(keyPem.constData(), int(keyPem.size())));
    if (!x509 || !keyBio)
        return false;
    EvpPkeyPtr key(PEM_read_bio_PrivateKey(keyBio.get(), nullptr, refusePassphrase, nullptr));
    const EVP_PKEY *certificateKey = X509_get0_pubkey(x509.get());
    return key && certificateKey && EVP_PKEY_eq(certificateKey, key.get()) == 1;
}

} // namespace

TlsIdentity::TlsIdentity(const QSslCertificate &certificate, const QSslKey &privateKey)
    : m_certificate(certificate)
    , m_privateKey(privateKey)
{
}

bool TlsIdentity::generate(const QString &certPath, const QString &keyPath, const QStringList &hostNames,
                           QString *error)
{
    ERR_clear_error();
    EvpPkeyPtr key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
    if (!key)
        return fail(error, failure(QStringLiteral("Cannot generate an EC P-256 key")));
    const X509Ptr certificate = makeCertificate(key.get(), hostNames, error);
    if (!certificate)
        return false;
    return writePemFiles(certificate.get(), key.get(), certPath, keyPath, error);
}

std::optional<TlsIdentity> TlsIdentity::load(const QString &certPath, const QString &keyPath, QString *error)
{
    const QByteArray certPem = readFile(certPath, QStringLiteral("certificate"), error);
    if (certPem.isEmpty())
        return std::nullopt;
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(certPem, QSsl::Pem);
    if (certificates.isEmpty() || certificates.first().isNull()) {
        fail(error, QStringLiteral("The file %1 does not contain a PEM certificate").arg(certPath));
        return std::nullopt;
    }
    QByteArray keyPem = readFile(keyPath, QStringLiteral("private key"), error);
    if (keyPem.isEmpty())
        return std::nullopt;
    const QSslKey key(keyPem, QSsl::Ec, QSsl::Pem, QSsl::PrivateKey);
    const bool matches = !key.isNull() && keyMatchesCertificate(certificates.first(), keyPem);
    OPENSSL_cleanse(keyPem.data(), keyPem.size());
    ERR_clear_error();
    if (key.isNull()) {
        fail(error,
             QStringLiteral("The file %1 does not contain an unencrypted PEM EC private key").arg(keyPath));
        return std::nullopt;
    }
    if (!matches) {
        fail(error,
             QStringLiteral("The private key %1 does not match the certificate %2").arg(keyPath, certPath));
        return std::nullopt;
    }
    return TlsIdentity(certificates.first(), key);
}

QString TlsIdentity::formatFingerprint(const QByteArray &digest)
{
    return QString::fromLatin1(digest.toHex(':').toUpper());
}

QSslConfiguration TlsIdentity::serverConfiguration() const
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificate(m_certificate);
    configuration.setPrivateKey(m_privateKey);
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    // Clients authenticate with their credentials inside the session, not with certificates.
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    return configuration;
}

QSslCertificate TlsIdentity::certificate() const
{
    return m_certificate;
}

QByteArray TlsIdentity::sha256Fingerprint() const
{
    return m_certificate.digest(QCryptographicHash::Sha256);
}

QString TlsIdentity::fingerprintText() const
{
    return formatFingerprint(sha256Fingerprint());
}

} // namespace vigil
