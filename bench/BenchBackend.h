#pragma once

// The backend the console and server benchmarks run against: `vigil-server serve` on a data
// folder made beforehand (bench_fill, or `vigil-server demo`), or on a fresh demo of N profiles
// in a temporary folder. Agent passwords come from the folder's demo-credentials.json.

#include "TestServer.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QTemporaryDir>
#include <memory>

namespace vigil::bench {

struct DemoProfile
{
    QString id;
    QString displayName;
    QJsonObject answers; // field → the answer as typed
};

class BenchBackend
{
public:
    BenchBackend();
    ~BenchBackend();
    BenchBackend(const BenchBackend &) = delete;
    BenchBackend &operator=(const BenchBackend &) = delete;

    // dataDir set: serve that folder as it is. Empty: `init` + `demo --profiles profiles` first.
    bool prepare(const QString &dataDir, int profiles, QString *error);
    bool start(QString *error);
    int stop();

    test::TestServer &server() { return m_server; }
    const test::TestServer &server() const { return m_server; }
    QString dataDir() const { return m_server.dataDir(); }
    QString password(const QString &username) const;
    // Counted in the store, so a folder filled by any tool reports what it really holds.
    qint64 profileCount() const { return m_profileCount; }
    double demoSeconds() const { return m_demoSeconds; }

    // The first `limit` profiles of demo-profiles.json that can be verified (they have a user
    // secret), read without loading the whole file (it is hundreds of MB at 1,000,000 profiles).
    // Empty when the folder has no such file.
    QList<DemoProfile> verifiableProfiles(int limit) const;

private:
    bool readCredentials(QString *error);
    qint64 countProfiles() const;

    test::TestServer m_server;
    std::unique_ptr<QTemporaryDir> m_tempDir;
    QJsonObject m_passwords; // username → password
    qint64 m_profileCount = 0;
    double m_demoSeconds = 0;
};

} // namespace vigil::bench
