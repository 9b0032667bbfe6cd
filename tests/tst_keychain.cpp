// The server password in the system keychain, against a real Secret Service:
// gnome-keyring in a D-Bus session of its own (tests/tools/with-keyring.sh).
// Its own executable, because the session bus is chosen when the process
// starts. A second run without any bus proves the failure is a clear
// message, not a hang and not a plain-text file.
#include "sync/credentialstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QStandardPaths>

#include <gtest/gtest.h>

using namespace madoguchi;

TEST(KeychainSecretService, StoresReadsAndRemovesAPassword)
{
    ASSERT_FALSE(qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        << "run through tests/tools/with-keyring.sh (dbus-run-session + gnome-keyring)";
    KeychainStore store(QStringLiteral("Madoguchi tests"));
    const QString account = serverAccount(QStringLiteral("sato"), QStringLiteral("crm.example.jp"), 5432,
                                          QStringLiteral("crm"));
    EXPECT_EQ(account, QStringLiteral("sato@crm.example.jp:5432/crm"));
    const auto none = store.read(account);
    ASSERT_TRUE(none) << none.error().message.toStdString();
    EXPECT_FALSE(none.value());
    ASSERT_TRUE(store.store(account, QStringLiteral("correct horse 電池 staple")));
    const auto back = store.read(account);
    ASSERT_TRUE(back) << back.error().message.toStdString();
    ASSERT_TRUE(back.value());
    EXPECT_EQ(*back.value(), QStringLiteral("correct horse 電池 staple"));
    // A new password replaces the old one.
    ASSERT_TRUE(store.store(account, QStringLiteral("second")));
    EXPECT_EQ(*store.read(account).value(), QStringLiteral("second"));
    ASSERT_TRUE(store.remove(account));
    EXPECT_FALSE(store.read(account).value());
    EXPECT_TRUE(store.remove(account)); // removing what is not there is fine
}

TEST(KeychainUnavailable, SaysWhyQuicklyAndWritesNoFile)
{
    ASSERT_TRUE(qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) << "run without a session bus";
    KeychainStore store(QStringLiteral("Madoguchi tests"));
    QElapsedTimer timer;
    timer.start();
    const auto stored = store.store(QStringLiteral("sato@host:5432/crm"), QStringLiteral("secret"));
    ASSERT_FALSE(stored);
    EXPECT_LT(timer.elapsed(), 15'000);
    EXPECT_TRUE(stored.error().message.contains(QStringLiteral("keychain"))) << stored.error().message.toStdString();
    // No plain-text fallback anywhere under the configuration folder.
    const QDir config(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation));
    for (const QString &file : config.entryList({QStringLiteral("*Madoguchi tests*")}, QDir::Files))
        ADD_FAILURE() << "a plain-text store was written: " << file.toStdString();
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
