#pragma once

#include "common/result.h"
#include "domain/entities.h"

#include <QSqlDatabase>
#include <QUuid>
#include <QWidget>

#include <functional>
#include <memory>

namespace Ui {
class PeoplePage;
}

namespace madoguchi {

class AgentDirectoryModel;
class ChangeSet;
class Database;
class DirectoryService;
class TeamDirectoryModel;

// Settings ▸ People: the team's agents and teams. Leads, supervisors and
// admins add, change, deactivate and reactivate people and teams under
// DirectoryService's rules; everyone else reads. With a team server, the
// server keeps the directory: changes run there with the signed-in
// admin's own login (only admins may), and the next pull brings them here.
class PeoplePage : public QWidget
{
    Q_OBJECT

public:
    // Runs `work` on a connection to the team server; what it returned, or
    // why the server could not be reached.
    using ServerWork = std::function<Result<void>(QSqlDatabase)>;
    using ServerRunner = std::function<Result<void>(const ServerWork &work)>;

    explicit PeoplePage(QWidget *parent = nullptr);
    ~PeoplePage() override;

    // The open database (none: an empty page), who is signed in, and
    // whether a team server keeps the directory.
    void setDirectory(Database *database, const QUuid &actor, bool serverMode);
    // How the server is reached. By default: the team server of Settings
    // with the keychain's password, or one asked for once and kept in
    // memory only until Madoguchi closes.
    void setServerRunner(ServerRunner runner) { m_serverRunner = std::move(runner); }
    // Whether the signed-in person may change anything here.
    bool canChange() const;

    AgentDirectoryModel *agentModel() const { return m_agents; }
    TeamDirectoryModel *teamModel() const { return m_teams; }
    void selectAgent(const QUuid &agent);
    void selectTeam(const QUuid &team);

    // The buttons: each acts on the selected row.
    void addAgent();
    void editAgent();
    void deactivateAgent();
    void reactivateAgent();
    void resetPassword();
    void addTeam();
    void editTeam();

signals:
    // A change was made on the team server: a pull brings it to this copy.
    void serverDirectoryChanged();

private:
    void reload();
    void applyChanges(const ChangeSet &changes);
    void updateButtons();
    const Agent *selectedAgent() const;
    const Team *selectedTeam() const;
    DirectoryService directory() const;
    QList<AgentRole> grantableRoles() const;
    QList<Agent> allAgents() const;
    QList<Team> allTeams() const;
    QString teamName(const QUuid &team) const;
    // The work on the team server (see ServerRunner).
    Result<void> onServer(const ServerWork &work);
    Result<void> onConfiguredServer(const ServerWork &work);
    Result<void> saveAgent(const Agent &agent, const QString &login, const QString &password);
    Result<void> saveTeam(const Team &team);
    Result<void> setActiveOnServer(const Agent &agent, bool active);
    Result<QList<Ticket>> deactivate(const Agent &agent);
    Result<void> handOver(const QList<Ticket> &tickets, const QUuid &assignee);
    void offerHandOver(const Agent &leaving, const QList<Ticket> &tickets);
    void afterServerChange();

    std::unique_ptr<Ui::PeoplePage> m_ui;
    AgentDirectoryModel *m_agents = nullptr;
    TeamDirectoryModel *m_teams = nullptr;
    Database *m_database = nullptr;
    QUuid m_actor;
    bool m_serverMode = false;
    ServerRunner m_serverRunner;
    QString m_serverPassword;       // asked for once; in memory only
    QString m_serverAccount;        // whose password it is (user, host, port, database)
    bool m_keychainRefused = false; // the keychain's password did not sign in: ask
    QMetaObject::Connection m_changes;
};

} // namespace madoguchi
