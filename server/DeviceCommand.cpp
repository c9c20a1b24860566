#include "DeviceCommand.h"

#include "CommandSupport.h"
#include "DeviceApi.h"
#include "ServerContext.h"

namespace vigil {

using namespace CommandSupport;

int DeviceCommand::run(const QStringList &arguments)
{
    const QString action = arguments.value(1);
    if (action != QLatin1String("enroll")) {
        err() << "usage: vigil-server device enroll --data DIR --profile ID --public-key BASE64 --name NAME\n"
              << Qt::flush;
        return action == QLatin1String("--help") ? kOk : kUsage;
    }
    QCommandLineParser parser;
    const QCommandLineOption profileOption(QStringLiteral("profile"), QStringLiteral("The profile's id."),
                                           QStringLiteral("ID"));
    const QCommandLineOption keyOption(QStringLiteral("public-key"),
                                       QStringLiteral("The device's Ed25519 public key (base64), as "
                                                      "`vigil-device init` prints it."),
                                       QStringLiteral("BASE64"));
    const QCommandLineOption nameOption(QStringLiteral("name"), QStringLiteral("A name the agent sees."),
                                        QStringLiteral("NAME"));
    parser.addOptions({profileOption, keyOption, nameOption});
    if (int code =
                parse(parser, QStringList{arguments.value(0) + QStringLiteral(" enroll")} + arguments.mid(2),
                      QStringLiteral("Enroll a user's device for signed approvals; prints its id."));
        code >= 0)
        return code;
    bool ok = false;
    const qint64 profileId = parser.value(profileOption).toLongLong(&ok);
    const QByteArray publicKey = QByteArray::fromBase64(parser.value(keyOption).toLatin1(),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    if (!ok || profileId <= 0 || parser.value(keyOption).isEmpty() || parser.value(nameOption).isEmpty()) {
        err() << "--profile ID, --public-key BASE64 and --name NAME are required\n" << Qt::flush;
        return kUsage;
    }
    auto context = openContext(parser.value(QStringLiteral("data")));
    if (!context)
        return kFailed;
    WriteTransaction tx(context->database());
    QString error;
    std::optional<QString> id;
    if (tx.isActive())
        id = DeviceApi::enroll(tx.db(), profileId, publicKey, parser.value(nameOption), &error);
    if (!id
        || !context->audit(tx.db(),
                           {QStringLiteral("DEVICE_ENROLLED"),
                            QStringLiteral("system:cli"),
                            QString::number(profileId),
                            {},
                            QStringLiteral("ok"),
                            {{QStringLiteral("device"), *id},
                             {QStringLiteral("name"), parser.value(nameOption).trimmed()}}})
        || !tx.commit()) {
        err() << "vigil-server: "
              << (error.isEmpty() ? QStringLiteral("the database refused the enrollment") : error) << "\n"
              << Qt::flush;
        return kFailed;
    }
    out() << "Device enrolled: " << *id << "\n" << Qt::flush;
    return kOk;
}

} // namespace vigil
