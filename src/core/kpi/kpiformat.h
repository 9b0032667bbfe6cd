#pragma once

#include <QString>

#include <optional>

namespace madoguchi::kpiformat {

// Figures as the dashboard, its report and its exports show them, in the
// user's locale; "–" for a figure that has no data.
QString count(qint64 n);
QString percent(const std::optional<double> &value, int decimals = 1);
QString rate(const std::optional<double> &share); // 0.42 → "42.0%"
QString signedNumber(const std::optional<double> &value, int decimals = 1);
QString minutes(const std::optional<double> &minutes); // "42 min", "3.5 h", "2.1 days"
QString seconds(const std::optional<double> &seconds); // "5 min 12 s"
QString none();

} // namespace madoguchi::kpiformat
