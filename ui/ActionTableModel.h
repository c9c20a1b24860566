#pragma once

#include "ApiModels.h"

#include <QAbstractTableModel>
#include <QList>

namespace vigil {

// Actions as the server listed them (GET /v1/actions): the technician's own requests or the
// supervisors' queue of open escalations. Views hide the columns they do not need. The label
// helpers are shared by every widget that names an action or its state.
class ActionTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        ActionColumn,
        ProfileColumn,
        TicketColumn,
        StateColumn,
        RequesterColumn,
        RequestedColumn,
        ApprovalsColumn,
        ExpiresColumn,
        ColumnCount
    };
    enum Role { ActionIdRole = Qt::UserRole + 1 };

    explicit ActionTableModel(QObject *parent = nullptr);

    void setActions(const QList<ActionInfo> &actions);
    // Replaces the row with the same id (an answer to approve, deny or cancel); false if not shown.
    bool updateAction(const ActionInfo &action);
    void clear();
    const ActionInfo &actionAt(int row) const { return m_actions.at(row); }
    const QList<ActionInfo> &actions() const { return m_actions; }
    int rowOf(const QString &actionId) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Texts are looked up on every call, so a language change only needs these signals.
    void retranslate();

    static QString actionLabel(const QString &action);
    static QString stateLabel(const ActionInfo &action);
    static QString resultLabel(const QString &result);
    static QString methodLabel(const QString &method);
    static QString timeText(const QDateTime &time);

private:
    QList<ActionInfo> m_actions;
};

} // namespace vigil
