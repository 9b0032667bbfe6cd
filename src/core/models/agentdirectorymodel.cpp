#include "models/agentdirectorymodel.h"

#include <QGuiApplication>
#include <QPalette>

namespace madoguchi {

AgentDirectoryModel::AgentDirectoryModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void AgentDirectoryModel::setDirectory(const QList<Agent> &agents, const QList<Team> &teams)
{
    m_all = agents;
    m_teamNames.clear();
    for (const Team &t : teams)
        m_teamNames.insert(t.id, t.name);
    rebuild();
}

void AgentDirectoryModel::setShowDeactivated(bool show)
{
    if (show == m_showDeactivated)
        return;
    m_showDeactivated = show;
    rebuild();
}

void AgentDirectoryModel::rebuild()
{
    beginResetModel();
    m_shown.clear();
    for (const Agent &a : std::as_const(m_all)) {
        if (a.active || m_showDeactivated)
            m_shown.append(a);
    }
    endResetModel();
}

const Agent *AgentDirectoryModel::agentAt(int row) const
{
    return row >= 0 && row < m_shown.size() ? &m_shown.at(row) : nullptr;
}

int AgentDirectoryModel::rowOf(const QUuid &id) const
{
    for (int row = 0; row < m_shown.size(); ++row) {
        if (m_shown.at(row).id == id)
            return row;
    }
    return -1;
}

int AgentDirectoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_shown.size());
}

int AgentDirectoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AgentDirectoryModel::data(const QModelIndex &index, int role) const
{
    const Agent *a = index.isValid() ? agentAt(index.row()) : nullptr;
    if (!a)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case NameColumn: return a->name;
        case ReadingColumn: return a->nameReading;
        case RoleColumn: return displayName(a->role);
        case TeamColumn: return a->teamId.isNull() ? tr("No team") : m_teamNames.value(a->teamId);
        case EmailColumn: return a->email;
        case StatusColumn: return a->active ? tr("Active") : tr("Deactivated");
        case ColumnCount: break;
        }
        return {};
    case Qt::ForegroundRole:
        if (!a->active)
            return QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text);
        return {};
    case AgentIdRole: return QVariant::fromValue(a->id);
    case ActiveRole: return a->active;
    default: return {};
    }
}

QVariant AgentDirectoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case NameColumn: return tr("Name");
    case ReadingColumn: return tr("Reading");
    case RoleColumn: return tr("Role");
    case TeamColumn: return tr("Team");
    case EmailColumn: return tr("E-mail");
    case StatusColumn: return tr("Status");
    case ColumnCount: break;
    }
    return {};
}

} // namespace madoguchi
