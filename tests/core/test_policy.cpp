#include "Policy.h"

#include <QJsonDocument>
#include <QTest>

using namespace vigil;

class TestPolicy : public QObject
{
    Q_OBJECT
private slots:
    void defaultsFollowOpenIam()
    {
        const Policy policy;
        QCOMPARE(policy.questionCount, 3);
        QCOMPARE(policy.maxFailedAttempts, 3);
        QCOMPARE(policy.lockoutSeconds, 1800);
        QCOMPARE(policy.grantSeconds, 900);
        QCOMPARE(policy.verificationTtlSeconds, 300);
        QCOMPARE(policy.questionFields, knowledgeFields());
    }

    void bytesAreCanonicalAndRoundTrip()
    {
        Policy policy;
        QString error;
        QVERIFY(policy.set(QStringLiteral("max_failed_attempts"), QStringLiteral("5"), &error));
        const QByteArray bytes = policy.toBytes();
        QCOMPARE(bytes, policy.toBytes());
        QVERIFY(!bytes.contains('\n'));
        const auto back = Policy::fromBytes(bytes, &error);
        QVERIFY2(back.has_value(), qPrintable(error));
        QCOMPARE(*back, policy);
        QCOMPARE(back->maxFailedAttempts, 5);
    }

    void setRejectsBadValues_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::newRow("unknown key") << "max_tries"
                                     << "3";
        QTest::newRow("not a number") << "lockout_seconds"
                                      << "soon";
        QTest::newRow("zero attempts") << "max_failed_attempts"
                                       << "0";
        QTest::newRow("negative") << "grant_seconds"
                                  << "-5";
        QTest::newRow("too many questions") << "question_count"
                                            << "9";
        QTest::newRow("secret is not a knowledge field") << "question_fields"
                                                         << "title,secret";
        QTest::newRow("unknown field") << "question_fields"
                                       << "title,shoe_size";
        QTest::newRow("repeated field") << "question_fields"
                                        << "title,title";
    }

    void setRejectsBadValues()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        Policy policy;
        const Policy before = policy;
        QString error;
        QVERIFY(!policy.set(key, value, &error));
        QVERIFY(!error.isEmpty());
        QCOMPARE(policy, before); // a refused change leaves the policy as it was
    }

    void questionCountCannotExceedFields()
    {
        Policy policy;
        QString error;
        // Three questions need two knowledge fields besides the secret.
        QVERIFY(!policy.set(QStringLiteral("question_fields"), QStringLiteral("title"), &error));
        QVERIFY(policy.set(QStringLiteral("question_count"), QStringLiteral("2"), &error));
        QVERIFY(policy.set(QStringLiteral("question_fields"), QStringLiteral("title"), &error));
        QVERIFY(!policy.set(QStringLiteral("question_count"), QStringLiteral("3"), &error));
    }

    void fromJsonRejectsTamperedShapes()
    {
        QString error;
        QVERIFY(!Policy::fromBytes("not json", &error));
        QVERIFY(!Policy::fromBytes("[]", &error));
        auto object = Policy{}.toJson();
        object.insert(QStringLiteral("version"), 2);
        QVERIFY(!Policy::fromJson(object, &error));
        object = Policy{}.toJson();
        object.insert(QStringLiteral("lockout_seconds"), QStringLiteral("1800"));
        QVERIFY(!Policy::fromJson(object, &error));
    }
};

QTEST_GUILESS_MAIN(TestPolicy)
#include "test_policy.moc"
