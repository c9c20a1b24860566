#pragma once

#include "QuestionField.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace vigil {

// The verification policy, as served signed by the backend and cached by the console.
// Defaults follow OpenIAM's help desk profile protection.
struct Policy
{
    QList<QuestionField> questionFields = knowledgeFields();
    int questionCount = 3; // the user secret included
    int maxFailedAttempts = 3;
    int lockoutSeconds = 1800;
    int grantSeconds = 900;
    int verificationTtlSeconds = 300;

    QJsonObject toJson() const;
    // Canonical bytes: compact JSON with sorted keys; these are the bytes that get signed.
    QByteArray toBytes() const;
    static std::optional<Policy> fromJson(const QJsonObject &object, QString *error);
    static std::optional<Policy> fromBytes(const QByteArray &bytes, QString *error);

    // Applies one "key=value" assignment as given to `vigil-server policy set`.
    bool set(const QString &key, const QString &value, QString *error);
    bool validate(QString *error) const;

    friend bool operator==(const Policy &, const Policy &) = default;
};

} // namespace vigil
