#include "ActionTableModel.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QLocale>

namespace vigil {

ActionTableModel::ActionTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ActionTableModel::setActions(const QList<ActionInfo> &actions)
{
    beginResetModel();
    m_actions = actions;
    endResetModel();
}

bool ActionTableModel::updateAction(const ActionInfo &action)
{
    const int row = rowOf(action.id);
    if (row < 0)
        return false;
    m_actions[row] = action;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    return true;
}

void ActionTableModel::clear()
{
    setActions({});
}

int ActionTableModel::rowOf(const QString &actionId) const
{
    for (int row = 0; row < m_actions.size(); ++row) {
        if (m_actions.at(row).id == actionId)
            return row;
    }
    return -1;
}

int ActionTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_actions.size());
}

int ActionTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ActionTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_actions.size())
        return {};
    const ActionInfo &action = m_actions.at(index.row());
    if (role == ActionIdRole)
        return action.id;
    if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole) {
        switch (index.column()) {
        case ActionColumn:
            return actionLabel(action.action);
        case ProfileColumn:
            return action.privileged ? tr("%1 (privileged)").arg(action.profileName) : action.profileName;
        case TicketColumn:
            return action.ticket;
        case StateColumn:
            return stateLabel(action);
        case RequesterColumn:
            return action.requestedByName.isEmpty()
                    ? action.requestedBy
                    : tr("%1 (%2)").arg(action.requestedByName, action.requestedBy);
        case RequestedColumn:
            return timeText(action.requestedAt);
        case ApprovalsColumn:
            return tr("%1 of %2").arg(action.approvedCount()).arg(action.approvalsRequired);
        case ExpiresColumn:
            return timeText(action.expiresAt);
        default:
            return {};
        }
    }
    if (role == Qt::ForegroundRole && index.column() == StateColumn) {
        if (action.state == QLatin1String("done"))
            return QBrush(QColor(0x10, 0x7c, 0x10));
        if (action.state == QLatin1String("failed") || action.state == QLatin1String("denied"))
            return QBrush(QColor(0xa4, 0x26, 0x2c));
        if (action.awaitingApproval() || action.state == QLatin1String("scheduled"))
            return QBrush(QColor(0x8a, 0x5a, 0x00));
    }
    if (role == Qt::FontRole && index.column() == ProfileColumn && action.privileged) {
        QFont font;
        font.setBold(true);
        return font;
    }
    if (role == Qt::ToolTipRole) {
        if (index.column() == ProfileColumn && action.privileged)
            return tr("A privileged profile (administrator or executive): changes need more approvals.");
        if (index.column() == StateColumn && !action.reason.isEmpty())
            return tr("Reason: %1").arg(action.reason);
    }
    return {};
}

QVariant ActionTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ActionColumn:
        return tr("Action");
    case ProfileColumn:
        return tr("Profile");
    case TicketColumn:
        return tr("Ticket");
    case StateColumn:
        return tr("State");
    case RequesterColumn:
        return tr("Requested by");
    case RequestedColumn:
        return tr("Requested");
    case ApprovalsColumn:
        return tr("Approvals");
    case ExpiresColumn:
        return tr("Expires");
    default:
        return {};
    }
}

void ActionTableModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_actions.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

QString ActionTableModel::actionLabel(const QString &action)
{
    if (action == QLatin1String("unlock_account"))
        return tr("Unlock account");
    if (action == QLatin1String("reset_password"))
        return tr("Reset password");
    if (action == QLatin1String("reset_mfa"))
        return tr("Reset MFA");
    if (action == QLatin1String("change_email"))
        return tr("Change e-mail address");
    if (action == QLatin1String("change_phone"))
        return tr("Change phone number");
    if (action == QLatin1String("view_profile"))
        return tr("View profile");
    return action;
}

QString ActionTableModel::stateLabel(const ActionInfo &action)
{
    const QString &state = action.state;
    if (state == QLatin1String("awaiting_approval"))
        return tr("Awaiting approval (%1 of %2)").arg(action.approvedCount()).arg(action.approvalsRequired);
    if (state == QLatin1String("scheduled"))
        return action.runAt.isValid() ? tr("Scheduled until %1").arg(timeText(action.runAt))
                                      : tr("Scheduled");
    if (state == QLatin1String("done"))
        return tr("Done");
    if (state == QLatin1String("denied"))
        return tr("Denied");
    if (state == QLatin1String("expired"))
        return tr("Expired");
    if (state == QLatin1String("failed"))
        return tr("Failed: %1").arg(resultLabel(action.result));
    if (state == QLatin1String("cancelled"))
        return tr("Cancelled");
    if (state == QLatin1String("reverted"))
        return tr("Reverted");
    return state;
}

QString ActionTableModel::resultLabel(const QString &result)
{
    if (result == QLatin1String("profile_locked"))
        return tr("the profile is locked");
    if (result == QLatin1String("grant_expired"))
        return tr("the requester's access to the profile had ended");
    if (result == QLatin1String("profile_frozen"))
        return tr("the profile is frozen");
    if (result.isEmpty())
        return tr("no reason given");
    return result;
}

QString ActionTableModel::methodLabel(const QString &method)
{
    if (method == QLatin1String("questions"))
        return tr("questions");
    if (method == QLatin1String("otp:email"))
        return tr("code by e-mail");
    if (method == QLatin1String("otp:sms"))
        return tr("code by SMS");
    if (method == QLatin1String("totp"))
        return tr("TOTP read-out");
    if (method == QLatin1String("device"))
        return tr("approval on the user's device");
    return method;
}

QString ActionTableModel::timeText(const QDateTime &time)
{
    return time.isValid() ? QLocale().toString(time.toLocalTime(), QLocale::ShortFormat) : QString();
}

} // namespace vigil
