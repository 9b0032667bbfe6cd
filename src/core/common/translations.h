#pragma once

#include <QString>

class QCoreApplication;

namespace madoguchi {

// Installs Madoguchi's and Qt's own translators for `language` ("en", "ja",
// or "" for the system locale). Returns the language actually used.
QString installTranslations(QCoreApplication &app, const QString &language);

} // namespace madoguchi
