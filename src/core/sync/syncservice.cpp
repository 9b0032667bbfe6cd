#include "sync/syncservice.h"

#include "storage/changewriter.h"
#include "storage/clientstate.h"
#include "storage/database.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QNetworkInformation>
#include <QRandomGenerator>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QTimer>

namespace madoguchi {

namespace {

const QString kChannel = QStringLiteral("madoguchi_sync");
constexpr int kPeriodMs = 60 * 1000;
constexpr int kPokeDelayMs = 200; // a burst of changes becomes one sync

} // namespace

SyncService::SyncService(Database *database, QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<SyncService::Status>();
    qRegisterMetaType<SyncReport>();
    qRegisterMetaType<ServerConnection>();
    m_worker = new SyncWorker(database);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &SyncWorker::statusChanged, this, &SyncService::update);
    connect(m_worker, &SyncWorker::dataChanged, this, &SyncService::dataChanged);
    // Whatever this copy changes goes to the team soon; what the sync itself
    // wrote is not sent back.
    connect(&database->changes(), &ChangeHub::changed, this, [this](const ChangeSet &changes) {
        if (changes.origin() == ChangeSet::Origin::Local)
            QMetaObject::invokeMethod(m_worker, &SyncWorker::localChange);
    });
    m_thread.setObjectName(QStringLiteral("sync"));
    m_thread.start();
}

SyncService::~SyncService()
{
    QMetaObject::invokeMethod(m_worker, &SyncWorker::stop, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void SyncService::start(const ServerConnection &server)
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker, server] { w->start(server); });
}

void SyncService::stop()
{
    QMetaObject::invokeMethod(m_worker, &SyncWorker::stop);
}

void SyncService::syncNow()
{
    QMetaObject::invokeMethod(m_worker, &SyncWorker::syncNow);
}

void SyncService::update(const Status &status)
{
    m_status = status;
    emit statusChanged(status);
}

QString SyncService::stateName(State state)
{
    switch (state) {
    case State::Stopped: return tr("Working locally");
    case State::Connecting: return tr("Connecting…");
    case State::Syncing: return tr("Syncing…");
    case State::UpToDate: return tr("Up to date");
    case State::Offline: return tr("Offline");
    case State::Failed: return tr("Sync stopped");
    }
    return {};
}

SyncWorker::SyncWorker(Database *database)
    : m_database(database)
    , m_connectionName(QStringLiteral("madoguchi-sync-%1").arg(quintptr(this)))
{}

SyncWorker::~SyncWorker()
{
    disconnectServer();
    m_database->closeThreadConnection();
}

int SyncWorker::backoffSeconds(int failures)
{
    return failures <= 0 ? 0 : std::min(300, 1 << std::min(failures - 1, 9));
}

void SyncWorker::start(const ServerConnection &server)
{
    if (!m_timer) {
        m_timer = new QTimer(this);
        m_timer->setSingleShot(true);
        connect(m_timer, &QTimer::timeout, this, &SyncWorker::runSync);
        m_periodic = new QTimer(this);
        m_periodic->setInterval(kPeriodMs);
        connect(m_periodic, &QTimer::timeout, this, &SyncWorker::syncNow);
        // A hint only: the network coming back hurries the next attempt.
        if (QNetworkInformation::loadDefaultBackend() && QNetworkInformation::instance()) {
            connect(QNetworkInformation::instance(), &QNetworkInformation::reachabilityChanged, this,
                    [this](QNetworkInformation::Reachability r) {
                        if (r == QNetworkInformation::Reachability::Online
                            && m_status.state == SyncService::State::Offline)
                            syncNow();
                    });
        }
    }
    disconnectServer();
    m_server = server;
    m_running = true;
    m_failures = 0;
    m_periodic->start();
    publish(SyncService::State::Connecting);
    schedule(0);
}

void SyncWorker::stop()
{
    m_running = false;
    if (m_timer) {
        m_timer->stop();
        m_periodic->stop();
    }
    disconnectServer();
    publish(SyncService::State::Stopped);
}

void SyncWorker::syncNow()
{
    if (!m_running)
        return;
    // While offline, a request does not shorten the backoff below a second.
    schedule(m_status.state == SyncService::State::Offline ? 1000 : kPokeDelayMs);
}

void SyncWorker::localChange()
{
    if (!m_running)
        return;
    // Soon while connected. Offline, the backoff's next attempt sends it
    // (a change is no reason to knock sooner); refused, a person must act
    // first (retrying a refused login could lock the account). Either way
    // the status counts what now waits to be sent.
    if (m_status.state == SyncService::State::Offline || m_status.state == SyncService::State::Failed) {
        countLocal();
        emit statusChanged(m_status);
        return;
    }
    schedule(kPokeDelayMs);
}

void SyncWorker::schedule(int milliseconds)
{
    if (m_timer->isActive() && m_timer->remainingTime() <= milliseconds)
        return;
    m_timer->start(milliseconds);
}

void SyncWorker::disconnectServer()
{
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

void SyncWorker::publish(SyncService::State state, const QString &message)
{
    m_status.state = state;
    m_status.message = message;
    m_status.progress.reset();
    countLocal();
    emit statusChanged(m_status);
}

void SyncWorker::countLocal()
{
    QSqlQuery q(m_database->connection());
    const QUuid me = ClientState(m_database->connection()).currentAgent();
    q.prepare(QStringLiteral(
        "SELECT (SELECT count(*) FROM sync_outbox), "
        "(SELECT count(*) FROM sync_conflicts WHERE resolved_at IS NULL AND deleted_at IS NULL AND created_by = ?)"));
    q.addBindValue(keyValue(me));
    if (q.exec() && q.next()) {
        m_status.pending = q.value(0).toInt();
        m_status.openConflicts = q.value(1).toInt();
    }
}

void SyncWorker::notified(const QString &, QSqlDriver::NotificationSource source, const QVariant &)
{
    // Our own pushes notify too; only others' changes need a pull.
    if (source != QSqlDriver::SelfSource)
        syncNow();
}

void SyncWorker::fail(const Error &error)
{
    ++m_failures;
    if (error.code != Error::Code::Network) {
        // Refused (password, certificate, a copied database): retrying
        // would not help, and could lock the account. A person must act.
        publish(SyncService::State::Failed, error.message);
        return;
    }
    const int delay = backoffSeconds(m_failures) * 1000 + int(QRandomGenerator::global()->bounded(500));
    m_status.nextAttempt = QDateTime::currentDateTimeUtc().addMSecs(delay);
    publish(SyncService::State::Offline, error.message);
    m_timer->start(delay);
}

void SyncWorker::runSync()
{
    if (!m_running)
        return;
    // A connection that broke is reopened: statements, session settings and
    // the LISTEN are gone with it (research/sync-verified.md §5).
    if (m_db.isValid() && !m_db.isOpen())
        disconnectServer();
    if (!m_db.isValid()) {
        auto opened = openServer(m_server, m_connectionName);
        Result<void> ready = opened ? SyncEngine::prepareSession(opened.value()) : Result<void>(opened.error());
        if (!ready) {
            disconnectServer();
            fail(ready.error());
            return;
        }
        m_db = opened.value();
        m_db.driver()->subscribeToNotification(kChannel);
        connect(m_db.driver(), &QSqlDriver::notification, this, &SyncWorker::notified);
    }
    publish(SyncService::State::Syncing);
    SyncEngine engine(m_database->connection(), m_db);
    // A first sync of a large copy takes minutes: say how far it is, at
    // most four times a second.
    QElapsedTimer sinceShown;
    sinceShown.start();
    engine.setProgress([this, &sinceShown](SyncPhase phase, qint64 done) {
        const bool newPhase = !m_status.progress || m_status.progress->first != phase;
        if (!newPhase && sinceShown.elapsed() < 250)
            return;
        sinceShown.restart();
        m_status.progress = std::pair{phase, done};
        emit statusChanged(m_status);
    });
    const auto report = engine.syncOnce();
    if (!report) {
        if (report.error().code == Error::Code::Network)
            disconnectServer();
        fail(report.error());
        return;
    }
    m_failures = 0;
    m_status.lastSync = QDateTime::currentDateTimeUtc();
    m_status.nextAttempt = {};
    publish(SyncService::State::UpToDate);
    if (report->received > 0 || report->removed > 0 || report->pushed > 0 || report->reset)
        emit dataChanged(report.value());
}

} // namespace madoguchi
