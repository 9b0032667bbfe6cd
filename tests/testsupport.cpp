#include "testsupport.h"

#include "repositories/customerrepository.h"
#include "storage/backups.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QMessageBox>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>

#include <gtest/gtest.h>

namespace madoguchi::test {

void fillDatabase(const QString &path, int customers, bool backUp)
{
    auto db = Database::open(path);
    ASSERT_TRUE(db) << db.error().message.toStdString();
    QSqlQuery q(db.value()->connection());
    q.prepare(QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) "
                             "INSERT INTO customers (id, name, name_reading, created_at, updated_at) "
                             "SELECT randomblob(16), 'お客様 ' || i, 'オキャクサマ', 1, 1 FROM n"));
    q.addBindValue(customers);
    ASSERT_TRUE(q.exec()) << q.lastError().text().toStdString();
    if (!backUp)
        return;
    ASSERT_TRUE(Backups(path).create(db.value()->connection()));
    Customer c;
    c.name = QStringLiteral("未送信 の 顧客");
    ASSERT_TRUE(CustomerRepository(db.value()->connection()).add(c));
}

void damagePages(const QString &path)
{
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadWrite));
    const qint64 page = 8192;
    const qint64 at = (file.size() / page / 2) * page;
    ASSERT_GT(file.size(), at + 4 * page);
    ASSERT_TRUE(file.seek(at));
    ASSERT_EQ(file.write(QByteArray(int(4 * page), '\xA5')), 4 * page);
}

TempDatabase::TempDatabase()
    : TempDatabase(Database::Options{})
{}

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

void answerNextMessageBox(const QString &text, bool *shown, QString *said)
{
    QTimer::singleShot(50, [text, shown, said] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box) {
            answerNextMessageBox(text, shown, said);
            return;
        }
        *shown = true;
        if (said)
            *said = box->text() + u'\n' + box->informativeText();
        for (QAbstractButton *button : box->buttons()) {
            if (button->text() == text)
                button->click();
        }
    });
}

ServerConnection unreachableServer()
{
    ServerConnection nowhere;
    nowhere.host = QStringLiteral("127.0.0.1");
    nowhere.port = 1;
    nowhere.database = QStringLiteral("crm");
    nowhere.user = QStringLiteral("sato");
    nowhere.password = QStringLiteral("secret");
    nowhere.sslMode = QStringLiteral("disable");
    return nowhere;
}

QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex();
}

} // namespace madoguchi::test
