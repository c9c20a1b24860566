#include "ServerCommands.h"

#include "ActionApi.h"
#include "AgentStore.h"
#include "AuditLog.h"
#include "CommandSupport.h"
#include "DeviceCommand.h"
#include "LockoutLedger.h"
#include "NotifyCommand.h"
#include "ProfileImporter.h"
#include "ProfileStore.h"
#include "ServerContext.h"
#include "TotpCommand.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

namespace vigil {

using namespace CommandSupport;

namespace {
const QString kUsageText = QStringLiteral(
        "Usage: vigil-server <command> [options]\n\n"
        "Commands:\n"
        "  init --data DIR                 create a data folder: database, keys, TLS certificate, first "
        "admin\n"
        "  serve --data DIR [--listen A:P] run the HTTPS backend\n"
        "  agent add|list|disable          manage help desk agents\n"
        "  import --data DIR FILE          import profiles from CSV or JSON (all or nothing)\n"
        "  demo --data DIR [--profiles N]  create demo agents and N synthetic profiles\n"
        "  unlock-expired --data DIR       unblock profiles whose lock has run out, expire escalations and\n"
        "                                  apply changes whose undo window has passed (for cron)\n"
        "  audit verify --data DIR         verify the audit hash chain and its signed checkpoints\n"
        "  policy show|set --data DIR      show or change the verification policy\n"
        "  totp enroll --data DIR (--profile ID | --agent NAME)   enroll a TOTP authenticator for a user,\n"
        "                                  or a supervisor's second factor (secret shown once)\n"
        "  notify show|set --data DIR      show or change where notifications go (SMTP, SMS webhook)\n"
        "  device enroll --data DIR --profile ID --public-key B64 --name N   enroll a device\n\n"
        "Every command takes --help. Exit codes: 0 ok, 1 failed, 2 usage error.\n");

int runInTransaction(ServerContext &context, const std::function<bool(QSqlDatabase &, QString *)> &work)
{
    WriteTransaction tx(context.database());
    QString error;
    if (!tx.isActive()) {
        err() << "vigil-server: cannot write to the database\n" << Qt::flush;
        return kFailed;
    }
    if (!work(tx.db(), &error) || !tx.commit()) {
        err() << "vigil-server: "
              << (error.isEmpty() ? QStringLiteral("the database refused the change") : error) << "\n"
              << Qt::flush;
        return kFailed;
    }
    return kOk;
}
} // namespace

int ServerCommands::run(const QStringList &arguments)
{
    const QString command = arguments.value(1);
    const QStringList rest = QStringList{QStringLiteral("vigil-server ") + command} + arguments.mid(2);
    if (command == QLatin1String("init"))
        return init(rest);
    if (command == QLatin1String("serve"))
        return serve(rest);
    if (command == QLatin1String("agent"))
        return agent(rest);
    if (command == QLatin1String("import"))
        return import(rest);
    if (command == QLatin1String("demo"))
        return demo(rest);
    if (command == QLatin1String("unlock-expired"))
        return unlockExpired(rest);
    if (command == QLatin1String("audit"))
        return audit(rest);
    if (command == QLatin1String("policy"))
        return policy(rest);
    if (command == QLatin1String("totp"))
        return TotpCommand::run(rest);
    if (command == QLatin1String("device"))
        return DeviceCommand::run(rest);
    if (command == QLatin1String("notify"))
        return NotifyCommand::run(rest);
    if (command == QLatin1String("--version") || command == QLatin1String("version")) {
        out() << "vigil-server " << VIGIL_VERSION << "\n" << Qt::flush;
        return kOk;
    }
    if (command.isEmpty() || command == QLatin1String("--help") || command == QLatin1String("-h")
        || command == QLatin1String("help")) {
        out() << kUsageText << Qt::flush;
        return command.isEmpty() ? kUsage : kOk;
    }
    err() << "vigil-server: unknown command \"" << command << "\"\n\n" << kUsageText << Qt::flush;
    return kUsage;
}

int ServerCommands::init(const QStringList &arguments)
{
    QCommandLineParser parser;
    if (int code = parse(parser, arguments, QStringLiteral("Create a Vigil data folder.")); code >= 0)
        return code;
    const QString dir = parser.value(QStringLiteral("data"));
    QString error;
    if (!ServerContext::initialise(dir, &error, databaseUrl())) {
        err() << "vigil-server: " << error << "\n" << Qt::flush;
        return kFailed;
    }
    auto context = openContext(dir);
    if (!context)
        return kFailed;
    QString password;
    const int code = runInTransaction(*context, [&](QSqlDatabase &db, QString *e) {
        const auto generated = AgentStore::add(db, QStringLiteral("admin"), QStringLiteral("Administrator"),
                                               {QStringLiteral("admin")}, e);
        if (!generated)
            return false;
        password = *generated;
        return context->audit(db,
                              {QStringLiteral("AGENT_ADDED"),
                               QStringLiteral("system:init"),
                               {},
                               {},
                               QStringLiteral("ok"),
                               {{QStringLiteral("username"), QStringLiteral("admin")},
                                {QStringLiteral("roles"), QStringLiteral("admin")}}});
    });
    if (code != kOk)
        return code;
    out() << "Initialised " << context->dataDirectory().root() << "\n"
          << "Admin user: admin\n"
          << "Admin password (shown once, store it now): " << password << "\n"
          << Qt::flush;
    return kOk;
}

int ServerCommands::agent(const QStringList &arguments)
{
    const QString action = arguments.value(1);
    const QStringList rest = QStringList{arguments.value(0) + QLatin1Char(' ') + action} + arguments.mid(2);
    QCommandLineParser parser;
    const QCommandLineOption username(QStringLiteral("username"), QStringLiteral("The agent's user name."),
                                      QStringLiteral("U"));
    const QCommandLineOption role(QStringLiteral("role"),
                                  QStringLiteral("technician, supervisor, auditor or admin (repeatable)."),
                                  QStringLiteral("R"));
    const QCommandLineOption displayName(QStringLiteral("display-name"),
                                         QStringLiteral("Name shown in the console."),
                                         QStringLiteral("NAME"));
    if (action == QLatin1String("add")) {
        parser.addOptions({username, role, displayName});
        if (int code =
                    parse(parser, rest, QStringLiteral("Add an agent; prints its generated password once."));
            code >= 0)
            return code;
        QStringList roles;
        for (const auto &value : parser.values(role))
            roles += value.split(QLatin1Char(','), Qt::SkipEmptyParts);
        auto context = openContext(parser.value(QStringLiteral("data")));
        if (!context)
            return kFailed;
        QString password;
        const QString name = parser.value(username).trimmed().toLower();
        const int code = runInTransaction(*context, [&](QSqlDatabase &db, QString *e) {
            const auto generated = AgentStore::add(db, name, parser.value(displayName), roles, e);
            if (!generated)
                return false;
            password = *generated;
            return context->audit(db,
                                  {QStringLiteral("AGENT_ADDED"),
                                   QStringLiteral("system:cli"),
                                   {},
                                   {},
                                   QStringLiteral("ok"),
                                   {{QStringLiteral("username"), name},
                                    {QStringLiteral("roles"), roles.join(QLatin1Char(','))}}});
        });
        if (code == kOk)
            out() << "Agent " << name << " added. Password (shown once): " << password << "\n" << Qt::flush;
        return code;
    }
    if (action == QLatin1String("list")) {
        if (int code = parse(parser, rest, QStringLiteral("List agents.")); code >= 0)
            return code;
        auto context = openContext(parser.value(QStringLiteral("data")));
        if (!context)
            return kFailed;
        auto db = context->database().connection();
        bool ok = false;
        const auto agents = AgentStore::list(db, &ok);
        if (!ok) {
            err() << "vigil-server: cannot read agents\n" << Qt::flush;
            return kFailed;
        }
        for (const auto &agent : agents)
            out() << agent.identity.username << "\t" << agent.identity.roles.join(QLatin1Char(',')) << "\t"
                  << (agent.disabled ? "disabled" : "active") << "\t" << agent.identity.displayName << "\n";
        out() << Qt::flush;
        return kOk;
    }
    if (action == QLatin1String("disable")) {
        parser.addOption(username);
        if (int code = parse(parser, rest, QStringLiteral("Disable an agent and end its sessions."));
            code >= 0)
            return code;
        auto context = openContext(parser.value(QStringLiteral("data")));
        if (!context)
            return kFailed;
        const QString name = parser.value(username).trimmed().toLower();
        const int code = runInTransaction(*context, [&](QSqlDatabase &db, QString *e) {
            if (!AgentStore::setDisabled(db, name, true)) {
                *e = QStringLiteral("no agent named \"%1\"").arg(name);
                return false;
            }
            return context->audit(db,
                                  {QStringLiteral("AGENT_DISABLED"),
                                   QStringLiteral("system:cli"),
                                   {},
                                   {},
                                   QStringLiteral("ok"),
                                   {{QStringLiteral("username"), name}}});
        });
        if (code == kOk)
            out() << "Agent " << name << " disabled.\n" << Qt::flush;
        return code;
    }
    err() << "usage: vigil-server agent add|list|disable --data DIR … (see --help of each)\n" << Qt::flush;
    return action == QLatin1String("--help") ? kOk : kUsage;
}

int ServerCommands::import(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("A .csv or .json file of profiles."));
    if (int code = parse(parser, arguments, QStringLiteral("Import profiles; any bad row imports nothing."));
        code >= 0)
        return code;
    if (parser.positionalArguments().size() != 1) {
        err() << "vigil-server import: give exactly one FILE\n" << Qt::flush;
        return kUsage;
    }
    const QString file = parser.positionalArguments().constFirst();
    auto context = openContext(parser.value(QStringLiteral("data")));
    if (!context)
        return kFailed;
    const auto parsed = ProfileImporter::parseFile(file);
    if (!parsed.ok()) {
        for (const auto &error : parsed.errors)
            err() << file << ": " << error.toString() << "\n";
        err() << "vigil-server import: " << parsed.errors.size() << " error(s); nothing was imported\n"
              << Qt::flush;
        return kFailed;
    }
    out() << "Hashing the answers of " << parsed.profiles.size() << " profiles…\n" << Qt::flush;
    const auto prepared =
            ProfileStore::prepare(parsed.profiles, context->lookupKey(), ProfileStore::HashReuse::Never);
    const int code = runInTransaction(*context, [&](QSqlDatabase &db, QString *e) {
        return ProfileStore::insert(db, prepared, e)
                && context->audit(db,
                                  {QStringLiteral("PROFILES_IMPORTED"),
                                   QStringLiteral("system:cli"),
                                   {},
                                   {},
                                   QStringLiteral("ok"),
                                   {{QStringLiteral("count"), prepared.size()}}});
    });
    if (code == kOk)
        out() << "Imported " << prepared.size() << " profiles.\n" << Qt::flush;
    else
        err() << "vigil-server import: nothing was imported\n" << Qt::flush;
    return code;
}

int ServerCommands::unlockExpired(const QStringList &arguments)
{
    QCommandLineParser parser;
    if (int code = parse(parser, arguments, QStringLiteral("Unblock profiles whose lock has expired."));
        code >= 0)
        return code;
    auto context = openContext(parser.value(QStringLiteral("data")));
    if (!context)
        return kFailed;
    const int count = LockoutLedger::unblockExpired(*context, QStringLiteral("system:unlock-job"));
    if (count < 0) {
        err() << "vigil-server: the unlock job could not write; nothing was unblocked\n" << Qt::flush;
        return kFailed;
    }
    const int actions = ActionApi::runDue(*context, QStringLiteral("system:action-job"));
    if (actions < 0) {
        err() << "vigil-server: the action job could not read the store\n" << Qt::flush;
        return kFailed;
    }
    out() << "Unblocked " << count << " profile(s).\n"
          << "Moved on " << actions << " due action(s) (expired escalations, passed undo windows).\n"
          << Qt::flush;
    return kOk;
}

int ServerCommands::audit(const QStringList &arguments)
{
    const QString action = arguments.value(1);
    QCommandLineParser parser;
    if (action != QLatin1String("verify")) {
        err() << "usage: vigil-server audit verify --data DIR\n" << Qt::flush;
        return kUsage;
    }
    if (int code =
                parse(parser, QStringList{arguments.value(0) + QStringLiteral(" verify")} + arguments.mid(2),
                      QStringLiteral("Recompute the audit hash chain and check every signed checkpoint."));
        code >= 0)
        return code;
    auto context = openContext(parser.value(QStringLiteral("data")));
    if (!context)
        return kFailed;
    auto db = context->database().connection();
    const auto result = AuditLog::verify(db, context->auditKey().publicKey());
    out() << "entries: " << result.entries << "\nhead: " << result.head << "\n";
    if (result.ok) {
        out() << "audit log OK\n" << Qt::flush;
        return kOk;
    }
    out() << "audit log FAILED\nfirst bad sequence number: " << *result.firstBadSeq
          << "\nproblem: " << result.problem << "\n"
          << Qt::flush;
    return kFailed;
}

int ServerCommands::policy(const QStringList &arguments)
{
    const QString action = arguments.value(1);
    QCommandLineParser parser;
    const QStringList rest = QStringList{arguments.value(0) + QLatin1Char(' ') + action} + arguments.mid(2);
    if (action == QLatin1String("show")) {
        if (int code = parse(parser, rest, QStringLiteral("Print the policy as JSON.")); code >= 0)
            return code;
        auto context = openContext(parser.value(QStringLiteral("data")));
        if (!context)
            return kFailed;
        auto db = context->database().connection();
        const auto policy = context->policy(db);
        if (!policy) {
            err() << "vigil-server: the stored policy cannot be read\n" << Qt::flush;
            return kFailed;
        }
        out() << QJsonDocument(policy->toJson()).toJson(QJsonDocument::Indented) << Qt::flush;
        return kOk;
    }
    if (action == QLatin1String("set")) {
        parser.addPositionalArgument(QStringLiteral("key=value"), QStringLiteral("One or more settings."));
        if (int code = parse(parser, rest, QStringLiteral("Change policy settings.")); code >= 0)
            return code;
        if (parser.positionalArguments().isEmpty()) {
            err() << "vigil-server policy set: give at least one key=value\n" << Qt::flush;
            return kUsage;
        }
        auto context = openContext(parser.value(QStringLiteral("data")));
        if (!context)
            return kFailed;
        return runInTransaction(*context, [&](QSqlDatabase &db, QString *e) {
            auto policy = context->policy(db);
            if (!policy) {
                *e = QStringLiteral("the stored policy cannot be read");
                return false;
            }
            QJsonObject changes;
            for (const auto &assignment : parser.positionalArguments()) {
                const qsizetype eq = assignment.indexOf(QLatin1Char('='));
                if (eq <= 0) {
                    *e = QStringLiteral("\"%1\" is not key=value").arg(assignment);
                    return false;
                }
                if (!policy->set(assignment.left(eq).trimmed(), assignment.mid(eq + 1).trimmed(), e))
                    return false;
                changes.insert(assignment.left(eq).trimmed(), assignment.mid(eq + 1).trimmed());
            }
            return ServerContext::savePolicy(db, *policy)
                    && context->audit(db,
                                      {QStringLiteral("POLICY_CHANGED"),
                                       QStringLiteral("system:cli"),
                                       {},
                                       {},
                                       QStringLiteral("ok"),
                                       changes});
        });
    }
    err() << "usage: vigil-server policy show|set --data DIR [key=value …]\n" << Qt::flush;
    return kUsage;
}

} // namespace vigil
