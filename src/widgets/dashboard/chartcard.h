#pragma once

#include <QFrame>
#include <QStringList>

#include <functional>

class QLabel;
class QHBoxLayout;
class QToolButton;

namespace madoguchi {

// The dashboard's card look: a rounded panel in the palette's base colour,
// its border in the highlight colour when `emphasized` (focus, hover).
void paintCard(QWidget *widget, bool emphasized);

// A chart on the dashboard: its title, the chart (or any widget), and a
// menu to save the picture as PNG or the numbers behind it as CSV.
class ChartCard : public QFrame
{
    Q_OBJECT

public:
    using Table = QList<QStringList>; // a header row, then the data
    ChartCard(const QString &title, QWidget *body, QWidget *parent = nullptr);

    QString title() const;
    QWidget *body() const { return m_body; }
    void setTable(std::function<Table()> table) { m_table = std::move(table); }
    Table table() const { return m_table ? m_table() : Table(); }
    // A widget next to the title (e.g. a button).
    void addHeaderWidget(QWidget *widget);

    // Writes the picture or the numbers; the translated reason when it cannot.
    QString saveImage(const QString &path) const;
    QString exportCsv(const QString &path) const;
    // A file name from the title, for the save dialogs.
    QString suggestedFileName(const QString &suffix) const;

    // Ask for a file, then save (the card's menu).
    void chooseAndSaveImage();
    void chooseAndExportCsv();

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QLabel *m_title;
    QWidget *m_body;
    QHBoxLayout *m_header;
    QToolButton *m_menuButton;
    std::function<Table()> m_table;
};

} // namespace madoguchi
