#pragma once

#include "common/result.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>
#include <QUuid>

namespace madoguchi {

// Facts about this copy of the database (table client_state, local only):
// who is working on it, its client id, whether it holds demo data.
class ClientState
{
    Q_DECLARE_TR_FUNCTIONS(ClientState)

public:
    explicit ClientState(QSqlDatabase db);

    QString value(const QString &key) const;
    Result<void> setValue(const QString &key, const QString &value);

    // The agent signed in on this copy; null when nobody has chosen yet.
    QUuid currentAgent() const;
    Result<void> setCurrentAgent(const QUuid &agent);

private:
    QSqlDatabase m_db;
};

} // namespace madoguchi
