#pragma once

#include <QIcon>

namespace madoguchi::icons {

enum class Glyph {
    Customers,
    Tickets,
    Dashboard,
    Knowledge,
    Reviews,
    Settings,
    Database,
    Sync,
    Demo
};

// Line icons painted in the palette's text colour, crisp at any device pixel
// ratio (the Debian Qt here has no SVG icon engine).
QIcon glyph(Glyph g, const QColor &color);
// The application icon: 窓 on a rounded blue square.
QIcon applicationIcon();

} // namespace madoguchi::icons
