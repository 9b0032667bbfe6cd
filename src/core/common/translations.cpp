#include "common/translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace madoguchi {

QString installTranslations(QCoreApplication &app, const QString &language)
{
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    QLocale::setDefault(locale);

    // English is the source language; its catalogue only adds plural forms.
    // A language without a catalogue falls back to English.
    auto *own = new QTranslator(&app);
    if (!own->load(locale, QStringLiteral("madoguchi"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        if (!own->load(QStringLiteral(":/i18n/madoguchi_en.qm"))) {
            delete own;
            return QStringLiteral("en");
        }
        QCoreApplication::installTranslator(own);
        return QStringLiteral("en");
    }
    QCoreApplication::installTranslator(own);
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    return locale.name().left(2);
}

} // namespace madoguchi
