#include "tickets/ticketview.h"

#include "common/timeformat.h"
#include "config/displaytimezone.h"
#include "domain/categories.h"
#include "domain/ticketworkflow.h"
#include "kit/formstyle.h"
#include "models/tickethistorymodel.h"
#include "repositories/categoryrepository.h"
#include "repositories/customerrepository.h"
#include "repositories/directoryrepository.h"
#include "repositories/slarepository.h"
#include "repositories/ticketrepository.h"
#include "services/slaengine.h"
#include "services/ticketservice.h"
#include "storage/database.h"
#include "tickets/escalatedialog.h"
#include "tickets/satisfactiondialog.h"
#include "tickets/slabadge.h"
#include "tickets/ticketactions.h"

#include "ui_ticketview.h"

#include <QKeyEvent>
#include <QLocale>
#include <QMenu>

namespace madoguchi {

namespace {

QString chipStyle(const QString &background, const QString &foreground)
{
    return QStringLiteral(
               "QLabel { background: %1; color: %2; border-radius: 10px; padding: 3px 10px; font-weight: 600; }")
        .arg(background, foreground);
}

QString statusColor(TicketStatus s)
{
    switch (s) {
    case TicketStatus::New: return QStringLiteral("#6a1b9a");
    case TicketStatus::Open: return QStringLiteral("#c62828");
    case TicketStatus::Pending: return QStringLiteral("#1565c0");
    case TicketStatus::OnHold: return QStringLiteral("#455a64");
    case TicketStatus::Solved: return QStringLiteral("#2e7d32");
    case TicketStatus::Closed: return QStringLiteral("#616161");
    }
    return QStringLiteral("#616161");
}

} // namespace

TicketView::TicketView(const Database &database, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::TicketView>())
    , m_database(database)
    , m_timeZone(displayTimeZone(database))
{
    m_ui->setupUi(this);
    // The ticket shown changed elsewhere: a call logged on it, the service
    // levels, a teammate's change arriving by sync.
    connect(&database.changes(), &ChangeHub::changed, this, [this](const ChangeSet &changes) {
        if (!m_ticket.id.isNull() && changes.touchesRow(QStringLiteral("tickets"), m_ticket.id))
            reload();
    });
    stylePageTitle(m_ui->subjectLabel);
    QFont mono = m_ui->numberLabel->font();
    mono.setFamily(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    mono.setPointSizeF(mono.pointSizeF() * 1.15);
    mono.setBold(true);
    m_ui->numberLabel->setFont(mono);
    makeErrorLabel(m_ui->errorLabel);
    QFont strong = m_ui->descriptionLabel->font();
    strong.setBold(true);
    m_ui->descriptionLabel->setFont(strong);
    m_ui->layout->setStretchFactor(m_ui->splitter, 1);
    for (QLabel *badge : {m_ui->statusBadge, m_ui->priorityBadge, m_ui->escalationBadge,
                          static_cast<QLabel *>(m_ui->firstResponseBadge), static_cast<QLabel *>(m_ui->resolutionBadge)})
        badge->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
    m_ui->splitter->setStretchFactor(0, 2);
    m_ui->splitter->setStretchFactor(1, 3);

    m_history = new TicketHistoryModel(database, m_timeZone, this);
    m_ui->historyView->setModel(m_history);
    m_ui->historyView->setSpacing(2);

    for (Priority p : {Priority::Low, Priority::Normal, Priority::High, Priority::Urgent})
        m_ui->priorityCombo->addItem(displayName(p), int(p));
    connect(m_ui->priorityCombo, &QComboBox::activated, this,
            [this] { setPriority(Priority(m_ui->priorityCombo->currentData().toInt())); });
    connect(m_ui->policyCombo, &QComboBox::activated, this, [this] {
        const QUuid policy = m_ui->policyCombo->currentData().toUuid();
        if (policy != m_ticket.slaPolicyId)
            report(TicketService(m_database.connection(), m_agent).setSlaPolicy(m_ticket.id, policy));
    });

    m_ui->statusButton->setMenu(new QMenu(m_ui->statusButton));
    connect(m_ui->statusButton->menu(), &QMenu::aboutToShow, this, &TicketView::fillStatusMenu);
    m_ui->assignButton->setMenu(new QMenu(m_ui->assignButton));
    connect(m_ui->assignButton->menu(), &QMenu::aboutToShow, this, &TicketView::fillAssignMenu);
    connect(m_ui->escalateButton, &QPushButton::clicked, this, &TicketView::escalate);
    connect(m_ui->csatButton, &QPushButton::clicked, this, &TicketView::recordSatisfaction);
    connect(m_ui->backButton, &QPushButton::clicked, this, &TicketView::backRequested);
    connect(m_ui->logCallButton, &QPushButton::clicked, this,
            [this] { emit logCallRequested(m_ticket.customerId, m_ticket.number); });
    connect(m_ui->customerLink, &QLabel::linkActivated, this, [this] { emit customerRequested(m_ticket.customerId); });
}

TicketView::~TicketView() = default;

void TicketView::setAgent(const QUuid &agent, const QUuid &team)
{
    m_agent = agent;
    m_team = team;
}

void TicketView::setTimeZone(const QTimeZone &zone)
{
    m_timeZone = zone;
    m_history->setTimeZone(zone);
    if (!m_ticket.id.isNull())
        fill();
}

void TicketView::showTicket(const QUuid &ticketId)
{
    m_ticket.id = ticketId;
    reload();
}

void TicketView::reload()
{
    m_ui->errorLabel->hide();
    const auto ticket = TicketRepository(m_database.connection()).get(m_ticket.id);
    if (!ticket) {
        m_ui->errorLabel->setText(ticket.error().message);
        m_ui->errorLabel->show();
        return;
    }
    m_ticket = ticket.value();
    fill();
    m_history->setTicket(m_ticket.id);
}

void TicketView::fill()
{
    fillHeader();
    fillSlaClocks();
    fillDetails();
    fillEditors();
}

void TicketView::fillHeader()
{
    const Ticket &t = m_ticket;
    m_ui->numberLabel->setText(t.number);
    m_ui->subjectLabel->setText(t.subject);
    m_ui->statusBadge->setText(displayName(t.status));
    m_ui->statusBadge->setStyleSheet(chipStyle(statusColor(t.status), QStringLiteral("white")));
    m_ui->priorityBadge->setText(tr("%1 priority").arg(displayName(t.priority)));
    const bool pressing = t.priority == Priority::Urgent || t.priority == Priority::High;
    m_ui->priorityBadge->setStyleSheet(
        chipStyle(pressing ? QStringLiteral("#ef6c00") : QStringLiteral("palette(midlight)"),
                  pressing ? QStringLiteral("white") : QStringLiteral("palette(text)")));
    m_ui->escalationBadge->setVisible(t.escalationLevel > 0);
    m_ui->escalationBadge->setText(tr("Escalated: %1").arg(TicketService::escalationLevelName(t.escalationLevel)));
    m_ui->escalationBadge->setToolTip(t.escalationReason);
    m_ui->escalationBadge->setStyleSheet(chipStyle(QStringLiteral("#4527a0"), QStringLiteral("white")));
}

// Both clocks, each as its own badge, and their due times in full.
void TicketView::fillSlaClocks()
{
    const Ticket &t = m_ticket;
    SlaEngine sla(m_database.connection());
    const auto rules = sla.rules(t.slaPolicyId);
    const auto history = sla.history(t.id);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QStringList dues;
    if (rules && history) {
        const SlaEngine::Rules &rule = *rules.value();
        const auto frMinutes = rule.policy.firstResponseFor(t.priority);
        const auto resMinutes = rule.policy.resolutionFor(t.priority);
        const SlaStatus fr = targetStatus(rule.clock, t, history.value(), SlaStatus::Target::FirstResponse, frMinutes,
                                          now);
        const SlaStatus res = targetStatus(rule.clock, t, history.value(), SlaStatus::Target::Resolution, resMinutes,
                                           now);
        m_ui->firstResponseBadge->setStatus(fr, compactDateTime(fr.due, m_timeZone, now, true));
        m_ui->resolutionBadge->setStatus(res, compactDateTime(res.due, m_timeZone, now, true));
        for (const SlaStatus &s : {fr, res}) {
            if (s.target != SlaStatus::Target::None && s.due.isValid())
                dues << tr("%1: %2").arg(slaTargetName(s.target), fullDateTime(s.due, m_timeZone));
        }
    }
    m_ui->dueValue->setText(dues.isEmpty() ? tr("No due time while the clock is stopped") : dues.join(u'\n'));
}

void TicketView::fillDetails()
{
    const Ticket &t = m_ticket;
    const auto customer = CustomerRepository(m_database.connection()).get(t.customerId);
    m_ui->customerLink->setText(
        customer ? QStringLiteral("<a href=\"customer\">%1</a>").arg(customer->name.toHtmlEscaped()) : QString());
    m_ui->customerLink->setToolTip(tr("Open the customer's 360° view"));
    QHash<QUuid, QString> agentNames;
    QHash<QUuid, QString> teamNames;
    if (const auto agents = DirectoryRepository(m_database.connection()).agents()) {
        for (const Agent &a : agents.value())
            agentNames.insert(a.id, a.name);
    }
    if (const auto teams = DirectoryRepository(m_database.connection()).teams()) {
        for (const Team &team : teams.value())
            teamNames.insert(team.id, team.name);
    }
    m_ui->assigneeValue->setText(t.assigneeId.isNull() ? tr("Unassigned") : agentNames.value(t.assigneeId));
    m_ui->teamValue->setText(t.teamId.isNull() ? tr("No team") : teamNames.value(t.teamId));
    m_ui->channelValue->setText(displayName(t.channel));
    m_ui->categoryValue->setText(
        t.category.isEmpty() ? tr("None") : CategoryRepository(m_database.connection()).displayName(t.category));
    m_ui->tagsValue->setText(t.tags.isEmpty() ? tr("None") : t.tags.join(QStringLiteral(", ")));
    m_ui->createdValue->setText(fullDateTime(t.meta.createdAt, m_timeZone));
    m_ui->escalationValue->setText(
        t.escalationReason.isEmpty()
            ? TicketService::escalationLevelName(t.escalationLevel)
            : tr("%1 — %2").arg(TicketService::escalationLevelName(t.escalationLevel), t.escalationReason));
    m_ui->descriptionView->setPlainText(t.description);
    m_ui->descriptionLabel->setVisible(!t.description.isEmpty());
    m_ui->descriptionView->setVisible(!t.description.isEmpty());
}

// What can be changed here, and what this ticket's state allows.
void TicketView::fillEditors()
{
    const Ticket &t = m_ticket;
    const QSignalBlocker blockPriority(m_ui->priorityCombo);
    m_ui->priorityCombo->setCurrentIndex(m_ui->priorityCombo->findData(int(t.priority)));
    const QSignalBlocker blockPolicy(m_ui->policyCombo);
    m_ui->policyCombo->clear();
    if (const auto policies = SlaRepository(m_database.connection()).policies()) {
        for (const SlaPolicy &p : policies.value())
            m_ui->policyCombo->addItem(p.name, QVariant::fromValue(p.id));
    }
    m_ui->policyCombo->setCurrentIndex(m_ui->policyCombo->findData(QVariant::fromValue(t.slaPolicyId)));

    const bool open = isOpenStatus(t.status);
    m_ui->escalateButton->setEnabled(open);
    m_ui->priorityCombo->setEnabled(open);
    m_ui->policyCombo->setEnabled(open);
    m_ui->csatButton->setEnabled(!open);
    m_ui->csatButton->setToolTip(open ? tr("Satisfaction is recorded once the ticket is solved.") : QString());
    m_ui->statusButton->setEnabled(!allowedTransitions(t.status).isEmpty());
}

void TicketView::fillStatusMenu()
{
    QMenu *menu = m_ui->statusButton->menu();
    menu->clear();
    for (TicketStatus to : allowedTransitions(m_ticket.status))
        menu->addAction(statusActionText(to, m_ticket.status), this, [this, to] { changeStatus(to); });
}

void TicketView::fillAssignMenu()
{
    QMenu *menu = m_ui->assignButton->menu();
    menu->clear();
    menu->addAction(tr("Assign to Me"), this, [this] { assignTo(m_agent, m_team); })
        ->setEnabled(!m_agent.isNull() && m_ticket.assigneeId != m_agent);
    menu->addAction(tr("Unassign"), this, [this] { assignTo({}, m_ticket.teamId); })
        ->setEnabled(!m_ticket.assigneeId.isNull());
    menu->addSeparator();
    addTeamAgentMenus(menu, m_database.connection(), this,
                      [this](const QUuid &agent, const QUuid &team) { assignTo(agent, team); });
}

bool TicketView::report(const Result<void> &result)
{
    if (!result) {
        m_ui->errorLabel->setText(result.error().message);
        m_ui->errorLabel->show();
        return false;
    }
    reload();
    return true;
}

bool TicketView::changeStatus(TicketStatus status)
{
    if (!report(TicketService(m_database.connection(), m_agent).changeStatus(m_ticket.id, status)))
        return false;
    return true;
}

bool TicketView::assignTo(const QUuid &agent, const QUuid &team)
{
    if (!report(TicketService(m_database.connection(), m_agent).assign(m_ticket.id, agent, team)))
        return false;
    return true;
}

bool TicketView::setPriority(Priority priority)
{
    if (priority == m_ticket.priority)
        return true;
    if (!report(TicketService(m_database.connection(), m_agent).setPriority(m_ticket.id, priority)))
        return false;
    return true;
}

void TicketView::escalate()
{
    EscalateDialog dialog(m_database, m_ticket, m_agent, this);
    if (dialog.exec() == QDialog::Accepted)
        reload();
}

void TicketView::recordSatisfaction()
{
    SatisfactionDialog dialog(m_database, m_ticket, m_agent, this);
    if (dialog.exec() == QDialog::Accepted)
        reload();
}

QString TicketView::errorText() const
{
    return m_ui->errorLabel->isHidden() ? QString() : m_ui->errorLabel->text();
}

void TicketView::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape || (event->key() == Qt::Key_Left && event->modifiers() == Qt::AltModifier)) {
        emit backRequested();
        return;
    }
    QWidget::keyPressEvent(event);
}

} // namespace madoguchi
