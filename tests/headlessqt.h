#pragma once

#include "config/appsettings.h"

#include <QStandardPaths>

namespace madoguchi::test {

// Before the QApplication exists: Qt offscreen unless a platform was chosen,
// and settings/data paths in a test location instead of the user's.
inline void prepareHeadlessQt()
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QStandardPaths::setTestModeEnabled(true);
}

} // namespace madoguchi::test
