#pragma once

#include "storage/database.h"
#include "sync/serverconnection.h"

#include <QApplication>
#include <QDialog>
#include <QObject>
#include <QSqlDatabase>
#include <QString>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <gtest/gtest.h>

#include <functional>
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

// Drives the next modal dialog of type T once it is open; a dialog the
// driver left open is closed, so that a failure never hangs the test.
template<typename T>
void whenOpen(std::function<void(T *)> drive)
{
    QTimer::singleShot(0, [drive] {
        T *dialog = nullptr;
        if (!QTest::qWaitFor(
                [&] {
                    dialog = qobject_cast<T *>(QApplication::activeModalWidget());
                    return dialog != nullptr;
                },
                5'000)) {
            ADD_FAILURE() << "the dialog did not open";
            return;
        }
        drive(dialog);
        if (dialog->isVisible())
            static_cast<QDialog *>(dialog)->done(QDialog::Rejected);
    });
}

// A team server where nothing listens (127.0.0.1, port 1): sync goes offline.
ServerConnection unreachableServer();

// SHA-256 of a file's bytes, to prove a file was not modified.
QByteArray fileHash(const QString &path);

} // namespace madoguchi::test
