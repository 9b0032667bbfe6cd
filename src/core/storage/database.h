#pragma once

#include "common/result.h"
#include "storage/changehub.h"
#include "storage/databasehealth.h"
#include "storage/migrations.h"

#include <QCoreApplication>
#include <QMutex>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

class QThread;

#include <memory>
#include <optional>

namespace madoguchi {

// The local SQLite database. Each thread gets its own named QSqlDatabase
// connection (QSqlDatabase must not cross threads); connection() returns the
// calling thread's one, opening it on first use with the same pragmas:
// WAL, synchronous=FULL, foreign keys on, a busy timeout.
class Database
{
    Q_DECLARE_TR_FUNCTIONS(Database)

public:
    enum class OpenMode {
        CreateIfMissing, // the GUI's default database, `demo`
        MustExist,       // `--db PATH` given by the user
    };

    struct Options
    {
        OpenMode mode = OpenMode::CreateIfMissing;
        QList<Migration> migrations = localMigrations();
        std::optional<int> migrateUpTo; // tests: stop at an older schema
    };

    // Checks the file, refuses a newer schema without writing to it, then
    // applies pending migrations.
    static Result<std::unique_ptr<Database>> open(const QString &path, const Options &options);
    static Result<std::unique_ptr<Database>> open(const QString &path) { return open(path, Options{}); }
    ~Database();

    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    QString path() const { return m_path; }
    int schemaVersion() const { return m_schemaVersion; }
    static int latestSchemaVersion();

    // The calling thread's connection, opened lazily.
    QSqlDatabase connection() const;
    // Closes the calling thread's connection (worker threads call this when done).
    void closeThreadConnection() const;

    // The file was not closed cleanly (a crash, a kill, a power cut) and no
    // check has read its pages since (DatabaseHealth::check).
    bool needsCheck() const;
    DatabaseHealth &health() const { return *m_health; }

    // What each committed transaction on this file changed, from any
    // connection and thread (the sync's too), announced in the thread that
    // opened the database.
    ChangeHub &changes() const { return *m_changes; }

private:
    explicit Database(QString path);
    Result<QSqlDatabase> openConnection(const QString &name) const;

    QString m_path;
    QString m_namePrefix;
    QThread *m_ownerThread = nullptr; // the thread whose connection is named "main"
    int m_schemaVersion = 0;
    std::unique_ptr<DatabaseHealth> m_health;
    std::unique_ptr<ChangeHub> m_changes;
    mutable QMutex m_mutex;
    mutable QStringList m_connectionNames;
};

// The application id written to new databases ("MADO"), so another
// program's SQLite file is recognised and refused.
constexpr int kMadoguchiApplicationId = 0x4D41444F;

} // namespace madoguchi
