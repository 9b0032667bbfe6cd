#pragma once

#include "common/result.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>

namespace madoguchi {

// Human-readable ticket numbers that are unique across all clients without
// asking a server, so a ticket created offline keeps its number for ever:
// this database's tag — six Crockford base-32 characters from 30 random bits,
// chosen once — and a counter: "K7QM2X-1042". The counter advances in the
// caller's transaction, so a rolled-back ticket gives its number back.
class TicketNumbers
{
    Q_DECLARE_TR_FUNCTIONS(TicketNumbers)

public:
    explicit TicketNumbers(QSqlDatabase db);

    // This copy's tag; chosen (and stored) on first use.
    Result<QString> clientTag();
    // The next number. Call inside the transaction that stores the ticket.
    Result<QString> next();

    static bool isWellFormed(const QString &number);

private:
    QSqlDatabase m_db;
};

} // namespace madoguchi
