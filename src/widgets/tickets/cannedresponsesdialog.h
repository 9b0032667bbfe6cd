#pragma once

#include "repositories/cannedresponses.h"

#include <QDialog>

#include <memory>

namespace Ui {
class CannedResponsesDialog;
}

namespace madoguchi {

class Database;

// Named canned responses (macros), shared with a team or with everyone:
// the text they insert and the ticket changes they make.
class CannedResponsesDialog : public QDialog
{
    Q_OBJECT

public:
    CannedResponsesDialog(const Database &database, const QUuid &agent, QWidget *parent = nullptr);
    ~CannedResponsesDialog() override;

    // Saves the response in the form; false (reason shown, nothing saved) when invalid.
    bool saveCurrent();
    void startNew();
    bool deleteCurrent();
    QString errorText() const;
    int count() const;

private:
    void reload(const QUuid &select = {});
    void showResponse(int row);

    std::unique_ptr<Ui::CannedResponsesDialog> m_ui;
    const Database &m_database;
    QUuid m_agent;
    QList<CannedResponse> m_responses;
    QUuid m_current; // null: a new one
};

} // namespace madoguchi
