#pragma once

#include "storage/database.h"

#include <QSqlDatabase>
#include <QString>
#include <QObject>
#include <QTemporaryDir>

#include <memory>

namespace madoguchi::test {

// A fresh database in its own temporary folder, removed after the test.
class TempDatabase
{
public:
    TempDatabase();
    explicit TempDatabase(const Database::Options &options);

    Database &database() { return *m_database; }
    QSqlDatabase connection() { return m_database->connection(); }
    QString path() const { return m_path; }
    QString dir() const { return m_dir.path(); }
    void close() { m_database.reset(); }

    // A single value from a query with no parameters (test-controlled SQL).
    QVariant scalar(const QString &sql);

private:
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<Database> m_database;
};

// A named child widget, for driving forms from tests.
template<typename T>
T *child(QObject *parent, const char *objectName)
{
    return parent->findChild<T *>(QString::fromLatin1(objectName));
}

// SHA-256 of a file's bytes, to prove a file was not modified.
QByteArray fileHash(const QString &path);

} // namespace madoguchi::test
