#pragma once

#include "kpi/kpiengine.h"

#include <QWidget>

namespace madoguchi {

// Inbound contacts by weekday × hour: a 7 × 24 grid, darker where more
// arrive. Rows are weekdays in the locale's names (Monday first), columns
// the hours of the team's day; the tooltip names the count and the
// average per hour.
class HeatmapWidget : public QWidget
{
    Q_OBJECT

public:
    explicit HeatmapWidget(QWidget *parent = nullptr);

    void setData(const WeekHours &counts, const std::array<int, 7> &weekdays);
    const WeekHours &counts() const { return m_counts; }
    // The average arrivals per hour of a cell (count ÷ how often its weekday occurs).
    double average(int hourOfWeek) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    QRectF cellRect(int day, int hour) const;
    int labelWidth() const;

    WeekHours m_counts{};
    std::array<int, 7> m_weekdays{};
};

} // namespace madoguchi
