#include "domain/categories.h"

namespace madoguchi {

namespace {

struct Entry
{
    const char *key;
    const char *name;
};

constexpr Entry kCategories[] = {
    {"billing", QT_TRANSLATE_NOOP("Category", "Billing")},
     {"login", QT_TRANSLATE_NOOP("Category", "Sign-in and access")},
      {"shipping", QT_TRANSLATE_NOOP("Category", "Shipping and delivery")},
       {"product_defect", QT_TRANSLATE_NOOP("Category", "Product defect")},
        {"how_to", QT_TRANSLATE_NOOP("Category", "How-to question")},
         {"account_change", QT_TRANSLATE_NOOP("Category", "Account change")},
          {"cancellation", QT_TRANSLATE_NOOP("Category", "Cancellation")},
           {"complaint", QT_TRANSLATE_NOOP("Category", "Complaint")},
            {"feature_request", QT_TRANSLATE_NOOP("Category", "Feature request")},
             {"other", QT_TRANSLATE_NOOP("Category", "Other")},
};

} // namespace

QList<Category> defaultCategories()
{
    QList<Category> out;
    for (const Entry &e : kCategories)
        out.append({QString::fromLatin1(e.key), Category::tr(e.name)});
    return out;
}

QString categoryDisplayName(const QString &key)
{
    for (const Entry &e : kCategories) {
        if (key == QLatin1String(e.key))
            return Category::tr(e.name);
    }
    return key;
}

} // namespace madoguchi
