#include "kpi/kpiformat.h"

#include "common/timeformat.h"

#include <QCoreApplication>
#include <QLocale>

#include <cmath>

namespace madoguchi::kpiformat {

namespace {

// The translation context "KpiFormat" (KPI values as text).
struct KpiFormatText
{
    Q_DECLARE_TR_FUNCTIONS(KpiFormat)
};

} // namespace

QString none()
{
    return QStringLiteral("–");
}

QString count(qint64 n)
{
    return QLocale().toString(n);
}

QString percent(const std::optional<double> &value, int decimals)
{
    if (!value)
        return none();
    return KpiFormatText::tr("%1%").arg(QLocale().toString(*value, 'f', decimals));
}

QString rate(const std::optional<double> &share)
{
    return share ? percent(*share * 100.0) : none();
}

QString signedNumber(const std::optional<double> &value, int decimals)
{
    if (!value)
        return none();
    // Signed as shown: a change that rounds to zero has no sign.
    const double scale = std::pow(10.0, decimals);
    const double shown = std::round(*value * scale) / scale;
    const QString text = QLocale().toString(std::abs(shown), 'f', decimals);
    return shown > 0 ? u'+' + text : shown < 0 ? QChar(0x2212) + text : text;
}

QString minutes(const std::optional<double> &value)
{
    return value ? roundedDuration(*value) : none();
}

QString seconds(const std::optional<double> &value)
{
    return value ? exactDuration(std::llround(*value)) : none();
}

} // namespace madoguchi::kpiformat
