#include "services/customerprofiles.h"

#include "repositories/customerrepository.h"
#include "repositories/directoryrepository.h"
#include "storage/transaction.h"

namespace madoguchi {

namespace {

// `write` the customer once their company's id is known, in one transaction.
template<typename Write>
auto withOrganization(const QSqlDatabase &db, const QUuid &actor, Customer &customer, const QString &organization,
                      Write &&write) -> decltype(write())
{
    return inTransaction(db, [&]() -> decltype(write()) {
        const auto id = DirectoryRepository(db, actor).organizationNamed(organization);
        if (!id)
            return id.error();
        customer.organizationId = id.value();
        return write();
    });
}

} // namespace

CustomerProfiles::CustomerProfiles(QSqlDatabase db, QUuid actor)
    : m_db(std::move(db))
    , m_actor(actor)
{}

Result<QUuid> CustomerProfiles::create(Customer customer, const QString &organization)
{
    return withOrganization(m_db, m_actor, customer, organization,
                            [&] { return CustomerRepository(m_db, m_actor).add(customer); });
}

Result<void> CustomerProfiles::update(Customer customer, const QString &organization)
{
    return withOrganization(m_db, m_actor, customer, organization,
                            [&] { return CustomerRepository(m_db, m_actor).update(customer); });
}

} // namespace madoguchi
