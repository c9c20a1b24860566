// `vigil-server notify show|set`: where notifications go (SMTP relay, SMS webhook). Part of
// ServerCommands::run.
#include "NotifyCommand.h"

#include "CommandSupport.h"
#include "NotifySettings.h"
#include "ServerContext.h"

#include <QJsonDocument>

namespace vigil {

using namespace CommandSupport;

int NotifyCommand::run(const QStringList &arguments)
{
    const QString action = arguments.value(1);
    QCommandLineParser parser;
    const QStringList rest = QStringList{arguments.value(0) + QLatin1Char(' ') + action} + arguments.mid(2);
    if (action == QLatin1String("show")) {
        if (int code = parse(parser, rest, QStringLiteral("Print the notification settings as JSON."));
            code >= 0)
            return code;
        auto context = openContext(parser.value(QStringLiteral("data")));
        if (!context)
            return kFailed;
        auto db = context->database().connection();
        const auto settings = NotifySettings::load(db);
        if (!settings) {
            err() << "vigil-server: the stored notification settings cannot be read\n" << Qt::flush;
            return kFailed;
        }
        out() << QJsonDocument(settings->toJson()).toJson(QJsonDocument::Indented) << Qt::flush;
        return kOk;
    }
    if (action == QLatin1String("set")) {
        parser.addPositionalArgument(QStringLiteral("key=value"),
                                     QStringLiteral("smtp_url=smtp://host:port, smtp_from=ADDRESS, "
                                                    "sms_webhook=https://…; an empty value clears one."));
        if (int code = parse(parser, rest, QStringLiteral("Change the notification settings.")); code >= 0)
            return code;
        if (parser.positionalArguments().isEmpty()) {
            err() << "vigil-server notify set: give at least one key=value\n" << Qt::flush;
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
        auto settings = NotifySettings::load(tx.db());
        if (!settings) {
            err() << "vigil-server: the stored notification settings cannot be read\n" << Qt::flush;
            return kFailed;
        }
        QStringList changed;
        for (const auto &assignment : parser.positionalArguments()) {
            const qsizetype eq = assignment.indexOf(QLatin1Char('='));
            QString error;
            if (eq <= 0)
                error = QStringLiteral("\"%1\" is not key=value").arg(assignment);
            else if (settings->set(assignment.left(eq).trimmed(), assignment.mid(eq + 1).trimmed(), &error))
                changed.append(assignment.left(eq).trimmed());
            if (!error.isEmpty()) {
                err() << "vigil-server notify set: " << error << "\n" << Qt::flush;
                return kUsage;
            }
        }
        // The audit names what changed, and the new values: addresses of relays, not of users.
        if (!settings->save(tx.db())
            || !context->audit(tx.db(),
                               {QStringLiteral("NOTIFY_SETTINGS_CHANGED"),
                                QStringLiteral("system:cli"),
                                {},
                                {},
                                QStringLiteral("ok"),
                                settings->toJson()})
            || !tx.commit()) {
            err() << "vigil-server: the database refused the change\n" << Qt::flush;
            return kFailed;
        }
        out() << "Notification settings changed: " << changed.join(QStringLiteral(", ")) << "\n" << Qt::flush;
        return kOk;
    }
    err() << "usage: vigil-server notify show|set --data DIR [smtp_url=… smtp_from=… sms_webhook=…]\n"
          << Qt::flush;
    return action == QLatin1String("--help") ? kOk : kUsage;
}

} // namespace vigil
