#include "dashboard/heatmapwidget.h"

#include "dashboard/chartstyle.h"

#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QToolTip>

#include <algorithm>

namespace madoguchi {

namespace {

constexpr int kTop = 4;
constexpr int kBottom = 22; // hour labels

} // namespace

HeatmapWidget::HeatmapWidget(QWidget *parent)
    : QWidget(parent)
{
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    setAccessibleName(tr("Arrivals by weekday and hour"));
}

void HeatmapWidget::setData(const WeekHours &counts, const std::array<int, 7> &weekdays)
{
    m_counts = counts;
    m_weekdays = weekdays;
    update();
}

double HeatmapWidget::average(int hourOfWeek) const
{
    const int occurrences = m_weekdays[std::size_t(hourOfWeek / 24)];
    return occurrences > 0 ? double(m_counts[std::size_t(hourOfWeek)]) / occurrences : 0;
}

QSize HeatmapWidget::sizeHint() const
{
    return {labelWidth() + 24 * 26, kTop + 7 * 26 + kBottom};
}

QSize HeatmapWidget::minimumSizeHint() const
{
    return {labelWidth() + 24 * 12, kTop + 7 * 16 + kBottom};
}

int HeatmapWidget::labelWidth() const
{
    int widest = 0;
    for (int d = 1; d <= 7; ++d)
        widest = std::max(widest, fontMetrics().horizontalAdvance(locale().dayName(d, QLocale::ShortFormat)));
    return widest + 10;
}

QRectF HeatmapWidget::cellRect(int day, int hour) const
{
    const double w = double(width() - labelWidth()) / 24.0;
    const double h = double(height() - kTop - kBottom) / 7.0;
    return {labelWidth() + hour * w, kTop + day * h, w, h};
}

void HeatmapWidget::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    const bool dark = pal.color(QPalette::Window).lightness() < 128;
    double peak = 0;
    for (int i = 0; i < kHoursPerWeek; ++i)
        peak = std::max(peak, average(i));
    const QColor hot = charts::seriesColor(0);
    const QColor cold = pal.color(QPalette::Base);
    p.setPen(pal.color(QPalette::WindowText));
    for (int d = 0; d < 7; ++d) {
        const QRectF row = cellRect(d, 0);
        p.drawText(QRectF(0, row.top(), labelWidth() - 8, row.height()), Qt::AlignRight | Qt::AlignVCenter,
                   locale().dayName(d + 1, QLocale::ShortFormat));
    }
    for (int hour = 0; hour < 24; hour += 3) {
        const QRectF cell = cellRect(6, hour);
        p.drawText(QRectF(cell.left(), cell.bottom() + 2, cell.width() * 3, kBottom - 2), Qt::AlignLeft | Qt::AlignTop,
                   QString::number(hour));
    }
    for (int d = 0; d < 7; ++d) {
        for (int hour = 0; hour < 24; ++hour) {
            const double share = peak > 0 ? average(d * 24 + hour) / peak : 0;
            // Blend from the background to the series colour; a floor keeps
            // the few-contacts hours visible against an empty one.
            const double t = share > 0 ? 0.1 + 0.9 * share : (dark ? 0.06 : 0.05);
            const QColor c = QColor::fromRgbF(float(cold.redF() + (hot.redF() - cold.redF()) * t),
                                              float(cold.greenF() + (hot.greenF() - cold.greenF()) * t),
                                              float(cold.blueF() + (hot.blueF() - cold.blueF()) * t));
            p.setPen(Qt::NoPen);
            p.setBrush(c);
            p.drawRoundedRect(cellRect(d, hour).adjusted(1, 1, -1, -1), 2, 2);
        }
    }
}

bool HeatmapWidget::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const QPoint pos = static_cast<QHelpEvent *>(event)->pos();
        for (int d = 0; d < 7; ++d) {
            for (int hour = 0; hour < 24; ++hour) {
                if (!cellRect(d, hour).contains(pos))
                    continue;
                const int i = d * 24 + hour;
                QToolTip::showText(static_cast<QHelpEvent *>(event)->globalPos(),
                                   tr("%1 %2:00–%3:00: %Ln contact(s), %4 an hour on average", nullptr,
                                      int(m_counts[std::size_t(i)]))
                                       .arg(locale().dayName(d + 1, QLocale::LongFormat))
                                       .arg(hour)
                                       .arg(hour + 1)
                                       .arg(locale().toString(average(i), 'f', 1)),
                                   this);
                return true;
            }
        }
        QToolTip::hideText();
        event->ignore();
        return true;
    }
    return QWidget::event(event);
}

} // namespace madoguchi
