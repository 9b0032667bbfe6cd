// The Japanese catalogue is complete: every source string has a finished
// translation, and the catalogue compiled into the binary is the same one.
#include <QCoreApplication>
#include <QFile>
#include <QTranslator>
#include <QXmlStreamReader>

#include <gtest/gtest.h>

TEST(Translations, JapaneseHasNoUnfinishedOrMissingEntries)
{
    QFile file(QStringLiteral(MADOGUCHI_SOURCE_DIR "/translations/madoguchi_ja.ts"));
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&file);
    int messages = 0;
    QStringList unfinished;
    QString source;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == u"source") {
            source = xml.readElementText();
        } else if (xml.name() == u"translation") {
            ++messages;
            const QString type = xml.attributes().value(QStringLiteral("type")).toString();
            const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            if (type == u"unfinished" || type == u"vanished" || type == u"obsolete" || text.trimmed().isEmpty())
                unfinished << source;
        }
    }
    ASSERT_FALSE(xml.hasError()) << xml.errorString().toStdString();
    EXPECT_GT(messages, 100);
    EXPECT_TRUE(unfinished.isEmpty()) << unfinished.join(QStringLiteral(" | ")).toStdString();
}

TEST(Translations, CompiledCatalogueTranslatesCoreAndWidgetStrings)
{
    QTranslator translator;
    ASSERT_TRUE(translator.load(QStringLiteral(":/i18n/madoguchi_ja.qm")));
    EXPECT_EQ(translator.translate("Enum", "Phone"), QStringLiteral("電話"));
    EXPECT_FALSE(translator.translate("Database", "The disk is full, so %1 failed. Nothing was changed; free some space "
                                                  "and try again.").isEmpty());
    EXPECT_FALSE(translator.translate("madoguchi::MainWindow", "Customers").isEmpty());
}
