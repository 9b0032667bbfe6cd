#pragma once

#include "domain/enums.h"

#include <QSqlDatabase>
#include <QString>
#include <QUuid>

#include <functional>
#include <optional>

class QMenu;
class QObject;

namespace madoguchi {

// What an action that moves a ticket to `to` is called in menus ("Solve",
// "Reopen", "Pending (waiting on the customer)"); `from` when it is known.
QString statusActionText(TicketStatus to, std::optional<TicketStatus> from = std::nullopt);

// One submenu per team with its active agents; `wholeTeam`, when given, adds
// an entry that assigns to the team without an agent. Shared by the ticket
// view and the queue's bulk actions.
void addTeamAgentMenus(QMenu *menu, const QSqlDatabase &db, QObject *context,
                       const std::function<void(const QUuid &agent, const QUuid &team)> &choose,
                       const QString &wholeTeam = {});

} // namespace madoguchi
