#include "tickets/cannedresponsesdialog.h"

#include "kit/formstyle.h"
#include "repositories/directoryrepository.h"
#include "storage/database.h"

#include "ui_cannedresponsesdialog.h"

#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>

namespace madoguchi {

CannedResponsesDialog::CannedResponsesDialog(const Database &database, const QUuid &agent, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::CannedResponsesDialog>())
    , m_database(database)
    , m_agent(agent)
{
    m_ui->setupUi(this);
    makeErrorLabel(m_ui->errorLabel);
    m_ui->teamCombo->addItem(tr("Everyone"));
    if (const auto teams = DirectoryRepository(database.connection()).teams()) {
        for (const Team &t : teams.value())
            m_ui->teamCombo->addItem(t.name, QVariant::fromValue(t.id));
    }
    m_ui->statusCombo->addItem(tr("Leave as it is"));
    for (TicketStatus s : {TicketStatus::Open, TicketStatus::Pending, TicketStatus::OnHold, TicketStatus::Solved})
        m_ui->statusCombo->addItem(displayName(s), int(s));
    m_ui->priorityCombo->addItem(tr("Leave as it is"));
    for (Priority p : {Priority::Urgent, Priority::High, Priority::Normal, Priority::Low})
        m_ui->priorityCombo->addItem(displayName(p), int(p));
    connect(m_ui->list, &QListWidget::currentRowChanged, this, &CannedResponsesDialog::showResponse);
    connect(m_ui->newButton, &QPushButton::clicked, this, &CannedResponsesDialog::startNew);
    connect(m_ui->deleteButton, &QPushButton::clicked, this, [this] {
        if (QMessageBox::question(this, tr("Delete the canned response?"),
                                  tr("“%1” will no longer be offered to anyone.").arg(m_ui->nameEdit->text()))
            == QMessageBox::Yes)
            deleteCurrent();
    });
    connect(m_ui->buttons->button(QDialogButtonBox::Save), &QPushButton::clicked, this,
            &CannedResponsesDialog::saveCurrent);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &CannedResponsesDialog::reject);
    reload();
    if (m_responses.isEmpty())
        startNew();
}

CannedResponsesDialog::~CannedResponsesDialog() = default;

void CannedResponsesDialog::reload(const QUuid &select)
{
    m_responses = CannedResponses(m_database.connection()).all().value_or(QList<CannedResponse>());
    const QSignalBlocker block(m_ui->list);
    m_ui->list->clear();
    int row = m_responses.isEmpty() ? -1 : 0;
    for (int i = 0; i < m_responses.size(); ++i) {
        const CannedResponse &r = m_responses.at(i);
        const QString team = m_ui->teamCombo->itemText(
            std::max(0, m_ui->teamCombo->findData(QVariant::fromValue(r.teamId))));
        auto *item = new QListWidgetItem(r.name, m_ui->list);
        item->setToolTip(tr("Shared with: %1").arg(r.teamId.isNull() ? tr("Everyone") : team));
        if (r.id == select)
            row = i;
    }
    m_ui->list->setCurrentRow(row);
    showResponse(row);
}

void CannedResponsesDialog::showResponse(int row)
{
    m_ui->errorLabel->hide();
    if (row < 0 || row >= m_responses.size())
        return;
    const CannedResponse &r = m_responses.at(row);
    m_current = r.id;
    m_ui->nameEdit->setText(r.name);
    m_ui->teamCombo->setCurrentIndex(std::max(0, m_ui->teamCombo->findData(QVariant::fromValue(r.teamId))));
    m_ui->bodyEdit->setPlainText(r.body);
    m_ui->statusCombo->setCurrentIndex(r.setStatus ? m_ui->statusCombo->findData(int(*r.setStatus)) : 0);
    m_ui->priorityCombo->setCurrentIndex(r.setPriority ? m_ui->priorityCombo->findData(int(*r.setPriority)) : 0);
    m_ui->tagsEdit->setText(r.addTags.join(QStringLiteral(", ")));
    m_ui->deleteButton->setEnabled(true);
}

void CannedResponsesDialog::startNew()
{
    m_current = QUuid();
    m_ui->list->clearSelection();
    m_ui->nameEdit->clear();
    m_ui->teamCombo->setCurrentIndex(0);
    m_ui->bodyEdit->clear();
    m_ui->statusCombo->setCurrentIndex(0);
    m_ui->priorityCombo->setCurrentIndex(0);
    m_ui->tagsEdit->clear();
    m_ui->deleteButton->setEnabled(false);
    m_ui->nameEdit->setFocus();
}

bool CannedResponsesDialog::saveCurrent()
{
    CannedResponse r;
    r.id = m_current;
    r.name = m_ui->nameEdit->text();
    r.teamId = m_ui->teamCombo->currentData().toUuid();
    r.body = m_ui->bodyEdit->toPlainText();
    if (const QVariant s = m_ui->statusCombo->currentData(); s.isValid())
        r.setStatus = TicketStatus(s.toInt());
    if (const QVariant p = m_ui->priorityCombo->currentData(); p.isValid())
        r.setPriority = Priority(p.toInt());
    for (const QString &tag :
         m_ui->tagsEdit->text().split(QRegularExpression(QStringLiteral("[,、，]")), Qt::SkipEmptyParts)) {
        if (const QString t = tag.trimmed(); !t.isEmpty() && !r.addTags.contains(t))
            r.addTags << t;
    }
    const auto saved = CannedResponses(m_database.connection(), m_agent).save(r);
    if (!saved) {
        m_ui->errorLabel->setText(saved.error().message);
        m_ui->errorLabel->show();
        return false;
    }
    reload(saved.value());
    return true;
}

bool CannedResponsesDialog::deleteCurrent()
{
    if (m_current.isNull())
        return false;
    if (auto r = CannedResponses(m_database.connection(), m_agent).remove(m_current); !r) {
        m_ui->errorLabel->setText(r.error().message);
        m_ui->errorLabel->show();
        return false;
    }
    reload();
    if (m_responses.isEmpty())
        startNew();
    return true;
}

QString CannedResponsesDialog::errorText() const
{
    return m_ui->errorLabel->isHidden() ? QString() : m_ui->errorLabel->text();
}

int CannedResponsesDialog::count() const
{
    return int(m_responses.size());
}

} // namespace madoguchi
