#include "BenchData.h"

#include "AgentStore.h"
#include "CommandSupport.h"
#include "DataDirectory.h"
#include "DemoDataGenerator.h"
#include "ProfileStore.h"
#include "ServerContext.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>

namespace vigil::bench {

namespace {
constexpr int kFormat = 1;
// Profiles per transaction: bounded memory, and a 1,000,000 fill shows its progress.
constexpr int kBatch = 50000;

struct BenchAgent
{
    QString username;
    QString displayName;
    QString role;
};

QList<BenchAgent> benchAgents()
{
    QList<BenchAgent> agents;
    // Sixteen technicians: the verification benchmark runs up to 16 agents at once.
    for (int i = 1; i <= 16; ++i)
        agents.append({QStringLiteral("tech%1").arg(i), QStringLiteral("Technician %1").arg(i),
                       QStringLiteral("technician")});
    agents.append({QStringLiteral("super1"), QStringLiteral("Sam Supervisor"), QStringLiteral("supervisor")});
    agents.append(
            {QStringLiteral("super2"), QStringLiteral("Sonia Supervisor"), QStringLiteral("supervisor")});
    agents.append({QStringLiteral("audit1"), QStringLiteral("Audrey Auditor"), QStringLiteral("auditor")});
    agents.append({QStringLiteral("admin"), QStringLiteral("Administrator"), QStringLiteral("admin")});
    return agents;
}

// The answers every profile after the individual ones accepts (for the fields it has).
ProfileRecord sharedAnswers()
{
    ProfileRecord shared;
    shared.title = QStringLiteral("Developer");
    shared.middleInitial = QStringLiteral("P");
    shared.birthday = QDate(1986, 11, 11);
    shared.secret = QStringLiteral("treasure island");
    return shared;
}

// What a profile past the individual ones accepts: the shared answer of each field it has.
ProfileRecord sharedFor(const ProfileRecord &record)
{
    const ProfileRecord shared = sharedAnswers();
    ProfileRecord answers;
    if (record.title)
        answers.title = shared.title;
    if (record.middleInitial)
        answers.middleInitial = shared.middleInitial;
    if (record.birthday)
        answers.birthday = shared.birthday;
    if (record.secret)
        answers.secret = shared.secret;
    return answers;
}

QString storeName(const QString &databaseUrl)
{
    return databaseUrl.isEmpty() ? QStringLiteral("sqlite")
                                 : QUrl(databaseUrl).toString(QUrl::RemovePassword);
}

qint64 storedProfiles(const BenchData::Options &options, QString *error)
{
    auto context = ServerContext::open(options.dataDir, error, options.databaseUrl);
    if (!context)
        return -1;
    auto db = context->database().connection();
    QSqlQuery query(db);
    return query.exec(QStringLiteral("SELECT COUNT(*) FROM profiles")) && query.next()
            ? query.value(0).toLongLong()
            : -1;
}

// The database named in the URL, created on its server when it does not exist yet (a throw-away
// cluster from tests/postgres/cluster.sh holds only "postgres").
bool createPostgresDatabase(const QString &databaseUrl, QString *error)
{
    const QUrl url(databaseUrl);
    const QString name = url.path().mid(1);
    static const QRegularExpression plainName(QStringLiteral("^[a-z_][a-z0-9_]*$"));
    const QString connection = QStringLiteral("bench-create-database");
    bool ok = true;
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
        db.setHostName(url.host());
        db.setPort(url.port(5432));
        db.setUserName(url.userName());
        db.setPassword(url.password());
        db.setDatabaseName(QStringLiteral("postgres"));
        if (db.open()) {
            QSqlQuery query(db);
            query.prepare(QStringLiteral("SELECT 1 FROM pg_database WHERE datname = ?"));
            query.addBindValue(name);
            if (query.exec() && !query.next()) {
                ok = plainName.match(name).hasMatch()
                        && query.exec(QStringLiteral("CREATE DATABASE %1").arg(name));
                if (!ok)
                    *error = QStringLiteral("cannot create the database %1: %2")
                                     .arg(name, query.lastError().text());
            }
            query.finish();
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return ok;
}

class Filler
{
public:
    Filler(const BenchData::Options &options, ServerContext &context, QTextStream *progress)
        : m_options(options)
        , m_context(context)
        , m_progress(progress)
    {
    }

    bool run(QString *error)
    {
        QList<ProfileRecord> records = DemoDataGenerator::generate(m_options.profiles, m_options.seed,
                                                                   DemoDataGenerator::Names::Composed);
        const qsizetype individual = std::min<qsizetype>(m_options.individualProfiles, records.size());
        const qsizetype listed = std::min<qsizetype>(m_options.listedProfiles, records.size());
        for (qsizetype i = 0; i < listed; ++i) {
            const auto &record = records.at(i);
            m_listed.append(QJsonObject{
                    {QStringLiteral("username"), record.username},
                    {QStringLiteral("display_name"), record.displayName},
                    {QStringLiteral("privileged"), record.privileged},
                    {QStringLiteral("answers"), (i < individual ? record : sharedFor(record)).answers()}});
        }
        say(QStringLiteral("generated %1 profiles; hashing the answers of the first %2")
                    .arg(records.size())
                    .arg(individual));
        const auto firstPrepared = ProfileStore::prepare(records.mid(0, individual), m_context.lookupKey(),
                                                         ProfileStore::HashReuse::Never);
        const ProfileRecord shared = sharedAnswers();
        for (auto field : {QuestionField::Title, QuestionField::MiddleInitial, QuestionField::Birthday,
                           QuestionField::Secret}) {
            const QString value = field == QuestionField::Title ? *shared.title
                    : field == QuestionField::MiddleInitial     ? *shared.middleInitial
                    : field == QuestionField::Birthday          ? shared.birthday->toString(Qt::ISODate)
                                                                : *shared.secret;
            m_shared.insert(field, ProfileStore::hashAnswer(field, value));
        }

        {
            WriteTransaction tx(m_context.database());
            if (!tx.isActive() || !addAgents(tx.db(), error)
                || !ProfileStore::insert(tx.db(), firstPrepared, error) || !tx.commit())
                return failed(error, QStringLiteral("cannot store the agents and the first profiles"));
        }
        for (qsizetype start = individual; start < records.size(); start += kBatch) {
            const qsizetype end = std::min<qsizetype>(start + kBatch, records.size());
            QList<PreparedProfile> batch;
            batch.reserve(end - start);
            for (qsizetype i = start; i < end; ++i)
                batch.append(prepareShared(std::exchange(records[i], ProfileRecord())));
            WriteTransaction tx(m_context.database());
            if (!tx.isActive() || !ProfileStore::insert(tx.db(), batch, error) || !tx.commit())
                return failed(error,
                              QStringLiteral("cannot store profiles %1 to %2").arg(start + 1).arg(end));
            say(QStringLiteral("stored %1 of %2 profiles").arg(end).arg(records.size()));
        }
        records.clear();

        WriteTransaction tx(m_context.database());
        if (!tx.isActive() || !assignIds(tx.db(), error)
            || !m_context.audit(tx.db(),
                                {QStringLiteral("DEMO_DATA_CREATED"),
                                 QStringLiteral("system:bench"),
                                 {},
                                 {},
                                 QStringLiteral("ok"),
                                 {{QStringLiteral("profiles"), m_options.profiles}}})
            || !tx.commit())
            return failed(error, QStringLiteral("cannot record the fill"));
        return writeFiles(individual, error);
    }

private:
    void say(const QString &line)
    {
        if (m_progress)
            *m_progress << line << "\n" << Qt::flush;
    }

    static bool failed(QString *error, const QString &what)
    {
        if (error->isEmpty())
            *error = what;
        return false;
    }

    bool addAgents(QSqlDatabase &db, QString *error)
    {
        for (const auto &agent : benchAgents()) {
            const auto password = AgentStore::add(db, agent.username, agent.displayName, {agent.role}, error);
            if (!password)
                return false;
            m_agents.append(QJsonObject{{QStringLiteral("username"), agent.username},
                                        {QStringLiteral("password"), *password},
                                        {QStringLiteral("roles"), QJsonArray{agent.role}}});
        }
        return true;
    }

    PreparedProfile prepareShared(ProfileRecord record) const
    {
        PreparedProfile prepared;
        if (record.employeeId)
            prepared.employeeLookup = ProfileStore::employeeLookup(m_context.lookupKey(), *record.employeeId);
        if (record.title)
            prepared.answerHashes.insert(QuestionField::Title, m_shared.value(QuestionField::Title));
        if (record.middleInitial)
            prepared.answerHashes.insert(QuestionField::MiddleInitial,
                                         m_shared.value(QuestionField::MiddleInitial));
        if (record.birthday)
            prepared.answerHashes.insert(QuestionField::Birthday, m_shared.value(QuestionField::Birthday));
        if (record.secret)
            prepared.answerHashes.insert(QuestionField::Secret, m_shared.value(QuestionField::Secret));
        record.title.reset();
        record.middleInitial.reset();
        record.employeeId.reset();
        record.birthday.reset();
        record.secret.reset();
        prepared.identity = std::move(record);
        return prepared;
    }

    // The listed profiles get the ids the store gave them (in insertion order, checked by user name).
    bool assignIds(QSqlDatabase &db, QString *error)
    {
        QSqlQuery query(db);
        query.prepare(QStringLiteral("SELECT id, username FROM profiles ORDER BY id LIMIT ?"));
        query.addBindValue(m_listed.size());
        if (!query.exec())
            return failed(error, QStringLiteral("cannot read the profile ids"));
        QHash<QString, qint64> ids;
        while (query.next())
            ids.insert(query.value(1).toString(), query.value(0).toLongLong());
        for (qsizetype i = 0; i < m_listed.size(); ++i) {
            QJsonObject profile = m_listed.at(i).toObject();
            const qint64 id = ids.value(profile.take(QStringLiteral("username")).toString(), 0);
            if (id == 0)
                return failed(error, QStringLiteral("a listed profile is missing from the store"));
            profile.insert(QStringLiteral("id"), QString::number(id));
            m_listed.replace(i, profile);
        }
        return true;
    }

    bool writeFiles(qsizetype individual, QString *error)
    {
        const DataDirectory dir(m_options.dataDir);
        const ProfileRecord shared = sharedAnswers();
        return CommandSupport::writePrivateJson(dir.demoCredentialsPath(),
                                                {{QStringLiteral("agents"), m_agents}}, error)
                && CommandSupport::writePrivateJson(
                        dir.demoProfilesPath(),
                        {{QStringLiteral("profiles"), m_listed},
                         {QStringLiteral("profiles_total"), m_options.profiles},
                         {QStringLiteral("individual_profiles"), qint64(individual)},
                         {QStringLiteral("shared_answers"), shared.answers()}},
                        error);
    }

    const BenchData::Options &m_options;
    ServerContext &m_context;
    QTextStream *m_progress;
    QHash<QuestionField, QByteArray> m_shared;
    QJsonArray m_agents;
    QJsonArray m_listed;
};
} // namespace

QString BenchData::markerPath(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("bench-data.json"));
}

QStringList BenchData::agentNames()
{
    QStringList names;
    for (const auto &agent : benchAgents())
        names.append(agent.username);
    return names;
}

bool BenchData::fill(const Options &options, Filled *filled, QString *error, QTextStream *progress)
{
    QElapsedTimer timer;
    timer.start();
    const QJsonObject wanted{{QStringLiteral("format"), kFormat},
                             {QStringLiteral("profiles"), options.profiles},
                             {QStringLiteral("seed"), qint64(options.seed)},
                             {QStringLiteral("individual_profiles"), options.individualProfiles},
                             {QStringLiteral("names"), QStringLiteral("composed")},
                             {QStringLiteral("store"), storeName(options.databaseUrl)}};
    QFile marker(markerPath(options.dataDir));
    if (marker.open(QIODevice::ReadOnly)) {
        QJsonObject held = QJsonDocument::fromJson(marker.readAll()).object();
        held.remove(QStringLiteral("fill_seconds"));
        if (held != wanted) {
            *error = QStringLiteral("%1 holds another bench fill (%2); remove it (and its database) first")
                             .arg(options.dataDir,
                                  QString::fromUtf8(QJsonDocument(held).toJson(QJsonDocument::Compact)));
            return false;
        }
        // A PostgreSQL cluster may have been thrown away since: the store must still hold the fill.
        const qint64 stored = storedProfiles(options, error);
        if (stored != options.profiles) {
            if (error->isEmpty())
                *error =
                        QStringLiteral("%1 says %2 profiles but its store holds %3; remove it and fill again")
                                .arg(options.dataDir)
                                .arg(options.profiles)
                                .arg(stored);
            return false;
        }
        *filled = {true, options.profiles, timer.elapsed() / 1000.0};
        return true;
    }
    if (options.profiles < 1 || options.profiles > 5'000'000) {
        *error = QStringLiteral("the number of profiles must be from 1 to 5000000");
        return false;
    }
    const DataDirectory dir(options.dataDir);
    if (dir.isInitialised() || QFile::exists(dir.databasePath())) {
        *error = QStringLiteral("%1 holds a data folder that is not a finished bench fill; remove it first")
                         .arg(options.dataDir);
        return false;
    }
    if (!options.databaseUrl.isEmpty() && !createPostgresDatabase(options.databaseUrl, error))
        return false;
    if (!ServerContext::initialise(options.dataDir, error, options.databaseUrl))
        return false;
    auto context = ServerContext::open(options.dataDir, error, options.databaseUrl);
    if (!context)
        return false;
    Filler filler(options, *context, progress);
    if (!filler.run(error))
        return false;
    *filled = {false, options.profiles, timer.elapsed() / 1000.0};
    QJsonObject written = wanted;
    written.insert(QStringLiteral("fill_seconds"), filled->seconds);
    return CommandSupport::writePrivateJson(markerPath(options.dataDir), written, error);
}

} // namespace vigil::bench
