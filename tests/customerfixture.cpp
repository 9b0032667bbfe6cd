#include "customerfixture.h"

#include <gtest/gtest.h>

namespace madoguchi::test {

CustomerFixture::CustomerFixture()
{
    Organization org;
    org.name = QStringLiteral("株式会社山田商事");
    org.nameReading = QStringLiteral("ヤマダショウジ");
    const auto orgId = DirectoryRepository(db.connection()).addOrganization(org);
    EXPECT_TRUE(orgId);

    add(QStringLiteral("山田 太郎"), QStringLiteral("ヤマダ タロウ"), {QStringLiteral("03-1234-5678")},
        {QStringLiteral("taro@yamada.example.jp")}, orgId.value());
    add(QStringLiteral("山田 花子"), QStringLiteral("やまだ はなこ"), {QStringLiteral("090-1111-2222")});
    add(QStringLiteral("山本 一郎"), QStringLiteral("ヤマモト イチロウ"), {QStringLiteral("06-6123-4567")});
    add(QStringLiteral("田中 美咲"), QStringLiteral("タナカ ミサキ"), {}, {QStringLiteral("misaki@example.jp")});
    add(QStringLiteral("Alice Smith"), QStringLiteral("アリス スミス"), {QStringLiteral("+1 415-555-2671")},
        {QStringLiteral("alice@example.com")});
    add(QStringLiteral("佐藤 健"), QStringLiteral("サトウ ケン"), {QStringLiteral("045-123-4567")}, {}, orgId.value());
    add(QStringLiteral("小山田 みき"), QStringLiteral("コヤマダ ミキ"), {QStringLiteral("080-3333-4444")});
    add(QStringLiteral("山口 ゆき"), QStringLiteral("ﾔﾏｸﾞﾁ ﾕｷ"), {QStringLiteral("092-111-2222")});
}

QUuid CustomerFixture::add(const QString &name, const QString &reading, const QStringList &phones,
                           const QStringList &emails, const QUuid &organization)
{
    Customer c;
    c.name = name;
    c.nameReading = reading;
    c.organizationId = organization;
    for (const QString &p : phones) {
        const auto parsed = PhoneNumber::parse(p, QStringLiteral("JP"));
        EXPECT_TRUE(parsed) << p.toStdString();
        c.contacts.append({QUuid(), ContactKind::Phone, parsed->e164(), QString(), c.contacts.isEmpty()});
    }
    for (const QString &e : emails)
        c.contacts.append({QUuid(), ContactKind::Email, e, QString(), false});
    const auto id = CustomerRepository(db.connection()).add(c);
    EXPECT_TRUE(id) << (id ? std::string() : id.error().message.toStdString());
    ids.insert(name, id ? id.value() : QUuid());
    return ids.value(name);
}

} // namespace madoguchi::test
