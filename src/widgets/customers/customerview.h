#pragma once

#include "common/result.h"
#include "domain/entities.h"

#include <QTimeZone>
#include <QWidget>

#include <memory>

namespace Ui {
class CustomerView;
}

namespace madoguchi {

class CustomerTimelineModel;
class Database;

// The customer's 360° view: the profile (edited in place, validated before
// it is saved), everything that happened with them newest first, and the
// actions an agent takes next (log a call, call, e-mail).
class CustomerView : public QWidget
{
    Q_OBJECT

public:
    CustomerView(const Database &database, QString phoneRegion, QWidget *parent = nullptr);
    ~CustomerView() override;

    void showCustomer(const QUuid &customerId);
    QUuid customer() const { return m_customer.id; }
    bool hasUnsavedChanges() const;
    // Saves the profile; false (with the reasons shown) when a field is invalid.
    bool save();
    void revert();
    void refreshHistory();
    // The zone times are shown in (displayTimeZone).
    void setTimeZone(const QTimeZone &zone);
    CustomerTimelineModel *timeline() const { return m_timeline; }
    QString errorText() const;

signals:
    void backRequested();
    void logRequested(Channel channel, const QUuid &customerId);
    void customerSaved(const QUuid &customerId);
    void newTicketRequested(const QUuid &customerId);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void fillForm();
    // Reads the customer again after a change made elsewhere, unless the
    // form holds edits not yet saved.
    void reloadCustomer();
    // The customer and their company's name into m_customer.
    Result<void> readCustomer(const QUuid &customerId);
    void updateHeader();

    std::unique_ptr<Ui::CustomerView> m_ui;
    const Database &m_database;
    QString m_region;
    QTimeZone m_timeZone;
    Customer m_customer;
    QString m_organization;
    CustomerTimelineModel *m_timeline = nullptr;
};

} // namespace madoguchi
