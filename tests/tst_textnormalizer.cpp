#include "domain/textnormalizer.h"

#include <gtest/gtest.h>

using namespace madoguchi;

TEST(TextNormalizer, SearchKeyFoldsKanaWidthAndCase)
{
    EXPECT_EQ(text::searchKey(QStringLiteral("ヤマダ")), QStringLiteral("やまだ"));
    EXPECT_EQ(text::searchKey(QStringLiteral("ﾔﾏﾀﾞ")), QStringLiteral("やまだ"));
    EXPECT_EQ(text::searchKey(QStringLiteral("やまだ")), QStringLiteral("やまだ"));
    EXPECT_EQ(text::searchKey(QStringLiteral("ＹＡＭＡＤＡ")), QStringLiteral("yamada"));
    EXPECT_EQ(text::searchKey(QStringLiteral("スーパー")), QStringLiteral("すーぱー")); // ー kept
    EXPECT_EQ(text::searchKey(QStringLiteral("  ヤマダ　　タロウ ")), QStringLiteral("やまだ たろう"));
    EXPECT_EQ(text::searchKey(QStringLiteral("山田")), QStringLiteral("山田"));
}

TEST(TextNormalizer, ReadingsBecomeFullWidthKatakana)
{
    EXPECT_EQ(text::toKatakanaReading(QStringLiteral("やまだ たろう")), QStringLiteral("ヤマダ タロウ"));
    EXPECT_EQ(text::toKatakanaReading(QStringLiteral("ﾔﾏﾀﾞ ﾀﾛｳ")), QStringLiteral("ヤマダ タロウ"));
    EXPECT_EQ(text::toKatakanaReading(QStringLiteral("ヤマダ　タロウ")), QStringLiteral("ヤマダ タロウ"));
}

TEST(TextNormalizer, PlausibleReadingsAreKanaOrLatin)
{
    EXPECT_TRUE(text::isPlausibleReading(QStringLiteral("ヤマダ タロウ")));
    EXPECT_TRUE(text::isPlausibleReading(QStringLiteral("やまだ")));
    EXPECT_TRUE(text::isPlausibleReading(QStringLiteral("O'Brien")));
    EXPECT_TRUE(text::isPlausibleReading(QStringLiteral("ジョン・スミス")));
    EXPECT_TRUE(text::isPlausibleReading(QString()));
    EXPECT_FALSE(text::isPlausibleReading(QStringLiteral("山田")));
    EXPECT_FALSE(text::isPlausibleReading(QStringLiteral("ヤマダ1")));
    EXPECT_FALSE(text::isPlausibleReading(QStringLiteral("=SUM(A1)")));
}

TEST(TextNormalizer, CodesMapDashLookalikesAndFullWidthDigits)
{
    EXPECT_EQ(text::normalizeCode(QStringLiteral("０３－１２３４ー５６７８")), QStringLiteral("03-1234-5678"));
    EXPECT_EQ(text::normalizeCode(QStringLiteral("03‐1234—5678")), QStringLiteral("03-1234-5678"));
}
