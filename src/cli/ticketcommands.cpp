// madoguchi-cli ticket create|update|show: the same TicketService the GUI
// uses, so numbering, the workflow, SLA due times and ticket_events are the
// same whichever way a ticket changes.
#include "clicommands.h"
#include "clisupport.h"

#include "common/timeformat.h"
#include "config/displaytimezone.h"
#include "domain/categories.h"
#include "domain/uuid.h"
#include "models/tickethistorymodel.h"
#include "repositories/customerrepository.h"
#include "repositories/directoryrepository.h"
#include "repositories/ticketrepository.h"
#include "services/slaengine.h"
#include "services/ticketservice.h"
#include "storage/clientstate.h"
#include "storage/database.h"
#include "storage/transaction.h"

#include <QJsonArray>

namespace madoguchi::cli {

namespace {

QJsonObject ticketJson(QSqlDatabase db, const Ticket &t)
{
    const auto names = EventNames::load(db);
    auto name = [&](const QUuid &id) { return id.isNull() || !names ? QString() : names->name(uuidToText(id)); };
    QJsonArray history;
    if (const auto events = TicketRepository(db).events(t.id)) {
        for (const TicketEvent &e : events.value()) {
            history.append(
                QJsonObject{{QStringLiteral("at"), isoTime(e.at)},
                            {QStringLiteral("agent"), name(e.agentId)},
                            {QStringLiteral("field"), e.field},
                            {QStringLiteral("old"), e.oldValue},
                            {QStringLiteral("new"), e.newValue},
                            {QStringLiteral("text"),
                             names ? describeTicketEvent(e.field, e.oldValue, e.newValue, names.value()) : QString()}});
        }
    }
    QString customer;
    if (const auto c = CustomerRepository(db).get(t.customerId))
        customer = c->name;
    QJsonObject sla;
    SlaEngine engine(db);
    if (const auto status = engine.status(t, QDateTime::currentDateTimeUtc())) {
        static constexpr std::array<const char *, 3> targets{"none", "first_response", "resolution"};
        static constexpr std::array<const char *, 7> states{"none",   "on_track", "warning", "breached",
                                                            "paused", "met",      "missed"};
        sla = QJsonObject{{QStringLiteral("target"), QLatin1String(targets[std::size_t(status->target)])},
                          {QStringLiteral("state"), QLatin1String(states[std::size_t(status->state)])},
                          {QStringLiteral("due"), isoTime(status->due)},
                          {QStringLiteral("remaining_business_minutes"), status->remainingMinutes}};
    }
    auto optionalTime = [](const std::optional<QDateTime> &v) { return v ? QJsonValue(isoTime(*v)) : QJsonValue(); };
    return QJsonObject{
        {QStringLiteral("id"), uuidToText(t.id)},
        {QStringLiteral("number"), t.number},
        {QStringLiteral("customer_id"), uuidToText(t.customerId)},
        {QStringLiteral("customer"), customer},
        {QStringLiteral("subject"), t.subject},
        {QStringLiteral("description"), t.description},
        {QStringLiteral("status"), toKey(t.status)},
        {QStringLiteral("priority"), toKey(t.priority)},
        {QStringLiteral("category"), t.category},
        {QStringLiteral("tags"), QJsonArray::fromStringList(t.tags)},
        {QStringLiteral("channel"), toKey(t.channel)},
        {QStringLiteral("assignee"), name(t.assigneeId)},
        {QStringLiteral("team"), name(t.teamId)},
        {QStringLiteral("escalation_level"), t.escalationLevel},
        {QStringLiteral("escalation_reason"), t.escalationReason},
        {QStringLiteral("sla_policy"), name(t.slaPolicyId)},
        {QStringLiteral("first_response_due"), optionalTime(t.firstResponseDue)},
        {QStringLiteral("resolution_due"), optionalTime(t.resolutionDue)},
        {QStringLiteral("first_responded_at"), optionalTime(t.firstRespondedAt)},
        {QStringLiteral("solved_at"), optionalTime(t.solvedAt)},
        {QStringLiteral("reopen_count"), t.reopenCount},
        {QStringLiteral("created_at"), isoTime(t.meta.createdAt)},
        {QStringLiteral("sla"), sla},
        {QStringLiteral("history"), history},
    };
}

// clang-format off
constexpr OptionSpec kTicketCreateOptions[] = {
    {"customer", QT_TRANSLATE_NOOP("Cli", "id"), QT_TRANSLATE_NOOP("Cli", "The customer's id."), OptionSpec::Required},
    {"subject", QT_TRANSLATE_NOOP("Cli", "text"), QT_TRANSLATE_NOOP("Cli", "What the ticket is about."),
        OptionSpec::Required},
    {"description", QT_TRANSLATE_NOOP("Cli", "text"), QT_TRANSLATE_NOOP("Cli", "The details.")},
    {"priority", QT_TRANSLATE_NOOP("Cli", "priority"), QT_TRANSLATE_NOOP("Cli", "low, normal, high or urgent.")},
    {"category", QT_TRANSLATE_NOOP("Cli", "key"), QT_TRANSLATE_NOOP("Cli", "The category key.")},
    {"channel", QT_TRANSLATE_NOOP("Cli", "channel"), QT_TRANSLATE_NOOP("Cli", "How the customer got in touch.")},
    {"assignee", QT_TRANSLATE_NOOP("Cli", "name"), QT_TRANSLATE_NOOP("Cli", "The agent's name.")},
};
// clang-format on

Result<void> ticketCreate(const Invocation &in)
{
    if (!in.isSet("customer") || !in.isSet("subject"))
        return usageError(CliText::tr("ticket create needs --customer and --subject."));
    const QUuid customerId = QUuid::fromString(in.value("customer"));
    if (customerId.isNull())
        return usageError(CliText::tr("--customer expects a customer id, not \"%1\".").arg(in.value("customer")));
    Ticket draft;
    if (auto r = readEnum(in, "priority", draft.priority); !r)
        return r;
    if (auto r = readEnum(in, "channel", draft.channel); !r)
        return r;
    const auto database = openExisting(in);
    if (!database)
        return database.error();
    const QSqlDatabase db = database.value()->connection();
    draft.customerId = customerId;
    draft.subject = in.value("subject");
    draft.description = in.value("description");
    draft.category = in.value("category");
    if (in.isSet("assignee")) {
        const auto agent = DirectoryRepository(db).agentByName(in.value("assignee"));
        if (!agent)
            return agent.error();
        draft.assigneeId = agent->id;
        draft.teamId = agent->teamId;
    }
    if (!CustomerRepository(db).get(customerId))
        return makeError(Error::Code::NotFound, CliText::tr("There is no customer %1.").arg(in.value("customer")));
    const auto created = TicketService(db, ClientState(db).currentAgent()).create(draft);
    if (!created)
        return created.error();
    if (in.json())
        printJson(
            QJsonObject{{QStringLiteral("id"), uuidToText(created->id)}, {QStringLiteral("number"), created->number}});
    else
        out() << created->number << Qt::endl;
    return {};
}

// clang-format off
constexpr PositionalSpec kTicketNumber[] = {
    {"number", QT_TRANSLATE_NOOP("Cli", "The ticket's number.")},
};
constexpr OptionSpec kTicketUpdateOptions[] = {
    {"status", QT_TRANSLATE_NOOP("Cli", "status"),
        QT_TRANSLATE_NOOP("Cli", "new, open, pending, on_hold, solved or closed.")},
    {"priority", QT_TRANSLATE_NOOP("Cli", "priority"), QT_TRANSLATE_NOOP("Cli", "low, normal, high or urgent.")},
    {"assignee", QT_TRANSLATE_NOOP("Cli", "name"), QT_TRANSLATE_NOOP("Cli", "The agent's name; empty to unassign.")},
    {"escalate", QT_TRANSLATE_NOOP("Cli", "level"), QT_TRANSLATE_NOOP("Cli", "Escalation level 0–3.")},
    {"reason", QT_TRANSLATE_NOOP("Cli", "text"), QT_TRANSLATE_NOOP("Cli", "Why it is escalated.")},
    {"tag", QT_TRANSLATE_NOOP("Cli", "tag"), QT_TRANSLATE_NOOP("Cli", "A tag to add (repeat for more)."),
        OptionSpec::Repeatable},
};
// clang-format on

// What ticket update changes, read before anything is opened.
struct TicketChanges
{
    TicketStatus status = TicketStatus::New;
    Priority priority = Priority::Normal;
    int level = 0;
};

Result<TicketChanges> readTicketChanges(const Invocation &in)
{
    TicketChanges changes;
    if (auto r = readEnum(in, "status", changes.status); !r)
        return r.error();
    if (auto r = readEnum(in, "priority", changes.priority); !r)
        return r.error();
    bool levelOk = true;
    changes.level = in.isSet("escalate") ? in.value("escalate").toInt(&levelOk) : 0;
    if (!levelOk)
        return usageError(CliText::tr("--escalate expects a level from 0 to 3."));
    return changes;
}

// The changes asked for, in this order: assignee, priority, escalation, tags, status.
Result<void> applyTicketChanges(QSqlDatabase db, TicketService &service, const Ticket &ticket,
                                const TicketChanges &changes, const Invocation &in)
{
    if (in.isSet("assignee")) {
        if (in.value("assignee").isEmpty()) {
            if (auto r = service.assign(ticket.id, {}, ticket.teamId); !r)
                return r;
        } else {
            const auto agent = DirectoryRepository(db).agentByName(in.value("assignee"));
            if (!agent)
                return agent.error();
            if (auto r = service.assign(ticket.id, agent->id, agent->teamId); !r)
                return r;
        }
    }
    if (in.isSet("priority")) {
        if (auto r = service.setPriority(ticket.id, changes.priority); !r)
            return r;
    }
    if (in.isSet("escalate")) {
        if (auto r = service.escalate(ticket.id, changes.level, in.value("reason")); !r)
            return r;
    }
    for (const QString &t : in.values("tag")) {
        if (auto r = service.addTag(ticket.id, t); !r)
            return r;
    }
    if (in.isSet("status")) {
        if (auto r = service.changeStatus(ticket.id, changes.status); !r)
            return r;
    }
    return {};
}

// The database the command names, and the ticket its one argument numbers.
struct NumberedTicket
{
    std::unique_ptr<Database> database;
    Ticket ticket;
};

Result<NumberedTicket> numberedTicket(const Invocation &in)
{
    auto database = openExisting(in);
    if (!database)
        return database.error();
    auto ticket = TicketRepository(database.value()->connection()).byNumber(in.arguments().constFirst());
    if (!ticket)
        return ticket.error();
    return NumberedTicket{std::move(database.value()), std::move(ticket.value())};
}

Result<void> ticketUpdate(const Invocation &in)
{
    if (in.arguments().size() != 1)
        return usageError(CliText::tr("ticket update needs the ticket's number."));
    const auto changes = readTicketChanges(in);
    if (!changes)
        return changes.error();
    const auto found = numberedTicket(in);
    if (!found)
        return found.error();
    const QSqlDatabase db = found->database->connection();
    const Ticket *ticket = &found->ticket;
    TicketService service(db, ClientState(db).currentAgent());
    // All the changes of one command, or none of them.
    if (auto done = inTransaction(db, [&] { return applyTicketChanges(db, service, *ticket, changes.value(), in); });
        !done)
        return done;
    const auto after = TicketRepository(db).get(ticket->id);
    if (!after)
        return after.error();
    if (in.json())
        printJson(ticketJson(db, after.value()));
    else
        out() << CliText::tr("%1: %2, %3").arg(after->number, displayName(after->status), displayName(after->priority))
              << Qt::endl;
    return {};
}

Result<void> ticketShow(const Invocation &in)
{
    if (in.arguments().size() != 1)
        return usageError(CliText::tr("ticket show needs the ticket's number."));
    const auto found = numberedTicket(in);
    if (!found)
        return found.error();
    const QSqlDatabase db = found->database->connection();
    const Ticket *ticket = &found->ticket;
    const QJsonObject json = ticketJson(db, *ticket);
    if (in.json()) {
        printJson(json);
        return {};
    }
    const auto line = [](const QString &label, const QString &value) { out() << label << ' ' << value << Qt::endl; };
    // The JSON's UTC times, shown as everywhere else.
    const QTimeZone zone = displayTimeZone(*found->database);
    const auto shown = [&](const QJsonValue &iso) {
        return fullDateTime(QDateTime::fromString(iso.toString(), Qt::ISODateWithMs), zone);
    };
    out() << ticket->number << "  " << ticket->subject << Qt::endl;
    line(CliText::tr("Customer:"), json.value(QStringLiteral("customer")).toString());
    line(CliText::tr("Status:"), displayName(ticket->status));
    line(CliText::tr("Priority:"), displayName(ticket->priority));
    line(CliText::tr("Assignee:"), json.value(QStringLiteral("assignee")).toString());
    line(CliText::tr("Escalation:"), TicketService::escalationLevelName(ticket->escalationLevel));
    const QJsonObject sla = json.value(QStringLiteral("sla")).toObject();
    line(CliText::tr("SLA:"),
         QStringLiteral("%1 %2 %3")
             .arg(sla.value(QStringLiteral("target")).toString(), sla.value(QStringLiteral("state")).toString(),
                  shown(sla.value(QStringLiteral("due")))));
    out() << CliText::tr("History:") << Qt::endl;
    for (const QJsonValue &e : json.value(QStringLiteral("history")).toArray()) {
        const QJsonObject o = e.toObject();
        out() << "  " << shown(o.value(QStringLiteral("at"))) << "  " << o.value(QStringLiteral("text")).toString()
              << "  " << o.value(QStringLiteral("agent")).toString() << Qt::endl;
    }
    return {};
}

} // namespace

// clang-format off
const Command ticketCreateCommand{
    "ticket", "create", QT_TRANSLATE_NOOP("Cli", "Open a ticket for a customer"), {}, kTicketCreateOptions, {},
    ticketCreate};
const Command ticketUpdateCommand{
    "ticket", "update", QT_TRANSLATE_NOOP("Cli", "Change a ticket's status, priority, assignee, escalation or tags"),
    kTicketNumber, kTicketUpdateOptions, {}, ticketUpdate};
const Command ticketShowCommand{
    "ticket", "show", QT_TRANSLATE_NOOP("Cli", "Show a ticket, its SLA and its history"), kTicketNumber, {}, {},
    ticketShow};
// clang-format on

} // namespace madoguchi::cli
