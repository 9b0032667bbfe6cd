#include "tickets/newticketdialog.h"

#include "domain/categories.h"
#include "kit/customerpicker.h"
#include "kit/formstyle.h"
#include "repositories/categoryrepository.h"
#include "repositories/directoryrepository.h"
#include "services/ticketservice.h"
#include "storage/database.h"

#include "ui_newticketdialog.h"

#include <QPushButton>
#include <QRegularExpression>

namespace madoguchi {

NewTicketDialog::NewTicketDialog(const Database &database, const QString &phoneRegion, const QUuid &agent,
                                 QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::NewTicketDialog>())
    , m_database(database)
    , m_agent(agent)
{
    m_ui->setupUi(this);
    makeErrorLabel(m_ui->errorLabel);
    m_ui->customerPicker->setSearch(database, phoneRegion);
    m_ui->buttons->button(QDialogButtonBox::Ok)->setText(tr("&Create Ticket"));
    fillChoices();
    fillTeams();
    connect(m_ui->teamCombo, &QComboBox::currentIndexChanged, this, &NewTicketDialog::fillAssignees);
    fillAssignees();

    connect(m_ui->customerPicker, &CustomerPicker::choiceConfirmed, this, [this] { m_ui->subjectEdit->setFocus(); });
    connect(m_ui->customerPicker, &CustomerPicker::newCustomerRequested, this, &NewTicketDialog::newCustomerRequested);
    connect(m_ui->buttons, &QDialogButtonBox::accepted, this, &NewTicketDialog::accept);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &NewTicketDialog::reject);
    m_ui->customerPicker->setFocus();
}

void NewTicketDialog::fillChoices()
{
    for (Priority p : {Priority::Low, Priority::Normal, Priority::High, Priority::Urgent})
        m_ui->priorityCombo->addItem(displayName(p), int(p));
    m_ui->priorityCombo->setCurrentIndex(1);
    m_ui->categoryCombo->addItem(tr("None"));
    for (const Category &c : CategoryRepository(m_database.connection()).categories().value_or(defaultCategories()))
        m_ui->categoryCombo->addItem(c.displayName, c.key);
    for (const QString &key : allKeys<Channel>())
        m_ui->channelCombo->addItem(displayName(*fromKey<Channel>(key)), key);
}

void NewTicketDialog::fillTeams()
{
    QUuid myTeam;
    m_ui->teamCombo->addItem(tr("No team"));
    if (const auto agents = DirectoryRepository(m_database.connection()).agents()) {
        for (const Agent &a : agents.value()) {
            if (a.id == m_agent)
                myTeam = a.teamId;
        }
    }
    if (const auto teams = DirectoryRepository(m_database.connection()).teams()) {
        for (const Team &t : teams.value())
            m_ui->teamCombo->addItem(t.autoAssign == AutoAssign::None ? t.name
                                                                      : tr("%1 (assigns automatically)").arg(t.name),
                                     QVariant::fromValue(t.id));
    }
    // The agent's own team by default.
    m_ui->teamCombo->setCurrentIndex(std::max(0, m_ui->teamCombo->findData(QVariant::fromValue(myTeam))));
}

NewTicketDialog::~NewTicketDialog() = default;

void NewTicketDialog::fillAssignees()
{
    const QUuid team = m_ui->teamCombo->currentData().toUuid();
    m_ui->assigneeCombo->clear();
    bool automatic = false;
    if (const auto teams = DirectoryRepository(m_database.connection()).teams()) {
        for (const Team &t : teams.value())
            automatic = automatic || (t.id == team && t.autoAssign != AutoAssign::None);
    }
    m_ui->assigneeCombo->addItem(automatic ? tr("Automatic (the team's rule)") : tr("Unassigned"));
    const auto agents = DirectoryRepository(m_database.connection()).agents();
    if (!agents)
        return;
    for (const Agent &a : agents.value()) {
        if (a.active && (team.isNull() || a.teamId == team))
            m_ui->assigneeCombo->addItem(a.id == m_agent ? tr("%1 (me)").arg(a.name) : a.name,
                                         QVariant::fromValue(a.id));
    }
}

void NewTicketDialog::setCustomer(const QUuid &customerId)
{
    if (chooseCustomer(customerId))
        m_ui->customerPicker->setReadOnly(true);
}

void NewTicketDialog::setOffersNewCustomer(bool offers)
{
    m_ui->customerPicker->setOffersNewCustomer(offers);
}

bool NewTicketDialog::chooseCustomer(const QUuid &customerId)
{
    if (const auto chosen = m_ui->customerPicker->setCustomer(customerId); !chosen) {
        showError(chosen.error().message);
        return false;
    }
    m_ui->subjectEdit->setFocus();
    return true;
}

void NewTicketDialog::setChannel(Channel channel)
{
    m_ui->channelCombo->setCurrentIndex(m_ui->channelCombo->findData(toKey(channel)));
}

void NewTicketDialog::setLiveContact(bool live)
{
    m_ui->liveCheck->setChecked(live);
}

void NewTicketDialog::accept()
{
    // A number typed a moment ago is looked up before the ticket is created.
    m_ui->customerPicker->searchNow();
    if (m_ui->customerPicker->customer().isNull()) {
        showError(tr("Choose the customer the ticket is for."));
        m_ui->customerPicker->setFocus();
        return;
    }
    const Ticket draft = ticketFromForm();
    const auto created = TicketService(m_database.connection(), m_agent).create(draft, m_ui->liveCheck->isChecked());
    if (!created) {
        showError(created.error().message);
        if (draft.subject.isEmpty())
            m_ui->subjectEdit->setFocus();
        return;
    }
    m_created = created.value();
    QDialog::accept();
}

Ticket NewTicketDialog::ticketFromForm() const
{
    Ticket draft;
    draft.customerId = m_ui->customerPicker->customer();
    draft.subject = m_ui->subjectEdit->text().trimmed();
    draft.description = m_ui->descriptionEdit->toPlainText();
    draft.priority = Priority(m_ui->priorityCombo->currentData().toInt());
    draft.category = m_ui->categoryCombo->currentData().toString();
    draft.channel = fromKey<Channel>(m_ui->channelCombo->currentData().toString()).value_or(Channel::Phone);
    for (const QString &tag :
         m_ui->tagsEdit->text().split(QRegularExpression(QStringLiteral("[,、，]")), Qt::SkipEmptyParts)) {
        if (const QString t = tag.trimmed(); !t.isEmpty() && !draft.tags.contains(t))
            draft.tags << t;
    }
    draft.teamId = m_ui->teamCombo->currentData().toUuid();
    draft.assigneeId = m_ui->assigneeCombo->currentData().toUuid();
    return draft;
}

void NewTicketDialog::showError(const QString &message)
{
    m_ui->errorLabel->setText(message);
    m_ui->errorLabel->show();
}

QString NewTicketDialog::errorText() const
{
    return m_ui->errorLabel->isHidden() ? QString() : m_ui->errorLabel->text();
}

} // namespace madoguchi
