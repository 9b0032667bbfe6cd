#pragma once

#include "domain/businesscalendar.h"

#include <QWidget>

#include <array>

class QCheckBox;
class QTimeEdit;

namespace madoguchi {

// Opening hours for each day of the week: a check box per day (open or
// closed) and the hours it opens and closes.
class WeekHoursEdit : public QWidget
{
    Q_OBJECT

public:
    explicit WeekHoursEdit(QWidget *parent = nullptr);

    void setWeek(const BusinessCalendar::Week &week);
    BusinessCalendar::Week week() const;

    QCheckBox *openCheck(int day) const { return m_open.at(std::size_t(day)); }
    QTimeEdit *opensEdit(int day) const { return m_from.at(std::size_t(day)); }
    QTimeEdit *closesEdit(int day) const { return m_to.at(std::size_t(day)); }

signals:
    // The user changed a day (not setWeek).
    void edited();

private:
    std::array<QCheckBox *, 7> m_open{};
    std::array<QTimeEdit *, 7> m_from{};
    std::array<QTimeEdit *, 7> m_to{};
    bool m_filling = false;
};

} // namespace madoguchi
