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
    DashboardPage &m_page;
};

} // namespace madoguchi
