#include "QuestionGenerator.h"

#include "SecureRandom.h"

#include <algorithm>

namespace vigil {

namespace {
void collectCombinations(const QList<QuestionField> &pool, int size, int start, QList<QuestionField> &current,
                         QList<QList<QuestionField>> &out)
{
    if (current.size() == size) {
        out.append(current);
        return;
    }
    for (int i = start; i < pool.size(); ++i) {
        current.append(pool.at(i));
        collectCombinations(pool, size, i + 1, current, out);
        current.removeLast();
    }
}

bool sameSet(QList<QuestionField> a, QList<QuestionField> b)
{
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    return a == b;
}
} // namespace

QuestionGenerator::QuestionGenerator(UniformRandom uniform)
    : m_uniform(uniform ? std::move(uniform)
                        : UniformRandom([](quint32 n) { return SecureRandom::uniform(n); }))
{
}

QList<Question> QuestionGenerator::generate(const Policy &policy, const QList<QuestionField> &enrolledFields,
                                            const QList<QuestionField> &previousFields) const
{
    QList<QuestionField> eligible;
    for (auto field : policy.questionFields) {
        if (field != QuestionField::Secret && enrolledFields.contains(field))
            eligible.append(field);
    }
    const int knowledgeCount = std::min<int>(std::max(policy.questionCount - 1, 0), eligible.size());

    QList<QList<QuestionField>> combinations;
    QList<QuestionField> current;
    collectCombinations(eligible, knowledgeCount, 0, current, combinations);

    QList<QuestionField> previousKnowledge;
    for (auto field : previousFields) {
        if (field != QuestionField::Secret)
            previousKnowledge.append(field);
    }
    if (combinations.size() > 1 && !previousKnowledge.isEmpty()) {
        combinations.removeIf(
                [&](const QList<QuestionField> &set) { return sameSet(set, previousKnowledge); });
    }

    QList<QuestionField> chosen = combinations.at(static_cast<int>(m_uniform(combinations.size())));
    chosen.append(QuestionField::Secret);
    // Fisher–Yates, so the secret is not always last.
    for (int i = chosen.size() - 1; i > 0; --i)
        chosen.swapItemsAt(i, static_cast<int>(m_uniform(static_cast<quint32>(i + 1))));

    QList<Question> questions;
    for (int i = 0; i < chosen.size(); ++i)
        questions.append({QStringLiteral("q%1").arg(i + 1), chosen.at(i)});
    return questions;
}

} // namespace vigil
