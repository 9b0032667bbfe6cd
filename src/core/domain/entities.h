#pragma once

#include "domain/emailaddress.h"
#include "domain/enums.h"
#include "domain/phonenumber.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QStringList>
#include <QUuid>

#include <optional>

namespace madoguchi {

// The translation context "Validation" (what the checks of supplied values say).
struct ValidationText
{
    Q_DECLARE_TR_FUNCTIONS(Validation)
};

// Columns every synced row carries (DESIGN.md §3). `rev` is the server's row
// revision (0 until the row has been synced); times are UTC.
struct RowMeta
{
    qint64 rev = 0;
    QDateTime createdAt;
    QDateTime updatedAt;
    std::optional<QDateTime> deletedAt;
    QUuid createdBy; // agent; null for rows made before an agent signed in
};

struct FieldError
{
    QString field;   // the entity's field key, e.g. "name", "phones"
    QString message; // translated
};
using FieldErrors = QList<FieldError>;

struct Team
{
    QUuid id;
    QString name;
    QString timeZone = QStringLiteral("Asia/Tokyo");
    RowMeta meta;
    AutoAssign autoAssign = AutoAssign::None;
    QUuid leadId; // an agent of the team, or none
};

struct Agent
{
    QUuid id;
    QString name;
    QString nameReading; // kana, for Japanese names
    QString email;
    AgentRole role = AgentRole::Agent;
    QUuid teamId;
    bool active = true;
    RowMeta meta;
};

struct Organization
{
    QUuid id;
    QString name;
    QString nameReading;
    QString emailDomain;
    QString notes;
    RowMeta meta;
};

struct ContactPoint
{
    QUuid id;
    ContactKind kind = ContactKind::Phone;
    QString value; // E.164 for phones, the address for e-mail
    QString label; // "work", "mobile", "home", free text
    bool primary = false;

    PhoneNumber phone() const { return PhoneNumber::fromE164(value); }
};

struct Customer
{
    QUuid id;
    QString name;
    QString nameReading; // furigana, full-width katakana
    QUuid organizationId;
    QList<ContactPoint> contacts;
    QString address;
    CustomerTier tier = CustomerTier::Standard;
    QStringList tags;
    QString notes;
    QUuid ownerId;
    RowMeta meta;

    QList<PhoneNumber> phones() const;
    QList<EmailAddress> emails() const;
};

struct Interaction
{
    QUuid id;
    QUuid customerId;
    QUuid ticketId;
    QUuid agentId;
    Channel channel = Channel::Phone;
    Direction direction = Direction::Inbound;
    QDateTime startedAt;
    int durationSeconds = 0;
    int wrapUpSeconds = 0;
    std::optional<Outcome> outcome;
    std::optional<QDateTime> callbackAt;
    QString category;
    QString subject;
    QString notes;
    // What only this channel has, by key (see channelDetailFields()).
    QMap<QString, QString> details;
    QUuid amendsId; // an amendment corrects this earlier interaction
    RowMeta meta;
};

struct Ticket
{
    QUuid id;
    QString number;
    QUuid customerId;
    QString subject;
    QString description;
    TicketStatus status = TicketStatus::New;
    Priority priority = Priority::Normal;
    QString category;
    QStringList tags;
    Channel channel = Channel::Phone;
    QUuid assigneeId;
    QUuid teamId;
    int escalationLevel = 0;
    QString escalationReason;
    QUuid slaPolicyId; // null: the default policy
    std::optional<QDateTime> firstResponseDue;
    std::optional<QDateTime> resolutionDue;
    std::optional<QDateTime> firstRespondedAt;
    std::optional<QDateTime> solvedAt;
    std::optional<QDateTime> closedAt;
    int reopenCount = 0;
    RowMeta meta;
};

struct TicketEvent
{
    QUuid id;
    QUuid ticketId;
    QUuid agentId;
    QDateTime at;
    QString field;
    QString oldValue;
    QString newValue;
    RowMeta meta;
};

struct CsatResponse
{
    QUuid id;
    QUuid ticketId;
    QUuid customerId;
    QDateTime receivedAt;
    std::optional<int> csat; // 1–5
    std::optional<int> nps;  // 0–10
    std::optional<int> ces;  // 1–7
    QString comment;
    bool complaint = false;
    RowMeta meta;
};

// The extra fields a channel records ("address" for e-mail, "location" for
// a visit …): key and translated label.
struct DetailField
{
    QString key;
    QString label;
};
QList<DetailField> channelDetailFields(Channel channel);

// Validation of values a user or an import supplies. Returns every problem,
// not only the first, so a form can mark all of its invalid fields at once.
FieldErrors validate(const Team &team);
FieldErrors validate(const Agent &agent);
FieldErrors validate(const Organization &organization);
FieldErrors validate(const Customer &customer);
FieldErrors validate(const Interaction &interaction);
FieldErrors validate(const Ticket &ticket);
FieldErrors validate(const CsatResponse &response);

// One line listing the problems, for the CLI and error dialogs.
QString joinMessages(const FieldErrors &errors);

} // namespace madoguchi
