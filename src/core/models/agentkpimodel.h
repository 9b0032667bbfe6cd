#pragma once

#include "kpi/kpiengine.h"

#include <QAbstractTableModel>

namespace madoguchi {

// The per-agent figures of the dashboard as a table. Qt::DisplayRole is
// formatted in the user's locale; SortRole holds the plain number (no
// figure sorts after every figure), for a QSortFilterProxyModel.
class AgentKpiModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        Agent,
        Solved,
        Interactions,
        Aht,
        FirstResponse,
        Csat,
        Fcr,
        Qa,
        ColumnCount
    };
    static constexpr int SortRole = Qt::UserRole;
    static constexpr int AgentIdRole = Qt::UserRole + 1;

    explicit AgentKpiModel(QObject *parent = nullptr);

    void setAgents(const QList<AgentKpis> &agents);
    const QList<AgentKpis> &agents() const { return m_agents; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<AgentKpis> m_agents;
};

} // namespace madoguchi
