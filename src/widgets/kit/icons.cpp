#include "kit/icons.h"

#include <QFont>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

#include <cmath>
#include <numbers>

namespace madoguchi::icons {

namespace {

// One case per glyph on a shared grid: a drawing table, read case by case, so
// longer than a screen by design.
void paintGlyph(QPainter &p, Glyph g, const QColor &color, qreal s)
{
    QPen pen(color, s / 12.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    p.setPen(pen);
    p.setBrush(Qt::NoBrush);
    const qreal u = s / 24.0; // drawing on a 24-unit grid
    auto r = [u](qreal x, qreal y, qreal w, qreal h) { return QRectF(x * u, y * u, w * u, h * u); };
    auto pt = [u](qreal x, qreal y) { return QPointF(x * u, y * u); };
    switch (g) {
    case Glyph::Customers:
        p.drawEllipse(r(8, 3, 8, 8));
        p.drawArc(r(4, 13, 16, 14), 0, 180 * 16);
        break;
    case Glyph::Tickets: {
        QPainterPath path;
        path.moveTo(pt(3, 6));
        path.lineTo(pt(21, 6));
        path.lineTo(pt(21, 10));
        path.arcTo(r(19, 10, 4, 4), 90, 180);
        path.lineTo(pt(21, 18));
        path.lineTo(pt(3, 18));
        path.lineTo(pt(3, 14));
        path.arcTo(r(1, 10, 4, 4), 270, 180);
        path.closeSubpath();
        p.drawPath(path);
        p.drawLine(pt(9, 9), pt(15, 9));
        p.drawLine(pt(9, 12), pt(15, 12));
        p.drawLine(pt(9, 15), pt(13, 15));
        break;
    }
    case Glyph::Dashboard:
        p.drawLine(pt(3, 21), pt(21, 21));
        p.drawRect(r(5, 12, 3, 9));
        p.drawRect(r(10.5, 6, 3, 15));
        p.drawRect(r(16, 9, 3, 12));
        break;
    case Glyph::Knowledge:
        p.drawRoundedRect(r(4, 3, 16, 18), u, u);
        p.drawLine(pt(8, 3), pt(8, 21));
        p.drawLine(pt(11, 8), pt(17, 8));
        p.drawLine(pt(11, 11), pt(17, 11));
        break;
    case Glyph::Reviews: {
        QPolygonF star;
        for (int i = 0; i < 10; ++i) {
            const qreal radius = (i % 2 == 0 ? 9.5 : 4.2) * u;
            const qreal angle = -std::numbers::pi / 2 + i * std::numbers::pi / 5;
            star << QPointF(12 * u + radius * std::cos(angle), 12.5 * u + radius * std::sin(angle));
        }
        p.drawPolygon(star);
        break;
    }
    case Glyph::Settings: {
        p.drawEllipse(r(9, 9, 6, 6));
        for (int i = 0; i < 8; ++i) {
            const qreal a = i * std::numbers::pi / 4;
            p.drawLine(QPointF(12 * u + 6 * u * std::cos(a), 12 * u + 6 * u * std::sin(a)),
                       QPointF(12 * u + 9 * u * std::cos(a), 12 * u + 9 * u * std::sin(a)));
        }
        p.drawEllipse(r(6, 6, 12, 12));
        break;
    }
    case Glyph::Database:
        p.drawEllipse(r(5, 3, 14, 5));
        p.drawLine(pt(5, 5.5), pt(5, 18.5));
        p.drawLine(pt(19, 5.5), pt(19, 18.5));
        p.drawArc(r(5, 9, 14, 5), 180 * 16, 180 * 16);
        p.drawArc(r(5, 16, 14, 5), 180 * 16, 180 * 16);
        break;
    case Glyph::Sync:
        p.drawArc(r(4, 4, 16, 16), 30 * 16, 150 * 16);
        p.drawArc(r(4, 4, 16, 16), 210 * 16, 150 * 16);
        p.drawLine(pt(18.9, 7.5), pt(19.5, 3.5));
        p.drawLine(pt(18.9, 7.5), pt(15, 7));
        p.drawLine(pt(5.1, 16.5), pt(4.5, 20.5));
        p.drawLine(pt(5.1, 16.5), pt(9, 17));
        break;
    case Glyph::Demo:
        p.drawRoundedRect(r(3, 6, 18, 12), 2 * u, 2 * u);
        p.drawLine(pt(7, 12), pt(17, 12));
        break;
    }
}

} // namespace

QIcon glyph(Glyph g, const QColor &color)
{
    QIcon icon;
    for (int size : {16, 24, 32, 48}) {
        for (qreal dpr : {1.0, 2.0}) {
            QPixmap pixmap(QSize(size, size) * dpr);
            pixmap.setDevicePixelRatio(dpr);
            pixmap.fill(Qt::transparent);
            QPainter p(&pixmap);
            p.setRenderHint(QPainter::Antialiasing);
            paintGlyph(p, g, color, size);
            p.end();
            icon.addPixmap(pixmap);
        }
    }
    return icon;
}

QIcon applicationIcon()
{
    QIcon icon;
    for (int size : {16, 32, 48, 64, 128, 256}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter p(&pixmap);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0x1F, 0x5F, 0xAF));
        p.drawRoundedRect(QRectF(0, 0, size, size), size * 0.2, size * 0.2);
        QFont font;
        font.setPixelSize(int(size * 0.68));
        font.setBold(true);
        p.setFont(font);
        p.setPen(Qt::white);
        p.drawText(QRectF(0, 0, size, size * 0.96), Qt::AlignCenter, QStringLiteral("窓"));
        p.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

} // namespace madoguchi::icons
