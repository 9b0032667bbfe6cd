#pragma once

#include "common/result.h"

namespace madoguchi {

struct SyncReport;
struct SyncSession;

// Sends the outbox to the team server in order, a batch per server
// transaction, with each change's time and the clock offset in force when
// it was made; the acknowledged changes leave the outbox.
class OutboxPusher
{
public:
    explicit OutboxPusher(SyncSession &session)
        : m_session(session)
    {}

    Result<void> push(SyncReport &report);

private:
    // How far the server's clock is ahead of this machine's, measured now
    // and kept with the outbox position it applies from.
    Result<void> measureClock();
    Result<void> pushBatch(SyncReport &report, bool &more);

    SyncSession &m_session;
    qint64 m_sent = 0; // mutations sent so far, for progress
};

} // namespace madoguchi
