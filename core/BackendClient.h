#pragma once

#include "ApiModels.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QSslError>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace vigil {

// One reply of one call. Emits finished() exactly once (also on error, timeout or abort), then
// deletes itself later (deleteLater after finished), so callers connect and forget.
class BackendReply : public QObject
{
    Q_OBJECT
public:
    enum class Error {
        None,
        Network, // unreachable, refused, reset
        Timeout,
        CertificateUnknown, // no pin for this server yet: ask the user (trust on first use)
        CertificateMismatch, // the server's certificate is not the pinned one: refused
        Tls, // other TLS failure
        Http, // the server answered with an error status (see errorCode())
        Malformed, // the reply was not the JSON it should be
        Aborted,
    };
    Q_ENUM(Error)

    Error error() const { return m_error; }
    bool ok() const { return m_error == Error::None; }
    int httpStatus() const { return m_status; }
    QString errorCode() const { return m_errorCode; } // the API's "error" field, e.g. "profile_locked"
    // A sentence for the user, already translated (tr()).
    QString message() const { return m_message; }
    QJsonObject json() const { return m_json; }
    // For CertificateUnknown / CertificateMismatch: the SHA-256 of the presented certificate.
    QByteArray presentedFingerprint() const { return m_presentedFingerprint; }
    QSslCertificate presentedCertificate() const { return m_presentedCertificate; }

    void abort();

signals:
    void finished();

private:
    friend class BackendClient;
    explicit BackendReply(QObject *parent = nullptr);
    // Records a failure decided before the network reply ends (TLS pin checks); the first one wins.
    void fail(Error error, const QString &message);
    // Emits finished() once and schedules deletion.
    void complete();

    Error m_error = Error::None;
    int m_status = 0;
    QString m_errorCode;
    QString m_message;
    QJsonObject m_json;
    QByteArray m_presentedFingerprint;
    QSslCertificate m_presentedCertificate;
    QPointer<QNetworkReply> m_networkReply;
    bool m_finished = false;
};

// The console's only way to the server: asynchronous (QNetworkAccessManager), never a nested
// event loop, TLS pinned by the SHA-256 fingerprint of the server certificate.
class BackendClient : public QObject
{
    Q_OBJECT
public:
    explicit BackendClient(QObject *parent = nullptr);
    ~BackendClient() override;

    void setServer(const QUrl &baseUrl); // e.g. https://vigil.example:8443
    QUrl server() const { return m_server; }
    // Raw 32-byte SHA-256 of the server certificate (DER); empty means "not pinned yet".
    void setPinnedFingerprint(const QByteArray &sha256);
    QByteArray pinnedFingerprint() const { return m_pin; }
    void setToken(const QByteArray &token);
    QByteArray token() const { return m_token; }
    void setTimeout(int milliseconds);

    BackendReply *health();
    BackendReply *login(const QString &username, const QString &password);
    BackendReply *logout();
    BackendReply *fetchPolicy();
    BackendReply *searchProfiles(const QString &query, int limit = 20);
    BackendReply *startVerification(const QString &profileId);
    // Takes the typed answers (question id → text) and wipes the caller's copies once sent.
    BackendReply *submitAnswers(const QString &verificationId, QHash<QString, QString> &answers);
    BackendReply *profile(const QString &profileId);
    BackendReply *unblock(const QString &profileId);
    BackendReply *audit(const AuditQuery &query);
    BackendReply *verifyAudit();
    // Step-up proof on a passed verification. The code calls wipe the caller's code once sent.
    BackendReply *requestOtp(const QString &verificationId, const QString &channel); // "email", "sms"
    BackendReply *submitOtp(const QString &verificationId, const QString &challengeId, QString &code);
    BackendReply *submitTotp(const QString &verificationId, QString &code);
    BackendReply *requestDeviceApproval(const QString &verificationId);
    BackendReply *deviceApprovalStatus(const QString &verificationId, const QString &challengeId);
    // Actions and escalations. `body`: {"action","verification_id","reason","ticket"[,"value"]}.
    BackendReply *requestAction(const QString &profileId, const QJsonObject &body);
    BackendReply *actions(const QString &scope); // "queue" (supervisors) or "mine"
    BackendReply *action(const QString &actionId);
    BackendReply *approveAction(const QString &actionId, const QString &reason);
    BackendReply *denyAction(const QString &actionId, const QString &reason);
    BackendReply *cancelAction(const QString &actionId);
    // The agent's own TOTP second factor for this session; wipes the caller's code once sent.
    BackendReply *submitSecondFactor(QString &code);
    BackendReply *unfreezeProfile(const QString &profileId);

    static QString formatFingerprint(const QByteArray &sha256); // "AB:CD:…"
    static QByteArray parseFingerprint(const QString &text); // accepts with/without colons; empty if invalid

signals:
    // Any call answered 401 on an authenticated route: the session is gone.
    void sessionExpired();
    // Reachability as seen by the last completed call (Network/Timeout → false; any answer → true).
    void onlineChanged(bool online);

private:
    // `path` may carry an already percent-encoded query ("/v1/profiles?q=…").
    BackendReply *send(const QByteArray &method, const QString &path, const QJsonObject *body,
                       bool authenticated);
    // Sends `body` and wipes it (it may hold a password or typed answers).
    BackendReply *sendBytes(const QByteArray &method, const QString &path, QByteArray &body,
                            bool authenticated);
    void checkPeer(BackendReply *reply, QNetworkReply *networkReply, const QList<QSslError> &errors);
    void handleFinished(BackendReply *reply, QNetworkReply *networkReply, bool authenticated);
    void setOnline(bool online);
    QString statusMessage(int status) const;

    QNetworkAccessManager *m_network = nullptr;
    QUrl m_server;
    QByteArray m_pin;
    QByteArray m_token;
    int m_timeout = 15000;
    bool m_online = true;
};

} // namespace vigil
