#pragma once

#include "domain/categories.h"
#include "domain/entities.h"
#include "domain/slapolicy.h"

#include <QDialog>

#include <array>
#include <memory>
#include <set>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;

namespace Ui {
class ServiceLevelsDialog;
}

namespace madoguchi {

class Database;

// The operations specialist's editor for service levels: SLA policies with
// first-response and resolution targets per priority, the business-hours
// calendars they count on (weekly hours, time zone, Japanese holidays, other
// closed days), and how each team assigns new tickets. Edits are kept per
// item until Save, which stores them all and recalculates the due times of
// the running tickets they affect.
class ServiceLevelsDialog : public QDialog
{
    Q_OBJECT

public:
    ServiceLevelsDialog(const Database &database, const QUuid &agent, QWidget *parent = nullptr);
    ~ServiceLevelsDialog() override;

    // Stores every change; false (with the reason shown, nothing stored) when
    // a policy or calendar is invalid.
    bool save();
    bool hasUnsavedChanges() const;
    QString errorText() const;
    QString statusText() const;

    // For tests: select and edit as the user would.
    void selectPolicy(int row);
    void selectCalendar(int row);
    // Categories tab: adds one (saved with Save).
    void addCategory(const QString &name);

protected:
    void reject() override;

private:
    void load();
    void buildTargetsGrid();
    void buildWeekGrid();
    void buildTeams();
    void fillCategories();
    void showPolicy(int row);
    void storePolicy();
    void showCalendar(int row);
    void storeCalendar();
    void refreshLists();
    void addPolicy();
    void copyPolicy();
    void addCalendar();
    void addClosure();
    void markPolicyDirty();
    void markCalendarDirty();

    std::unique_ptr<Ui::ServiceLevelsDialog> m_ui;
    const Database &m_database;
    QUuid m_agent;
    QList<SlaPolicy> m_policies;
    QList<Calendar> m_calendars;
    QList<Team> m_teams;
    std::set<int> m_dirtyPolicies;
    std::set<int> m_dirtyCalendars;
    std::set<int> m_dirtyTeams;
    int m_policyRow = -1;
    int m_calendarRow = -1;
    bool m_filling = false;
    std::array<QDoubleSpinBox *, 4> m_firstResponse{};
    std::array<QDoubleSpinBox *, 4> m_resolution{};
    class WeekHoursEdit *m_week = nullptr;
    QList<QComboBox *> m_teamModes;
    QList<Category> m_categories; // as loaded, to see what changed
    bool m_categoriesChanged = false;
};

} // namespace madoguchi
