#include "tickets/escalatedialog.h"

#include "kit/formstyle.h"
#include "repositories/directoryrepository.h"
#include "services/ticketservice.h"
#include "storage/database.h"

#include "ui_escalatedialog.h"

#include <QPushButton>

namespace madoguchi {

EscalateDialog::EscalateDialog(const Database &database, const Ticket &ticket, const QUuid &agent, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::EscalateDialog>())
    , m_database(database)
    , m_ticket(ticket)
    , m_agent(agent)
{
    m_ui->setupUi(this);
    makeErrorLabel(m_ui->errorLabel);
    m_ui->summaryLabel->setText(
        tr("%1 is at %2.").arg(ticket.number, TicketService::escalationLevelName(ticket.escalationLevel)));
    for (int level = 0; level <= TicketService::kMaxEscalationLevel; ++level) {
        if (level == ticket.escalationLevel)
            continue;
        const QString name = TicketService::escalationLevelName(level);
        m_ui->levelCombo->addItem(level > ticket.escalationLevel ? name : tr("Back to %1").arg(name), level);
    }
    // The next level up is what is usually meant.
    m_ui->levelCombo->setCurrentIndex(std::max(0, m_ui->levelCombo->findData(ticket.escalationLevel + 1)));

    m_ui->teamCombo->addItem(tr("Keep with the current team and agent"));
    if (const auto teams = DirectoryRepository(database.connection()).teams()) {
        for (const Team &t : teams.value())
            m_ui->teamCombo->addItem(t.name, QVariant::fromValue(t.id));
    }
    connect(m_ui->teamCombo, &QComboBox::currentIndexChanged, this, &EscalateDialog::fillAgents);
    fillAgents();
    m_ui->buttons->button(QDialogButtonBox::Ok)->setText(tr("&Escalate"));
    connect(m_ui->levelCombo, &QComboBox::currentIndexChanged, this, [this] {
        const bool lowering = m_ui->levelCombo->currentData().toInt() < m_ticket.escalationLevel;
        m_ui->buttons->button(QDialogButtonBox::Ok)->setText(lowering ? tr("&De-escalate") : tr("&Escalate"));
    });
    connect(m_ui->buttons, &QDialogButtonBox::accepted, this, &EscalateDialog::accept);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &EscalateDialog::reject);
    m_ui->reasonEdit->setFocus();
}

EscalateDialog::~EscalateDialog() = default;

void EscalateDialog::fillAgents()
{
    m_ui->agentCombo->clear();
    const QUuid team = m_ui->teamCombo->currentData().toUuid();
    m_ui->agentCombo->setEnabled(!team.isNull());
    m_ui->agentCombo->addItem(team.isNull() ? QString() : tr("Anyone in the team"));
    if (team.isNull())
        return;
    if (const auto agents = DirectoryRepository(m_database.connection()).agents()) {
        for (const Agent &a : agents.value()) {
            if (a.teamId == team && a.active)
                m_ui->agentCombo->addItem(a.name, QVariant::fromValue(a.id));
        }
    }
}

void EscalateDialog::accept()
{
    const TicketService::Target target{m_ui->agentCombo->currentData().toUuid(),
                                       m_ui->teamCombo->currentData().toUuid()};
    const auto done = TicketService(m_database.connection(), m_agent)
                          .escalate(m_ticket.id, m_ui->levelCombo->currentData().toInt(),
                                    m_ui->reasonEdit->toPlainText(), target);
    if (!done) {
        m_ui->errorLabel->setText(done.error().message);
        m_ui->errorLabel->show();
        return;
    }
    QDialog::accept();
}

QString EscalateDialog::errorText() const
{
    return m_ui->errorLabel->isHidden() ? QString() : m_ui->errorLabel->text();
}

} // namespace madoguchi
