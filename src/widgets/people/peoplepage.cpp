#include "people/peoplepage.h"

#include "config/appsettings.h"
#include "kit/serverpasswordprompt.h"
#include "models/agentdirectorymodel.h"
#include "models/teamdirectorymodel.h"
#include "people/agentdialog.h"
#include "people/handoverdialog.h"
#include "people/passworddialogs.h"
#include "people/teamdialog.h"
#include "repositories/directoryrepository.h"
#include "services/directoryservice.h"
#include "services/ticketservice.h"
#include "storage/changehub.h"
#include "storage/database.h"
#include "storage/transaction.h"
#include "sync/credentialstore.h"
#include "sync/serveradmin.h"
#include "sync/serverconnection.h"

#include "ui_peoplepage.h"

#include <QHeaderView>
#include <QMessageBox>
#include <QPushButton>

namespace madoguchi {

namespace {

// Whether `r` succeeded, its value aside.
template<typename T>
Result<void> outcome(const Result<T> &r)
{
    if (!r)
        return r.error();
    return {};
}

// The login of `agent` on the team server.
Result<QString> serverLogin(QSqlDatabase server, const Agent &agent)
{
    const auto everyone = serverAgents(server);
    if (!everyone)
        return everyone.error();
    for (const ServerAgent &a : everyone.value()) {
        if (a.id == agent.id && !a.login.isEmpty())
            return a.login;
    }
    return makeError(Error::Code::NotFound,
                     PeoplePage::tr("%1 has no login on the team server. Nothing was changed.").arg(agent.name));
}

void setUpTable(QTableView *view)
{
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->verticalHeader()->hide();
    // The name takes the room left; every other column fits its contents.
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    view->setAlternatingRowColors(true);
}

} // namespace

PeoplePage::PeoplePage(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::PeoplePage>())
{
    m_ui->setupUi(this);
    m_agents = new AgentDirectoryModel(this);
    m_teams = new TeamDirectoryModel(this);
    m_ui->agentsView->setModel(m_agents);
    m_ui->teamsView->setModel(m_teams);
    setUpTable(m_ui->agentsView);
    setUpTable(m_ui->teamsView);
    connect(m_ui->agentsView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &PeoplePage::updateButtons);
    connect(m_ui->teamsView->selectionModel(), &QItemSelectionModel::selectionChanged, this, &PeoplePage::updateButtons);
    connect(m_ui->agentsView, &QTableView::activated, this, [this] {
        if (canChange())
            editAgent();
    });
    connect(m_ui->teamsView, &QTableView::activated, this, [this] {
        if (canChange())
            editTeam();
    });
    connect(m_ui->showDeactivatedCheck, &QCheckBox::toggled, this, [this](bool show) {
        const Agent *selected = selectedAgent();
        const QUuid keep = selected ? selected->id : QUuid();
        m_agents->setShowDeactivated(show);
        selectAgent(keep);
    });
    connect(m_ui->addAgentButton, &QPushButton::clicked, this, &PeoplePage::addAgent);
    connect(m_ui->editAgentButton, &QPushButton::clicked, this, &PeoplePage::editAgent);
    connect(m_ui->deactivateButton, &QPushButton::clicked, this, &PeoplePage::deactivateAgent);
    connect(m_ui->reactivateButton, &QPushButton::clicked, this, &PeoplePage::reactivateAgent);
    connect(m_ui->resetPasswordButton, &QPushButton::clicked, this, &PeoplePage::resetPassword);
    connect(m_ui->addTeamButton, &QPushButton::clicked, this, &PeoplePage::addTeam);
    connect(m_ui->editTeamButton, &QPushButton::clicked, this, &PeoplePage::editTeam);
    updateButtons();
}

PeoplePage::~PeoplePage() = default;

void PeoplePage::setDirectory(Database *database, const QUuid &actor, bool serverMode)
{
    if (database == m_database && actor == m_actor && serverMode == m_serverMode)
        return;
    if (database != m_database) {
        disconnect(m_changes);
        m_changes = database ? connect(&database->changes(), &ChangeHub::changed, this, &PeoplePage::applyChanges)
                             : QMetaObject::Connection();
    }
    m_database = database;
    m_actor = actor;
    m_serverMode = serverMode;
    m_serverPassword.clear(); // another database or person: not theirs
    reload();
}

void PeoplePage::applyChanges(const ChangeSet &changes)
{
    if (changes.touchesAny({QStringLiteral("agents"), QStringLiteral("teams")}))
        reload();
}

QList<Agent> PeoplePage::allAgents() const
{
    return m_database ? DirectoryRepository(m_database->connection()).agents().value_or(QList<Agent>())
                      : QList<Agent>();
}

QList<Team> PeoplePage::allTeams() const
{
    return m_database ? DirectoryRepository(m_database->connection()).teams().value_or(QList<Team>()) : QList<Team>();
}

void PeoplePage::reload()
{
    const Agent *agent = selectedAgent();
    const Team *team = selectedTeam();
    const QUuid keepAgent = agent ? agent->id : QUuid();
    const QUuid keepTeam = team ? team->id : QUuid();
    const QList<Agent> agents = allAgents();
    const QList<Team> teams = allTeams();
    m_agents->setDirectory(agents, teams);
    m_teams->setDirectory(teams, agents);
    selectAgent(keepAgent);
    selectTeam(keepTeam);
    updateButtons();
}

DirectoryService PeoplePage::directory() const
{
    return DirectoryService(m_database->connection(), m_actor);
}

bool PeoplePage::canChange() const
{
    if (!m_database)
        return false;
    if (!m_serverMode)
        return directory().canManage();
    // The server lets only administrators run its directory.
    const auto me = DirectoryRepository(m_database->connection()).agent(m_actor);
    return me && me->active && me->role == AgentRole::Admin;
}

QList<AgentRole> PeoplePage::grantableRoles() const
{
    QList<AgentRole> roles;
    for (AgentRole role : {AgentRole::Agent, AgentRole::Lead, AgentRole::Supervisor, AgentRole::Admin}) {
        if (m_serverMode ? canChange() : directory().canGrant(role))
            roles.append(role);
    }
    return roles;
}

void PeoplePage::updateButtons()
{
    const bool changes = canChange();
    m_ui->readOnlyLabel->setVisible(m_database && !changes);
    m_ui->readOnlyLabel->setText(m_serverMode
                                     ? tr("Only administrators change people and teams on the team server.")
                                     : tr("Only leads, supervisors and administrators change people and teams."));
    for (QPushButton *button : {m_ui->addAgentButton, m_ui->editAgentButton, m_ui->deactivateButton,
                                m_ui->reactivateButton, m_ui->addTeamButton, m_ui->editTeamButton})
        button->setVisible(changes);
    m_ui->resetPasswordButton->setVisible(changes && m_serverMode);
    const Agent *agent = selectedAgent();
    m_ui->editAgentButton->setEnabled(agent);
    m_ui->deactivateButton->setEnabled(agent && agent->active);
    m_ui->reactivateButton->setEnabled(agent && !agent->active);
    m_ui->resetPasswordButton->setEnabled(agent && agent->active);
    m_ui->editTeamButton->setEnabled(selectedTeam());
    m_ui->agentsBox->setEnabled(m_database);
    m_ui->teamsBox->setEnabled(m_database);
}

const Agent *PeoplePage::selectedAgent() const
{
    const QModelIndexList rows = m_ui->agentsView->selectionModel()->selectedRows();
    return rows.isEmpty() ? nullptr : m_agents->agentAt(rows.constFirst().row());
}

const Team *PeoplePage::selectedTeam() const
{
    const QModelIndexList rows = m_ui->teamsView->selectionModel()->selectedRows();
    return rows.isEmpty() ? nullptr : m_teams->teamAt(rows.constFirst().row());
}

void PeoplePage::selectAgent(const QUuid &agent)
{
    const int row = agent.isNull() ? -1 : m_agents->rowOf(agent);
    if (row < 0)
        m_ui->agentsView->clearSelection();
    else
        m_ui->agentsView->selectRow(row);
}

void PeoplePage::selectTeam(const QUuid &team)
{
    const int row = team.isNull() ? -1 : m_teams->rowOf(team);
    if (row < 0)
        m_ui->teamsView->clearSelection();
    else
        m_ui->teamsView->selectRow(row);
}

QString PeoplePage::teamName(const QUuid &team) const
{
    if (team.isNull() || !m_database)
        return {};
    const auto t = DirectoryRepository(m_database->connection()).team(team);
    return t ? t->name : QString();
}

Result<void> PeoplePage::onServer(const ServerWork &work)
{
    return m_serverRunner ? m_serverRunner(work) : onConfiguredServer(work);
}

Result<void> PeoplePage::onConfiguredServer(const ServerWork &work)
{
    ServerConnection server = AppSettings::server();
    const QString account = serverAccount(server.user, server.host, server.port, server.database);
    if (account != m_serverAccount) {
        // The server settings changed: the password kept was for another one.
        m_serverPassword.clear();
        m_keychainRefused = false;
        m_serverAccount = account;
    }
    bool fromKeychain = false;
    if (m_serverPassword.isEmpty()) {
        const auto given = ServerPasswordPrompt::ask(this, server, m_keychainRefused);
        if (given.password.isEmpty())
            return makeError(Error::Code::Invalid,
                             tr("Nothing was changed: the team server needs your password for that."));
        m_serverPassword = given.password;
        fromKeychain = given.fromKeychain;
    }
    server.password = m_serverPassword;
    const QString name = QStringLiteral("madoguchi-people");
    Result<void> result;
    {
        auto opened = openServer(server, name);
        if (opened) {
            result = work(opened.value());
            opened.value().close();
        } else {
            m_serverPassword.clear(); // perhaps mistyped (or out of date in the keychain): asked next time
            m_keychainRefused = m_keychainRefused || fromKeychain;
            result = opened.error();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

void PeoplePage::afterServerChange()
{
    emit serverDirectoryChanged();
    reload();
}

Result<void> PeoplePage::saveAgent(const Agent &agent, const QString &login, const QString &password)
{
    if (!m_serverMode) {
        if (agent.id.isNull())
            return outcome(directory().addAgent(agent));
        return directory().editAgent(agent);
    }
    ServerAgent changed;
    changed.id = agent.id;
    changed.login = login;
    changed.name = agent.name;
    changed.reading = agent.nameReading;
    changed.email = agent.email;
    changed.role = toKey(agent.role);
    changed.team = teamName(agent.teamId);
    changed.active = agent.active;
    return onServer([&](QSqlDatabase server) -> Result<void> {
        if (agent.id.isNull()) {
            // Someone a team that worked locally brought without a login
            // gets it on their row (with their tickets), not as a second person.
            const auto existing = serverAgentWithoutLogin(server, changed.name, changed.team);
            if (!existing)
                return existing.error();
            if (existing.value())
                changed.id = existing.value()->id;
            return outcome(addServerAgent(server, changed, password));
        }
        const auto existing = serverLogin(server, agent);
        if (!existing)
            return existing.error();
        return editServerAgent(server, existing.value(), changed);
    });
}

void PeoplePage::addAgent()
{
    if (!m_database)
        return;
    Agent fresh;
    if (const Team *team = selectedTeam())
        fresh.teamId = team->id;
    AgentDialog dialog(fresh, allTeams(), grantableRoles(), m_serverMode, this);
    dialog.setSave([this](const AgentDialog &d) { return saveAgent(d.agent(), d.login(), d.password()); });
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (m_serverMode) {
        afterServerChange();
        if (dialog.passwordGenerated())
            NewPasswordDialog(dialog.agent().name, dialog.login(), dialog.password(), this).exec();
    }
}

void PeoplePage::editAgent()
{
    const Agent *selected = selectedAgent();
    if (!m_database || !selected)
        return;
    AgentDialog dialog(*selected, allTeams(), grantableRoles(), false, this);
    dialog.setSave([this](const AgentDialog &d) { return saveAgent(d.agent(), {}, {}); });
    if (dialog.exec() == QDialog::Accepted && m_serverMode)
        afterServerChange();
}

Result<void> PeoplePage::setActiveOnServer(const Agent &agent, bool active)
{
    return onServer([&](QSqlDatabase server) -> Result<void> {
        const auto login = serverLogin(server, agent);
        if (!login)
            return login.error();
        return setServerAgentActive(server, login.value(), active);
    });
}

Result<QList<Ticket>> PeoplePage::deactivate(const Agent &agent)
{
    if (!m_serverMode)
        return directory().deactivateAgent(agent.id);
    const auto done = setActiveOnServer(agent, false);
    if (!done)
        return done.error();
    return directory().openTicketsOf(agent.id);
}

void PeoplePage::deactivateAgent()
{
    const Agent *selected = selectedAgent();
    if (!m_database || !selected || !selected->active)
        return;
    const Agent agent = *selected;
    QMessageBox confirm(QMessageBox::Question, tr("Deactivate Agent"),
                        tr("Deactivate %1? They can no longer sign in or take tickets, and stop leading their team. "
                           "Their name stays in the history, and they can be reactivated later.")
                            .arg(agent.name),
                        QMessageBox::Cancel, this);
    QPushButton *yes = confirm.addButton(tr("Deactivate"), QMessageBox::AcceptRole);
    confirm.setDefaultButton(yes);
    confirm.exec();
    if (confirm.clickedButton() != yes)
        return;
    const auto open = deactivate(agent);
    if (!open) {
        QMessageBox::warning(this, tr("Not deactivated"), open.error().message);
        return;
    }
    if (m_serverMode)
        afterServerChange();
    if (!open->isEmpty())
        offerHandOver(agent, open.value());
}

Result<void> PeoplePage::handOver(const QList<Ticket> &tickets, const QUuid &assignee)
{
    const QSqlDatabase db = m_database->connection();
    QUuid assigneeTeam;
    if (!assignee.isNull()) {
        const auto agent = DirectoryRepository(db).agent(assignee);
        if (!agent)
            return agent.error();
        assigneeTeam = agent->teamId;
    }
    // All of them or none.
    return inTransaction(db, [&]() -> Result<void> {
        TicketService service(db, m_actor);
        for (const Ticket &t : tickets) {
            const QUuid team = assigneeTeam.isNull() ? t.teamId : assigneeTeam;
            if (auto r = service.assign(t.id, assignee, team); !r)
                return r;
        }
        return {};
    });
}

void PeoplePage::offerHandOver(const Agent &leaving, const QList<Ticket> &tickets)
{
    HandOverDialog dialog(leaving, tickets, allAgents(), this);
    dialog.setSave([&](const QUuid &assignee) { return handOver(tickets, assignee); });
    dialog.exec();
}

void PeoplePage::reactivateAgent()
{
    const Agent *selected = selectedAgent();
    if (!m_database || !selected || selected->active)
        return;
    const Agent agent = *selected;
    const auto done = m_serverMode ? setActiveOnServer(agent, true) : directory().reactivateAgent(agent.id);
    if (!done) {
        QMessageBox::warning(this, tr("Not reactivated"), done.error().message);
        return;
    }
    if (m_serverMode)
        afterServerChange();
}

void PeoplePage::resetPassword()
{
    const Agent *selected = selectedAgent();
    if (!m_database || !selected || !m_serverMode)
        return;
    const Agent agent = *selected;
    QString login;
    if (const auto found = onServer([&](QSqlDatabase server) -> Result<void> {
            const auto l = serverLogin(server, agent);
            if (!l)
                return l.error();
            login = l.value();
            return {};
        });
        !found) {
        QMessageBox::warning(this, tr("Password not changed"), found.error().message);
        return;
    }
    PasswordDialog dialog(agent.name, login, this);
    dialog.setSave([&](const QString &password) {
        return onServer([&](QSqlDatabase server) { return resetServerPassword(server, login, password); });
    });
    if (dialog.exec() == QDialog::Accepted && dialog.generated())
        NewPasswordDialog(agent.name, login, dialog.password(), this).exec();
}

Result<void> PeoplePage::saveTeam(const Team &team)
{
    if (!m_serverMode) {
        if (team.id.isNull())
            return outcome(directory().addTeam(team));
        return directory().editTeam(team);
    }
    // The server's "add" takes an existing team of that name: say so instead.
    for (const Team &other : allTeams()) {
        if (other.id != team.id && other.name.compare(team.name, Qt::CaseInsensitive) == 0)
            return makeError(Error::Code::Invalid, tr("There is already a team called %1.").arg(other.name));
    }
    const QString before = team.id.isNull() ? team.name : teamName(team.id);
    return onServer([&](QSqlDatabase server) -> Result<void> {
        if (team.id.isNull()) {
            if (auto added = addServerTeam(server, team.name); !added)
                return added.error();
        }
        std::optional<QString> lead;
        if (!team.id.isNull()) {
            lead = QString();
            if (!team.leadId.isNull()) {
                const auto agent = DirectoryRepository(m_database->connection()).agent(team.leadId);
                if (!agent)
                    return agent.error();
                const auto login = serverLogin(server, agent.value());
                if (!login)
                    return login.error();
                lead = login.value();
            }
        }
        return editServerTeam(server, before, team.name, team.timeZone, lead);
    });
}

void PeoplePage::addTeam()
{
    if (!m_database)
        return;
    TeamDialog dialog(Team(), allAgents(), !m_serverMode, this);
    dialog.setSave([this](const Team &team) { return saveTeam(team); });
    if (dialog.exec() == QDialog::Accepted && m_serverMode)
        afterServerChange();
}

void PeoplePage::editTeam()
{
    const Team *selected = selectedTeam();
    if (!m_database || !selected)
        return;
    TeamDialog dialog(*selected, allAgents(), !m_serverMode, this);
    dialog.setSave([this](const Team &team) { return saveTeam(team); });
    if (dialog.exec() == QDialog::Accepted && m_serverMode)
        afterServerChange();
}

} // namespace madoguchi
