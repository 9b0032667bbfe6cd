#pragma once

#include "pgserver.h"
#include "sync/serveradmin.h"
#include "sync/serverconnection.h"
#include "sync/serverschema.h"

#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <gtest/gtest.h>

namespace madoguchi::test {

// The team server's schema for a test: every version, or up to
// MADOGUCHI_TEST_SERVER_SCHEMA (the negative control: the suites run
// against an older server must find its defects).
inline Result<int> initializeTestServer(QSqlDatabase db)
{
    bool set = false;
    const int upTo = qEnvironmentVariableIntValue("MADOGUCHI_TEST_SERVER_SCHEMA", &set);
    return initializeServer(db, set ? std::optional<int>(upTo) : std::nullopt);
}

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

    QVariant scalar(const QString &sql, const QVariantList &values = {})
    {
        QSqlQuery q(admin);
        q.prepare(sql);
        for (const QVariant &v : values)
            q.addBindValue(v);
        EXPECT_TRUE(q.exec() && q.next()) << q.lastError().text().toStdString() << " " << sql.toStdString();
        return q.value(0);
    }

    ServerConnection as(const QString &user, const QString &password)
    {
        return server.connection(database, user, password);
    }
};

struct CliResult
{
    int exitCode = -1;
    QString out;
    QString err;
};

// Runs madoguchi-cli with `arguments`; `password` becomes PGPASSWORD.
inline CliResult serverCli(const QStringList &arguments, const QByteArray &input = {}, const QString &password = {})
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    env.remove(QStringLiteral("PGPASSWORD"));
    if (!password.isEmpty())
        env.insert(QStringLiteral("PGPASSWORD"), password);
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(MADOGUCHI_CLI_PATH), arguments);
    if (!input.isEmpty()) {
        process.write(input);
        process.closeWriteChannel();
    }
    if (!process.waitForFinished(60'000))
        return {};
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

} // namespace madoguchi::test
