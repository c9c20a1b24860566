#include "EscalationEvidence.h"

#include "ActionTableModel.h"

#include <QLocale>

namespace vigil {

namespace {

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

QString row(const QString &label, const QString &valueHtml)
{
    return QStringLiteral("<tr><td style=\"padding-right:12px; color:#605e5c;\">%1</td><td>%2</td></tr>")
            .arg(escaped(label), valueHtml);
}

} // namespace

QString EscalationEvidence::whyNot(const ActionInfo &action, const QString &username)
{
    if (action.canApprove || !action.awaitingApproval())
        return {};
    if (action.requestedBy == username)
        return tr("You requested this action, so another supervisor has to decide.");
    if (action.evidence && action.evidence->verifiedBy == username)
        return tr("You verified this caller, so another supervisor has to decide.");
    for (const ActionApproval &approval : action.approvals) {
        if (approval.username == username)
            return tr("You have already approved it; it waits for another supervisor.");
    }
    return tr("You cannot decide on this escalation.");
}

QString EscalationEvidence::html(const ActionInfo &a)
{
    QString html = QStringLiteral("<h3>%1 \u2014 %2</h3><table>")
                           .arg(escaped(ActionTableModel::actionLabel(a.action)), escaped(a.profileName));
    html += row(tr("Privileged profile:"),
                a.privileged ? QStringLiteral("<b style=\"color:#a4262c;\">%1</b>")
                                       .arg(escaped(tr("Yes — changes need more approvals")))
                             : escaped(tr("No")));
    if (!a.valueHint.isEmpty())
        html += row(tr("New value:"), escaped(a.valueHint));
    html += row(tr("Requested by:"),
                escaped(QStringLiteral("%1 (%2)").arg(a.requestedByName, a.requestedBy)));
    html += row(tr("Requested at:"), escaped(ActionTableModel::timeText(a.requestedAt)));
    html += row(tr("Ticket:"), escaped(a.ticket));
    html += row(tr("Reason:"), escaped(a.reason));
    html += row(tr("Expires:"), escaped(ActionTableModel::timeText(a.expiresAt)));
    html += row(tr("Approvals so far:"),
                escaped(tr("%1 of %2").arg(a.approvedCount()).arg(a.approvalsRequired)));
    for (const ActionApproval &approval : a.approvals) {
        const QString decision =
                approval.decision == QLatin1String("approved") ? tr("approved") : tr("denied");
        html += row(QString(),
                    escaped(tr("%1 (%2) %3 at %4: %5")
                                    .arg(approval.displayName, approval.username, decision,
                                         ActionTableModel::timeText(approval.at), approval.reason)));
    }
    if (a.evidence) {
        const ActionEvidence &e = *a.evidence;
        QStringList methods;
        for (const QString &method : e.methods)
            methods.append(ActionTableModel::methodLabel(method));
        html += row(tr("Assurance level:"), escaped(QString::number(e.level)));
        html += row(tr("Proved by:"), escaped(QLocale().createSeparatedList(methods)));
        html += row(tr("Verified by:"), escaped(e.verifiedBy));
        html += row(tr("Failed attempts now:"), escaped(QString::number(e.failedAttempts)));
        html += row(tr("Locked:"), escaped(e.locked ? tr("Yes") : tr("No")));
    }
    html += QStringLiteral("</table>");
    if (a.evidence && !a.evidence->history.isEmpty()) {
        html += QStringLiteral("<h4>%1</h4><table>").arg(escaped(tr("Attempt history")));
        for (const ActionHistoryEntry &entry : a.evidence->history) {
            html += QStringLiteral(
                            "<tr><td style=\"padding-right:10px;\">%1</td><td style=\"padding-right:10px;\">"
                            "%2</td><td style=\"padding-right:10px;\">%3</td><td>%4</td></tr>")
                            .arg(escaped(ActionTableModel::timeText(entry.at)), escaped(entry.action),
                                 escaped(entry.outcome), escaped(entry.agent));
        }
        html += QStringLiteral("</table>");
    }
    return html;
}

} // namespace vigil
