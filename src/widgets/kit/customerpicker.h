#pragma once

#include "common/result.h"
#include "repositories/customersearch.h"

#include <QUuid>
#include <QWidget>

class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QPushButton;
class QTimer;

namespace madoguchi {

class Database;

// The one way a form finds its customer (the log-call and the new-ticket
// dialogs): type any form of a phone number, a name, its kana reading, the
// company or an e-mail address; the core search answers after a short pause.
// A single exact phone or e-mail match is chosen at once; otherwise the best
// matches are listed (↓ or Enter to go there, ↑↓ and Enter or a click to
// choose); so is the only customer found, if the host wants it confirmed.
// An unknown number or name can be offered as a new customer.
class CustomerPicker : public QWidget
{
    Q_OBJECT

public:
    explicit CustomerPicker(QWidget *parent = nullptr);
    ~CustomerPicker() override;

    // Searches `database` from the GUI thread; numbers written without a
    // country code are read in `phoneRegion`. Needed before anything else.
    void setSearch(const Database &database, const QString &phoneRegion);
    // When nothing matches, offer to create the customer (newCustomerRequested).
    void setOffersNewCustomer(bool offers);
    // The only customer found by name (not by their exact number or address)
    // is listed for the agent to confirm instead of taken: a caller may be
    // someone new who shares the name.
    void setConfirmsNameMatch(bool confirms);
    void setReadOnly(bool readOnly);

    // Preselects a known customer (the form was opened from their page).
    Result<void> setCustomer(const QUuid &customerId);
    QUuid customer() const { return m_customerId; }
    // What was typed; setText does not search (restoring a draft).
    QString text() const;
    void setText(const QString &text);
    // Forgets the choice and the list (the host asks for a new customer instead).
    void clearChoice();
    // Runs a search still waiting for the typing pause, so that a save right
    // after typing sees the customer just typed.
    void searchNow();

signals:
    void textChanged(const QString &text);
    // A customer was chosen, or the choice was dropped (null) as the text changed.
    void customerChanged(const QUuid &customerId);
    // Chosen with Enter or a click: the host moves the focus on.
    void choiceConfirmed();
    // The agent asked to create the unknown customer: what was typed, as a
    // name or as a number in display form.
    void newCustomerRequested(const QString &name, const QString &phone);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void search();
    void showHits(const QList<CustomerSearch::Hit> &hits);
    void offerNewCustomer(const QString &text);
    void choose(const QUuid &customerId, const QString &description, bool confirmed);
    void chooseItem(const QListWidgetItem *item);
    void enterPressed();
    void hideCandidates();

    QLineEdit *m_edit = nullptr;
    QLabel *m_status = nullptr;
    QListWidget *m_list = nullptr;
    QPushButton *m_createButton = nullptr;
    QTimer *m_delay = nullptr;
    const Database *m_database = nullptr;
    QString m_region;
    QUuid m_customerId;
    bool m_offersNew = false;
    bool m_confirmsNameMatch = false;
    QString m_newName;  // what the create button passes on
    QString m_newPhone; // display form
};

} // namespace madoguchi
