#pragma once

#include "domain/entities.h"

#include <QAbstractTableModel>
#include <QHash>

namespace madoguchi {

// The teams as a table: name, time zone, lead and how many active people
// are in each, in the directory's order.
class TeamDirectoryModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        NameColumn,
        TimeZoneColumn,
        LeadColumn,
        MembersColumn,
        ColumnCount
    };
    static constexpr int TeamIdRole = Qt::UserRole + 1; // QUuid

    explicit TeamDirectoryModel(QObject *parent = nullptr);

    void setDirectory(const QList<Team> &teams, const QList<Agent> &agents);
    // The team of `row`, or null past the end.
    const Team *teamAt(int row) const;
    int rowOf(const QUuid &id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Team> m_teams;
    QHash<QUuid, QString> m_agentNames;
    QHash<QUuid, int> m_members; // active members per team
};

} // namespace madoguchi
