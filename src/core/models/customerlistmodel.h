#pragma once

#include "repositories/customersearch.h"
#include "repositories/customersummary.h"

#include <QAbstractTableModel>
#include <QTimeZone>

namespace madoguchi {

class Database;

// The customer list: keyset-paged over SQLite so it opens instantly on
// hundreds of thousands of customers. Rows arrive a page at a time through
// canFetchMore()/fetchMore(); sorting happens in SQL on indexed keys; a search
// replaces the rows with the best matches.
class CustomerListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        Name,
        Reading,
        Organization,
        Phone,
        Email,
        LastContact,
        OpenTickets,
        ColumnCount
    };
    enum Role {
        CustomerIdRole = Qt::UserRole + 1, // QUuid
        MatchRole,                         // CustomerSearch::Match as int, search results only
        SortKeyRole,
    };
    enum class Order {
        ByReading,
        ByLastContact
    };

    // Times are shown in `timeZone`: the team's, not the machine's.
    CustomerListModel(const Database &database, QString phoneRegion, QTimeZone timeZone, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    Order order() const { return m_order; }
    Qt::SortOrder direction() const { return m_direction; }
    void setOrder(Order order, Qt::SortOrder direction);
    // Empty text: browse the whole list; otherwise the best matches.
    void setSearchText(const QString &text);
    QString searchText() const { return m_searchText; }
    // Reading order only: start the list at the first reading >= `prefix`
    // (a kana index: あ, か, さ …). Empty prefix: from the beginning.
    void jumpTo(const QString &readingPrefix);
    // Re-reads after data changed (a save, a sync).
    void refresh();
    // The zone the last contact is shown in (displayTimeZone).
    void setTimeZone(const QTimeZone &zone);

    CustomerSummary summary(int row) const { return m_rows.at(row); }
    int pageSize() const { return m_pageSize; }
    void setPageSize(int rows) { m_pageSize = rows; }
    QString lastError() const { return m_lastError; }

signals:
    void errorOccurred(const QString &message);

private:
    void reload();
    const QString &phoneDisplay(int row) const;
    Result<QList<CustomerSummary>> loadPage(const CustomerSummary *after) const;

    const Database &m_database;
    QString m_region;
    QTimeZone m_timeZone;
    mutable QList<CustomerSummary> m_rows; // mutable: display text cached on first use
    QList<int> m_matches;                  // parallel to m_rows in search mode
    Order m_order = Order::ByReading;
    Qt::SortOrder m_direction = Qt::AscendingOrder;
    QString m_searchText;
    QString m_anchor; // jumpTo prefix
    bool m_atEnd = false;
    bool m_changing = false; // inside begin…/end… of a reset or insertion
    int m_pageSize = 200;
    QString m_lastError;
};

} // namespace madoguchi
