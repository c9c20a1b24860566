#pragma once

#include <QDate>
#include <QJsonObject>
#include <QString>
#include <optional>

namespace vigil {

// A profile as it enters the store (import, demo data): plaintext, before the answer fields are
// hashed. It only ever lives in memory on the way in.
struct ProfileRecord
{
    QString username; // required, unique, [A-Za-z0-9._-]{1,64}
    QString displayName; // required, 1..200 chars
    QString department; // optional
    QString email; // optional; when present must contain one '@' with text either side
    QString phone; // optional; digits, spaces, + - ( ) only
    bool privileged = false;
    // Knowledge fields: an empty optional means "null", i.e. not eligible as a question.
    std::optional<QString> title;
    std::optional<QString> middleInitial; // one letter
    std::optional<QString> employeeId;
    std::optional<QDate> birthday;
    std::optional<QString> secret; // the user secret; a profile without one cannot be verified

    // The knowledge fields that are set, by their API names, as typed (the demo's answer sheet).
    QJsonObject answers() const
    {
        QJsonObject answers;
        if (title)
            answers.insert(QStringLiteral("title"), *title);
        if (middleInitial)
            answers.insert(QStringLiteral("middle_initial"), *middleInitial);
        if (employeeId)
            answers.insert(QStringLiteral("employee_id"), *employeeId);
        if (birthday)
            answers.insert(QStringLiteral("birthday"), birthday->toString(Qt::ISODate));
        if (secret)
            answers.insert(QStringLiteral("secret"), *secret);
        return answers;
    }
};

} // namespace vigil
