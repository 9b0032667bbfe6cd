#pragma once

#include "common/result.h"

#include <QSqlDatabase>
#include <QSqlError>

struct sqlite3;

namespace madoguchi::sqlite {

// The raw handle behind a QSQLITE connection. Debian's Qt links the system
// libsqlite3, so the handle is valid for the sqlite3 C API (used for
// multi-statement scripts and transaction state only).
sqlite3 *handle(const QSqlDatabase &db);

// Runs a script of several statements (QSqlQuery runs only the first).
Result<void> execScript(const QSqlDatabase &db, const QString &sql);

// True while the connection is inside BEGIN … COMMIT.
bool inTransaction(const QSqlDatabase &db);

// A lower-case SQL name ([a-z_][a-z0-9_]*): the only table and column names
// ever spliced into a statement (they come from code or a catalog, and are
// checked here all the same; values are always bound).
bool isPlainIdentifier(const QString &name);

// A translated, user-presentable error for a failed statement. `what` names
// the operation ("saving the customer"); the SQLite text is appended only
// where it helps and never contains bound values.
Error toError(const QSqlError &error, const QString &what);

// SQLite without its memory statistics, which take a mutex on every
// allocation (nothing here reads them; bulk work runs about 3 % faster).
// Database::open calls it before the process's first connection; later
// calls change nothing.
void configureLibrary();

} // namespace madoguchi::sqlite
