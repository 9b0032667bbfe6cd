#include "sync/credentialstore.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QTimer>

#include <qt6keychain/keychain.h>

namespace madoguchi {

namespace {

// The translation context "Keychain" (the system keychain).
struct KeychainText
{
    Q_DECLARE_TR_FUNCTIONS(Keychain)
};

// A keychain that does not answer in this time is treated as unavailable
// (a Secret Service waiting for a prompt nobody can see, for instance).
constexpr int kTimeoutMs = 10'000;

// Runs a QtKeychain job to its end; false with the reason when it failed.
bool finish(QKeychain::Job &job, QString &reason, QKeychain::Error &code)
{
    job.setAutoDelete(false);
    job.setInsecureFallback(false);
    QEventLoop loop;
    bool finished = false;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, [&] {
        finished = true;
        loop.quit();
    });
    QTimer::singleShot(kTimeoutMs, &loop, &QEventLoop::quit);
    job.start();
    if (!finished)
        loop.exec();
    if (!finished) {
        code = QKeychain::OtherError;
        reason = KeychainText::tr("the keychain did not answer");
        return false;
    }
    code = job.error();
    reason = job.errorString();
    return code == QKeychain::NoError;
}

Error keychainError(const QString &reason)
{
    return makeError(Error::Code::Io, KeychainText::tr("The system keychain cannot be used (%1). "
                                                       "The password is not saved; Madoguchi asks for it "
                                                       "each time it connects.")
                                          .arg(reason));
}

} // namespace

KeychainStore::KeychainStore(QString service)
    : m_service(std::move(service))
{}

Result<void> KeychainStore::store(const QString &account, const QString &secret)
{
    QKeychain::WritePasswordJob job(m_service);
    job.setKey(account);
    job.setTextData(secret);
    QString reason;
    QKeychain::Error code = QKeychain::NoError;
    if (!finish(job, reason, code))
        return keychainError(reason);
    return {};
}

Result<std::optional<QString>> KeychainStore::read(const QString &account)
{
    QKeychain::ReadPasswordJob job(m_service);
    job.setKey(account);
    QString reason;
    QKeychain::Error code = QKeychain::NoError;
    if (!finish(job, reason, code)) {
        if (code == QKeychain::EntryNotFound)
            return std::optional<QString>();
        return keychainError(reason);
    }
    return std::optional<QString>(job.textData());
}

Result<void> KeychainStore::remove(const QString &account)
{
    QKeychain::DeletePasswordJob job(m_service);
    job.setKey(account);
    QString reason;
    QKeychain::Error code = QKeychain::NoError;
    if (!finish(job, reason, code) && code != QKeychain::EntryNotFound)
        return keychainError(reason);
    return {};
}

QString serverAccount(const QString &user, const QString &host, int port, const QString &database)
{
    return QStringLiteral("%1@%2:%3/%4").arg(user, host).arg(port).arg(database);
}

} // namespace madoguchi
