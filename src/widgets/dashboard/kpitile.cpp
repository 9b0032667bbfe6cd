#include "dashboard/kpitile.h"

#include "dashboard/chartcard.h"
#include "dashboard/chartstyle.h"

#include <QEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QVBoxLayout>

namespace madoguchi {

KpiTile::KpiTile(const QString &caption, QWidget *parent)
    : QFrame(parent)
    , m_caption(new QLabel(caption, this))
    , m_value(new QLabel(QStringLiteral("–"), this))
    , m_change(new QLabel(this))
{
    setObjectName(QStringLiteral("kpiTile"));
    setFocusPolicy(Qt::StrongFocus);
    setCursor(Qt::PointingHandCursor);
    setAccessibleName(caption);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setAttribute(Qt::WA_Hover);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 9, 12, 9);
    layout->setSpacing(2);
    m_caption->setWordWrap(false);
    QFont valueFont = m_value->font();
    valueFont.setPointSizeF(valueFont.pointSizeF() * 1.75);
    valueFont.setWeight(QFont::DemiBold);
    m_value->setFont(valueFont);
    QFont small = m_change->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    m_change->setFont(small);
    m_caption->setFont(small);
    layout->addWidget(m_caption);
    layout->addWidget(m_value);
    layout->addWidget(m_change);
    restyle();
}

void KpiTile::setValue(const QString &value, const QString &change, Trend trend, const QString &toolTip)
{
    m_value->setText(value);
    m_change->setText(change);
    m_trend = trend;
    setToolTip(toolTip);
    restyle();
}

QString KpiTile::caption() const
{
    return m_caption->text();
}

QString KpiTile::value() const
{
    return m_value->text();
}

QString KpiTile::change() const
{
    return m_change->text();
}

void KpiTile::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && rect().contains(event->position().toPoint()))
        emit clicked();
    QFrame::mouseReleaseEvent(event);
}

void KpiTile::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter || event->key() == Qt::Key_Space) {
        emit clicked();
        return;
    }
    QFrame::keyPressEvent(event);
}

void KpiTile::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        restyle();
    QFrame::changeEvent(event);
}

void KpiTile::paintEvent(QPaintEvent *)
{
    paintCard(this, hasFocus() || underMouse());
}

void KpiTile::restyle()
{
    const QPalette pal = palette();
    const QColor muted = pal.color(QPalette::PlaceholderText);
    const QColor change = m_trend == Trend::Good  ? charts::goodColor(pal)
                          : m_trend == Trend::Bad ? charts::badColor(pal)
                                                  : muted;
    m_caption->setStyleSheet(QStringLiteral("color: %1;").arg(muted.name()));
    m_change->setStyleSheet(QStringLiteral("color: %1;").arg(change.name()));
}

} // namespace madoguchi
