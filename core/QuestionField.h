#pragma once

#include <QHashFunctions>
#include <QList>
#include <QString>
#include <optional>

namespace vigil {

// The profile fields a caller can be asked about. The names are part of the API contract.
enum class QuestionField { Title, MiddleInitial, EmployeeId, Birthday, Secret };

inline size_t qHash(QuestionField field, size_t seed = 0) noexcept
{
    return ::qHash(static_cast<int>(field), seed);
}

QString questionFieldName(QuestionField field);
std::optional<QuestionField> questionFieldFromName(QStringView name);
// The four knowledge fields policy may choose from; the user secret is always asked on top.
QList<QuestionField> knowledgeFields();

} // namespace vigil
