#pragma once

#include <QPalette>
#include <QString>

namespace madoguchi {

// Light or dark: Qt 6.4 cannot ask the desktop for its colour scheme (that
// came with 6.5), so it is the user's setting. Both use the Fusion style,
// whose palette-driven drawing follows either palette fully.
enum class Appearance {
    Light,
    Dark
};

QPalette darkPalette();
void applyAppearance(Appearance appearance);
QString appearanceKey(Appearance appearance);
Appearance appearanceFromKey(const QString &key);

} // namespace madoguchi
