#include "DataKey.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;

class TestDataKey : public QObject
{
    Q_OBJECT
private slots:
    void roundTripAndBinding()
    {
        QTemporaryDir dir;
        QString error;
        const QString path = dir.filePath(QStringLiteral("data.key"));
        const auto key = DataKey::loadOrCreate(path, &error);
        QVERIFY2(key, qPrintable(error));
        const auto permissions = QFile::permissions(path);
        QVERIFY(permissions.testFlag(QFile::ReadOwner) && permissions.testFlag(QFile::WriteOwner));
        QVERIFY(!(permissions
                  & (QFile::ReadGroup | QFile::WriteGroup | QFile::ReadOther | QFile::WriteOther)));

        const QByteArray sealed = key->encrypt("JBSWY3DPEHPK3PXP", "totp:7");
        QVERIFY(!sealed.contains("JBSWY3DPEHPK3PXP"));
        QCOMPARE(key->decrypt(sealed, "totp:7").value_or(QByteArray()), QByteArray("JBSWY3DPEHPK3PXP"));
        QVERIFY(!key->decrypt(sealed, "totp:8")); // bound to its row
        QByteArray tampered = sealed;
        tampered[tampered.size() - 1] = char(tampered.at(tampered.size() - 1) ^ 1);
        QVERIFY(!key->decrypt(tampered, "totp:7"));
        QVERIFY(!key->decrypt("short", "totp:7"));
        QVERIFY(key->encrypt("same", "c") != key->encrypt("same", "c")); // fresh nonce each time

        const auto reloaded = DataKey::loadOrCreate(path, &error);
        QVERIFY(reloaded);
        QCOMPARE(reloaded->decrypt(sealed, "totp:7").value_or(QByteArray()), QByteArray("JBSWY3DPEHPK3PXP"));
    }

    void corruptFileIsRefused()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("data.key"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not a key\n");
        file.close();
        QString error;
        QVERIFY(!DataKey::loadOrCreate(path, &error));
        QVERIFY(error.contains(QLatin1String("not a Vigil data key")));
    }
};

QTEST_GUILESS_MAIN(TestDataKey)
#include "test_data_key.moc"
