#pragma once

#include "common/result.h"
#include "domain/slapolicy.h"

#include <QCoreApplication>
#include <QSqlDatabase>

namespace madoguchi {

// Business-hours calendars and SLA policies (synced tables, edited by the
// operations specialist in Settings).
class SlaRepository
{
    Q_DECLARE_TR_FUNCTIONS(SlaRepository)

public:
    explicit SlaRepository(QSqlDatabase db, QUuid actor = {});

    Result<QList<Calendar>> calendars() const;
    Result<Calendar> calendar(const QUuid &id) const;
    // Inserts a calendar without an id, updates one with an id.
    Result<QUuid> saveCalendar(Calendar calendar);

    Result<QList<SlaPolicy>> policies() const;
    Result<SlaPolicy> policy(const QUuid &id) const;
    // The policy new tickets get; there is always one after migration 7.
    Result<SlaPolicy> defaultPolicy() const;
    // Inserts or updates; making a policy the default takes the flag from the
    // one that had it, in the same transaction.
    Result<QUuid> savePolicy(SlaPolicy policy);

private:
    QSqlDatabase m_db;
    QUuid m_actor;
};

} // namespace madoguchi
