#pragma once

#include "common/result.h"
#include "domain/entities.h"

#include <QCoreApplication>
#include <QSqlDatabase>

namespace madoguchi {

// Interactions are append-mostly: a correction is a new row that amends an
// earlier one, so synced history never changes under another agent.
class InteractionRepository
{
    Q_DECLARE_TR_FUNCTIONS(InteractionRepository)

public:
    explicit InteractionRepository(QSqlDatabase db, QUuid actor = {});

    // The row only, for services: an interaction the agent logs goes
    // through InteractionLog::add, which also records what it does to its
    // ticket (the first response that stops the SLA clock).
    Result<QUuid> add(Interaction interaction);
    Result<Interaction> get(const QUuid &id) const;
    // Newest first.
    Result<QList<Interaction>> forCustomer(const QUuid &customerId, int limit = 200) const;

private:
    QSqlDatabase m_db;
    QUuid m_actor;
};

} // namespace madoguchi
