#include "sync/conflicts.h"

#include "common/timeformat.h"
#include "domain/enums.h"
#include "domain/uuid.h"
#include "services/ticketservice.h"
#include "storage/changewriter.h"
#include "storage/sqlite.h"
#include "storage/syncentities.h"
#include "storage/transaction.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSqlQuery>
#include <QTimeZone>

namespace madoguchi {

namespace {

// The translation context "Conflicts" (sync conflicts and their handling).
struct ConflictsText
{
    Q_DECLARE_TR_FUNCTIONS(Conflicts)
};

QJsonValue parsed(const QString &json)
{
    const QJsonDocument doc = QJsonDocument::fromJson(QStringLiteral("[%1]").arg(json).toUtf8());
    return doc.isArray() && !doc.array().isEmpty() ? doc.array().first() : QJsonValue();
}

} // namespace

ConflictStore::ConflictStore(QSqlDatabase db, QUuid agent)
    : m_db(std::move(db))
    , m_agent(agent)
{}

Result<QList<SyncConflict>> ConflictStore::open() const
{
    QSqlQuery q(m_db);
    // This agent's own conflicts (teammates' arrive too, for their team's
    // records, but are theirs to handle). The record's name where this copy has it: a ticket's number and
    // subject, a customer's or organisation's name.
    if (!q.prepare(QStringLiteral(
            "SELECT c.id, c.entity, c.row_id, c.field, c.base, c.theirs, c.yours, c.resolution, "
            "       coalesce(json_extract(c.detail, '$.reason'), json_extract(c.detail, '$.code')), c.agent_role, c.created_at, "
            "       coalesce((SELECT t.number || ' ' || t.subject FROM tickets t WHERE c.entity = 'ticket' AND t.id = c.row_id), "
            "                (SELECT name FROM customers WHERE c.entity = 'customer' AND id = c.row_id), "
            "                (SELECT name FROM organizations WHERE c.entity = 'organization' AND id = c.row_id), '') "
            "FROM sync_conflicts c WHERE c.resolved_at IS NULL AND c.deleted_at IS NULL AND (? IS NULL OR c.created_by = ?) "
            "ORDER BY c.created_at DESC, c.id"))) {
        return sqlite::toError(q.lastError(), ConflictsText::tr("reading the conflicts"));
    }
    q.addBindValue(keyValue(m_agent));
    q.addBindValue(keyValue(m_agent));
    if (!q.exec())
        return sqlite::toError(q.lastError(), ConflictsText::tr("reading the conflicts"));
    QList<SyncConflict> out;
    while (q.next()) {
        SyncConflict c;
        c.id = uuidFromBlob(q.value(0).toByteArray());
        c.entity = q.value(1).toString();
        c.rowId = uuidFromBlob(q.value(2).toByteArray());
        c.field = q.value(3).toString();
        c.base = q.value(4).toString();
        c.theirs = q.value(5).toString();
        c.yours = q.value(6).toString();
        c.resolution = q.value(7).toString();
        c.reason = q.value(8).toString();
        c.author = q.value(9).toString();
        c.at = QDateTime::fromMSecsSinceEpoch(q.value(10).toLongLong(), QTimeZone::utc());
        c.record = q.value(11).toString();
        out << c;
    }
    return out;
}

Result<void> ConflictStore::markResolved(const QUuid &conflictId, const QString &resolution)
{
    return ChangeWriter(m_db, m_agent)
                   .update(QStringLiteral("sync_conflicts"), conflictId,
                           {{QStringLiteral("resolution"), resolution},
                            {QStringLiteral("resolved_at"), QDateTime::currentMSecsSinceEpoch()}})
                   .ok()
               ? Result<void>()
               : Result<void>(
                   makeError(Error::Code::Database, ConflictsText::tr("The conflict could not be marked as handled.")));
}

Result<void> ConflictStore::accept(const QUuid &conflictId)
{
    return inTransaction(m_db, [&] { return markResolved(conflictId, QStringLiteral("accepted")); });
}

Result<void> ConflictStore::reapply(const QUuid &conflictId)
{
    const auto all = open();
    if (!all)
        return all.error();
    const auto it = std::find_if(all->cbegin(), all->cend(), [&](const SyncConflict &c) { return c.id == conflictId; });
    if (it == all->cend())
        return makeError(Error::Code::NotFound, ConflictsText::tr("This conflict was handled already."));
    const SyncConflict c = *it;
    const SyncedEntity *entity = entityNamed(c.entity);
    bool present = false;
    if (entity) {
        QSqlQuery q(m_db);
        // The registry's table name.
        q.prepare(QStringLiteral("SELECT 1 FROM %1 WHERE id = ? AND deleted_at IS NULL").arg(entity->localTable));
        q.addBindValue(uuidToBlob(c.rowId));
        present = q.exec() && q.next();
    }
    if (!present) {
        return makeError(Error::Code::NotFound,
                         ConflictsText::tr("The record is not in this copy any more (it may have "
                                           "moved to another team), so your value cannot be applied "
                                           "again here."));
    }
    // The values to apply: one field, or every field of a refused change.
    QJsonObject values;
    if (c.field.isEmpty())
        values = parsed(c.yours).toObject();
    else
        values.insert(c.field, parsed(c.yours));
    return inTransaction(m_db, [&]() -> Result<void> {
        if (c.entity == u"ticket") {
            TicketService tickets(m_db, m_agent);
            if (values.contains(QStringLiteral("status"))) {
                const auto to = fromKey<TicketStatus>(values.take(QStringLiteral("status")).toString());
                if (!to)
                    return makeError(Error::Code::Invalid, ConflictsText::tr("The status is unknown."));
                if (auto r = tickets.changeStatus(c.rowId, *to); !r)
                    return r;
            }
        }
        Columns columns;
        for (auto v = values.begin(); v != values.end(); ++v) {
            QVariant value;
            if (v->isNull())
                value = sqlNull();
            else if (v.key().endsWith(QLatin1String("_id")))
                value = keyValue(QUuid::fromString(v->toString()));
            else if (v.key().endsWith(QLatin1String("_at")))
                value = QDateTime::fromString(v->toString(), Qt::ISODateWithMs).toMSecsSinceEpoch();
            else if (v->isArray() || v->isObject())
                value = QString::fromUtf8(QJsonDocument::fromVariant(v->toVariant()).toJson(QJsonDocument::Compact));
            else if (v->isBool())
                value = v->toBool() ? 1 : 0;
            else if (v->isDouble())
                value = qint64(v->toDouble());
            else
                value = v->toString();
            columns.append({v.key(), value});
        }
        if (!columns.isEmpty()) {
            if (auto r = ChangeWriter(m_db, m_agent).update(entity->localTable, c.rowId, columns); !r)
                return r.error();
        }
        return markResolved(c.id, QStringLiteral("reapplied"));
    });
}

QString ConflictStore::fieldName(const QString &entity, const QString &field)
{
    if (field.isEmpty())
        return ConflictsText::tr("The whole change");
    static const QHash<QString, const char *> names{
        {QStringLiteral("status"), QT_TRANSLATE_NOOP("Conflicts", "Status")},
         {QStringLiteral("priority"), QT_TRANSLATE_NOOP("Conflicts", "Priority")},
          {QStringLiteral("subject"), QT_TRANSLATE_NOOP("Conflicts", "Subject")},
           {QStringLiteral("description"), QT_TRANSLATE_NOOP("Conflicts", "Description")},
            {QStringLiteral("category"), QT_TRANSLATE_NOOP("Conflicts", "Category")},
             {QStringLiteral("assignee_id"), QT_TRANSLATE_NOOP("Conflicts", "Assignee")},
              {QStringLiteral("team_id"), QT_TRANSLATE_NOOP("Conflicts", "Team")},
               {QStringLiteral("tags"), QT_TRANSLATE_NOOP("Conflicts", "Tags")},
                {QStringLiteral("name"), QT_TRANSLATE_NOOP("Conflicts", "Name")},
                 {QStringLiteral("name_reading"), QT_TRANSLATE_NOOP("Conflicts", "Reading")},
                  {QStringLiteral("address"), QT_TRANSLATE_NOOP("Conflicts", "Address")},
                   {QStringLiteral("notes"), QT_TRANSLATE_NOOP("Conflicts", "Notes")},
                    {QStringLiteral("value"), QT_TRANSLATE_NOOP("Conflicts", "Phone or e-mail")},
                     {QStringLiteral("escalation_level"), QT_TRANSLATE_NOOP("Conflicts", "Escalation")},
                    };
    Q_UNUSED(entity);
    const char *name = names.value(field);
    return name ? ConflictsText::tr(name) : field;
}

namespace {

QString readable(const QString &field, const QJsonValue &v)
{
    if (v.isNull() || v.isUndefined())
        return ConflictsText::tr("(empty)");
    if (field == u"status") {
        if (const auto s = fromKey<TicketStatus>(v.toString()))
            return displayName(*s);
    }
    if (field == u"priority") {
        if (const auto p = fromKey<Priority>(v.toString()))
            return displayName(*p);
    }
    if (v.isArray()) {
        QStringList items;
        for (const QJsonValue &item : v.toArray())
            items << item.toVariant().toString();
        return items.join(QStringLiteral(", "));
    }
    if (v.isObject()) {
        // A refused change: the fields a person wrote, one per line.
        QStringList lines;
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (it.key().endsWith(QLatin1String("_at")) || it.key().endsWith(QLatin1String("_by")))
                continue;
            lines << ConflictStore::fieldName(QString(), it.key()) + QStringLiteral(": ")
                         + readable(it.key(), it.value());
        }
        return lines.join(u'\n');
    }
    if (v.isDouble())
        return QLocale().toString(v.toDouble());
    return v.toString();
}

} // namespace

QString ConflictStore::displayValue(const QString &field, const QString &json)
{
    return readable(field, parsed(json));
}

QString ConflictStore::reasonText(const QString &reason, const QString &entity)
{
    // The directory is the administrators' (a copy that worked locally
    // first brings its people only through an administrator's login).
    if (reason == u"42501" && (entity == u"agent" || entity == u"team"))
        return ConflictsText::tr(
            "Only an administrator's login can add people and teams to the team server, or change them.");
    if (reason == u"no_such_team")
        return ConflictsText::tr("Its team is not on the team server.");
    if (reason == u"no_such_agent")
        return ConflictsText::tr("Its assignee is not on the team server, or no longer active there.");
    if (reason == u"ticket_without_team")
        return ConflictsText::tr("A ticket needs a team or an assignee.");
    if (reason == u"invalid_handoff")
        return ConflictsText::tr("Your login cannot pass the ticket to that team or agent.");
    if (reason == u"not_an_agent")
        return ConflictsText::tr("Your login is not an active agent in the team server's directory.");
    if (reason == u"not_visible")
        return ConflictsText::tr("The record moved out of your reach (another team has it now).");
    if (reason == u"closed_is_final")
        return ConflictsText::tr("The ticket was closed meanwhile.");
    if (reason == u"no_return_to_new" || reason == u"close_after_solve" || reason == u"solved_reopen_or_close")
        return ConflictsText::tr("The ticket's status had moved on, and this change no longer follows the workflow.");
    if (reason == u"ticket_number_taken")
        return ConflictsText::tr(
            "Another copy of the app issues ticket numbers with this prefix; this copy cannot use it.");
    if (reason == u"ticket_not_visible")
        return ConflictsText::tr("It refers to a ticket you cannot see (another team's).");
    // SQLSTATEs of refusals that carry no reason of their own.
    if (reason == u"42501")
        return ConflictsText::tr("The server's rules do not let your login make this change.");
    if (reason == u"23503")
        return ConflictsText::tr("It refers to a record the server does not have (it may have been deleted).");
    if (reason == u"23505")
        return ConflictsText::tr("A record with the same key exists on the server already.");
    if (reason == u"23502" || reason == u"23514" || reason.startsWith(u"22"))
        return ConflictsText::tr("The server did not accept one of the values.");
    if (reason.isEmpty())
        return ConflictsText::tr("The server refused the change.");
    return ConflictsText::tr("The server refused the change (%1).").arg(reason);
}

ConflictListModel::ConflictListModel(QSqlDatabase db, QUuid agent, QTimeZone timeZone, QObject *parent)
    : QAbstractTableModel(parent)
    , m_db(std::move(db))
    , m_agent(agent)
    , m_timeZone(std::move(timeZone))
{
    refresh();
}

void ConflictListModel::refresh()
{
    beginResetModel();
    auto rows = ConflictStore(m_db, m_agent).open();
    m_lastError = rows ? QString() : rows.error().message;
    m_rows = rows ? rows.value() : QList<SyncConflict>();
    endResetModel();
}

int ConflictListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ConflictListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ConflictListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const SyncConflict &c = m_rows.at(index.row());
    if (role == ConflictIdRole)
        return c.id;
    if (role == Qt::ToolTipRole && index.column() == Outcome && c.resolution == u"rejected")
        return ConflictStore::reasonText(c.reason, c.entity);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case When: return compactDateTime(c.at, m_timeZone, QDateTime::currentDateTimeUtc(), true);
    case Record: return c.record.isEmpty() ? ConflictsText::tr("(not in this copy)") : c.record;
    case Field: return ConflictStore::fieldName(c.entity, c.field);
    case Theirs: return c.resolution == u"rejected" ? QString() : ConflictStore::displayValue(c.field, c.theirs);
    case Yours: return ConflictStore::displayValue(c.field, c.yours);
    case Outcome:
        if (c.resolution == u"kept_theirs")
            return ConflictsText::tr("The server's value was kept");
        if (c.resolution == u"replaced_theirs")
            return ConflictsText::tr("Yours replaced it");
        return ConflictsText::tr("Refused: %1").arg(ConflictStore::reasonText(c.reason, c.entity));
    }
    return {};
}

QVariant ConflictListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case When: return ConflictsText::tr("When");
    case Record: return ConflictsText::tr("Record");
    case Field: return ConflictsText::tr("Field");
    case Theirs: return ConflictsText::tr("On the server");
    case Yours: return ConflictsText::tr("Yours");
    case Outcome: return ConflictsText::tr("Outcome");
    }
    return {};
}

} // namespace madoguchi
