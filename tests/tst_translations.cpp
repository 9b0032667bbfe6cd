// The Japanese catalogue is complete: every source string has a finished
// translation, and the catalogue compiled into the binary is the same one.
#include <QCoreApplication>
#include <QFile>
#include <QLibraryInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTranslator>
#include <QXmlStreamReader>

#include <gtest/gtest.h>

namespace {

struct Catalogue
{
    int messages = 0;
    QStringList unfinished;
};

Catalogue readCatalogueFile(const QString &path)
{
    Catalogue c;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ADD_FAILURE() << "cannot read " << path.toStdString();
        return c;
    }
    QXmlStreamReader xml(&file);
    QString source;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == u"source") {
            source = xml.readElementText();
        } else if (xml.name() == u"translation") {
            ++c.messages;
            const QString type = xml.attributes().value(QStringLiteral("type")).toString();
            const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            if (type == u"unfinished" || type == u"vanished" || type == u"obsolete" || text.trimmed().isEmpty())
                c.unfinished << source;
        }
    }
    EXPECT_FALSE(xml.hasError()) << xml.errorString().toStdString();
    return c;
}

Catalogue readCatalogue(const char *name)
{
    return readCatalogueFile(QStringLiteral(MADOGUCHI_SOURCE_DIR "/translations/") + QLatin1String(name));
}

} // namespace

TEST(Translations, EnglishPluralFormsAreComplete)
{
    const Catalogue en = readCatalogue("madoguchi_en.ts");
    EXPECT_GT(en.messages, 5);
    EXPECT_TRUE(en.unfinished.isEmpty()) << en.unfinished.join(QStringLiteral(" | ")).toStdString();
    QTranslator translator;
    ASSERT_TRUE(translator.load(QStringLiteral(":/i18n/madoguchi_en.qm")));
    EXPECT_EQ(translator.translate("madoguchi::CustomersPage", "%n customer(s)", nullptr, 1),
              QStringLiteral("%n customer"));
    EXPECT_EQ(translator.translate("madoguchi::CustomersPage", "%n customer(s)", nullptr, 2),
              QStringLiteral("%n customers"));
}

TEST(Translations, JapaneseHasNoUnfinishedOrMissingEntries)
{
    const Catalogue ja = readCatalogue("madoguchi_ja.ts");
    EXPECT_GT(ja.messages, 100);
    EXPECT_TRUE(ja.unfinished.isEmpty()) << ja.unfinished.join(QStringLiteral(" | ")).toStdString();
}

// The catalogue holds every string of today's sources: lupdate run again
// over them (into a copy) finds nothing new to translate. (Reading the
// committed catalogue alone misses strings nobody extracted.)
TEST(Translations, TheJapaneseCatalogueHoldsEveryStringOfTheSources)
{
    QTemporaryDir dir;
    const QString copy = dir.filePath(QStringLiteral("madoguchi_ja.ts"));
    ASSERT_TRUE(QFile::copy(QStringLiteral(MADOGUCHI_SOURCE_DIR "/translations/madoguchi_ja.ts"), copy));
    QProcess lupdate;
    lupdate.start(QLibraryInfo::path(QLibraryInfo::BinariesPath) + QStringLiteral("/lupdate"),
                  {QStringLiteral("-project"), QStringLiteral(MADOGUCHI_LUPDATE_PROJECT), QStringLiteral("-ts"), copy,
                   QStringLiteral("-no-obsolete"), QStringLiteral("-locations"), QStringLiteral("none")});
    ASSERT_TRUE(lupdate.waitForFinished(120'000));
    ASSERT_EQ(lupdate.exitCode(), 0) << lupdate.readAllStandardError().toStdString();
    const Catalogue ja = readCatalogueFile(copy);
    EXPECT_GT(ja.messages, 1000);
    EXPECT_TRUE(ja.unfinished.isEmpty()) << ja.unfinished.join(QStringLiteral(" | ")).toStdString();
}

TEST(Translations, CompiledCatalogueTranslatesCoreAndWidgetStrings)
{
    QTranslator translator;
    ASSERT_TRUE(translator.load(QStringLiteral(":/i18n/madoguchi_ja.qm")));
    EXPECT_EQ(translator.translate("Enum", "Phone"), QStringLiteral("電話"));
    EXPECT_FALSE(translator
                     .translate("Database", "The disk is full, so %1 failed. Nothing was changed; free some space "
                                            "and try again.")
                     .isEmpty());
    EXPECT_FALSE(translator.translate("madoguchi::MainWindow", "Customers").isEmpty());
    // The PDF report's own words (a class with Q_DECLARE_TR_FUNCTIONS; a
    // free tr() helper once left them in English).
    EXPECT_EQ(translator.translate("DashboardReport", "KPI report"), QStringLiteral("KPI レポート"));
    EXPECT_FALSE(translator.translate("DashboardReport", "Period: %1").isEmpty());
    // Lengths of time, wherever they are shown.
    EXPECT_EQ(translator.translate("Duration", "%n min", "minutes", 5), QStringLiteral("%n分"));
    EXPECT_EQ(translator.translate("Duration", "%1 h %2 min"), QStringLiteral("%1時間%2分"));
}
