#pragma once

#include "common/result.h"
#include "domain/entities.h"

#include <QCoreApplication>
#include <QSqlDatabase>

#include <optional>

namespace madoguchi {

// A canned response (macro): text for the note being written, and the
// changes it makes to the ticket (status, priority, tags).
struct CannedResponse
{
    QUuid id;
    QUuid teamId; // null: shared with everyone
    QString name;
    QString body; // may hold {customer}, {agent} and {ticket}
    std::optional<TicketStatus> setStatus;
    std::optional<Priority> setPriority;
    QStringList addTags;
    RowMeta meta;

    // The body with its placeholders filled in.
    QString expand(const QString &customer, const QString &agent, const QString &ticketNumber) const;
};

FieldErrors validate(const CannedResponse &response);

class CannedResponses
{
    Q_DECLARE_TR_FUNCTIONS(CannedResponses)

public:
    explicit CannedResponses(QSqlDatabase db, QUuid actor = {});

    // Those shared with everyone and those of `team`, by name; every one for a null team.
    Result<QList<CannedResponse>> forTeam(const QUuid &team) const;
    Result<QList<CannedResponse>> all() const;
    // Inserts one without an id, updates one with an id.
    Result<QUuid> save(CannedResponse response);
    Result<void> remove(const QUuid &id);

private:
    Result<QList<CannedResponse>> read(const QString &where, const QVariantList &values) const;

    QSqlDatabase m_db;
    QUuid m_actor;
};

} // namespace madoguchi
