#pragma once

#include "domain/entities.h"
#include "repositories/cannedresponses.h"
#include "services/interactionlog.h"

#include <QDialog>
#include <QJsonObject>
#include <QTimeZone>

#include <functional>
#include <memory>

class QDateTimeEdit;
class QTimer;

namespace Ui {
class LogInteractionDialog;
}

namespace madoguchi {

class Database;

// Logging a call (or an e-mail, chat, social message, visit, web form) while
// it happens: a running timer, the caller found by any form of their number
// or created on the spot, outcome and notes. What is typed is kept as a draft
// in the database as the agent types, so a crash loses nothing; saving is
// one transaction with the interaction, any new customer and the draft's removal.
class LogInteractionDialog : public QDialog
{
    Q_OBJECT

public:
    static constexpr const char *kDraftKey = "log-interaction";

    LogInteractionDialog(const Database &database, QString phoneRegion, QUuid agent, QWidget *parent = nullptr);
    ~LogInteractionDialog() override;

    // Preselects the customer (logging from the customer's page).
    void setCustomer(const QUuid &customerId);
    void setChannel(Channel channel);
    // Logging on a ticket (from the ticket's view).
    void setTicketNumber(const QString &number);
    // The form as saved in a draft, and back.
    QJsonObject draftState() const;
    void restoreDraft(const QJsonObject &state);

    // Call timer. Runs from when the dialog opens for a phone call.
    bool isTimerRunning() const { return m_running; }
    qint64 elapsedSeconds() const;
    void toggleTimer();
    // Tests replace the clock (milliseconds since the epoch).
    void setClock(std::function<qint64()> clock);

    QUuid selectedCustomer() const;
    // Inserts the canned response's text into the notes; its changes go to
    // the linked or new ticket when the log is saved.
    void applyCannedResponse(const CannedResponse &response);
    QString errorText() const;

signals:
    void saved(const QUuid &interactionId, const QUuid &customerId);
    // A ticket was opened with the interaction.
    void ticketOpened(const QUuid &ticketId, const QString &number);

public slots:
    void accept() override;
    void reject() override;

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    // The constructor's steps.
    void fillChoices();
    void setUpTimeFields();
    void createTimers();
    void connectCustomerPicker();
    void connectDraftSaving();
    void connectButtons();
    // accept()'s steps: the form as an entry, then what it needs to be saved.
    InteractionLog::Entry entryFromForm() const;
    bool addNewTicket(InteractionLog::Entry &entry);
    bool addCustomer(InteractionLog::Entry &entry);

    void showNewCustomerForm(bool show);
    void updateChannelFields();
    void updateTimerDisplay();
    void scheduleDraftSave();
    void saveDraft();
    bool hasTypedSomething() const;
    void showError(const QString &message);
    void fillCannedMenu();
    // Times are entered as wall-clock times of the team's time zone.
    void setWallTime(QDateTimeEdit *edit, const QDateTime &utc) const;
    QDateTime wallTime(const QDateTimeEdit *edit) const;

    std::unique_ptr<Ui::LogInteractionDialog> m_ui;
    const Database &m_database;
    QString m_region;
    QUuid m_agent;
    QTimeZone m_timeZone;
    std::function<qint64()> m_clock;
    bool m_running = false;
    qint64 m_runningSince = 0;  // clock ms when the timer last started
    qint64 m_accumulatedMs = 0; // time counted before that
    qint64 m_stoppedAt = 0;     // start of wrap-up
    QTimer *m_tick = nullptr;
    QTimer *m_draftDelay = nullptr;
    bool m_restoring = false;
    std::optional<CannedResponse> m_cannedResponse;
};

} // namespace madoguchi
