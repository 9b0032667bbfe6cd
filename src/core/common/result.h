#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace madoguchi {

// An error a user can read: `message` is already translated and says what
// happened and, where possible, what to do about it.
struct Error
{
    enum class Code {
        Invalid, // bad input; nothing was changed
        NotFound,
        Database,     // SQLite reported an error
        NotADatabase, // the file is not a (Madoguchi) SQLite database
        SchemaTooNew, // written by a newer Madoguchi; left untouched
        ReadOnly,
        Io,
        Usage,   // bad command-line arguments
        Network, // the server could not be reached or the connection dropped: try again later
        Damaged, // a check found the database file damaged: nothing is written to it
    };

    Code code = Code::Database;
    QString message;
};

// Storage, import and sync return values or an Error; exceptions never cross
// a slot or the event loop (see STYLE.md, "Errors are values").
template<typename T>
class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_value(std::move(value))
    {}
    Result(Error error)
        : m_value(std::move(error))
    {}

    bool ok() const { return std::holds_alternative<T>(m_value); }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<T>(m_value); }
    T &value() & { return std::get<T>(m_value); }
    // By value: `for (auto &x : f().value())` must not dangle.
    T value() && { return std::get<T>(std::move(m_value)); }
    // The value, or `fallback` after an error (for displays that show what they can).
    T value_or(T fallback) && { return *this ? std::get<T>(std::move(m_value)) : std::move(fallback); }
    const T &operator*() const & { return value(); }
    const T *operator->() const { return &value(); }

    const Error &error() const { return std::get<Error>(m_value); }

private:
    std::variant<T, Error> m_value;
};

template<>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error))
        , m_ok(false)
    {}

    bool ok() const { return m_ok; }
    explicit operator bool() const { return m_ok; }
    const Error &error() const { return m_error; }

private:
    Error m_error;
    bool m_ok = true;
};

inline Error makeError(Error::Code code, QString message)
{
    return Error{code, std::move(message)};
}

} // namespace madoguchi
