#include "models/teamdirectorymodel.h"

#include <QLocale>

namespace madoguchi {

TeamDirectoryModel::TeamDirectoryModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void TeamDirectoryModel::setDirectory(const QList<Team> &teams, const QList<Agent> &agents)
{
    beginResetModel();
    m_teams = teams;
    m_agentNames.clear();
    m_members.clear();
    for (const Agent &a : agents) {
        m_agentNames.insert(a.id, a.name);
        if (a.active && !a.teamId.isNull())
            ++m_members[a.teamId];
    }
    endResetModel();
}

const Team *TeamDirectoryModel::teamAt(int row) const
{
    return row >= 0 && row < m_teams.size() ? &m_teams.at(row) : nullptr;
}

int TeamDirectoryModel::rowOf(const QUuid &id) const
{
    for (int row = 0; row < m_teams.size(); ++row) {
        if (m_teams.at(row).id == id)
            return row;
    }
    return -1;
}

int TeamDirectoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_teams.size());
}

int TeamDirectoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TeamDirectoryModel::data(const QModelIndex &index, int role) const
{
    const Team *t = index.isValid() ? teamAt(index.row()) : nullptr;
    if (!t)
        return {};
    if (role == TeamIdRole)
        return QVariant::fromValue(t->id);
    if (role == Qt::TextAlignmentRole && index.column() == MembersColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case NameColumn: return t->name;
    case TimeZoneColumn: return t->timeZone;
    case LeadColumn: return t->leadId.isNull() ? tr("No lead") : m_agentNames.value(t->leadId);
    case MembersColumn: return QLocale().toString(m_members.value(t->id));
    case ColumnCount: break;
    }
    return {};
}

QVariant TeamDirectoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case NameColumn: return tr("Name");
    case TimeZoneColumn: return tr("Time zone");
    case LeadColumn: return tr("Lead");
    case MembersColumn: return tr("Members");
    case ColumnCount: break;
    }
    return {};
}

} // namespace madoguchi
