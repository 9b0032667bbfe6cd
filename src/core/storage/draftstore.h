#pragma once

#include "common/result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QSqlDatabase>

#include <optional>

namespace madoguchi {

// Unsaved form state kept in the local database (table drafts), so that what
// an agent typed survives a crash. One draft per key ("log-interaction").
class DraftStore
{
    Q_DECLARE_TR_FUNCTIONS(DraftStore)

public:
    struct Draft
    {
        QJsonObject data;
        QDateTime savedAt;
    };

    explicit DraftStore(QSqlDatabase db);

    Result<void> save(const QString &key, const QJsonObject &data);
    Result<std::optional<Draft>> load(const QString &key) const;
    // Inside the caller's transaction when there is one (the save of the
    // real record), so the draft disappears exactly when the record exists.
    Result<void> remove(const QString &key);

private:
    QSqlDatabase m_db;
};

} // namespace madoguchi
