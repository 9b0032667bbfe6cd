#include "storage/transaction.h"

#include "storage/changehub.h"
#include "storage/database.h"
#include "storage/databasehealth.h"
#include "storage/sqlite.h"

#include <QFileInfo>
#include <QSqlQuery>
#include <QVariant>

#include <atomic>

namespace madoguchi {

namespace {

std::atomic<quint64> g_savepointCounter{0};

} // namespace

Transaction::Transaction(QSqlDatabase db)
    : m_db(std::move(db))
{
    QSqlQuery q(m_db);
    if (sqlite::inTransaction(m_db)) {
        m_savepoint = QStringLiteral("sp_%1").arg(++g_savepointCounter);
        m_active = q.exec(QStringLiteral("SAVEPOINT ") + m_savepoint);
        m_mark = ChangeHub::mark(m_db);
    } else if (QFileInfo::exists(DatabaseHealth::damagedMarker(m_db.databaseName()))) {
        // A check found the file damaged: writing could only spread it.
        m_error = DatabaseHealth::damagedError();
        return;
    } else {
        m_active = q.exec(QStringLiteral("BEGIN IMMEDIATE"));
        if (m_active)
            ChangeHub::began(m_db);
    }
    if (!m_active)
        m_error = sqlite::toError(q.lastError(), Database::tr("starting a transaction"));
}

Transaction::~Transaction()
{
    if (m_active)
        rollback();
}

Result<void> Transaction::commit()
{
    if (!m_active)
        return m_error.message.isEmpty()
                   ? makeError(Error::Code::Database, Database::tr("The transaction is no longer active."))
                   : m_error;
    QSqlQuery q(m_db);
    const bool ok = m_savepoint.isEmpty() ? q.exec(QStringLiteral("COMMIT"))
                                          : q.exec(QStringLiteral("RELEASE ") + m_savepoint);
    if (!ok) {
        const Error error = sqlite::toError(q.lastError(), Database::tr("saving the changes"));
        rollback();
        return error;
    }
    m_active = false;
    if (m_savepoint.isEmpty())
        ChangeHub::committed(m_db); // durable now: the subscribers hear of it
    return {};
}

void Transaction::rollback()
{
    if (!m_active)
        return;
    QSqlQuery q(m_db);
    if (m_savepoint.isEmpty()) {
        q.exec(QStringLiteral("ROLLBACK"));
        ChangeHub::discarded(m_db);
    } else {
        // ROLLBACK TO keeps the savepoint open; RELEASE then removes it.
        q.exec(QStringLiteral("ROLLBACK TO ") + m_savepoint);
        q.exec(QStringLiteral("RELEASE ") + m_savepoint);
        ChangeHub::rolledBackTo(m_db, m_mark);
    }
    m_active = false;
}

} // namespace madoguchi
