#include "customerfixture.h"
#include "domain/uuid.h"
#include "repositories/customersearch.h"
#include "repositories/interactionrepository.h"

#include <QSqlQuery>

#include <gtest/gtest.h>

using namespace madoguchi;
using madoguchi::test::CustomerFixture;
using Match = CustomerSearch::Match;

namespace {

QStringList names(CustomerFixture &f, const QString &text, int limit = 50)
{
    const auto hits = CustomerSearch(f.db.connection(), QStringLiteral("JP")).search(text, limit);
    EXPECT_TRUE(hits) << text.toStdString();
    QStringList out;
    if (hits) {
        for (const auto &h : hits.value())
            out << h.customer.name;
    }
    return out;
}

QList<Match> matches(CustomerFixture &f, const QString &text)
{
    QList<Match> out;
    for (const auto &h : CustomerSearch(f.db.connection(), QStringLiteral("JP")).search(text).value())
        out << h.match;
    return out;
}

std::string str(const QStringList &l)
{
    return l.join(QStringLiteral(" | ")).toStdString();
}

} // namespace

TEST(CustomerSearch, AnyWrittenFormOfAPhoneNumberFindsTheCustomerFirst)
{
    CustomerFixture f;
    for (const char *form :
         {"03-1234-5678", "0312345678", "+81 3 1234 5678", "０３－１２３４－５６７８", "(03) 1234-5678"}) {
        const QStringList found = names(f, QString::fromUtf8(form));
        ASSERT_FALSE(found.isEmpty()) << form;
        EXPECT_EQ(found.constFirst(), QStringLiteral("山田 太郎")) << form;
        EXPECT_EQ(matches(f, QString::fromUtf8(form)).constFirst(), Match::ExactPhone) << form;
    }
    EXPECT_EQ(names(f, QStringLiteral("+1 (415) 555-2671")).constFirst(), QStringLiteral("Alice Smith"));
}

TEST(CustomerSearch, PartialDigitsMatchAnywhereInTheNumber)
{
    CustomerFixture f;
    EXPECT_EQ(names(f, QStringLiteral("1234-5678")), QStringList{QStringLiteral("山田 太郎")});
    EXPECT_EQ(names(f, QStringLiteral("090-1111")), QStringList{QStringLiteral("山田 花子")});
    EXPECT_EQ(names(f, QStringLiteral("5552671")), QStringList{QStringLiteral("Alice Smith")});
    // 4567 is in three numbers (+81 3 1234 5678 too).
    QStringList three = names(f, QStringLiteral("4567"));
    three.sort();
    EXPECT_EQ(three, (QStringList{QStringLiteral("佐藤 健"), QStringLiteral("山本 一郎"), QStringLiteral("山田 太郎")}))
        << str(three);
    EXPECT_EQ(names(f, QStringLiteral("6123-4567")), QStringList{QStringLiteral("山本 一郎")});
    EXPECT_TRUE(names(f, QStringLiteral("99999")).isEmpty());
    EXPECT_TRUE(names(f, QStringLiteral("12")).isEmpty()); // too few digits to mean anything
}

TEST(CustomerSearch, OneAndTwoCharacterJapaneseQueriesFindNames)
{
    CustomerFixture f;
    EXPECT_EQ(names(f, QStringLiteral("山田")), (QStringList{QStringLiteral("山田 太郎"), QStringLiteral("山田 花子")}))
        << str(names(f, QStringLiteral("山田")));
    const QStringList yama = names(f, QStringLiteral("山"));
    EXPECT_EQ(yama, (QStringList{QStringLiteral("山口 ゆき"), QStringLiteral("山田 太郎"), QStringLiteral("山田 花子"),
                                 QStringLiteral("山本 一郎")}))
        << str(yama);
    EXPECT_EQ(names(f, QStringLiteral("美咲")), QStringList{QStringLiteral("田中 美咲")}); // the given name alone
    EXPECT_EQ(names(f, QStringLiteral("健")), QStringList{QStringLiteral("佐藤 健")});
}

TEST(CustomerSearch, KanaInAnyFormMatchesTheReading)
{
    CustomerFixture f;
    for (const char *q : {"やまだ", "ヤマダ", "ﾔﾏﾀﾞ", "ｙａｍａｄａ"}) {
        const QStringList found = names(f, QString::fromUtf8(q));
        if (QString::fromUtf8(q).contains(u'ｙ')) {
            // No romaji readings are stored; full-width Latin still finds the e-mail address.
            EXPECT_EQ(found, QStringList{QStringLiteral("山田 太郎")}) << str(found);
            continue;
        }
        // Prefix matches first (the two 山田 and the customer of 山田商事), then 小山田.
        ASSERT_EQ(found.size(), 4) << q << ": " << str(found);
        EXPECT_EQ(found.last(), QStringLiteral("小山田 みき")) << q;
        EXPECT_EQ(matches(f, QString::fromUtf8(q)).last(), Match::Contains);
    }
    EXPECT_EQ(names(f, QStringLiteral("ヤマグチ")), QStringList{QStringLiteral("山口 ゆき")}); // stored from half-width
    EXPECT_EQ(names(f, QStringLiteral("た")), (QStringList{QStringLiteral("田中 美咲"), QStringLiteral("山田 太郎")}))
        << str(names(f, QStringLiteral("た")));
}

TEST(CustomerSearch, LatinNamesAreCaseInsensitive)
{
    CustomerFixture f;
    EXPECT_EQ(names(f, QStringLiteral("smith")), QStringList{QStringLiteral("Alice Smith")});
    EXPECT_EQ(names(f, QStringLiteral("ALI")), QStringList{QStringLiteral("Alice Smith")});
    EXPECT_EQ(names(f, QStringLiteral("mith")), QStringList{QStringLiteral("Alice Smith")});
    EXPECT_EQ(names(f, QStringLiteral("ｓｍｉｔｈ")), QStringList{QStringLiteral("Alice Smith")});
}

TEST(CustomerSearch, OrganizationsEmailsAndMixedScripts)
{
    CustomerFixture f;
    QStringList company = names(f, QStringLiteral("山田商事"));
    company.sort();
    EXPECT_EQ(company, (QStringList{QStringLiteral("佐藤 健"), QStringLiteral("山田 太郎")})) << str(company);
    EXPECT_EQ(names(f, QStringLiteral("田中 美")), QStringList{QStringLiteral("田中 美咲")});
    EXPECT_EQ(names(f, QStringLiteral("TARO@YAMADA.EXAMPLE.JP")), QStringList{QStringLiteral("山田 太郎")});
    EXPECT_EQ(matches(f, QStringLiteral("taro@yamada.example.jp")), QList<Match>{Match::ExactEmail});
    EXPECT_EQ(names(f, QStringLiteral("yamada.example")), QStringList{QStringLiteral("山田 太郎")});
    EXPECT_EQ(names(f, QStringLiteral("example.com")), QStringList{QStringLiteral("Alice Smith")});
}

TEST(CustomerSearch, HostileTextIsJustText)
{
    CustomerFixture f;
    for (const char *q : {"\"", "\"\"", "' OR 1=1 --", "山田\" OR \"", "NEAR(a b)", "*", "{name}:x", "%", "_"})
        EXPECT_TRUE(CustomerSearch(f.db.connection(), QStringLiteral("JP")).search(QString::fromUtf8(q))) << q;
    EXPECT_TRUE(names(f, QStringLiteral("   ")).isEmpty());
}

TEST(CustomerSearch, ChangesAreSearchableAtOnce)
{
    CustomerFixture f;
    CustomerRepository customers(f.db.connection());
    Customer tanaka = customers.get(f.ids.value(QStringLiteral("田中 美咲"))).value();
    tanaka.name = QStringLiteral("中田 美咲");
    tanaka.nameReading = QStringLiteral("ナカタ ミサキ");
    tanaka.contacts.append({QUuid(), ContactKind::Phone, QStringLiteral("+81755551234"), QString(), false});
    ASSERT_TRUE(customers.update(tanaka));
    EXPECT_TRUE(names(f, QStringLiteral("田中")).isEmpty());
    EXPECT_EQ(names(f, QStringLiteral("中田")), QStringList{QStringLiteral("中田 美咲")});
    EXPECT_EQ(names(f, QStringLiteral("なかた")), QStringList{QStringLiteral("中田 美咲")});
    EXPECT_EQ(names(f, QStringLiteral("075-555-1234")), QStringList{QStringLiteral("中田 美咲")});

    ASSERT_TRUE(customers.remove(f.ids.value(QStringLiteral("山本 一郎"))));
    EXPECT_TRUE(names(f, QStringLiteral("山本")).isEmpty());
    EXPECT_TRUE(names(f, QStringLiteral("06-6123-4567")).isEmpty());
}

TEST(CustomerSearch, RespectsTheLimitAndRanksPrefixBeforeContains)
{
    CustomerFixture f;
    EXPECT_EQ(names(f, QStringLiteral("山"), 2).size(), 2);
    const auto ranked = matches(f, QStringLiteral("やまだ"));
    EXPECT_TRUE(std::is_sorted(ranked.begin(), ranked.end()));
}

TEST(CustomerSearch, LooksLikePhone)
{
    EXPECT_TRUE(CustomerSearch::looksLikePhone(QStringLiteral("03-1234-5678")));
    EXPECT_TRUE(CustomerSearch::looksLikePhone(QStringLiteral("+81 (3) 1234")));
    EXPECT_TRUE(CustomerSearch::looksLikePhone(QStringLiteral("０９０ー１２")));
    EXPECT_FALSE(CustomerSearch::looksLikePhone(QStringLiteral("山田")));
    EXPECT_FALSE(CustomerSearch::looksLikePhone(QStringLiteral("a1")));
}

TEST(CustomerSearch, SharingContactsFindsOthersWithTheNumberInAnyFormOrTheAddressInAnyCase)
{
    CustomerFixture f;
    Customer draft;
    draft.name = QStringLiteral("山田 太郎");
    auto contact = [](ContactKind kind, const QString &value) { return ContactPoint{QUuid(), kind, value, {}, false}; };
    draft.contacts = {contact(ContactKind::Phone, PhoneNumber::parse(QStringLiteral("+81 3-1234-5678"), {})->e164()),
                      contact(ContactKind::Email, QStringLiteral("Misaki@Example.jp")),
                      contact(ContactKind::Phone, QStringLiteral("+819099990000"))};
    const CustomerSearch search(f.db.connection(), QStringLiteral("JP"));
    const auto found = search.sharingContacts(draft);
    ASSERT_TRUE(found);
    QStringList rows;
    for (const CustomerSearch::Hit &h : found.value())
        rows << QStringLiteral("%1 %2 %3").arg(h.customer.name).arg(int(h.match)).arg(h.shared);
    EXPECT_EQ(rows, (QStringList{QStringLiteral("山田 太郎 0 +81312345678"),
                                 QStringLiteral("田中 美咲 1 Misaki@Example.jp")}))
        << str(rows);

    // A customer shares every contact with themselves: never their own duplicate.
    draft.id = f.ids.value(QStringLiteral("山田 太郎"));
    ASSERT_EQ(search.sharingContacts(draft)->size(), 1);
    EXPECT_EQ(search.sharingContacts(draft)->constFirst().customer.name, QStringLiteral("田中 美咲"));
}
