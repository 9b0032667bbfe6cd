#include "storage/bulkinserter.h"

#include "storage/database.h"
#include "storage/sqlite.h"

#include <sqlite3.h>

namespace madoguchi {

namespace {

// SQLite 3.32+ allows 32766 bound parameters per statement; stay well below.
constexpr int kMaxParameters = 4000;
constexpr int kMaxRowsPerBatch = 100;

Error invalidStatement()
{
    return makeError(Error::Code::Database, Database::tr("The bulk insert statement is invalid."));
}

} // namespace

BulkInserter::BulkInserter(const QSqlDatabase &db, const QString &sql)
    : m_db(sqlite::handle(db))
{
    const qsizetype values = sql.indexOf(QLatin1String(" VALUES "), 0, Qt::CaseInsensitive);
    if (!m_db || values < 0)
        return;
    m_prefix = sql.left(values + 8);
    m_rowTemplate = sql.mid(values + 8).trimmed();
    m_columns = int(m_rowTemplate.count(u'?'));
    m_rowsPerBatch = std::clamp(kMaxParameters / std::max(1, m_columns), 1, kMaxRowsPerBatch);
    m_batchStmt = prepare(m_rowsPerBatch);
    m_values.resize(std::size_t(m_rowsPerBatch * m_columns));
}

BulkInserter::~BulkInserter()
{
    sqlite3_finalize(m_batchStmt);
}

sqlite3_stmt *BulkInserter::prepare(int rows) const
{
    QString sql = m_prefix;
    sql.reserve(m_prefix.size() + rows * (m_rowTemplate.size() + 1));
    for (int i = 0; i < rows; ++i) {
        if (i > 0)
            sql += u',';
        sql += m_rowTemplate;
    }
    const QByteArray utf8 = sql.toUtf8();
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(m_db, utf8.constData(), int(utf8.size()), &stmt, nullptr) != SQLITE_OK)
        return nullptr;
    return stmt;
}

void BulkInserter::bind(int column, qint64 value)
{
    Value &v = slot(column);
    v.type = Value::Type::Integer;
    v.integer = value;
}

void BulkInserter::bindReal(int column, double value)
{
    Value &v = slot(column);
    v.type = Value::Type::Real;
    v.real = value;
}

void BulkInserter::bind(int column, const std::array<unsigned char, 16> &key)
{
    Value &v = slot(column);
    v.type = Value::Type::Key;
    v.key = key;
}

void BulkInserter::bind(int column, std::u16string_view text)
{
    Value &v = slot(column);
    v.type = Value::Type::View;
    v.view = text;
}

void BulkInserter::bind(int column, const QString &text)
{
    Value &v = slot(column);
    v.type = Value::Type::Bytes;
    v.bytes = text.toUtf8();
}

void BulkInserter::bindNull(int column)
{
    slot(column).type = Value::Type::Null;
}

Result<void> BulkInserter::execute(sqlite3_stmt *stmt, int rows)
{
    // An empty view may have no data pointer, which SQLite would bind as NULL.
    static constexpr char16_t empty[] = u"";
    const int count = rows * m_columns;
    for (int i = 0; i < count; ++i) {
        const Value &v = m_values[std::size_t(i)];
        switch (v.type) {
        case Value::Type::Null: sqlite3_bind_null(stmt, i + 1); break;
        case Value::Type::Integer: sqlite3_bind_int64(stmt, i + 1, v.integer); break;
        case Value::Type::Real: sqlite3_bind_double(stmt, i + 1, v.real); break;
        case Value::Type::Key: sqlite3_bind_blob(stmt, i + 1, v.key.data(), int(v.key.size()), SQLITE_STATIC); break;
        case Value::Type::View:
            sqlite3_bind_text16(stmt, i + 1, v.view.empty() ? empty : v.view.data(), int(v.view.size() * 2),
                                SQLITE_STATIC);
            break;
        case Value::Type::Bytes:
            sqlite3_bind_text(stmt, i + 1, v.bytes.constData(), int(v.bytes.size()), SQLITE_STATIC);
            break;
        }
    }
    const int rc = sqlite3_step(stmt);
    Result<void> result;
    if (rc != SQLITE_DONE) {
        const QSqlError error(QString(), QString::fromUtf8(sqlite3_errmsg(m_db)), QSqlError::StatementError,
                              QString::number(sqlite3_extended_errcode(m_db)));
        result = sqlite::toError(error, Database::tr("loading the data"));
    }
    sqlite3_reset(stmt);
    return result;
}

Result<void> BulkInserter::addRow()
{
    if (!m_batchStmt)
        return invalidStatement();
    if (++m_row < m_rowsPerBatch)
        return {};
    m_row = 0;
    return execute(m_batchStmt, m_rowsPerBatch);
}

Result<void> BulkInserter::finish()
{
    if (m_row == 0)
        return {};
    sqlite3_stmt *partial = prepare(m_row);
    if (!partial)
        return invalidStatement();
    auto result = execute(partial, m_row);
    sqlite3_finalize(partial);
    m_row = 0;
    return result;
}

} // namespace madoguchi
