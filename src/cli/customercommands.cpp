// madoguchi-cli customer add|show and log-interaction: the same core code the
// GUI uses (validation, outbox), so a change made here is a real change.
#include "clicommands.h"
#include "clisupport.h"

#include "common/timeformat.h"
#include "config/appsettings.h"
#include "config/displaytimezone.h"
#include "domain/uuid.h"
#include "repositories/customerrepository.h"
#include "repositories/customersearch.h"
#include "repositories/directoryrepository.h"
#include "repositories/interactionrepository.h"
#include "services/customerprofiles.h"
#include "services/interactionlog.h"
#include "storage/clientstate.h"
#include "storage/database.h"
#include "storage/rowcodec.h"

#include <QJsonArray>
#include <QTimeZone>

namespace madoguchi::cli {

namespace {

QJsonObject customerJson(const Customer &c, const QString &organization, const QList<Interaction> &recent,
                         const QString &region)
{
    QJsonArray phones;
    QJsonArray emails;
    for (const ContactPoint &p : c.contacts) {
        if (p.kind == ContactKind::Phone)
            phones.append(QJsonObject{{QStringLiteral("e164"), p.value},
                                      {QStringLiteral("display"), p.phone().displayFormat(region)},
                                      {QStringLiteral("label"), p.label},
                                      {QStringLiteral("primary"), p.primary}});
        else
            emails.append(QJsonObject{{QStringLiteral("address"), p.value},
                                      {QStringLiteral("label"), p.label},
                                      {QStringLiteral("primary"), p.primary}});
    }
    QJsonArray history;
    for (const Interaction &i : recent) {
        history.append(QJsonObject{{QStringLiteral("id"), uuidToText(i.id)},
                                   {QStringLiteral("started_at"), isoTime(i.startedAt)},
                                   {QStringLiteral("channel"), toKey(i.channel)},
                                   {QStringLiteral("direction"), toKey(i.direction)},
                                   {QStringLiteral("duration_s"), i.durationSeconds},
                                   {QStringLiteral("outcome"), i.outcome ? toKey(*i.outcome) : QString()},
                                   {QStringLiteral("notes"), i.notes}});
    }
    return QJsonObject{
        {QStringLiteral("id"), uuidToText(c.id)},
        {QStringLiteral("name"), c.name},
        {QStringLiteral("reading"), c.nameReading},
        {QStringLiteral("organization"), organization},
        {QStringLiteral("tier"), toKey(c.tier)},
        {QStringLiteral("tags"), QJsonArray::fromStringList(c.tags)},
        {QStringLiteral("address"), c.address},
        {QStringLiteral("notes"), c.notes},
        {QStringLiteral("phones"), phones},
        {QStringLiteral("emails"), emails},
        {QStringLiteral("created_at"), isoTime(c.meta.createdAt)},
        {QStringLiteral("updated_at"), isoTime(c.meta.updatedAt)},
        {QStringLiteral("recent_interactions"), history},
    };
}

// --phone with --name, --kana or --email: an unknown caller, read exactly as
// the log-call dialog reads one (so both refuse the same input), and refused
// when the number is already a customer's.
Result<Customer> newCallerFromOptions(const QSqlDatabase &db, const InteractionLog::NewCaller &typed,
                                      const QString &region)
{
    const auto caller = InteractionLog::parseNewCaller(typed, region);
    if (!caller)
        return caller;
    if (caller->phones().isEmpty())
        return makeError(Error::Code::Usage, CliText::tr("log-interaction needs either --phone or --customer."));
    const PhoneNumber number = caller->phones().constFirst();
    const auto matches = CustomerRepository(db).findByPhone(number);
    if (!matches)
        return matches.error();
    if (!matches->isEmpty())
        return makeError(Error::Code::Invalid,
                         CliText::tr("%1 is already the number of %2; leave out --name, --kana and --email to log the "
                                     "call for them.")
                             .arg(number.nationalFormat(), matches->constFirst().name));
    return caller;
}

// clang-format off
constexpr OptionSpec kCustomerAddOptions[] = {
    {"name", QT_TRANSLATE_NOOP("Cli", "name"), QT_TRANSLATE_NOOP("Cli", "The customer's name."), OptionSpec::Required},
    {"kana", QT_TRANSLATE_NOOP("Cli", "reading"), QT_TRANSLATE_NOOP("Cli", "The reading of the name in kana.")},
    {"phone", QT_TRANSLATE_NOOP("Cli", "number"), QT_TRANSLATE_NOOP("Cli", "A phone number (repeat for more)."),
        OptionSpec::Repeatable},
    {"email", QT_TRANSLATE_NOOP("Cli", "address"), QT_TRANSLATE_NOOP("Cli", "An e-mail address (repeat for more)."),
        OptionSpec::Repeatable},
    {"org", QT_TRANSLATE_NOOP("Cli", "name"),
        QT_TRANSLATE_NOOP("Cli", "The company; created when it does not exist yet.")},
};
// clang-format on

Result<void> customerAdd(const Invocation &in)
{
    if (!in.isSet("name"))
        return usageError(CliText::tr("customer add needs --name."));

    const QString region = AppSettings::phoneRegion();
    Customer c;
    c.name = in.value("name");
    c.nameReading = in.value("kana");
    for (const QString &p : in.values("phone")) {
        const auto parsed = PhoneNumber::parse(p, region);
        if (!parsed)
            return makeError(Error::Code::Invalid, CliText::tr("%1: %2").arg(p, parsed.error().message));
        c.contacts.append({QUuid(), ContactKind::Phone, parsed->e164(), QString(), c.phones().isEmpty()});
    }
    for (const QString &e : in.values("email")) {
        const auto parsed = EmailAddress::parse(e);
        if (!parsed)
            return makeError(Error::Code::Invalid, CliText::tr("%1: %2").arg(e, parsed.error().message));
        c.contacts.append({QUuid(), ContactKind::Email, parsed->address(), QString(), c.emails().isEmpty()});
    }
    const auto database = openExisting(in);
    if (!database)
        return database.error();
    const QSqlDatabase db = database.value()->connection();
    const QUuid agent = ClientState(db).currentAgent();
    const auto id = CustomerProfiles(db, agent).create(c, in.value("org"));
    if (!id)
        return id.error();
    if (in.json())
        printJson(QJsonObject{{QStringLiteral("id"), uuidToText(id.value())}});
    else
        out() << uuidToText(id.value()) << Qt::endl;
    return {};
}

// The one customer with `key` (an id, an e-mail address or a phone number).
Result<Customer> findCustomer(const CustomerRepository &customers, const QString &key, const QString &region)
{
    QList<Customer> found;
    const QUuid asId = QUuid::fromString(key);
    if (!asId.isNull()) {
        const auto c = customers.get(asId);
        if (!c)
            return c.error();
        found << c.value();
    } else if (key.contains(u'@')) {
        const auto email = EmailAddress::parse(key);
        if (!email)
            return usageError(email.error().message);
        const auto r = customers.findByEmail(email.value());
        if (!r)
            return r.error();
        found = r.value();
    } else {
        const auto phone = PhoneNumber::parse(key, region);
        if (!phone)
            return usageError(CliText::tr("%1 is neither a customer id, a phone number nor an e-mail address: %2")
                                  .arg(key, phone.error().message));
        const auto r = customers.findByPhone(phone.value());
        if (!r)
            return r.error();
        found = r.value();
    }
    if (found.isEmpty())
        return makeError(Error::Code::NotFound, CliText::tr("No customer has %1.").arg(key));
    if (found.size() > 1) {
        QStringList ids;
        for (const Customer &c : std::as_const(found))
            ids << uuidToText(c.id) + u' ' + c.name;
        return makeError(Error::Code::Invalid, CliText::tr("%1 customers share %2; show one by id: %3")
                                                   .arg(found.size())
                                                   .arg(key, ids.join(QStringLiteral(", "))));
    }
    return found.constFirst();
}

void printCustomer(const Customer &c, const QString &organization, const QList<Interaction> &recent,
                   const QString &region, const QTimeZone &zone)
{
    out() << c.name;
    if (!c.nameReading.isEmpty())
        out() << " (" << c.nameReading << ")";
    out() << "\n";
    if (!organization.isEmpty())
        out() << "  " << organization << "\n";
    for (const PhoneNumber &p : c.phones())
        out() << "  " << p.displayFormat(region) << "\n";
    for (const EmailAddress &e : c.emails())
        out() << "  " << e.address() << "\n";
    out() << "  " << CliText::tr("id %1").arg(uuidToText(c.id)) << "\n";
    for (const Interaction &i : recent)
        out() << "  " << fullDateTime(i.startedAt, zone) << "  " << displayName(i.channel) << "  "
              << (i.outcome ? displayName(*i.outcome) : QString()) << "  " << i.notes.left(60) << "\n";
    out() << Qt::flush;
}

// clang-format off
constexpr PositionalSpec kCustomerKey[] = {
    {"customer", QT_TRANSLATE_NOOP("Cli", "The customer's id, phone number or e-mail address.")},
};
// clang-format on

Result<void> customerShow(const Invocation &in)
{
    if (in.arguments().size() != 1)
        return usageError(CliText::tr("customer show needs the customer's id, phone number or e-mail address."));
    const QString key = in.arguments().constFirst();
    const auto database = openExisting(in);
    if (!database)
        return database.error();
    const QSqlDatabase db = database.value()->connection();
    const QString region = AppSettings::phoneRegion();
    const auto found = findCustomer(CustomerRepository(db), key, region);
    if (!found)
        return found.error();
    const Customer &c = found.value();
    QString organization;
    if (!c.organizationId.isNull()) {
        if (const auto o = DirectoryRepository(db).organization(c.organizationId))
            organization = o->name;
    }
    const auto recent = InteractionRepository(db).forCustomer(c.id, 10);
    if (!recent)
        return recent.error();
    if (in.json())
        printJson(customerJson(c, organization, recent.value(), region));
    else
        printCustomer(c, organization, recent.value(), region, displayTimeZone(*database.value()));
    return {};
}

// clang-format off
constexpr OptionSpec kLogInteractionOptions[] = {
    {"phone", QT_TRANSLATE_NOOP("Cli", "number"), QT_TRANSLATE_NOOP("Cli", "The customer's phone number, in any form."),
        OptionSpec::OneOf},
    {"customer", QT_TRANSLATE_NOOP("Cli", "id"), QT_TRANSLATE_NOOP("Cli", "The customer's id."), OptionSpec::OneOf},
    {"channel", QT_TRANSLATE_NOOP("Cli", "channel"),
        QT_TRANSLATE_NOOP("Cli", "phone, email, chat, social, visit or web."), OptionSpec::Required},
    {"direction", QT_TRANSLATE_NOOP("Cli", "direction"), QT_TRANSLATE_NOOP("Cli", "inbound or outbound."),
        OptionSpec::Required},
    {"started", QT_TRANSLATE_NOOP("Cli", "time"),
        QT_TRANSLATE_NOOP("Cli", "When it started, ISO 8601; without an offset, in the team's time zone (default: now).")},
    {"duration", QT_TRANSLATE_NOOP("Cli", "seconds"), QT_TRANSLATE_NOOP("Cli", "Length in seconds.")},
    {"outcome", QT_TRANSLATE_NOOP("Cli", "outcome"),
        QT_TRANSLATE_NOOP("Cli", "resolved, follow_up, escalated, no_answer, voicemail or callback_scheduled.")},
    {"callback", QT_TRANSLATE_NOOP("Cli", "time"),
        QT_TRANSLATE_NOOP("Cli", "When to call back, ISO 8601 as --started (with callback_scheduled).")},
    {"notes", QT_TRANSLATE_NOOP("Cli", "text"), QT_TRANSLATE_NOOP("Cli", "What was said or done.")},
    {"ticket", QT_TRANSLATE_NOOP("Cli", "number"), QT_TRANSLATE_NOOP("Cli", "The ticket it belongs to.")},
    // An unknown caller, added with the call as the log-call dialog does.
    {"name", QT_TRANSLATE_NOOP("Cli", "name"),
        QT_TRANSLATE_NOOP("Cli", "An unknown caller's name: they are added with the call (with --phone).")},
    {"kana", QT_TRANSLATE_NOOP("Cli", "reading"), QT_TRANSLATE_NOOP("Cli", "The reading of the name in kana.")},
    {"email", QT_TRANSLATE_NOOP("Cli", "address"), QT_TRANSLATE_NOOP("Cli", "The unknown caller's e-mail address.")},
};
// clang-format on

Result<QDateTime> readTime(const Invocation &in, const char *option)
{
    const QDateTime value = QDateTime::fromString(in.value(option), Qt::ISODate);
    if (!value.isValid())
        return usageError(CliText::tr("--%1 expects a time like 2026-04-01T10:30:00+09:00, not \"%2\".")
                              .arg(QLatin1String(option), in.value(option)));
    return value;
}

// What log-interaction records, from its options; the customer is found later.
Result<InteractionLog::Entry> readInteraction(const Invocation &in)
{
    if (in.isSet("phone") == in.isSet("customer"))
        return usageError(CliText::tr("log-interaction needs either --phone or --customer."));
    if ((in.isSet("name") || in.isSet("kana") || in.isSet("email")) && !in.isSet("phone"))
        return usageError(CliText::tr("--name, --kana and --email add an unknown caller: use them with --phone."));
    if (!in.isSet("channel") || !in.isSet("direction"))
        return usageError(CliText::tr("log-interaction needs --channel and --direction."));
    InteractionLog::Entry entry;
    Interaction &i = entry.interaction;
    if (auto r = readEnum(in, "channel", i.channel); !r)
        return r.error();
    if (auto r = readEnum(in, "direction", i.direction); !r)
        return r.error();
    Outcome outcomeValue = Outcome::Resolved;
    if (in.isSet("outcome")) {
        if (auto r = readEnum(in, "outcome", outcomeValue); !r)
            return r.error();
        i.outcome = outcomeValue;
    }
    i.startedAt = QDateTime::currentDateTimeUtc();
    if (in.isSet("started")) {
        const auto started = readTime(in, "started");
        if (!started)
            return started.error();
        i.startedAt = started.value();
    }
    if (in.isSet("callback")) {
        const auto at = readTime(in, "callback");
        if (!at)
            return at.error();
        i.callbackAt = at.value();
    }
    qint64 seconds = 0;
    if (auto r = readCount(in, "duration", seconds); !r)
        return r.error();
    i.durationSeconds = int(std::min<qint64>(seconds, INT_MAX));
    i.notes = in.value("notes");
    entry.ticketNumber = in.value("ticket");
    return entry;
}

// Who the call was with: --customer, a known --phone, or an unknown caller
// (--phone with --name, --kana or --email), added with the call.
Result<void> readCaller(const Invocation &in, const QSqlDatabase &db, InteractionLog::Entry &entry)
{
    const QString region = AppSettings::phoneRegion();
    if (in.isSet("customer")) {
        entry.interaction.customerId = QUuid::fromString(in.value("customer"));
        if (entry.interaction.customerId.isNull())
            return usageError(CliText::tr("--customer expects a customer id."));
        return {};
    }
    if (in.isSet("name") || in.isSet("kana") || in.isSet("email")) {
        const auto caller = newCallerFromOptions(db,
                                                 {in.value("name"), in.value("kana"), in.value("phone"),
                                                  in.value("email")},
                                                 region);
        if (!caller)
            return caller.error();
        entry.newCustomer = caller.value();
        return {};
    }
    const auto number = PhoneNumber::parse(in.value("phone"), region);
    if (!number)
        return usageError(CliText::tr("%1: %2").arg(in.value("phone"), number.error().message));
    const auto matches = CustomerRepository(db).findByPhone(number.value());
    if (!matches)
        return matches.error();
    if (matches->isEmpty())
        return makeError(Error::Code::Invalid,
                         CliText::tr(
                             "No customer has the number %1; add them first with: customer add --name … --phone %2")
                             .arg(number->nationalFormat(), number->e164()));
    if (matches->size() > 1)
        return makeError(Error::Code::Invalid,
                         CliText::tr("%1 customers share the number %2; use --customer with an id.")
                             .arg(matches->size())
                             .arg(number->nationalFormat()));
    entry.interaction.customerId = matches->constFirst().id;
    return {};
}

Result<void> logInteraction(const Invocation &in)
{
    auto read = readInteraction(in);
    if (!read)
        return read.error();
    InteractionLog::Entry entry = std::move(read).value();
    const auto database = openExisting(in);
    if (!database)
        return database.error();
    const QSqlDatabase db = database.value()->connection();
    // A time written without an offset is on the clock times are shown in,
    // as in the log-call dialog (not the system's).
    const auto onOurClock = [zone = displayTimeZone(*database.value())](const QDateTime &t) {
        return (t.timeSpec() == Qt::LocalTime ? QDateTime(t.date(), t.time(), zone) : t).toUTC();
    };
    Interaction &i = entry.interaction;
    i.startedAt = onOurClock(i.startedAt);
    if (i.callbackAt)
        i.callbackAt = onOurClock(*i.callbackAt);
    if (auto r = readCaller(in, db, entry); !r)
        return r;
    const auto saved = InteractionLog(db, ClientState(db).currentAgent()).save(entry);
    if (!saved)
        return saved.error();
    if (in.json())
        printJson(QJsonObject{{QStringLiteral("id"), uuidToText(saved->interactionId)},
                              {QStringLiteral("customer_id"), uuidToText(saved->customerId)}});
    else
        out() << uuidToText(saved->interactionId) << Qt::endl;
    return {};
}

} // namespace

// clang-format off
const Command customerAddCommand{
    "customer", "add", QT_TRANSLATE_NOOP("Cli", "Add a customer"), {}, kCustomerAddOptions, {}, customerAdd};
const Command customerShowCommand{
    "customer", "show",
    QT_TRANSLATE_NOOP("Cli", "Show a customer (by id, phone number or e-mail address) and their recent interactions"),
    kCustomerKey, {}, {}, customerShow};
const Command logInteractionCommand{
    nullptr, "log-interaction",
    QT_TRANSLATE_NOOP("Cli", "Log a call or message with a customer (for telephony hooks and scripts)"), {},
    kLogInteractionOptions, {}, logInteraction};
// clang-format on

} // namespace madoguchi::cli
