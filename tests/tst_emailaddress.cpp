#include "domain/emailaddress.h"

#include <gtest/gtest.h>

using madoguchi::EmailAddress;

TEST(EmailAddress, AcceptsCommonAddresses)
{
    const char *valid[] = {"taro.yamada@example.co.jp", "a@b.jp",
                           "first+tag@example.com",     "o'brien@example.ie",
                           "x_y-z@sub.domain.example",  "UPPER@EXAMPLE.COM"};
    for (const char *input : valid)
        EXPECT_TRUE(EmailAddress::parse(QString::fromUtf8(input))) << input;
}

TEST(EmailAddress, NormalisesFullWidthInputAndTheDomainCase)
{
    const auto parsed = EmailAddress::parse(QStringLiteral("ｙａｍａｄａ＠ＥＸＡＭＰＬＥ．ｃｏ．ｊｐ"));
    ASSERT_TRUE(parsed);
    EXPECT_EQ(parsed->address(), QStringLiteral("yamada@example.co.jp"));
    const auto mixed = EmailAddress::parse(QStringLiteral("  Taro@Example.COM "));
    ASSERT_TRUE(mixed);
    EXPECT_EQ(mixed->address(), QStringLiteral("Taro@example.com"));
    EXPECT_EQ(mixed->key(), QStringLiteral("taro@example.com"));
}

TEST(EmailAddress, InternationalDomainsAreStoredInAsciiForm)
{
    const auto parsed = EmailAddress::parse(QStringLiteral("info@例え.jp"));
    ASSERT_TRUE(parsed);
    EXPECT_TRUE(parsed->address().startsWith(QStringLiteral("info@xn--"))) << parsed->address().toStdString();
}

TEST(EmailAddress, RejectsInvalidAddressesWithAMessage)
{
    const char *invalid[] = {"",
                             "plain",
                             "@example.com",
                             "taro@",
                             "taro@@example.com",
                             "taro@example",
                             "taro..yamada@example.com",
                             ".taro@example.com",
                             "taro.@example.com",
                             "taro yamada@example.com",
                             "taro@exa mple.com",
                             "taro@-example.com",
                             "taro@example.c",
                             "山田@example.com",
                             "taro@example..com",
                             "=cmd|' /C calc'!A0@example.com"};
    for (const char *input : invalid) {
        const auto parsed = EmailAddress::parse(QString::fromUtf8(input));
        EXPECT_FALSE(parsed) << input;
        if (!parsed) {
            EXPECT_FALSE(parsed.error().message.isEmpty());
        }
    }
}

TEST(EmailAddress, RejectsOverlongAddresses)
{
    EXPECT_FALSE(EmailAddress::parse(QString(65, u'a') + QStringLiteral("@example.com")));
    EXPECT_FALSE(EmailAddress::parse(QStringLiteral("a@") + QString(250, u'b') + QStringLiteral(".com")));
}
