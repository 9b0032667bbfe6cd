#pragma once

#include "common/result.h"

#include <QString>

#include <memory>

namespace madoguchi {

// A database file built beside its final path and moved into place in one
// step (a rename) once it is complete: until then the final path is left as
// it was, and a program stopped half way (even by kill -9) leaves only a
// hidden file that the next attempt removes. Used for demo databases and
// restored backups.
class StagedDatabaseFile
{
public:
    static Result<std::unique_ptr<StagedDatabaseFile>> create(const QString &finalPath);
    ~StagedDatabaseFile(); // removes the staged file unless committed
    StagedDatabaseFile(const StagedDatabaseFile &) = delete;
    StagedDatabaseFile &operator=(const StagedDatabaseFile &) = delete;

    QString path() const { return m_staged; }
    // Flushes the staged file to disk and renames it over the final path
    // (whose write-ahead log and shared-memory files go first: they belong
    // to the file being replaced). Every connection to both must be closed.
    Result<void> commit() { return commitAs(m_final); }
    // The same, to a final path known only now (a backup named after its content).
    Result<void> commitAs(const QString &finalPath);

private:
    StagedDatabaseFile(QString finalPath, QString staged);

    QString m_final;
    QString m_staged;
    bool m_committed = false;
};

} // namespace madoguchi
