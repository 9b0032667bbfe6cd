#include "storage/ticketnumbers.h"

#include "storage/clientstate.h"
#include "storage/sqlite.h"

#include <QRandomGenerator>
#include <QRegularExpression>

namespace madoguchi {

namespace {

// Crockford's base 32: no I, L, O or U, so a number read out on the phone
// cannot be mistaken.
constexpr char kAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const QString kTagKey = QStringLiteral("ticket_tag");
const QString kCounterKey = QStringLiteral("ticket_counter");

} // namespace

TicketNumbers::TicketNumbers(QSqlDatabase db)
    : m_db(std::move(db))
{}

Result<QString> TicketNumbers::clientTag()
{
    ClientState state(m_db);
    QString tag = state.value(kTagKey);
    if (!tag.isEmpty())
        return tag;
    quint32 bits = QRandomGenerator::system()->generate() & ((1u << 30) - 1);
    for (int i = 0; i < 6; ++i) {
        tag.prepend(QLatin1Char(kAlphabet[bits & 31]));
        bits >>= 5;
    }
    if (auto r = state.setValue(kTagKey, tag); !r)
        return r.error();
    return tag;
}

Result<QString> TicketNumbers::next()
{
    if (!sqlite::inTransaction(m_db))
        return makeError(Error::Code::Database, tr("A ticket number was requested outside a transaction."));
    const auto tag = clientTag();
    if (!tag)
        return tag.error();
    ClientState state(m_db);
    const qint64 number = state.value(kCounterKey).toLongLong() + 1;
    if (auto r = state.setValue(kCounterKey, QString::number(number)); !r)
        return r.error();
    return QStringLiteral("%1-%2").arg(tag.value()).arg(number);
}

bool TicketNumbers::isWellFormed(const QString &number)
{
    static const QRegularExpression pattern(QStringLiteral("^[0-9A-HJKMNP-TV-Z]{6}-[1-9][0-9]*$"));
    return pattern.match(number).hasMatch();
}

} // namespace madoguchi
