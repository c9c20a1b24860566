#include "Policy.h"
#include "QuestionGenerator.h"

#include <QSet>
#include <QTest>

using namespace vigil;

namespace {
QSet<QuestionField> fieldsOf(const QList<Question> &questions)
{
    QSet<QuestionField> fields;
    for (const auto &q : questions)
        fields.insert(q.field);
    return fields;
}
} // namespace

class TestQuestionGenerator : public QObject
{
    Q_OBJECT
private slots:
    void secretAlwaysAskedAndCountHonoured()
    {
        const QuestionGenerator generator;
        const Policy policy;
        for (int i = 0; i < 200; ++i) {
            const auto questions = generator.generate(policy, knowledgeFields() << QuestionField::Secret, {});
            QCOMPARE(questions.size(), 3);
            QVERIFY(fieldsOf(questions).contains(QuestionField::Secret));
            QCOMPARE(fieldsOf(questions).size(), 3); // no field asked twice
        }
    }

    void questionIdsAreUniqueWithinAVerification()
    {
        const auto questions =
                QuestionGenerator().generate(Policy{}, knowledgeFields() << QuestionField::Secret, {});
        QSet<QString> ids;
        for (const auto &q : questions)
            ids.insert(q.id);
        QCOMPARE(ids.size(), questions.size());
    }

    void nullFieldsAreNeverAsked()
    {
        const QuestionGenerator generator;
        const QList<QuestionField> enrolled{QuestionField::Birthday, QuestionField::EmployeeId,
                                            QuestionField::Secret};
        for (int i = 0; i < 200; ++i) {
            const auto fields = fieldsOf(generator.generate(Policy{}, enrolled, {}));
            QVERIFY(!fields.contains(QuestionField::Title));
            QVERIFY(!fields.contains(QuestionField::MiddleInitial));
        }
    }

    void fewerEligibleFieldsGiveFewerQuestions()
    {
        const auto questions =
                QuestionGenerator().generate(Policy{}, {QuestionField::Birthday, QuestionField::Secret}, {});
        QCOMPARE(fieldsOf(questions), (QSet<QuestionField>{QuestionField::Birthday, QuestionField::Secret}));
        const auto onlySecret = QuestionGenerator().generate(Policy{}, {QuestionField::Secret}, {});
        QCOMPARE(onlySecret.size(), 1);
        QCOMPARE(onlySecret.first().field, QuestionField::Secret);
    }

    void policyFieldsLimitTheChoice()
    {
        Policy policy;
        policy.questionFields = {QuestionField::Title, QuestionField::Birthday};
        for (int i = 0; i < 100; ++i) {
            const auto fields = fieldsOf(
                    QuestionGenerator().generate(policy, knowledgeFields() << QuestionField::Secret, {}));
            QCOMPARE(fields,
                     (QSet<QuestionField>{QuestionField::Title, QuestionField::Birthday,
                                          QuestionField::Secret}));
        }
    }

    void retryAvoidsThePreviousSet()
    {
        const QuestionGenerator generator;
        const auto all = knowledgeFields() << QuestionField::Secret;
        auto previous = generator.generate(Policy{}, all, {});
        for (int i = 0; i < 200; ++i) {
            const auto next = generator.generate(Policy{}, all, [&] {
                QList<QuestionField> f;
                for (const auto &q : previous)
                    f.append(q.field);
                return f;
            }());
            QVERIFY2(fieldsOf(next) != fieldsOf(previous), "a retry repeated the previous question set");
            previous = next;
        }
    }

    void retryRepeatsWhenNoOtherSetExists()
    {
        const QList<QuestionField> enrolled{QuestionField::Birthday, QuestionField::Title,
                                            QuestionField::Secret};
        const auto questions = QuestionGenerator().generate(Policy{}, enrolled, enrolled);
        QCOMPARE(fieldsOf(questions), QSet<QuestionField>(enrolled.begin(), enrolled.end()));
    }

    void choiceUsesTheRandomSourceUniformly()
    {
        // Every one of the C(4,2) = 6 knowledge pairs must come up.
        QSet<QSet<QuestionField>> seen;
        const QuestionGenerator generator;
        for (int i = 0; i < 500; ++i)
            seen.insert(
                    fieldsOf(generator.generate(Policy{}, knowledgeFields() << QuestionField::Secret, {})));
        QCOMPARE(seen.size(), 6);
    }

    void injectedRandomSourceIsUsed()
    {
        int calls = 0;
        const QuestionGenerator generator([&calls](quint32) {
            ++calls;
            return 0u;
        });
        const auto questions = generator.generate(Policy{}, knowledgeFields() << QuestionField::Secret, {});
        QVERIFY(calls > 0);
        QCOMPARE(questions.size(), 3);
    }
};

QTEST_GUILESS_MAIN(TestQuestionGenerator)
#include "test_question_generator.moc"
