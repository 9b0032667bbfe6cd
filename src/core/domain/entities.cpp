#include "domain/entities.h"

#include "domain/textnormalizer.h"

namespace madoguchi {

namespace {

constexpr int kMaxNameLength = 200;
constexpr int kMaxTextLength = 100'000;

void requireName(FieldErrors &errors, const QString &field, const QString &value)
{
    if (value.trimmed().isEmpty())
        errors.append({field, ValidationText::tr("A name is required.")});
    else if (value.size() > kMaxNameLength)
        errors.append({field, ValidationText::tr("The name is longer than %n characters.", nullptr, kMaxNameLength)});
}

void limitText(FieldErrors &errors, const QString &field, const QString &value)
{
    if (value.size() > kMaxTextLength)
        errors.append({field, ValidationText::tr("The text is longer than %n characters.", nullptr, kMaxTextLength)});
}

} // namespace

QList<PhoneNumber> Customer::phones() const
{
    QList<PhoneNumber> out;
    for (const auto &c : contacts) {
        if (c.kind == ContactKind::Phone)
            out << PhoneNumber::fromE164(c.value);
    }
    return out;
}

QList<EmailAddress> Customer::emails() const
{
    QList<EmailAddress> out;
    for (const auto &c : contacts) {
        if (c.kind == ContactKind::Email)
            out << EmailAddress::fromStored(c.value);
    }
    return out;
}

QList<DetailField> channelDetailFields(Channel channel)
{
    auto field = [](const char *key, const char *label) {
        return DetailField{QString::fromLatin1(key), ValidationText::tr(label)};
    };
    switch (channel) {
    case Channel::Email: return {field("address", QT_TRANSLATE_NOOP("Validation", "E-mail address used"))};
    case Channel::Chat: return {field("reference", QT_TRANSLATE_NOOP("Validation", "Chat reference"))};
    case Channel::Social: return {field("account", QT_TRANSLATE_NOOP("Validation", "Account or service"))};
    case Channel::Visit: return {field("location", QT_TRANSLATE_NOOP("Validation", "Location"))};
    case Channel::Web: return {field("page", QT_TRANSLATE_NOOP("Validation", "Page or form"))};
    case Channel::Phone: return {};
    }
    return {};
}

FieldErrors validate(const Team &team)
{
    FieldErrors errors;
    requireName(errors, QStringLiteral("name"), team.name);
    return errors;
}

FieldErrors validate(const Agent &agent)
{
    FieldErrors errors;
    requireName(errors, QStringLiteral("name"), agent.name);
    if (!text::isPlausibleReading(agent.nameReading))
        errors.append({QStringLiteral("nameReading"),
                       ValidationText::tr("The reading may contain only kana or Latin letters, e.g. サトウ アイコ.")});
    if (!agent.email.isEmpty() && !EmailAddress::parse(agent.email))
        errors.append({QStringLiteral("email"), EmailAddress::parse(agent.email).error().message});
    return errors;
}

FieldErrors validate(const Organization &organization)
{
    FieldErrors errors;
    requireName(errors, QStringLiteral("name"), organization.name);
    if (!text::isPlausibleReading(organization.nameReading))
        errors.append({QStringLiteral("nameReading"),
                       ValidationText::tr("The reading may contain only kana or Latin letters, e.g. ヤマダショウジ.")});
    limitText(errors, QStringLiteral("notes"), organization.notes);
    return errors;
}

FieldErrors validate(const Customer &customer)
{
    FieldErrors errors;
    requireName(errors, QStringLiteral("name"), customer.name);
    if (!text::isPlausibleReading(customer.nameReading))
        errors.append({QStringLiteral("nameReading"),
                       ValidationText::tr("The reading may contain only kana or Latin letters, e.g. ヤマダ タロウ.")});
    for (const auto &contact : customer.contacts) {
        if (contact.kind == ContactKind::Phone) {
            // Stored values are E.164; anything else never went through PhoneNumber::parse.
            const auto parsed = PhoneNumber::parse(contact.value, QStringLiteral("ZZ"));
            if (!parsed || parsed->e164() != contact.value)
                errors.append({QStringLiteral("phones"),
                               ValidationText::tr("%1 is not a valid phone number.").arg(contact.value)});
        } else {
            const auto parsed = EmailAddress::parse(contact.value);
            if (!parsed)
                errors.append({QStringLiteral("emails"), parsed.error().message});
        }
    }
    limitText(errors, QStringLiteral("address"), customer.address);
    limitText(errors, QStringLiteral("notes"), customer.notes);
    for (const auto &tag : customer.tags) {
        if (tag.trimmed().isEmpty() || tag.size() > 50)
            errors.append({QStringLiteral("tags"), ValidationText::tr("Tags must be 1 to 50 characters long.")});
    }
    return errors;
}

FieldErrors validate(const Interaction &interaction)
{
    FieldErrors errors;
    if (interaction.customerId.isNull())
        errors.append(
            {QStringLiteral("customer"), ValidationText::tr("Choose the customer this interaction was with.")});
    if (!interaction.startedAt.isValid())
        errors.append({QStringLiteral("startedAt"), ValidationText::tr("Enter when the interaction started.")});
    if (interaction.durationSeconds < 0 || interaction.wrapUpSeconds < 0)
        errors.append({QStringLiteral("duration"), ValidationText::tr("Durations cannot be negative.")});
    if (interaction.durationSeconds > 24 * 3600)
        errors.append({QStringLiteral("duration"), ValidationText::tr("An interaction cannot last longer than a day.")});
    if (interaction.outcome == Outcome::CallbackScheduled && !interaction.callbackAt)
        errors.append(
            {QStringLiteral("callbackAt"), ValidationText::tr("Enter when the customer should be called back.")});
    limitText(errors, QStringLiteral("notes"), interaction.notes);
    if (const auto address = interaction.details.value(QStringLiteral("address"));
        !address.isEmpty() && !EmailAddress::parse(address))
        errors.append({QStringLiteral("details.address"), EmailAddress::parse(address).error().message});
    for (const QString &value : interaction.details)
        limitText(errors, QStringLiteral("details"), value);
    return errors;
}

FieldErrors validate(const Ticket &ticket)
{
    FieldErrors errors;
    if (ticket.customerId.isNull())
        errors.append({QStringLiteral("customer"), ValidationText::tr("Choose the customer this ticket is for.")});
    if (ticket.subject.trimmed().isEmpty())
        errors.append({QStringLiteral("subject"), ValidationText::tr("A subject is required.")});
    else if (ticket.subject.size() > 300)
        errors.append(
            {QStringLiteral("subject"), ValidationText::tr("The subject is longer than %n characters.", nullptr, 300)});
    if (ticket.number.trimmed().isEmpty())
        errors.append({QStringLiteral("number"), ValidationText::tr("The ticket has no number.")});
    if (ticket.escalationLevel < 0 || ticket.escalationLevel > 3)
        errors.append(
            {QStringLiteral("escalationLevel"), ValidationText::tr("The escalation level must be between 0 and 3.")});
    limitText(errors, QStringLiteral("description"), ticket.description);
    return errors;
}

FieldErrors validate(const CsatResponse &response)
{
    FieldErrors errors;
    if (response.csat && (*response.csat < 1 || *response.csat > 5))
        errors.append({QStringLiteral("csat"), ValidationText::tr("The satisfaction score must be between 1 and 5.")});
    if (response.nps && (*response.nps < 0 || *response.nps > 10))
        errors.append({QStringLiteral("nps"), ValidationText::tr("The recommendation score must be between 0 and 10.")});
    if (response.ces && (*response.ces < 1 || *response.ces > 7))
        errors.append({QStringLiteral("ces"), ValidationText::tr("The effort score must be between 1 and 7.")});
    if (!response.csat && !response.nps && !response.ces)
        errors.append({QStringLiteral("csat"), ValidationText::tr("Enter at least one score.")});
    limitText(errors, QStringLiteral("comment"), response.comment);
    return errors;
}

QString joinMessages(const FieldErrors &errors)
{
    QStringList parts;
    for (const auto &e : errors)
        parts << e.message;
    return parts.join(u' ');
}

} // namespace madoguchi
