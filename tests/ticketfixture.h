#pragma once

// Customers plus a team and an agent, and helpers to create tickets.
#include "customerfixture.h"
#include "repositories/directoryrepository.h"
#include "repositories/ticketrepository.h"
#include "services/ticketservice.h"

#include <gtest/gtest.h>

namespace madoguchi::test {

struct TicketFixture : CustomerFixture
{
    QUuid agent;
    QUuid team;

    TicketFixture()
    {
        DirectoryRepository directory(db.connection());
        Team t;
        t.name = QStringLiteral("技術サポート");
        team = directory.addTeam(t).value();
        Agent a;
        a.name = QStringLiteral("高橋 美咲");
        a.teamId = team;
        agent = directory.addAgent(a).value();
    }

    Ticket create(bool live = false)
    {
        Ticket draft;
        draft.customerId = ids.value(QStringLiteral("山田 太郎"));
        draft.subject = QStringLiteral("ログインできない");
        const auto t = TicketService(db.connection(), agent).create(draft, live);
        EXPECT_TRUE(t) << (t ? std::string() : t.error().message.toStdString());
        return t ? t.value() : Ticket();
    }

    QStringList history(const QUuid &ticket)
    {
        QStringList out;
        for (const TicketEvent &e : TicketRepository(db.connection()).events(ticket).value())
            out << QStringLiteral("%1:%2>%3").arg(e.field, e.oldValue, e.newValue);
        return out;
    }
};

} // namespace madoguchi::test
