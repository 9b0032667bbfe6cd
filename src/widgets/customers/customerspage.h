#pragma once

#include <QWidget>

#include <memory>

class QTimer;

namespace Ui {
class CustomersPage;
}

namespace madoguchi {

class CustomerListModel;
class Database;

// The customer list: search as you type, a kana index to jump through the
// reading order, sort by reading or by last contact. With no customers at
// all, a hint to add one or to log a call stands in for the list.
class CustomersPage : public QWidget
{
    Q_OBJECT

public:
    CustomersPage(const Database &database, const QString &phoneRegion, QWidget *parent = nullptr);
    ~CustomersPage() override;

    CustomerListModel *model() const { return m_model; }
    // Puts the cursor in the search field (Ctrl+F).
    void focusSearch();
    // The customers in the database (the page's own list may be a search).
    void setCustomerCount(qint64 count);

signals:
    void customerActivated(const QUuid &id);
    void newCustomerRequested();
    void logCallRequested();

private:
    void buildIndexBar();
    void applySearch();
    void updateStatus();

    std::unique_ptr<Ui::CustomersPage> m_ui;
    CustomerListModel *m_model = nullptr;
    QTimer *m_searchDelay = nullptr;
    qint64 m_customerCount = -1; // not known yet
};

} // namespace madoguchi
