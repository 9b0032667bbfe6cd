// madoguchi-cli ticket create|update|show: the same TicketService the GUI
// uses, so numbering, the workflow, SLA due times and ticket_events are the
// same whichever way a ticket changes.
#include "clicommands.h"
#include "clisupport.h"

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

#include <QCoreApplication>
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

int ticketCreate(const QStringList &arguments)
{
    QCommandLineParser parser;
    Common common;
    const QCommandLineOption customer(QStringLiteral("customer"),
                                      QCoreApplication::translate("Cli", "The customer's id."),
                                      QCoreApplication::translate("Cli", "id"));
    const QCommandLineOption subject(QStringLiteral("subject"),
                                     QCoreApplication::translate("Cli", "What the ticket is about."),
                                     QCoreApplication::translate("Cli", "text"));
    const QCommandLineOption description(QStringLiteral("description"),
                                         QCoreApplication::translate("Cli", "The details."),
                                         QCoreApplication::translate("Cli", "text"));
    const QCommandLineOption priority(QStringLiteral("priority"),
                                      QCoreApplication::translate("Cli", "low, normal, high or urgent."),
                                      QCoreApplication::translate("Cli", "priority"));
    const QCommandLineOption category(QStringLiteral("category"),
                                      QCoreApplication::translate("Cli", "The category key."),
                                      QCoreApplication::translate("Cli", "key"));
    const QCommandLineOption channel(QStringLiteral("channel"),
                                     QCoreApplication::translate("Cli", "How the customer got in touch."),
                                     QCoreApplication::translate("Cli", "channel"));
    const QCommandLineOption assignee(QStringLiteral("assignee"),
                                      QCoreApplication::translate("Cli", "The agent's name."),
                                      QCoreApplication::translate("Cli", "name"));
    parser.addOptions({customer, subject, description, priority, category, channel, assignee});
    int exitCode = Success;
    if (!parse(parser, common, arguments, exitCode, 1))
        return exitCode;
    if (!parser.isSet(customer) || !parser.isSet(subject))
        return fail(QCoreApplication::translate("Cli", "ticket create needs --customer and --subject."), Usage);
    const QUuid customerId = QUuid::fromString(parser.value(customer));
    if (customerId.isNull())
        return fail(QCoreApplication::translate("Cli", "--customer expects a customer id, not \"%1\".")
                        .arg(parser.value(customer)),
                    Usage);
    Ticket draft;
    if (!enumOption(parser, priority, draft.priority, exitCode) || !enumOption(parser, channel, draft.channel, exitCode))
        return exitCode;
    const auto database = openExisting(parser, common, exitCode);
    if (!database)
        return exitCode;
    const QSqlDatabase db = database->connection();
    draft.customerId = customerId;
    draft.subject = parser.value(subject);
    draft.description = parser.value(description);
    draft.category = parser.value(category);
    if (parser.isSet(assignee)) {
        const auto agent = DirectoryRepository(db).agentByName(parser.value(assignee));
        if (!agent)
            return fail(agent.error().message);
        draft.assigneeId = agent->id;
        draft.teamId = agent->teamId;
    }
    if (!CustomerRepository(db).get(customerId))
        return fail(QCoreApplication::translate("Cli", "There is no customer %1.").arg(parser.value(customer)));
    const auto created = TicketService(db, ClientState(db).currentAgent()).create(draft);
    if (!created)
        return fail(created.error().message);
    if (parser.isSet(common.json))
        printJson(
            QJsonObject{{QStringLiteral("id"), uuidToText(created->id)}, {QStringLiteral("number"), created->number}});
    else
        out() << created->number << Qt::endl;
    return Success;
}

int ticketUpdate(const QStringList &arguments)
{
    QCommandLineParser parser;
    Common common;
    const QCommandLineOption status(QStringLiteral("status"),
                                    QCoreApplication::translate("Cli", "new, open, pending, on_hold, solved or closed."),
                                    QCoreApplication::translate("Cli", "status"));
    const QCommandLineOption priority(QStringLiteral("priority"),
                                      QCoreApplication::translate("Cli", "low, normal, high or urgent."),
                                      QCoreApplication::translate("Cli", "priority"));
    const QCommandLineOption assignee(QStringLiteral("assignee"),
                                      QCoreApplication::translate("Cli", "The agent's name; empty to unassign."),
                                      QCoreApplication::translate("Cli", "name"));
    const QCommandLineOption escalate(QStringLiteral("escalate"),
                                      QCoreApplication::translate("Cli", "Escalation level 0–3."),
                                      QCoreApplication::translate("Cli", "level"));
    const QCommandLineOption reason(QStringLiteral("reason"),
                                    QCoreApplication::translate("Cli", "Why it is escalated."),
                                    QCoreApplication::translate("Cli", "text"));
    const QCommandLineOption tag(QStringLiteral("tag"),
                                 QCoreApplication::translate("Cli", "A tag to add (repeat for more)."),
                                 QCoreApplication::translate("Cli", "tag"));
    parser.addOptions({status, priority, assignee, escalate, reason, tag});
    int exitCode = Success;
    if (!parse(parser, common, arguments, exitCode, 2))
        return exitCode;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 3)
        return fail(QCoreApplication::translate("Cli", "ticket update needs the ticket's number."), Usage);
    TicketStatus newStatus = TicketStatus::New;
    Priority newPriority = Priority::Normal;
    if (!enumOption(parser, status, newStatus, exitCode) || !enumOption(parser, priority, newPriority, exitCode))
        return exitCode;
    bool levelOk = true;
    const int level = parser.isSet(escalate) ? parser.value(escalate).toInt(&levelOk) : 0;
    if (!levelOk)
        return fail(QCoreApplication::translate("Cli", "--escalate expects a level from 0 to 3."), Usage);
    const auto database = openExisting(parser, common, exitCode);
    if (!database)
        return exitCode;
    const QSqlDatabase db = database->connection();
    const auto ticket = TicketRepository(db).byNumber(positional.at(2));
    if (!ticket)
        return fail(ticket.error().message);
    TicketService service(db, ClientState(db).currentAgent());
    // All the changes of one command, or none of them.
    const auto done = inTransaction(db, [&]() -> Result<void> {
        if (parser.isSet(assignee)) {
            if (parser.value(assignee).isEmpty()) {
                if (auto r = service.assign(ticket->id, {}, ticket->teamId); !r)
                    return r;
            } else {
                const auto agent = DirectoryRepository(db).agentByName(parser.value(assignee));
                if (!agent)
                    return agent.error();
                if (auto r = service.assign(ticket->id, agent->id, agent->teamId); !r)
                    return r;
            }
        }
        if (parser.isSet(priority)) {
            if (auto r = service.setPriority(ticket->id, newPriority); !r)
                return r;
        }
        if (parser.isSet(escalate)) {
            if (auto r = service.escalate(ticket->id, level, parser.value(reason)); !r)
                return r;
        }
        for (const QString &t : parser.values(tag)) {
            if (auto r = service.addTag(ticket->id, t); !r)
                return r;
        }
        if (parser.isSet(status)) {
            if (auto r = service.changeStatus(ticket->id, newStatus); !r)
                return r;
        }
        return {};
    });
    if (!done)
        return fail(done.error().message);
    const auto after = TicketRepository(db).get(ticket->id);
    if (!after)
        return fail(after.error().message);
    if (parser.isSet(common.json))
        printJson(ticketJson(db, after.value()));
    else
        out() << QCoreApplication::translate("Cli", "%1: %2, %3")
                     .arg(after->number, displayName(after->status), displayName(after->priority))
              << Qt::endl;
    return Success;
}

int ticketShow(const QStringList &arguments)
{
    QCommandLineParser parser;
    Common common;
    int exitCode = Success;
    if (!parse(parser, common, arguments, exitCode, 2))
        return exitCode;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 3)
        return fail(QCoreApplication::translate("Cli", "ticket show needs the ticket's number."), Usage);
    const auto database = openExisting(parser, common, exitCode);
    if (!database)
        return exitCode;
    const QSqlDatabase db = database->connection();
    const auto ticket = TicketRepository(db).byNumber(positional.at(2));
    if (!ticket)
        return fail(ticket.error().message);
    const QJsonObject json = ticketJson(db, ticket.value());
    if (parser.isSet(common.json)) {
        printJson(json);
        return Success;
    }
    const auto line = [](const QString &label, const QString &value) { out() << label << ' ' << value << Qt::endl; };
    out() << ticket->number << "  " << ticket->subject << Qt::endl;
    line(QCoreApplication::translate("Cli", "Customer:"), json.value(QStringLiteral("customer")).toString());
    line(QCoreApplication::translate("Cli", "Status:"), displayName(ticket->status));
    line(QCoreApplication::translate("Cli", "Priority:"), displayName(ticket->priority));
    line(QCoreApplication::translate("Cli", "Assignee:"), json.value(QStringLiteral("assignee")).toString());
    line(QCoreApplication::translate("Cli", "Escalation:"), TicketService::escalationLevelName(ticket->escalationLevel));
    const QJsonObject sla = json.value(QStringLiteral("sla")).toObject();
    line(QCoreApplication::translate("Cli", "SLA:"),
         QStringLiteral("%1 %2 %3")
             .arg(sla.value(QStringLiteral("target")).toString(), sla.value(QStringLiteral("state")).toString(),
                  sla.value(QStringLiteral("due")).toString()));
    out() << QCoreApplication::translate("Cli", "History:") << Qt::endl;
    for (const QJsonValue &e : json.value(QStringLiteral("history")).toArray()) {
        const QJsonObject o = e.toObject();
        out() << "  " << o.value(QStringLiteral("at")).toString() << "  " << o.value(QStringLiteral("text")).toString()
              << "  " << o.value(QStringLiteral("agent")).toString() << Qt::endl;
    }
    return Success;
}

} // namespace

int commandTicket(const QStringList &arguments)
{
    const QString sub = subcommand(arguments, QStringLiteral("ticket"));
    if (sub == u"create")
        return ticketCreate(arguments);
    if (sub == u"update")
        return ticketUpdate(arguments);
    if (sub == u"show")
        return ticketShow(arguments);
    return fail(QCoreApplication::translate("Cli", "Use ticket create, ticket update or ticket show."), Usage);
}

} // namespace madoguchi::cli
