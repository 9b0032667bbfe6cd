#include "pgserver.h"

#include <QCoreApplication>
#include <QDir>
#include <QHostAddress>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>

#include <grp.h>
#include <pwd.h>
#include <unistd.h>

namespace madoguchi::test {

namespace {

// The newest installed server's programs (Debian: /usr/lib/postgresql/N/bin).
QString serverBin()
{
    const QDir root(QStringLiteral("/usr/lib/postgresql"));
    QStringList versions = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    std::sort(versions.begin(), versions.end(),
              [](const QString &a, const QString &b) { return a.toInt() < b.toInt(); });
    for (auto it = versions.crbegin(); it != versions.crend(); ++it) {
        const QString bin = root.filePath(*it + QStringLiteral("/bin"));
        if (QFile::exists(bin + QStringLiteral("/initdb")))
            return bin;
    }
    return {};
}

int freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

bool chownToPostgres(const QString &path)
{
    const passwd *pw = getpwnam("postgres");
    return pw && ::chown(QFile::encodeName(path).constData(), pw->pw_uid, pw->pw_gid) == 0;
}

} // namespace

PgServer::PgServer(const Options &options)
    : m_bin(serverBin())
    , m_ssl(options.ssl)
{
    if (m_bin.isEmpty()) {
        m_error = QStringLiteral(
            "PostgreSQL is not installed (no /usr/lib/postgresql/N/bin/initdb): run packaging/install-deps.sh");
        return;
    }
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("cannot create a temporary folder");
        return;
    }
    const bool root = geteuid() == 0;
    // initdb refuses to run as root: the cluster belongs to the postgres user.
    if (root && !chownToPostgres(m_dir.path())) {
        m_error = QStringLiteral("cannot hand %1 to the postgres user").arg(m_dir.path());
        return;
    }
    QFile::setPermissions(m_dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    const QString data = m_dir.filePath(QStringLiteral("data"));
    if (!run(m_bin + QStringLiteral("/initdb"),
             {QStringLiteral("-D"), data, QStringLiteral("-U"), QStringLiteral("postgres"), QStringLiteral("-E"),
              QStringLiteral("UTF8"), QStringLiteral("--locale=C.UTF-8"), QStringLiteral("--auth-local=trust"),
              QStringLiteral("--auth-host=scram-sha-256"), QStringLiteral("--no-sync")},
             QStringLiteral("initdb"), root))
        return;
    // Two loopback addresses: the certificate names only the first, so a
    // connection to the second is one to a host the certificate is not for.
    QString settings = QStringLiteral(
                           "-c listen_addresses=127.0.0.1,127.0.0.2 -k %1 -c fsync=off -c synchronous_commit=off "
                           "-c full_page_writes=off -c max_connections=60")
                           .arg(m_dir.path());
    // MADOGUCHI_BENCH_PROFILE=1: time per statement, those run inside functions too.
    if (qEnvironmentVariableIntValue("MADOGUCHI_BENCH_PROFILE") != 0)
        settings += QStringLiteral(" -c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=all");
    if (m_ssl) {
        const QString key = m_dir.filePath(QStringLiteral("server.key"));
        if (!run(QStringLiteral("openssl"),
                 {QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-x509"), QStringLiteral("-days"),
                  QStringLiteral("2"), QStringLiteral("-nodes"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                  QStringLiteral("-subj"), QStringLiteral("/CN=localhost"), QStringLiteral("-addext"),
                  QStringLiteral("subjectAltName=DNS:localhost,IP:127.0.0.1"), QStringLiteral("-keyout"), key,
                  QStringLiteral("-out"), certificate()},
                 QStringLiteral("openssl"), false))
            return;
        QFile::setPermissions(key, QFile::ReadOwner | QFile::WriteOwner);
        if (root && (!chownToPostgres(key) || !chownToPostgres(certificate()))) {
            m_error = QStringLiteral("cannot hand the certificate to the postgres user");
            return;
        }
        settings += QStringLiteral(" -c ssl=on -c ssl_cert_file=%1 -c ssl_key_file=%2").arg(certificate(), key);
    }
    // A port found free can be taken before the server binds it: try a few.
    for (int attempt = 0; attempt < 5 && !m_running; ++attempt) {
        m_port = freePort();
        m_running = run(m_bin + QStringLiteral("/pg_ctl"),
                        {QStringLiteral("-D"), data, QStringLiteral("-l"), m_dir.filePath(QStringLiteral("server.log")),
                         QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("30"), QStringLiteral("-o"),
                         settings + QStringLiteral(" -p %1").arg(m_port), QStringLiteral("start")},
                        QStringLiteral("pg_ctl start"), root);
    }
    if (m_running)
        m_error.clear();
}

PgServer::~PgServer()
{
    if (m_running) {
        run(m_bin + QStringLiteral("/pg_ctl"),
            {QStringLiteral("-D"), m_dir.filePath(QStringLiteral("data")), QStringLiteral("-m"), QStringLiteral("fast"),
             QStringLiteral("-w"), QStringLiteral("stop")},
            QStringLiteral("pg_ctl stop"), geteuid() == 0);
    }
}

PgServer &PgServer::shared()
{
    static PgServer server;
    return server;
}

QString PgServer::certificate() const
{
    return m_dir.filePath(QStringLiteral("server.crt"));
}

bool PgServer::run(const QString &program, const QStringList &arguments, const QString &step, bool asPostgres)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    if (asPostgres)
        process.start(QStringLiteral("runuser"),
                      QStringList{QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--"), program}
                          + arguments);
    else
        process.start(program, arguments);
    if (!process.waitForFinished(60'000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        m_error = QStringLiteral("%1 failed: %2 %3")
                      .arg(step, process.errorString(), QString::fromLocal8Bit(process.readAll()).trimmed());
        return false;
    }
    return true;
}

QString PgServer::createDatabase(const QString &prefix)
{
    const QString name
        = QStringLiteral("%1_%2_%3").arg(prefix.toLower()).arg(QCoreApplication::applicationPid()).arg(++m_databases);
    // The name is made here from letters, digits and underscores: safe to splice.
    if (const QString e = exec(QStringLiteral("postgres"), QStringLiteral("CREATE DATABASE \"%1\"").arg(name));
        !e.isEmpty()) {
        m_error = e;
        return {};
    }
    return name;
}

QSqlDatabase PgServer::superuser(const QString &database, const QString &connectionName)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
    db.setHostName(socketDir());
    db.setPort(m_port);
    db.setDatabaseName(database);
    db.setUserName(QStringLiteral("postgres"));
    db.open();
    return db;
}

QString PgServer::exec(const QString &database, const QString &sql)
{
    const QString name = QStringLiteral("pgserver-exec");
    QString error;
    {
        QSqlDatabase db = superuser(database, name);
        if (!db.isOpen()) {
            error = db.lastError().text();
        } else {
            QSqlQuery q(db);
            if (!q.exec(sql))
                error = q.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return error;
}

ServerConnection PgServer::connection(const QString &database, const QString &user, const QString &password) const
{
    ServerConnection c;
    c.host = QStringLiteral("127.0.0.1");
    c.port = m_port;
    c.database = database;
    c.user = user;
    c.password = password;
    c.sslMode = QStringLiteral("disable");
    return c;
}

} // namespace madoguchi::test
