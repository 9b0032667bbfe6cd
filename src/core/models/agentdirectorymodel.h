#pragma once

#include "domain/entities.h"

#include <QAbstractTableModel>
#include <QHash>

namespace madoguchi {

// The team's people as a table, in the directory's reading order. The
// deactivated are left out unless shown, and then greyed and marked so.
// The directory is a few hundred rows at most: it is held whole.
class AgentDirectoryModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        NameColumn,
        ReadingColumn,
        RoleColumn,
        TeamColumn,
        EmailColumn,
        StatusColumn,
        ColumnCount
    };
    static constexpr int AgentIdRole = Qt::UserRole + 1; // QUuid
    static constexpr int ActiveRole = Qt::UserRole + 2;  // bool

    explicit AgentDirectoryModel(QObject *parent = nullptr);

    // Every agent (the deactivated too) and the teams that name their team.
    void setDirectory(const QList<Agent> &agents, const QList<Team> &teams);
    void setShowDeactivated(bool show);
    bool showsDeactivated() const { return m_showDeactivated; }
    // The agent of `row`, or null past the end.
    const Agent *agentAt(int row) const;
    // The row showing `id`, or -1.
    int rowOf(const QUuid &id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void rebuild();

    QList<Agent> m_all;
    QList<Agent> m_shown;
    QHash<QUuid, QString> m_teamNames;
    bool m_showDeactivated = false;
};

} // namespace madoguchi
