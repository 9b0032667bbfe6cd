#pragma once

#include <QColor>
#include <QList>
#include <QPalette>

class QChart;

namespace madoguchi::charts {

// The product's series colours, readable on light and dark backgrounds:
// blue, teal, amber, violet, rose, green, slate.
QColor seriesColor(int index);
// Good / bad / neutral, for deltas and thresholds.
QColor goodColor(const QPalette &palette);
QColor badColor(const QPalette &palette);

// QtCharts does not follow QPalette: applies the palette's colours to a
// chart (background, title, legend, axes, grid), then the product's series
// colours, which setTheme() would otherwise have overwritten.
void applyPalette(QChart *chart, const QPalette &palette);
// Re-applies series colours only (after series were added). A line series
// with the property "colorIndex" takes that colour, "dashed" makes it dashed.
void colorSeries(QChart *chart);

} // namespace madoguchi::charts
