#pragma once

#include "domain/enums.h"

#include <QList>
#include <QString>

namespace madoguchi {

// The ticket status workflow (DESIGN.md §3): new → open → pending (waiting on
// the customer) / on hold (waiting on a third party) → solved → closed, with
// reopening of solved tickets. Closed is final.
struct TransitionCheck
{
    bool allowed = false;
    bool reopens = false; // solved → open counts as a reopening
    QString reason;       // translated; why a refused change is refused
};

TransitionCheck checkTransition(TicketStatus from, TicketStatus to);
QList<TicketStatus> allowedTransitions(TicketStatus from);
// Statuses in which the SLA clock stands still.
bool pausesSla(TicketStatus status);
// Not yet solved or closed.
bool isOpenStatus(TicketStatus status);

} // namespace madoguchi
