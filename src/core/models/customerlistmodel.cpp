#include "models/customerlistmodel.h"

#include "common/timeformat.h"
#include "domain/phonenumber.h"
#include "domain/uuid.h"
#include "storage/database.h"
#include "storage/rowcodec.h"
#include "storage/sqlite.h"

#include <QSqlQuery>

namespace madoguchi {

namespace {

constexpr int kSearchLimit = 200;

} // namespace

CustomerListModel::CustomerListModel(const Database &database, QString phoneRegion, QTimeZone timeZone, QObject *parent)
    : QAbstractTableModel(parent)
    , m_database(database)
    , m_region(std::move(phoneRegion))
    , m_timeZone(std::move(timeZone))
{
    reload();
}

void CustomerListModel::setTimeZone(const QTimeZone &zone)
{
    m_timeZone = zone;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, LastContact), index(int(m_rows.size()) - 1, LastContact));
}

int CustomerListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CustomerListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CustomerListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CustomerSummary &c = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Name: return c.name;
        case Reading: return c.reading;
        case Organization: return c.organization;
        case Phone: return phoneDisplay(index.row());
        case Email: return c.email;
        case LastContact:
            return c.lastContactMs == 0 ? QString()
                                        : compactDateTime(rowcodec::time(c.lastContactMs), m_timeZone,
                                                          QDateTime::currentDateTimeUtc(), true);
        case OpenTickets: return c.openTickets == 0 ? QString() : QString::number(c.openTickets);
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == Phone && !c.phone.isEmpty())
            return PhoneNumber::fromE164(c.phone).internationalFormat();
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == OpenTickets)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case CustomerIdRole: return QVariant::fromValue(c.id);
    case MatchRole: return m_matches.isEmpty() ? QVariant() : QVariant(m_matches.at(index.row()));
    case SortKeyRole: return c.sortKey;
    }
    return {};
}

QVariant CustomerListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name: return tr("Name");
    case Reading: return tr("Reading");
    case Organization: return tr("Company");
    case Phone: return tr("Phone");
    case Email: return tr("E-mail");
    case LastContact: return tr("Last contact");
    case OpenTickets: return tr("Open tickets");
    }
    return {};
}

// libphonenumber takes tens of microseconds per number: formatted when a
// row is first shown and kept, neither for every loaded row nor every paint.
const QString &CustomerListModel::phoneDisplay(int row) const
{
    CustomerSummary &c = m_rows[row];
    if (!c.phone.isEmpty() && c.phoneDisplay.isEmpty())
        c.phoneDisplay = PhoneNumber::fromE164(c.phone).displayFormat(m_region);
    return c.phoneDisplay;
}

bool CustomerListModel::canFetchMore(const QModelIndex &parent) const
{
    // Nothing is inserted while a reset or an insertion is being announced:
    // views (and QAbstractItemModelTester) ask for more from those handlers.
    return !parent.isValid() && m_searchText.isEmpty() && !m_atEnd && !m_changing;
}

void CustomerListModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    auto page = loadPage(m_rows.isEmpty() ? nullptr : &m_rows.constLast());
    if (!page) {
        m_atEnd = true;
        m_lastError = page.error().message;
        emit errorOccurred(m_lastError);
        return;
    }
    m_atEnd = page->size() < m_pageSize;
    if (page->isEmpty())
        return;
    m_changing = true;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + page->size() - 1));
    m_rows += page.value();
    endInsertRows();
    m_changing = false;
}

Result<QList<CustomerSummary>> CustomerListModel::loadPage(const CustomerSummary *after) const
{
    // Keyset paging: continue after the last row's sort key (and key, for
    // ties), never OFFSET; every page is an index range scan.
    const bool ascending = m_direction == Qt::AscendingOrder;
    const QString dir = ascending ? QStringLiteral("ASC") : QStringLiteral("DESC");
    const QChar cmp = ascending ? u'>' : u'<';
    QString sql;
    QSqlQuery q(m_database.connection());
    if (m_order == Order::ByReading) {
        sql = customersummary::selectClause() + QStringLiteral("WHERE c.deleted_at IS NULL ");
        if (after)
            sql += QStringLiteral("AND (c.sort_key, c.id) %1 (?, ?) ").arg(cmp);
        else if (!m_anchor.isEmpty())
            sql += QStringLiteral("AND c.sort_key %1= ? ").arg(cmp);
        sql += QStringLiteral("ORDER BY c.sort_key %1, c.id %1 LIMIT ?").arg(dir);
        q.prepare(sql);
        if (after) {
            q.addBindValue(after->sortKey);
            q.addBindValue(QVariant(uuidToBlob(after->id)));
        } else if (!m_anchor.isEmpty()) {
            q.addBindValue(m_anchor);
        }
    } else {
        // The page is chosen from customer_stats alone (live customers only,
        // an index range scan); only its rows are joined.
        const QString page = QStringLiteral("SELECT customer_id, last_contact_at, open_tickets FROM customer_stats %1"
                                            "ORDER BY last_contact_at %2, customer_id %2 LIMIT ?")
                                 .arg(after ? QStringLiteral("WHERE (last_contact_at, customer_id) %1 (?, ?) ").arg(cmp)
                                            : QString(),
                                      dir);
        sql = customersummary::selectClause(page)
              + QStringLiteral("ORDER BY s.last_contact_at %1, s.customer_id %1").arg(dir);
        q.prepare(sql);
        if (after) {
            q.addBindValue(after->lastContactMs);
            q.addBindValue(QVariant(uuidToBlob(after->id)));
        }
    }
    q.addBindValue(m_pageSize);
    if (!q.exec())
        return sqlite::toError(q.lastError(), tr("reading the customer list"));
    QList<CustomerSummary> rows;
    rows.reserve(m_pageSize);
    while (q.next())
        rows << customersummary::read(q);
    return rows;
}

void CustomerListModel::sort(int column, Qt::SortOrder order)
{
    if (column == LastContact)
        setOrder(Order::ByLastContact, order);
    else if (column == Name || column == Reading)
        setOrder(Order::ByReading, order);
}

void CustomerListModel::setOrder(Order order, Qt::SortOrder direction)
{
    if (order == m_order && direction == m_direction)
        return;
    m_order = order;
    m_direction = direction;
    m_anchor.clear();
    reload();
}

void CustomerListModel::setSearchText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_searchText)
        return;
    m_searchText = trimmed;
    reload();
}

void CustomerListModel::jumpTo(const QString &readingPrefix)
{
    m_searchText.clear();
    m_order = Order::ByReading;
    m_direction = Qt::AscendingOrder;
    m_anchor = readingPrefix;
    reload();
}

void CustomerListModel::refresh()
{
    reload();
}

void CustomerListModel::reload()
{
    m_changing = true;
    beginResetModel();
    m_rows.clear();
    m_matches.clear();
    m_atEnd = false;
    m_lastError.clear();
    if (m_searchText.isEmpty()) {
        // The first page comes with the reset; the view asks for more as it scrolls.
        auto page = loadPage(nullptr);
        if (page) {
            m_rows = page.value();
            m_atEnd = m_rows.size() < m_pageSize;
        } else {
            m_atEnd = true;
            m_lastError = page.error().message;
        }
    } else {
        m_atEnd = true;
        const auto hits = CustomerSearch(m_database.connection(), m_region).search(m_searchText, kSearchLimit);
        if (hits) {
            for (const auto &hit : hits.value()) {
                m_rows << hit.customer;
                m_matches << int(hit.match);
            }
        } else {
            m_lastError = hits.error().message;
        }
    }
    endResetModel();
    m_changing = false;
    if (!m_lastError.isEmpty())
        emit errorOccurred(m_lastError);
}

} // namespace madoguchi
