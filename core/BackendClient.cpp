#include "BackendClient.h"

#include "SecureMemory.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslConfiguration>
#include <QUrlQuery>

namespace vigil {

Q_LOGGING_CATEGORY(lcClient, "vigil.core.client")

namespace {

// Far above any real answer (1000 audit entries are well under 1 MiB); a server that sends more is
// not the server we want to talk to.
constexpr qint64 kMaxReplyBytes = 16 * 1024 * 1024;

QString pathSegment(const QString &id)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(id));
}

QByteArray sha256Of(const QSslCertificate &certificate)
{
    return certificate.isNull() ? QByteArray() : certificate.digest(QCryptographicHash::Sha256);
}

// With the certificate pinned, these errors only say what we already know: it is self-signed or
// not issued for this host name. Anything else (expired, revoked, bad signature…) still fails.
bool pinExplains(const QList<QSslError> &errors)
{
    for (const QSslError &error : errors) {
        switch (error.error()) {
        case QSslError::SelfSignedCertificate:
        case QSslError::SelfSignedCertificateInChain:
        case QSslError::CertificateUntrusted:
        case QSslError::HostNameMismatch:
        case QSslError::UnableToGetLocalIssuerCertificate:
        case QSslError::UnableToVerifyFirstCertificate:
            break;
        default:
            return false;
        }
    }
    return true;
}

QString firstUnexplained(const QList<QSslError> &errors)
{
    for (const QSslError &error : errors) {
        if (!pinExplains({error}))
            return error.errorString();
    }
    return {};
}

// Connection-level failures (QNetworkReply's codes 1–99), as opposed to HTTP status codes.
bool isTransportError(QNetworkReply::NetworkError error)
{
    return error != QNetworkReply::NoError && error < QNetworkReply::ProxyConnectionRefusedError;
}

bool isTimeout(QNetworkReply::NetworkError error)
{
    // Qt reports a transfer timeout as a cancelled operation; user aborts never get here.
    return error == QNetworkReply::TimeoutError || error == QNetworkReply::OperationCanceledError;
}

} // namespace

BackendReply::BackendReply(QObject *parent)
    : QObject(parent)
{
}

void BackendReply::fail(Error error, const QString &message)
{
    if (m_finished || m_error != Error::None)
        return;
    m_error = error;
    m_message = message;
}

void BackendReply::complete()
{
    if (m_finished)
        return;
    m_finished = true;
    emit finished();
    deleteLater();
}

void BackendReply::abort()
{
    if (m_finished)
        return;
    if (QNetworkReply *networkReply = m_networkReply) {
        networkReply->disconnect(this);
        networkReply->abort();
        networkReply->deleteLater();
    }
    m_networkReply = nullptr;
    m_error = Error::None;
    fail(Error::Aborted, tr("The request was cancelled."));
    complete();
}

BackendClient::BackendClient(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
{
    // Bearer tokens must never follow a redirect to another host.
    m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

BackendClient::~BackendClient()
{
    // Network replies are aborted when the manager goes; nothing may call back into this half-destroyed
    // client, so cut them loose first.
    const auto replies = findChildren<BackendReply *>(Qt::FindDirectChildrenOnly);
    for (BackendReply *reply : replies) {
        if (QNetworkReply *networkReply = reply->m_networkReply)
            networkReply->disconnect(reply);
    }
    delete m_network;
    m_network = nullptr;
}

void BackendClient::setServer(const QUrl &baseUrl)
{
    if (baseUrl == m_server)
        return;
    m_server = baseUrl;
    m_network->clearConnectionCache();
}

void BackendClient::setPinnedFingerprint(const QByteArray &sha256)
{
    if (sha256 == m_pin)
        return;
    m_pin = sha256;
    // A kept-alive connection was accepted under the old pin: never reuse it under the new one.
    m_network->clearConnectionCache();
}

void BackendClient::setToken(const QByteArray &token)
{
    m_token = token;
}

void BackendClient::setTimeout(int milliseconds)
{
    m_timeout = milliseconds;
}

BackendReply *BackendClient::health()
{
    return send("GET", QStringLiteral("/v1/health"), nullptr, false);
}

BackendReply *BackendClient::login(const QString &username, const QString &password)
{
    const QJsonObject body{{QStringLiteral("username"), username}, {QStringLiteral("password"), password}};
    return send("POST", QStringLiteral("/v1/auth/login"), &body, false);
}

BackendReply *BackendClient::logout()
{
    return send("POST", QStringLiteral("/v1/auth/logout"), nullptr, true);
}

BackendReply *BackendClient::fetchPolicy()
{
    return send("GET", QStringLiteral("/v1/policy"), nullptr, true);
}

BackendReply *BackendClient::searchProfiles(const QString &query, int limit)
{
    const QString path = QStringLiteral("/v1/profiles?q=") + pathSegment(query) + QStringLiteral("&limit=")
            + QString::number(limit);
    return send("GET", path, nullptr, true);
}

BackendReply *BackendClient::startVerification(const QString &profileId)
{
    return send("POST", QStringLiteral("/v1/profiles/%1/verifications").arg(pathSegment(profileId)), nullptr,
                true);
}

BackendReply *BackendClient::submitAnswers(const QString &verificationId, QHash<QString, QString> &answers)
{
    QJsonObject typed;
    for (auto it = answers.cbegin(); it != answers.cend(); ++it)
        typed.insert(it.key(), it.value());
    QByteArray body =
            QJsonDocument(QJsonObject{{QStringLiteral("answers"), typed}}).toJson(QJsonDocument::Compact);
    typed = QJsonObject();
    for (auto it = answers.begin(); it != answers.end(); ++it)
        SecureMemory::wipe(it.value());
    answers.clear();
    return sendBytes("POST", QStringLiteral("/v1/verifications/%1/answers").arg(pathSegment(verificationId)),
                     body, true);
}

BackendReply *BackendClient::profile(const QString &profileId)
{
    return send("GET", QStringLiteral("/v1/profiles/%1").arg(pathSegment(profileId)), nullptr, true);
}

BackendReply *BackendClient::unblock(const QString &profileId)
{
    return send("POST", QStringLiteral("/v1/profiles/%1/unblock").arg(pathSegment(profileId)), nullptr, true);
}

BackendReply *BackendClient::audit(const AuditQuery &query)
{
    QStringList items;
    const auto add = [&items](const char *key, const QString &value) {
        if (!value.isEmpty())
            items.append(QLatin1String(key) + QLatin1Char('=') + pathSegment(value));
    };
    add("action", query.action);
    add("profile", query.profile);
    add("agent", query.agent);
    if (query.after)
        add("after", QString::number(*query.after));
    add("limit", QString::number(query.limit));
    return send("GET", QStringLiteral("/v1/audit?") + items.join(QLatin1Char('&')), nullptr, true);
}

BackendReply *BackendClient::verifyAudit()
{
    return send("GET", QStringLiteral("/v1/audit/verify"), nullptr, true);
}

BackendReply *BackendClient::requestOtp(const QString &verificationId, const QString &channel)
{
    const QJsonObject body{{QStringLiteral("channel"), channel}};
    return send("POST", QStringLiteral("/v1/verifications/%1/otp").arg(pathSegment(verificationId)), &body,
                true);
}

BackendReply *BackendClient::submitOtp(const QString &verificationId, const QString &challengeId,
                                       QString &code)
{
    QByteArray body =
            QJsonDocument(QJsonObject{{QStringLiteral("code"), code}}).toJson(QJsonDocument::Compact);
    SecureMemory::wipe(code);
    return sendBytes("POST",
                     QStringLiteral("/v1/verifications/%1/otp/%2")
                             .arg(pathSegment(verificationId), pathSegment(challengeId)),
                     body, true);
}

BackendReply *BackendClient::submitTotp(const QString &verificationId, QString &code)
{
    QByteArray body =
            QJsonDocument(QJsonObject{{QStringLiteral("code"), code}}).toJson(QJsonDocument::Compact);
    SecureMemory::wipe(code);
    return sendBytes("POST", QStringLiteral("/v1/verifications/%1/totp").arg(pathSegment(verificationId)),
                     body, true);
}

BackendReply *BackendClient::requestDeviceApproval(const QString &verificationId)
{
    return send("POST", QStringLiteral("/v1/verifications/%1/device").arg(pathSegment(verificationId)),
                nullptr, true);
}

BackendReply *BackendClient::deviceApprovalStatus(const QString &verificationId, const QString &challengeId)
{
    return send("GET",
                QStringLiteral("/v1/verifications/%1/device/%2")
                        .arg(pathSegment(verificationId), pathSegment(challengeId)),
                nullptr, true);
}

BackendReply *BackendClient::requestAction(const QString &profileId, const QJsonObject &body)
{
    return send("POST", QStringLiteral("/v1/profiles/%1/actions").arg(pathSegment(profileId)), &body, true);
}

BackendReply *BackendClient::actions(const QString &scope)
{
    return send("GET", QStringLiteral("/v1/actions?scope=") + pathSegment(scope), nullptr, true);
}

BackendReply *BackendClient::action(const QString &actionId)
{
    return send("GET", QStringLiteral("/v1/actions/%1").arg(pathSegment(actionId)), nullptr, true);
}

BackendReply *BackendClient::approveAction(const QString &actionId, const QString &reason)
{
    const QJsonObject body{{QStringLiteral("reason"), reason}};
    return send("POST", QStringLiteral("/v1/actions/%1/approve").arg(pathSegment(actionId)), &body, true);
}

BackendReply *BackendClient::denyAction(const QString &actionId, const QString &reason)
{
    const QJsonObject body{{QStringLiteral("reason"), reason}};
    return send("POST", QStringLiteral("/v1/actions/%1/deny").arg(pathSegment(actionId)), &body, true);
}

BackendReply *BackendClient::cancelAction(const QString &actionId)
{
    return send("POST", QStringLiteral("/v1/actions/%1/cancel").arg(pathSegment(actionId)), nullptr, true);
}

BackendReply *BackendClient::submitSecondFactor(QString &code)
{
    QByteArray body =
            QJsonDocument(QJsonObject{{QStringLiteral("code"), code}}).toJson(QJsonDocument::Compact);
    SecureMemory::wipe(code);
    return sendBytes("POST", QStringLiteral("/v1/auth/second-factor"), body, true);
}

BackendReply *BackendClient::unfreezeProfile(const QString &profileId)
{
    return send("POST", QStringLiteral("/v1/profiles/%1/unfreeze").arg(pathSegment(profileId)), nullptr,
                true);
}

QString BackendClient::formatFingerprint(const QByteArray &sha256)
{
    return QString::fromLatin1(sha256.toHex(':').toUpper());
}

QByteArray BackendClient::parseFingerprint(const QString &text)
{
    QByteArray hex;
    for (const QChar c : text) {
        if (c == QLatin1Char(':') || c.isSpace())
            continue;
        const char16_t u = c.unicode();
        if (!((u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'f') || (u >= u'A' && u <= u'F')))
            return {};
        hex.append(char(c.unicode()));
    }
    if (hex.size() != 64)
        return {};
    return QByteArray::fromHex(hex);
}

BackendReply *BackendClient::send(const QByteArray &method, const QString &path, const QJsonObject *body,
                                  bool authenticated)
{
    QByteArray bytes = body ? QJsonDocument(*body).toJson(QJsonDocument::Compact) : QByteArray();
    return sendBytes(method, path, bytes, authenticated);
}

BackendReply *BackendClient::sendBytes(const QByteArray &method, const QString &path, QByteArray &body,
                                       bool authenticated)
{
    auto *reply = new BackendReply(this);
    const qsizetype queryStart = path.indexOf(QLatin1Char('?'));
    const QString routePath = path.left(queryStart);

    if (!m_server.isValid() || m_server.scheme() != QLatin1String("https") || m_server.host().isEmpty()) {
        SecureMemory::wipe(body);
        reply->fail(BackendReply::Error::Network,
                    tr("The server address \u201c%1\u201d is not a valid https:// address.")
                            .arg(m_server.toDisplayString()));
        QMetaObject::invokeMethod(reply, &BackendReply::complete, Qt::QueuedConnection);
        return reply;
    }

    QUrl url = m_server;
    QString basePath = m_server.path(QUrl::FullyEncoded);
    while (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    url.setPath(basePath + routePath, QUrl::TolerantMode);
    url.setQuery(queryStart >= 0 ? path.mid(queryStart + 1) : QString(), QUrl::TolerantMode);
    url.setFragment(QString());
    url.setUserInfo(QString());

    QNetworkRequest request(url);
    request.setTransferTimeout(m_timeout);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    request.setRawHeader("Accept", "application/json");
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (authenticated && !m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token);
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setProtocol(QSsl::TlsV1_2OrLater);
    // Trust comes from the pin alone: without CA certificates every certificate, even a CA-issued one,
    // goes through sslErrors, where the pin decides before any request byte is sent.
    ssl.setCaCertificates({});
    request.setSslConfiguration(ssl);

    QNetworkReply *networkReply =
            method == "GET" ? m_network->get(request) : m_network->sendCustomRequest(request, method, body);
    // QNAM keeps its own copy of the body; ours (which may hold a password or typed answers) goes now.
    SecureMemory::wipe(body);
    reply->m_networkReply = networkReply;
    qCDebug(lcClient).noquote() << method << routePath;

    connect(networkReply, &QNetworkReply::sslErrors, reply,
            [this, reply, networkReply](const QList<QSslError> &errors) {
                checkPeer(reply, networkReply, errors);
            });
    connect(networkReply, &QNetworkReply::encrypted, reply,
            [this, reply, networkReply] { checkPeer(reply, networkReply, {}); });
    connect(networkReply, &QNetworkReply::downloadProgress, reply,
            [reply, networkReply](qint64 received, qint64) {
                if (received > kMaxReplyBytes) {
                    reply->fail(BackendReply::Error::Malformed, tr("The server's reply is too large."));
                    networkReply->abort();
                }
            });
    connect(networkReply, &QNetworkReply::finished, reply, [this, reply, networkReply, authenticated] {
        handleFinished(reply, networkReply, authenticated);
    });
    return reply;
}

void BackendClient::checkPeer(BackendReply *reply, QNetworkReply *networkReply,
                              const QList<QSslError> &errors)
{
    if (reply->m_error != BackendReply::Error::None)
        return;
    QSslCertificate peer = networkReply->sslConfiguration().peerCertificate();
    if (peer.isNull()) {
        for (const QSslError &error : errors) {
            if (!error.certificate().isNull()) {
                peer = error.certificate();
                break;
            }
        }
    }
    const QByteArray presented = sha256Of(peer);
    // Errors that are not ignored make the handshake fail, so no request byte leaves; after a handshake
    // without errors (encrypted()) the reply has to be aborted instead.
    const bool handshakeDone = errors.isEmpty();
    if (m_pin.isEmpty() || presented != m_pin) {
        reply->m_presentedFingerprint = presented;
        reply->m_presentedCertificate = peer;
        if (m_pin.isEmpty()) {
            qCInfo(lcClient) << "the server presented an unpinned certificate"
                             << formatFingerprint(presented);
            reply->fail(BackendReply::Error::CertificateUnknown,
                        tr("The server presented a certificate this console has not seen before (SHA-256 "
                           "fingerprint %1). Compare it with the fingerprint your IT department gave you "
                           "before you trust it.")
                                .arg(formatFingerprint(presented)));
        } else {
            qCWarning(lcClient) << "the server certificate" << formatFingerprint(presented)
                                << "does not match the pinned" << formatFingerprint(m_pin);
            reply->fail(BackendReply::Error::CertificateMismatch,
                        tr("The server's certificate does not match the one this console trusts, so the "
                           "connection was refused. Someone may be intercepting it; tell your IT "
                           "department."));
        }
        if (handshakeDone)
            networkReply->abort();
        return;
    }
    if (handshakeDone)
        return;
    if (!pinExplains(errors)) {
        const QString problem = firstUnexplained(errors);
        qCWarning(lcClient) << "TLS error on the pinned certificate:" << problem;
        reply->fail(BackendReply::Error::Tls,
                    tr("A secure connection to the server could not be established: %1").arg(problem));
        return;
    }
    networkReply->ignoreSslErrors(errors);
}

void BackendClient::handleFinished(BackendReply *reply, QNetworkReply *networkReply, bool authenticated)
{
    reply->m_networkReply = nullptr;
    networkReply->deleteLater();
    if (reply->m_finished)
        return;
    using Error = BackendReply::Error;
    const QNetworkReply::NetworkError netError = networkReply->error();
    const int status = networkReply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();

    // Defence in depth: whatever connection carried this, its certificate must be the pinned one.
    if (reply->m_error == Error::None && status > 0) {
        const QSslCertificate peer = networkReply->sslConfiguration().peerCertificate();
        if (m_pin.isEmpty() || (!peer.isNull() && sha256Of(peer) != m_pin)) {
            qCWarning(lcClient) << "a reply came over a connection whose certificate is not the pinned one";
            reply->m_presentedFingerprint = sha256Of(peer);
            reply->m_presentedCertificate = peer;
            reply->fail(m_pin.isEmpty() ? Error::CertificateUnknown : Error::CertificateMismatch,
                        tr("The server's certificate does not match the one this console trusts, so its "
                           "reply was ignored."));
        }
    }

    QPointer<BackendClient> self(this);
    if (reply->m_error != Error::None) {
        // Decided earlier (pin checks, size limit): a TLS verdict says nothing about reachability.
        if (reply->m_error == Error::Malformed)
            setOnline(true);
        if (self)
            reply->complete();
        return;
    }

    reply->m_status = status;
    if (status == 0) {
        if (isTimeout(netError)) {
            reply->fail(Error::Timeout,
                        tr("The server did not answer in time. Check the network and try again."));
        } else if (netError == QNetworkReply::SslHandshakeFailedError) {
            reply->fail(Error::Tls,
                        tr("A secure connection to the server could not be established: %1")
                                .arg(networkReply->errorString()));
        } else {
            reply->fail(Error::Network,
                        tr("The Vigil server at %1 cannot be reached: %2")
                                .arg(m_server.toDisplayString(), networkReply->errorString()));
        }
        qCInfo(lcClient) << "request failed:" << reply->m_error << networkReply->errorString();
        if (reply->m_error != Error::Tls)
            setOnline(false);
        if (self) // an onlineChanged handler may have deleted the client, and its replies with it
            reply->complete();
        return;
    }

    setOnline(true);
    if (!self)
        return;
    const QByteArray data = networkReply->readAll();
    qCDebug(lcClient) << "HTTP" << status << data.size() << "bytes";
    if (isTransportError(netError)) {
        if (isTimeout(netError))
            reply->fail(Error::Timeout,
                        tr("The server stopped answering in the middle of its reply. Try again."));
        else
            reply->fail(Error::Malformed, tr("The server's reply was cut off. Try again."));
        reply->complete();
        return;
    }

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    const bool isObject = parseError.error == QJsonParseError::NoError && document.isObject();
    if (isObject)
        reply->m_json = document.object();

    if (status >= 200 && status < 300) {
        if (!isObject && !(status == 204 && data.isEmpty())) {
            qCWarning(lcClient) << "unreadable reply:" << parseError.errorString();
            reply->fail(Error::Malformed,
                        tr("The server sent a reply this console cannot read. Check that the "
                           "server address points to a Vigil server."));
        }
        reply->complete();
        return;
    }

    const QJsonValue code = reply->m_json.value(QStringLiteral("error"));
    const QJsonValue text = reply->m_json.value(QStringLiteral("message"));
    reply->m_errorCode = code.isString() ? code.toString() : QString();
    reply->fail(Error::Http,
                text.isString() && !text.toString().trimmed().isEmpty() ? text.toString()
                                                                        : statusMessage(status));
    qCInfo(lcClient) << "HTTP error" << status << reply->m_errorCode;
    const bool expired = status == 401 && authenticated;
    reply->complete();
    if (expired && self)
        emit sessionExpired();
}

void BackendClient::setOnline(bool online)
{
    if (m_online == online)
        return;
    m_online = online;
    emit onlineChanged(online);
}

QString BackendClient::statusMessage(int status) const
{
    switch (status) {
    case 400:
        return tr("The server refused the request as invalid.");
    case 401:
        return tr("You are not signed in, or your session has ended. Please sign in again.");
    case 403:
        return tr("You are not allowed to do this.");
    case 404:
        return tr("The server could not find what was asked for.");
    case 409:
        return tr("The request conflicts with the current state of the profile.");
    case 410:
        return tr("This verification is no longer open. Start a new one.");
    case 413:
        return tr("The request was too large for the server.");
    case 415:
        return tr("The server did not accept the format of the request.");
    case 423:
        return tr("The profile is locked.");
    case 429:
        return tr("Too many attempts. Wait a few minutes, then try again.");
    case 500:
        return tr("The server ran into an internal error. Nothing was changed.");
    case 503:
        return tr("The server is unavailable at the moment. Nothing was changed.");
    default:
        return tr("The server answered with an error (HTTP %1).").arg(status);
    }
}

} // namespace vigil
