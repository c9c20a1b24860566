#include "Policy.h"

#include <QJsonArray>

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

    void actionCatalogDefaultsFollowDesign()
    {
        const Policy policy;
        QCOMPARE(policy.action(QStringLiteral("view_profile")).level, 1);
        QCOMPARE(policy.action(QStringLiteral("unlock_account")).level, 2);
        QCOMPARE(policy.action(QStringLiteral("unlock_account")).approvals, 0);
        QCOMPARE(policy.action(QStringLiteral("reset_password")).level, 2);
        QCOMPARE(policy.action(QStringLiteral("reset_password")).approvals, 1);
        QCOMPARE(policy.action(QStringLiteral("reset_mfa")).level, 3);
        QCOMPARE(policy.action(QStringLiteral("change_email")).level, 3);
        QVERIFY(policy.action(QStringLiteral("change_email")).undoSeconds > 0);
        QVERIFY(policy.action(QStringLiteral("change_phone")).undoSeconds > 0);
        for (const auto &name : actionNames()) {
            if (isRequestableAction(name) && name != QLatin1String("unlock_account"))
                QCOMPARE(policy.action(name).privilegedApprovals, 2);
        }
        QVERIFY(!isRequestableAction(QStringLiteral("view_profile")));
        QVERIFY(!isRequestableAction(QStringLiteral("format_disk")));
    }

    void actionCatalogRoundTripsAndSets()
    {
        Policy policy;
        QString error;
        QVERIFY2(policy.set(QStringLiteral("actions.change_email.undo_seconds"), QStringLiteral("5"), &error),
                 qPrintable(error));
        QVERIFY(policy.set(QStringLiteral("actions.reset_mfa.privileged_refused"), QStringLiteral("true"),
                           &error));
        QVERIFY(policy.set(QStringLiteral("actions.unlock_account.approvals"), QStringLiteral("3"), &error));
        QCOMPARE(policy.action(QStringLiteral("unlock_account")).privilegedApprovals, 3);
        QVERIFY(policy.set(QStringLiteral("escalation_ttl_seconds"), QStringLiteral("120"), &error));
        const auto back = Policy::fromBytes(policy.toBytes(), &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(*back, policy);
        QCOMPARE(back->action(QStringLiteral("change_email")).undoSeconds, 5);
        QVERIFY(back->action(QStringLiteral("reset_mfa")).privilegedRefused);

        const Policy before = policy;
        QVERIFY(!policy.set(QStringLiteral("actions.reset_password.privileged_approvals"),
                            QStringLiteral("0"),
                            &error)); // below approvals
        QVERIFY(!policy.set(QStringLiteral("actions.view_profile.approvals"), QStringLiteral("1"), &error));
        QVERIFY(!policy.set(QStringLiteral("actions.teleport.level"), QStringLiteral("1"), &error));
        QVERIFY(!policy.set(QStringLiteral("actions.reset_mfa.level"), QStringLiteral("4"), &error));
        QVERIFY(!policy.set(QStringLiteral("actions.reset_mfa.privileged_refused"), QStringLiteral("yes"),
                            &error));
        QVERIFY(!policy.set(QStringLiteral("actions.reset_mfa"), QStringLiteral("1"), &error));
        QCOMPARE(policy, before);
    }

    void policiesFromBeforeTheCatalogKeepDefaults()
    {
        auto object = Policy{}.toJson();
        object.remove(QStringLiteral("actions"));
        object.remove(QStringLiteral("escalation_ttl_seconds"));
        QString error;
        const auto policy = Policy::fromJson(object, &error);
        QVERIFY2(policy, qPrintable(error));
        QCOMPARE(*policy, Policy{});
    }

    void catalogRejectsTamperedRules()
    {
        QString error;
        auto object = Policy{}.toJson();
        auto catalog = object.value(QStringLiteral("actions")).toObject();
        catalog.insert(QStringLiteral("wire_money"), catalog.value(QStringLiteral("reset_mfa")));
        object.insert(QStringLiteral("actions"), catalog);
        QVERIFY(!Policy::fromJson(object, &error));

        object = Policy{}.toJson();
        catalog = object.value(QStringLiteral("actions")).toObject();
        auto rule = catalog.value(QStringLiteral("reset_mfa")).toObject();
        rule.insert(QStringLiteral("level"), QStringLiteral("1"));
        catalog.insert(QStringLiteral("reset_mfa"), rule);
        object.insert(QStringLiteral("actions"), catalog);
        QVERIFY(!Policy::fromJson(object, &error));

        object = Policy{}.toJson();
        object.insert(QStringLiteral("actions"), QJsonArray{});
        QVERIFY(!Policy::fromJson(object, &error));
    }

    // Found by tests/fuzz/fuzz_policy: QJsonValue::toInt() read 1.5 approvals as 0, which dropped
    // the supervisor's approval instead of refusing the policy.
    void numbersMustBeWhole()
    {
        QString error;
        auto object = Policy{}.toJson();
        auto catalog = object.value(QStringLiteral("actions")).toObject();
        auto rule = catalog.value(QStringLiteral("reset_password")).toObject();
        rule.insert(QStringLiteral("approvals"), 1.5);
        catalog.insert(QStringLiteral("reset_password"), rule);
        object.insert(QStringLiteral("actions"), catalog);
        QVERIFY(!Policy::fromJson(object, &error));
        QVERIFY(error.contains(QStringLiteral("whole number")));

        for (const double tooOdd : {2.5, 1e10, -0.5}) {
            object = Policy{}.toJson();
            object.insert(QStringLiteral("max_failed_attempts"), tooOdd);
            QVERIFY(!Policy::fromJson(object, &error));
        }
        object = Policy{}.toJson();
        object.insert(QStringLiteral("max_failed_attempts"), 4.0);
        const auto policy = Policy::fromJson(object, &error);
        QVERIFY(policy);
        QCOMPARE(policy->maxFailedAttempts, 4);
    }
};

QTEST_GUILESS_MAIN(TestPolicy)
#include "test_policy.moc"
