#pragma once

#include "domain/entities.h"

#include <QSqlDatabase>
#include <QWizard>

#include <memory>

class QLabel;

namespace Ui {
class FirstRunWizard;
}

namespace madoguchi {

// The first start of a new, empty database: work locally (who you are,
// your team and its business hours, a few teammates — set up through
// WorkspaceSetup, all or nothing) or connect to a team server. "Set up
// later" leaves the database as it is and does not ask again. On a
// database that has its people already, only how it is used is asked.
class FirstRunWizard : public QWizard
{
    Q_OBJECT

public:
    enum class Outcome {
        Closed,          // asked again at the next start
        SetUp,           // the workspace is saved; you are signed in
        ConnectToServer, // show the team server settings
        Later,           // remembered: not asked again
        WorkLocally      // the database has its people already
    };
    enum PageId {
        Welcome,
        You,
        Team,
        Teammates,
        Ready
    };

    // With `askPeople` false (the database has its people already) only
    // the first question is asked.
    explicit FirstRunWizard(QSqlDatabase db, bool askPeople = true, QWidget *parent = nullptr);
    ~FirstRunWizard() override;

    Outcome outcome() const { return m_outcome; }
    bool validateCurrentPage() override;

private:
    // What the pages say: you, and the team's business hours.
    Agent you() const;
    struct Calendar hours() const;
    void addTeammate();
    void setUpLater();
    void updateSummary();
    void updateButtonTexts();
    void showError(QLabel *label, const QString &message);

    std::unique_ptr<Ui::FirstRunWizard> m_ui;
    QSqlDatabase m_db;
    class WeekHoursEdit *m_week = nullptr;
    QList<Agent> m_teammates;
    Outcome m_outcome = Outcome::Closed;
    bool m_askPeople = true;
};

} // namespace madoguchi
