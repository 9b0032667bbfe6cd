#include "people/handoverdialog.h"

#include "ui_handoverdialog.h"

#include <QMessageBox>
#include <QPushButton>

namespace madoguchi {

HandOverDialog::HandOverDialog(const Agent &leaving, const QList<Ticket> &tickets, const QList<Agent> &candidates,
                               QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::HandOverDialog>())
{
    m_ui->setupUi(this);
    m_ui->summaryLabel->setText(tr("%1 still holds %n open ticket(s). Give them to a colleague, or leave them "
                                   "unassigned in their team's queue.",
                                   nullptr, int(tickets.size()))
                                    .arg(leaving.name));
    for (const Ticket &t : tickets)
        m_ui->ticketList->addItem(tr("%1 — %2").arg(t.number, t.subject));
    m_ui->assigneeCombo->addItem(tr("Nobody: leave them unassigned"), QVariant::fromValue(QUuid()));
    for (const Agent &a : candidates) {
        if (a.active && a.id != leaving.id)
            m_ui->assigneeCombo->addItem(a.name, QVariant::fromValue(a.id));
    }
    m_ui->buttons->button(QDialogButtonBox::Ok)->setText(tr("&Hand On"));
    m_ui->buttons->button(QDialogButtonBox::Cancel)->setText(tr("&Keep Them for Now"));
    connect(m_ui->buttons, &QDialogButtonBox::accepted, this, &HandOverDialog::accept);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &HandOverDialog::reject);
}

HandOverDialog::~HandOverDialog() = default;

QUuid HandOverDialog::assignee() const
{
    return m_ui->assigneeCombo->currentData().toUuid();
}

void HandOverDialog::accept()
{
    if (m_save) {
        if (const auto saved = m_save(assignee()); !saved) {
            QMessageBox::warning(this, tr("Tickets not handed on"), saved.error().message);
            return;
        }
    }
    QDialog::accept();
}

} // namespace madoguchi
