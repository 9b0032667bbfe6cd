#include "domain/ticketworkflow.h"

#include <gtest/gtest.h>

using namespace madoguchi;

namespace {

using S = TicketStatus;
constexpr S kAll[] = {S::New, S::Open, S::Pending, S::OnHold, S::Solved, S::Closed};

} // namespace

TEST(TicketWorkflow, EveryTransitionIsAllowedOrRefusedAsSpecified)
{
    // Rows: from; columns: to (new, open, pending, on_hold, solved, closed).
    const bool expected[6][6] = {
        /* new     */ {false, true, true, true, true, false},
        /* open    */ {false, false, true, true, true, false},
        /* pending */ {false, true, false, true, true, false},
        /* on_hold */ {false, true, true, false, true, false},
        /* solved  */ {false, true, false, false, false, true},
        /* closed  */ {false, false, false, false, false, false},
    };
    for (int f = 0; f < 6; ++f) {
        for (int t = 0; t < 6; ++t) {
            const TransitionCheck check = checkTransition(kAll[f], kAll[t]);
            EXPECT_EQ(check.allowed, expected[f][t])
                << toKey(kAll[f]).toStdString() << " → " << toKey(kAll[t]).toStdString();
            // A refusal always says why; an allowed change never carries a reason.
            EXPECT_EQ(check.reason.isEmpty(), check.allowed)
                << toKey(kAll[f]).toStdString() << " → " << toKey(kAll[t]).toStdString();
            EXPECT_EQ(check.reopens, f == 4 && t == 1);
        }
    }
}

TEST(TicketWorkflow, RefusalsExplainThemselves)
{
    EXPECT_TRUE(checkTransition(S::Closed, S::Open).reason.contains(QStringLiteral("follow-up")));
    EXPECT_TRUE(checkTransition(S::Open, S::Closed).reason.contains(QStringLiteral("after it is solved")));
    EXPECT_TRUE(checkTransition(S::Open, S::New).reason.contains(QStringLiteral("back to New")));
    EXPECT_TRUE(checkTransition(S::Solved, S::Pending).reason.contains(QStringLiteral("reopened or closed")));
    EXPECT_TRUE(checkTransition(S::Open, S::Open).reason.contains(QStringLiteral("already")));
}

TEST(TicketWorkflow, ListsTheNextStatusesAndWhichPauseTheSlaClock)
{
    EXPECT_EQ(allowedTransitions(S::Solved), (QList<S>{S::Open, S::Closed}));
    EXPECT_TRUE(allowedTransitions(S::Closed).isEmpty());
    EXPECT_EQ(allowedTransitions(S::New), (QList<S>{S::Open, S::Pending, S::OnHold, S::Solved}));
    EXPECT_TRUE(pausesSla(S::Pending));
    EXPECT_TRUE(pausesSla(S::OnHold));
    EXPECT_FALSE(pausesSla(S::Open));
    EXPECT_FALSE(pausesSla(S::New));
    EXPECT_TRUE(isOpenStatus(S::Pending));
    EXPECT_FALSE(isOpenStatus(S::Solved));
    EXPECT_FALSE(isOpenStatus(S::Closed));
}
