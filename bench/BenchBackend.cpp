#include "BenchBackend.h"

#include "DataDirectory.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlQuery>

namespace vigil::bench {

namespace {
// Cuts the objects of the top-level "profiles" array out of a JSON stream, one at a time, so a
// file far larger than what is needed is read only as far as the first few profiles.
class ProfileArrayReader
{
public:
    explicit ProfileArrayReader(QFile &file)
        : m_file(file)
    {
    }

    // The next profile object's bytes; empty at the end of the array or the file.
    QByteArray next()
    {
        QByteArray object;
        for (;;) {
            if (m_pos >= m_buffer.size()) {
                m_buffer = m_file.read(1 << 20);
                m_pos = 0;
                if (m_buffer.isEmpty())
                    return {};
            }
            const char c = m_buffer.at(m_pos++);
            if (!m_inArray) {
                // The array starts at the first '[' after the "profiles" key.
                m_head.append(c);
                if (c == '[' && m_head.contains("\"profiles\""))
                    m_inArray = true;
                continue;
            }
            if (m_depth > 0)
                object.append(c);
            if (m_inString) {
                if (m_escaped)
                    m_escaped = false;
                else if (c == '\\')
                    m_escaped = true;
                else if (c == '"')
                    m_inString = false;
                continue;
            }
            switch (c) {
            case '"':
                m_inString = m_depth > 0;
                break;
            case '{':
                if (m_depth++ == 0)
                    object = "{";
                break;
            case '}':
                if (--m_depth == 0)
                    return object;
                break;
            case ']':
                if (m_depth == 0)
                    return {};
                break;
            default:
                break;
            }
        }
    }

private:
    QFile &m_file;
    QByteArray m_buffer;
    qsizetype m_pos = 0;
    QByteArray m_head;
    bool m_inArray = false;
    bool m_inString = false;
    bool m_escaped = false;
    int m_depth = 0;
};
} // namespace

BenchBackend::BenchBackend() = default;

BenchBackend::~BenchBackend()
{
    if (m_server.isRunning())
        m_server.stop();
}

bool BenchBackend::prepare(const QString &dataDir, int profiles, QString *error)
{
    if (dataDir.isEmpty()) {
        m_tempDir = std::make_unique<QTemporaryDir>();
        QElapsedTimer timer;
        timer.start();
        if (!m_server.createDemo(m_tempDir->filePath(QStringLiteral("data")), profiles, error))
            return false;
        m_demoSeconds = timer.elapsed() / 1000.0;
        // The harness parsed demo-profiles.json; that memory is not the console's.
        m_server.forgetDemoProfiles();
    } else {
        if (!DataDirectory(dataDir).isInitialised()) {
            *error = QStringLiteral("%1 is not an initialised data folder").arg(dataDir);
            return false;
        }
        m_server.setDataDir(dataDir);
    }
    if (!readCredentials(error))
        return false;
    m_profileCount = countProfiles();
    return true;
}

bool BenchBackend::readCredentials(QString *error)
{
    QFile file(DataDirectory(m_server.dataDir()).demoCredentialsPath());
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1 (the demo agents' passwords)").arg(file.fileName());
        return false;
    }
    const QJsonArray agents =
            QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("agents")).toArray();
    for (const auto &agent : agents) {
        const QJsonObject object = agent.toObject();
        m_passwords.insert(object.value(QStringLiteral("username")).toString(),
                           object.value(QStringLiteral("password")));
    }
    if (!m_passwords.contains(QStringLiteral("tech1"))) {
        *error = QStringLiteral("%1 names no agent tech1").arg(file.fileName());
        return false;
    }
    return true;
}

qint64 BenchBackend::countProfiles() const
{
    const QString name = QStringLiteral("bench-count");
    qint64 count = -1;
    {
        QSqlDatabase db = m_server.openStore(name);
        QSqlQuery query(db);
        if (query.exec(QStringLiteral("SELECT COUNT(*) FROM profiles")) && query.next())
            count = query.value(0).toLongLong();
        query.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return count;
}

bool BenchBackend::start(QString *error)
{
    return m_server.start(error);
}

int BenchBackend::stop()
{
    return m_server.stop();
}

QString BenchBackend::password(const QString &username) const
{
    return m_passwords.value(username).toString();
}

QList<DemoProfile> BenchBackend::verifiableProfiles(int limit) const
{
    QList<DemoProfile> profiles;
    QFile file(DataDirectory(m_server.dataDir()).demoProfilesPath());
    if (!file.open(QIODevice::ReadOnly))
        return profiles;
    ProfileArrayReader reader(file);
    while (profiles.size() < limit) {
        const QByteArray bytes = reader.next();
        if (bytes.isEmpty())
            break;
        const QJsonObject object = QJsonDocument::fromJson(bytes).object();
        const QJsonObject answers = object.value(QStringLiteral("answers")).toObject();
        if (!answers.contains(QStringLiteral("secret")))
            continue;
        profiles.append({object.value(QStringLiteral("id")).toString(),
                         object.value(QStringLiteral("display_name")).toString(), answers});
    }
    return profiles;
}

} // namespace vigil::bench
