#pragma once

#include "common/result.h"
#include "domain/entities.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlDatabase>

#include <optional>

namespace madoguchi {

// Customers and their contact points. Every write is one transaction that
// also records its outbox mutations.
class CustomerRepository
{
    Q_DECLARE_TR_FUNCTIONS(CustomerRepository)

public:
    explicit CustomerRepository(QSqlDatabase db, QUuid actor = {});

    // Validates, assigns a UUIDv7 when `customer.id` is null, and stores the
    // customer with its contacts. Returns the id.
    Result<QUuid> add(Customer customer);
    Result<Customer> get(const QUuid &id) const;
    // Writes the fields that changed; contacts are matched by id (new ids are
    // added, missing ones tombstoned).
    Result<void> update(const Customer &customer);
    Result<void> remove(const QUuid &id);

    // Live customers having this phone number / e-mail address (any case).
    Result<QList<Customer>> findByPhone(const PhoneNumber &phone) const;
    Result<QList<Customer>> findByEmail(const EmailAddress &email) const;
    Result<qint64> count() const;

    // What the 360° view shows beside the name (kept up to date by triggers).
    struct Activity
    {
        std::optional<QDateTime> lastContact;
        int openTickets = 0;
    };
    Result<Activity> activity(const QUuid &id) const;

private:
    Result<QList<ContactPoint>> contactsOf(const QUuid &customerId) const;
    Result<QList<Customer>> findByContact(const QString &kind, const QString &value) const;

    QSqlDatabase m_db;
    QUuid m_actor;
};

} // namespace madoguchi
