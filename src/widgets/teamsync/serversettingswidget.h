#pragma once

#include "sync/serverconnection.h"

#include <QWidget>

#include <memory>

namespace Ui {
class ServerSettingsWidget;
}

namespace madoguchi {

class BackgroundWork;
class CredentialStore;

// The team server connection in Settings: where the server is, who signs
// in, how the connection is secured (verify-full unless the user chooses
// otherwise, with a warning), a connection test that says what is wrong in
// words, and saving (the password to the keychain, the rest to settings).
class ServerSettingsWidget : public QWidget
{
    Q_OBJECT

public:
    // `store` keeps the password (the system keychain in the app).
    explicit ServerSettingsWidget(CredentialStore *store, QWidget *parent = nullptr);
    ~ServerSettingsWidget() override;

    ServerConnection connection() const; // with the password typed
    void setConnection(const ServerConnection &server);
    QString resultText() const;

signals:
    void connectRequested(const madoguchi::ServerConnection &server);
    void workLocallyRequested();
    void testFinished(bool ok);

private:
    BackgroundWork *m_work = nullptr;
    bool validate();
    void test();
    void finishTest(bool ok, const QString &text);
    void save();
    void updateTlsWarning();
    void showResult(bool ok, const QString &text);

    std::unique_ptr<Ui::ServerSettingsWidget> m_ui;
    CredentialStore *m_store;
};

} // namespace madoguchi
