#include "storage/databasehealth.h"

#include "storage/database.h"
#include "storage/sqlite.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSqlError>
#include <QSqlQuery>

#include <sqlite3.h>

#include <atomic>
#include <cerrno>
#include <signal.h>
#include <unistd.h>

namespace madoguchi {

namespace {

std::atomic<int> g_sessions{0};

QString sessionPrefix(const QFileInfo &file)
{
    return QStringLiteral(".%1.open-").arg(file.fileName());
}

bool processAlive(qint64 pid)
{
    return pid > 0 && (::kill(pid_t(pid), 0) == 0 || errno == EPERM);
}

} // namespace

DatabaseHealth::DatabaseHealth(const QString &databasePath)
    : m_path(QFileInfo(databasePath).absoluteFilePath())
{}

QString DatabaseHealth::damagedMarker(const QString &databasePath)
{
    const QFileInfo file(databasePath);
    return file.absoluteDir().filePath(QStringLiteral(".%1.damaged").arg(file.fileName()));
}

namespace {

QString uncheckedMarker(const QString &databasePath)
{
    const QFileInfo file(databasePath);
    return file.absoluteDir().filePath(QStringLiteral(".%1.unchecked").arg(file.fileName()));
}

} // namespace

bool DatabaseHealth::beginSession()
{
    const QFileInfo file(m_path);
    QDir dir = file.absoluteDir();
    // Markers are named after the process: .NAME.open-PID-N
    QStringList gone;
    for (const QString &name : dir.entryList({sessionPrefix(file) + u'*'}, QDir::Files | QDir::Hidden)) {
        const qint64 pid = name.mid(sessionPrefix(file).size()).section(u'-', 0, 0).toLongLong();
        if (pid != QCoreApplication::applicationPid() && !processAlive(pid))
            gone << name;
    }
    const bool unclean = !gone.isEmpty();
    // Noted before the markers of the dead processes are removed: a program
    // that opens the file without checking it (or a check cut short)
    // leaves the check to the next. If the note cannot be written, the
    // markers stay (the next one to open the file tries again).
    if (unclean && QFile(uncheckedMarker(m_path)).open(QIODevice::WriteOnly)) {
        for (const QString &name : std::as_const(gone))
            dir.remove(name);
    }
    m_session = dir.filePath(sessionPrefix(file)
                             + QStringLiteral("%1-%2").arg(QCoreApplication::applicationPid()).arg(++g_sessions));
    QFile marker(m_session);
    if (!marker.open(QIODevice::WriteOnly))
        m_session.clear(); // a read-only folder: nothing to track
    return unclean;
}

void DatabaseHealth::endSession()
{
    if (!m_session.isEmpty())
        QFile::remove(m_session);
    m_session.clear();
}

bool DatabaseHealth::needsCheck() const
{
    return QFileInfo::exists(uncheckedMarker(m_path));
}

Result<QStringList> DatabaseHealth::check(const QSqlDatabase &db)
{
    auto problems = checkPages(db);
    if (!problems)
        return problems;
    // Sound pages clear only the need for this check: damage noted by a
    // fuller check (madoguchi-cli check) stands until that check passes.
    if (!problems->isEmpty()) {
        if (auto marked = markDamaged(problems->constFirst()); !marked)
            return marked.error();
    }
    QFile::remove(uncheckedMarker(m_path));
    return problems;
}

bool DatabaseHealth::isDamaged() const
{
    return QFileInfo::exists(damagedMarker(m_path));
}

QString DatabaseHealth::damage() const
{
    QFile marker(damagedMarker(m_path));
    return marker.open(QIODevice::ReadOnly) ? QString::fromUtf8(marker.readAll()).trimmed() : QString();
}

Result<void> DatabaseHealth::markDamaged(const QString &found)
{
    QSaveFile marker(damagedMarker(m_path));
    if (marker.open(QIODevice::WriteOnly)) {
        marker.write(
            QStringLiteral("%1 %2\n").arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODate), found).toUtf8());
        if (marker.commit())
            return {};
    }
    return makeError(Error::Code::Io,
                     Database::tr("The database is damaged, and that could not be noted beside it (%1).")
                         .arg(marker.errorString()));
}

void DatabaseHealth::clearDamaged()
{
    QFile::remove(damagedMarker(m_path));
    QFile::remove(uncheckedMarker(m_path));
}

Result<QStringList> DatabaseHealth::checkPages(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA quick_check"))) {
        const auto e = sqlite::toError(q.lastError(), Database::tr("checking the database"));
        // Damaged beyond reading, or pages the disk cannot read. (Not a
        // full disk, a file that cannot be opened now, memory or locks:
        // the check is then unfinished.)
        const int native = q.lastError().nativeErrorCode().toInt();
        if (e.code == Error::Code::NotADatabase || native == SQLITE_IOERR || native == SQLITE_IOERR_READ
            || native == SQLITE_IOERR_SHORT_READ)
            return QStringList{e.message};
        return e;
    }
    QStringList problems;
    while (q.next()) {
        if (q.value(0).toString() != u"ok")
            problems << q.value(0).toString();
    }
    return problems;
}

int DatabaseHealth::otherSessions() const
{
    const QFileInfo file(m_path);
    int n = 0;
    for (const QString &name : file.absoluteDir().entryList({sessionPrefix(file) + u'*'}, QDir::Files | QDir::Hidden)) {
        const qint64 pid = name.mid(sessionPrefix(file).size()).section(u'-', 0, 0).toLongLong();
        n += pid != QCoreApplication::applicationPid() && processAlive(pid);
    }
    return n;
}

Error DatabaseHealth::damagedError()
{
    return makeError(Error::Code::Damaged,
                     Database::tr("The database file is damaged, so nothing can be saved to it. Restore the newest "
                                  "backup (File ▸ Restore from Backup…, or madoguchi-cli restore)."));
}

} // namespace madoguchi
