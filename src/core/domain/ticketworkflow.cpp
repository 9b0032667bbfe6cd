#include "domain/ticketworkflow.h"

#include <QCoreApplication>

namespace madoguchi {

namespace {

// The translation context "TicketWorkflow" (status changes of a ticket).
struct TicketWorkflowText
{
    Q_DECLARE_TR_FUNCTIONS(TicketWorkflow)
};

constexpr TicketStatus kAll[] = {TicketStatus::New,    TicketStatus::Open,   TicketStatus::Pending,
                                 TicketStatus::OnHold, TicketStatus::Solved, TicketStatus::Closed};

} // namespace

TransitionCheck checkTransition(TicketStatus from, TicketStatus to)
{
    TransitionCheck check;
    if (from == to) {
        check.reason = TicketWorkflowText::tr("The ticket already has this status.");
        return check;
    }
    if (from == TicketStatus::Closed) {
        check.reason = TicketWorkflowText::tr("A closed ticket cannot change; create a follow-up ticket instead.");
        return check;
    }
    if (to == TicketStatus::New) {
        check.reason = TicketWorkflowText::tr("A ticket cannot go back to New once someone has worked on it.");
        return check;
    }
    if (to == TicketStatus::Closed && from != TicketStatus::Solved) {
        check.reason = TicketWorkflowText::tr("A ticket can only be closed after it is solved.");
        return check;
    }
    if (from == TicketStatus::Solved && to != TicketStatus::Open && to != TicketStatus::Closed) {
        check.reason = TicketWorkflowText::tr("A solved ticket can only be reopened or closed.");
        return check;
    }
    check.allowed = true;
    check.reopens = from == TicketStatus::Solved && to == TicketStatus::Open;
    return check;
}

QList<TicketStatus> allowedTransitions(TicketStatus from)
{
    QList<TicketStatus> out;
    for (TicketStatus to : kAll) {
        if (checkTransition(from, to).allowed)
            out << to;
    }
    return out;
}

bool pausesSla(TicketStatus status)
{
    return status == TicketStatus::Pending || status == TicketStatus::OnHold;
}

bool isOpenStatus(TicketStatus status)
{
    return status != TicketStatus::Solved && status != TicketStatus::Closed;
}

} // namespace madoguchi
