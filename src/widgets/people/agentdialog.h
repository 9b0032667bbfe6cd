#pragma once

#include "common/result.h"
#include "domain/entities.h"

#include <QDialog>

#include <functional>
#include <memory>

namespace Ui {
class AgentDialog;
}

namespace madoguchi {

class PasswordChoice;

// One agent's name, reading, e-mail, role and team. A new agent on a team
// server also needs a login and a password (typed twice or generated).
class AgentDialog : public QDialog
{
    Q_OBJECT

public:
    // `agent`: a null id for a new one. `roles`: those the signed-in person
    // may give (the agent's own role is always shown, fixed when not among
    // them). `asksLogin`: a new agent on the team server.
    AgentDialog(const Agent &agent, const QList<Team> &teams, const QList<AgentRole> &roles, bool asksLogin,
                QWidget *parent = nullptr);
    ~AgentDialog() override;

    // What Save does; an error keeps the dialog open and is shown in words.
    void setSave(std::function<Result<void>(const AgentDialog &)> save) { m_save = std::move(save); }
    // The form's values (the id and active state as given).
    Agent agent() const;
    QString login() const;
    // While saving and after: the password given, and whether it was generated.
    QString password() const { return m_password; }
    bool passwordGenerated() const { return m_generated; }
    void accept() override;

private:
    Result<void> checkForm();

    std::unique_ptr<Ui::AgentDialog> m_ui;
    PasswordChoice *m_passwordChoice = nullptr;
    Agent m_agent;
    bool m_asksLogin = false;
    std::function<Result<void>(const AgentDialog &)> m_save;
    QString m_password;
    bool m_generated = false;
};

} // namespace madoguchi
