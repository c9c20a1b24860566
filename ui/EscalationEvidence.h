#pragma once

#include "ApiModels.h"

#include <QCoreApplication>
#include <QString>

namespace vigil {

// What a supervisor reads before deciding on an escalation: the request, the approvals so far
// and the requester's evidence (levels, methods, attempt history), as rich text with every server
// value escaped; and why this supervisor cannot decide, when it cannot.
class EscalationEvidence
{
    Q_DECLARE_TR_FUNCTIONS(vigil::EscalationEvidence)
public:
    EscalationEvidence() = delete;

    static QString html(const ActionInfo &action);
    // Empty when `username` may decide (or nothing is left to decide).
    static QString whyNot(const ActionInfo &action, const QString &username);
};

} // namespace vigil
