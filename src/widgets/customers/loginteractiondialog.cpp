#include "customers/loginteractiondialog.h"

#include "common/timeformat.h"
#include "config/displaytimezone.h"
#include "domain/categories.h"
#include "domain/textnormalizer.h"
#include "repositories/categoryrepository.h"
#include "repositories/customerrepository.h"
#include "repositories/customersearch.h"
#include "repositories/directoryrepository.h"
#include "services/interactionlog.h"
#include "storage/database.h"
#include "storage/draftstore.h"

#include "kit/customerpicker.h"
#include "kit/formstyle.h"

#include "ui_loginteractiondialog.h"

#include <QDateTime>
#include <QDateTimeEdit>
#include <QKeyEvent>
#include <QKeySequence>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>
#include <QTimer>

namespace madoguchi {

namespace {

constexpr int kDraftDelayMs = 400;

} // namespace

LogInteractionDialog::LogInteractionDialog(const Database &database, QString phoneRegion, QUuid agent, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::LogInteractionDialog>())
    , m_database(database)
    , m_region(std::move(phoneRegion))
    , m_agent(agent)
    , m_timeZone(displayTimeZone(database))
    , m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
{
    m_ui->setupUi(this);
    m_ui->customerPicker->setSearch(m_database, m_region);
    // An unknown caller is created with the call; one may share a customer's name.
    m_ui->customerPicker->setOffersNewCustomer(true);
    m_ui->customerPicker->setConfirmsNameMatch(true);
    m_ui->newCustomerBox->hide();
    makeErrorLabel(m_ui->errorLabel);
    fillChoices();
    setUpTimeFields();
    createTimers();

    connectCustomerPicker();
    connect(m_ui->timerButton, &QPushButton::clicked, this, &LogInteractionDialog::toggleTimer);
    connect(m_ui->channelCombo, &QComboBox::currentIndexChanged, this, &LogInteractionDialog::updateChannelFields);
    connect(m_ui->outcomeCombo, &QComboBox::currentIndexChanged, this, [this] {
        const bool callback = m_ui->outcomeCombo->currentData().toString() == u"callback_scheduled";
        m_ui->callbackLabel->setEnabled(callback);
        m_ui->callbackEdit->setEnabled(callback);
    });
    emit m_ui->outcomeCombo->currentIndexChanged(0);
    connectDraftSaving();
    connectButtons();

    updateChannelFields();
    // A call is being taken right now: the timer runs from the first moment.
    toggleTimer();
    m_ui->customerPicker->setFocus();
}

void LogInteractionDialog::fillChoices()
{
    for (const QString &key : allKeys<Channel>())
        m_ui->channelCombo->addItem(displayName(*fromKey<Channel>(key)), key);
    m_ui->categoryCombo->addItem(tr("(none)"), QString());
    for (const Category &c : CategoryRepository(m_database.connection()).categories().value_or(defaultCategories()))
        m_ui->categoryCombo->addItem(c.displayName, c.key);
    for (const QString &key : allKeys<Outcome>())
        m_ui->outcomeCombo->addItem(displayName(*fromKey<Outcome>(key)), key);
}

void LogInteractionDialog::setUpTimeFields()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    setWallTime(m_ui->startedEdit, now);
    m_ui->startedEdit->setDisplayFormat(dateTimeEditFormat());
    setWallTime(m_ui->callbackEdit, now.addSecs(3600));
    m_ui->callbackEdit->setDisplayFormat(dateTimeEditFormat());
    m_ui->durationEdit->setMaximumTime(QTime(23, 59, 59));
    QFont timerFont = m_ui->timerLabel->font();
    timerFont.setPointSizeF(timerFont.pointSizeF() * 1.5);
    timerFont.setBold(true);
    timerFont.setStyleHint(QFont::Monospace);
    m_ui->timerLabel->setFont(timerFont);
}

void LogInteractionDialog::createTimers()
{
    m_tick = new QTimer(this);
    m_tick->setInterval(250);
    connect(m_tick, &QTimer::timeout, this, &LogInteractionDialog::updateTimerDisplay);
    m_draftDelay = new QTimer(this);
    m_draftDelay->setSingleShot(true);
    m_draftDelay->setInterval(kDraftDelayMs);
    connect(m_draftDelay, &QTimer::timeout, this, &LogInteractionDialog::saveDraft);
}

void LogInteractionDialog::connectCustomerPicker()
{
    CustomerPicker *picker = m_ui->customerPicker;
    connect(picker, &CustomerPicker::customerChanged, this, [this](const QUuid &customerId) {
        if (!customerId.isNull())
            showNewCustomerForm(false);
        scheduleDraftSave();
    });
    connect(picker, &CustomerPicker::choiceConfirmed, this, [this] { m_ui->notesEdit->setFocus(); });
    connect(picker, &CustomerPicker::newCustomerRequested, this, [this](const QString &name, const QString &phone) {
        if (!name.isEmpty())
            m_ui->newNameEdit->setText(name);
        if (!phone.isEmpty())
            m_ui->newPhoneEdit->setText(phone);
        showNewCustomerForm(true);
        m_ui->newNameEdit->setFocus();
    });
}

void LogInteractionDialog::connectDraftSaving()
{
    // Every edit is kept as a draft shortly after it is made.
    connect(m_ui->customerPicker, &CustomerPicker::textChanged, this, &LogInteractionDialog::scheduleDraftSave);
    for (auto *edit : {m_ui->newNameEdit, m_ui->newReadingEdit, m_ui->newPhoneEdit, m_ui->newEmailEdit,
                       m_ui->subjectEdit, m_ui->detailEdit, m_ui->ticketEdit})
        connect(edit, &QLineEdit::textChanged, this, &LogInteractionDialog::scheduleDraftSave);
    connect(m_ui->notesEdit, &QPlainTextEdit::textChanged, this, &LogInteractionDialog::scheduleDraftSave);
    m_ui->cannedButton->setMenu(new QMenu(m_ui->cannedButton));
    connect(m_ui->cannedButton->menu(), &QMenu::aboutToShow, this, &LogInteractionDialog::fillCannedMenu);
    connect(m_ui->openTicketCheck, &QCheckBox::toggled, this, [this](bool open) {
        m_ui->ticketEdit->setEnabled(!open);
        scheduleDraftSave();
    });
    for (auto *combo : {m_ui->channelCombo, m_ui->categoryCombo, m_ui->outcomeCombo})
        connect(combo, &QComboBox::currentIndexChanged, this, &LogInteractionDialog::scheduleDraftSave);
}

void LogInteractionDialog::connectButtons()
{
    auto *saveShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this);
    connect(saveShortcut, &QShortcut::activated, this, &LogInteractionDialog::accept);
    m_ui->buttons->button(QDialogButtonBox::Save)->setToolTip(tr("Save (Ctrl+Enter)"));
    connect(m_ui->buttons, &QDialogButtonBox::accepted, this, &LogInteractionDialog::accept);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &LogInteractionDialog::reject);
}

LogInteractionDialog::~LogInteractionDialog() = default;

void LogInteractionDialog::keyPressEvent(QKeyEvent *event)
{
    // Enter belongs to the fields (it looks the caller up, picks a match);
    // QDialog would press the default Save button with it and store a
    // half-typed log. Ctrl+Enter or the button saves.
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && event->modifiers() == Qt::NoModifier) {
        event->accept();
        return;
    }
    QDialog::keyPressEvent(event);
}

void LogInteractionDialog::setClock(std::function<qint64()> clock)
{
    const qint64 elapsed = elapsedSeconds() * 1000;
    m_clock = std::move(clock);
    m_accumulatedMs = elapsed;
    m_runningSince = m_clock();
    updateTimerDisplay();
}

qint64 LogInteractionDialog::elapsedSeconds() const
{
    return (m_accumulatedMs + (m_running ? m_clock() - m_runningSince : 0)) / 1000;
}

void LogInteractionDialog::toggleTimer()
{
    if (m_running) {
        m_accumulatedMs += m_clock() - m_runningSince;
        m_ui->durationEdit->setTime(QTime(0, 0).addSecs(int(std::min<qint64>(m_accumulatedMs / 1000, 86'399))));
        m_running = false;
        m_stoppedAt = m_clock();
        m_tick->stop();
        m_ui->timerButton->setText(tr("Resu&me"));
    } else {
        // Resuming continues from the (possibly edited) duration.
        m_accumulatedMs = QTime(0, 0).msecsTo(m_ui->durationEdit->time());
        m_running = true;
        m_runningSince = m_clock();
        m_stoppedAt = 0;
        m_tick->start();
        m_ui->timerButton->setText(tr("Sto&p"));
    }
    m_ui->durationEdit->setReadOnly(m_running);
    updateTimerDisplay();
    scheduleDraftSave();
}

void LogInteractionDialog::updateTimerDisplay()
{
    const qint64 seconds = elapsedSeconds();
    m_ui->timerLabel->setText(clockDuration(seconds, true));
    if (m_running)
        m_ui->durationEdit->setTime(QTime(0, 0).addSecs(int(std::min<qint64>(seconds, 86'399))));
}

void LogInteractionDialog::updateChannelFields()
{
    const auto channel = fromKey<Channel>(m_ui->channelCombo->currentData().toString()).value_or(Channel::Phone);
    // E-mail, social and web messages have no call time to measure.
    const bool timed = channel == Channel::Phone || channel == Channel::Chat || channel == Channel::Visit;
    for (QWidget *w :
         std::initializer_list<QWidget *>{m_ui->timerLabel, m_ui->timerButton, m_ui->durationLabel, m_ui->durationEdit})
        w->setVisible(timed);
    // The channel's own field: the address used, where a visit took place …
    const QList<DetailField> details = channelDetailFields(channel);
    m_ui->detailLabel->setVisible(!details.isEmpty());
    m_ui->detailEdit->setVisible(!details.isEmpty());
    if (!details.isEmpty()) {
        m_ui->detailLabel->setText(details.constFirst().label + u':');
        m_ui->detailEdit->setProperty("detailKey", details.constFirst().key);
    }
    const bool hasSubject = channel == Channel::Email || channel == Channel::Web || channel == Channel::Social;
    m_ui->subjectLabel->setText(hasSubject ? tr("Su&bject:") : tr("Su&mmary:"));
    setWindowTitle(channel == Channel::Phone ? tr("Log Call") : tr("Log %1").arg(displayName(channel)));
}

void LogInteractionDialog::setChannel(Channel channel)
{
    m_ui->channelCombo->setCurrentIndex(m_ui->channelCombo->findData(toKey(channel)));
}

void LogInteractionDialog::fillCannedMenu()
{
    QMenu *menu = m_ui->cannedButton->menu();
    menu->clear();
    QUuid team;
    if (const auto agents = DirectoryRepository(m_database.connection()).agents()) {
        for (const Agent &a : agents.value()) {
            if (a.id == m_agent)
                team = a.teamId;
        }
    }
    const auto responses = CannedResponses(m_database.connection()).forTeam(team);
    if (!responses || responses->isEmpty()) {
        menu->addAction(tr("No canned responses yet (Ticket → Canned Responses…)"))->setEnabled(false);
        return;
    }
    for (const CannedResponse &r : responses.value())
        menu->addAction(r.name, this, [this, r] { applyCannedResponse(r); });
}

void LogInteractionDialog::applyCannedResponse(const CannedResponse &response)
{
    QString customer = m_ui->customerPicker->text().trimmed();
    if (!selectedCustomer().isNull()) {
        if (const auto c = CustomerRepository(m_database.connection()).get(selectedCustomer()))
            customer = c->name;
    }
    QString agent;
    if (const auto agents = DirectoryRepository(m_database.connection()).agents()) {
        for (const Agent &a : agents.value()) {
            if (a.id == m_agent)
                agent = a.name;
        }
    }
    const QString text = response.expand(customer, agent, m_ui->ticketEdit->text().trimmed());
    QTextCursor cursor = m_ui->notesEdit->textCursor();
    if (!cursor.atBlockStart())
        cursor.insertText(QStringLiteral("\n"));
    cursor.insertText(text);
    m_ui->notesEdit->setTextCursor(cursor);
    m_cannedResponse = response;
    QStringList changes;
    if (response.setStatus)
        changes << tr("status %1").arg(displayName(*response.setStatus));
    if (response.setPriority)
        changes << tr("priority %1").arg(displayName(*response.setPriority));
    if (!response.addTags.isEmpty())
        changes << tr("tags %1").arg(response.addTags.join(QStringLiteral(", ")));
    m_ui->cannedHint->setText(
        changes.isEmpty() ? QString() : tr("On saving, the ticket gets: %1.").arg(changes.join(QStringLiteral("; "))));
    m_ui->notesEdit->setFocus();
}

void LogInteractionDialog::setTicketNumber(const QString &number)
{
    m_ui->openTicketCheck->setChecked(false);
    m_ui->ticketEdit->setText(number);
}

void LogInteractionDialog::setCustomer(const QUuid &customerId)
{
    if (const auto chosen = m_ui->customerPicker->setCustomer(customerId); !chosen) {
        showError(chosen.error().message);
        return;
    }
    m_ui->notesEdit->setFocus();
}

QUuid LogInteractionDialog::selectedCustomer() const
{
    return m_ui->customerPicker->customer();
}

void LogInteractionDialog::showNewCustomerForm(bool show)
{
    m_ui->newCustomerBox->setVisible(show);
    if (show)
        m_ui->customerPicker->clearChoice();
}

void LogInteractionDialog::setWallTime(QDateTimeEdit *edit, const QDateTime &utc) const
{
    const QDateTime wall = utc.toTimeZone(m_timeZone);
    edit->setDateTime(QDateTime(wall.date(), wall.time()));
}

QDateTime LogInteractionDialog::wallTime(const QDateTimeEdit *edit) const
{
    return QDateTime(edit->date(), edit->time(), m_timeZone).toUTC();
}

QString LogInteractionDialog::errorText() const
{
    return m_ui->errorLabel->isVisibleTo(this) ? m_ui->errorLabel->text() : QString();
}

void LogInteractionDialog::showError(const QString &message)
{
    m_ui->errorLabel->setText(message);
    m_ui->errorLabel->setVisible(!message.isEmpty());
}

void LogInteractionDialog::accept()
{
    // A number typed a moment ago is looked up before the save.
    m_ui->customerPicker->searchNow();
    if (m_running)
        toggleTimer();
    InteractionLog::Entry entry = entryFromForm();
    if (m_ui->openTicketCheck->isChecked() && !addNewTicket(entry))
        return;
    if (!addCustomer(entry))
        return;

    const auto saved = InteractionLog(m_database.connection(), m_agent).save(entry);
    if (!saved) {
        showError(saved.error().message);
        return;
    }
    m_draftDelay->stop();
    emit this->saved(saved->interactionId, saved->customerId);
    if (entry.newTicket)
        emit ticketOpened(saved->ticketId, saved->ticketNumber);
    QDialog::accept();
}

InteractionLog::Entry LogInteractionDialog::entryFromForm() const
{
    InteractionLog::Entry entry;
    Interaction &i = entry.interaction;
    i.customerId = selectedCustomer();
    i.agentId = m_agent;
    i.channel = fromKey<Channel>(m_ui->channelCombo->currentData().toString()).value_or(Channel::Phone);
    i.direction = m_ui->outboundRadio->isChecked() ? Direction::Outbound : Direction::Inbound;
    i.startedAt = wallTime(m_ui->startedEdit);
    const bool timed = m_ui->durationEdit->isVisibleTo(this);
    i.durationSeconds = timed ? QTime(0, 0).secsTo(m_ui->durationEdit->time()) : 0;
    // Wrap-up: from the end of the call to this save.
    i.wrapUpSeconds = m_stoppedAt > 0 ? int((m_clock() - m_stoppedAt) / 1000) : 0;
    i.outcome = fromKey<Outcome>(m_ui->outcomeCombo->currentData().toString());
    if (i.outcome == Outcome::CallbackScheduled)
        i.callbackAt = wallTime(m_ui->callbackEdit);
    i.category = m_ui->categoryCombo->currentData().toString();
    i.subject = m_ui->subjectEdit->text().trimmed();
    i.notes = m_ui->notesEdit->toPlainText();
    if (m_ui->detailEdit->isVisibleTo(this) && !m_ui->detailEdit->text().trimmed().isEmpty())
        i.details.insert(m_ui->detailEdit->property("detailKey").toString(), m_ui->detailEdit->text().trimmed());
    if (!m_ui->openTicketCheck->isChecked())
        entry.ticketNumber = m_ui->ticketEdit->text().trimmed();
    entry.draftKey = QString::fromLatin1(kDraftKey);
    entry.cannedResponse = m_cannedResponse;
    return entry;
}

bool LogInteractionDialog::addNewTicket(InteractionLog::Entry &entry)
{
    const Interaction &i = entry.interaction;
    Ticket t;
    // The subject, or else the category, says what the ticket is about.
    t.subject = !i.subject.isEmpty()   ? i.subject
                : i.category.isEmpty() ? QString()
                                       : CategoryRepository(m_database.connection()).displayName(i.category);
    if (t.subject.isEmpty()) {
        showError(tr("Give the interaction a subject or a category: the new ticket is named after it."));
        m_ui->subjectEdit->setFocus();
        return false;
    }
    t.category = i.category;
    t.description = i.notes;
    t.assigneeId = m_agent;
    entry.newTicket = t;
    return true;
}

bool LogInteractionDialog::addCustomer(InteractionLog::Entry &entry)
{
    if (m_ui->newCustomerBox->isVisible()) {
        // The CLI reads a new caller the same way (log-interaction --name).
        const auto caller = InteractionLog::parseNewCaller({m_ui->newNameEdit->text(), m_ui->newReadingEdit->text(),
                                                            m_ui->newPhoneEdit->text(), m_ui->newEmailEdit->text()},
                                                           m_region);
        if (!caller) {
            showError(caller.error().message);
            return false;
        }
        entry.newCustomer = caller.value();
    } else if (entry.interaction.customerId.isNull()) {
        showError(tr("Choose the customer first: type their phone number or name."));
        m_ui->customerPicker->setFocus();
        return false;
    }
    return true;
}

void LogInteractionDialog::reject()
{
    if (hasTypedSomething()) {
        const auto answer = QMessageBox::question(this, tr("Discard this log?"),
                                                  tr("The notes and details you entered will be lost."),
                                                  QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Discard)
            return;
    }
    m_draftDelay->stop();
    (void)DraftStore(m_database.connection()).remove(QString::fromLatin1(kDraftKey));
    QDialog::reject();
}

bool LogInteractionDialog::hasTypedSomething() const
{
    return !m_ui->notesEdit->toPlainText().trimmed().isEmpty() || !m_ui->subjectEdit->text().trimmed().isEmpty()
           || m_ui->newCustomerBox->isVisible();
}

void LogInteractionDialog::scheduleDraftSave()
{
    if (!m_restoring)
        m_draftDelay->start();
}

void LogInteractionDialog::saveDraft()
{
    // Best effort: a failure to keep the draft must not interrupt the call.
    (void)DraftStore(m_database.connection()).save(QString::fromLatin1(kDraftKey), draftState());
}

QJsonObject LogInteractionDialog::draftState() const
{
    return QJsonObject{
        {QStringLiteral("channel"), m_ui->channelCombo->currentData().toString()},
        {QStringLiteral("outbound"), m_ui->outboundRadio->isChecked()},
        {QStringLiteral("customerText"), m_ui->customerPicker->text()},
        {QStringLiteral("customerId"),
         selectedCustomer().isNull() ? QString() : selectedCustomer().toString(QUuid::WithoutBraces)},
        {QStringLiteral("newCustomer"), m_ui->newCustomerBox->isVisible()},
        {QStringLiteral("newName"), m_ui->newNameEdit->text()},
        {QStringLiteral("newReading"), m_ui->newReadingEdit->text()},
        {QStringLiteral("newPhone"), m_ui->newPhoneEdit->text()},
        {QStringLiteral("newEmail"), m_ui->newEmailEdit->text()},
        {QStringLiteral("startedAt"), wallTime(m_ui->startedEdit).toString(Qt::ISODate)},
        {QStringLiteral("elapsedSeconds"), elapsedSeconds()},
        {QStringLiteral("category"), m_ui->categoryCombo->currentData().toString()},
        {QStringLiteral("outcome"), m_ui->outcomeCombo->currentData().toString()},
        {QStringLiteral("callbackAt"), wallTime(m_ui->callbackEdit).toString(Qt::ISODate)},
        {QStringLiteral("subject"), m_ui->subjectEdit->text()},
        {QStringLiteral("detail"), m_ui->detailEdit->text()},
        {QStringLiteral("notes"), m_ui->notesEdit->toPlainText()},
        {QStringLiteral("ticket"), m_ui->ticketEdit->text()},
        {QStringLiteral("openTicket"), m_ui->openTicketCheck->isChecked()},
    };
}

void LogInteractionDialog::restoreDraft(const QJsonObject &state)
{
    m_restoring = true;
    auto text = [&](const char *key) { return state.value(QLatin1String(key)).toString(); };
    m_ui->channelCombo->setCurrentIndex(std::max(0, m_ui->channelCombo->findData(text("channel"))));
    m_ui->outboundRadio->setChecked(state.value(QStringLiteral("outbound")).toBool());
    m_ui->inboundRadio->setChecked(!state.value(QStringLiteral("outbound")).toBool());
    m_ui->customerPicker->setText(text("customerText"));
    const QUuid customer = QUuid::fromString(text("customerId"));
    if (!customer.isNull())
        setCustomer(customer);
    m_ui->customerPicker->setText(text("customerText"));
    m_ui->newNameEdit->setText(text("newName"));
    m_ui->newReadingEdit->setText(text("newReading"));
    m_ui->newPhoneEdit->setText(text("newPhone"));
    m_ui->newEmailEdit->setText(text("newEmail"));
    showNewCustomerForm(state.value(QStringLiteral("newCustomer")).toBool());
    const QDateTime started = QDateTime::fromString(text("startedAt"), Qt::ISODate);
    if (started.isValid())
        setWallTime(m_ui->startedEdit, started);
    // The call is over by now: the timer stays stopped at what was counted.
    if (m_running)
        toggleTimer();
    m_ui->durationEdit->setTime(
        QTime(0, 0).addSecs(int(std::min<qint64>(state.value(QStringLiteral("elapsedSeconds")).toInteger(), 86'399))));
    m_accumulatedMs = QTime(0, 0).msecsTo(m_ui->durationEdit->time());
    m_stoppedAt = 0;
    updateTimerDisplay();
    m_ui->categoryCombo->setCurrentIndex(std::max(0, m_ui->categoryCombo->findData(text("category"))));
    m_ui->outcomeCombo->setCurrentIndex(std::max(0, m_ui->outcomeCombo->findData(text("outcome"))));
    const QDateTime callback = QDateTime::fromString(text("callbackAt"), Qt::ISODate);
    if (callback.isValid())
        setWallTime(m_ui->callbackEdit, callback);
    m_ui->subjectEdit->setText(text("subject"));
    m_ui->detailEdit->setText(text("detail"));
    m_ui->notesEdit->setPlainText(text("notes"));
    m_ui->ticketEdit->setText(text("ticket"));
    m_ui->openTicketCheck->setChecked(state.value(QStringLiteral("openTicket")).toBool());
    m_restoring = false;
}

} // namespace madoguchi
