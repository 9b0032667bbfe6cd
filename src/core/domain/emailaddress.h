#pragma once

#include "common/result.h"

#include <QCoreApplication>
#include <QString>

namespace madoguchi {

// A syntactically valid e-mail address (RFC 5321 dot-atom local part, a domain
// of at least two labels). The domain is lower-cased and stored in its ACE
// (punycode) form; the local part keeps its case, as mail servers may.
class EmailAddress
{
    Q_DECLARE_TR_FUNCTIONS(EmailAddress)

public:
    EmailAddress() = default;

    static Result<EmailAddress> parse(const QString &input);
    static EmailAddress fromStored(const QString &stored) { return EmailAddress(stored); }

    bool isNull() const { return m_address.isEmpty(); }
    QString address() const { return m_address; }
    // Lower-cased form used to find duplicates and to search.
    QString key() const { return m_address.toLower(); }
    QString mailtoUri() const { return QStringLiteral("mailto:") + m_address; }

    friend bool operator==(const EmailAddress &, const EmailAddress &) = default;

private:
    explicit EmailAddress(QString address)
        : m_address(std::move(address))
    {}
    QString m_address;
};

} // namespace madoguchi
