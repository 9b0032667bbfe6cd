#include "dashboard/dashboardreport.h"

#include "dashboard/chartcard.h"
#include "dashboard/chartstyle.h"
#include "dashboard/dashboardpage.h"
#include "dashboard/kpitile.h"
#include "models/agentkpimodel.h"

#include <QApplication>
#include <QChartView>
#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFontDatabase>
#include <QLocale>
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

void DashboardReport::paint(QPagedPaintDevice *device)
{
    QPainter p(device);
    const QRect page = device->pageLayout().paintRectPixels(device->logicalDpiX());
    const double mm = device->logicalDpiX() / 25.4;
    const QPalette paper = paperPalette();
    const QColor ink = paper.color(QPalette::WindowText);
    const QColor muted(0x6B, 0x72, 0x80);
    const QColor rule(0xD8, 0xDC, 0xE2);
    int y = 0;
    int pageNumber = 1;
    const QString generated = QLocale().toString(QDateTime::currentDateTime(), QLocale::ShortFormat);

    auto footer = [&] {
        p.setFont(reportFont(7.5));
        p.setPen(muted);
        p.drawText(QRect(0, page.height() - int(6 * mm), page.width(), int(6 * mm)), Qt::AlignLeft | Qt::AlignBottom,
                   tr("Madoguchi KPI report · %1").arg(m_page.periodDescription()));
        p.drawText(QRect(0, page.height() - int(6 * mm), page.width(), int(6 * mm)), Qt::AlignRight | Qt::AlignBottom,
                   tr("Page %1").arg(pageNumber));
    };
    const int bottom = page.height() - int(10 * mm);
    auto newPage = [&] {
        footer();
        device->newPage();
        ++pageNumber;
        y = 0;
    };
    // A new page when `height` no longer fits on this one.
    auto needs = [&](int height) {
        if (y + height > bottom)
            newPage();
    };

    // Title block.
    p.setPen(ink);
    p.setFont(reportFont(18, true));
    const int titleHeight = int(11 * mm);
    p.drawText(QRect(0, y, page.width(), titleHeight), Qt::AlignLeft | Qt::AlignVCenter, tr("KPI report"));
    y += titleHeight;
    p.setFont(reportFont(10));
    const QString filters = m_page.filterDescription().isEmpty()
                                ? tr("All teams, agents, channels, priorities and categories")
                                : m_page.filterDescription();
    const QStringList lines{tr("Period: %1").arg(m_page.periodDescription()), tr("Filters: %1").arg(filters),
                            tr("Changes are against the previous period of the same length. Made %1.").arg(generated)};
    for (qsizetype i = 0; i < lines.size(); ++i) {
        p.setPen(i == lines.size() - 1 ? muted : ink);
        p.drawText(QRect(0, y, page.width(), int(5.5 * mm)), Qt::AlignLeft | Qt::AlignVCenter, lines.at(i));
        y += int(5.5 * mm);
    }
    y += int(3 * mm);

    // Tiles, five to a row.
    const int columns = 5;
    const int gap = int(3 * mm);
    const int tileWidth = (page.width() - gap * (columns - 1)) / columns;
    const int tileHeight = int(20 * mm);
    for (int i = 0; i < DashboardPage::TileCount; ++i) {
        const KpiTile *tile = m_page.tile(DashboardPage::Tile(i));
        const int col = i % columns;
        if (col == 0 && i > 0)
            y += tileHeight + gap;
        const QRect box(col * (tileWidth + gap), y, tileWidth, tileHeight);
        p.setPen(QPen(rule, 0.3 * mm));
        p.setBrush(Qt::NoBrush);
        p.drawRoundedRect(box, 2 * mm, 2 * mm);
        const QRect inner = box.adjusted(int(3 * mm), int(2 * mm), -int(3 * mm), -int(2 * mm));
        p.setPen(muted);
        p.setFont(reportFont(8));
        p.drawText(inner, Qt::AlignLeft | Qt::AlignTop, tile->caption());
        p.setPen(ink);
        p.setFont(reportFont(15, true));
        p.drawText(inner, Qt::AlignLeft | Qt::AlignVCenter, tile->value());
        p.setPen(muted);
        p.setFont(reportFont(7));
        p.drawText(inner, Qt::AlignLeft | Qt::AlignBottom, tile->change());
    }
    y += tileHeight + int(6 * mm);

    // Charts, two to a row, on paper colours.
    const int chartWidth = (page.width() - gap) / 2;
    const int chartHeight = int(chartWidth * 0.62);
    const int captionHeight = int(6 * mm);
    int column = 0;
    for (ChartCard *card : m_page.cards()) {
        if (card->objectName() == QLatin1String("agentsCard"))
            continue; // the table follows as text
        if (column == 0)
            needs(captionHeight + chartHeight);
        const QRect area(column * (chartWidth + gap), y, chartWidth, captionHeight + chartHeight);
        p.setPen(ink);
        p.setFont(reportFont(10, true));
        p.drawText(QRect(area.left(), area.top(), area.width(), captionHeight), Qt::AlignLeft | Qt::AlignVCenter,
                   card->title());
        const QRect target(area.left(), area.top() + captionHeight, area.width(), chartHeight);
        QWidget *body = card->body();
        if (auto *view = qobject_cast<QChartView *>(body)) {
            charts::applyPalette(view->chart(), paper);
            view->render(&p, target, QRect(), Qt::KeepAspectRatio);
            charts::applyPalette(view->chart(), m_page.palette());
        } else {
            const bool ownPalette = body->testAttribute(Qt::WA_SetPalette);
            const QPalette screen = body->palette();
            body->setPalette(paper);
            p.save();
            const double scale = std::min(double(target.width()) / body->width(),
                                          double(target.height()) / body->height());
            p.translate(target.topLeft());
            p.scale(scale, scale);
            body->render(&p, QPoint(), QRegion(), QWidget::DrawChildren);
            p.restore();
            // Back to following the window's palette (or to its own).
            body->setPalette(ownPalette ? screen : QPalette());
        }
        column = 1 - column;
        if (column == 0)
            y += captionHeight + chartHeight + gap;
    }
    if (column == 1)
        y += captionHeight + chartHeight + gap;

    // The per-agent table, in the order the screen shows it.
    const QAbstractItemModel *model = m_page.agentTable()->model();
    QList<int> shown;
    for (int c = 0; c < model->columnCount(); ++c) {
        if (!m_page.agentTable()->isColumnHidden(c))
            shown << c;
    }
    const int rowHeight = int(5.5 * mm);
    const int firstWidth = page.width() * 3 / 10;
    const int otherWidth = shown.size() > 1 ? (page.width() - firstWidth) / int(shown.size() - 1) : 0;
    auto cellRect = [&](int index, int top) {
        return index == 0 ? QRect(0, top, firstWidth, rowHeight)
                          : QRect(firstWidth + (index - 1) * otherWidth, top, otherWidth - int(1.5 * mm), rowHeight);
    };
    auto header = [&] {
        p.setFont(reportFont(8, true));
        p.setPen(ink);
        // Two lines, so that long headings wrap instead of running into the next.
        for (int i = 0; i < shown.size(); ++i) {
            QRect cell = cellRect(i, y);
            cell.setHeight(rowHeight * 2);
            p.drawText(cell, (i == 0 ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignBottom | Qt::TextWordWrap,
                       model->headerData(shown.at(i), Qt::Horizontal).toString());
        }
        y += rowHeight * 2;
        p.setPen(QPen(rule, 0.3 * mm));
        p.drawLine(0, y, page.width(), y);
    };
    needs(captionHeight + rowHeight * 3);
    p.setPen(ink);
    p.setFont(reportFont(10, true));
    p.drawText(QRect(0, y, page.width(), captionHeight), Qt::AlignLeft | Qt::AlignVCenter, tr("Agents"));
    y += captionHeight;
    header();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (y + rowHeight > bottom) {
            newPage();
            header();
        }
        p.setFont(reportFont(8));
        p.setPen(ink);
        for (int i = 0; i < shown.size(); ++i) {
            const QString text = model->index(row, shown.at(i)).data().toString();
            p.drawText(cellRect(i, y), (i == 0 ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter,
                       i == 0 ? p.fontMetrics().elidedText(text, Qt::ElideRight, firstWidth) : text);
        }
        y += rowHeight;
    }
    footer();
}

} // namespace madoguchi
