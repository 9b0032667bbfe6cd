#pragma once

#include "storage/database.h"
#include "sync/serverconnection.h"

#include <QObject>
#include <QSqlDatabase>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace madoguchi::test {

// A database of `customers` customers (enough rows for many pages) at
// `path`, closed cleanly; with a backup when `backUp`, then one change not
// yet sent.
void fillDatabase(const QString &path, int customers, bool backUp = false);
// Overwrites four pages in the middle of the file: damage SQLite finds only
// when it reads them.
void damagePages(const QString &path);

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

// Clicks the button named `text` on the message box shown next; notes that
// one was shown, and what it said (its text and informative text) in `said`.
void answerNextMessageBox(const QString &text, bool *shown, QString *said = nullptr);

// A team server where nothing listens (127.0.0.1, port 1): sync goes offline.
ServerConnection unreachableServer();

// SHA-256 of a file's bytes, to prove a file was not modified.
QByteArray fileHash(const QString &path);

} // namespace madoguchi::test
