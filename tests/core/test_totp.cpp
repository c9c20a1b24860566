// Totp against the RFC 6238 reference values and against an independent implementation
// (oathtool from OATH Toolkit), plus base32, replay protection and the otpauth:// URI.
#include "Totp.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using vigil::Totp;

class TestTotp : public QObject
{
    Q_OBJECT

private slots:
    void rfc6238Vectors_data();
    void rfc6238Vectors();
    void base32RoundTrip();
    void base32Rfc4648Vectors();
    void base32RejectsJunk();
    void matchesOathtool();
    void verifyWindowAndReplay();
    void otpauthUri();
};

void TestTotp::rfc6238Vectors_data()
{
    QTest::addColumn<qint64>("time");
    QTest::addColumn<QString>("expected");
    QTest::newRow("59") << qint64(59) << QStringLiteral("94287082");
    QTest::newRow("1111111109") << qint64(1111111109) << QStringLiteral("07081804");
    QTest::newRow("1111111111") << qint64(1111111111) << QStringLiteral("14050471");
    QTest::newRow("1234567890") << qint64(1234567890) << QStringLiteral("89005924");
    QTest::newRow("2000000000") << qint64(2000000000) << QStringLiteral("69279037");
}

void TestTotp::rfc6238Vectors()
{
    QFETCH(qint64, time);
    QFETCH(QString, expected);
    const QByteArray secret = QByteArrayLiteral("12345678901234567890");
    QCOMPARE(Totp::code(secret, time, 8), expected);
    QCOMPARE(Totp::code(secret, time), expected.right(6));
}

void TestTotp::base32RoundTrip()
{
    for (int size = 0; size < 42; ++size) {
        QByteArray data;
        for (int i = 0; i < size; ++i)
            data.append(static_cast<char>((i * 37 + size) & 0xff));
        const QString text = Totp::base32Encode(data);
        QCOMPARE(text.size() % 8, 0);
        QCOMPARE(Totp::base32Decode(text), std::optional<QByteArray>(data));
        QCOMPARE(Totp::base32Decode(text.toLower()), std::optional<QByteArray>(data));
    }
}

void TestTotp::base32Rfc4648Vectors()
{
    QCOMPARE(Totp::base32Encode(QByteArrayLiteral("f")), QStringLiteral("MY======"));
    QCOMPARE(Totp::base32Encode(QByteArrayLiteral("fo")), QStringLiteral("MZXQ===="));
    QCOMPARE(Totp::base32Encode(QByteArrayLiteral("foo")), QStringLiteral("MZXW6==="));
    QCOMPARE(Totp::base32Encode(QByteArrayLiteral("foob")), QStringLiteral("MZXW6YQ="));
    QCOMPARE(Totp::base32Encode(QByteArrayLiteral("fooba")), QStringLiteral("MZXW6YTB"));
    QCOMPARE(Totp::base32Encode(QByteArrayLiteral("foobar")), QStringLiteral("MZXW6YTBOI======"));
    QCOMPARE(Totp::base32Decode(QStringLiteral("MZXW 6YTB OI")),
             std::optional<QByteArray>(QByteArrayLiteral("foobar")));
}

void TestTotp::base32RejectsJunk()
{
    QVERIFY(!Totp::base32Decode(QStringLiteral("MZXW1YTB")));
    QVERIFY(!Totp::base32Decode(QStringLiteral("MZ=XW")));
    QVERIFY(!Totp::base32Decode(QStringLiteral("MZXW6YT\u00e9")));
}

void TestTotp::matchesOathtool()
{
    if (QStandardPaths::findExecutable(QStringLiteral("oathtool")).isEmpty())
        QSKIP("oathtool is not installed");
    const QByteArray secret = QByteArray::fromHex("3132333435363738393031323334353637383930a1b2c3d4");
    const QString base32 = Totp::base32Encode(secret);
    const QList<qint64> times{59, 1111111109, 1234567890, 1700000000, 1700000029, 1700000030, 2000000000};
    for (const qint64 time : times) {
        QProcess oathtool;
        oathtool.start(QStringLiteral("oathtool"),
                       {QStringLiteral("--totp"), QStringLiteral("-b"), base32, QStringLiteral("--now"),
                        QStringLiteral("@%1").arg(time)});
        QVERIFY(oathtool.waitForFinished(10000));
        QCOMPARE(oathtool.exitCode(), 0);
        const QString reference = QString::fromLatin1(oathtool.readAllStandardOutput()).trimmed();
        QCOMPARE(reference.size(), 6);
        QCOMPARE(Totp::code(secret, time), reference);
    }
}

void TestTotp::verifyWindowAndReplay()
{
    const QByteArray secret = QByteArrayLiteral("12345678901234567890");
    const qint64 now = 1700000015;
    const qint64 step = Totp::stepAt(now);
    QCOMPARE(Totp::verify(secret, Totp::code(secret, now), now), std::optional<qint64>(step));
    QCOMPARE(Totp::verify(secret, Totp::code(secret, now - 30), now), std::optional<qint64>(step - 1));
    QCOMPARE(Totp::verify(secret, Totp::code(secret, now + 30), now), std::optional<qint64>(step + 1));
    QVERIFY(!Totp::verify(secret, Totp::code(secret, now - 60), now));
    QVERIFY(!Totp::verify(secret, Totp::code(secret, now + 60), now));
    // Replay: the step already accepted, or an earlier one, is refused.
    QVERIFY(!Totp::verify(secret, Totp::code(secret, now), now, 1, step));
    QVERIFY(!Totp::verify(secret, Totp::code(secret, now - 30), now, 1, step - 1));
    QCOMPARE(Totp::verify(secret, Totp::code(secret, now + 30), now, 1, step),
             std::optional<qint64>(step + 1));
    QVERIFY(!Totp::verify(secret, QStringLiteral("12345"), now));
    QVERIFY(!Totp::verify(secret, QStringLiteral("abcdef"), now));
    QVERIFY(!Totp::verify(QByteArray(), Totp::code(secret, now), now));
}

void TestTotp::otpauthUri()
{
    const QString uri = Totp::otpauthUri(QStringLiteral("Vigil"), QStringLiteral("j.doe@acme.org"),
                                         QByteArrayLiteral("12345678901234567890"));
    QCOMPARE(uri,
             QStringLiteral("otpauth://totp/Vigil:j.doe%40acme.org?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
                            "&issuer=Vigil&algorithm=SHA1&digits=6&period=30"));
}

QTEST_GUILESS_MAIN(TestTotp)
#include "test_totp.moc"
