#pragma once

#include <QList>
#include <QString>

namespace madoguchi {

// What a contact or ticket is about. Stored as the key; the list becomes
// configurable per team with tickets.
struct Category
{
    QString key;
    QString displayName; // translated
};

QList<Category> defaultCategories();
// The translated name of `key`, or the key itself for a custom category.
QString categoryDisplayName(const QString &key);

} // namespace madoguchi
