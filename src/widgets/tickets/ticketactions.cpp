#include "tickets/ticketactions.h"

#include "repositories/directoryrepository.h"

#include <QCoreApplication>
#include <QMenu>

namespace madoguchi {

QString statusActionText(TicketStatus to, std::optional<TicketStatus> from)
{
    if (to == TicketStatus::Open && (from == TicketStatus::Solved || from == TicketStatus::Closed))
        return QCoreApplication::translate("TicketActions", "Reopen");
    switch (to) {
    case TicketStatus::Open: return QCoreApplication::translate("TicketActions", "Open");
    case TicketStatus::Pending:
        return QCoreApplication::translate("TicketActions", "Pending (waiting on the customer)");
    case TicketStatus::OnHold:
        return QCoreApplication::translate("TicketActions", "On hold (waiting on a third party)");
    case TicketStatus::Solved: return QCoreApplication::translate("TicketActions", "Solve");
    case TicketStatus::Closed: return QCoreApplication::translate("TicketActions", "Close");
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
