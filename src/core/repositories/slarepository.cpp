#include "repositories/slarepository.h"

#include "domain/uuid.h"
#include "storage/changewriter.h"
#include "storage/rowcodec.h"
#include "storage/sqlite.h"
#include "storage/transaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

namespace madoguchi {

namespace {

const QString kCalendarSelect
    = QStringLiteral("SELECT id, name, time_zone, hours, national_holidays, extra_holidays, %1 FROM calendars ")
          .arg(QLatin1String(rowcodec::kMetaColumns));

const QString kPolicySelect
    = QStringLiteral(
          "SELECT id, name, calendar_id, is_default, first_response_low, first_response_normal, first_response_high, "
          "first_response_urgent, resolution_low, resolution_normal, resolution_high, resolution_urgent, %1 FROM sla_policies ")
          .arg(QLatin1String(rowcodec::kMetaColumns));

const std::array<const char *, 4> kPriorityColumns{"low", "normal", "high", "urgent"};

QString hoursJson(const BusinessCalendar::Week &week)
{
    QJsonArray days;
    for (const auto &h : week) {
        if (h)
            days.append(
                QJsonArray{h->open.toString(QStringLiteral("HH:mm")), h->close.toString(QStringLiteral("HH:mm"))});
        else
            days.append(QJsonValue::Null);
    }
    return QString::fromUtf8(QJsonDocument(days).toJson(QJsonDocument::Compact));
}

BusinessCalendar::Week weekFromJson(const QString &json)
{
    BusinessCalendar::Week week;
    const QJsonArray days = QJsonDocument::fromJson(json.toUtf8()).array();
    for (qsizetype d = 0; d < std::min<qsizetype>(7, days.size()); ++d) {
        const QJsonArray pair = days.at(d).toArray();
        if (pair.size() != 2)
            continue;
        const QTime open = QTime::fromString(pair.at(0).toString(), QStringLiteral("HH:mm"));
        const QTime close = QTime::fromString(pair.at(1).toString(), QStringLiteral("HH:mm"));
        if (open.isValid() && close.isValid())
            week[std::size_t(d)] = BusinessCalendar::Hours{open, close};
    }
    return week;
}

QString datesJson(const QList<QDate> &dates)
{
    QJsonArray out;
    for (const QDate &d : dates)
        out.append(d.toString(Qt::ISODate));
    return QString::fromUtf8(QJsonDocument(out).toJson(QJsonDocument::Compact));
}

QList<QDate> datesFromJson(const QString &json)
{
    QList<QDate> out;
    for (const QJsonValue &v : QJsonDocument::fromJson(json.toUtf8()).array()) {
        const QDate d = QDate::fromString(v.toString(), Qt::ISODate);
        if (d.isValid())
            out.append(d);
    }
    return out;
}

// The rows migration 7 ships keep their English names in the database (every
// client and the server start from the same rows); they are shown in the
// user's language until someone renames them.
const QUuid kShippedCalendar = QUuid::fromRfc4122(QByteArray::fromHex("019000000000700080000000000CA1E0"));
const QUuid kShippedPolicy = QUuid::fromRfc4122(QByteArray::fromHex("019000000000700080000000000005AA"));

QString shownName(const QUuid &id, const QString &name)
{
    if (id == kShippedCalendar && name == u"Japan business hours")
        return SlaText::tr("Japan business hours");
    if (id == kShippedPolicy && name == u"Standard")
        return SlaText::tr("Standard");
    return name;
}

Calendar readCalendar(const QSqlQuery &q)
{
    Calendar c;
    c.id = rowcodec::key(q.value(0));
    c.name = shownName(c.id, q.value(1).toString());
    c.timeZone = q.value(2).toString();
    c.week = weekFromJson(q.value(3).toString());
    c.japaneseHolidays = q.value(4).toString() == QLatin1String("jp");
    c.extraHolidays = datesFromJson(q.value(5).toString());
    c.meta = rowcodec::meta(q);
    return c;
}

SlaPolicy readPolicy(const QSqlQuery &q)
{
    SlaPolicy p;
    p.id = rowcodec::key(q.value(0));
    p.name = shownName(p.id, q.value(1).toString());
    p.calendarId = rowcodec::key(q.value(2));
    p.isDefault = q.value(3).toBool();
    for (std::size_t i = 0; i < 4; ++i) {
        p.firstResponse[i] = rowcodec::optionalInt(q.value(int(4 + i)));
        p.resolution[i] = rowcodec::optionalInt(q.value(int(8 + i)));
    }
    p.meta = rowcodec::meta(q);
    return p;
}

template<typename T, typename Reader>
Result<QList<T>> readAll(QSqlDatabase db, const QString &sql, const QVariant &bound, Reader reader, const QString &what)
{
    QSqlQuery q(db);
    q.prepare(sql);
    if (bound.isValid())
        q.addBindValue(bound);
    if (!q.exec())
        return sqlite::toError(q.lastError(), what);
    QList<T> out;
    while (q.next())
        out.append(reader(q));
    return out;
}

// The first row, or NotFound with `missing`.
template<typename T, typename Reader>
Result<T> readFirst(QSqlDatabase db, const QString &sql, const QVariant &bound, Reader reader, const QString &what,
                    const QString &missing)
{
    auto all = readAll<T>(std::move(db), sql, bound, reader, what);
    if (!all)
        return all.error();
    if (all->isEmpty())
        return makeError(Error::Code::NotFound, missing);
    return all->first();
}

} // namespace

SlaRepository::SlaRepository(QSqlDatabase db, QUuid actor)
    : m_db(std::move(db))
    , m_actor(actor)
{}

Result<QList<Calendar>> SlaRepository::calendars() const
{
    return readAll<Calendar>(m_db, kCalendarSelect + QStringLiteral("WHERE deleted_at IS NULL ORDER BY name"), {},
                             readCalendar, tr("reading the calendars"));
}

Result<Calendar> SlaRepository::calendar(const QUuid &id) const
{
    return readFirst<Calendar>(m_db, kCalendarSelect + QStringLiteral("WHERE id = ?"), keyValue(id), readCalendar,
                               tr("reading the calendars"), tr("The calendar does not exist."));
}

Result<QUuid> SlaRepository::saveCalendar(Calendar c)
{
    if (const auto errors = validate(c); !errors.isEmpty())
        return makeError(Error::Code::Invalid, joinMessages(errors));
    const Columns columns{
        {QStringLiteral("name"), c.name.trimmed()},
        {QStringLiteral("time_zone"), c.timeZone},
        {QStringLiteral("hours"), hoursJson(c.week)},
        {QStringLiteral("national_holidays"), c.japaneseHolidays ? QStringLiteral("jp") : QStringLiteral("none")},
        {QStringLiteral("extra_holidays"), datesJson(c.extraHolidays)},
    };
    const bool isNew = c.id.isNull();
    if (isNew)
        c.id = newUuidV7();
    const auto written = inTransaction(m_db, [&]() -> Result<void> {
        ChangeWriter writer(m_db, m_actor);
        if (isNew)
            return writer.insert(QStringLiteral("calendars"), c.id, columns);
        const auto changed = writer.update(QStringLiteral("calendars"), c.id, columns);
        if (!changed)
            return changed.error();
        return {};
    });
    if (!written)
        return written.error();
    return c.id;
}

Result<QList<SlaPolicy>> SlaRepository::policies() const
{
    return readAll<SlaPolicy>(m_db,
                              kPolicySelect + QStringLiteral("WHERE deleted_at IS NULL ORDER BY is_default DESC, name"),
                              {}, readPolicy, tr("reading the SLA policies"));
}

Result<SlaPolicy> SlaRepository::policy(const QUuid &id) const
{
    return readFirst<SlaPolicy>(m_db, kPolicySelect + QStringLiteral("WHERE id = ?"), keyValue(id), readPolicy,
                                tr("reading the SLA policies"), tr("The SLA policy does not exist."));
}

Result<SlaPolicy> SlaRepository::defaultPolicy() const
{
    return readFirst<SlaPolicy>(m_db,
                                kPolicySelect
                                    + QStringLiteral(
                                        "WHERE deleted_at IS NULL ORDER BY is_default DESC, created_at LIMIT 1"),
                                {}, readPolicy, tr("reading the SLA policies"), tr("There is no SLA policy."));
}

Result<QUuid> SlaRepository::savePolicy(SlaPolicy p)
{
    if (const auto errors = validate(p); !errors.isEmpty())
        return makeError(Error::Code::Invalid, joinMessages(errors));
    Columns columns{
        {QStringLiteral("name"), p.name.trimmed()},
        {QStringLiteral("calendar_id"), keyValue(p.calendarId)},
        {QStringLiteral("is_default"), p.isDefault ? 1 : 0},
    };
    for (std::size_t i = 0; i < 4; ++i) {
        columns.append({QStringLiteral("first_response_%1").arg(QLatin1String(kPriorityColumns[i])),
                        rowcodec::optionalInt(p.firstResponse[i])});
        columns.append({QStringLiteral("resolution_%1").arg(QLatin1String(kPriorityColumns[i])),
                        rowcodec::optionalInt(p.resolution[i])});
    }
    const bool isNew = p.id.isNull();
    if (isNew)
        p.id = newUuidV7();
    const auto written = inTransaction(m_db, [&]() -> Result<void> {
        ChangeWriter writer(m_db, m_actor);
        if (p.isDefault) {
            const auto all = policies();
            if (!all)
                return all.error();
            for (const SlaPolicy &other : all.value()) {
                if (other.isDefault && other.id != p.id) {
                    if (auto r = writer.update(QStringLiteral("sla_policies"), other.id,
                                               {{QStringLiteral("is_default"), 0}});
                        !r)
                        return r.error();
                }
            }
        }
        if (isNew)
            return writer.insert(QStringLiteral("sla_policies"), p.id, columns);
        if (auto r = writer.update(QStringLiteral("sla_policies"), p.id, columns); !r)
            return r.error();
        return {};
    });
    if (!written)
        return written.error();
    return p.id;
}

} // namespace madoguchi
