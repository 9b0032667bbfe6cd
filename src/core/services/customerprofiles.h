#pragma once

#include "common/result.h"
#include "domain/entities.h"

#include <QSqlDatabase>

namespace madoguchi {

// A customer written as a profile form gives it (the 360° view, New
// Customer, the CLI's customer add): with their company named rather than
// referenced, an existing one or a new one created with them (none when the
// name is empty). Each write is one transaction, outbox rows included.
class CustomerProfiles
{
public:
    explicit CustomerProfiles(QSqlDatabase db, QUuid actor = {});

    // Returns the new customer's id.
    Result<QUuid> create(Customer customer, const QString &organization);
    Result<void> update(Customer customer, const QString &organization);

private:
    QSqlDatabase m_db;
    QUuid m_actor;
};

} // namespace madoguchi
