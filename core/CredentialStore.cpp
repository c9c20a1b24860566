#include "CredentialStore.h"

#include "SecureMemory.h"

#include <QLoggingCategory>
#include <QTimer>

#include <qt6keychain/keychain.h>

namespace vigil {

Q_LOGGING_CATEGORY(lcKeychain, "vigil.core.keychain")

namespace {
// A secret service that is still starting (login session, D-Bus activation) gets one more chance.
constexpr int kRetryDelayMs = 500;
constexpr int kMaxAttempts = 2;

template <typename Job>
Job *prepareJob(const QString &service, const QString &account)
{
    // No parent: QtKeychain 0.13 crashes when a running job's parent is destroyed under it.
    // Auto-delete frees the job, and the connections below die with the store.
    auto *job = new Job(service);
    job->setAutoDelete(true);
    // Only ever affects the KWallet path, where it would write the secret to a plain file.
    job->setInsecureFallback(false);
    job->setKey(account);
    return job;
}
} // namespace

CredentialStore::CredentialStore(QString service, QObject *parent)
    : QObject(parent)
    , m_service(std::move(service))
{
}

void CredentialStore::store(const QString &account, const QByteArray &secret)
{
    if (m_memoryOnly) {
        m_memory.insert(account, secret);
        // Queued, so that every signal arrives after the call returns, as with a keychain job.
        QMetaObject::invokeMethod(
                this, [this] { emit stored(false); }, Qt::QueuedConnection);
        return;
    }
    startWrite(account, secret, 1);
}

void CredentialStore::load(const QString &account)
{
    if (m_memoryOnly) {
        const bool found = m_memory.contains(account);
        const QByteArray secret = m_memory.value(account);
        QMetaObject::invokeMethod(
                this, [this, secret, found] { emit loaded(secret, found); }, Qt::QueuedConnection);
        return;
    }
    startRead(account, 1);
}

void CredentialStore::remove(const QString &account)
{
    if (auto it = m_memory.find(account); it != m_memory.end()) {
        SecureMemory::wipe(it.value());
        m_memory.erase(it);
    }
    if (m_memoryOnly) {
        QMetaObject::invokeMethod(
                this, [this] { emit removed(); }, Qt::QueuedConnection);
        return;
    }
    startDelete(account, 1);
}

void CredentialStore::startWrite(const QString &account, const QByteArray &secret, int attempt)
{
    auto *job = prepareJob<QKeychain::WritePasswordJob>(m_service, account);
    job->setBinaryData(secret);
    connect(job, &QKeychain::Job::finished, this, [this, account, secret, attempt](QKeychain::Job *done) {
        if (done->error() == QKeychain::NoError) {
            qCDebug(lcKeychain) << "stored the secret of" << account << "in the keychain";
            emit stored(true);
            return;
        }
        qCWarning(lcKeychain) << "keychain write failed, attempt" << attempt << ':' << done->errorString();
        if (attempt < kMaxAttempts && !m_memoryOnly) {
            QTimer::singleShot(kRetryDelayMs, this, [this, account, secret, attempt] {
                startWrite(account, secret, attempt + 1);
            });
            return;
        }
        m_memory.insert(account, secret);
        becomeMemoryOnly();
        emit stored(false);
    });
    job->start();
}

void CredentialStore::startRead(const QString &account, int attempt)
{
    auto *job = prepareJob<QKeychain::ReadPasswordJob>(m_service, account);
    connect(job, &QKeychain::Job::finished, this, [this, account, attempt](QKeychain::Job *done) {
        if (done->error() == QKeychain::NoError) {
            QByteArray secret = static_cast<QKeychain::ReadPasswordJob *>(done)->binaryData();
            emit loaded(secret, true);
            SecureMemory::wipe(secret);
            return;
        }
        if (done->error() == QKeychain::EntryNotFound) {
            emit loaded({}, false);
            return;
        }
        qCWarning(lcKeychain) << "keychain read failed, attempt" << attempt << ':' << done->errorString();
        if (attempt < kMaxAttempts && !m_memoryOnly) {
            QTimer::singleShot(kRetryDelayMs, this,
                               [this, account, attempt] { startRead(account, attempt + 1); });
            return;
        }
        becomeMemoryOnly();
        emit loaded(m_memory.value(account), m_memory.contains(account));
    });
    job->start();
}

void CredentialStore::startDelete(const QString &account, int attempt)
{
    auto *job = prepareJob<QKeychain::DeletePasswordJob>(m_service, account);
    connect(job, &QKeychain::Job::finished, this, [this, account, attempt](QKeychain::Job *done) {
        if (done->error() == QKeychain::NoError || done->error() == QKeychain::EntryNotFound) {
            emit removed();
            return;
        }
        qCWarning(lcKeychain) << "keychain delete failed, attempt" << attempt << ':' << done->errorString();
        if (attempt < kMaxAttempts && !m_memoryOnly) {
            QTimer::singleShot(kRetryDelayMs, this,
                               [this, account, attempt] { startDelete(account, attempt + 1); });
            return;
        }
        becomeMemoryOnly();
        emit removed();
    });
    job->start();
}

void CredentialStore::becomeMemoryOnly()
{
    if (m_memoryOnly)
        return;
    m_memoryOnly = true;
    qCWarning(lcKeychain) << "no usable keychain: the session token is kept in memory only";
    emit memoryOnlyChanged(true);
}

} // namespace vigil
