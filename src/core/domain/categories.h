#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace madoguchi {

// What a contact or ticket is about. Stored as the key. The built-in list
// can be renamed, hidden and extended by the team (CategoryRepository).
struct Category
{
    QString key;
    QString displayName; // translated, or the team's own name
    bool active = true;  // offered for new tickets and interactions
    bool builtIn = true;

    Q_DECLARE_TR_FUNCTIONS(Category)
};

QList<Category> defaultCategories();
// The translated name of `key`, or the key itself for a custom category.
QString categoryDisplayName(const QString &key);

} // namespace madoguchi
