#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QSqlDatabase>
#include <QString>

#include <array>
#include <string_view>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace madoguchi {

// Loads millions of generated rows (demo data, benchmarks) through the
// sqlite3 C API: no QVariant per value, and many rows per statement, which
// spreads SQLite's fixed cost per statement over the whole batch.
//
// `sql` is an ordinary single-row INSERT ("INSERT INTO t (a, b) VALUES (?, ?)");
// bind() the columns of a row (1-based, as in SQLite), then addRow(). Values
// are always bound, never formatted into the SQL. Call finish() at the end.
class BulkInserter
{
public:
    BulkInserter(const QSqlDatabase &db, const QString &sql);
    ~BulkInserter();
    BulkInserter(const BulkInserter &) = delete;
    BulkInserter &operator=(const BulkInserter &) = delete;

    bool isValid() const { return m_batchStmt != nullptr; }
    int rowsPerStatement() const { return m_rowsPerBatch; }

    void bind(int column, qint64 value);
    void bindReal(int column, double value);
    void bind(int column, const std::array<unsigned char, 16> &key); // copied
    void bind(int column, std::u16string_view text);                 // must stay valid until finish()
    void bind(int column, const QString &text);                      // copied
    void bindNull(int column);

    // Completes the row; runs the statement when the batch is full.
    Result<void> addRow();
    // Writes the rows of a partial batch.
    Result<void> finish();

private:
    // Values are buffered per batch and bound when the batch runs.
    struct Value
    {
        enum class Type : quint8 {
            Null,
            Integer,
            Real,
            Key,
            View,
            Bytes
        } type = Type::Null;
        qint64 integer = 0;
        double real = 0;
        std::array<unsigned char, 16> key{};
        std::u16string_view view;
        QByteArray bytes; // UTF-8
    };

    Result<void> execute(sqlite3_stmt *stmt, int rows);
    sqlite3_stmt *prepare(int rows) const;
    Value &slot(int column) { return m_values[std::size_t(m_row * m_columns + column - 1)]; }

    sqlite3 *m_db = nullptr;
    QString m_prefix;      // "INSERT INTO t (a, b) VALUES "
    QString m_rowTemplate; // "(?, ?)"
    int m_columns = 0;
    int m_rowsPerBatch = 1;
    int m_row = 0; // rows completed in the current batch
    sqlite3_stmt *m_batchStmt = nullptr;
    std::vector<Value> m_values;
};

} // namespace madoguchi
