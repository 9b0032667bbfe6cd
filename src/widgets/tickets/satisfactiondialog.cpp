#include "tickets/satisfactiondialog.h"

#include "common/timeformat.h"
#include "config/displaytimezone.h"
#include "kit/formstyle.h"
#include "services/ticketservice.h"
#include "storage/database.h"

#include "ui_satisfactiondialog.h"

namespace madoguchi {

SatisfactionDialog::SatisfactionDialog(const Database &database, const Ticket &ticket, const QUuid &agent,
                                       QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::SatisfactionDialog>())
    , m_database(database)
    , m_ticket(ticket)
    , m_agent(agent)
{
    m_ui->setupUi(this);
    makeErrorLabel(m_ui->errorLabel);
    m_ui->summaryLabel->setText(tr("How satisfied was the customer with %1 “%2”?").arg(ticket.number, ticket.subject));
    const QStringList scores{tr("5 — Very satisfied"), tr("4 — Satisfied"), tr("3 — Neither"), tr("2 — Dissatisfied"),
                             tr("1 — Very dissatisfied")};
    m_ui->csatCombo->addItem(tr("Not asked"));
    for (int i = 0; i < 5; ++i)
        m_ui->csatCombo->addItem(scores.at(i), 5 - i);
    m_ui->csatCombo->setCurrentIndex(1);
    m_ui->npsCombo->addItem(tr("Not asked"));
    for (int n = 10; n >= 0; --n)
        m_ui->npsCombo->addItem(QString::number(n), n);
    // The team's wall clock, edited as plain date and time.
    const QDateTime now = QDateTime::currentDateTimeUtc().toTimeZone(displayTimeZone(database));
    m_ui->receivedEdit->setDateTime(QDateTime(now.date(), now.time()));
    m_ui->receivedEdit->setDisplayFormat(dateTimeEditFormat());
    connect(m_ui->buttons, &QDialogButtonBox::accepted, this, &SatisfactionDialog::accept);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &SatisfactionDialog::reject);
}

SatisfactionDialog::~SatisfactionDialog() = default;

void SatisfactionDialog::accept()
{
    CsatResponse r;
    if (const QVariant v = m_ui->csatCombo->currentData(); v.isValid())
        r.csat = v.toInt();
    if (const QVariant v = m_ui->npsCombo->currentData(); v.isValid())
        r.nps = v.toInt();
    r.comment = m_ui->commentEdit->toPlainText();
    r.complaint = m_ui->complaintCheck->isChecked();
    r.receivedAt = QDateTime(m_ui->receivedEdit->date(), m_ui->receivedEdit->time(), displayTimeZone(m_database)).toUTC();
    const auto saved = TicketService(m_database.connection(), m_agent).recordSatisfaction(m_ticket.id, r);
    if (!saved) {
        m_ui->errorLabel->setText(saved.error().message);
        m_ui->errorLabel->show();
        return;
    }
    QDialog::accept();
}

QString SatisfactionDialog::errorText() const
{
    return m_ui->errorLabel->isHidden() ? QString() : m_ui->errorLabel->text();
}

} // namespace madoguchi
