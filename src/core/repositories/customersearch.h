#pragma once

#include "common/result.h"
#include "domain/entities.h"
#include "repositories/customersummary.h"

#include <QCoreApplication>

namespace madoguchi {

// Finds customers as the agent types: by name, kana reading, organization,
// e-mail, or any written form of a phone number, including partial digits.
// Best first: an exact phone or e-mail match, then names (and readings,
// organizations) that start with the text, then the ones containing it.
class CustomerSearch
{
    Q_DECLARE_TR_FUNCTIONS(CustomerSearch)

public:
    enum class Match {
        ExactPhone,
        ExactEmail,
        Prefix,
        Contains
    };

    struct Hit
    {
        CustomerSummary customer;
        Match match = Match::Contains;
        QString shared; // sharingContacts(): the number (E.164) or address in common
    };

    // `defaultRegion` reads numbers written without a country code.
    CustomerSearch(QSqlDatabase db, QString defaultRegion);

    Result<QList<Hit>> search(const QString &text, int limit = 50) const;
    // The customers on file with one of `customer`'s phone numbers or e-mail
    // addresses (`customer` itself left out), each once, as ExactPhone or
    // ExactEmail hits: a new customer's likely duplicates, before it is saved.
    Result<QList<Hit>> sharingContacts(const Customer &customer, int limit = 20) const;

    // Phone-like input (digits, spaces, dashes, +, parentheses, in any width).
    static bool looksLikePhone(const QString &text);

private:
    QSqlDatabase m_db;
    QString m_region;
};

} // namespace madoguchi
