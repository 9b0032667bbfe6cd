#include "storage/rawquery.h"

#include "storage/database.h"
#include "storage/sqlite.h"

#include <sqlite3.h>

namespace madoguchi {

RawQuery::RawQuery(const QSqlDatabase &db, const QString &sql, const QVariantList &values)
    : m_db(sqlite::handle(db))
{
    if (!m_db) {
        m_status = SQLITE_MISUSE;
        return;
    }
    const QByteArray utf8 = sql.toUtf8();
    m_status = sqlite3_prepare_v2(m_db, utf8.constData(), int(utf8.size()), &m_stmt, nullptr);
    if (m_status != SQLITE_OK)
        return;
    for (int i = 0; i < int(values.size()) && m_status == SQLITE_OK; ++i) {
        const QVariant &v = values.at(i);
        if (v.isNull()) {
            m_status = sqlite3_bind_null(m_stmt, i + 1);
        } else if (v.typeId() == QMetaType::QByteArray) {
            const QByteArray b = v.toByteArray();
            m_status = sqlite3_bind_blob(m_stmt, i + 1, b.constData(), int(b.size()), SQLITE_TRANSIENT);
        } else if (v.typeId() == QMetaType::QString) {
            const QByteArray t = v.toString().toUtf8();
            m_status = sqlite3_bind_text(m_stmt, i + 1, t.constData(), int(t.size()), SQLITE_TRANSIENT);
        } else if (v.typeId() == QMetaType::Double) {
            m_status = sqlite3_bind_double(m_stmt, i + 1, v.toDouble());
        } else {
            m_status = sqlite3_bind_int64(m_stmt, i + 1, v.toLongLong());
        }
    }
}

RawQuery::~RawQuery()
{
    sqlite3_finalize(m_stmt);
}

bool RawQuery::next()
{
    if (!m_stmt || (m_status != SQLITE_OK && m_status != SQLITE_ROW))
        return false;
    m_status = sqlite3_step(m_stmt);
    return m_status == SQLITE_ROW;
}

bool RawQuery::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

qint64 RawQuery::integer(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

double RawQuery::real(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

QByteArray RawQuery::blob(int column) const
{
    const void *data = sqlite3_column_blob(m_stmt, column);
    return QByteArray(static_cast<const char *>(data), sqlite3_column_bytes(m_stmt, column));
}

QByteArrayView RawQuery::view(int column) const
{
    const void *data = sqlite3_column_blob(m_stmt, column);
    return QByteArrayView(static_cast<const char *>(data), sqlite3_column_bytes(m_stmt, column));
}

QString RawQuery::text(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return QString::fromUtf8(data, sqlite3_column_bytes(m_stmt, column));
}

std::optional<Error> RawQuery::error(const QString &what) const
{
    if (m_status == SQLITE_OK || m_status == SQLITE_ROW || m_status == SQLITE_DONE)
        return std::nullopt;
    return makeError(Error::Code::Database, Database::tr("A database error stopped %1: %2")
                                                .arg(what, m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QString()));
}

} // namespace madoguchi
