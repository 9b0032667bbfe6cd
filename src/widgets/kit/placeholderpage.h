#pragma once

#include <QWidget>

#include <memory>
#include <utility>

class QLabel;

namespace Ui {
class PlaceholderPage;
}

namespace madoguchi {

// A page whose feature is still being built: it says what the page will do
// and shows the real figures the database already holds (never sample data).
class PlaceholderPage : public QWidget
{
    Q_OBJECT

public:
    PlaceholderPage(const QString &title, const QString &summary, const QStringList &coming, QWidget *parent = nullptr);
    ~PlaceholderPage() override;

    // Label/value rows for the "In this database" box; empty hides the box.
    void setFacts(const QList<std::pair<QString, QString>> &facts);
    QStringList facts() const;

private:
    std::unique_ptr<Ui::PlaceholderPage> m_ui;
};

// A page title: larger, bold, in the window text colour.
void stylePageTitle(QLabel *label);

} // namespace madoguchi
