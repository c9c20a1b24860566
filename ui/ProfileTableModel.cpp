#include "ProfileTableModel.h"

#include <QBrush>
#include <QColor>
#include <QFont>

namespace vigil {

ProfileTableModel::ProfileTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ProfileTableModel::setProfiles(const QList<ProfileSummary> &profiles)
{
    beginResetModel();
    m_profiles = profiles;
    endResetModel();
}

void ProfileTableModel::clear()
{
    setProfiles({});
}

void ProfileTableModel::setLocked(const QString &profileId, bool locked)
{
    const int row = rowOf(profileId);
    if (row < 0 || m_profiles.at(row).locked == locked)
        return;
    m_profiles[row].locked = locked;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void ProfileTableModel::setFrozen(const QString &profileId, bool frozen)
{
    const int row = rowOf(profileId);
    if (row < 0 || m_profiles.at(row).frozen == frozen)
        return;
    m_profiles[row].frozen = frozen;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

int ProfileTableModel::rowOf(const QString &profileId) const
{
    for (int row = 0; row < m_profiles.size(); ++row) {
        if (m_profiles.at(row).id == profileId)
            return row;
    }
    return -1;
}

int ProfileTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_profiles.size());
}

int ProfileTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProfileTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_profiles.size())
        return {};
    const ProfileSummary &profile = m_profiles.at(index.row());
    if (role == ProfileIdRole)
        return profile.id;
    if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole) {
        switch (index.column()) {
        case Name:
            return profile.displayName;
        case Department:
            return profile.department;
        case Email:
            return profile.emailHint;
        case Phone:
            return profile.phoneHint;
        case Locked:
            return profile.locked ? tr("Locked") : tr("No");
        case Frozen:
            return profile.frozen ? tr("Frozen") : tr("No");
        case SecretSet:
            return profile.hasSecret ? tr("Yes") : tr("Missing");
        default:
            return {};
        }
    }
    if (role == Qt::ForegroundRole) {
        if (index.column() == Locked && profile.locked)
            return QBrush(QColor(0xb0, 0x1c, 0x1c));
        if (index.column() == Frozen && profile.frozen)
            return QBrush(QColor(0x8a, 0x5a, 0x00));
        if (index.column() == SecretSet && !profile.hasSecret)
            return QBrush(QColor(0x8a, 0x5a, 0x00));
    }
    if (role == Qt::ToolTipRole) {
        if (index.column() == Locked && profile.locked)
            return tr("Too many failed verifications: nobody can verify this caller until the lock ends "
                      "or a supervisor unblocks the profile.");
        if (index.column() == SecretSet && !profile.hasSecret)
            return tr("This user has no secret word, so the caller cannot be verified.");
        if (index.column() == Frozen && profile.frozen)
            return tr("A revert froze this profile: no action can be requested until a supervisor has "
                      "reviewed and unfrozen it.");
    }
    if (role == Qt::FontRole && index.column() == Frozen && profile.frozen) {
        QFont font;
        font.setBold(true);
        return font;
    }
    return {};
}

QVariant ProfileTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Name");
    case Department:
        return tr("Department");
    case Email:
        return tr("E-mail");
    case Phone:
        return tr("Phone");
    case Locked:
        return tr("Locked");
    case Frozen:
        return tr("Frozen");
    case SecretSet:
        return tr("Secret word");
    default:
        return {};
    }
}

void ProfileTableModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_profiles.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

} // namespace vigil
