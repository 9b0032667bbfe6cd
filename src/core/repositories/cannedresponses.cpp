#include "repositories/cannedresponses.h"

#include "domain/uuid.h"
#include "storage/changewriter.h"
#include "storage/rowcodec.h"
#include "storage/sqlite.h"
#include "storage/transaction.h"

#include <QSqlQuery>

namespace madoguchi {

QString CannedResponse::expand(const QString &customer, const QString &agent, const QString &ticketNumber) const
{
    QString text = body;
    text.replace(QLatin1String("{customer}"), customer);
    text.replace(QLatin1String("{agent}"), agent);
    text.replace(QLatin1String("{ticket}"), ticketNumber);
    return text;
}

FieldErrors validate(const CannedResponse &r)
{
    FieldErrors errors;
    if (r.name.trimmed().isEmpty())
        errors.append({QStringLiteral("name"), ValidationText::tr("A name is required.")});
    else if (r.name.size() > 200)
        errors.append(
            {QStringLiteral("name"), ValidationText::tr("The name is longer than %n characters.", nullptr, 200)});
    if (r.body.size() > 20'000)
        errors.append(
            {QStringLiteral("body"), ValidationText::tr("The text is longer than %n characters.", nullptr, 20'000)});
    if (r.setStatus == TicketStatus::New || r.setStatus == TicketStatus::Closed)
        errors.append({QStringLiteral("set_status"),
                       CannedResponses::tr("A canned response can set Open, Pending, On hold or Solved.")});
    if (r.body.trimmed().isEmpty() && !r.setStatus && !r.setPriority && r.addTags.isEmpty())
        errors.append(
            {QStringLiteral("body"), CannedResponses::tr("A canned response needs text or a change to make.")});
    return errors;
}

CannedResponses::CannedResponses(QSqlDatabase db, QUuid actor)
    : m_db(std::move(db))
    , m_actor(actor)
{}

Result<QList<CannedResponse>> CannedResponses::read(const QString &where, const QVariantList &values) const
{
    QSqlQuery q(m_db);
    q.prepare(
        QStringLiteral("SELECT id, team_id, name, body, set_status, set_priority, add_tags, %1 FROM canned_responses "
                       "WHERE deleted_at IS NULL %2 ORDER BY name, id")
            .arg(QLatin1String(rowcodec::kMetaColumns), where));
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec())
        return sqlite::toError(q.lastError(), tr("reading the canned responses"));
    QList<CannedResponse> out;
    while (q.next()) {
        CannedResponse r;
        r.id = rowcodec::key(q.value(0));
        r.teamId = rowcodec::key(q.value(1));
        r.name = q.value(2).toString();
        r.body = q.value(3).toString();
        r.setStatus = fromKey<TicketStatus>(q.value(4).toString());
        r.setPriority = fromKey<Priority>(q.value(5).toString());
        r.addTags = rowcodec::tags(q.value(6));
        r.meta = rowcodec::meta(q);
        out.append(std::move(r));
    }
    return out;
}

Result<QList<CannedResponse>> CannedResponses::forTeam(const QUuid &team) const
{
    if (team.isNull())
        return read(QStringLiteral("AND team_id IS NULL"), {});
    return read(QStringLiteral("AND (team_id IS NULL OR team_id = ?)"), {keyValue(team)});
}

Result<QList<CannedResponse>> CannedResponses::all() const
{
    return read(QString(), {});
}

Result<QUuid> CannedResponses::save(CannedResponse r)
{
    if (const auto errors = validate(r); !errors.isEmpty())
        return makeError(Error::Code::Invalid, joinMessages(errors));
    const Columns columns{
        {QStringLiteral("team_id"), keyValue(r.teamId)},
        {QStringLiteral("name"), r.name.trimmed()},
        {QStringLiteral("body"), r.body},
        {QStringLiteral("set_status"), r.setStatus ? QVariant(toKey(*r.setStatus)) : sqlNull()},
        {QStringLiteral("set_priority"), r.setPriority ? QVariant(toKey(*r.setPriority)) : sqlNull()},
        {QStringLiteral("add_tags"), rowcodec::tagsJson(r.addTags)},
    };
    const bool isNew = r.id.isNull();
    if (isNew)
        r.id = newUuidV7();
    const auto written = inTransaction(m_db, [&]() -> Result<void> {
        ChangeWriter writer(m_db, m_actor);
        if (isNew)
            return writer.insert(QStringLiteral("canned_responses"), r.id, columns);
        const auto changed = writer.update(QStringLiteral("canned_responses"), r.id, columns);
        if (!changed)
            return changed.error();
        return {};
    });
    if (!written)
        return written.error();
    return r.id;
}

Result<void> CannedResponses::remove(const QUuid &id)
{
    return inTransaction(m_db, [&] {
        return ChangeWriter(m_db, m_actor).softDelete(QStringLiteral("canned_responses"), id);
    });
}

} // namespace madoguchi
