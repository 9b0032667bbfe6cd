#include "people/passworddialogs.h"

#include "kit/formstyle.h"
#include "sync/serveradmin.h"

#include "ui_newpassworddialog.h"
#include "ui_passwordchoice.h"
#include "ui_passworddialog.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>

namespace madoguchi {

PasswordChoice::PasswordChoice(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::PasswordChoice>())
{
    m_ui->setupUi(this);
    connect(m_ui->typedRadio, &QRadioButton::toggled, this, &PasswordChoice::updateFields);
    updateFields();
}

PasswordChoice::~PasswordChoice() = default;

void PasswordChoice::updateFields()
{
    const bool typed = m_ui->typedRadio->isChecked();
    for (QWidget *w : {static_cast<QWidget *>(m_ui->passwordEdit), static_cast<QWidget *>(m_ui->repeatEdit),
                       static_cast<QWidget *>(m_ui->passwordLabel), static_cast<QWidget *>(m_ui->repeatLabel)})
        w->setEnabled(typed);
    if (typed)
        m_ui->passwordEdit->setFocus();
}

bool PasswordChoice::generates() const
{
    return m_ui->generateRadio->isChecked();
}

Result<QString> PasswordChoice::password() const
{
    if (generates())
        return generatedPassword();
    const QString typed = m_ui->passwordEdit->text();
    if (typed.isEmpty())
        return makeError(Error::Code::Invalid, tr("Type the password, or let Madoguchi generate one."));
    if (typed != m_ui->repeatEdit->text())
        return makeError(Error::Code::Invalid, tr("The two passwords differ. Type the same one twice."));
    return typed;
}

PasswordDialog::PasswordDialog(const QString &agentName, const QString &login, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::PasswordDialog>())
{
    m_ui->setupUi(this);
    setWindowTitle(tr("Reset Password"));
    makeErrorLabel(m_ui->errorLabel);
    m_ui->messageLabel->setText(tr("A new password for %1 (login %2) on the team server. The old one stops working "
                                   "at once.")
                                    .arg(agentName, login));
    m_choice = new PasswordChoice(this);
    m_ui->choiceLayout->addWidget(m_choice);
    m_ui->buttons->button(QDialogButtonBox::Ok)->setText(tr("&Set Password"));
    connect(m_ui->buttons, &QDialogButtonBox::accepted, this, &PasswordDialog::accept);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &PasswordDialog::reject);
}

PasswordDialog::~PasswordDialog() = default;

void PasswordDialog::accept()
{
    const auto password = m_choice->password();
    if (!password) {
        m_ui->errorLabel->setText(password.error().message);
        m_ui->errorLabel->show();
        return;
    }
    m_ui->errorLabel->hide();
    if (m_save) {
        if (const auto saved = m_save(password.value()); !saved) {
            QMessageBox::warning(this, tr("Password not changed"), saved.error().message);
            return;
        }
    }
    m_password = password.value();
    m_generated = m_choice->generates();
    QDialog::accept();
}

NewPasswordDialog::NewPasswordDialog(const QString &agentName, const QString &login, const QString &password,
                                     QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::NewPasswordDialog>())
{
    m_ui->setupUi(this);
    m_ui->messageLabel->setText(
        tr("%1 signs in to the team server as %2 with this password. Hand it over in person or another safe way.")
            .arg(agentName, login));
    m_ui->passwordEdit->setText(password);
    connect(m_ui->copyButton, &QPushButton::clicked, this, [this] {
        // Marked as a secret so that clipboard managers keep no history of it.
        auto *secret = new QMimeData;
        secret->setText(m_ui->passwordEdit->text());
        secret->setData(QStringLiteral("x-kde-passwordManagerHint"), QByteArrayLiteral("secret"));
        QGuiApplication::clipboard()->setMimeData(secret);
        m_ui->copyButton->setText(tr("Copied"));
    });
    // Not left on the clipboard once the dialog is closed.
    connect(this, &QDialog::finished, this, [this] {
        if (QGuiApplication::clipboard()->text() == m_ui->passwordEdit->text())
            QGuiApplication::clipboard()->clear();
        m_ui->passwordEdit->clear();
    });
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &NewPasswordDialog::reject);
}

NewPasswordDialog::~NewPasswordDialog() = default;

} // namespace madoguchi
