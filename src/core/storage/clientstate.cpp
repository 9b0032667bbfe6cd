#include "storage/clientstate.h"

#include "storage/sqlite.h"

#include <QSqlQuery>

namespace madoguchi {

namespace {
const QString kCurrentAgent = QStringLiteral("current_agent");
} // namespace

ClientState::ClientState(QSqlDatabase db)
    : m_db(std::move(db))
{}

QString ClientState::value(const QString &key) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT value FROM client_state WHERE key = ?"));
    q.addBindValue(key);
    return q.exec() && q.next() ? q.value(0).toString() : QString();
}

Result<void> ClientState::setValue(const QString &key, const QString &value)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO client_state (key, value) VALUES (?, ?) "
                             "ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
    q.addBindValue(key);
    q.addBindValue(value);
    if (!q.exec())
        return sqlite::toError(q.lastError(), tr("saving a setting of this database"));
    return {};
}

QUuid ClientState::currentAgent() const
{
    return QUuid::fromString(value(kCurrentAgent));
}

Result<void> ClientState::setCurrentAgent(const QUuid &agent)
{
    return setValue(kCurrentAgent, agent.toString(QUuid::WithoutBraces));
}

} // namespace madoguchi
