#include "testsupport.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlQuery>

#include <gtest/gtest.h>

namespace madoguchi::test {

TempDatabase::TempDatabase()
    : TempDatabase(Database::Options{})
{
}

TempDatabase::TempDatabase(const Database::Options &options)
    : m_path(m_dir.filePath(QStringLiteral("test.sqlite")))
{
    auto opened = Database::open(m_path, options);
    if (!opened) {
        ADD_FAILURE() << "cannot open test database: " << opened.error().message.toStdString();
        return;
    }
    m_database = std::move(opened.value());
}

QVariant TempDatabase::scalar(const QString &sql)
{
    QSqlQuery q(connection());
    if (!q.exec(sql) || !q.next()) {
        ADD_FAILURE() << "query failed: " << sql.toStdString();
        return {};
    }
    return q.value(0);
}

QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex();
}

} // namespace madoguchi::test
