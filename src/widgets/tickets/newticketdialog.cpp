#include "tickets/newticketdialog.h"

#include "domain/categories.h"
#include "kit/formstyle.h"
#include "repositories/categoryrepository.h"
#include "repositories/customerrepository.h"
#include "repositories/customersearch.h"
#include "repositories/directoryrepository.h"
#include "services/ticketservice.h"
#include "storage/database.h"

#include "ui_newticketdialog.h"

#include <QPushButton>
#include <QTimer>

namespace madoguchi {

namespace {

constexpr int kLookUpDelayMs = 150;
constexpr int kCandidateCount = 8;

} // namespace

NewTicketDialog::NewTicketDialog(const Database &database, const QString &phoneRegion, const QUuid &agent,
                                 QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::NewTicketDialog>())
    , m_database(database)
    , m_region(phoneRegion)
    , m_agent(agent)
{
    m_ui->setupUi(this);
    makeErrorLabel(m_ui->errorLabel);
    m_ui->candidateList->hide();
    m_ui->buttons->button(QDialogButtonBox::Ok)->setText(tr("&Create Ticket"));

    for (Priority p : {Priority::Low, Priority::Normal, Priority::High, Priority::Urgent})
        m_ui->priorityCombo->addItem(displayName(p), int(p));
    m_ui->priorityCombo->setCurrentIndex(1);
    m_ui->categoryCombo->addItem(tr("None"));
    for (const Category &c : CategoryRepository(database.connection()).categories().value_or(defaultCategories()))
        m_ui->categoryCombo->addItem(c.displayName, c.key);
    for (const QString &key : allKeys<Channel>())
        m_ui->channelCombo->addItem(displayName(*fromKey<Channel>(key)), key);

    QUuid myTeam;
    m_ui->teamCombo->addItem(tr("No team"));
    if (const auto agents = DirectoryRepository(database.connection()).agents()) {
        for (const Agent &a : agents.value()) {
            if (a.id == agent)
                myTeam = a.teamId;
        }
    }
    if (const auto teams = DirectoryRepository(database.connection()).teams()) {
        for (const Team &t : teams.value())
            m_ui->teamCombo->addItem(t.autoAssign == AutoAssign::None ? t.name
                                                                      : tr("%1 (assigns automatically)").arg(t.name),
                                     QVariant::fromValue(t.id));
    }
    m_ui->teamCombo->setCurrentIndex(std::max(0, m_ui->teamCombo->findData(QVariant::fromValue(myTeam))));
    connect(m_ui->teamCombo, &QComboBox::currentIndexChanged, this, &NewTicketDialog::fillAssignees);
    fillAssignees();

    m_lookUpDelay = new QTimer(this);
    m_lookUpDelay->setSingleShot(true);
    m_lookUpDelay->setInterval(kLookUpDelayMs);
    connect(m_lookUpDelay, &QTimer::timeout, this, &NewTicketDialog::lookUpCustomer);
    connect(m_ui->customerEdit, &QLineEdit::textEdited, m_lookUpDelay, qOverload<>(&QTimer::start));
    connect(m_ui->candidateList, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { chooseCustomer(item->data(Qt::UserRole).toUuid(), item->text()); });
    connect(m_ui->candidateList, &QListWidget::itemClicked, this,
            [this](QListWidgetItem *item) { chooseCustomer(item->data(Qt::UserRole).toUuid(), item->text()); });
    connect(m_ui->buttons, &QDialogButtonBox::accepted, this, &NewTicketDialog::accept);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &NewTicketDialog::reject);
    m_ui->customerEdit->setFocus();
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
    const auto customer = CustomerRepository(m_database.connection()).get(customerId);
    if (!customer)
        return;
    m_ui->customerEdit->setText(customer->name);
    m_ui->customerEdit->setReadOnly(true);
    chooseCustomer(customerId, customer->name);
    m_ui->subjectEdit->setFocus();
}

void NewTicketDialog::setChannel(Channel channel)
{
    m_ui->channelCombo->setCurrentIndex(m_ui->channelCombo->findData(toKey(channel)));
}

void NewTicketDialog::setLiveContact(bool live)
{
    m_ui->liveCheck->setChecked(live);
}

void NewTicketDialog::lookUpCustomer()
{
    const QString text = m_ui->customerEdit->text().trimmed();
    m_ui->candidateList->clear();
    m_ui->candidateList->hide();
    m_customerId = QUuid();
    if (text.isEmpty()) {
        m_ui->customerStatus->clear();
        return;
    }
    const auto hits = CustomerSearch(m_database.connection(), m_region).search(text, kCandidateCount);
    if (!hits) {
        m_ui->customerStatus->setText(hits.error().message);
        return;
    }
    if (hits->size() == 1) {
        chooseCustomer(hits->constFirst().customer.id, describeCustomer(hits->constFirst().customer, m_region));
        return;
    }
    showCandidates(m_ui->candidateList, hits.value(), m_region);
    m_ui->customerStatus->setText(hits->isEmpty()
                                      ? tr("No customer matches. Add the customer first, or check the spelling.")
                                      : tr("Choose the customer."));
}

void NewTicketDialog::chooseCustomer(const QUuid &id, const QString &description)
{
    m_customerId = id;
    m_ui->candidateList->hide();
    m_ui->customerStatus->setText(QStringLiteral("✔ ") + description);
}

void NewTicketDialog::accept()
{
    m_lookUpDelay->stop();
    if (m_customerId.isNull()) {
        m_ui->errorLabel->setText(tr("Choose the customer the ticket is for."));
        m_ui->errorLabel->show();
        m_ui->customerEdit->setFocus();
        return;
    }
    Ticket draft;
    draft.customerId = m_customerId;
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
    const auto created = TicketService(m_database.connection(), m_agent).create(draft, m_ui->liveCheck->isChecked());
    if (!created) {
        m_ui->errorLabel->setText(created.error().message);
        m_ui->errorLabel->show();
        if (draft.subject.isEmpty())
            m_ui->subjectEdit->setFocus();
        return;
    }
    m_created = created.value();
    QDialog::accept();
}

QString NewTicketDialog::errorText() const
{
    return m_ui->errorLabel->isHidden() ? QString() : m_ui->errorLabel->text();
}

} // namespace madoguchi
