#pragma once

#include "common/result.h"

#include <QString>

#include <optional>

namespace madoguchi {

// Where the team server's password lives: the operating system's keychain
// (the Secret Service on Linux, through QtKeychain), never settings, files,
// logs or command lines. An interface, so that tests of other parts can use
// a store in memory.
class CredentialStore
{
public:
    virtual ~CredentialStore() = default;
    virtual Result<void> store(const QString &account, const QString &secret) = 0;
    // nullopt when nothing is stored for the account.
    virtual Result<std::optional<QString>> read(const QString &account) = 0;
    virtual Result<void> remove(const QString &account) = 0;
};

// The system keychain. When none can be reached (no Secret Service, a locked
// keyring) every call fails with a translated reason; the app then asks for
// the password each session and says why. No plain-text fallback.
class KeychainStore : public CredentialStore
{
public:
    explicit KeychainStore(QString service = QStringLiteral("Madoguchi"));
    Result<void> store(const QString &account, const QString &secret) override;
    Result<std::optional<QString>> read(const QString &account) override;
    Result<void> remove(const QString &account) override;

private:
    QString m_service;
};

// The account under which a server login's password is kept.
QString serverAccount(const QString &user, const QString &host, int port, const QString &database);

} // namespace madoguchi
