#include "people/teamdialog.h"

#include "domain/slapolicy.h"
#include "kit/formstyle.h"

#include "ui_teamdialog.h"

#include <QCompleter>
#include <QMessageBox>

namespace madoguchi {

TeamDialog::TeamDialog(const Team &team, const QList<Agent> &agents, bool assignment, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::TeamDialog>())
    , m_team(team)
{
    m_ui->setupUi(this);
    setWindowTitle(team.id.isNull() ? tr("Add Team") : tr("Edit Team"));
    makeErrorLabel(m_ui->errorLabel);
    m_ui->nameEdit->setText(team.name);

    QComboBox *zones = m_ui->timeZoneCombo;
    for (const QString &id : calendarTimeZoneIds())
        zones->addItem(id, id);
    zones->setCurrentIndex(zones->findData(team.timeZone));
    if (zones->currentIndex() < 0)
        zones->setEditText(team.timeZone);
    zones->completer()->setCompletionMode(QCompleter::PopupCompletion);
    zones->completer()->setFilterMode(Qt::MatchContains);
    zones->completer()->setCaseSensitivity(Qt::CaseInsensitive);

    // A lead is one of the team's active members.
    m_ui->leadCombo->addItem(tr("No lead"), QVariant::fromValue(QUuid()));
    for (const Agent &a : agents) {
        if (a.active && !team.id.isNull() && a.teamId == team.id)
            m_ui->leadCombo->addItem(a.name, QVariant::fromValue(a.id));
    }
    m_ui->leadCombo->setCurrentIndex(std::max(0, m_ui->leadCombo->findData(QVariant::fromValue(team.leadId))));
    m_ui->hintLabel->setText(team.id.isNull() ? tr("Add people to the team first; then choose its lead here.")
                                              : tr("The lead is one of the team's active members."));

    for (AutoAssign mode : {AutoAssign::None, AutoAssign::RoundRobin, AutoAssign::LeastOpen})
        m_ui->autoAssignCombo->addItem(displayName(mode), int(mode));
    m_ui->autoAssignCombo->setCurrentIndex(std::max(0, m_ui->autoAssignCombo->findData(int(team.autoAssign))));
    m_ui->autoAssignLabel->setVisible(assignment);
    m_ui->autoAssignCombo->setVisible(assignment);

    connect(m_ui->buttons, &QDialogButtonBox::accepted, this, &TeamDialog::accept);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &TeamDialog::reject);
    m_ui->nameEdit->setFocus();
}

TeamDialog::~TeamDialog() = default;

Team TeamDialog::team() const
{
    Team t = m_team;
    t.name = m_ui->nameEdit->text().simplified();
    t.timeZone = m_ui->timeZoneCombo->currentText().trimmed();
    t.leadId = m_ui->leadCombo->currentData().toUuid();
    t.autoAssign = AutoAssign(m_ui->autoAssignCombo->currentData().toInt());
    return t;
}

void TeamDialog::accept()
{
    if (m_ui->nameEdit->text().trimmed().isEmpty()) {
        m_ui->errorLabel->setText(tr("Give the team a name."));
        m_ui->errorLabel->show();
        return;
    }
    m_ui->errorLabel->hide();
    if (m_save) {
        if (const auto saved = m_save(team()); !saved) {
            QMessageBox::warning(this, tr("Team not saved"), saved.error().message);
            return;
        }
    }
    QDialog::accept();
}

} // namespace madoguchi
