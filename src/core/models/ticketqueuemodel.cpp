#include "models/ticketqueuemodel.h"

#include "common/timeformat.h"
#include "domain/uuid.h"
#include "repositories/directoryrepository.h"
#include "storage/backgroundwork.h"
#include "storage/changewriter.h"
#include "storage/database.h"
#include "storage/rawquery.h"
#include "storage/rowcodec.h"
#include "storage/sqlite.h"

#include <QSqlQuery>

namespace madoguchi {

namespace {

constexpr int kMaxCachedPages = 64;

const char *kSelect
    = "SELECT t.id, t.number, t.subject, c.name, t.status, t.priority, t.assignee_id, t.sla_policy_id, "
      "t.escalation_level, t.sla_sort, t.priority_order, t.updated_at, t.first_response_due, t.resolution_due, "
      "t.first_responded_at, t.solved_at FROM tickets t JOIN customers c ON c.id = t.customer_id ";

// `n` bind marks for a row value: "?,?,?".
QString marks(qsizetype n)
{
    return QStringList(n, QStringLiteral("?")).join(QLatin1Char(','));
}

// Prepares `sql` and runs it with `bound`, in order, for its "?" marks.
bool execBound(QSqlQuery &q, const QString &sql, const QVariantList &bound)
{
    q.prepare(sql);
    for (const QVariant &v : bound)
        q.addBindValue(v);
    return q.exec();
}

} // namespace

TicketQueueModel::TicketQueueModel(const Database &database, QTimeZone timeZone, QObject *parent)
    : QAbstractTableModel(parent)
    , m_database(database)
    , m_timeZone(std::move(timeZone))
    , m_sla(std::make_unique<SlaEngine>(database.connection()))
{
    m_scans = new BackgroundWork(this);
    m_context.now = QDateTime::currentDateTimeUtc();
    loadAgents();
    reload();
}

int TicketQueueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_count;
}

int TicketQueueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const TicketQueueModel::Row *TicketQueueModel::row(int index) const
{
    const int page = index / m_pageSize;
    auto it = m_pages.find(page);
    if (it == m_pages.end()) {
        // A jump far into a big queue: read its anchors for the jumps that follow.
        if (m_anchorStride > 0 && index >= 4 * m_anchorStride)
            QMetaObject::invokeMethod(const_cast<TicketQueueModel *>(this), &TicketQueueModel::prepareAnchors,
                                      Qt::QueuedConnection);
        auto loaded = loadPage(page);
        if (!loaded) {
            m_lastError = loaded.error().message;
            return nullptr;
        }
        if (m_pages.size() >= kMaxCachedPages && !m_recent.isEmpty())
            m_pages.remove(m_recent.takeFirst());
        it = m_pages.insert(page, std::move(loaded).value());
    } else {
        m_recent.removeOne(page);
    }
    m_recent.append(page);
    const int offset = index % m_pageSize;
    return offset < it->size() ? &it->at(offset) : nullptr; // fewer rows than counted: changed meanwhile
}

// The sort key of each order, and how to continue after (or at) a row.
// These fixed fragments (and queueCondition()'s, whose values are bound) are
// the only text spliced into the page queries below.
struct TicketQueueModel::OrderSpec
{
    QString keys;
    QString orderBy;
    QString compare;
    int keyCount;
};

TicketQueueModel::OrderSpec TicketQueueModel::orderSpec(QueueOrder order)
{
    switch (order) {
    case QueueOrder::ByPriority:
        return {QStringLiteral("t.priority_order, t.sla_sort, t.id"),
                QStringLiteral("t.priority_order, t.sla_sort, t.id"), QStringLiteral(">"), 3};
    case QueueOrder::ByUpdated:
        return {QStringLiteral("t.updated_at, t.id"), QStringLiteral("t.updated_at DESC, t.id DESC"),
                QStringLiteral("<"), 2};
    case QueueOrder::BySlaDue: break;
    }
    return {QStringLiteral("t.sla_sort, t.id"), QStringLiteral("t.sla_sort, t.id"), QStringLiteral(">"), 2};
}

// Where reading a page begins, and how many rows of the sort index to skip
// from there to the page's first row.
struct TicketQueueModel::PageStart
{
    QVariantList key;       // sort key to start from; empty: the queue's first row
    bool inclusive = false; // at the key (an anchor) or after it (a page's last row)
    qint64 skip = 0;
};

TicketQueueModel::PageStart TicketQueueModel::pageStart(int page) const
{
    // Start from what is closest before this page: the last row of a page in
    // memory (continue after it), or an anchor of the background scan (start
    // at it). Rows in between are skipped inside the sort index.
    int from = -1;
    for (auto it = m_pages.cbegin(); it != m_pages.cend(); ++it) {
        if (it.key() < page && it.key() > from && it->size() == m_pageSize)
            from = it.key();
    }
    auto keyValues = [&](const Row &r) -> QVariantList {
        switch (m_order) {
        case QueueOrder::ByPriority: return {r.priorityOrder, r.slaSort, keyValue(r.id)};
        case QueueOrder::ByUpdated: return {r.updatedMs, keyValue(r.id)};
        case QueueOrder::BySlaDue: break;
        }
        return {r.slaSort, keyValue(r.id)};
    };
    const qint64 firstRow = qint64(page) * m_pageSize;
    PageStart start;
    start.skip = firstRow;
    if (from >= 0) {
        start.key = keyValues(m_pages.value(from).constLast());
        start.skip = firstRow - qint64(from + 1) * m_pageSize;
    }
    if (m_anchorStride > 0) {
        const qsizetype a = qsizetype(firstRow / m_anchorStride);
        if (a > 0 && a < qsizetype(m_anchors.size()) && qint64(a) * m_anchorStride > qint64(from + 1) * m_pageSize) {
            start.key = m_anchors.at(std::size_t(a));
            start.inclusive = true;
            start.skip = firstRow - qint64(a) * m_anchorStride;
        }
    }
    return start;
}

TicketQueueModel::Row TicketQueueModel::readRow(const QSqlQuery &q)
{
    Row r;
    r.id = rowcodec::key(q.value(0));
    r.number = q.value(1).toString();
    r.subject = q.value(2).toString();
    r.customer = q.value(3).toString();
    r.sla.status = fromKey<TicketStatus>(q.value(4).toString()).value_or(TicketStatus::New);
    r.priority = fromKey<Priority>(q.value(5).toString()).value_or(Priority::Normal);
    r.assignee = rowcodec::key(q.value(6));
    r.policy = rowcodec::key(q.value(7));
    r.escalationLevel = q.value(8).toInt();
    r.slaSort = q.value(9).toLongLong();
    r.priorityOrder = q.value(10).toInt();
    r.updatedMs = q.value(11).toLongLong();
    r.sla.firstResponseDue = rowcodec::optionalTime(q.value(12));
    r.sla.resolutionDue = rowcodec::optionalTime(q.value(13));
    r.sla.firstRespondedAt = rowcodec::optionalTime(q.value(14));
    r.sla.solvedAt = rowcodec::optionalTime(q.value(15));
    return r;
}

Result<QList<TicketQueueModel::Row>> TicketQueueModel::loadPage(int page) const
{
    const OrderSpec spec = orderSpec(m_order);
    const PageStart start = pageStart(page);

    // The SQL spliced below is fixed text only (queueCondition's fragments,
    // orderSpec's column lists, "?" marks); every value is bound.
    const SqlCondition condition = queueCondition(m_filter, m_context);
    QString where = condition.sql;
    QVariantList values = condition.values;
    if (!start.key.isEmpty()) {
        where += QStringLiteral(" AND (%1) %2%3 (%4)")
                     .arg(spec.keys, spec.compare, start.inclusive ? QStringLiteral("=") : QString(),
                          marks(start.key.size()));
        values += start.key;
    }
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    if (start.skip > 0) {
        // Skipping reads only the sort index (no table rows, no joins): find
        // the first row of the page by its key, then read the page from it.
        if (!execBound(q,
                       QStringLiteral("SELECT %1 FROM tickets t WHERE %2 ORDER BY %3 LIMIT 1 OFFSET ?")
                           .arg(spec.keys, where, spec.orderBy),
                       values + QVariantList{start.skip}))
            return sqlite::toError(q.lastError(), tr("reading the ticket queue"));
        if (!q.next())
            return QList<Row>();
        QVariantList first;
        for (int i = 0; i < spec.keyCount; ++i)
            first << q.value(i);
        where = condition.sql + QStringLiteral(" AND (%1) %2= (%3)").arg(spec.keys, spec.compare, marks(first.size()));
        values = condition.values + first;
    }
    // The page is chosen on the tickets alone; only its rows are joined. (A
    // sort over a whole small queue would otherwise carry every joined row.)
    if (!execBound(q,
                   QString::fromLatin1(kSelect)
                       + QStringLiteral(
                             "WHERE t.rowid IN (SELECT t.rowid FROM tickets t WHERE %1 ORDER BY %2 LIMIT ?) ORDER BY %2")
                             .arg(where, spec.orderBy),
                   values + QVariantList{m_pageSize}))
        return sqlite::toError(q.lastError(), tr("reading the ticket queue"));
    QList<Row> rows;
    rows.reserve(m_pageSize);
    while (q.next())
        rows.append(readRow(q));
    return rows;
}

const SlaStatus &TicketQueueModel::slaOf(const Row &r) const
{
    const qint64 now = m_context.now.toMSecsSinceEpoch();
    if (r.statusAt == now)
        return r.status;
    r.statusAt = now;
    r.status = {};
    if (const auto rules = m_sla->rules(r.policy)) {
        const SlaEngine::Rules &rule = *rules.value();
        r.status = slaStatusFromDues(rule.clock.calendar(), r.sla, rule.policy.firstResponseFor(r.priority),
                                     rule.policy.resolutionFor(r.priority), m_context.now);
    }
    return r.status;
}

QVariant TicketQueueModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row *r = row(index.row());
    if (!r)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Number: return r->number;
        case Subject: return r->subject;
        case Customer: return r->customer;
        case Status: return displayName(r->sla.status);
        case PriorityColumn: return displayName(r->priority);
        case Assignee: return r->assignee.isNull() ? tr("Unassigned") : m_agentNames.value(r->assignee);
        case Sla: return compactDateTime(slaOf(*r).due, m_timeZone, m_context.now, true);
        case Updated: return compactDateTime(rowcodec::time(r->updatedMs), m_timeZone, m_context.now);
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == Subject)
            return r->subject;
        if (index.column() == Sla) {
            const SlaStatus &s = slaOf(*r);
            if (s.target == SlaStatus::Target::None)
                return tr("No SLA target");
            const QString target = s.target == SlaStatus::Target::FirstResponse ? tr("First response")
                                                                                : tr("Resolution");
            return s.due.isValid() ? tr("%1 due %2").arg(target, fullDateTime(s.due, m_timeZone))
                                   : tr("%1: the clock is paused").arg(target);
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == Number)
            return int(Qt::AlignLeft | Qt::AlignVCenter);
        break;
    case TicketIdRole: return QVariant::fromValue(r->id);
    case SlaStateRole: return int(slaOf(*r).state);
    case SlaTargetRole: return int(slaOf(*r).target);
    case SlaDueRole: return slaOf(*r).due;
    case SlaRemainingRole: return slaOf(*r).remainingMinutes;
    case SlaDueTextRole: {
        // The time matters within the week; further away the day is enough.
        // What is coming up this week needs its time; what is past, only its day.
        const QDateTime due = slaOf(*r).due;
        const bool soon = due.isValid() && due > m_context.now && m_context.now.secsTo(due) < 7 * 86'400;
        return compactDateTime(due, m_timeZone, m_context.now, soon);
    }
    case PriorityRole: return int(r->priority);
    case StatusRole: return int(r->sla.status);
    }
    return {};
}

QVariant TicketQueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Number: return tr("Number");
    case Subject: return tr("Subject");
    case Customer: return tr("Customer");
    case Status: return tr("Status");
    case PriorityColumn: return tr("Priority");
    case Assignee: return tr("Assignee");
    case Sla: return tr("SLA");
    case Updated: return tr("Updated");
    }
    return {};
}

void TicketQueueModel::sort(int column, Qt::SortOrder)
{
    if (column == PriorityColumn)
        setOrder(QueueOrder::ByPriority);
    else if (column == Updated)
        setOrder(QueueOrder::ByUpdated);
    else if (column == Sla)
        setOrder(QueueOrder::BySlaDue);
}

void TicketQueueModel::setContext(const QueueContext &context)
{
    m_context = context;
    reload();
}

void TicketQueueModel::setFilter(const TicketFilter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    reload();
}

void TicketQueueModel::setOrder(QueueOrder order)
{
    if (order == m_order)
        return;
    m_order = order;
    reload();
}

void TicketQueueModel::setPageSize(int rows)
{
    m_pageSize = std::max(1, rows);
    reload();
}

void TicketQueueModel::refresh()
{
    m_sla = std::make_unique<SlaEngine>(m_database.connection()); // policies may have changed
    loadAgents();
    reload();
}

void TicketQueueModel::setNow(const QDateTime &now)
{
    m_context.now = now;
    if (m_count > 0)
        emit dataChanged(index(0, Sla), index(m_count - 1, Sla));
}

void TicketQueueModel::setTimeZone(const QTimeZone &zone)
{
    m_timeZone = zone;
    if (m_count > 0)
        emit dataChanged(index(0, 0), index(m_count - 1, ColumnCount - 1));
}

QUuid TicketQueueModel::ticketId(int index) const
{
    const Row *r = index >= 0 && index < m_count ? row(index) : nullptr;
    return r ? r->id : QUuid();
}

void TicketQueueModel::loadAgents()
{
    m_agentNames.clear();
    if (const auto agents = DirectoryRepository(m_database.connection()).agents()) {
        for (const Agent &a : agents.value())
            m_agentNames.insert(a.id, a.name);
    }
}

void TicketQueueModel::reload()
{
    beginResetModel();
    m_pages.clear();
    m_recent.clear();
    m_anchors.clear();
    ++m_generation;
    *m_cancelScan = true; // a scan of what was shown before is of no use
    m_cancelScan = std::make_shared<std::atomic_bool>(false);
    m_lastError.clear();
    const auto count = countTickets(m_database.connection(), m_filter, m_context);
    m_count = count ? count.value() : 0;
    if (!count)
        m_lastError = count.error().message;
    endResetModel();
    if (!m_lastError.isEmpty())
        emit errorOccurred(m_lastError);
}

void TicketQueueModel::prepareAnchors()
{
    if (m_anchorStride <= 0 || m_count <= m_anchorThreshold || m_scannedGeneration == m_generation)
        return;
    m_scannedGeneration = m_generation;
    scanAnchors();
}

void TicketQueueModel::setAnchorLayout(int stride, int threshold)
{
    m_anchorStride = std::max(0, stride);
    m_anchorThreshold = threshold;
    reload();
}

void TicketQueueModel::scanAnchors()
{
    // Reading the sort keys of a big queue once, off the UI thread, turns a
    // jump anywhere into a skip of at most one stride.
    const Database *database = &m_database;
    const SqlCondition condition = queueCondition(m_filter, m_context);
    const OrderSpec spec = orderSpec(m_order);
    const int generation = m_generation;
    const int stride = m_anchorStride;
    const std::shared_ptr<std::atomic_bool> cancel = m_cancelScan;
    m_scans->read(
        database,
        [condition, spec, stride, cancel](QSqlDatabase db) {
            std::vector<QVariantList> anchors;
            // Only the sort keys, walked in order on the sort index (fixed
            // SQL fragments spliced, values bound).
            RawQuery q(db,
                       QStringLiteral("SELECT %1 FROM tickets t WHERE %2 ORDER BY %3")
                           .arg(spec.keys, condition.sql, spec.orderBy),
                       condition.values);
            for (qint64 row = 0; !*cancel && q.next(); ++row) {
                if (row % stride != 0)
                    continue;
                QVariantList key;
                for (int i = 0; i + 1 < spec.keyCount; ++i)
                    key << q.integer(i);
                key << q.blob(spec.keyCount - 1); // the ticket's id breaks ties
                anchors.push_back(std::move(key));
            }
            return anchors;
        },
        [this, generation](std::vector<QVariantList> anchors) {
            // A scan for a queue that has changed since is of no use.
            if (generation != m_generation)
                return;
            m_anchors = std::move(anchors);
            emit anchorsReady();
        });
}

TicketQueueModel::~TicketQueueModel()
{
    *m_cancelScan = true;
    m_scans->wait(); // before the members the answers would go to
}

} // namespace madoguchi
