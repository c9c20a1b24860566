#pragma once

#include "ApiModels.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>

namespace vigil {

// The audit entries loaded so far, one row per entry. The time range is applied here, on the
// client, because the server filters only by action, agent, profile and sequence number.
class AuditTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        SeqColumn,
        TimeColumn,
        ActionColumn,
        AgentColumn,
        ProfileColumn,
        OutcomeColumn,
        DetailsColumn,
        ColumnCount
    };
    // Raw values for sorting (numbers and times sort as such, not as text).
    static constexpr int SortRole = Qt::UserRole + 1;

    explicit AuditTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setEntries(const QList<AuditEntryView> &entries);
    void appendEntries(const QList<AuditEntryView> &entries);
    void clear();
    // Invalid bounds are open ends.
    void setTimeRange(const QDateTime &from, const QDateTime &to);

    qsizetype loadedCount() const { return m_entries.size(); }
    // The highest sequence number loaded (0 when none), for paging with `after`.
    qint64 lastSeq() const;
    const AuditEntryView &entryAt(int row) const { return m_entries.at(m_visible.at(row)); }

    // "failed_attempts=3, locked_until=2026-…": one line for the table.
    static QString compactDetails(const QJsonObject &details);
    // Header texts follow the current language.
    void retranslate();

private:
    bool inRange(const AuditEntryView &entry) const;
    void rebuildVisible();

    QList<AuditEntryView> m_entries;
    QList<qsizetype> m_visible; // indexes into m_entries of the rows shown
    QDateTime m_from;
    QDateTime m_to;
};

} // namespace vigil
