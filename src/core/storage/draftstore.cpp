#include "storage/draftstore.h"

#include "storage/rowcodec.h"
#include "storage/sqlite.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace madoguchi {

DraftStore::DraftStore(QSqlDatabase db)
    : m_db(std::move(db))
{}

Result<void> DraftStore::save(const QString &key, const QJsonObject &data)
{
    QSqlQuery q(m_db);
    q.prepare(
        QStringLiteral("INSERT INTO drafts (key, payload, saved_at) VALUES (?, ?, ?) "
                       "ON CONFLICT (key) DO UPDATE SET payload = excluded.payload, saved_at = excluded.saved_at"));
    q.addBindValue(key);
    q.addBindValue(QString::fromUtf8(QJsonDocument(data).toJson(QJsonDocument::Compact)));
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    if (!q.exec())
        return sqlite::toError(q.lastError(), tr("keeping the draft"));
    return {};
}

Result<std::optional<DraftStore::Draft>> DraftStore::load(const QString &key) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT payload, saved_at FROM drafts WHERE key = ?"));
    q.addBindValue(key);
    if (!q.exec())
        return sqlite::toError(q.lastError(), tr("reading the draft"));
    if (!q.next())
        return std::optional<Draft>();
    return std::optional<Draft>(
        Draft{QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object(), rowcodec::time(q.value(1))});
}

Result<void> DraftStore::remove(const QString &key)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM drafts WHERE key = ?"));
    q.addBindValue(key);
    if (!q.exec())
        return sqlite::toError(q.lastError(), tr("removing the draft"));
    return {};
}

} // namespace madoguchi
