#include "repositories/customersearch.h"

#include "domain/emailaddress.h"
#include "domain/phonenumber.h"
#include "domain/textnormalizer.h"
#include "storage/sqlite.h"

#include <QRegularExpression>
#include <QSet>
#include <QSqlQuery>

#include <algorithm>

namespace madoguchi {

namespace {

constexpr int kTrigram = 3; // FTS5 trigram cannot match fewer characters

Error searchError(const QSqlQuery &q)
{
    return sqlite::toError(q.lastError(), CustomerSearch::tr("searching customers"));
}

// An FTS5 phrase for `text`, restricted to `columns`: "{a b} : "text"". The
// text is bound as a parameter; quotes are doubled as FTS5 requires.
QString ftsQuery(const QString &columns, const QString &text)
{
    QString escaped = text;
    escaped.replace(u'"', QStringLiteral("\"\""));
    return QStringLiteral("{%1} : \"%2\"").arg(columns, escaped);
}

class Collector
{
public:
    explicit Collector(int limit)
        : m_limit(limit)
    {}
    bool full() const { return m_order.size() >= m_limit; }
    int remaining() const { return m_limit - int(m_order.size()); }
    void add(qint64 rowid, CustomerSearch::Match match)
    {
        if (full() || m_seen.contains(rowid))
            return;
        m_seen.insert(rowid);
        m_order.append({rowid, match});
    }
    const QList<std::pair<qint64, CustomerSearch::Match>> &order() const { return m_order; }

private:
    int m_limit;
    QSet<qint64> m_seen;
    QList<std::pair<qint64, CustomerSearch::Match>> m_order;
};

Result<void> collect(QSqlQuery &q, Collector &hits, CustomerSearch::Match match)
{
    if (!q.exec())
        return searchError(q);
    while (q.next())
        hits.add(q.value(0).toLongLong(), match);
    return {};
}

// Substring matches in `columns` of customer_fts, as Contains hits.
Result<void> collectContaining(QSqlQuery &q, Collector &hits, const QString &columns, const QString &text, int limit)
{
    q.prepare(QStringLiteral("SELECT f.rowid FROM customer_fts f WHERE customer_fts MATCH ? LIMIT ?"));
    q.addBindValue(ftsQuery(columns, text));
    q.addBindValue(hits.remaining() + limit);
    return collect(q, hits, CustomerSearch::Match::Contains);
}

// The live customers with this phone number (E.164) or e-mail address.
Result<void> collectExact(QSqlQuery &q, Collector &hits, ContactKind kind, const QString &value, int limit)
{
    q.prepare(QStringLiteral(
        "SELECT c.rowid FROM customer_contacts p JOIN customers c ON c.id = p.customer_id "
        "WHERE p.value = ? COLLATE NOCASE AND p.kind = ? AND p.deleted_at IS NULL AND c.deleted_at IS NULL "
        "ORDER BY c.sort_key LIMIT ?"));
    q.addBindValue(value);
    q.addBindValue(toKey(kind));
    q.addBindValue(limit);
    return collect(q, hits,
                   kind == ContactKind::Phone ? CustomerSearch::Match::ExactPhone : CustomerSearch::Match::ExactEmail);
}

// The hits for text that looks like a phone number.
Result<void> collectByPhone(QSqlQuery &q, Collector &hits, const QString &trimmed, const QString &region, int limit)
{
    // 1. The whole number in any written form.
    if (const auto phone = PhoneNumber::parse(trimmed, region)) {
        if (auto r = collectExact(q, hits, ContactKind::Phone, phone->e164(), limit); !r)
            return r;
    }
    // 2. Partial digits, anywhere in the stored E.164 digits. A leading
    //    trunk 0 ("090-12…") is not part of the international form. A
    //    whole number that matched exactly needs no partial matches.
    QString digits = text::normalizeCode(trimmed);
    digits.remove(QRegularExpression(QStringLiteral("[^0-9]")));
    if (digits.startsWith(u'0') && digits.size() > kTrigram)
        digits.remove(0, 1);
    if (digits.size() >= kTrigram && hits.order().isEmpty())
        return collectContaining(q, hits, QStringLiteral("phones"), digits, limit);
    return {};
}

// The hits for any other text: an e-mail address, the start of a word, or a
// part of one.
Result<void> collectByText(QSqlQuery &q, Collector &hits, const QString &trimmed, int limit)
{
    const QString key = text::searchKey(trimmed);
    // 1. An exact e-mail address.
    if (trimmed.contains(u'@')) {
        if (const auto email = EmailAddress::parse(trimmed)) {
            if (auto r = collectExact(q, hits, ContactKind::Email, email->address(), limit); !r)
                return r;
        }
    }
    // 2. Words of the name, reading or organization that start with the
    //    text: an index range scan, so one or two characters (山田, やま) work.
    //    A whole e-mail address that matched is the answer on its own.
    const bool exactEmail = !hits.order().isEmpty();
    if (!hits.full() && !exactEmail) {
        // In term order straight from the index; duplicates (a name and its
        // reading both matching) are dropped by the collector.
        q.prepare(
            QStringLiteral("SELECT customer_rowid FROM customer_terms WHERE term >= ? AND term < ? || char(1114111) "
                           "ORDER BY term LIMIT ?"));
        q.addBindValue(key);
        q.addBindValue(key);
        q.addBindValue(3 * hits.remaining());
        if (auto r = collect(q, hits, CustomerSearch::Match::Prefix); !r)
            return r;
    }
    // 3. Anywhere in name, reading, organization or e-mail (trigrams).
    if (key.size() >= kTrigram && !hits.full() && !exactEmail)
        return collectContaining(q, hits, QStringLiteral("name reading organization emails"), key, limit);
    return {};
}

// The collected customers as hits: best kind of match first, reading order
// within each; `shared` gives the contact each one was found by.
Result<QList<CustomerSearch::Hit>> hitsOf(const QSqlDatabase &db, const Collector &hits,
                                          const QHash<qint64, QString> &shared)
{
    QList<qint64> rowids;
    QHash<qint64, CustomerSearch::Match> matchOf;
    for (const auto &[rowid, match] : hits.order()) {
        rowids << rowid;
        matchOf.insert(rowid, match);
    }
    auto summaries = customersummary::byRowids(db, rowids);
    if (!summaries)
        return summaries.error();
    QList<CustomerSearch::Hit> out;
    for (const CustomerSummary &s : summaries.value())
        out.append({s, matchOf.value(s.rowid), shared.value(s.rowid)});
    std::stable_sort(out.begin(), out.end(), [](const CustomerSearch::Hit &a, const CustomerSearch::Hit &b) {
        if (a.match != b.match)
            return a.match < b.match;
        return a.customer.sortKey < b.customer.sortKey;
    });
    return out;
}

} // namespace

CustomerSearch::CustomerSearch(QSqlDatabase db, QString defaultRegion)
    : m_db(std::move(db))
    , m_region(std::move(defaultRegion))
{}

bool CustomerSearch::looksLikePhone(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral(R"(^[+(]?[0-9][0-9 ()\-.]*$)"));
    return pattern.match(text::normalizeCode(text)).hasMatch();
}

Result<QList<CustomerSearch::Hit>> CustomerSearch::search(const QString &text, int limit) const
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty() || limit <= 0)
        return QList<Hit>();
    Collector hits(limit);
    QSqlQuery q(m_db);
    if (auto r = looksLikePhone(trimmed) ? collectByPhone(q, hits, trimmed, m_region, limit)
                                         : collectByText(q, hits, trimmed, limit);
        !r)
        return r.error();
    return hitsOf(m_db, hits, {});
}

Result<QList<CustomerSearch::Hit>> CustomerSearch::sharingContacts(const Customer &customer, int limit) const
{
    Collector hits(limit + 1); // room for `customer` itself, left out below
    QHash<qint64, QString> shared;
    QSqlQuery q(m_db);
    for (const ContactPoint &contact : customer.contacts) {
        const qsizetype before = hits.order().size();
        if (auto r = collectExact(q, hits, contact.kind, contact.value, limit + 1); !r)
            return r.error();
        for (qsizetype i = before; i < hits.order().size(); ++i)
            shared.insert(hits.order().at(i).first, contact.value);
    }
    auto found = hitsOf(m_db, hits, shared);
    if (!found)
        return found;
    QList<Hit> &out = found.value();
    out.removeIf([&](const Hit &h) { return h.customer.id == customer.id; });
    out.resize(std::min<qsizetype>(out.size(), limit));
    return found;
}

} // namespace madoguchi
