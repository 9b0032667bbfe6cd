#include "dashboard/chartstyle.h"

#include <QAbstractAxis>
#include <QAbstractBarSeries>
#include <QBarSet>
#include <QChart>
#include <QLegend>
#include <QLineSeries>
#include <QPieSeries>
#include <QPieSlice>
#include <QScatterSeries>

#include <array>

namespace madoguchi::charts {

namespace {

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

} // namespace

QColor seriesColor(int index)
{
    static constexpr std::array<QRgb, 7> colors{0x2F6FDE, 0x14A3A3, 0xE8A317, 0x8E5BD9, 0xD9486F, 0x3FA34D, 0x6B7A90};
    return QColor::fromRgb(colors[std::size_t(index) % colors.size()]);
}

QColor goodColor(const QPalette &palette)
{
    return isDark(palette) ? QColor(0x5FD07A) : QColor(0x1E8A3A);
}

QColor badColor(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xFF7A85) : QColor(0xC62F3B);
}

void applyPalette(QChart *chart, const QPalette &palette)
{
    chart->setTheme(isDark(palette) ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setBackgroundBrush(palette.base());
    chart->setBackgroundPen(Qt::NoPen);
    chart->setBackgroundRoundness(0);
    chart->setPlotAreaBackgroundVisible(false);
    chart->setTitleBrush(palette.windowText());
    chart->legend()->setLabelColor(palette.color(QPalette::WindowText));
    const QColor grid = isDark(palette) ? palette.color(QPalette::Mid).darker(130) : palette.color(QPalette::Midlight);
    for (QAbstractAxis *axis : chart->axes()) {
        axis->setLabelsBrush(palette.windowText());
        axis->setTitleBrush(palette.windowText());
        axis->setLinePenColor(palette.color(QPalette::Mid));
        axis->setGridLineColor(grid);
        axis->setShadesVisible(false);
    }
    colorSeries(chart);
}

void colorSeries(QChart *chart)
{
    int next = 0;
    for (QAbstractSeries *series : chart->series()) {
        if (auto *bars = qobject_cast<QAbstractBarSeries *>(series)) {
            for (QBarSet *set : bars->barSets()) {
                const QColor c = seriesColor(next++);
                set->setColor(c);
                set->setBorderColor(c);
            }
        } else if (auto *pie = qobject_cast<QPieSeries *>(series)) {
            for (QPieSlice *slice : pie->slices()) {
                slice->setColor(seriesColor(next++));
                slice->setBorderColor(chart->backgroundBrush().color());
            }
        } else if (auto *line = qobject_cast<QLineSeries *>(series)) {
            // A series may name its colour: p90 shares its median's, dashed.
            const QVariant named = line->property("colorIndex");
            QPen pen(seriesColor(named.isValid() ? named.toInt() : next++));
            pen.setWidthF(2.2);
            if (line->property("dashed").toBool())
                pen.setStyle(Qt::DashLine);
            line->setPen(pen);
        } else if (auto *scatter = qobject_cast<QScatterSeries *>(series)) {
            scatter->setColor(seriesColor(next++));
            scatter->setBorderColor(Qt::transparent);
        }
    }
}

} // namespace madoguchi::charts
