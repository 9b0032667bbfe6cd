#include "storage/stagedfile.h"

#include "storage/database.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QUuid>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace madoguchi {

namespace {

const char *const kSuffixes[] = {"", "-wal", "-shm", "-journal"};

QString stagedPrefix(const QFileInfo &target)
{
    return QStringLiteral(".%1.staged-").arg(target.fileName());
}

// `message` has the path as %1 and the system's reason as %2.
Error fileError(const QString &message, const QString &path)
{
    return makeError(Error::Code::Database,
                     message.arg(QDir::toNativeSeparators(path), QString::fromLocal8Bit(std::strerror(errno))));
}

bool syncPath(const QString &path, int flags)
{
    const int fd = ::open(QFile::encodeName(path).constData(), flags);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

} // namespace

StagedDatabaseFile::StagedDatabaseFile(QString finalPath, QString staged)
    : m_final(std::move(finalPath))
    , m_staged(std::move(staged))
{}

Result<std::unique_ptr<StagedDatabaseFile>> StagedDatabaseFile::create(const QString &finalPath)
{
    const QFileInfo target(finalPath);
    QDir dir = target.absoluteDir();
    if (!dir.exists() && !dir.mkpath(QStringLiteral(".")))
        return fileError(Database::tr("Could not create the folder \"%1\": %2"), dir.path());
    // What a stopped attempt left behind (not touched for ten minutes: a
    // running one writes all the time).
    const QDateTime stale = QDateTime::currentDateTimeUtc().addSecs(-600);
    for (const QFileInfo &left : dir.entryInfoList({stagedPrefix(target) + u'*'}, QDir::Files | QDir::Hidden)) {
        if (left.lastModified().toUTC() < stale)
            QFile::remove(left.absoluteFilePath());
    }
    const QString staged = dir.filePath(stagedPrefix(target) + QUuid::createUuid().toString(QUuid::Id128).left(12));
    return std::unique_ptr<StagedDatabaseFile>(new StagedDatabaseFile(target.absoluteFilePath(), staged));
}

StagedDatabaseFile::~StagedDatabaseFile()
{
    if (m_committed)
        return;
    for (const char *suffix : kSuffixes)
        QFile::remove(m_staged + QLatin1String(suffix));
}

Result<void> StagedDatabaseFile::commitAs(const QString &finalPath)
{
    m_final = QFileInfo(finalPath).absoluteFilePath();
    for (const char *suffix : {"-wal", "-journal"}) {
        if (QFileInfo::exists(m_staged + QLatin1String(suffix)))
            return makeError(Error::Code::Database,
                             Database::tr("The new database is still open; it was not put in place."));
    }
    QFile::remove(m_staged + QLatin1String("-shm"));
    if (!syncPath(m_staged, O_RDONLY))
        return fileError(Database::tr("Could not write \"%1\" to disk: %2"), m_staged);
    for (const char *suffix : {"-wal", "-shm", "-journal"}) {
        const QString old = m_final + QLatin1String(suffix);
        if (QFileInfo::exists(old) && !QFile::remove(old))
            return fileError(Database::tr("Could not remove \"%1\": %2"), old);
    }
    if (std::rename(QFile::encodeName(m_staged).constData(), QFile::encodeName(m_final).constData()) != 0)
        return fileError(Database::tr("Could not put the new database in place at \"%1\": %2"), m_final);
    m_committed = true;
    syncPath(QFileInfo(m_final).absolutePath(), O_RDONLY | O_DIRECTORY); // the rename itself, durable
    return {};
}

} // namespace madoguchi
