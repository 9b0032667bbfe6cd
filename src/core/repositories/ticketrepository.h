#pragma once

#include "common/result.h"
#include "domain/entities.h"

#include <QCoreApplication>
#include <QSqlDatabase>

namespace madoguchi {

// Tickets and their append-only event history. Creating a ticket also writes
// its "created" event; later issues add the status workflow on top.
class TicketRepository
{
    Q_DECLARE_TR_FUNCTIONS(TicketRepository)

public:
    explicit TicketRepository(QSqlDatabase db, QUuid actor = {});

    Result<QUuid> add(Ticket ticket);
    Result<Ticket> get(const QUuid &id) const;
    Result<Ticket> byNumber(const QString &number) const;
    // The tickets assigned to `agent` that are not solved or closed, oldest first.
    Result<QList<Ticket>> openAssignedTo(const QUuid &agent) const;
    Result<QList<TicketEvent>> events(const QUuid &ticketId) const;
    Result<QUuid> appendEvent(TicketEvent event);

private:
    Result<Ticket> readOne(const QString &where, const QVariant &value) const;

    QSqlDatabase m_db;
    QUuid m_actor;
};

} // namespace madoguchi
