#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QSqlDatabase>
#include <QString>
#include <QVariant>

struct sqlite3;
struct sqlite3_stmt;

namespace madoguchi {

// A read-only statement on the sqlite3 C API, for reports that read hundreds
// of thousands of rows: QSqlQuery costs a QVariant per value, this reads the
// column directly. Values are bound, never spliced.
class RawQuery
{
public:
    RawQuery(const QSqlDatabase &db, const QString &sql, const QVariantList &values = {});
    ~RawQuery();
    RawQuery(const RawQuery &) = delete;
    RawQuery &operator=(const RawQuery &) = delete;

    // Steps to the next row; false at the end or on an error (see error()).
    bool next();
    bool isNull(int column) const;
    qint64 integer(int column) const;
    double real(int column) const;
    QByteArray blob(int column) const;
    // The bytes of a blob or text column without a copy; valid until the next step.
    QByteArrayView view(int column) const;
    QString text(int column) const;
    // The error, if preparing or a step failed; `what` names the operation.
    std::optional<Error> error(const QString &what) const;

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
    int m_status = 0;
};

} // namespace madoguchi
