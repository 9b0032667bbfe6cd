#include "storage/migrations.h"

#include "storage/sqlite.h"
#include "storage/transaction.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSqlQuery>

#include <algorithm>

namespace madoguchi {

QString sqlResource(const QString &path)
{
    QFile file(QStringLiteral(":/sql/") + path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    // "-- @include other.sql" lines pull in a shared script (one source of
    // truth for SQL that a migration and the application both run).
    static const QRegularExpression include(QStringLiteral(R"(^-- @include (\S+)$)"),
                                            QRegularExpression::MultilineOption);
    QString sql = QString::fromUtf8(file.readAll());
    for (auto match = include.match(sql); match.hasMatch(); match = include.match(sql))
        sql.replace(match.capturedStart(), match.capturedLength(), sqlResource(match.captured(1)));
    return sql;
}

QList<Migration> localMigrations()
{
    QList<Migration> out;
    static const QRegularExpression pattern(QStringLiteral(R"(^(\d{4})_(\w+)\.sql$)"));
    const QDir dir(QStringLiteral(":/sql/local"));
    for (const QString &fileName : dir.entryList(QDir::Files, QDir::Name)) {
        const auto match = pattern.match(fileName);
        if (!match.hasMatch())
            continue;
        out.append({match.captured(1).toInt(), match.captured(2), sqlResource(QStringLiteral("local/") + fileName)});
    }
    std::sort(out.begin(), out.end(), [](const Migration &a, const Migration &b) { return a.version < b.version; });
    return out;
}

Result<int> applyMigrations(const QSqlDatabase &db, const QList<Migration> &migrations, int fromVersion)
{
    int version = fromVersion;
    for (const Migration &m : migrations) {
        if (m.version <= version)
            continue;
        Transaction tx(db);
        if (!tx.isActive())
            return tx.error();
        if (auto r = sqlite::execScript(db, m.sql); !r)
            return r.error();
        // PRAGMA takes no bound parameters; the version is an integer we control.
        if (auto r = sqlite::execScript(db, QStringLiteral("PRAGMA user_version = %1").arg(m.version)); !r)
            return r.error();
        if (auto r = tx.commit(); !r)
            return r.error();
        version = m.version;
    }
    return version;
}

} // namespace madoguchi
