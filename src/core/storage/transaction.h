#pragma once

#include "common/result.h"

#include <QSqlDatabase>

namespace madoguchi {

// One unit of work. Begins with BEGIN IMMEDIATE (the write lock is taken up
// front, so two connections never deadlock upgrading a read lock); inside an
// open transaction it becomes a SAVEPOINT, so operations compose. Rolls back
// in the destructor unless commit() succeeded. The outermost commit
// announces what was written through the file's ChangeHub.
class Transaction
{
public:
    explicit Transaction(QSqlDatabase db);
    ~Transaction();

    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    bool isActive() const { return m_active; }
    const Error &error() const { return m_error; }

    Result<void> commit();
    void rollback();

private:
    QSqlDatabase m_db;
    QString m_savepoint;  // empty for the outermost transaction
    qsizetype m_mark = 0; // the changes noted before the savepoint
    Error m_error;
    bool m_active = false;
};

// Runs `work` (returning a Result) in one transaction and commits when it
// succeeds; on any error everything it wrote is rolled back. Returns the
// work's result, or the commit's error.
template<typename Work>
auto inTransaction(const QSqlDatabase &db, Work &&work) -> decltype(work())
{
    Transaction tx(db);
    if (!tx.isActive())
        return tx.error();
    auto r = work();
    if (!r)
        return r.error();
    if (auto committed = tx.commit(); !committed)
        return committed.error();
    return r;
}

} // namespace madoguchi
