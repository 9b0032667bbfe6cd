#pragma once

#include "common/result.h"
#include "domain/entities.h"
#include "repositories/cannedresponses.h"

#include <QCoreApplication>
#include <QSqlDatabase>

#include <optional>

namespace madoguchi {

// Saving a logged call (or e-mail, chat, visit…) as the agent's one action:
// the customer created inline for an unknown caller, the interaction, the
// link to a ticket and the removal of the form's draft commit together.
class InteractionLog
{
    Q_DECLARE_TR_FUNCTIONS(InteractionLog)

public:
    struct Entry
    {
        Interaction interaction;                      // customerId may be null when newCustomer is set
        std::optional<Customer> newCustomer;          // an unknown caller, created with the call
        QString ticketNumber;                         // optional link to an existing ticket
        std::optional<Ticket> newTicket;              // or a ticket opened for this interaction (customer filled in)
        std::optional<CannedResponse> cannedResponse; // its changes go to the ticket, if there is one
        QString draftKey;                             // removed with the save
    };

    // What was typed about a caller who is not a customer yet, as typed.
    struct NewCaller
    {
        QString name;
        QString reading; // kana or Latin letters
        QString phone;   // any written form
        QString email;
    };

    struct Saved
    {
        QUuid interactionId;
        QUuid customerId;
        QUuid ticketId; // the linked or newly opened ticket, if any
        QString ticketNumber;
    };

    InteractionLog(QSqlDatabase db, QUuid agent);

    // The customer to create for a new caller, read the one way the log-call
    // dialog and the CLI both accept: the phone through libphonenumber (a
    // number without a country code is read in `phoneRegion`), the e-mail
    // address checked, a name required. Every problem is in the message, one
    // per line.
    static Result<Customer> parseNewCaller(const NewCaller &caller, const QString &phoneRegion);

    Result<Saved> save(Entry entry);
    // One interaction and what it does to its ticket (the first response,
    // a new ticket opened), in one transaction.
    Result<QUuid> add(Interaction interaction);

private:
    QSqlDatabase m_db;
    QUuid m_agent;
};

} // namespace madoguchi
