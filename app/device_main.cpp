// vigil-device: a stand-in for the user's phone in device approval. It holds an Ed25519 key,
// lists the challenges waiting for it and signs an approval (with the number the caller heard
// from the agent) or a denial. Exit codes: 0 ok, 1 failed, 2 usage error.
#include "DeviceResponder.h"
#include "SigningKey.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSslConfiguration>
#include <QTextStream>
#include <QTimer>
#include <QUrl>

namespace {

constexpr int kOk = 0;
constexpr int kFailed = 1;
constexpr int kUsage = 2;
constexpr int kTimeoutMs = 30000;

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

struct Reply
{
    int status = 0; // 0: no HTTP answer
    QJsonObject json;
    QString error;
};

// One HTTPS exchange, pinned to the SHA-256 fingerprint of the server certificate. A CLI, so
// waiting on a local event loop here is fine.
Reply exchange(QNetworkAccessManager &network, const QUrl &url, const QByteArray &pin,
               const QByteArray &method, const QJsonObject &body = {})
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setCaCertificates({}); // trust comes from the pin alone
    ssl.setProtocol(QSsl::TlsV1_2OrLater);
    request.setSslConfiguration(ssl);
    QNetworkReply *reply = method == "GET"
            ? network.get(request)
            : network.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    QString pinProblem;
    auto pinMatches = [reply, &pin] {
        return reply->sslConfiguration().peerCertificate().digest(QCryptographicHash::Sha256) == pin;
    };
    QObject::connect(reply, &QNetworkReply::sslErrors, reply, [&](const QList<QSslError> &errors) {
        if (!pinMatches()) {
            pinProblem = QStringLiteral("the server certificate does not match --pin");
            return;
        }
        for (const QSslError &e : errors) {
            switch (e.error()) {
            case QSslError::SelfSignedCertificate:
            case QSslError::SelfSignedCertificateInChain:
            case QSslError::HostNameMismatch:
            case QSslError::UnableToGetLocalIssuerCertificate:
            case QSslError::UnableToVerifyFirstCertificate:
            case QSslError::CertificateUntrusted:
                break;
            default:
                pinProblem = QStringLiteral("TLS error: %1").arg(e.errorString());
                return;
            }
        }
        reply->ignoreSslErrors(errors);
    });
    QObject::connect(reply, &QNetworkReply::encrypted, reply, [&] {
        if (!pinMatches()) {
            pinProblem = QStringLiteral("the server certificate does not match --pin");
            reply->abort();
        }
    });
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(kTimeoutMs, &loop, [reply] { reply->abort(); });
    loop.exec();

    Reply result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray bytes = reply->readAll();
    result.json = QJsonDocument::fromJson(bytes).object();
    if (!pinProblem.isEmpty())
        result.error = pinProblem;
    else if (result.status == 0)
        result.error = reply->errorString();
    else if (result.status >= 300)
        result.error = QStringLiteral("HTTP %1 %2: %3")
                               .arg(result.status)
                               .arg(result.json.value(QStringLiteral("error")).toString(),
                                    result.json.value(QStringLiteral("message")).toString());
    if (!pinProblem.isEmpty())
        result.status = 0;
    reply->deleteLater();
    return result;
}

QByteArray parsePin(const QString &text)
{
    QString hex = text.trimmed();
    hex.remove(QLatin1Char(':'));
    const QByteArray pin = QByteArray::fromHex(hex.toLatin1());
    return pin.size() == 32 && hex.size() == 64 ? pin : QByteArray();
}

int init(QCommandLineParser &parser, const QCommandLineOption &key)
{
    if (parser.value(key).isEmpty()) {
        err() << "vigil-device init: --key FILE is required\n" << Qt::flush;
        return kUsage;
    }
    QString error;
    const auto generated = vigil::SigningKey::generate();
    if (!generated.saveToFile(parser.value(key), &error)) {
        err() << "vigil-device: " << error << "\n" << Qt::flush;
        return kFailed;
    }
    out() << QString::fromLatin1(generated.publicKey().toBase64()) << "\n" << Qt::flush;
    return kOk;
}

// The device's pending challenges, or nullopt after printing why not.
std::optional<QJsonArray> fetchPending(QNetworkAccessManager &network, const QUrl &server,
                                       const QByteArray &pin, const QString &device)
{
    QUrl url = server;
    url.setPath(QStringLiteral("/v1/devices/%1/challenges")
                        .arg(QString::fromLatin1(QUrl::toPercentEncoding(device))));
    const Reply reply = exchange(network, url, pin, "GET");
    if (reply.status != 200) {
        err() << "vigil-device: cannot list challenges: " << reply.error << "\n" << Qt::flush;
        return std::nullopt;
    }
    return reply.json.value(QStringLiteral("challenges")).toArray();
}

int respond(QNetworkAccessManager &network, const QUrl &server, const QByteArray &pin, const QString &device,
            const QString &keyPath, const QString &challengeId, bool approve, const QString &number)
{
    QString error;
    auto key = vigil::SigningKey::loadFromFile(keyPath, &error);
    if (!key) {
        err() << "vigil-device: " << error << "\n" << Qt::flush;
        return kFailed;
    }
    const auto challenges = fetchPending(network, server, pin, device);
    if (!challenges)
        return kFailed;
    QString nonce;
    for (const auto &value : *challenges) {
        if (value.toObject().value(QStringLiteral("id")).toString() == challengeId)
            nonce = value.toObject().value(QStringLiteral("nonce")).toString();
    }
    if (nonce.isEmpty()) {
        err() << "vigil-device: challenge " << challengeId
              << " is not pending for this device (answered, expired or unknown)\n"
              << Qt::flush;
        return kFailed;
    }
    const vigil::DeviceResponder responder(*key);
    QUrl url = server;
    url.setPath(QStringLiteral("/v1/device-challenges/%1/response")
                        .arg(QString::fromLatin1(QUrl::toPercentEncoding(challengeId))));
    const Reply reply = exchange(network, url, pin, "POST",
                                 responder.response(device, challengeId, nonce, approve, number));
    if (reply.status != 200) {
        err() << "vigil-device: the server refused the response: " << reply.error << "\n" << Qt::flush;
        return kFailed;
    }
    const QString result = reply.json.value(QStringLiteral("result")).toString();
    out() << result << "\n" << Qt::flush;
    if (approve && result != QLatin1String("approved")) {
        err() << "vigil-device: the approval was not accepted (was the number right?)\n" << Qt::flush;
        return kFailed;
    }
    return kOk;
}

} // namespace

#if defined(__SANITIZE_ADDRESS__)
// Sanitizer builds only. QNetworkAccessManager's HTTP thread (a detached QThread) can still be
// running OpenSSL's per-thread clean-up when main() returns and exit() runs OPENSSL_cleanup, so
// LeakSanitizer sometimes reports that thread's random generators. The frames that name them lie
// inside libcrypto, which has no frame pointers: full unwinding (cheap for a CLI making two requests)
// lets tests/sanitizers/lsan.supp match them by name rather than everything libcrypto allocates.
extern "C" const char *__asan_default_options()
{
    return "fast_unwind_on_malloc=0";
}
#endif

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("vigil-device"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VIGIL_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
            QStringLiteral("Approve or deny Vigil device challenges.\n\n"
                           "  init --key FILE\n"
                           "  pending --server URL --pin FINGERPRINT --device ID\n"
                           "  respond --server URL --pin FINGERPRINT --device ID --key FILE --challenge ID\n"
                           "          (--approve --number NN | --deny)"));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("init, pending or respond"));
    const QCommandLineOption key(QStringLiteral("key"), QStringLiteral("The device key file."),
                                 QStringLiteral("FILE"));
    const QCommandLineOption server(QStringLiteral("server"), QStringLiteral("https://host:port"),
                                    QStringLiteral("URL"));
    const QCommandLineOption pinOption(QStringLiteral("pin"),
                                       QStringLiteral("SHA-256 fingerprint of the server certificate (hex)."),
                                       QStringLiteral("FINGERPRINT"));
    const QCommandLineOption device(QStringLiteral("device"), QStringLiteral("This device's id."),
                                    QStringLiteral("ID"));
    const QCommandLineOption challenge(QStringLiteral("challenge"), QStringLiteral("The challenge id."),
                                       QStringLiteral("ID"));
    const QCommandLineOption approve(QStringLiteral("approve"), QStringLiteral("Approve the challenge."));
    const QCommandLineOption deny(QStringLiteral("deny"), QStringLiteral("Deny the challenge."));
    const QCommandLineOption number(QStringLiteral("number"),
                                    QStringLiteral("The two-digit number the agent read to you."),
                                    QStringLiteral("NN"));
    parser.addOptions({key, server, pinOption, device, challenge, approve, deny, number});
    if (!parser.parse(QCoreApplication::arguments())) {
        err() << "vigil-device: " << parser.errorText() << "\n" << Qt::flush;
        return kUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText() << Qt::flush;
        return kOk;
    }
    const QString command = parser.positionalArguments().value(0);
    if (parser.positionalArguments().size() != 1) {
        err() << "vigil-device: give one command: init, pending or respond (see --help)\n" << Qt::flush;
        return kUsage;
    }
    if (command == QLatin1String("init"))
        return init(parser, key);
    if (command != QLatin1String("pending") && command != QLatin1String("respond")) {
        err() << "vigil-device: unknown command \"" << command << "\" (see --help)\n" << Qt::flush;
        return kUsage;
    }

    const QUrl serverUrl(parser.value(server));
    const QByteArray pin = parsePin(parser.value(pinOption));
    if (!serverUrl.isValid() || serverUrl.scheme() != QLatin1String("https") || pin.isEmpty()
        || parser.value(device).isEmpty()) {
        err() << "vigil-device: --server https://HOST:PORT, --pin (64 hex digits) and --device ID are "
                 "required\n"
              << Qt::flush;
        return kUsage;
    }
    QNetworkAccessManager network;
    if (command == QLatin1String("pending")) {
        const auto challenges = fetchPending(network, serverUrl, pin, parser.value(device));
        if (!challenges)
            return kFailed;
        if (challenges->isEmpty())
            out() << "No pending challenges.\n";
        for (const auto &value : *challenges) {
            const QJsonObject c = value.toObject();
            out() << c.value(QStringLiteral("id")).toString() << "\t"
                  << c.value(QStringLiteral("agent")).toString() << "\texpires "
                  << c.value(QStringLiteral("expires_at")).toString() << "\n";
        }
        out() << Qt::flush;
        return kOk;
    }

    const bool approving = parser.isSet(approve);
    const QString numberText = parser.value(number).trimmed();
    static const QRegularExpression twoDigits(QStringLiteral("^[1-9][0-9]$"));
    if (parser.value(key).isEmpty() || parser.value(challenge).isEmpty() || approving == parser.isSet(deny)
        || (approving && !twoDigits.match(numberText).hasMatch()) || (!approving && parser.isSet(number))) {
        err() << "vigil-device respond: needs --key FILE --challenge ID and either --approve --number NN "
                 "(two digits) or --deny\n"
              << Qt::flush;
        return kUsage;
    }
    return respond(network, serverUrl, pin, parser.value(device), parser.value(key), parser.value(challenge),
                   approving, numberText);
}
