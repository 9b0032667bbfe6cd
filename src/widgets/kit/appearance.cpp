#include "kit/appearance.h"

#include <QApplication>
#include <QStyle>
#include <QStyleFactory>

namespace madoguchi {

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2B, 0x2D, 0x31);
    const QColor base(0x1F, 0x21, 0x24);
    const QColor text(0xE6, 0xE8, 0xEB);
    const QColor disabled(0x80, 0x84, 0x8A);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2C));
    p.setColor(QPalette::ToolTipBase, QColor(0x3A, 0x3D, 0x42));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x9A, 0x9E, 0xA5));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x35, 0x38, 0x3D));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xFF, 0x6B, 0x6B));
    p.setColor(QPalette::Light, QColor(0x4A, 0x4D, 0x53));
    p.setColor(QPalette::Midlight, QColor(0x3B, 0x3E, 0x44));
    p.setColor(QPalette::Mid, QColor(0x55, 0x59, 0x60));
    p.setColor(QPalette::Dark, QColor(0x18, 0x19, 0x1B));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Highlight, QColor(0x2F, 0x6F, 0xDE));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6F, 0xA8, 0xFF));
    p.setColor(QPalette::LinkVisited, QColor(0xB3, 0x8B, 0xF0));
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    return p;
}

void applyAppearance(Appearance appearance)
{
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setPalette(appearance == Appearance::Dark ? darkPalette() : QApplication::style()->standardPalette());
}

QString appearanceKey(Appearance appearance)
{
    return appearance == Appearance::Dark ? QStringLiteral("dark") : QStringLiteral("light");
}

Appearance appearanceFromKey(const QString &key)
{
    return key == u"dark" ? Appearance::Dark : Appearance::Light;
}

} // namespace madoguchi
