#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace madoguchi {

// Every enumeration is stored as a stable lower-case key ("phone", "on_hold");
// display names are translated separately.
enum class AgentRole {
    Agent,
    Lead,
    Supervisor,
    Admin
};
enum class Channel {
    Phone,
    Email,
    Chat,
    Social,
    Visit,
    Web
};
enum class Direction {
    Inbound,
    Outbound
};
enum class Outcome {
    Resolved,
    FollowUp,
    Escalated,
    NoAnswer,
    Voicemail,
    CallbackScheduled
};
enum class TicketStatus {
    New,
    Open,
    Pending,
    OnHold,
    Solved,
    Closed
};
enum class Priority {
    Low,
    Normal,
    High,
    Urgent
};
enum class CustomerTier {
    Standard,
    Premium,
    Vip
};
enum class ContactKind {
    Phone,
    Email
};
enum class AutoAssign {
    None,
    RoundRobin,
    LeastOpen
}; // how a team hands out new tickets

template<typename E>
QString toKey(E value);
template<typename E>
std::optional<E> fromKey(const QString &key);
template<typename E>
QString displayName(E value);
template<typename E>
QStringList allKeys();

#define MADOGUCHI_DECLARE_ENUM_KEYS(E) \
    template<> \
    QString toKey<E>(E value); \
    template<> \
    std::optional<E> fromKey<E>(const QString &key); \
    template<> \
    QString displayName<E>(E value); \
    template<> \
    QStringList allKeys<E>();

MADOGUCHI_DECLARE_ENUM_KEYS(AgentRole)
MADOGUCHI_DECLARE_ENUM_KEYS(Channel)
MADOGUCHI_DECLARE_ENUM_KEYS(Direction)
MADOGUCHI_DECLARE_ENUM_KEYS(Outcome)
MADOGUCHI_DECLARE_ENUM_KEYS(TicketStatus)
MADOGUCHI_DECLARE_ENUM_KEYS(Priority)
MADOGUCHI_DECLARE_ENUM_KEYS(CustomerTier)
MADOGUCHI_DECLARE_ENUM_KEYS(ContactKind)
MADOGUCHI_DECLARE_ENUM_KEYS(AutoAssign)

#undef MADOGUCHI_DECLARE_ENUM_KEYS

} // namespace madoguchi
