#include "storage/database.h"

#include "storage/backups.h"
#include "storage/sqlite.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlQuery>
#include <QThread>
#include <QVariant>

#include <algorithm>
#include <atomic>

namespace madoguchi {

namespace {

constexpr int kBusyTimeoutMs = 5000;
std::atomic<int> g_instanceCounter{0};

Error notOurs(const QString &shownPath)
{
    return makeError(Error::Code::NotADatabase,
                     Database::tr("%1 is not a Madoguchi database, or it is damaged.").arg(shownPath));
}

struct FileHeader
{
    int userVersion = 0;
    int applicationId = 0;
    int objectCount = 0;

    // A file just created (or left empty): not yet anyone's database.
    bool isEmpty() const { return userVersion == 0 && objectCount == 0; }
};

Result<FileHeader> readHeader(const QSqlDatabase &db, const QString &path)
{
    QSqlQuery q(db);
    FileHeader header;
    // The first read makes SQLite look at the file: a non-database fails here.
    if (!q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) || !q.next()) {
        const auto e = sqlite::toError(q.lastError(), Database::tr("opening the database"));
        if (e.code == Error::Code::NotADatabase || e.code == Error::Code::Database)
            return notOurs(QDir::toNativeSeparators(path));
        return e;
    }
    header.objectCount = q.value(0).toInt();
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return sqlite::toError(q.lastError(), Database::tr("opening the database"));
    header.userVersion = q.value(0).toInt();
    if (!q.exec(QStringLiteral("PRAGMA application_id")) || !q.next())
        return sqlite::toError(q.lastError(), Database::tr("opening the database"));
    header.applicationId = q.value(0).toInt();
    return header;
}

// Whether the file at `info` may be opened (or, missing, created) for
// writing; nothing is opened yet.
Result<void> checkLocation(const QFileInfo &info, const QString &shown, Database::OpenMode mode)
{
    if (info.exists() && info.isDir())
        return makeError(Error::Code::NotADatabase, Database::tr("%1 is a folder, not a database file.").arg(shown));
    if (!info.exists()) {
        if (mode == Database::OpenMode::MustExist)
            return makeError(Error::Code::NotFound, Database::tr("There is no database at %1.").arg(shown));
        if (!QDir().mkpath(info.absolutePath()))
            return makeError(Error::Code::Io, Database::tr("The folder for %1 could not be created.").arg(shown));
    } else {
        // SQLite in WAL mode also writes -wal and -shm files next to the database.
        // The owner's write bit is checked too: root may write anywhere, but a
        // file marked read-only is meant to stay unchanged.
        const bool markedReadOnly = !(info.permissions() & QFileDevice::WriteOwner);
        if (markedReadOnly || !info.isWritable() || !QFileInfo(info.absolutePath()).isWritable())
            return makeError(Error::Code::ReadOnly,
                             Database::tr("%1 is read-only. Madoguchi needs to write to its database and to the "
                                          "folder it is in.")
                                 .arg(shown));
    }
    return {};
}

// Whether the header is of a Madoguchi database (or an empty file) that this
// version, knowing schemas up to `known`, may open.
Result<void> checkHeader(const FileHeader &header, int known, const QString &shown)
{
    if (header.userVersion > known)
        return makeError(Error::Code::SchemaTooNew,
                         Database::tr("%1 was written by a newer version of Madoguchi (database schema %2; this "
                                      "version knows up to %3). It was not changed; update Madoguchi to open it.")
                             .arg(shown)
                             .arg(header.userVersion)
                             .arg(known));
    const bool ours = header.applicationId == kMadoguchiApplicationId;
    if (!ours && !header.isEmpty())
        return makeError(Error::Code::NotADatabase,
                         Database::tr("%1 is an SQLite database of another program, not a Madoguchi database.")
                             .arg(shown));
    return {};
}

// Only once the file is known to be ours: its page size (a new file), WAL
// journal and application id (a new file).
Result<void> setUpFile(const QSqlDatabase &db, bool empty)
{
    // A new file gets 8 KiB pages (must precede the first write): shallower
    // trees for million-row tables.
    if (empty) {
        if (auto r = sqlite::execScript(db, QStringLiteral("PRAGMA page_size = 8192")); !r)
            return r.error();
    }
    // Switch it to WAL (persistent).
    {
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("PRAGMA journal_mode = WAL")))
            return sqlite::toError(q.lastError(), Database::tr("opening the database"));
    } // finalises the statement: an unfinished one would make COMMIT fail as "busy"
    if (empty) {
        if (auto r = sqlite::execScript(db, QStringLiteral("PRAGMA application_id = %1").arg(kMadoguchiApplicationId));
            !r)
            return r.error();
    }
    return {};
}

// A backup of the file as it is, before a migration changes it.
Result<void> backUpBeforeUpgrade(const QSqlDatabase &db, const DatabaseHealth &health, const QString &path,
                                 const QString &shown)
{
    if (health.isDamaged())
        return DatabaseHealth::damagedError();
    if (auto backup = Backups(path).create(db); !backup)
        return makeError(backup.error().code, Database::tr("%1 could not be backed up before it is upgraded, so it was "
                                                           "left as it was: %2")
                                                  .arg(shown, backup.error().message));
    return {};
}

} // namespace

Database::Database(QString path)
    : m_path(std::move(path))
    , m_namePrefix(QStringLiteral("madoguchi-%1-").arg(++g_instanceCounter))
    , m_ownerThread(QThread::currentThread())
    , m_changes(std::make_unique<ChangeHub>(m_path))
{}

Database::~Database()
{
    {
        QMutexLocker lock(&m_mutex);
        for (const QString &name : std::as_const(m_connectionNames)) {
            {
                QSqlDatabase db = QSqlDatabase::database(name, false);
                if (db.isOpen())
                    db.close();
            }
            QSqlDatabase::removeDatabase(name);
        }
    }
    if (m_health)
        m_health->endSession();
}

int Database::latestSchemaVersion()
{
    static const int latest = [] {
        const auto migrations = localMigrations();
        return migrations.isEmpty() ? 0 : migrations.last().version;
    }();
    return latest;
}

Result<std::unique_ptr<Database>> Database::open(const QString &path, const Options &options)
{
    sqlite::configureLibrary();
    const QFileInfo info(path);
    const QString shown = QDir::toNativeSeparators(path);
    if (auto r = checkLocation(info, shown, options.mode); !r)
        return r.error();

    std::unique_ptr<Database> database(new Database(info.absoluteFilePath()));
    database->m_health = std::make_unique<DatabaseHealth>(database->m_path);
    database->m_health->beginSession();
    const auto connection = database->openConnection(database->m_namePrefix + QStringLiteral("main"));
    if (!connection) {
        if (connection.error().code == Error::Code::NotADatabase)
            return notOurs(shown);
        return connection.error();
    }
    const QSqlDatabase db = connection.value();

    const auto header = readHeader(db, path);
    if (!header)
        return header.error();

    const int known = options.migrations.isEmpty() ? 0 : options.migrations.last().version;
    if (auto r = checkHeader(header.value(), known, shown); !r)
        return r.error();
    if (auto r = setUpFile(db, header->isEmpty()); !r)
        return r.error();

    QList<Migration> pending = options.migrations;
    if (options.migrateUpTo)
        pending.removeIf([&](const Migration &m) { return m.version > *options.migrateUpTo; });
    // Before a migration changes a file that holds data: a backup of it as
    // it was (and none into a damaged file).
    const bool migrates = std::any_of(pending.cbegin(), pending.cend(),
                                      [&](const Migration &m) { return m.version > header->userVersion; });
    if (migrates && header->userVersion > 0) {
        if (auto r = backUpBeforeUpgrade(db, *database->m_health, database->m_path, shown); !r)
            return r.error();
    }
    const auto version = applyMigrations(db, pending, header->userVersion);
    if (!version)
        return version.error();
    database->m_schemaVersion = version.value();
    return database;
}

bool Database::needsCheck() const
{
    return m_health->needsCheck();
}

Result<QSqlDatabase> Database::openConnection(const QString &name) const
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    {
        QMutexLocker lock(&m_mutex);
        m_connectionNames << name;
    }
    db.setDatabaseName(m_path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(kBusyTimeoutMs));
    if (!db.open())
        return sqlite::toError(db.lastError(), tr("opening the database"));
    QSqlQuery q(db);
    for (const auto *pragma : {"PRAGMA foreign_keys = ON", "PRAGMA synchronous = FULL", "PRAGMA temp_store = MEMORY",
                               "PRAGMA cache_size = -16000"}) {
        if (!q.exec(QString::fromLatin1(pragma)))
            return sqlite::toError(q.lastError(), tr("opening the database"));
    }
    return db;
}

QSqlDatabase Database::connection() const
{
    const QString name = m_namePrefix
                         + (QThread::currentThread() == m_ownerThread
                                ? QStringLiteral("main")
                                : QString::number(quintptr(QThread::currentThreadId()), 16));
    if (QSqlDatabase::contains(name))
        return QSqlDatabase::database(name, false);
    const auto opened = openConnection(name);
    return opened ? opened.value() : QSqlDatabase::database(name, false);
}

void Database::closeThreadConnection() const
{
    const QString name = m_namePrefix + QString::number(quintptr(QThread::currentThreadId()), 16);
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(name);
    QMutexLocker lock(&m_mutex);
    m_connectionNames.removeAll(name);
}

} // namespace madoguchi
