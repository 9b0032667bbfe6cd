#pragma once

#include "sync/serverconnection.h"

#include <QSqlDatabase>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace madoguchi::test {

// A throwaway PostgreSQL 15 cluster from Debian's packages: initdb into a
// temporary folder (as the postgres system user when the tests run as
// root), started on a free port of 127.0.0.1 with fsync off, stopped and
// removed at the end. The superuser reaches it over the Unix socket in that
// folder without a password; other roles log in over TCP with SCRAM.
//
// A missing or broken server is a test failure, never a skip: error()
// says why, and the tests assert on it.
class PgServer
{
public:
    struct Options
    {
        bool ssl = false; // a self-signed certificate for localhost and 127.0.0.1
    };

    explicit PgServer(const Options &options);
    PgServer()
        : PgServer(Options{})
    {}
    ~PgServer();
    PgServer(const PgServer &) = delete;
    PgServer &operator=(const PgServer &) = delete;

    // One cluster for the whole test run (started on first use).
    static PgServer &shared();

    bool isRunning() const { return m_running; }
    QString error() const { return m_error; }
    int port() const { return m_port; }
    QString socketDir() const { return m_dir.path(); }
    QString certificate() const; // with ssl: the server's certificate, the CA to trust

    // A new, empty database named after the test (a fresh one per call).
    QString createDatabase(const QString &prefix);
    // A superuser connection (over the socket), named `connectionName`.
    QSqlDatabase superuser(const QString &database, const QString &connectionName);
    // Runs SQL as superuser in `database`; the error text, empty on success.
    QString exec(const QString &database, const QString &sql);
    // How a client reaches `database` as `user` over TCP (no TLS: TLS has its
    // own tests).
    ServerConnection connection(const QString &database, const QString &user, const QString &password) const;

private:
    bool run(const QString &program, const QStringList &arguments, const QString &step, bool asPostgres);

    QTemporaryDir m_dir;
    QString m_bin;
    int m_port = 0;
    bool m_running = false;
    bool m_ssl = false;
    QString m_error;
    int m_databases = 0;
};

} // namespace madoguchi::test
