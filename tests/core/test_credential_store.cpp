// The session token in a real keychain (gnome-keyring on a private bus, see run_with_keyring.sh),
// and, with VIGIL_EXPECT_NO_KEYCHAIN=1 and no session bus, in memory only: never in a file.
#include "CredentialStore.h"

#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace vigil;

namespace {
// Two keychain attempts 500 ms apart, each of which may wait on D-Bus.
constexpr int kWaitMs = 30000;

bool expectNoKeychain()
{
    return qEnvironmentVariableIntValue("VIGIL_EXPECT_NO_KEYCHAIN") == 1;
}

QByteArray uniqueSecret()
{
    return "token-" + QUuid::createUuid().toByteArray(QUuid::Id128);
}
} // namespace

class TestCredentialStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void keychainRoundTrip();
    void keychainOverwriteAndMissingEntry();
    void memoryOnlyWithoutKeychain();
    void cleanupTestCase();

private:
    // Files under HOME that contain `needle` (raw or base64).
    QStringList filesContaining(const QByteArray &needle) const;

    QString m_service;
    std::unique_ptr<QTemporaryDir> m_home;
};

void TestCredentialStore::initTestCase()
{
    m_service = QStringLiteral("VigilTest-%1").arg(QCoreApplication::applicationPid());
    if (expectNoKeychain()) {
        // Everything the process could write lands in a fresh HOME, which the test then scans.
        m_home = std::make_unique<QTemporaryDir>();
        QVERIFY(m_home->isValid());
        const QString home = m_home->path();
        qputenv("HOME", home.toUtf8());
        qputenv("XDG_CONFIG_HOME", (home + QStringLiteral("/.config")).toUtf8());
        qputenv("XDG_DATA_HOME", (home + QStringLiteral("/.local/share")).toUtf8());
        qputenv("XDG_CACHE_HOME", (home + QStringLiteral("/.cache")).toUtf8());
        qputenv("XDG_RUNTIME_DIR", (home + QStringLiteral("/run")).toUtf8());
        QVERIFY(QDir(home).mkdir(QStringLiteral("run")));
        QVERIFY2(qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
                 "this case needs a process without a session bus");
        QVERIFY2(qEnvironmentVariableIsEmpty("DISPLAY"), "DISPLAY would let D-Bus autolaunch a bus");
    } else {
        QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
                 "run this through run_with_keyring.sh (a session bus with gnome-keyring)");
    }
}

void TestCredentialStore::cleanupTestCase()
{
    if (expectNoKeychain())
        return;
    // Leave nothing behind in the keyring, whatever failed above.
    CredentialStore store(m_service);
    QSignalSpy removed(&store, &CredentialStore::removed);
    store.remove(QStringLiteral("tech1"));
    removed.wait(kWaitMs);
}

void TestCredentialStore::keychainRoundTrip()
{
    if (expectNoKeychain())
        QSKIP("needs a keychain");
    const QString account = QStringLiteral("tech1");
    const QByteArray secret = uniqueSecret();

    CredentialStore store(m_service);
    QSignalSpy stored(&store, &CredentialStore::stored);
    QSignalSpy memoryOnly(&store, &CredentialStore::memoryOnlyChanged);
    store.store(account, secret);
    QCOMPARE(stored.count(), 0); // asynchronous: nothing before the call returns
    QVERIFY(stored.wait(kWaitMs));
    QCOMPARE(stored.count(), 1);
    QCOMPARE(stored.first().first().toBool(), true);
    QVERIFY(!store.memoryOnly());
    QCOMPARE(memoryOnly.count(), 0);

    // A second instance (as after a restart) finds it in the keyring.
    CredentialStore other(m_service);
    QSignalSpy loaded(&other, &CredentialStore::loaded);
    other.load(account);
    QVERIFY(loaded.wait(kWaitMs));
    QCOMPARE(loaded.count(), 1);
    QCOMPARE(loaded.first().at(0).toByteArray(), secret);
    QCOMPARE(loaded.first().at(1).toBool(), true);

    // The secret service itself holds the item (QtKeychain's libsecret schema: server + user).
    const QString secretTool = QStandardPaths::findExecutable(QStringLiteral("secret-tool"));
    if (!secretTool.isEmpty()) {
        QProcess lookup;
        lookup.start(secretTool,
                     {QStringLiteral("search"), QStringLiteral("server"), m_service, QStringLiteral("user"),
                      account});
        QVERIFY(lookup.waitForFinished(kWaitMs));
        const QByteArray out = lookup.readAllStandardOutput() + lookup.readAllStandardError();
        QVERIFY2(out.contains(account.toUtf8()), out.constData());
    }

    QSignalSpy removed(&store, &CredentialStore::removed);
    store.remove(account);
    QVERIFY(removed.wait(kWaitMs));
    QCOMPARE(removed.count(), 1);

    loaded.clear();
    other.load(account);
    QVERIFY(loaded.wait(kWaitMs));
    QCOMPARE(loaded.count(), 1);
    QVERIFY(loaded.first().at(0).toByteArray().isEmpty());
    QCOMPARE(loaded.first().at(1).toBool(), false);
    QVERIFY(!other.memoryOnly());
}

void TestCredentialStore::keychainOverwriteAndMissingEntry()
{
    if (expectNoKeychain())
        QSKIP("needs a keychain");
    CredentialStore store(m_service);
    QSignalSpy stored(&store, &CredentialStore::stored);
    QSignalSpy loaded(&store, &CredentialStore::loaded);
    const QString account = QStringLiteral("tech1");
    const QByteArray first = uniqueSecret();
    const QByteArray second = uniqueSecret();
    store.store(account, first);
    QVERIFY(stored.wait(kWaitMs));
    store.store(account, second);
    QVERIFY(stored.wait(kWaitMs));
    QCOMPARE(stored.count(), 2);
    QVERIFY(stored.at(1).first().toBool());
    store.load(account);
    QVERIFY(loaded.wait(kWaitMs));
    QCOMPARE(loaded.first().at(0).toByteArray(), second);

    loaded.clear();
    store.load(QStringLiteral("nobody-%1").arg(QUuid::createUuid().toString(QUuid::Id128)));
    QVERIFY(loaded.wait(kWaitMs));
    QCOMPARE(loaded.first().at(1).toBool(), false);
    QVERIFY(!store.memoryOnly());

    // Removing what is not there still answers.
    QSignalSpy removed(&store, &CredentialStore::removed);
    store.remove(QStringLiteral("nobody"));
    QVERIFY(removed.wait(kWaitMs));
    QVERIFY(!store.memoryOnly());
}

void TestCredentialStore::memoryOnlyWithoutKeychain()
{
    if (!expectNoKeychain())
        QSKIP("runs without a keychain (VIGIL_EXPECT_NO_KEYCHAIN=1)");
    const QString account = QStringLiteral("tech1");
    const QByteArray secret = uniqueSecret();

    CredentialStore store(m_service);
    QSignalSpy stored(&store, &CredentialStore::stored);
    QSignalSpy memoryOnly(&store, &CredentialStore::memoryOnlyChanged);
    QSignalSpy loaded(&store, &CredentialStore::loaded);
    QSignalSpy removed(&store, &CredentialStore::removed);

    store.store(account, secret);
    QCOMPARE(stored.count(), 0);
    QVERIFY(stored.wait(kWaitMs));
    QCOMPARE(stored.count(), 1);
    QCOMPARE(stored.first().first().toBool(), false);
    QVERIFY(store.memoryOnly());
    QCOMPARE(memoryOnly.count(), 1);
    QCOMPARE(memoryOnly.first().first().toBool(), true);

    store.load(account);
    QCOMPARE(loaded.count(), 0); // still asynchronous in memory-only mode
    QVERIFY(loaded.wait(kWaitMs));
    QCOMPARE(loaded.first().at(0).toByteArray(), secret);
    QCOMPARE(loaded.first().at(1).toBool(), true);

    loaded.clear();
    store.load(QStringLiteral("someone-else"));
    QVERIFY(loaded.wait(kWaitMs));
    QCOMPARE(loaded.first().at(1).toBool(), false);

    // Later stores go straight to memory; the notice is given once.
    const QByteArray newer = uniqueSecret();
    store.store(account, newer);
    QVERIFY(stored.wait(kWaitMs));
    QCOMPARE(stored.last().first().toBool(), false);
    QCOMPARE(memoryOnly.count(), 1);

    // A fresh store finds nothing on disk to come back to, and also falls back to memory.
    CredentialStore fresh(m_service);
    QSignalSpy freshLoaded(&fresh, &CredentialStore::loaded);
    fresh.load(account);
    QVERIFY(freshLoaded.wait(kWaitMs));
    QCOMPARE(freshLoaded.first().at(1).toBool(), false);
    QVERIFY(freshLoaded.first().at(0).toByteArray().isEmpty());

    QVERIFY2(filesContaining(secret).isEmpty(), qPrintable(filesContaining(secret).join(QLatin1Char(' '))));
    QVERIFY2(filesContaining(newer).isEmpty(), qPrintable(filesContaining(newer).join(QLatin1Char(' '))));

    store.remove(account);
    QVERIFY(removed.wait(kWaitMs));
    loaded.clear();
    store.load(account);
    QVERIFY(loaded.wait(kWaitMs));
    QCOMPARE(loaded.first().at(1).toBool(), false);
}

QStringList TestCredentialStore::filesContaining(const QByteArray &needle) const
{
    QStringList hits;
    const QList<QByteArray> forms{needle, needle.toBase64(), needle.toHex()};
    QDirIterator it(m_home->path(), QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray contents = file.readAll();
        for (const QByteArray &form : forms) {
            if (contents.contains(form))
                hits.append(path);
        }
    }
    return hits;
}

QTEST_GUILESS_MAIN(TestCredentialStore)
#include "test_credential_store.moc"
