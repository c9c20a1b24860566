#include "TotpCommand.h"

#include "AgentStore.h"
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
        err() << "usage: vigil-server totp enroll --data DIR (--profile ID | --agent NAME)\n" << Qt::flush;
        return action == QLatin1String("--help") ? kOk : kUsage;
    }
    QCommandLineParser parser;
    const QCommandLineOption profileOption(QStringLiteral("profile"), QStringLiteral("The profile's id."),
                                           QStringLiteral("ID"));
    const QCommandLineOption agentOption(
            QStringLiteral("agent"),
            QStringLiteral("An agent's user name: the second factor a supervisor approves with."),
            QStringLiteral("NAME"));
    parser.addOption(profileOption);
    parser.addOption(agentOption);
    if (int code =
                parse(parser, QStringList{arguments.value(0) + QStringLiteral(" enroll")} + arguments.mid(2),
                      QStringLiteral("Enroll a TOTP authenticator for a profile or an agent; prints the "
                                     "secret once."));
        code >= 0)
        return code;
    const bool forAgent = parser.isSet(agentOption);
    bool ok = false;
    const qint64 profileId = parser.value(profileOption).toLongLong(&ok);
    if (forAgent == parser.isSet(profileOption) || (!forAgent && (!ok || profileId <= 0))) {
        err() << "give either --profile ID (a profile id) or --agent NAME\n" << Qt::flush;
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
    QString owner;
    QString account;
    QString auditProfile;
    QJsonObject details;
    if (forAgent) {
        bool queryOk = false;
        const auto agent =
                AgentStore::findByUsername(tx.db(), parser.value(agentOption).trimmed().toLower(), &queryOk);
        if (!queryOk) {
            err() << "vigil-server: cannot read agents\n" << Qt::flush;
            return kFailed;
        }
        if (!agent || agent->disabled) {
            err() << "vigil-server: no active agent named " << parser.value(agentOption) << "\n" << Qt::flush;
            return kFailed;
        }
        owner = TotpApi::agentOwnerFor(agent->identity.id);
        account = agent->identity.username;
        details.insert(QStringLiteral("agent"), account);
    } else {
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
        owner = TotpApi::ownerFor(profileId);
        account = profile.value(0).toString();
        auditProfile = QString::number(profileId);
    }
    QByteArray secret = TotpApi::enrollOwner(tx.db(), *context, owner);
    if (secret.isEmpty()
        || !context->audit(tx.db(),
                           {QStringLiteral("TOTP_ENROLLED"),
                            QStringLiteral("system:cli"),
                            auditProfile,
                            {},
                            QStringLiteral("ok"),
                            details})
        || !tx.commit()) {
        SecureMemory::wipe(secret);
        err() << "vigil-server: the database refused the enrollment; nothing was changed\n" << Qt::flush;
        return kFailed;
    }
    out() << "TOTP enrolled for "
          << (forAgent ? QStringLiteral("agent ") + account : QStringLiteral("profile %1").arg(profileId))
          << " (shown once; hand it over now)\n"
          << "Secret (base32): " << Totp::base32Encode(secret) << "\n"
          << "URI: " << Totp::otpauthUri(QStringLiteral("Vigil"), account, secret) << "\n"
          << Qt::flush;
    SecureMemory::wipe(secret);
    return kOk;
}

} // namespace vigil
