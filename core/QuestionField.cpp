#include "QuestionField.h"

namespace vigil {

QString questionFieldName(QuestionField field)
{
    switch (field) {
    case QuestionField::Title:
        return QStringLiteral("title");
    case QuestionField::MiddleInitial:
        return QStringLiteral("middle_initial");
    case QuestionField::EmployeeId:
        return QStringLiteral("employee_id");
    case QuestionField::Birthday:
        return QStringLiteral("birthday");
    case QuestionField::Secret:
        return QStringLiteral("secret");
    }
    return {};
}

std::optional<QuestionField> questionFieldFromName(QStringView name)
{
    for (auto field : {QuestionField::Title, QuestionField::MiddleInitial, QuestionField::EmployeeId,
                       QuestionField::Birthday, QuestionField::Secret}) {
        if (name == questionFieldName(field))
            return field;
    }
    return std::nullopt;
}

QList<QuestionField> knowledgeFields()
{
    return {QuestionField::Title, QuestionField::MiddleInitial, QuestionField::EmployeeId,
            QuestionField::Birthday};
}

} // namespace vigil
