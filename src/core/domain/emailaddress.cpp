#include "domain/emailaddress.h"

#include <QRegularExpression>
#include <QUrl>

namespace madoguchi {

Result<EmailAddress> EmailAddress::parse(const QString &input)
{
    // NFKC turns full-width input typed with a Japanese IME (ｙａｍａｄａ＠…) into ASCII.
    const QString text = input.normalized(QString::NormalizationForm_KC).trimmed();
    if (text.isEmpty())
        return makeError(Error::Code::Invalid, tr("Enter an e-mail address."));

    const qsizetype at = text.lastIndexOf(u'@');
    if (at <= 0 || at == text.size() - 1)
        return makeError(Error::Code::Invalid,
                         tr("An e-mail address needs a name, an @ and a domain, like name@example.com."));

    const QString local = text.left(at);
    const QString domain = text.mid(at + 1);

    static const QRegularExpression localPattern(
        QStringLiteral(R"(^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$)"));
    if (local.size() > 64 || !localPattern.match(local).hasMatch())
        return makeError(Error::Code::Invalid,
                         tr("The part before the @ contains characters an e-mail address cannot have."));

    const QByteArray ace = QUrl::toAce(domain.toLower());
    static const QRegularExpression domainPattern(
        QStringLiteral(R"(^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+([a-z]{2,63}|xn--[a-z0-9-]{1,59})$)"));
    if (ace.isEmpty() || ace.size() > 253 || !domainPattern.match(QString::fromLatin1(ace)).hasMatch())
        return makeError(Error::Code::Invalid, tr("The domain after the @ is not valid, like example.com."));

    const QString address = local + u'@' + QString::fromLatin1(ace);
    if (address.size() > 254)
        return makeError(Error::Code::Invalid, tr("This e-mail address is too long."));
    return EmailAddress(address);
}

} // namespace madoguchi
