#pragma once

#include "pgserver.h"
#include "sync/serverschema.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <gtest/gtest.h>

namespace madoguchi::test {

// A database of its own on the shared cluster, with a superuser connection.
struct ServerFixture : ::testing::Test
{
    PgServer &server = PgServer::shared();
    QString database;
    QSqlDatabase admin;

    void SetUp() override
    {
        ASSERT_TRUE(server.isRunning()) << server.error().toStdString();
        database = server.createDatabase(QStringLiteral("server"));
        ASSERT_FALSE(database.isEmpty()) << server.error().toStdString();
        admin = server.superuser(database, QStringLiteral("admin-%1").arg(database));
        ASSERT_TRUE(admin.isOpen()) << admin.lastError().text().toStdString();
    }

    void TearDown() override
    {
        const QString name = admin.connectionName();
        admin.close();
        admin = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
    }

    QVariant scalar(const QString &sql)
    {
        QSqlQuery q(admin);
        EXPECT_TRUE(q.exec(sql) && q.next()) << q.lastError().text().toStdString() << " " << sql.toStdString();
        return q.value(0);
    }

    ServerConnection as(const QString &user, const QString &password)
    {
        ServerConnection c;
        c.host = QStringLiteral("127.0.0.1");
        c.port = server.port();
        c.database = database;
        c.user = user;
        c.password = password;
        c.sslMode = QStringLiteral("disable"); // TLS has its own tests
        return c;
    }
};


} // namespace madoguchi::test
