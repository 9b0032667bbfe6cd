#pragma once

#include <QApplication>
#include <QDir>
#include <QWidget>

#include <cstdio>

namespace madoguchi::test {

// Saves what `widget` shows now as OUTPUT_DIR/NAME.png (events processed first).
inline void saveScreenshot(QWidget *widget, const QString &dir, const QString &name)
{
    QApplication::processEvents();
    const QString path = QDir(dir).filePath(name + QStringLiteral(".png"));
    if (!widget->grab().save(path))
        std::fprintf(stderr, "cannot write %s\n", qPrintable(path));
}

} // namespace madoguchi::test
