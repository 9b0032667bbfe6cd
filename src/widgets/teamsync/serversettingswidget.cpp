#include "teamsync/serversettingswidget.h"

#include "config/appsettings.h"
#include "storage/backgroundwork.h"
#include "sync/credentialstore.h"

#include "ui_serversettingswidget.h"

#include <QDir>
#include <QFileDialog>
#include <QThread>

namespace madoguchi {

namespace {

// What "Test Connection" says of a login that could connect.
std::pair<bool, QString> describeLogin(QSqlDatabase server, const QString &user)
{
    const auto me = identifyOnServer(server);
    if (!me)
        return {false, ServerSettingsWidget::tr("Connected, but this server has no Madoguchi schema. Ask your "
                                                "administrator to run “madoguchi-cli server init”.")};
    if (me->agentName.isEmpty())
        return {false, ServerSettingsWidget::tr(
                           "Connected, but %1 is not an agent on this server. Ask your administrator to add you.")
                           .arg(user)};
    return {true, ServerSettingsWidget::tr("Connected: you sign in as %1 (server schema version %2).")
                      .arg(me->agentName)
                      .arg(me->schemaVersion)};
}

} // namespace

ServerSettingsWidget::ServerSettingsWidget(CredentialStore *store, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ServerSettingsWidget>())
    , m_store(store)
{
    m_ui->setupUi(this);
    // A test connects with a timeout of its own; closing the settings meanwhile need not wait for it.
    m_work = new BackgroundWork(this, BackgroundWork::Ending::LetRun);
    m_ui->sslModeCombo->addItem(tr("Verify the certificate and the server's name (recommended)"),
                                QStringLiteral("verify-full"));
    m_ui->sslModeCombo->addItem(tr("Verify the certificate only"), QStringLiteral("verify-ca"));
    m_ui->sslModeCombo->addItem(tr("Encrypt without verifying the server"), QStringLiteral("require"));
    m_ui->sslModeCombo->addItem(tr("No encryption (test servers only)"), QStringLiteral("disable"));
    connect(m_ui->sslModeCombo, &QComboBox::currentIndexChanged, this, &ServerSettingsWidget::updateTlsWarning);
    connect(m_ui->caBrowseButton, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("Choose the CA certificate"), QString(),
                                                          tr("Certificates (*.crt *.pem *.cer);;All files (*)"));
        if (!file.isEmpty())
            m_ui->caEdit->setText(QDir::toNativeSeparators(file));
    });
    connect(m_ui->testButton, &QPushButton::clicked, this, &ServerSettingsWidget::test);
    connect(m_ui->connectButton, &QPushButton::clicked, this, &ServerSettingsWidget::save);
    connect(m_ui->localButton, &QPushButton::clicked, this, [this] {
        AppSettings::setSyncMode(QStringLiteral("local"));
        showResult(true, tr("This copy works locally. Your changes are kept and can be sent once you connect."));
        emit workLocallyRequested();
    });
    setConnection(AppSettings::server());
    updateTlsWarning();
}

ServerSettingsWidget::~ServerSettingsWidget() = default;

ServerConnection ServerSettingsWidget::connection() const
{
    ServerConnection c;
    c.host = m_ui->hostEdit->text().trimmed();
    c.port = m_ui->portSpin->value();
    c.database = m_ui->databaseEdit->text().trimmed();
    c.user = m_ui->userEdit->text().trimmed();
    c.password = m_ui->passwordEdit->text();
    c.sslMode = m_ui->sslModeCombo->currentData().toString();
    c.sslRootCert = QDir::fromNativeSeparators(m_ui->caEdit->text().trimmed());
    return c;
}

void ServerSettingsWidget::setConnection(const ServerConnection &server)
{
    m_ui->hostEdit->setText(server.host);
    m_ui->portSpin->setValue(server.port);
    m_ui->databaseEdit->setText(server.database);
    m_ui->userEdit->setText(server.user);
    m_ui->passwordEdit->setText(server.password);
    m_ui->sslModeCombo->setCurrentIndex(std::max(0, m_ui->sslModeCombo->findData(server.sslMode)));
    m_ui->caEdit->setText(QDir::toNativeSeparators(server.sslRootCert));
}

QString ServerSettingsWidget::resultText() const
{
    return m_ui->resultLabel->text();
}

void ServerSettingsWidget::updateTlsWarning()
{
    const QString mode = m_ui->sslModeCombo->currentData().toString();
    const bool weak = mode != u"verify-full";
    m_ui->tlsWarning->setVisible(weak);
    m_ui->tlsWarning->setText(
        mode == u"disable" ? tr(
            "⚠ Passwords and customer data cross the network unencrypted. Use this only for a test server on this computer.")
                           : tr("⚠ Madoguchi cannot be sure it is talking to your team's server: someone on the network could "
                                "pretend to be it and read passwords and customer data."));
    m_ui->tlsWarning->setStyleSheet(QStringLiteral("color: #B3261E;"));
    m_ui->caEdit->setEnabled(mode != u"disable" && mode != u"require");
    m_ui->caBrowseButton->setEnabled(m_ui->caEdit->isEnabled());
}

bool ServerSettingsWidget::validate()
{
    const ServerConnection c = connection();
    QString missing;
    if (c.host.isEmpty())
        missing = tr("Enter the server's name.");
    else if (c.database.isEmpty())
        missing = tr("Enter the database name.");
    else if (c.user.isEmpty())
        missing = tr("Enter your user name.");
    else if (c.password.isEmpty())
        missing = tr("Enter your password.");
    else if ((c.sslMode == u"verify-full" || c.sslMode == u"verify-ca") && c.sslRootCert.isEmpty())
        missing = tr(
            "Choose the CA certificate file your administrator gave you, so the server's certificate can be checked.");
    if (missing.isEmpty())
        return true;
    showResult(false, missing);
    return false;
}

void ServerSettingsWidget::showResult(bool ok, const QString &text)
{
    m_ui->resultLabel->setText(text);
    m_ui->resultLabel->setStyleSheet(ok ? QStringLiteral("color: #1E7B34;") : QStringLiteral("color: #B3261E;"));
}

void ServerSettingsWidget::test()
{
    if (!validate())
        return;
    m_ui->testButton->setEnabled(false);
    showResult(true, tr("Connecting…"));
    // Connecting blocks for up to the connect timeout: off the UI thread.
    const ServerConnection c = connection();
    m_work->run(
        [c] {
            const QString name = QStringLiteral("madoguchi-test-%1").arg(quintptr(QThread::currentThread()));
            std::pair<bool, QString> result;
            {
                auto opened = openServer(c, name);
                result = opened ? describeLogin(opened.value(), c.user) : std::pair{false, opened.error().message};
                if (opened)
                    opened.value().close();
            }
            QSqlDatabase::removeDatabase(name);
            return result;
        },
        [this](std::pair<bool, QString> result) { finishTest(result.first, result.second); });
}

void ServerSettingsWidget::finishTest(bool ok, const QString &text)
{
    m_ui->testButton->setEnabled(true);
    showResult(ok, text);
    emit testFinished(ok);
}

void ServerSettingsWidget::save()
{
    if (!validate())
        return;
    const ServerConnection c = connection();
    AppSettings::setServer(c);
    AppSettings::setSyncMode(QStringLiteral("server"));
    const auto stored = m_store->store(serverAccount(c.user, c.host, c.port, c.database), c.password);
    if (stored) {
        showResult(true, tr("Saved. Connecting to the team server…"));
    } else {
        showResult(false, tr("%1 Madoguchi will ask for the password each time it starts.").arg(stored.error().message));
    }
    emit connectRequested(c);
}

} // namespace madoguchi
