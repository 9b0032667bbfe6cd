#include "storage/sqlite.h"

#include "storage/database.h"

#include <QRegularExpression>
#include <QSqlDriver>
#include <QVariant>

#include <sqlite3.h>

#include <mutex>

namespace madoguchi::sqlite {

void configureLibrary()
{
    // Only possible before the library starts (SQLITE_MISUSE after).
    static std::once_flag once;
    std::call_once(once, [] { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
}

sqlite3 *handle(const QSqlDatabase &db)
{
    const QVariant v = db.driver()->handle();
    if (!v.isValid() || qstrcmp(v.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(v.constData());
}

Result<void> execScript(const QSqlDatabase &db, const QString &sql)
{
    sqlite3 *h = handle(db);
    if (!h)
        return makeError(Error::Code::Database, Database::tr("The database connection is not open."));
    char *message = nullptr;
    const int rc = sqlite3_exec(h, sql.toUtf8().constData(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        const QString text = QString::fromUtf8(message ? message : sqlite3_errstr(rc));
        sqlite3_free(message);
        QSqlError error(QString(), text, QSqlError::StatementError, QString::number(rc));
        return toError(error, Database::tr("updating the database structure"));
    }
    return {};
}

bool inTransaction(const QSqlDatabase &db)
{
    sqlite3 *h = handle(db);
    return h && sqlite3_get_autocommit(h) == 0;
}

bool isPlainIdentifier(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z_][a-z0-9_]*$"));
    return pattern.match(name).hasMatch();
}

Error toError(const QSqlError &error, const QString &what)
{
    const int primary = error.nativeErrorCode().toInt() & 0xFF;
    switch (primary) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return makeError(Error::Code::Database, Database::tr("The database is busy in another program, so %1 failed. "
                                                             "Try again in a moment.")
                                                    .arg(what));
    case SQLITE_READONLY:
        return makeError(Error::Code::ReadOnly, Database::tr("The database file is read-only, so %1 failed.").arg(what));
    case SQLITE_FULL:
        return makeError(Error::Code::Io,
                         Database::tr("The disk is full, so %1 failed. Nothing was changed; free some space "
                                      "and try again.")
                             .arg(what));
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
        return makeError(Error::Code::Io,
                         Database::tr("The database file could not be read or written, so %1 failed.").arg(what));
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return makeError(Error::Code::NotADatabase,
                         Database::tr("The database file is damaged or is not a database, so %1 failed.").arg(what));
    case SQLITE_CONSTRAINT:
        return makeError(Error::Code::Invalid,
                         Database::tr("The data was refused by a database rule (%1), so %2 failed.")
                             .arg(error.databaseText(), what));
    default:
        return makeError(Error::Code::Database,
                         Database::tr("A database error stopped %1: %2").arg(what, error.databaseText()));
    }
}

} // namespace madoguchi::sqlite
