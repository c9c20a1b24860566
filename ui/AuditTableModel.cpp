#include "AuditTableModel.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>

#include <algorithm>

namespace vigil {

namespace {
QString compactValue(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: {
        const double number = value.toDouble();
        const auto integer = static_cast<qint64>(number);
        return static_cast<double>(integer) == number ? QString::number(integer) : QString::number(number);
    }
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Undefined:
        break;
    }
    return {};
}
} // namespace

AuditTableModel::AuditTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int AuditTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_visible.size());
}

int AuditTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AuditEntryView &entry = entryAt(index.row());
    const QDateTime local = entry.at.toLocalTime();
    if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole) {
        switch (index.column()) {
        case SeqColumn:
            return QString::number(entry.seq);
        case TimeColumn:
            return local.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        case ActionColumn:
            return entry.action;
        case AgentColumn:
            return entry.agent;
        case ProfileColumn:
            return entry.profile;
        case OutcomeColumn:
            return entry.outcome;
        case DetailsColumn:
            return compactDetails(entry.details);
        default:
            return {};
        }
    }
    if (role == SortRole) {
        switch (index.column()) {
        case SeqColumn:
            return entry.seq;
        case TimeColumn:
            return entry.at;
        default:
            return data(index, Qt::DisplayRole);
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (index.column()) {
        case TimeColumn:
            return tr("%1 (UTC: %2)")
                    .arg(local.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz t")),
                         entry.at.toUTC().toString(Qt::ISODateWithMs));
        case DetailsColumn: {
            const QString details = compactDetails(entry.details);
            if (entry.verification.isEmpty())
                return details;
            const QString verification = tr("Verification: %1").arg(entry.verification);
            return details.isEmpty() ? verification : QString(verification + QLatin1Char('\n') + details);
        }
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() == SeqColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant AuditTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case SeqColumn:
        return tr("Seq");
    case TimeColumn:
        return tr("Time");
    case ActionColumn:
        return tr("Action");
    case AgentColumn:
        return tr("Agent");
    case ProfileColumn:
        return tr("Profile");
    case OutcomeColumn:
        return tr("Outcome");
    case DetailsColumn:
        return tr("Details");
    default:
        return {};
    }
}

void AuditTableModel::setEntries(const QList<AuditEntryView> &entries)
{
    beginResetModel();
    m_entries = entries;
    rebuildVisible();
    endResetModel();
}

void AuditTableModel::appendEntries(const QList<AuditEntryView> &entries)
{
    QList<qsizetype> added;
    for (const AuditEntryView &entry : entries) {
        m_entries.append(entry);
        if (inRange(entry))
            added.append(m_entries.size() - 1);
    }
    if (added.isEmpty())
        return;
    const int first = static_cast<int>(m_visible.size());
    beginInsertRows({}, first, first + static_cast<int>(added.size()) - 1);
    m_visible.append(added);
    endInsertRows();
}

void AuditTableModel::clear()
{
    setEntries({});
}

void AuditTableModel::setTimeRange(const QDateTime &from, const QDateTime &to)
{
    if (from == m_from && to == m_to)
        return;
    beginResetModel();
    m_from = from;
    m_to = to;
    rebuildVisible();
    endResetModel();
}

qint64 AuditTableModel::lastSeq() const
{
    qint64 last = 0;
    for (const AuditEntryView &entry : m_entries)
        last = std::max(last, entry.seq);
    return last;
}

QString AuditTableModel::compactDetails(const QJsonObject &details)
{
    QStringList parts;
    for (auto it = details.constBegin(); it != details.constEnd(); ++it)
        parts.append(it.key() + QLatin1Char('=') + compactValue(it.value()));
    return parts.join(QStringLiteral(", "));
}

void AuditTableModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_visible.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {Qt::ToolTipRole});
}

bool AuditTableModel::inRange(const AuditEntryView &entry) const
{
    if (m_from.isValid() && entry.at < m_from)
        return false;
    if (m_to.isValid() && entry.at > m_to)
        return false;
    return true;
}

void AuditTableModel::rebuildVisible()
{
    m_visible.clear();
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        if (inRange(m_entries.at(i)))
            m_visible.append(i);
    }
}

} // namespace vigil
