#include "dashboard/dashboardreport.h"

#include "common/timeformat.h"
#include "dashboard/chartcard.h"
#include "dashboard/chartstyle.h"
#include "dashboard/dashboardpage.h"
#include "dashboard/kpitile.h"
#include "models/agentkpimodel.h"

#include <QApplication>
#include <QChartView>
#include <QCoreApplication>
#include <QFile>
#include <QFontDatabase>
#include <QPainter>
#include <QPdfWriter>
#include <QStyle>
#include <QTableView>

namespace madoguchi {

namespace {

// A Japanese-capable family when one is installed, so that the PDF looks
// the same wherever it is made.
QFont reportFont(qreal points, bool bold = false)
{
    QFont font = QApplication::font();
    for (const QString &family :
         {QStringLiteral("IPAPGothic"), QStringLiteral("IPAGothic"), QStringLiteral("Noto Sans CJK JP")}) {
        if (QFontDatabase::families().contains(family)) {
            font.setFamily(family);
            break;
        }
    }
    font.setPointSizeF(points);
    font.setBold(bold);
    return font;
}

// Paper colours: the style's light palette whatever the screen shows.
QPalette paperPalette()
{
    QPalette p = QApplication::style()->standardPalette();
    p.setColor(QPalette::Window, Qt::white);
    p.setColor(QPalette::Base, Qt::white);
    p.setColor(QPalette::WindowText, QColor(0x20, 0x24, 0x2B));
    p.setColor(QPalette::Text, QColor(0x20, 0x24, 0x2B));
    return p;
}

// Paints a card's body into `target` on paper colours, then gives it back
// those of the screen.
void renderOnPaper(QPainter &p, QWidget *body, const QRect &target, const QPalette &paper, const QPalette &screenPalette)
{
    if (auto *view = qobject_cast<QChartView *>(body)) {
        charts::applyPalette(view->chart(), paper);
        view->render(&p, target, QRect(), Qt::KeepAspectRatio);
        charts::applyPalette(view->chart(), screenPalette);
        return;
    }
    const bool ownPalette = body->testAttribute(Qt::WA_SetPalette);
    const QPalette screen = body->palette();
    body->setPalette(paper);
    p.save();
    const double scale = std::min(double(target.width()) / body->width(), double(target.height()) / body->height());
    p.translate(target.topLeft());
    p.scale(scale, scale);
    body->render(&p, QPoint(), QRegion(), QWidget::DrawChildren);
    p.restore();
    // Back to following the window's palette (or to its own).
    body->setPalette(ownPalette ? screen : QPalette());
}

} // namespace

DashboardReport::DashboardReport(DashboardPage &page)
    : m_page(page)
{}

QString DashboardReport::writePdf(const QString &path)
{
    {
        QFile probe(path);
        if (!probe.open(QIODevice::WriteOnly))
            return tr("Could not write %1: %2").arg(path, probe.errorString());
    }
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageOrientation(QPageLayout::Portrait);
    writer.setPageMargins(QMarginsF(14, 14, 14, 14), QPageLayout::Millimeter);
    writer.setResolution(300);
    writer.setTitle(tr("KPI report"));
    writer.setCreator(QStringLiteral("Madoguchi"));
    paint(&writer);
    return {};
}

// Where the report is being painted: the page, its units and colours, and
// how far down the current page the next section starts.
struct DashboardReport::Sheet
{
    explicit Sheet(QPagedPaintDevice *paintDevice)
        : device(paintDevice)
        , p(paintDevice)
        , page(paintDevice->pageLayout().paintRectPixels(paintDevice->logicalDpiX()))
        , mm(paintDevice->logicalDpiX() / 25.4)
        , paper(paperPalette())
        , ink(paper.color(QPalette::WindowText))
        , gap(int(3 * mm))
        , captionHeight(int(6 * mm))
        , bottom(page.height() - int(10 * mm))
    {}

    QPagedPaintDevice *device;
    QPainter p;
    const QRect page;
    const double mm; // device pixels in a millimetre
    const QPalette paper;
    const QColor ink;
    const QColor muted{0x6B, 0x72, 0x80};
    const QColor rule{0xD8, 0xDC, 0xE2};
    const int gap;           // between tiles and between charts
    const int captionHeight; // of a chart's or the table's title
    const int bottom;        // content stays above the footer
    int y = 0;
    int pageNumber = 1;
};

// The columns of the per-agent table: those the screen shows, in its order,
// the agent's name wider than the figures.
struct DashboardReport::TableColumns
{
    const QAbstractItemModel *model;
    QList<int> shown;
    int rowHeight;
    int firstWidth;
    int otherWidth;
    int spacing; // keeps right-aligned figures apart

    QRect cell(int index, int top) const
    {
        return index == 0 ? QRect(0, top, firstWidth, rowHeight)
                          : QRect(firstWidth + (index - 1) * otherWidth, top, otherWidth - spacing, rowHeight);
    }
    Qt::Alignment alignment(int index) const { return index == 0 ? Qt::AlignLeft : Qt::AlignRight; }
};

void DashboardReport::paint(QPagedPaintDevice *device)
{
    Sheet sheet(device);
    paintTitle(sheet);
    paintTiles(sheet);
    paintCharts(sheet);
    paintAgentTable(sheet);
    paintFooter(sheet);
}

void DashboardReport::paintFooter(Sheet &s)
{
    const QRect line(0, s.page.height() - int(6 * s.mm), s.page.width(), int(6 * s.mm));
    s.p.setFont(reportFont(7.5));
    s.p.setPen(s.muted);
    s.p.drawText(line, Qt::AlignLeft | Qt::AlignBottom, tr("Madoguchi KPI report · %1").arg(m_page.periodDescription()));
    s.p.drawText(line, Qt::AlignRight | Qt::AlignBottom, tr("Page %1").arg(s.pageNumber));
}

void DashboardReport::newPage(Sheet &s)
{
    paintFooter(s);
    s.device->newPage();
    ++s.pageNumber;
    s.y = 0;
}

// A new page when `height` no longer fits on this one.
void DashboardReport::needs(Sheet &s, int height)
{
    if (s.y + height > s.bottom)
        newPage(s);
}

// Title block.
void DashboardReport::paintTitle(Sheet &s)
{
    const QString generated = fullDateTime(m_page.now(), m_page.timeZone());
    s.p.setPen(s.ink);
    s.p.setFont(reportFont(18, true));
    const int titleHeight = int(11 * s.mm);
    s.p.drawText(QRect(0, s.y, s.page.width(), titleHeight), Qt::AlignLeft | Qt::AlignVCenter, tr("KPI report"));
    s.y += titleHeight;
    s.p.setFont(reportFont(10));
    const QString filters = m_page.filterDescription().isEmpty()
                                ? tr("All teams, agents, channels, priorities and categories")
                                : m_page.filterDescription();
    const QStringList lines{tr("Period: %1").arg(m_page.periodDescription()), tr("Filters: %1").arg(filters),
                            tr("Changes are against the previous period of the same length. Made %1.").arg(generated)};
    for (qsizetype i = 0; i < lines.size(); ++i) {
        s.p.setPen(i == lines.size() - 1 ? s.muted : s.ink);
        s.p.drawText(QRect(0, s.y, s.page.width(), int(5.5 * s.mm)), Qt::AlignLeft | Qt::AlignVCenter, lines.at(i));
        s.y += int(5.5 * s.mm);
    }
    s.y += int(3 * s.mm);
}

// Tiles, five to a row.
void DashboardReport::paintTiles(Sheet &s)
{
    const int columns = 5;
    const int tileWidth = (s.page.width() - s.gap * (columns - 1)) / columns;
    const int tileHeight = int(20 * s.mm);
    for (int i = 0; i < DashboardPage::TileCount; ++i) {
        const KpiTile *tile = m_page.tile(DashboardPage::Tile(i));
        const int col = i % columns;
        if (col == 0 && i > 0)
            s.y += tileHeight + s.gap;
        const QRect box(col * (tileWidth + s.gap), s.y, tileWidth, tileHeight);
        s.p.setPen(QPen(s.rule, 0.3 * s.mm));
        s.p.setBrush(Qt::NoBrush);
        s.p.drawRoundedRect(box, 2 * s.mm, 2 * s.mm);
        const QRect inner = box.adjusted(int(3 * s.mm), int(2 * s.mm), -int(3 * s.mm), -int(2 * s.mm));
        s.p.setPen(s.muted);
        s.p.setFont(reportFont(8));
        s.p.drawText(inner, Qt::AlignLeft | Qt::AlignTop, tile->caption());
        s.p.setPen(s.ink);
        s.p.setFont(reportFont(15, true));
        s.p.drawText(inner, Qt::AlignLeft | Qt::AlignVCenter, tile->value());
        s.p.setPen(s.muted);
        s.p.setFont(reportFont(7));
        s.p.drawText(inner, Qt::AlignLeft | Qt::AlignBottom, tile->change());
    }
    s.y += tileHeight + int(6 * s.mm);
}

// Charts, two to a row, on paper colours.
void DashboardReport::paintCharts(Sheet &s)
{
    const int chartWidth = (s.page.width() - s.gap) / 2;
    const int chartHeight = int(chartWidth * 0.62);
    int column = 0;
    for (ChartCard *card : m_page.cards()) {
        if (card->objectName() == QLatin1String("agentsCard"))
            continue; // the table follows as text
        if (column == 0)
            needs(s, s.captionHeight + chartHeight);
        const QRect area(column * (chartWidth + s.gap), s.y, chartWidth, s.captionHeight + chartHeight);
        s.p.setPen(s.ink);
        s.p.setFont(reportFont(10, true));
        s.p.drawText(QRect(area.left(), area.top(), area.width(), s.captionHeight), Qt::AlignLeft | Qt::AlignVCenter,
                     card->title());
        renderOnPaper(s.p, card->body(), QRect(area.left(), area.top() + s.captionHeight, area.width(), chartHeight),
                      s.paper, m_page.palette());
        column = 1 - column;
        if (column == 0)
            s.y += s.captionHeight + chartHeight + s.gap;
    }
    if (column == 1)
        s.y += s.captionHeight + chartHeight + s.gap;
}

// The per-agent table, in the order the screen shows it, across pages.
void DashboardReport::paintAgentTable(Sheet &s)
{
    TableColumns columns{m_page.agentTable()->model(), {}, int(5.5 * s.mm),
                         s.page.width() * 3 / 10,      0,  int(1.5 * s.mm)};
    for (int c = 0; c < columns.model->columnCount(); ++c) {
        if (!m_page.agentTable()->isColumnHidden(c))
            columns.shown << c;
    }
    if (columns.shown.size() > 1)
        columns.otherWidth = (s.page.width() - columns.firstWidth) / int(columns.shown.size() - 1);
    needs(s, s.captionHeight + columns.rowHeight * 3);
    s.p.setPen(s.ink);
    s.p.setFont(reportFont(10, true));
    s.p.drawText(QRect(0, s.y, s.page.width(), s.captionHeight), Qt::AlignLeft | Qt::AlignVCenter, tr("Agents"));
    s.y += s.captionHeight;
    paintAgentHeader(s, columns);
    for (int row = 0; row < columns.model->rowCount(); ++row) {
        if (s.y + columns.rowHeight > s.bottom) {
            newPage(s);
            paintAgentHeader(s, columns);
        }
        s.p.setFont(reportFont(8));
        s.p.setPen(s.ink);
        for (int i = 0; i < columns.shown.size(); ++i) {
            const QString text = columns.model->index(row, columns.shown.at(i)).data().toString();
            s.p.drawText(columns.cell(i, s.y), columns.alignment(i) | Qt::AlignVCenter,
                         i == 0 ? s.p.fontMetrics().elidedText(text, Qt::ElideRight, columns.firstWidth) : text);
        }
        s.y += columns.rowHeight;
    }
}

// The table's headings, again on every page the table runs onto.
void DashboardReport::paintAgentHeader(Sheet &s, const TableColumns &columns)
{
    s.p.setFont(reportFont(8, true));
    s.p.setPen(s.ink);
    // Two lines, so that long headings wrap instead of running into the next.
    for (int i = 0; i < columns.shown.size(); ++i) {
        QRect cell = columns.cell(i, s.y);
        cell.setHeight(columns.rowHeight * 2);
        s.p.drawText(cell, columns.alignment(i) | Qt::AlignBottom | Qt::TextWordWrap,
                     columns.model->headerData(columns.shown.at(i), Qt::Horizontal).toString());
    }
    s.y += columns.rowHeight * 2;
    s.p.setPen(QPen(s.rule, 0.3 * s.mm));
    s.p.drawLine(0, s.y, s.page.width(), s.y);
}

} // namespace madoguchi
