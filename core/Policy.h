#pragma once

#include "QuestionField.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <optional>

namespace vigil {

// One entry of the action catalog: what a help desk may do for a verified caller.
struct ActionRule
{
    int level = 1; // assurance level the requesting agent's verification needs
    int approvals = 0; // distinct supervisors who must approve
    int privilegedApprovals = 0; // the same for privileged profiles (>= approvals)
    bool privilegedRefused = false; // privileged profiles: refused altogether
    int undoSeconds = 0; // a change stays pending this long before it applies

    friend bool operator==(const ActionRule &, const ActionRule &) = default;
};

// The catalog's action names, in display order.
QStringList actionNames();
// view_profile is the level a grant needs to open the details; the others are requestable.
bool isRequestableAction(const QString &name);

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
    int escalationTtlSeconds = 900;
    QMap<QString, ActionRule> actions = defaultActions();

    static QMap<QString, ActionRule> defaultActions();
    ActionRule action(const QString &name) const { return actions.value(name); }

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
