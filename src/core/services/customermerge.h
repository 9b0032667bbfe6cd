#pragma once

#include "common/result.h"
#include "domain/entities.h"
#include "repositories/customersummary.h"

#include <QCoreApplication>
#include <QSqlDatabase>

namespace madoguchi {

// Finding customers entered twice, and merging them.
class CustomerMerge
{
    Q_DECLARE_TR_FUNCTIONS(CustomerMerge)

public:
    enum class Reason {
        SamePhone,
        SameEmail,
        SameNameAndReading
    };

    struct Candidate
    {
        CustomerSummary first; // the one created first
        CustomerSummary second;
        Reason reason = Reason::SamePhone;
        QString sharedValue; // the phone (E.164), address or name they share
    };

    CustomerMerge(QSqlDatabase db, QUuid actor = {});

    // Likely duplicates, strongest evidence first (same phone, same e-mail,
    // then same name and reading), at most `limit` pairs.
    Result<QList<Candidate>> findDuplicates(int limit = 300) const;

    // Merges `mergedId` into `survivor.id`: the survivor takes the field
    // values in `survivor` (chosen by the user) and the contact points of
    // both; every interaction, ticket and survey response of the merged
    // customer moves to the survivor; the merged customer becomes a tombstone
    // and the merge is recorded. One transaction. Returns the rows moved.
    Result<int> merge(const Customer &survivor, const QUuid &mergedId);

private:
    QSqlDatabase m_db;
    QUuid m_actor;
};

QString displayName(CustomerMerge::Reason reason);

} // namespace madoguchi
