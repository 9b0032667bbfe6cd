#include "sync/syncengine.h"

#include "domain/uuid.h"
#include "storage/clientstate.h"
#include "sync/changefeed.h"
#include "sync/changepuller.h"
#include "sync/outboxpusher.h"
#include "sync/serverconnection.h"
#include "sync/syncsession.h"

#include <QSqlQuery>

namespace madoguchi {

namespace {

const QString kClientId = QStringLiteral("sync.client_id");

} // namespace

QJsonObject SyncReport::toJson() const
{
    return QJsonObject{{QStringLiteral("pushed"), pushed},       {QStringLiteral("merged"), merged},
                       {QStringLiteral("conflicts"), conflicts}, {QStringLiteral("rejected"), rejected},
                       {QStringLiteral("received"), received},   {QStringLiteral("removed"), removed},
                       {QStringLiteral("reset"), reset},         {QStringLiteral("pending"), pending},
                       {QStringLiteral("cursor"), cursor}};
}

SyncEngine::SyncEngine(QSqlDatabase local, QSqlDatabase server, SyncOptions options)
    : m_session(std::make_unique<SyncSession>())
{
    m_session->local = std::move(local);
    m_session->server = std::move(server);
    m_session->options = std::move(options);
    if (!m_session->options.changeFeed)
        m_session->options.changeFeed = std::make_shared<SnapshotChangeFeed>();
}

SyncEngine::~SyncEngine() = default;

void SyncEngine::setProgress(std::function<void(SyncPhase, qint64)> progress)
{
    m_session->progress = std::move(progress);
}

Result<QUuid> SyncEngine::clientId(QSqlDatabase local)
{
    ClientState state(local);
    const QUuid known = QUuid::fromString(state.value(kClientId));
    if (!known.isNull())
        return known;
    const QUuid id = newUuidV7();
    if (auto r = state.setValue(kClientId, uuidToText(id)); !r)
        return r.error();
    return id;
}

Result<void> SyncEngine::prepareSession(QSqlDatabase server)
{
    QSqlQuery q(server);
    for (const char *sql : {"SET statement_timeout = '120s'", "SET lock_timeout = '15s'",
                            "SET idle_in_transaction_session_timeout = '120s'"}) {
        if (!q.exec(QString::fromLatin1(sql)))
            return serverError(q.lastError(), SyncText::tr("preparing the connection"));
    }
    return {};
}

Result<SyncReport> SyncEngine::syncOnce()
{
    // Generated demo data never goes to a team's server.
    if (ClientState(m_session->local).value(QStringLiteral("demo")) == u"1") {
        return makeError(Error::Code::Invalid,
                         SyncText::tr("This database holds generated demo data, which is never sent "
                                      "to a team server. Open or create another database to connect."));
    }
    auto pushed = push();
    if (!pushed)
        return pushed.error();
    auto pulled = pull();
    if (!pulled)
        return pulled.error();
    SyncReport report = pulled.value();
    report.pushed = pushed->pushed;
    report.merged = pushed->merged;
    report.conflicts = pushed->conflicts;
    report.rejected = pushed->rejected;
    return report;
}

Result<SyncReport> SyncEngine::push()
{
    if (auto r = m_session->loadColumns(); !r)
        return r.error();
    SyncReport report;
    if (auto r = OutboxPusher(*m_session).push(report); !r)
        return r.error();
    report.pending = pending();
    return report;
}

Result<SyncReport> SyncEngine::pull()
{
    if (auto r = m_session->loadColumns(); !r)
        return r.error();
    SyncReport report;
    if (auto r = ChangePuller(*m_session, *m_session->options.changeFeed).pull(report); !r)
        return r.error();
    report.pending = pending();
    return report;
}

int SyncEngine::pending() const
{
    QSqlQuery q(m_session->local);
    if (q.exec(QStringLiteral("SELECT count(*) FROM sync_outbox")) && q.next())
        return q.value(0).toInt();
    return 0;
}

} // namespace madoguchi
