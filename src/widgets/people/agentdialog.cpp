#include "people/agentdialog.h"

#include "kit/formstyle.h"
#include "people/passworddialogs.h"

#include "ui_agentdialog.h"

#include <QMessageBox>
#include <QPushButton>

namespace madoguchi {

AgentDialog::AgentDialog(const Agent &agent, const QList<Team> &teams, const QList<AgentRole> &roles, bool asksLogin,
                         QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::AgentDialog>())
    , m_agent(agent)
    , m_asksLogin(asksLogin)
{
    m_ui->setupUi(this);
    setWindowTitle(agent.id.isNull() ? tr("Add Agent") : tr("Edit Agent"));
    makeErrorLabel(m_ui->errorLabel);
    m_ui->nameEdit->setText(agent.name);
    m_ui->readingEdit->setText(agent.nameReading);
    m_ui->emailEdit->setText(agent.email);

    for (AgentRole role : {AgentRole::Agent, AgentRole::Lead, AgentRole::Supervisor, AgentRole::Admin}) {
        if (role == agent.role || roles.contains(role))
            m_ui->roleCombo->addItem(displayName(role), int(role));
    }
    m_ui->roleCombo->setCurrentIndex(std::max(0, m_ui->roleCombo->findData(int(agent.role))));
    // Someone whose role the signed-in person may not change keeps it.
    m_ui->roleCombo->setEnabled(roles.contains(agent.role));

    m_ui->teamCombo->addItem(tr("No team"), QVariant::fromValue(QUuid()));
    for (const Team &t : teams)
        m_ui->teamCombo->addItem(t.name, QVariant::fromValue(t.id));
    m_ui->teamCombo->setCurrentIndex(std::max(0, m_ui->teamCombo->findData(QVariant::fromValue(agent.teamId))));

    m_ui->loginLabel->setVisible(asksLogin);
    m_ui->loginEdit->setVisible(asksLogin);
    m_ui->passwordBox->setVisible(asksLogin);
    if (asksLogin) {
        m_passwordChoice = new PasswordChoice(m_ui->passwordBox);
        m_ui->passwordLayout->addWidget(m_passwordChoice);
    }
    connect(m_ui->buttons, &QDialogButtonBox::accepted, this, &AgentDialog::accept);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &AgentDialog::reject);
    m_ui->nameEdit->setFocus();
}

AgentDialog::~AgentDialog() = default;

Agent AgentDialog::agent() const
{
    Agent a = m_agent;
    a.name = m_ui->nameEdit->text().simplified();
    a.nameReading = m_ui->readingEdit->text().simplified();
    a.email = m_ui->emailEdit->text().trimmed();
    a.role = AgentRole(m_ui->roleCombo->currentData().toInt());
    a.teamId = m_ui->teamCombo->currentData().toUuid();
    return a;
}

QString AgentDialog::login() const
{
    return m_ui->loginEdit->text().trimmed();
}

Result<void> AgentDialog::checkForm()
{
    if (m_ui->nameEdit->text().trimmed().isEmpty())
        return makeError(Error::Code::Invalid, tr("Give the agent a name."));
    if (!m_asksLogin)
        return {};
    if (login().isEmpty())
        return makeError(Error::Code::Invalid, tr("Give the agent a login for the team server."));
    const auto password = m_passwordChoice->password();
    if (!password)
        return password.error();
    m_password = password.value();
    m_generated = m_passwordChoice->generates();
    return {};
}

void AgentDialog::accept()
{
    if (const auto checked = checkForm(); !checked) {
        m_ui->errorLabel->setText(checked.error().message);
        m_ui->errorLabel->show();
        return;
    }
    m_ui->errorLabel->hide();
    if (m_save) {
        if (const auto saved = m_save(*this); !saved) {
            QMessageBox::warning(this, tr("Agent not saved"), saved.error().message);
            return;
        }
    }
    QDialog::accept();
}

} // namespace madoguchi
