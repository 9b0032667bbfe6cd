#pragma once

#include "sync/serverconnection.h"
#include "sync/syncengine.h"

#include <QDateTime>
#include <QObject>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QThread>

#include <optional>
#include <utility>

class QTimer;

namespace madoguchi {

class Database;
class SyncWorker;

// Keeps the local database and the team server in step, on a thread of its
// own with its own connections (DESIGN §5). Online or offline is decided by
// contacting the server; after a failure it tries again with exponential
// backoff (1 s doubling to 5 min, with jitter). A NOTIFY from the server
// (another agent committed) or a local change triggers a sync soon after; a
// timer syncs every minute regardless. QNetworkInformation, where the
// platform has a backend, only hurries a retry when the network comes back.
class SyncService : public QObject
{
    Q_OBJECT
public:
    enum class State {
        Stopped, // not connected to a team server
        Connecting,
        Syncing,
        UpToDate,
        Offline, // the server cannot be reached; retrying
        Failed,  // the server refused (password, certificate, schema): needs a person
    };
    Q_ENUM(State)

    struct Status
    {
        State state = State::Stopped;
        QString message; // translated: why offline or failed
        int pending = 0; // local changes not yet sent
        int openConflicts = 0;
        QDateTime lastSync;    // last successful sync (UTC)
        QDateTime nextAttempt; // offline: when it tries again
        // Syncing: what it is doing and how far (changes sent, rows received).
        std::optional<std::pair<SyncPhase, qint64>> progress;
    };

    // `database` must outlive the service.
    explicit SyncService(Database *database, QObject *parent = nullptr);
    ~SyncService() override;

    Status status() const { return m_status; }
    static QString stateName(State state);

public slots:
    // Starts (or restarts with new settings) syncing with `server`; the
    // password is in `server` (read from the keychain by the caller).
    void start(const ServerConnection &server);
    void stop();
    // Sync now: after a local change, or when the user asks.
    void syncNow();

signals:
    void statusChanged(const madoguchi::SyncService::Status &status);
    // After each sync that changed local rows: views reload.
    void dataChanged(const madoguchi::SyncReport &report);

private:
    void update(const Status &status);

    QThread m_thread;
    SyncWorker *m_worker = nullptr;
    Status m_status;
};

// The part that runs on the service's thread.
class SyncWorker : public QObject
{
    Q_OBJECT
public:
    explicit SyncWorker(Database *database);
    ~SyncWorker() override;

    // Backoff before attempt `failures` (1, 2, 4 … 300 s), without jitter.
    static int backoffSeconds(int failures);

public slots:
    void start(const madoguchi::ServerConnection &server);
    void stop();
    void syncNow();
    // A local change was committed: it goes to the team soon.
    void localChange();

signals:
    void statusChanged(const madoguchi::SyncService::Status &status);
    void dataChanged(const madoguchi::SyncReport &report);

private:
    void runSync();
    void notified(const QString &name, QSqlDriver::NotificationSource source, const QVariant &payload);
    void fail(const Error &error);
    void schedule(int milliseconds);
    void disconnectServer();
    void publish(SyncService::State state, const QString &message = {});
    void countLocal();

    Database *m_database;
    ServerConnection m_server;
    QString m_connectionName;
    QSqlDatabase m_db;
    QTimer *m_timer = nullptr; // the next attempt
    QTimer *m_periodic = nullptr;
    bool m_running = false;
    int m_failures = 0;
    SyncService::Status m_status;
};

} // namespace madoguchi

Q_DECLARE_METATYPE(madoguchi::SyncService::Status)
Q_DECLARE_METATYPE(madoguchi::SyncReport)
Q_DECLARE_METATYPE(madoguchi::ServerConnection)
