#include "Argon2Hasher.h"
#include "Blake2b.h"
#include "SecureMemory.h"
#include "SecureRandom.h"
#include "SigningKey.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <atomic>
#include <thread>
#include <vector>

using namespace vigil;

class TestCrypto : public QObject
{
    Q_OBJECT

private slots:
    void argon2HashFormatAndVerify();
    void argon2SaltDiffers();
    void argon2GarbageEncodings_data();
    void argon2GarbageEncodings();
    void argon2NeedsRehash();
    void argon2DummyHash();
    void argon2ConcurrencyBound();

    void blake2bKnownAnswer();
    void blake2bIncrementalMatchesOneShot();
    void blake2bKeyed();

    void signAndVerify();
    void verifyRefusesWrongSizes_data();
    void verifyRefusesWrongSizes();
    void fromSecretKey();
    void copiesAreIndependent();
    void saveLoadRoundTrip();
    void loadErrors_data();
    void loadErrors();
    void loadMissingFile();

    void randomToken();
    void randomUniform();
    void randomHexId();
    void secureMemoryWipe();
};

void TestCrypto::argon2HashFormatAndVerify()
{
    const QByteArray encoded = Argon2Hasher::hash("correct horse");
    QVERIFY2(encoded.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), encoded.constData());
    QVERIFY(Argon2Hasher::verify(encoded, "correct horse"));
    QVERIFY(!Argon2Hasher::verify(encoded, "correct horsE"));
    QVERIFY(!Argon2Hasher::verify(encoded, ""));

    QByteArray tampered = encoded;
    tampered[tampered.size() - 2] = tampered.at(tampered.size() - 2) == 'A' ? 'B' : 'A';
    QVERIFY(!Argon2Hasher::verify(tampered, "correct horse"));

    const QByteArray emptySecret = Argon2Hasher::hash("");
    QVERIFY(!emptySecret.isEmpty());
    QVERIFY(Argon2Hasher::verify(emptySecret, ""));
    QVERIFY(!Argon2Hasher::verify(emptySecret, "x"));
}

void TestCrypto::argon2SaltDiffers()
{
    const QByteArray first = Argon2Hasher::hash("same");
    const QByteArray second = Argon2Hasher::hash("same");
    QVERIFY(first != second);
    QVERIFY(Argon2Hasher::verify(first, "same"));
    QVERIFY(Argon2Hasher::verify(second, "same"));
}

void TestCrypto::argon2GarbageEncodings_data()
{
    QTest::addColumn<QByteArray>("encoded");
    const QByteArray valid = Argon2Hasher::hash("secret");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("text") << QByteArray("not a hash");
    QTest::newRow("prefix only") << QByteArray("$argon2id$");
    QTest::newRow("truncated") << valid.left(valid.size() - 5);
    QTest::newRow("embedded nul") << QByteArray(valid).insert(20, '\0');
    QTest::newRow("too long") << valid + QByteArray(200, 'A');
    QTest::newRow("bcrypt") << QByteArray("$2y$10$abcdefghijklmnopqrstuuabcdefghijklmnopqrstuvwxyz01234");
    QTest::newRow("bad base64") << QByteArray("$argon2id$v=19$m=19456,t=2,p=1$!!!!$????");
    QTest::newRow("binary") << QByteArray("\xff\xfe\x01\x80", 4);
}

void TestCrypto::argon2GarbageEncodings()
{
    QFETCH(QByteArray, encoded);
    QVERIFY(!Argon2Hasher::verify(encoded, "secret"));
    QVERIFY(Argon2Hasher::needsRehash(encoded));
}

void TestCrypto::argon2NeedsRehash()
{
    QVERIFY(!Argon2Hasher::needsRehash(Argon2Hasher::hash("x")));
    QVERIFY(Argon2Hasher::needsRehash("$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$"
                                      "rsYxGsTeMxV0U0aFvOZbAL2JTCyjTXY7B9C2EtAFkzA"));
}

void TestCrypto::argon2DummyHash()
{
    const QByteArray dummy = Argon2Hasher::dummyHash();
    QVERIFY(dummy.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"));
    QCOMPARE(Argon2Hasher::dummyHash(), dummy);
    QVERIFY(!Argon2Hasher::verify(dummy, ""));
}

namespace {

struct GateRun
{
    int peak = 0; // most computations seen running at once
    int correct = 0; // verifications that gave the right answer
};

// Six threads verify three times each while the main thread watches how many run at once.
GateRun hashFromSixThreads(const QByteArray &encoded)
{
    std::atomic_int correct = 0;
    std::atomic_int finished = 0;
    std::vector<std::thread> threads;
    for (int t = 0; t < 6; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 3; ++i) {
                const bool right = (t + i) % 2 == 0;
                if (Argon2Hasher::verify(encoded, right ? "bounded" : "unbounded") == right)
                    ++correct;
            }
            ++finished;
        });
    }
    GateRun run;
    while (finished < 6) {
        run.peak = std::max(run.peak, Argon2Hasher::running());
        std::this_thread::yield();
    }
    for (auto &thread : threads)
        thread.join();
    run.correct = correct;
    return run;
}

} // namespace

void TestCrypto::argon2ConcurrencyBound()
{
    QVERIFY(Argon2Hasher::concurrencyLimit() >= 1); // bounded by default
    const int defaultLimit = Argon2Hasher::concurrencyLimit();
    const QByteArray encoded = Argon2Hasher::hash("bounded");
    QCOMPARE(Argon2Hasher::running(), 0);

    Argon2Hasher::setConcurrencyLimit(2);
    const GateRun bounded = hashFromSixThreads(encoded);
    QCOMPARE(bounded.correct, 18);
    QCOMPARE(bounded.peak, 2); // never more than the limit, and the limit was reached

    // Without the bound the same threads overlap further: the gate is what held them to two.
    Argon2Hasher::setConcurrencyLimit(0);
    const GateRun unbounded = hashFromSixThreads(encoded);
    QCOMPARE(unbounded.correct, 18);
    QVERIFY2(unbounded.peak > 2, qPrintable(QString::number(unbounded.peak)));

    Argon2Hasher::setConcurrencyLimit(-5); // read as "no bound", never as a gate nobody passes
    QCOMPARE(Argon2Hasher::concurrencyLimit(), 0);
    Argon2Hasher::setConcurrencyLimit(defaultLimit);
    QCOMPARE(Argon2Hasher::running(), 0);
}

void TestCrypto::blake2bKnownAnswer()
{
    QCOMPARE(Blake2b::hash256("").toHex(),
             QByteArray("0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8"));
    QCOMPARE(Blake2b().finalize(), Blake2b::hash256(""));
    QCOMPARE(Blake2b::hash256("abc").size(), 32);
    QVERIFY(Blake2b::hash256("abc") != Blake2b::hash256("abd"));
}

void TestCrypto::blake2bIncrementalMatchesOneShot()
{
    const QByteArray data = QByteArray("audit-entry|") + QByteArray(1000, 'x') + QByteArray("|end");
    Blake2b hasher;
    hasher.addData(data.left(7));
    hasher.addData(data.mid(7, 500));
    hasher.addData(QByteArrayView());
    hasher.addData(data.mid(507));
    const QByteArray digest = hasher.finalize();
    QCOMPARE(digest, Blake2b::hash256(data));
    QCOMPARE(hasher.finalize(), digest);

    hasher.reset();
    hasher.addData("abc");
    QCOMPARE(hasher.finalize(), Blake2b::hash256("abc"));

    Blake2b partial;
    partial.addData("ab");
    Blake2b copy = partial;
    copy.addData("c");
    partial.addData("d");
    QCOMPARE(copy.finalize(), Blake2b::hash256("abc"));
    QCOMPARE(partial.finalize(), Blake2b::hash256("abd"));
}

void TestCrypto::blake2bKeyed()
{
    const QByteArray key(32, '\x07');
    const QByteArray keyed = Blake2b::keyedHash256(key, "data");
    QCOMPARE(keyed.size(), 32);
    QVERIFY(keyed != Blake2b::hash256("data"));
    QCOMPARE(Blake2b::keyedHash256(key, "data"), keyed);
    QVERIFY(Blake2b::keyedHash256(QByteArray(32, '\x08'), "data") != keyed);
    QVERIFY(Blake2b::keyedHash256(QByteArray(16, '\x07'), "data").isEmpty());
    QVERIFY(Blake2b::keyedHash256(QByteArray(), "data").isEmpty());
}

void TestCrypto::signAndVerify()
{
    const SigningKey key = SigningKey::generate();
    QCOMPARE(key.publicKey().size(), 32);
    QCOMPARE(key.secretKey().size(), 64);
    const QByteArray message("verification 42 passed");
    const QByteArray signature = key.sign(message);
    QCOMPARE(signature.size(), 64);
    QVERIFY(SigningKey::verify(key.publicKey(), message, signature));

    QVERIFY(!SigningKey::verify(key.publicKey(), QByteArray("verification 43 passed"), signature));
    QByteArray tampered = signature;
    tampered[10] = char(tampered.at(10) ^ 0x01);
    QVERIFY(!SigningKey::verify(key.publicKey(), message, tampered));
    QVERIFY(!SigningKey::verify(SigningKey::generate().publicKey(), message, signature));
}

void TestCrypto::verifyRefusesWrongSizes_data()
{
    QTest::addColumn<QByteArray>("publicKey");
    QTest::addColumn<QByteArray>("signature");
    const SigningKey key = SigningKey::generate();
    const QByteArray signature = key.sign("m");
    QTest::newRow("empty key") << QByteArray() << signature;
    QTest::newRow("short key") << key.publicKey().left(31) << signature;
    QTest::newRow("long key") << key.publicKey() + 'x' << signature;
    QTest::newRow("secret key as public") << key.secretKey() << signature;
    QTest::newRow("empty signature") << key.publicKey() << QByteArray();
    QTest::newRow("short signature") << key.publicKey() << signature.left(63);
    QTest::newRow("long signature") << key.publicKey() << signature + 'x';
    QTest::newRow("zero key") << QByteArray(32, '\0') << signature;
}

void TestCrypto::verifyRefusesWrongSizes()
{
    QFETCH(QByteArray, publicKey);
    QFETCH(QByteArray, signature);
    QVERIFY(!SigningKey::verify(publicKey, "m", signature));
}

void TestCrypto::fromSecretKey()
{
    const SigningKey key = SigningKey::generate();
    const auto restored = SigningKey::fromSecretKey(key.secretKey());
    QVERIFY(restored);
    QCOMPARE(restored->publicKey(), key.publicKey());
    QVERIFY(SigningKey::verify(key.publicKey(), "m", restored->sign("m")));

    QVERIFY(!SigningKey::fromSecretKey(QByteArray()));
    QVERIFY(!SigningKey::fromSecretKey(key.secretKey().left(32)));
    QVERIFY(!SigningKey::fromSecretKey(key.secretKey() + 'x'));
    // Public half not matching the seed.
    QByteArray inconsistent = key.secretKey();
    inconsistent[40] = char(inconsistent.at(40) ^ 0x01);
    QVERIFY(!SigningKey::fromSecretKey(inconsistent));
}

void TestCrypto::copiesAreIndependent()
{
    std::optional<SigningKey> original = SigningKey::generate();
    const SigningKey copy = *original;
    SigningKey moved = std::move(*original);
    original.reset(); // destroys (and wipes) the original
    QCOMPARE(copy.secretKey(), moved.secretKey());
    QVERIFY(SigningKey::verify(copy.publicKey(), "m", copy.sign("m")));
    QVERIFY(SigningKey::verify(moved.publicKey(), "m", moved.sign("m")));
}

void TestCrypto::saveLoadRoundTrip()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("signing.key"));
    const SigningKey key = SigningKey::generate();
    QString error;
    QVERIFY2(key.saveToFile(path, &error), qPrintable(error));

    const QFileDevice::Permissions ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    // ReadUser/WriteUser mirror the owner bits when we own the file; ignore them.
    const QFileDevice::Permissions userBits =
            QFileDevice::ReadUser | QFileDevice::WriteUser | QFileDevice::ExeUser;
    QCOMPARE(QFile::permissions(path) & ~userBits, ownerOnly);

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray content = file.readAll();
    QVERIFY(content.startsWith("vigil-ed25519-secret-key-v1\n"));
    QVERIFY(content.endsWith('\n'));
    QCOMPARE(content.count('\n'), 2);
    file.close();

    const auto loaded = SigningKey::loadFromFile(path, &error);
    QVERIFY2(loaded, qPrintable(error));
    QCOMPARE(loaded->publicKey(), key.publicKey());
    QCOMPARE(loaded->secretKey(), key.secretKey());

    // Overwriting an existing, more permissive file must still leave it owner-only.
    QVERIFY(QFile::setPermissions(path, ownerOnly | QFileDevice::ReadGroup | QFileDevice::ReadOther));
    QVERIFY2(SigningKey::generate().saveToFile(path, &error), qPrintable(error));
    QCOMPARE(QFile::permissions(path) & ~userBits, ownerOnly);
}

void TestCrypto::loadErrors_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("errorPart");
    const QByteArray header("vigil-ed25519-secret-key-v1\n");
    const QByteArray validBase64 = SigningKey::generate().secretKey().toBase64();

    QTest::newRow("empty file") << QByteArray() << QStringLiteral("header");
    QTest::newRow("wrong header") << QByteArray("vigil-ed25519-secret-key-v2\n") + validBase64 + '\n'
                                  << QStringLiteral("header");
    QTest::newRow("no header") << validBase64 + '\n' << QStringLiteral("header");
    QTest::newRow("bad base64") << header + "!!!not base64!!!\n" << QStringLiteral("base64");
    QTest::newRow("header only") << header << QStringLiteral("base64");
    QTest::newRow("short key") << header + QByteArray(32, 'k').toBase64() + '\n'
                               << QStringLiteral("expected 64");
    QTest::newRow("long key") << header + QByteArray(96, 'k').toBase64() + '\n'
                              << QStringLiteral("expected 64");
    QByteArray corrupted = header + validBase64 + '\n';
    corrupted[header.size() + 60] = corrupted.at(header.size() + 60) == 'A' ? 'B' : 'A';
    QTest::newRow("corrupted public half") << corrupted << QStringLiteral("inconsistent");
    QTest::newRow("huge") << header + QByteArray(100000, 'A') << QStringLiteral("too large");
}

void TestCrypto::loadErrors()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, errorPart);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("signing.key"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(content), content.size());
    file.close();

    QString error;
    QVERIFY(!SigningKey::loadFromFile(path, &error));
    QVERIFY2(error.contains(errorPart), qPrintable(error));
    QVERIFY(error.contains(path));
}

void TestCrypto::loadMissingFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("absent.key"));
    QString error;
    QVERIFY(!SigningKey::loadFromFile(path, &error));
    QVERIFY2(error.contains(QStringLiteral("does not exist")), qPrintable(error));
    QVERIFY(!SigningKey::loadFromFile(path, nullptr));
}

void TestCrypto::randomToken()
{
    static const QRegularExpression base64Url(QStringLiteral("^[A-Za-z0-9_-]{43}$"));
    const QByteArray first = SecureRandom::token();
    const QByteArray second = SecureRandom::token();
    QCOMPARE(first.size(), 43);
    QVERIFY2(base64Url.match(QString::fromLatin1(first)).hasMatch(), first.constData());
    QVERIFY(base64Url.match(QString::fromLatin1(second)).hasMatch());
    QVERIFY(first != second);
    QCOMPARE(QByteArray::fromBase64(first, QByteArray::Base64UrlEncoding).size(), 32);

    QCOMPARE(SecureRandom::bytes(0), QByteArray());
    QCOMPARE(SecureRandom::bytes(-1), QByteArray());
    QCOMPARE(SecureRandom::bytes(17).size(), 17);
    QVERIFY(SecureRandom::bytes(32) != SecureRandom::bytes(32));
}

void TestCrypto::randomUniform()
{
    QSet<quint32> seen;
    for (int i = 0; i < 2000; ++i) {
        const quint32 value = SecureRandom::uniform(10);
        QVERIFY(value < 10);
        seen.insert(value);
    }
    QCOMPARE(seen.size(), 10); // chance of missing a value in 2000 draws is negligible
    QCOMPARE(SecureRandom::uniform(1), 0u);
    QCOMPARE(SecureRandom::uniform(0), 0u);
    QVERIFY(SecureRandom::uniform(0xffffffffu) < 0xffffffffu);
}

void TestCrypto::randomHexId()
{
    static const QRegularExpression lowerHex(QStringLiteral("^[0-9a-f]{32}$"));
    const QString id = SecureRandom::hexId();
    QVERIFY2(lowerHex.match(id).hasMatch(), qPrintable(id));
    QVERIFY(SecureRandom::hexId() != id);
    QCOMPARE(SecureRandom::hexId(4).size(), 8);
}

void TestCrypto::secureMemoryWipe()
{
    QByteArray bytes("top secret");
    const QByteArray shared = bytes; // the wipe must leave other copies intact
    SecureMemory::wipe(bytes);
    QVERIFY(bytes.isEmpty());
    QCOMPARE(shared, QByteArray("top secret"));

    QByteArray unshared("another secret");
    unshared.detach();
    SecureMemory::wipe(unshared);
    QVERIFY(unshared.isEmpty());

    QString text = QStringLiteral("secret answer");
    text.detach();
    SecureMemory::wipe(text);
    QVERIFY(text.isEmpty());

    QByteArray empty;
    SecureMemory::wipe(empty);
    QString emptyText;
    SecureMemory::wipe(emptyText);
}

QTEST_GUILESS_MAIN(TestCrypto)
#include "test_crypto.moc"
