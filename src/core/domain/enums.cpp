#include "domain/enums.h"

#include <QCoreApplication>

#include <array>
#include <utility>

namespace madoguchi {

namespace {

// The translation context "Enum" (display names of the enums).
struct EnumText
{
    Q_DECLARE_TR_FUNCTIONS(Enum)
};

template<typename E>
struct EnumEntry
{
    E value;
    const char16_t *key;
    const char *display; // translated in the "Enum" context
};

template<typename E, std::size_t N>
QString keyOf(const std::array<EnumEntry<E>, N> &table, E value)
{
    for (const auto &e : table) {
        if (e.value == value)
            return QString::fromUtf16(e.key);
    }
    return {};
}

template<typename E, std::size_t N>
std::optional<E> valueOf(const std::array<EnumEntry<E>, N> &table, const QString &key)
{
    for (const auto &e : table) {
        if (key == QStringView(e.key))
            return e.value;
    }
    return std::nullopt;
}

template<typename E, std::size_t N>
QString displayOf(const std::array<EnumEntry<E>, N> &table, E value)
{
    for (const auto &e : table) {
        if (e.value == value)
            return EnumText::tr(e.display);
    }
    return {};
}

template<typename E, std::size_t N>
QStringList keysOf(const std::array<EnumEntry<E>, N> &table)
{
    QStringList out;
    for (const auto &e : table)
        out << QString::fromUtf16(e.key);
    return out;
}

constexpr std::array<EnumEntry<AgentRole>, 4> kAgentRoles{{
    {AgentRole::Agent, u"agent", QT_TRANSLATE_NOOP("Enum", "Agent")},
     {AgentRole::Lead, u"lead", QT_TRANSLATE_NOOP("Enum", "Team lead")},
      {AgentRole::Supervisor, u"supervisor", QT_TRANSLATE_NOOP("Enum", "Supervisor")},
       {AgentRole::Admin, u"admin", QT_TRANSLATE_NOOP("Enum", "Administrator")},
      }};

constexpr std::array<EnumEntry<Channel>, 6> kChannels{{
    {Channel::Phone, u"phone", QT_TRANSLATE_NOOP("Enum", "Phone")},
     {Channel::Email, u"email", QT_TRANSLATE_NOOP("Enum", "E-mail")},
      {Channel::Chat, u"chat", QT_TRANSLATE_NOOP("Enum", "Chat")},
       {Channel::Social, u"social", QT_TRANSLATE_NOOP("Enum", "Social media")},
        {Channel::Visit, u"visit", QT_TRANSLATE_NOOP("Enum", "Visit")},
         {Channel::Web, u"web", QT_TRANSLATE_NOOP("Enum", "Web form")},
        }};

constexpr std::array<EnumEntry<Direction>, 2> kDirections{{
    {Direction::Inbound, u"inbound", QT_TRANSLATE_NOOP("Enum", "Inbound")},
     {Direction::Outbound, u"outbound", QT_TRANSLATE_NOOP("Enum", "Outbound")},
    }};

constexpr std::array<EnumEntry<Outcome>, 6> kOutcomes{{
    {Outcome::Resolved, u"resolved", QT_TRANSLATE_NOOP("Enum", "Resolved")},
     {Outcome::FollowUp, u"follow_up", QT_TRANSLATE_NOOP("Enum", "Follow-up needed")},
      {Outcome::Escalated, u"escalated", QT_TRANSLATE_NOOP("Enum", "Escalated")},
       {Outcome::NoAnswer, u"no_answer", QT_TRANSLATE_NOOP("Enum", "No answer")},
        {Outcome::Voicemail, u"voicemail", QT_TRANSLATE_NOOP("Enum", "Voicemail")},
         {Outcome::CallbackScheduled, u"callback_scheduled", QT_TRANSLATE_NOOP("Enum", "Callback scheduled")},
        }};

constexpr std::array<EnumEntry<TicketStatus>, 6> kStatuses{{
    {TicketStatus::New, u"new", QT_TRANSLATE_NOOP("Enum", "New")},
     {TicketStatus::Open, u"open", QT_TRANSLATE_NOOP("Enum", "Open")},
      {TicketStatus::Pending, u"pending", QT_TRANSLATE_NOOP("Enum", "Pending")},
       {TicketStatus::OnHold, u"on_hold", QT_TRANSLATE_NOOP("Enum", "On hold")},
        {TicketStatus::Solved, u"solved", QT_TRANSLATE_NOOP("Enum", "Solved")},
         {TicketStatus::Closed, u"closed", QT_TRANSLATE_NOOP("Enum", "Closed")},
        }};

constexpr std::array<EnumEntry<Priority>, 4> kPriorities{{
    {Priority::Low, u"low", QT_TRANSLATE_NOOP("Enum", "Low")},
     {Priority::Normal, u"normal", QT_TRANSLATE_NOOP("Enum", "Normal")},
      {Priority::High, u"high", QT_TRANSLATE_NOOP("Enum", "High")},
       {Priority::Urgent, u"urgent", QT_TRANSLATE_NOOP("Enum", "Urgent")},
      }};

constexpr std::array<EnumEntry<CustomerTier>, 3> kTiers{{
    {CustomerTier::Standard, u"standard", QT_TRANSLATE_NOOP("Enum", "Standard")},
     {CustomerTier::Premium, u"premium", QT_TRANSLATE_NOOP("Enum", "Premium")},
      {CustomerTier::Vip, u"vip", QT_TRANSLATE_NOOP("Enum", "VIP")},
     }};

constexpr std::array<EnumEntry<ContactKind>, 2> kContactKinds{{
    {ContactKind::Phone, u"phone", QT_TRANSLATE_NOOP("Enum", "Phone")},
     {ContactKind::Email, u"email", QT_TRANSLATE_NOOP("Enum", "E-mail")},
    }};

constexpr std::array<EnumEntry<AutoAssign>, 3> kAutoAssign{{
    {AutoAssign::None, u"none", QT_TRANSLATE_NOOP("Enum", "By hand")},
     {AutoAssign::RoundRobin, u"round_robin", QT_TRANSLATE_NOOP("Enum", "In turn (round robin)")},
      {AutoAssign::LeastOpen, u"least_open", QT_TRANSLATE_NOOP("Enum", "Fewest open tickets")},
     }};

} // namespace

#define MADOGUCHI_DEFINE_ENUM_KEYS(E, table) \
    template<> \
    QString toKey<E>(E value) \
    { \
        return keyOf(table, value); \
    } \
    template<> \
    std::optional<E> fromKey<E>(const QString &key) \
    { \
        return valueOf(table, key); \
    } \
    template<> \
    QString displayName<E>(E value) \
    { \
        return displayOf(table, value); \
    } \
    template<> \
    QStringList allKeys<E>() \
    { \
        return keysOf(table); \
    }

MADOGUCHI_DEFINE_ENUM_KEYS(AgentRole, kAgentRoles)
MADOGUCHI_DEFINE_ENUM_KEYS(Channel, kChannels)
MADOGUCHI_DEFINE_ENUM_KEYS(Direction, kDirections)
MADOGUCHI_DEFINE_ENUM_KEYS(Outcome, kOutcomes)
MADOGUCHI_DEFINE_ENUM_KEYS(TicketStatus, kStatuses)
MADOGUCHI_DEFINE_ENUM_KEYS(Priority, kPriorities)
MADOGUCHI_DEFINE_ENUM_KEYS(CustomerTier, kTiers)
MADOGUCHI_DEFINE_ENUM_KEYS(ContactKind, kContactKinds)
MADOGUCHI_DEFINE_ENUM_KEYS(AutoAssign, kAutoAssign)

#undef MADOGUCHI_DEFINE_ENUM_KEYS

} // namespace madoguchi
