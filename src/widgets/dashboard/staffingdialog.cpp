#include "dashboard/staffingdialog.h"
#include "ui_staffingdialog.h"

#include "dashboard/chartstyle.h"
#include "io/csvwriter.h"
#include "kpi/kpiformat.h"

#include <QFileDialog>
#include <QHeaderView>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>

#include <cmath>

namespace madoguchi {

StaffingDialog::StaffingDialog(const Kpis &figures, const QString &periodDescription, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::StaffingDialog>())
    , m_figures(figures)
    , m_period(periodDescription)
{
    m_ui->setupUi(this);
    for (const ChannelKpis &c : std::as_const(m_figures.perChannel)) {
        // Staffing is for contacts answered live.
        if (c.channel == Channel::Phone || c.channel == Channel::Chat)
            m_ui->channelCombo->addItem(displayName(c.channel), int(c.channel));
    }
    m_ui->showCombo->addItem(tr("Agents on the phones"));
    m_ui->showCombo->addItem(tr("Agents to schedule (with shrinkage)"));
    m_ui->table->setRowCount(24);
    m_ui->table->setColumnCount(7);
    QStringList days;
    for (int d = 1; d <= 7; ++d)
        days << locale().dayName(d, QLocale::ShortFormat);
    m_ui->table->setHorizontalHeaderLabels(days);
    QStringList hours;
    for (int h = 0; h < 24; ++h)
        hours << tr("%1:00–%2:00").arg(h).arg(h + 1);
    m_ui->table->setVerticalHeaderLabels(hours);
    m_ui->table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_ui->table->verticalHeader()->setDefaultSectionSize(m_ui->table->fontMetrics().height() + 6);
    m_ui->table->setSelectionMode(QAbstractItemView::NoSelection);
    m_ui->assumptionsLabel->setText(tr(
        "<b>How this is estimated (Erlang C).</b> Calls are assumed to arrive at random at a steady rate within each hour, handle "
        "times to vary around the AHT as the model expects, every caller to wait in one queue until answered (nobody hangs up, "
        "nobody gets a busy tone) and every agent to take every call. Real queues lose some callers, so the figures err on the "
        "safe side when many would hang up. Observed arrivals are the incoming contacts of the period averaged per weekday. "
        "Scheduled agents add shrinkage: time paid but away from the queue."));
    m_ui->assumptionsLabel->setTextFormat(Qt::RichText);
    QPushButton *exportButton = m_ui->buttons->addButton(tr("&Export as CSV…"), QDialogButtonBox::ActionRole);
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
        const QString path = QFileDialog::getSaveFileName(this, tr("Export Staffing Estimate"),
                                                          QDir(dir).filePath(tr("Staffing.csv")),
                                                          tr("CSV files (*.csv)"));
        if (path.isEmpty())
            return;
        if (const QString error = exportCsv(path); !error.isEmpty())
            QMessageBox::warning(this, tr("Export Staffing Estimate"), error);
    });
    connect(m_ui->channelCombo, &QComboBox::activated, this, &StaffingDialog::channelChosen);
    connect(m_ui->observedRadio, &QRadioButton::toggled, this, &StaffingDialog::recompute);
    connect(m_ui->callsSpin, &QDoubleSpinBox::valueChanged, this, [this] {
        m_ui->typedRadio->setChecked(true);
        recompute();
    });
    connect(m_ui->ahtSpin, &QSpinBox::valueChanged, this, &StaffingDialog::recompute);
    for (QSpinBox *spin : {m_ui->shareSpin, m_ui->withinSpin, m_ui->shrinkageSpin})
        connect(spin, &QSpinBox::valueChanged, this, &StaffingDialog::recompute);
    connect(m_ui->showCombo, &QComboBox::activated, this, &StaffingDialog::recompute);
    channelChosen();
}

StaffingDialog::~StaffingDialog() = default;

void StaffingDialog::setChannel(Channel channel)
{
    m_ui->channelCombo->setCurrentIndex(std::max(0, m_ui->channelCombo->findData(int(channel))));
    channelChosen();
}

void StaffingDialog::setTyped(double callsPerHour, int ahtSeconds)
{
    const QSignalBlocker a(m_ui->callsSpin), b(m_ui->ahtSpin);
    m_ui->callsSpin->setValue(callsPerHour);
    m_ui->ahtSpin->setValue(ahtSeconds);
    m_ui->typedRadio->setChecked(true);
    recompute();
}

void StaffingDialog::setTarget(int percent, int seconds, int shrinkagePercent)
{
    const QSignalBlocker a(m_ui->shareSpin), b(m_ui->withinSpin), c(m_ui->shrinkageSpin);
    m_ui->shareSpin->setValue(percent);
    m_ui->withinSpin->setValue(seconds);
    m_ui->shrinkageSpin->setValue(shrinkagePercent);
    recompute();
}

// A channel brings its observed AHT and average load as the typed values' start.
void StaffingDialog::channelChosen()
{
    const int index = m_ui->channelCombo->currentData().toInt();
    if (index >= 0 && index < m_figures.perChannel.size()) {
        const ChannelKpis &c = m_figures.perChannel.at(index);
        const QSignalBlocker a(m_ui->callsSpin), b(m_ui->ahtSpin);
        m_ui->ahtSpin->setValue(int(std::lround(c.ahtSeconds().value_or(300))));
        const int days = int(m_figures.period.from.daysTo(m_figures.period.to));
        m_ui->callsSpin->setValue(days > 0 ? double(c.inbound) / (days * 24.0) : 0);
    }
    recompute();
}

void StaffingDialog::recompute()
{
    const int index = m_ui->channelCombo->currentData().toInt();
    const bool observed = m_ui->observedRadio->isChecked();
    const StaffingTarget target{m_ui->shareSpin->value() / 100.0, double(m_ui->withinSpin->value()),
                                m_ui->shrinkageSpin->value() / 100.0};
    const ChannelKpis *channel = index >= 0 && index < m_figures.perChannel.size() ? &m_figures.perChannel.at(index)
                                                                                   : nullptr;
    const double aht = observed && channel && channel->ahtSeconds() ? *channel->ahtSeconds()
                                                                    : double(m_ui->ahtSpin->value());
    if (observed && channel && index < m_figures.arrivals.size()) {
        m_estimates = weeklyStaffing(m_figures.arrivals.at(index), m_figures.weekdays, aht, target);
    } else {
        m_estimates.clear();
        for (int h = 0; h < kHoursPerWeek; ++h)
            m_estimates << estimateStaffing(m_ui->callsSpin->value(), aht, target);
    }
    const bool scheduled = m_ui->showCombo->currentIndex() == 1;
    int peak = 0;
    for (const StaffingEstimate &e : std::as_const(m_estimates))
        peak = std::max(peak, scheduled ? e.scheduled : e.agents);
    const QColor hot = charts::seriesColor(0);
    const QColor cold = palette().color(QPalette::Base);
    double agentHours = 0;
    double scheduledHours = 0;
    int peakHour = -1;
    for (int h = 0; h < kHoursPerWeek; ++h) {
        const StaffingEstimate &e = m_estimates.at(h);
        agentHours += e.agents;
        scheduledHours += e.scheduled;
        if (peakHour < 0 || e.agents > m_estimates.at(peakHour).agents)
            peakHour = h;
        const int shown = scheduled ? e.scheduled : e.agents;
        auto *item = new QTableWidgetItem(shown > 0 ? locale().toString(shown) : QString());
        item->setTextAlignment(Qt::AlignCenter);
        const double t = peak > 0 ? 0.08 + 0.7 * double(shown) / peak : 0;
        if (shown > 0) {
            item->setBackground(QColor::fromRgbF(float(cold.redF() + (hot.redF() - cold.redF()) * t),
                                                 float(cold.greenF() + (hot.greenF() - cold.greenF()) * t),
                                                 float(cold.blueF() + (hot.blueF() - cold.blueF()) * t)));
            if (t > 0.5)
                item->setForeground(Qt::white);
        }
        item->setToolTip(
            e.callsPerHour > 0
                ? tr("%1 calls an hour, %2 Erlangs. With %3 agents: %4 answered within %5 s, average wait %6 s, "
                     "occupancy %7; %8 to schedule.")
                      .arg(locale().toString(e.callsPerHour, 'f', 1), locale().toString(e.trafficErlangs, 'f', 2))
                      .arg(e.agents)
                      .arg(kpiformat::percent(e.serviceLevel * 100), QString::number(m_ui->withinSpin->value()),
                           locale().toString(e.averageSpeedOfAnswer, 'f', 1), kpiformat::percent(e.occupancy * 100))
                      .arg(e.scheduled)
                : tr("No calls expected."));
        m_ui->table->setItem(h % 24, h / 24, item);
    }
    QString text;
    if (observed && channel) {
        text = tr("Observed %1: %Ln incoming contact(s) on %2, AHT %3.", nullptr, int(channel->inbound))
                   .arg(m_period, displayName(channel->channel), kpiformat::seconds(aht));
    } else {
        text = tr("Typed: %1 calls an hour, AHT %2.")
                   .arg(locale().toString(m_ui->callsSpin->value(), 'f', 1), kpiformat::seconds(aht));
    }
    if (peakHour >= 0 && m_estimates.at(peakHour).agents > 0) {
        const StaffingEstimate &e = m_estimates.at(peakHour);
        text += u' '
                + tr("Busiest hour: %1 %2:00, %3 agents on the phones (%4 to schedule). A week needs %5 agent-hours on the phones, "
                     "%6 scheduled.")
                      .arg(locale().dayName(peakHour / 24 + 1))
                      .arg(peakHour % 24)
                      .arg(e.agents)
                      .arg(e.scheduled)
                      .arg(locale().toString(agentHours, 'f', 0), locale().toString(scheduledHours, 'f', 0));
    } else {
        text += u' ' + tr("No calls to answer: no agents needed.");
    }
    m_ui->summaryLabel->setText(text);
    m_ui->callsSpin->setEnabled(!observed);
    m_ui->ahtSpin->setEnabled(!observed);
}

QString StaffingDialog::summary() const
{
    return m_ui->summaryLabel->text();
}

QString StaffingDialog::exportCsv(const QString &path) const
{
    QList<QStringList> rows{{tr("Weekday"), tr("Hour"), tr("Calls per hour"), tr("Traffic (Erlangs)"),
                             tr("Agents on the phones"), tr("Agents to schedule"), tr("Service level (%)"),
                             tr("Average wait (seconds)"), tr("Occupancy (%)")}};
    for (int h = 0; h < kHoursPerWeek; ++h) {
        const StaffingEstimate &e = m_estimates.at(h);
        rows << QStringList{QLocale().dayName(h / 24 + 1),
                            QString::number(h % 24),
                            QString::number(e.callsPerHour, 'f', 2),
                            QString::number(e.trafficErlangs, 'f', 3),
                            QString::number(e.agents),
                            QString::number(e.scheduled),
                            QString::number(e.serviceLevel * 100, 'f', 1),
                            QString::number(e.averageSpeedOfAnswer, 'f', 1),
                            QString::number(e.occupancy * 100, 'f', 1)};
    }
    const auto written = csv::write(path, rows);
    return written ? QString() : written.error().message;
}

} // namespace madoguchi
