#pragma once

#include <QUuid>
#include <QWidget>

#include <memory>

namespace Ui {
class SettingsPage;
}

namespace madoguchi {

struct DatabaseInfo;

// Preferences: UI language, default phone region, data folder; facts about
// the open database and an integrity check. Changes are saved at once.
class SettingsPage : public QWidget
{
    Q_OBJECT

public:
    explicit SettingsPage(QWidget *parent = nullptr);
    ~SettingsPage() override;

    void setDatabaseInfo(const DatabaseInfo &info);
    // The agents of the open database, and who is working on it now.
    void setAgents(const QList<struct Agent> &agents, const QUuid &current);
    void setCheckResult(const QString &message, bool healthy);

signals:
    void integrityCheckRequested();
    void agentChosen(const QUuid &agent);

private:
    void populateRegions();
    void updateRegionHint();
    void applyDataDirectory(const QString &directory);

    std::unique_ptr<Ui::SettingsPage> m_ui;
};

} // namespace madoguchi
