#pragma once

#include "common/result.h"
#include "domain/categories.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QUuid>

namespace madoguchi {

// The configurable category list: the built-in categories (translated)
// with the team's renames and hidden ones, then the team's own.
class CategoryRepository
{
    Q_DECLARE_TR_FUNCTIONS(CategoryRepository)

public:
    explicit CategoryRepository(QSqlDatabase db, QUuid actor = {});

    // Active ones only, unless `includeHidden`.
    Result<QList<Category>> categories(bool includeHidden = false) const;
    // The name to show for a stored key (hidden categories keep their name).
    QString displayName(const QString &key) const;
    // Adds a category of the team's own; returns its key.
    Result<QString> add(const QString &name);
    // Renames (an empty name gives a built-in one its own name back) or hides/shows.
    Result<void> update(const QString &key, const QString &name, bool active);

private:
    QSqlDatabase m_db;
    QUuid m_actor;
};

} // namespace madoguchi
