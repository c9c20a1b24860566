#pragma once

#include "ApiModels.h"

#include <QAbstractTableModel>
#include <QList>

namespace vigil {

// Search results: name, department, masked e-mail and phone, locked, frozen, secret set. The hints come
// masked from the server; the console never sees more before a verification passes.
class ProfileTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Name, Department, Email, Phone, Locked, Frozen, SecretSet, ColumnCount };
    enum Role { ProfileIdRole = Qt::UserRole + 1 };

    explicit ProfileTableModel(QObject *parent = nullptr);

    void setProfiles(const QList<ProfileSummary> &profiles);
    void clear();
    // Updates one row's lock state (after a lockout or an unblock), if it is shown.
    void setLocked(const QString &profileId, bool locked);
    // The same for the frozen state (after a supervisor unfroze it).
    void setFrozen(const QString &profileId, bool frozen);
    const ProfileSummary &profileAt(int row) const { return m_profiles.at(row); }
    int rowOf(const QString &profileId) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Header texts are looked up on every call, so a language change only needs this signal.
    void retranslate();

private:
    QList<ProfileSummary> m_profiles;
};

} // namespace vigil
