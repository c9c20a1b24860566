// `vigil-server demo`: demo agents and synthetic profiles, plus the two JSON files a person uses
// to walk through the demo. Part of ServerCommands.
#include "AgentStore.h"
#include "CommandSupport.h"
#include "DemoDataGenerator.h"
#include "ProfileStore.h"
#include "SecureMemory.h"
#include "ServerCommands.h"
#include "ServerContext.h"
#include "Totp.h"
#include "TotpApi.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QSqlQuery>

namespace vigil {

using namespace CommandSupport;

namespace {
// Demo profiles past this many reuse the answers of earlier ones, so that equal values can
// share one argon2id encoding and `demo` finishes in seconds instead of an hour.
constexpr int kDistinctAnswerProfiles = 300;

void shapeForDemo(QList<ProfileRecord> &records)
{
    for (qsizetype i = kDistinctAnswerProfiles; i < records.size(); ++i) {
        const auto &model = records.at(i % kDistinctAnswerProfiles);
        auto &record = records[i];
        record.birthday = model.birthday;
        if (record.secret)
            record.secret = model.secret;
        record.employeeId.reset(); // identifiers stay unique, so only the first profiles carry one
    }
}

} // namespace

int ServerCommands::demo(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption profilesOption(QStringLiteral("profiles"),
                                            QStringLiteral("How many synthetic profiles (default 10000)."),
                                            QStringLiteral("N"), QStringLiteral("10000"));
    parser.addOption(profilesOption);
    if (int code = parse(parser, arguments, QStringLiteral("Create demo agents and synthetic profiles."));
        code >= 0)
        return code;
    bool ok = false;
    const int count = parser.value(profilesOption).toInt(&ok);
    if (!ok || count < 1 || count > 5'000'000) {
        err() << "--profiles must be a whole number from 1 to 5000000\n" << Qt::flush;
        return kUsage;
    }
    const QString dir = parser.value(QStringLiteral("data"));
    if (!DataDirectory(dir).isInitialised()) {
        QString error;
        if (!ServerContext::initialise(dir, &error, databaseUrl())) {
            err() << "vigil-server: " << error << "\n" << Qt::flush;
            return kFailed;
        }
        out() << "Initialised " << DataDirectory(dir).root() << "\n" << Qt::flush;
    }
    auto context = openContext(dir);
    if (!context)
        return kFailed;
    {
        auto db = context->database().connection();
        QSqlQuery query(db);
        if (query.exec(QStringLiteral("SELECT COUNT(*) FROM agents WHERE username = 'tech1'")) && query.next()
            && query.value(0).toInt() > 0) {
            out() << "Demo data already present in " << context->dataDirectory().root() << "\n"
                  << "Credentials: " << context->dataDirectory().demoCredentialsPath() << "\n"
                  << Qt::flush;
            return kOk;
        }
    }

    QList<ProfileRecord> records = DemoDataGenerator::generate(count);
    shapeForDemo(records);
    out() << "Hashing demo answers for " << records.size() << " profiles…\n" << Qt::flush;
    const auto prepared =
            ProfileStore::prepare(records, context->lookupKey(), ProfileStore::HashReuse::DemoData);

    QJsonArray agentsJson;
    WriteTransaction tx(context->database());
    QString error;
    bool written = tx.isActive() && ProfileStore::insert(tx.db(), prepared, &error);
    auto agents = DemoDataGenerator::demoAgents();
    bool queryOk = false;
    // A folder made by `demo` alone has no admin yet; one is needed to set user secrets.
    if (written && !AgentStore::findByUsername(tx.db(), QStringLiteral("admin"), &queryOk) && queryOk)
        agents.append({QStringLiteral("admin"), QStringLiteral("Administrator"), {QStringLiteral("admin")}});
    for (const auto &agent : agents) {
        if (!written)
            break;
        const auto password =
                AgentStore::add(tx.db(), agent.username, agent.displayName, agent.roles, &error);
        written = password.has_value();
        if (!written)
            break;
        QJsonObject json{{QStringLiteral("username"), agent.username},
                         {QStringLiteral("password"), *password},
                         {QStringLiteral("roles"), QJsonArray::fromStringList(agent.roles)}};
        // Demo supervisors get their second factor, so approvals can be tried at once (add the
        // secret to any authenticator app, or `oathtool --totp -b SECRET`).
        if (agent.roles.contains(QStringLiteral("supervisor"))) {
            const auto found = AgentStore::findByUsername(tx.db(), agent.username, &queryOk);
            QByteArray secret = found
                    ? TotpApi::enrollOwner(tx.db(), *context, TotpApi::agentOwnerFor(found->identity.id))
                    : QByteArray();
            written = !secret.isEmpty();
            json.insert(QStringLiteral("totp_secret"), Totp::base32Encode(secret));
            SecureMemory::wipe(secret);
        }
        agentsJson.append(json);
    }
    written = written
            && context->audit(tx.db(),
                              {QStringLiteral("DEMO_DATA_CREATED"),
                               QStringLiteral("system:cli"),
                               {},
                               {},
                               QStringLiteral("ok"),
                               {{QStringLiteral("profiles"), count}}});
    // The first profile gets id 1 in a fresh store; read the ids back rather than assume it.
    QJsonArray profilesJson;
    if (written) {
        QSqlQuery ids(tx.db());
        written = ids.exec(QStringLiteral("SELECT id, username FROM profiles"));
        QHash<QString, qint64> idByUsername;
        while (written && ids.next())
            idByUsername.insert(ids.value(1).toString(), ids.value(0).toLongLong());
        for (const auto &record : records)
            profilesJson.append(
                    QJsonObject{{QStringLiteral("id"), QString::number(idByUsername.value(record.username))},
                                {QStringLiteral("display_name"), record.displayName},
                                {QStringLiteral("privileged"), record.privileged},
                                {QStringLiteral("answers"), record.answers()}});
    }
    if (!written
        || !writePrivateJson(context->dataDirectory().demoCredentialsPath(),
                             {{QStringLiteral("agents"), agentsJson}}, &error)
        || !writePrivateJson(context->dataDirectory().demoProfilesPath(),
                             {{QStringLiteral("profiles"), profilesJson}}, &error)
        || !tx.commit()) {
        QFile::remove(context->dataDirectory().demoCredentialsPath());
        QFile::remove(context->dataDirectory().demoProfilesPath());
        err() << "vigil-server demo: "
              << (error.isEmpty() ? QStringLiteral("the database refused the demo data") : error) << "\n"
              << Qt::flush;
        return kFailed;
    }
    QStringList names;
    for (const auto &agent : agents)
        names.append(agent.username);
    out() << "Demo data: " << count << " profiles, agents " << names.join(QLatin1Char(' ')) << "\n"
          << "Credentials: " << context->dataDirectory().demoCredentialsPath() << "\n"
          << "Answers:     " << context->dataDirectory().demoProfilesPath() << "\n"
          << Qt::flush;
    return kOk;
}

} // namespace vigil
