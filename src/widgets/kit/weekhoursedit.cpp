#include "kit/weekhoursedit.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QTimeEdit>

namespace madoguchi {

WeekHoursEdit::WeekHoursEdit(QWidget *parent)
    : QWidget(parent)
{
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    const QLocale locale;
    for (std::size_t d = 0; d < 7; ++d) {
        const int day = int(d) + 1; // Monday is 1
        m_open[d] = new QCheckBox(locale.dayName(day, QLocale::LongFormat), this);
        m_from[d] = new QTimeEdit(QTime(9, 0), this);
        m_to[d] = new QTimeEdit(QTime(18, 0), this);
        for (QTimeEdit *edit : {m_from[d], m_to[d]})
            edit->setDisplayFormat(QStringLiteral("HH:mm"));
        m_from[d]->setAccessibleName(tr("Opens on %1").arg(locale.dayName(day)));
        m_to[d]->setAccessibleName(tr("Closes on %1").arg(locale.dayName(day)));
        grid->addWidget(m_open[d], int(d), 0);
        grid->addWidget(m_from[d], int(d), 1);
        grid->addWidget(new QLabel(QStringLiteral("–"), this), int(d), 2);
        grid->addWidget(m_to[d], int(d), 3);
        connect(m_open[d], &QCheckBox::toggled, this, [this, d](bool open) {
            m_from[d]->setEnabled(open);
            m_to[d]->setEnabled(open);
            if (!m_filling)
                emit edited();
        });
        for (QTimeEdit *edit : {m_from[d], m_to[d]}) {
            connect(edit, &QTimeEdit::timeChanged, this, [this] {
                if (!m_filling)
                    emit edited();
            });
        }
    }
    grid->setColumnStretch(4, 1);
}

void WeekHoursEdit::setWeek(const BusinessCalendar::Week &week)
{
    m_filling = true;
    for (std::size_t d = 0; d < 7; ++d) {
        const auto &h = week[d];
        m_open[d]->setChecked(h.has_value());
        m_from[d]->setTime(h ? h->open : QTime(9, 0));
        m_to[d]->setTime(h ? h->close : QTime(18, 0));
        m_from[d]->setEnabled(h.has_value());
        m_to[d]->setEnabled(h.has_value());
    }
    m_filling = false;
}

BusinessCalendar::Week WeekHoursEdit::week() const
{
    BusinessCalendar::Week week;
    for (std::size_t d = 0; d < 7; ++d) {
        if (m_open[d]->isChecked())
            week[d] = BusinessCalendar::Hours{m_from[d]->time(), m_to[d]->time()};
    }
    return week;
}

} // namespace madoguchi
