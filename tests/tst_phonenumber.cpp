#include "domain/phonenumber.h"

#include <gtest/gtest.h>

using madoguchi::PhoneNumber;

namespace {

QString e164(const char *input, const char *region = "JP")
{
    const auto parsed = PhoneNumber::parse(QString::fromUtf8(input), QString::fromLatin1(region));
    return parsed ? parsed->e164() : QStringLiteral("invalid: ") + parsed.error().message;
}

} // namespace

TEST(PhoneNumber, EveryWrittenFormOfATokyoNumberIsTheSameNumber)
{
    const char *forms[] = {
        "03-1234-5678",
        "0312345678",
        "03 1234 5678",
        "(03) 1234-5678",
        "03(1234)5678",
        "+81 3 1234 5678",
        "+81-3-1234-5678",
        "+81312345678",
        "+81 (0)3 1234 5678",
        "０３－１２３４－５６７８", // full-width digits and dash from a Japanese IME
        "03ー1234ー5678",           // katakana prolonged sound mark typed as a dash
        "03−1234−5678",             // U+2212 minus sign
        "  03-1234-5678  ",
    };
    for (const char *form : forms)
        EXPECT_EQ(e164(form), QStringLiteral("+81312345678")) << form;
}

TEST(PhoneNumber, JapaneseMobileAndRegionalNumbers)
{
    EXPECT_EQ(e164("090-1234-5678"), QStringLiteral("+819012345678"));
    EXPECT_EQ(e164("080 9876 5432"), QStringLiteral("+818098765432"));
    EXPECT_EQ(e164("070-1111-2222"), QStringLiteral("+817011112222"));
    EXPECT_EQ(e164("06-6123-4567"), QStringLiteral("+81661234567")); // Osaka
    EXPECT_EQ(e164("045-123-4567"), QStringLiteral("+81451234567")); // Yokohama
    EXPECT_EQ(e164("0120-123-456"), QStringLiteral("+81120123456")); // toll free
}

TEST(PhoneNumber, InternationalNumbersIgnoreTheDefaultRegion)
{
    EXPECT_EQ(e164("+1 415-555-2671"), QStringLiteral("+14155552671"));
    EXPECT_EQ(e164("+44 20 7946 0018"), QStringLiteral("+442079460018"));
    // From Japan, 010 is the international call prefix.
    EXPECT_EQ(e164("010-1-415-555-2671"), QStringLiteral("+14155552671"));
    // With the US as the home region, national US forms work.
    EXPECT_EQ(e164("(415) 555-2671", "US"), QStringLiteral("+14155552671"));
    EXPECT_EQ(e164("415.555.2671", "US"), QStringLiteral("+14155552671"));
    EXPECT_EQ(e164("1-415-555-2671", "US"), QStringLiteral("+14155552671"));
}

TEST(PhoneNumber, RejectsWhatIsNotAPhoneNumberWithAReason)
{
    const char *invalid[]
        = {"", "   ", "abc", "12", "03-1234-567", "03-1234-56789", "+999 1234 5678", "090-0000-00000", "hello 03"};
    for (const char *input : invalid) {
        const auto parsed = PhoneNumber::parse(QString::fromUtf8(input), QStringLiteral("JP"));
        EXPECT_FALSE(parsed) << input;
        if (!parsed) {
            EXPECT_FALSE(parsed.error().message.isEmpty()) << input;
        }
    }
}

TEST(PhoneNumber, ShownInNationalFormatAtHomeAndInternationalAbroad)
{
    const auto tokyo = PhoneNumber::parse(QStringLiteral("0312345678"), QStringLiteral("JP"));
    ASSERT_TRUE(tokyo);
    EXPECT_EQ(tokyo->nationalFormat(), QStringLiteral("03-1234-5678"));
    EXPECT_EQ(tokyo->displayFormat(QStringLiteral("JP")), QStringLiteral("03-1234-5678"));
    EXPECT_EQ(tokyo->displayFormat(QStringLiteral("US")), QStringLiteral("+81 3-1234-5678"));
    EXPECT_EQ(tokyo->regionCode(), QStringLiteral("JP"));
    EXPECT_EQ(tokyo->telUri(), QStringLiteral("tel:+81312345678"));

    const auto sf = PhoneNumber::parse(QStringLiteral("+14155552671"), QStringLiteral("JP"));
    ASSERT_TRUE(sf);
    EXPECT_EQ(sf->nationalFormat(), QStringLiteral("(415) 555-2671"));
    EXPECT_EQ(sf->displayFormat(QStringLiteral("JP")), QStringLiteral("+1 415-555-2671"));
}

TEST(PhoneNumber, DifferentFormsCompareEqual)
{
    const auto a = PhoneNumber::parse(QStringLiteral("03-1234-5678"), QStringLiteral("JP"));
    const auto b = PhoneNumber::parse(QStringLiteral("+81 3 1234 5678"), QStringLiteral("US"));
    ASSERT_TRUE(a);
    ASSERT_TRUE(b);
    EXPECT_EQ(a.value(), b.value());
}

TEST(PhoneNumber, ExampleNumberForRegionHints)
{
    EXPECT_TRUE(madoguchi::examplePhoneNumber(QStringLiteral("JP")).e164().startsWith(QStringLiteral("+81")));
    EXPECT_TRUE(madoguchi::examplePhoneNumber(QStringLiteral("XX")).isNull());
    EXPECT_TRUE(madoguchi::supportedPhoneRegions().contains(QStringLiteral("JP")));
}
