// madoguchi-cli customer add|show and log-interaction: the same core code the
// GUI uses (validation, outbox), so a change made here is a real change.
#include "clicommands.h"
#include "clisupport.h"

#include "config/appsettings.h"
#include "domain/uuid.h"
#include "repositories/customerrepository.h"
#include "repositories/customersearch.h"
#include "repositories/directoryrepository.h"
#include "repositories/interactionrepository.h"
#include "services/interactionlog.h"
#include "storage/clientstate.h"
#include "storage/database.h"
#include "storage/rowcodec.h"
#include "storage/transaction.h"

#include <QCoreApplication>
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
        return makeError(Error::Code::Usage,
                         QCoreApplication::translate("Cli", "log-interaction needs either --phone or --customer."));
    const PhoneNumber number = caller->phones().constFirst();
    const auto matches = CustomerRepository(db).findByPhone(number);
    if (!matches)
        return matches.error();
    if (!matches->isEmpty())
        return makeError(Error::Code::Invalid,
                         QCoreApplication::translate(
                             "Cli", "%1 is already the number of %2; leave out --name, --kana and --email to log the "
                                    "call for them.")
                             .arg(number.nationalFormat(), matches->constFirst().name));
    return caller;
}

int customerAdd(const QStringList &arguments)
{
    QCommandLineParser parser;
    Common common;
    const QCommandLineOption name(QStringLiteral("name"), QCoreApplication::translate("Cli", "The customer's name."),
                                  QCoreApplication::translate("Cli", "name"));
    const QCommandLineOption kana(QStringLiteral("kana"),
                                  QCoreApplication::translate("Cli", "The reading of the name in kana."),
                                  QCoreApplication::translate("Cli", "reading"));
    const QCommandLineOption phone(QStringLiteral("phone"),
                                   QCoreApplication::translate("Cli", "A phone number (repeat for more)."),
                                   QCoreApplication::translate("Cli", "number"));
    const QCommandLineOption email(QStringLiteral("email"),
                                   QCoreApplication::translate("Cli", "An e-mail address (repeat for more)."),
                                   QCoreApplication::translate("Cli", "address"));
    const QCommandLineOption org(QStringLiteral("org"),
                                 QCoreApplication::translate("Cli", "The company; created when it does not exist yet."),
                                 QCoreApplication::translate("Cli", "name"));
    parser.addOptions({name, kana, phone, email, org});
    int exitCode = Success;
    if (!parse(parser, common, arguments, exitCode, 1))
        return exitCode;
    if (!parser.isSet(name))
        return fail(QCoreApplication::translate("Cli", "customer add needs --name."), Usage);

    const QString region = AppSettings::phoneRegion();
    Customer c;
    c.name = parser.value(name);
    c.nameReading = parser.value(kana);
    for (const QString &p : parser.values(phone)) {
        const auto parsed = PhoneNumber::parse(p, region);
        if (!parsed)
            return fail(QCoreApplication::translate("Cli", "%1: %2").arg(p, parsed.error().message));
        c.contacts.append({QUuid(), ContactKind::Phone, parsed->e164(), QString(), c.phones().isEmpty()});
    }
    for (const QString &e : parser.values(email)) {
        const auto parsed = EmailAddress::parse(e);
        if (!parsed)
            return fail(QCoreApplication::translate("Cli", "%1: %2").arg(e, parsed.error().message));
        c.contacts.append({QUuid(), ContactKind::Email, parsed->address(), QString(), c.emails().isEmpty()});
    }
    const auto database = openExisting(parser, common, exitCode);
    if (!database)
        return exitCode;
    const QSqlDatabase db = database->connection();
    const QUuid agent = ClientState(db).currentAgent();
    QUuid id;
    const auto written = inTransaction(db, [&]() -> Result<void> {
        const auto organization = DirectoryRepository(db, agent).organizationNamed(parser.value(org));
        if (!organization)
            return organization.error();
        c.organizationId = organization.value();
        const auto added = CustomerRepository(db, agent).add(c);
        if (!added)
            return added.error();
        id = added.value();
        return {};
    });
    if (!written)
        return fail(written.error().message);
    if (parser.isSet(common.json))
        printJson(QJsonObject{{QStringLiteral("id"), uuidToText(id)}});
    else
        out() << uuidToText(id) << Qt::endl;
    return Success;
}

int customerShow(const QStringList &arguments)
{
    QCommandLineParser parser;
    Common common;
    int exitCode = Success;
    if (!parse(parser, common, arguments, exitCode, 2))
        return exitCode;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 3)
        return fail(QCoreApplication::translate("Cli",
                                                "customer show needs the customer's id, phone number or e-mail address."),
                    Usage);
    const QString key = positional.at(2);
    const auto database = openExisting(parser, common, exitCode);
    if (!database)
        return exitCode;
    const QSqlDatabase db = database->connection();
    const QString region = AppSettings::phoneRegion();
    CustomerRepository customers(db);

    QList<Customer> found;
    const QUuid asId = QUuid::fromString(key);
    if (!asId.isNull()) {
        const auto c = customers.get(asId);
        if (!c)
            return fail(c.error().message);
        found << c.value();
    } else if (key.contains(u'@')) {
        const auto email = EmailAddress::parse(key);
        if (!email)
            return fail(email.error().message, Usage);
        const auto r = customers.findByEmail(email.value());
        if (!r)
            return fail(r.error().message);
        found = r.value();
    } else {
        const auto phone = PhoneNumber::parse(key, region);
        if (!phone)
            return fail(QCoreApplication::translate(
                            "Cli", "%1 is neither a customer id, a phone number nor an e-mail address: %2")
                            .arg(key, phone.error().message),
                        Usage);
        const auto r = customers.findByPhone(phone.value());
        if (!r)
            return fail(r.error().message);
        found = r.value();
    }
    if (found.isEmpty())
        return fail(QCoreApplication::translate("Cli", "No customer has %1.").arg(key));
    if (found.size() > 1) {
        QStringList ids;
        for (const Customer &c : std::as_const(found))
            ids << uuidToText(c.id) + u' ' + c.name;
        return fail(QCoreApplication::translate("Cli", "%1 customers share %2; show one by id: %3")
                        .arg(found.size())
                        .arg(key, ids.join(QStringLiteral(", "))));
    }
    const Customer &c = found.constFirst();
    QString organization;
    if (!c.organizationId.isNull()) {
        if (const auto o = DirectoryRepository(db).organization(c.organizationId))
            organization = o->name;
    }
    const auto recent = InteractionRepository(db).forCustomer(c.id, 10);
    if (!recent)
        return fail(recent.error().message);
    if (parser.isSet(common.json)) {
        printJson(customerJson(c, organization, recent.value(), region));
        return Success;
    }
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
    out() << "  " << QCoreApplication::translate("Cli", "id %1").arg(uuidToText(c.id)) << "\n";
    for (const Interaction &i : recent.value())
        out() << "  " << QLocale().toString(i.startedAt.toLocalTime(), QLocale::ShortFormat) << "  "
              << displayName(i.channel) << "  " << (i.outcome ? displayName(*i.outcome) : QString()) << "  "
              << i.notes.left(60) << "\n";
    out() << Qt::flush;
    return Success;
}

} // namespace

int commandCustomer(const QStringList &arguments)
{
    const QString sub = subcommand(arguments, QStringLiteral("customer"));
    if (sub == u"add")
        return customerAdd(arguments);
    if (sub == u"show")
        return customerShow(arguments);
    return fail(QCoreApplication::translate("Cli", "customer needs add or show."), Usage);
}

int commandLogInteraction(const QStringList &arguments)
{
    QCommandLineParser parser;
    Common common;
    const QCommandLineOption phone(QStringLiteral("phone"),
                                   QCoreApplication::translate("Cli", "The customer's phone number, in any form."),
                                   QCoreApplication::translate("Cli", "number"));
    const QCommandLineOption customer(QStringLiteral("customer"),
                                      QCoreApplication::translate("Cli", "The customer's id."),
                                      QCoreApplication::translate("Cli", "id"));
    const QCommandLineOption channel(QStringLiteral("channel"),
                                     QCoreApplication::translate("Cli", "phone, email, chat, social, visit or web."),
                                     QCoreApplication::translate("Cli", "channel"));
    const QCommandLineOption direction(QStringLiteral("direction"),
                                       QCoreApplication::translate("Cli", "inbound or outbound."),
                                       QCoreApplication::translate("Cli", "direction"));
    const QCommandLineOption started(QStringLiteral("started"),
                                     QCoreApplication::translate("Cli", "When it started, ISO 8601 (default: now)."),
                                     QCoreApplication::translate("Cli", "time"));
    const QCommandLineOption duration(QStringLiteral("duration"),
                                      QCoreApplication::translate("Cli", "Length in seconds."),
                                      QCoreApplication::translate("Cli", "seconds"));
    const QCommandLineOption outcome(
        QStringLiteral("outcome"),
        QCoreApplication::translate("Cli",
                                    "resolved, follow_up, escalated, no_answer, voicemail or callback_scheduled."),
        QCoreApplication::translate("Cli", "outcome"));
    const QCommandLineOption
        callback(QStringLiteral("callback"),
                 QCoreApplication::translate("Cli", "When to call back, ISO 8601 (with callback_scheduled)."),
                 QCoreApplication::translate("Cli", "time"));
    const QCommandLineOption notes(QStringLiteral("notes"),
                                   QCoreApplication::translate("Cli", "What was said or done."),
                                   QCoreApplication::translate("Cli", "text"));
    const QCommandLineOption ticket(QStringLiteral("ticket"),
                                    QCoreApplication::translate("Cli", "The ticket it belongs to."),
                                    QCoreApplication::translate("Cli", "number"));
    // An unknown caller, added with the call as the log-call dialog does.
    const QCommandLineOption
        newName(QStringLiteral("name"),
                QCoreApplication::translate("Cli",
                                            "An unknown caller's name: they are added with the call (with --phone)."),
                QCoreApplication::translate("Cli", "name"));
    const QCommandLineOption newKana(QStringLiteral("kana"),
                                     QCoreApplication::translate("Cli", "The reading of the name in kana."),
                                     QCoreApplication::translate("Cli", "reading"));
    const QCommandLineOption newEmail(QStringLiteral("email"),
                                      QCoreApplication::translate("Cli", "The unknown caller's e-mail address."),
                                      QCoreApplication::translate("Cli", "address"));
    parser.addOptions({phone, customer, channel, direction, started, duration, outcome, callback, notes, ticket,
                       newName, newKana, newEmail});
    int exitCode = Success;
    if (!parse(parser, common, arguments, exitCode))
        return exitCode;
    if (parser.isSet(phone) == parser.isSet(customer))
        return fail(QCoreApplication::translate("Cli", "log-interaction needs either --phone or --customer."), Usage);
    const bool newCaller = parser.isSet(newName) || parser.isSet(newKana) || parser.isSet(newEmail);
    if (newCaller && !parser.isSet(phone))
        return fail(QCoreApplication::translate("Cli", "--name, --kana and --email add an unknown caller: use them with "
                                                       "--phone."),
                    Usage);
    if (!parser.isSet(channel) || !parser.isSet(direction))
        return fail(QCoreApplication::translate("Cli", "log-interaction needs --channel and --direction."), Usage);

    InteractionLog::Entry entry;
    Interaction &i = entry.interaction;
    if (!enumOption(parser, channel, i.channel, exitCode) || !enumOption(parser, direction, i.direction, exitCode))
        return exitCode;
    Outcome outcomeValue = Outcome::Resolved;
    if (parser.isSet(outcome)) {
        if (!enumOption(parser, outcome, outcomeValue, exitCode))
            return exitCode;
        i.outcome = outcomeValue;
    }
    auto time = [&](const QCommandLineOption &option, QDateTime &value) {
        value = QDateTime::fromString(parser.value(option), Qt::ISODate);
        if (!value.isValid()) {
            exitCode = fail(QCoreApplication::translate("Cli",
                                                        "--%1 expects a time like 2026-04-01T10:30:00+09:00, not \"%2\".")
                                .arg(option.names().constFirst(), parser.value(option)),
                            Usage);
            return false;
        }
        return true;
    };
    i.startedAt = QDateTime::currentDateTimeUtc();
    if (parser.isSet(started) && !time(started, i.startedAt))
        return exitCode;
    if (parser.isSet(callback)) {
        QDateTime at;
        if (!time(callback, at))
            return exitCode;
        i.callbackAt = at.toUTC();
    }
    qint64 seconds = 0;
    if (!parsePositive(parser, duration, seconds, exitCode))
        return exitCode;
    i.durationSeconds = int(std::min<qint64>(seconds, INT_MAX));
    i.notes = parser.value(notes);
    entry.ticketNumber = parser.value(ticket);

    const auto database = openExisting(parser, common, exitCode);
    if (!database)
        return exitCode;
    const QSqlDatabase db = database->connection();
    const QString region = AppSettings::phoneRegion();
    if (parser.isSet(customer)) {
        i.customerId = QUuid::fromString(parser.value(customer));
        if (i.customerId.isNull())
            return fail(QCoreApplication::translate("Cli", "--customer expects a customer id."), Usage);
    } else if (newCaller) {
        const auto caller = newCallerFromOptions(db,
                                                 {parser.value(newName), parser.value(newKana), parser.value(phone),
                                                  parser.value(newEmail)},
                                                 region);
        if (!caller)
            return fail(caller.error().message, caller.error().code == Error::Code::Usage ? Usage : Failure);
        entry.newCustomer = caller.value();
    } else {
        const auto number = PhoneNumber::parse(parser.value(phone), region);
        if (!number)
            return fail(QCoreApplication::translate("Cli", "%1: %2").arg(parser.value(phone), number.error().message),
                        Usage);
        const auto matches = CustomerRepository(db).findByPhone(number.value());
        if (!matches)
            return fail(matches.error().message);
        if (matches->isEmpty())
            return fail(
                QCoreApplication::translate(
                    "Cli", "No customer has the number %1; add them first with: customer add --name … --phone %2")
                    .arg(number->nationalFormat(), number->e164()));
        if (matches->size() > 1)
            return fail(
                QCoreApplication::translate("Cli", "%1 customers share the number %2; use --customer with an id.")
                    .arg(matches->size())
                    .arg(number->nationalFormat()));
        i.customerId = matches->constFirst().id;
    }
    const auto saved = InteractionLog(db, ClientState(db).currentAgent()).save(entry);
    if (!saved)
        return fail(saved.error().message);
    if (parser.isSet(common.json))
        printJson(QJsonObject{{QStringLiteral("id"), uuidToText(saved->interactionId)},
                              {QStringLiteral("customer_id"), uuidToText(saved->customerId)}});
    else
        out() << uuidToText(saved->interactionId) << Qt::endl;
    return Success;
}

} // namespace madoguchi::cli
