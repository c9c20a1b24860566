#pragma once

#include "Policy.h"
#include "QuestionField.h"

#include <QList>
#include <QString>
#include <functional>

namespace vigil {

struct Question
{
    QString id; // unique within its verification: "q1", "q2", …
    QuestionField field;
};

// Chooses the questions of one verification: the user secret always, plus
// (question_count − 1) of the policy's fields that the profile actually has, picked with a CSPRNG.
// A retry avoids the previous set of knowledge fields whenever another set exists.
class QuestionGenerator
{
public:
    // uniform(n) returns a value in [0, n); production uses libsodium's randombytes_uniform.
    using UniformRandom = std::function<quint32(quint32)>;

    explicit QuestionGenerator(UniformRandom uniform = {});

    QList<Question> generate(const Policy &policy, const QList<QuestionField> &enrolledFields,
                             const QList<QuestionField> &previousFields) const;

private:
    UniformRandom m_uniform;
};

} // namespace vigil
