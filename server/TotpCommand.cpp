#include "TotpCommand.h"

#include "CommandSupport.h"
#include "SecureMemory.h"
#include "ServerContext.h"
#include "Totp.h"
#include "TotpApi.h"

#include <QSqlQuery>

namespace vigil {

using namespace CommandSupport;

int TotpCommand::run(const QStringList &arguments)
{
    const QString action = arguments.value(1);
    if (action != QLatin1String("enroll")) {
        err() << "usage: vigil-server totp enroll --data DIR --profile ID\n" << Qt::flush;
        return action == QLatin1String("--help") ? kOk : kUsage;
    }
    QCommandLineParser parser;
    const QCommandLineOption profileOption(QStringLiteral("profile"), QStringLiteral("The profile's id."),
                                           QStringLiteral("ID"));
    parser.addOption(profileOption);
    if (int code =
                parse(parser, QStringList{arguments.value(0) + QStringLiteral(" enroll")} + arguments.mid(2),
                      QStringLiteral("Enroll a TOTP authenticator for a profile; prints the secret once."));
        code >= 0)
        return code;
    bool ok = false;
    const qint64 profileId = parser.value(profileOption).toLongLong(&ok);
    if (!ok || profileId <= 0) {
        err() << "--profile ID is required (a profile id)\n" << Qt::flush;
        return kUsage;
    }
    auto context = openContext(parser.value(QStringLiteral("data")));
    if (!context)
        return kFailed;

    WriteTransaction tx(context->database());
    if (!tx.isActive()) {
        err() << "vigil-server: cannot write to the database\n" << Qt::flush;
        return kFailed;
    }
    QSqlQuery profile(tx.db());
    profile.prepare(QStringLiteral("SELECT username FROM profiles WHERE id = ?"));
    profile.addBindValue(profileId);
    if (!profile.exec()) {
        err() << "vigil-server: cannot read profiles\n" << Qt::flush;
        return kFailed;
    }
    if (!profile.next()) {
        err() << "vigil-server: no profile with id " << profileId << "\n" << Qt::flush;
        return kFailed;
    }
    const QString account = profile.value(0).toString();
    QByteArray secret = TotpApi::enroll(tx.db(), *context, profileId);
    if (secret.isEmpty()
        || !context->audit(tx.db(),
                           {QStringLiteral("TOTP_ENROLLED"),
                            QStringLiteral("system:cli"),
                            QString::number(profileId),
                            {},
                            QStringLiteral("ok"),
                            {}})
        || !tx.commit()) {
        SecureMemory::wipe(secret);
        err() << "vigil-server: the database refused the enrollment; nothing was changed\n" << Qt::flush;
        return kFailed;
    }
    out() << "TOTP enrolled for profile " << profileId << " (shown once; give it to the user now)\n"
          << "Secret (base32): " << Totp::base32Encode(secret) << "\n"
          << "URI: " << Totp::otpauthUri(QStringLiteral("Vigil"), account, secret) << "\n"
          << Qt::flush;
    SecureMemory::wipe(secret);
    return kOk;
}

} // namespace vigil
