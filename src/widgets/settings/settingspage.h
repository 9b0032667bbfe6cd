#pragma once

#include <QTimeZone>
#include <QUuid>
#include <QWidget>

#include <memory>

namespace Ui {
class SettingsPage;
}

namespace madoguchi {

struct DatabaseInfo;

// Two tabs. Preferences: UI language, default phone region, data folder;
// facts about the open database and an integrity check (changes are saved
// at once). People and teams: PeoplePage.
class SettingsPage : public QWidget
{
    Q_OBJECT

public:
    explicit SettingsPage(QWidget *parent = nullptr);
    ~SettingsPage() override;

    void setDatabaseInfo(const DatabaseInfo &info);
    // The agents of the open database, and who is working on it now. With a
    // team server, the login decides who that is: the choice is locked.
    void setAgents(const QList<struct Agent> &agents, const QUuid &current, bool decidedByServer = false);
    // Scrolls to and focuses the "You" section.
    void showYou();
    void setCheckResult(const QString &message, bool healthy);
    // The zone "Automatic" stands for with the open database.
    void setAutomaticTimeZone(const QTimeZone &zone);
    // The team server section.
    class ServerSettingsWidget *serverSettings() const { return m_server; }
    // Scrolls to and focuses the team server section.
    void showServerSettings();
    // Settings ▸ People: the team's agents and teams.
    class PeoplePage *people() const { return m_people; }
    void showPeople();

signals:
    void integrityCheckRequested();
    void agentChosen(const QUuid &agent);
    // AppSettings::timeZone() changed.
    void timeZoneChosen();

private:
    void populateRegions();
    void updateRegionHint();
    void populateTimeZones();
    void applyTimeZoneChoice();
    void applyDataDirectory(const QString &directory);

    std::unique_ptr<Ui::SettingsPage> m_ui;
    std::unique_ptr<class CredentialStore> m_credentials;
    ServerSettingsWidget *m_server = nullptr;
    PeoplePage *m_people = nullptr;
};

} // namespace madoguchi
