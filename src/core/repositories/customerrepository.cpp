#include "repositories/customerrepository.h"

#include "domain/textnormalizer.h"
#include "domain/uuid.h"
#include "storage/changewriter.h"
#include "storage/rowcodec.h"
#include "storage/sqlite.h"
#include "storage/transaction.h"

#include <QHash>
#include <QSqlQuery>

namespace madoguchi {

namespace {

const QString kCustomers = QStringLiteral("customers");
const QString kContacts = QStringLiteral("customer_contacts");

Columns customerColumns(const Customer &c)
{
    return {
        // NFKC: half-width kana and full-width Latin typed into a name are
        // stored in their usual form, so search and sorting see one spelling.
        {QStringLiteral("name"), c.name.normalized(QString::NormalizationForm_KC).simplified()},
        {QStringLiteral("name_reading"), text::toKatakanaReading(c.nameReading)},
        {QStringLiteral("sort_key"), rowcodec::sortKey(c.name, c.nameReading)},
        {QStringLiteral("organization_id"), keyValue(c.organizationId)},
        {QStringLiteral("address"), c.address},
        {QStringLiteral("tier"), toKey(c.tier)},
        {QStringLiteral("tags"), rowcodec::tagsJson(c.tags)},
        {QStringLiteral("notes"), c.notes},
        {QStringLiteral("owner_id"), keyValue(c.ownerId)},
    };
}

Columns contactColumns(const QUuid &customerId, const ContactPoint &p)
{
    return {
        {QStringLiteral("customer_id"), keyValue(customerId)},
        {QStringLiteral("kind"), toKey(p.kind)},
        {QStringLiteral("value"), p.value},
        {QStringLiteral("label"), p.label},
        {QStringLiteral("is_primary"), p.primary ? 1 : 0},
    };
}

Error invalid(const FieldErrors &errors)
{
    return makeError(Error::Code::Invalid, joinMessages(errors));
}

Customer readCustomer(const QSqlQuery &q)
{
    Customer c;
    c.id = rowcodec::key(q.value(0));
    c.name = q.value(1).toString();
    c.nameReading = q.value(2).toString();
    c.organizationId = rowcodec::key(q.value(3));
    c.address = q.value(4).toString();
    c.tier = fromKey<CustomerTier>(q.value(5).toString()).value_or(CustomerTier::Standard);
    c.tags = rowcodec::tags(q.value(6));
    c.notes = q.value(7).toString();
    c.ownerId = rowcodec::key(q.value(8));
    c.meta = rowcodec::meta(q);
    return c;
}

const QString kSelectCustomer
    = QStringLiteral(
          "SELECT id, name, name_reading, organization_id, address, tier, tags, notes, owner_id, %1 FROM customers ")
          .arg(QLatin1String(rowcodec::kMetaColumns));

} // namespace

CustomerRepository::CustomerRepository(QSqlDatabase db, QUuid actor)
    : m_db(std::move(db))
    , m_actor(actor)
{}

Result<QUuid> CustomerRepository::add(Customer customer)
{
    if (const auto errors = validate(customer); !errors.isEmpty())
        return invalid(errors);
    if (customer.id.isNull())
        customer.id = newUuidV7();

    const auto written = inTransaction(m_db, [&]() -> Result<void> {
        ChangeWriter writer(m_db, m_actor);
        if (auto r = writer.insert(kCustomers, customer.id, customerColumns(customer)); !r)
            return r;
        for (auto &contact : customer.contacts) {
            if (contact.id.isNull())
                contact.id = newUuidV7();
            if (auto r = writer.insert(kContacts, contact.id, contactColumns(customer.id, contact)); !r)
                return r;
        }
        return {};
    });
    if (!written)
        return written.error();
    return customer.id;
}

Result<Customer> CustomerRepository::get(const QUuid &id) const
{
    QSqlQuery q(m_db);
    q.prepare(kSelectCustomer + QStringLiteral("WHERE id = ? AND deleted_at IS NULL"));
    q.addBindValue(keyValue(id));
    if (!q.exec())
        return sqlite::toError(q.lastError(), tr("reading the customer"));
    if (!q.next())
        return makeError(Error::Code::NotFound, tr("The customer no longer exists."));
    Customer c = readCustomer(q);
    auto contacts = contactsOf(id);
    if (!contacts)
        return contacts.error();
    c.contacts = contacts.value();
    return c;
}

Result<QList<ContactPoint>> CustomerRepository::contactsOf(const QUuid &customerId) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id, kind, value, label, is_primary FROM customer_contacts "
                             "WHERE customer_id = ? AND deleted_at IS NULL ORDER BY is_primary DESC, id"));
    q.addBindValue(keyValue(customerId));
    if (!q.exec())
        return sqlite::toError(q.lastError(), tr("reading the customer's contacts"));
    QList<ContactPoint> out;
    while (q.next()) {
        ContactPoint p;
        p.id = rowcodec::key(q.value(0));
        p.kind = fromKey<ContactKind>(q.value(1).toString()).value_or(ContactKind::Phone);
        p.value = q.value(2).toString();
        p.label = q.value(3).toString();
        p.primary = q.value(4).toBool();
        out << p;
    }
    return out;
}

Result<void> CustomerRepository::update(const Customer &customer)
{
    if (const auto errors = validate(customer); !errors.isEmpty())
        return invalid(errors);
    return inTransaction(m_db, [&]() -> Result<void> {
        ChangeWriter writer(m_db, m_actor);
        if (auto r = writer.update(kCustomers, customer.id, customerColumns(customer)); !r)
            return r.error();
        auto existing = contactsOf(customer.id);
        if (!existing)
            return existing.error();
        QHash<QUuid, ContactPoint> before;
        for (const auto &c : existing.value())
            before.insert(c.id, c);
        for (ContactPoint contact : customer.contacts) {
            if (contact.id.isNull() || !before.contains(contact.id)) {
                if (contact.id.isNull())
                    contact.id = newUuidV7();
                if (auto r = writer.insert(kContacts, contact.id, contactColumns(customer.id, contact)); !r)
                    return r;
            } else {
                before.remove(contact.id);
                if (auto r = writer.update(kContacts, contact.id, contactColumns(customer.id, contact)); !r)
                    return r.error();
            }
        }
        for (const auto &gone : std::as_const(before)) {
            if (auto r = writer.softDelete(kContacts, gone.id); !r)
                return r;
        }
        return {};
    });
}

Result<void> CustomerRepository::remove(const QUuid &id)
{
    return inTransaction(m_db, [&]() -> Result<void> {
        ChangeWriter writer(m_db, m_actor);
        auto contacts = contactsOf(id);
        if (!contacts)
            return contacts.error();
        for (const auto &c : contacts.value()) {
            if (auto r = writer.softDelete(kContacts, c.id); !r)
                return r;
        }
        return writer.softDelete(kCustomers, id);
    });
}

Result<QList<Customer>> CustomerRepository::findByContact(const QString &kind, const QString &value) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT DISTINCT customer_id FROM customer_contacts "
                             "WHERE value = ? COLLATE NOCASE AND kind = ? AND deleted_at IS NULL"));
    q.addBindValue(value);
    q.addBindValue(kind);
    if (!q.exec())
        return sqlite::toError(q.lastError(), tr("looking the customer up"));
    QList<QUuid> ids;
    while (q.next())
        ids << rowcodec::key(q.value(0));
    QList<Customer> out;
    for (const auto &id : std::as_const(ids)) {
        auto c = get(id);
        if (c)
            out << c.value();
        else if (c.error().code != Error::Code::NotFound)
            return c.error();
    }
    return out;
}

Result<QList<Customer>> CustomerRepository::findByPhone(const PhoneNumber &phone) const
{
    return findByContact(QStringLiteral("phone"), phone.e164());
}

Result<QList<Customer>> CustomerRepository::findByEmail(const EmailAddress &email) const
{
    // E-mail domains are stored lower-case; local parts match case-insensitively
    // in practice, so compare the whole address case-folded.
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT DISTINCT customer_id FROM customer_contacts "
                             "WHERE kind = 'email' AND value = ? COLLATE NOCASE AND deleted_at IS NULL"));
    q.addBindValue(email.address());
    if (!q.exec())
        return sqlite::toError(q.lastError(), tr("looking the customer up"));
    QList<Customer> out;
    while (q.next()) {
        auto c = get(rowcodec::key(q.value(0)));
        if (c)
            out << c.value();
    }
    return out;
}

Result<qint64> CustomerRepository::count() const
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT count(*) FROM customers WHERE deleted_at IS NULL")) || !q.next())
        return sqlite::toError(q.lastError(), tr("counting customers"));
    return q.value(0).toLongLong();
}

Result<CustomerRepository::Activity> CustomerRepository::activity(const QUuid &id) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT last_contact_at, open_tickets FROM customer_stats WHERE customer_id = ?"));
    q.addBindValue(keyValue(id));
    if (!q.exec())
        return sqlite::toError(q.lastError(), tr("reading the customer's activity"));
    Activity a;
    if (q.next()) {
        if (q.value(0).toLongLong() > 0)
            a.lastContact = rowcodec::time(q.value(0));
        a.openTickets = q.value(1).toInt();
    }
    return a;
}

} // namespace madoguchi
