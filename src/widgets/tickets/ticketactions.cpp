#include "tickets/ticketactions.h"

#include "repositories/directoryrepository.h"

#include <QCoreApplication>
#include <QMenu>

namespace madoguchi {

namespace {

// The translation context "TicketActions" (the ticket actions).
struct TicketActionsText
{
    Q_DECLARE_TR_FUNCTIONS(TicketActions)
};

} // namespace

QString statusActionText(TicketStatus to, std::optional<TicketStatus> from)
{
    if (to == TicketStatus::Open && (from == TicketStatus::Solved || from == TicketStatus::Closed))
        return TicketActionsText::tr("Reopen");
    switch (to) {
    case TicketStatus::Open: return TicketActionsText::tr("Open");
    case TicketStatus::Pending: return TicketActionsText::tr("Pending (waiting on the customer)");
    case TicketStatus::OnHold: return TicketActionsText::tr("On hold (waiting on a third party)");
    case TicketStatus::Solved: return TicketActionsText::tr("Solve");
    case TicketStatus::Closed: return TicketActionsText::tr("Close");
    case TicketStatus::New: break;
    }
    return displayName(to);
}

void addTeamAgentMenus(QMenu *menu, const QSqlDatabase &db, QObject *context,
                       const std::function<void(const QUuid &agent, const QUuid &team)> &choose,
                       const QString &wholeTeam)
{
    const auto teams = DirectoryRepository(db).teams();
    const auto agents = DirectoryRepository(db).agents();
    if (!teams || !agents)
        return;
    for (const Team &team : teams.value()) {
        QMenu *sub = menu->addMenu(team.name);
        if (!wholeTeam.isEmpty()) {
            sub->addAction(wholeTeam, context, [choose, id = team.id] { choose({}, id); });
            sub->addSeparator();
        }
        for (const Agent &a : agents.value()) {
            if (a.teamId == team.id && a.active)
                sub->addAction(a.name, context, [choose, a] { choose(a.id, a.teamId); });
        }
    }
}

} // namespace madoguchi
