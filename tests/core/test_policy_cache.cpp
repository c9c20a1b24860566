// The cached policy is only ever used when its signature verifies against the trusted policy key.
#include "PolicyCache.h"
#include "SigningKey.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;

class TestPolicyCache : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void roundTrip();
    void replacesTheEntry();
    void flippedPolicyByteIsRejected_data();
    void flippedPolicyByteIsRejected();
    void anotherKeyIsRejected();
    void missingFile();
    void garbageFileIsRejected_data();
    void garbageFileIsRejected();
    void emptyTableIsRejected();
    void saveRefusesBadSignatures();
    void saveRefusesAnInvalidPolicy();

private:
    void flipByte(const QString &column, qsizetype index);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    std::optional<SigningKey> m_key;
    Policy m_policy;
    QByteArray m_bytes;
    QByteArray m_signature;
};

void TestPolicyCache::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("policy-cache.sqlite"));
    m_key = SigningKey::generate();
    m_policy = Policy();
    m_policy.lockoutSeconds = 600;
    m_policy.questionCount = 2;
    m_bytes = m_policy.toBytes();
    m_signature = m_key->sign(m_bytes);
}

void TestPolicyCache::flipByte(const QString &column, qsizetype index)
{
    const QString name = QStringLiteral("tamper");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(m_path);
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("SELECT %1 FROM policy_cache WHERE id = 1").arg(column)));
        QVERIFY(query.next());
        QByteArray value = query.value(0).toByteArray();
        QVERIFY(index < value.size());
        value[index] = char(value.at(index) ^ 0x01);
        query.finish();
        QSqlQuery update(db);
        update.prepare(QStringLiteral("UPDATE policy_cache SET %1 = ? WHERE id = 1").arg(column));
        update.addBindValue(value);
        QVERIFY(update.exec());
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

void TestPolicyCache::roundTrip()
{
    PolicyCache cache(m_path);
    QCOMPARE(cache.path(), m_path);
    QString error;
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
    QVERIFY2(cache.save(m_bytes, m_signature, m_key->publicKey(), &error), qPrintable(error));
    const auto entry = PolicyCache(m_path).load(m_key->publicKey(), &error);
    QVERIFY2(entry, qPrintable(error));
    QCOMPARE(entry->policy, m_policy);
    QCOMPARE(entry->policyBytes, m_bytes);
    QCOMPARE(entry->signature, m_signature);
    QVERIFY(entry->fetchedAt >= before);
    QVERIFY(entry->fetchedAt <= QDateTime::currentDateTimeUtc().addSecs(1));
    // No connection is left behind.
    QVERIFY(QSqlDatabase::connectionNames().isEmpty());
}

void TestPolicyCache::replacesTheEntry()
{
    PolicyCache cache(m_path);
    QString error;
    QVERIFY(cache.save(m_bytes, m_signature, m_key->publicKey(), &error));
    Policy newer = m_policy;
    newer.maxFailedAttempts = 5;
    const QByteArray bytes = newer.toBytes();
    QVERIFY2(cache.save(bytes, m_key->sign(bytes), m_key->publicKey(), &error), qPrintable(error));
    const auto entry = cache.load(m_key->publicKey(), &error);
    QVERIFY2(entry, qPrintable(error));
    QCOMPARE(entry->policy.maxFailedAttempts, 5);
}

void TestPolicyCache::flippedPolicyByteIsRejected_data()
{
    QTest::addColumn<QString>("column");
    QTest::addColumn<int>("index");
    QTest::newRow("policy, first byte") << QStringLiteral("policy") << 0;
    QTest::newRow("policy, a digit") << QStringLiteral("policy") << 20;
    QTest::newRow("signature, first byte") << QStringLiteral("signature") << 0;
    QTest::newRow("signature, last byte") << QStringLiteral("signature") << 63;
}

void TestPolicyCache::flippedPolicyByteIsRejected()
{
    QFETCH(QString, column);
    QFETCH(int, index);
    PolicyCache cache(m_path);
    QString error;
    QVERIFY(cache.save(m_bytes, m_signature, m_key->publicKey(), &error));
    flipByte(column, index);
    error.clear();
    QVERIFY(!cache.load(m_key->publicKey(), &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(QSqlDatabase::connectionNames().isEmpty());
}

void TestPolicyCache::anotherKeyIsRejected()
{
    PolicyCache cache(m_path);
    QString error;
    QVERIFY(cache.save(m_bytes, m_signature, m_key->publicKey(), &error));
    const SigningKey other = SigningKey::generate();
    QVERIFY(!cache.load(other.publicKey(), &error));
    QVERIFY(!error.isEmpty());
    // Correctly signed by the other key, but the trusted key is ours.
    QVERIFY(cache.save(m_bytes, other.sign(m_bytes), other.publicKey(), &error));
    QVERIFY(!cache.load(m_key->publicKey(), &error));
    QVERIFY(!cache.load(QByteArray(), &error));
    QVERIFY(!cache.load(QByteArray(32, '\0'), &error));
}

void TestPolicyCache::missingFile()
{
    PolicyCache cache(m_path);
    QString error;
    QVERIFY(!cache.load(m_key->publicKey(), &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!QFile::exists(m_path)); // loading never creates the file
}

void TestPolicyCache::garbageFileIsRejected_data()
{
    QTest::addColumn<QByteArray>("contents");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("text") << QByteArray("this is not a database\n");
    QTest::newRow("random") << QByteArray(4096, '\xa5');
    QByteArray fakeHeader("SQLite format 3");
    fakeHeader.append('\0');
    fakeHeader.append(QByteArray(4080, '\x7f'));
    QTest::newRow("sqlite header, garbage body") << fakeHeader;
}

void TestPolicyCache::garbageFileIsRejected()
{
    QFETCH(QByteArray, contents);
    {
        QFile file(m_path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(contents);
    }
    PolicyCache cache(m_path);
    QString error;
    QVERIFY(!cache.load(m_key->publicKey(), &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(QSqlDatabase::connectionNames().isEmpty());
}

void TestPolicyCache::emptyTableIsRejected()
{
    PolicyCache cache(m_path);
    QString error;
    QVERIFY(cache.save(m_bytes, m_signature, m_key->publicKey(), &error));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("wipe"));
        db.setDatabaseName(m_path);
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("DELETE FROM policy_cache")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("wipe"));
    QVERIFY(!cache.load(m_key->publicKey(), &error));
}

void TestPolicyCache::saveRefusesBadSignatures()
{
    PolicyCache cache(m_path);
    QString error;
    QVERIFY(!cache.save(m_bytes, QByteArray(), m_key->publicKey(), &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!cache.save(m_bytes, QByteArray(64, '\0'), m_key->publicKey(), &error));
    QByteArray flipped = m_signature;
    flipped[10] = char(flipped.at(10) ^ 0x80);
    QVERIFY(!cache.save(m_bytes, flipped, m_key->publicKey(), &error));
    QVERIFY(!cache.save(m_bytes, m_signature, SigningKey::generate().publicKey(), &error));
    QVERIFY(!cache.save(m_bytes, m_signature, QByteArray(), &error));
    // Nothing was stored, so there is nothing to load.
    QVERIFY(!cache.load(m_key->publicKey(), &error));

    // A refused save leaves an earlier good entry alone.
    QVERIFY(cache.save(m_bytes, m_signature, m_key->publicKey(), &error));
    QVERIFY(!cache.save(m_bytes + ' ', m_signature, m_key->publicKey(), &error));
    const auto entry = cache.load(m_key->publicKey(), &error);
    QVERIFY(entry);
    QCOMPARE(entry->policyBytes, m_bytes);
}

void TestPolicyCache::saveRefusesAnInvalidPolicy()
{
    // Properly signed, but not a policy.
    const QByteArray notPolicy = R"({"version":1,"question_count":"three"})";
    PolicyCache cache(m_path);
    QString error;
    QVERIFY(!cache.save(notPolicy, m_key->sign(notPolicy), m_key->publicKey(), &error));
    QVERIFY(!error.isEmpty());
    const QByteArray notJson = "\x01\x02garbage";
    QVERIFY(!cache.save(notJson, m_key->sign(notJson), m_key->publicKey(), &error));
}

QTEST_GUILESS_MAIN(TestPolicyCache)
#include "test_policy_cache.moc"
