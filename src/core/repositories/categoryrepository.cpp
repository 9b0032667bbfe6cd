#include "repositories/categoryrepository.h"

#include "domain/uuid.h"
#include "storage/changewriter.h"
#include "storage/rowcodec.h"
#include "storage/sqlite.h"
#include "storage/transaction.h"

#include <QSqlQuery>

namespace madoguchi {

namespace {

struct Row
{
    QString key;
    QUuid id;
    QString name;
    bool active = true;
};

// The stored rows, in the order they were added.
Result<QList<Row>> rows(QSqlDatabase db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral(
            "SELECT key, id, name, active FROM categories WHERE deleted_at IS NULL ORDER BY created_at, key")))
        return sqlite::toError(q.lastError(), CategoryRepository::tr("reading the categories"));
    QList<Row> out;
    while (q.next())
        out.append({q.value(0).toString(), rowcodec::key(q.value(1)), q.value(2).toString(), q.value(3).toBool()});
    return out;
}

const Row *find(const QList<Row> &rows, const QString &key)
{
    const auto it = std::find_if(rows.begin(), rows.end(), [&](const Row &r) { return r.key == key; });
    return it == rows.end() ? nullptr : &*it;
}

bool isBuiltIn(const QString &key)
{
    const QList<Category> builtIn = defaultCategories();
    return std::any_of(builtIn.begin(), builtIn.end(), [&](const Category &c) { return c.key == key; });
}

} // namespace

CategoryRepository::CategoryRepository(QSqlDatabase db, QUuid actor)
    : m_db(std::move(db))
    , m_actor(actor)
{}

Result<QList<Category>> CategoryRepository::categories(bool includeHidden) const
{
    const auto stored = rows(m_db);
    if (!stored)
        return stored.error();
    QList<Category> all;
    std::optional<Category> other; // "Other" stays last
    for (Category c : defaultCategories()) {
        if (const Row *r = find(stored.value(), c.key)) {
            if (!r->name.isEmpty())
                c.displayName = r->name;
            c.active = r->active;
        }
        if (c.key == u"other")
            other = c;
        else
            all.append(c);
    }
    for (const Row &r : stored.value()) {
        if (!isBuiltIn(r.key))
            all.append({r.key, r.name, r.active, false});
    }
    if (other)
        all.append(*other);
    QList<Category> out;
    for (const Category &c : std::as_const(all)) {
        if (c.active || includeHidden)
            out.append(c);
    }
    return out;
}

QString CategoryRepository::displayName(const QString &key) const
{
    if (const auto all = categories(true)) {
        for (const Category &c : all.value()) {
            if (c.key == key)
                return c.displayName;
        }
    }
    return categoryDisplayName(key);
}

Result<QString> CategoryRepository::add(const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty() || trimmed.size() > 100)
        return makeError(Error::Code::Invalid, tr("A category name has 1 to 100 characters."));
    const auto existing = categories(true);
    if (!existing)
        return existing.error();
    for (const Category &c : existing.value()) {
        if (c.displayName.compare(trimmed, Qt::CaseInsensitive) == 0)
            return makeError(Error::Code::Invalid, tr("There is already a category “%1”.").arg(trimmed));
    }
    const QUuid id = newUuidV7();
    // A key that never changes, whatever the category is renamed to later.
    const QString key = QStringLiteral("c_") + QString::fromLatin1(id.toRfc4122().toHex().right(10));
    const auto written = inTransaction(m_db, [&] {
        return ChangeWriter(m_db, m_actor)
            .insert(QStringLiteral("categories"), id,
                    {{QStringLiteral("key"), key}, {QStringLiteral("name"), trimmed}, {QStringLiteral("active"), 1}});
    });
    if (!written)
        return written.error();
    return key;
}

Result<void> CategoryRepository::update(const QString &key, const QString &name, bool active)
{
    const QString trimmed = name.trimmed();
    if (trimmed.size() > 100)
        return makeError(Error::Code::Invalid, tr("A category name has 1 to 100 characters."));
    const bool builtIn = isBuiltIn(key);
    if (!builtIn && trimmed.isEmpty())
        return makeError(Error::Code::Invalid, tr("A category name has 1 to 100 characters."));
    const auto stored = rows(m_db);
    if (!stored)
        return stored.error();
    return inTransaction(m_db, [&]() -> Result<void> {
        ChangeWriter writer(m_db, m_actor);
        const Columns columns{{QStringLiteral("name"), trimmed}, {QStringLiteral("active"), active ? 1 : 0}};
        if (const Row *r = find(stored.value(), key)) {
            const auto changed = writer.update(QStringLiteral("categories"), r->id, columns);
            if (!changed)
                return changed.error();
            return {};
        }
        if (!builtIn)
            return makeError(Error::Code::NotFound, tr("There is no category %1.").arg(key));
        Columns insert = columns;
        insert.prepend({QStringLiteral("key"), key});
        return writer.insert(QStringLiteral("categories"), newUuidV7(), insert);
    });
}

} // namespace madoguchi
