#pragma once

#include <QHash>
#include <QList>
#include <QMetaType>
#include <QMutex>
#include <QObject>
#include <QSet>
#include <QSqlDatabase>
#include <QUuid>

namespace madoguchi {

// What one committed transaction changed: for each local table written, the
// rows, or the table as a whole (a reload, a bulk change, or more rows than
// are worth listing).
class ChangeSet
{
public:
    enum class Origin {
        Local, // this copy's own work: goes to the team server
        Sync,  // written by the sync (rows received, the server's answer)
    };

    Origin origin() const { return m_origin; }
    void setOrigin(Origin origin) { m_origin = origin; }

    bool isEmpty() const { return m_tables.isEmpty(); }
    QList<QString> tables() const { return m_tables.keys(); }
    // Any row of `table`.
    bool touches(const QString &table) const { return m_tables.contains(table); }
    // Any row of any of `tables`.
    bool touchesAny(std::initializer_list<QString> tables) const;
    // The row `id` of `table` (or the table as a whole).
    bool touchesRow(const QString &table, const QUuid &id) const;
    // The whole table changed: no list of rows.
    bool touchesWholeTable(const QString &table) const;
    QList<QUuid> rows(const QString &table) const;

    void add(const QString &table, const QUuid &id);
    void addTable(const QString &table);
    void unite(const ChangeSet &other);

    // Beyond this many rows of one table, the set names the table only.
    static constexpr qsizetype kRowLimit = 1000;

private:
    struct Rows
    {
        QSet<QUuid> ids;
        bool whole = false;
    };
    QHash<QString, Rows> m_tables;
    Origin m_origin = Origin::Local;
};

// The change notification hub of one database file (like Akonadi's
// Monitor): the outermost commit of a Transaction on any connection to the
// file announces what it wrote, once, after the data is durable. Models,
// pages, the status bar and the sync service subscribe instead of being told
// by whoever made the change, so changes arriving by sync announce
// themselves the same way. `changed` is emitted in the hub's thread from
// its event loop, after the code that committed has returned to it: the
// commits made meanwhile, on any connection (the sync's thread too), come
// as one set.
//
// Writers record what they change with note() inside the transaction
// (ChangeWriter does it for every synced row); a transaction rolled back,
// or a savepoint rolled back to, takes its notes with it.
class ChangeHub : public QObject
{
    Q_OBJECT
public:
    explicit ChangeHub(const QString &databasePath, QObject *parent = nullptr);
    ~ChangeHub() override;

    QString databasePath() const { return m_key; }

    // Inside a transaction on `db`: the row `id` of `table` was written.
    static void note(const QSqlDatabase &db, const QString &table, const QUuid &id);
    // ... any number of rows of `table`.
    static void noteTable(const QSqlDatabase &db, const QString &table);
    // The transaction is the sync's: its changes are not sent back.
    static void noteFromSync(const QSqlDatabase &db);

    // Transaction's hooks. A mark is where a savepoint began.
    static void began(const QSqlDatabase &db);
    static qsizetype mark(const QSqlDatabase &db);
    static void rolledBackTo(const QSqlDatabase &db, qsizetype mark);
    static void committed(const QSqlDatabase &db);
    static void discarded(const QSqlDatabase &db);

signals:
    void changed(const madoguchi::ChangeSet &changes);

private:
    static void publish(const QString &databasePath, const ChangeSet &changes);
    void flush();

    QString m_key;
    QMutex m_mutex; // the pending set, filled from any thread
    ChangeSet m_pending;
    bool m_flushScheduled = false;
};

} // namespace madoguchi

Q_DECLARE_METATYPE(madoguchi::ChangeSet)
