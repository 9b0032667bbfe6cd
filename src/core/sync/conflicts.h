#pragma once

#include "common/result.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QSqlDatabase>
#include <QTimeZone>
#include <QUuid>

namespace madoguchi {

// A value of this agent's (or the team's) that a sync did not keep: the
// field, what it was based on, the server's value it met, and the value
// the author wanted (DESIGN §5: conflicts are data).
struct SyncConflict
{
    QUuid id;
    QString entity; // ticket, customer, ...
    QUuid rowId;
    QString record;     // "K7QM2X-12 Printer offline", a customer's name; empty when not in this copy
    QString field;      // empty: a whole change was refused
    QString base;       // JSON
    QString theirs;     // JSON
    QString yours;      // JSON
    QString resolution; // kept_theirs, replaced_theirs, rejected; accepted, reapplied once handled
    QString reason;     // for refusals: the server's reason code
    QString author;     // the login whose value lost
    QDateTime at;
    bool resolved = false;
};

// Reads and resolves conflicts. Resolving is a change like any other (it
// syncs, so the author's other computers and teammates see it handled).
class ConflictStore
{
public:
    ConflictStore(QSqlDatabase db, QUuid agent);

    // The open conflicts of this store's agent (all of them for a null agent).
    Result<QList<SyncConflict>> open() const;
    // The server's value stands.
    Result<void> accept(const QUuid &conflictId);
    // The author's value again, as a new change on top of the current one
    // (through the ticket workflow for a ticket's status).
    Result<void> reapply(const QUuid &conflictId);

    // "Status", "Subject"... and a value as a person reads it.
    static QString fieldName(const QString &entity, const QString &field);
    static QString displayValue(const QString &field, const QString &json);
    // Why the server refused a change of `entity` ("ticket", "agent"...).
    static QString reasonText(const QString &reason, const QString &entity = {});

private:
    Result<void> markResolved(const QUuid &conflictId, const QString &resolution);

    QSqlDatabase m_db;
    QUuid m_agent;
};

// The conflicts view: one row per open conflict, newest first.
class ConflictListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        When,
        Record,
        Field,
        Theirs,
        Yours,
        Outcome,
        ColumnCount
    };
    enum Role {
        ConflictIdRole = Qt::UserRole + 1
    };

    // `agent`'s conflicts (all of them for a null agent), their times shown in `timeZone`.
    ConflictListModel(QSqlDatabase db, QUuid agent, QTimeZone timeZone, QObject *parent = nullptr);
    void refresh();
    const SyncConflict &conflict(int row) const { return m_rows.at(row); }
    QString lastError() const { return m_lastError; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QSqlDatabase m_db;
    QUuid m_agent;
    QTimeZone m_timeZone;
    QList<SyncConflict> m_rows;
    QString m_lastError;
};

} // namespace madoguchi
