#include "models/agentkpimodel.h"

#include "kpi/kpiformat.h"

#include <limits>

namespace madoguchi {

AgentKpiModel::AgentKpiModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void AgentKpiModel::setAgents(const QList<AgentKpis> &agents)
{
    beginResetModel();
    m_agents = agents;
    endResetModel();
}

int AgentKpiModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_agents.size());
}

int AgentKpiModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AgentKpiModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AgentKpis &a = m_agents.at(index.row());
    // No figure sorts after every figure, in ascending order.
    auto sortable = [](const std::optional<double> &v) { return v ? *v : std::numeric_limits<double>::max(); };
    if (role == AgentIdRole)
        return a.id;
    if (role == Qt::TextAlignmentRole)
        return index.column() == Agent ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                       : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    const bool display = role == Qt::DisplayRole;
    switch (Column(index.column())) {
    case Agent: return a.name;
    case Solved: return display ? QVariant(kpiformat::count(a.solved)) : QVariant(a.solved);
    case Interactions: return display ? QVariant(kpiformat::count(a.interactions)) : QVariant(a.interactions);
    case Aht: return display ? QVariant(kpiformat::seconds(a.ahtSeconds)) : QVariant(sortable(a.ahtSeconds));
    case FirstResponse:
        return display ? QVariant(kpiformat::minutes(a.firstResponseMedian))
                       : QVariant(sortable(a.firstResponseMedian));
    case Csat: return display ? QVariant(kpiformat::percent(a.csatPercent)) : QVariant(sortable(a.csatPercent));
    case Fcr: return display ? QVariant(kpiformat::rate(a.fcrRate)) : QVariant(sortable(a.fcrRate));
    case Qa: return display ? QVariant(kpiformat::percent(a.qaScore)) : QVariant(sortable(a.qaScore));
    case ColumnCount: break;
    }
    return {};
}

QVariant AgentKpiModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Agent: return tr("Agent");
    case Solved: return tr("Solved");
    case Interactions: return tr("Contacts");
    case Aht: return tr("AHT");
    case FirstResponse: return tr("First response (median)");
    case Csat: return tr("CSAT");
    case Fcr: return tr("FCR");
    case Qa: return tr("QA score");
    case ColumnCount: break;
    }
    return {};
}

} // namespace madoguchi
