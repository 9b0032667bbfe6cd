#pragma once

#include "kpi/kpiengine.h"
#include "kpi/staffing.h"

#include <QDialog>

#include <memory>

namespace Ui {
class StaffingDialog;
}

namespace madoguchi {

// Erlang C staffing: the agents needed in each hour of the week to answer a
// target share of calls within a target wait, from the arrivals and AHT
// observed in the dashboard's period (or from typed values), with the
// model's assumptions stated under the table.
class StaffingDialog : public QDialog
{
    Q_OBJECT

public:
    StaffingDialog(const Kpis &figures, const QString &periodDescription, QWidget *parent = nullptr);
    ~StaffingDialog() override;

    // The estimate for each hour of the week (Monday 0:00 first), as shown.
    const QList<StaffingEstimate> &estimates() const { return m_estimates; }
    // Chooses the inputs (tests).
    void setChannel(Channel channel);
    void setTyped(double callsPerHour, int ahtSeconds);
    void setTarget(int percent, int seconds, int shrinkagePercent);
    QString summary() const;
    QString exportCsv(const QString &path) const;

private:
    void channelChosen();
    void recompute();

    std::unique_ptr<Ui::StaffingDialog> m_ui;
    Kpis m_figures;
    QString m_period;
    QList<StaffingEstimate> m_estimates;
};

} // namespace madoguchi
