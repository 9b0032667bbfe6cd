#pragma once

#include <QCoreApplication>
#include <QString>

class QPagedPaintDevice;

namespace madoguchi {

class DashboardPage;

// The dashboard as a printed report: A4 portrait, a title block with the
// period and filters, the KPI tiles, every chart on paper colours (also
// when the screen is dark), and the per-agent table across pages. Text
// stays text in the PDF (searchable) and charts stay vector.
class DashboardReport
{
    Q_DECLARE_TR_FUNCTIONS(DashboardReport)

public:
    explicit DashboardReport(DashboardPage &page);

    // The translated reason when the file cannot be written.
    QString writePdf(const QString &path);
    void paint(QPagedPaintDevice *device);

private:
    struct Sheet;
    struct TableColumns;
    // One function per section, top to bottom; each moves the sheet's y down.
    void paintTitle(Sheet &s);
    void paintTiles(Sheet &s);
    void paintCharts(Sheet &s);
    void paintAgentTable(Sheet &s);
    void paintAgentHeader(Sheet &s, const TableColumns &columns);
    void paintFooter(Sheet &s);
    void newPage(Sheet &s);
    void needs(Sheet &s, int height);

    DashboardPage &m_page;
};

} // namespace madoguchi
