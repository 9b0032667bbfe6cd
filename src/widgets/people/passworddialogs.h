#pragma once

#include "common/result.h"

#include <QDialog>
#include <QWidget>

#include <functional>
#include <memory>

namespace Ui {
class PasswordChoice;
class PasswordDialog;
class NewPasswordDialog;
} // namespace Ui

namespace madoguchi {

// How a team server login gets its password: typed twice (the two must
// match), or generated here and shown once. Nothing is kept anywhere.
class PasswordChoice : public QWidget
{
    Q_OBJECT

public:
    explicit PasswordChoice(QWidget *parent = nullptr);
    ~PasswordChoice() override;

    bool generates() const;
    // The typed password, or a newly generated one; why not when the typed
    // ones are missing or differ.
    Result<QString> password() const;

private:
    void updateFields();

    std::unique_ptr<Ui::PasswordChoice> m_ui;
};

// A new password for an agent's team server login (Reset password…).
class PasswordDialog : public QDialog
{
    Q_OBJECT

public:
    PasswordDialog(const QString &agentName, const QString &login, QWidget *parent = nullptr);
    ~PasswordDialog() override;

    // What OK does with the password; an error keeps the dialog open and is shown.
    void setSave(std::function<Result<void>(const QString &password)> save) { m_save = std::move(save); }
    // After OK: the password given, and whether it was generated (to show it once).
    QString password() const { return m_password; }
    bool generated() const { return m_generated; }
    void accept() override;

private:
    std::unique_ptr<Ui::PasswordDialog> m_ui;
    PasswordChoice *m_choice = nullptr;
    std::function<Result<void>(const QString &)> m_save;
    QString m_password;
    bool m_generated = false;
};

// A generated password, shown once to be handed over, with a Copy button.
class NewPasswordDialog : public QDialog
{
    Q_OBJECT

public:
    NewPasswordDialog(const QString &agentName, const QString &login, const QString &password,
                      QWidget *parent = nullptr);
    ~NewPasswordDialog() override;

private:
    std::unique_ptr<Ui::NewPasswordDialog> m_ui;
};

} // namespace madoguchi
