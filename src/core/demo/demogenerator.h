#pragma once

#include "common/result.h"

#include <QDate>
#include <QString>

#include <functional>

namespace madoguchi {

class Database;

struct DemoOptions
{
    quint64 seed = 1;
    qint64 customers = 2'000;
    qint64 tickets = 10'000;
    qint64 interactions = 30'000;
    // The data covers the `days` days before `anchor` (exclusive), in the
    // team's time zone (Asia/Tokyo). Same seed + same anchor = same database.
    QDate anchor;
    int days = 365;
};

struct DemoSummary
{
    qint64 teams = 0;
    qint64 agents = 0;
    qint64 organizations = 0;
    qint64 customers = 0;
    qint64 contacts = 0;
    qint64 tickets = 0;
    qint64 ticketEvents = 0;
    qint64 interactions = 0;
    qint64 csatResponses = 0;
    qint64 elapsedMs = 0;
};

// Stage name (untranslated key) and progress in rows.
using DemoProgress = std::function<void(const QString &stage, qint64 done, qint64 total)>;

// Demo data goes only into a database without customers, teams or tickets.
Result<void> checkEmptyForDemo(const Database &database);

// Fills an empty database with a realistic, deterministic data set: Japanese
// and English customers with kana readings, companies, JP/US phone numbers,
// three teams of agents, tickets and interactions with weekday/hour
// seasonality, response and resolution times, escalations, reopenings, CSAT.
//
// Demo rows are seed data, not user changes: they are not recorded in the
// sync outbox, and the database is marked as a demo (client_state "demo") so
// that it is never pushed to a team server.
Result<DemoSummary> generateDemoData(const Database &database, const DemoOptions &options,
                                     const DemoProgress &progress = {});

} // namespace madoguchi
