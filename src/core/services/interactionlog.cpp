#include "services/interactionlog.h"

#include "repositories/customerrepository.h"
#include "repositories/interactionrepository.h"
#include "repositories/ticketrepository.h"
#include "services/ticketservice.h"
#include "storage/draftstore.h"
#include "storage/transaction.h"

namespace madoguchi {

InteractionLog::InteractionLog(QSqlDatabase db, QUuid agent)
    : m_db(std::move(db))
    , m_agent(agent)
{}

Result<Customer> InteractionLog::parseNewCaller(const NewCaller &caller, const QString &phoneRegion)
{
    Customer c;
    c.name = caller.name.trimmed();
    c.nameReading = caller.reading.trimmed();
    QStringList problems;
    if (!caller.phone.trimmed().isEmpty()) {
        const auto phone = PhoneNumber::parse(caller.phone, phoneRegion);
        if (phone)
            c.contacts.append({QUuid(), ContactKind::Phone, phone->e164(), QString(), true});
        else
            problems << tr("Phone: %1").arg(phone.error().message);
    }
    if (!caller.email.trimmed().isEmpty()) {
        const auto email = EmailAddress::parse(caller.email);
        if (email)
            c.contacts.append({QUuid(), ContactKind::Email, email->address(), QString(), true});
        else
            problems << tr("E-mail: %1").arg(email.error().message);
    }
    for (const FieldError &e : validate(c))
        problems << e.message;
    if (!problems.isEmpty())
        return makeError(Error::Code::Invalid, problems.join(u'\n'));
    return c;
}

Result<QUuid> InteractionLog::add(Interaction interaction)
{
    return inTransaction(m_db, [&]() -> Result<QUuid> {
        const auto id = InteractionRepository(m_db, m_agent).add(interaction);
        if (!id)
            return id;
        interaction.id = id.value();
        if (auto r = TicketService(m_db, m_agent).recordInteraction(interaction); !r)
            return r.error();
        return id;
    });
}

Result<InteractionLog::Saved> InteractionLog::save(Entry entry)
{
    Saved saved;
    const auto written = inTransaction(m_db, [&]() -> Result<void> {
        if (entry.newCustomer) {
            const auto id = CustomerRepository(m_db, m_agent).add(*entry.newCustomer);
            if (!id)
                return id.error();
            entry.interaction.customerId = id.value();
        }
        if (!entry.ticketNumber.trimmed().isEmpty()) {
            const auto ticket = TicketRepository(m_db, m_agent).byNumber(entry.ticketNumber);
            if (!ticket) {
                if (ticket.error().code == Error::Code::NotFound)
                    return makeError(Error::Code::Invalid,
                                     tr("There is no ticket %1.").arg(entry.ticketNumber.trimmed()));
                return ticket.error();
            }
            if (ticket->customerId != entry.interaction.customerId)
                return makeError(Error::Code::Invalid, tr("Ticket %1 belongs to another customer.").arg(ticket->number));
            entry.interaction.ticketId = ticket->id;
            saved.ticketNumber = ticket->number;
        } else if (entry.newTicket) {
            // Opened while in contact with the customer: a live call, chat or
            // visit, or a reply the agent sends, starts the ticket as Open.
            Ticket draft = *entry.newTicket;
            draft.customerId = entry.interaction.customerId;
            draft.channel = entry.interaction.channel;
            const bool live = TicketService::reachesCustomer(entry.interaction);
            const auto ticket = TicketService(m_db, m_agent).create(draft, live);
            if (!ticket)
                return ticket.error();
            entry.interaction.ticketId = ticket->id;
            saved.ticketNumber = ticket->number;
        }
        if (entry.interaction.agentId.isNull())
            entry.interaction.agentId = m_agent;
        const auto id = add(entry.interaction);
        if (!id)
            return id.error();
        if (entry.cannedResponse && !entry.interaction.ticketId.isNull()) {
            if (auto r = TicketService(m_db, m_agent)
                             .applyCannedResponse(entry.interaction.ticketId, *entry.cannedResponse);
                !r)
                return r;
        }
        saved.interactionId = id.value();
        saved.customerId = entry.interaction.customerId;
        saved.ticketId = entry.interaction.ticketId;
        if (!entry.draftKey.isEmpty())
            return DraftStore(m_db).remove(entry.draftKey);
        return {};
    });
    if (!written)
        return written.error();
    return saved;
}

} // namespace madoguchi
