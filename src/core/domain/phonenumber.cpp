#include "domain/phonenumber.h"

#include "domain/textnormalizer.h"

#include <QStringList>

#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

#include <set>
#include <string>

namespace madoguchi {

namespace {

using i18n::phonenumbers::PhoneNumberUtil;

PhoneNumberUtil *util()
{
    return PhoneNumberUtil::GetInstance(); // thread-safe singleton
}

std::optional<i18n::phonenumbers::PhoneNumber> parsed(const QString &e164)
{
    i18n::phonenumbers::PhoneNumber number;
    if (util()->Parse(e164.toStdString(), "ZZ", &number) != PhoneNumberUtil::NO_PARSING_ERROR)
        return std::nullopt;
    return number;
}

QString formatted(const QString &e164, PhoneNumberUtil::PhoneNumberFormat format)
{
    const auto number = parsed(e164);
    if (!number)
        return e164;
    std::string out;
    util()->Format(*number, format, &out);
    return QString::fromStdString(out);
}

} // namespace

Result<PhoneNumber> PhoneNumber::parse(const QString &input, const QString &defaultRegion)
{
    const QString text = text::normalizeCode(input);
    if (text.isEmpty())
        return makeError(Error::Code::Invalid, tr("Enter a phone number."));
    if (text.size() > 64)
        return makeError(Error::Code::Invalid, tr("This is too long to be a phone number."));

    i18n::phonenumbers::PhoneNumber number;
    const auto status = util()->Parse(text.toStdString(), defaultRegion.toUpper().toStdString(), &number);
    switch (status) {
    case PhoneNumberUtil::NO_PARSING_ERROR: break;
    case PhoneNumberUtil::INVALID_COUNTRY_CODE_ERROR:
        return makeError(Error::Code::Invalid,
                         tr("Unknown country code. Start international numbers with + and the country code."));
    case PhoneNumberUtil::TOO_SHORT_NSN:
    case PhoneNumberUtil::TOO_SHORT_AFTER_IDD:
        return makeError(Error::Code::Invalid, tr("This phone number is too short."));
    case PhoneNumberUtil::TOO_LONG_NSN: return makeError(Error::Code::Invalid, tr("This phone number is too long."));
    case PhoneNumberUtil::NOT_A_NUMBER:
    default: return makeError(Error::Code::Invalid, tr("This is not a phone number."));
    }
    if (!util()->IsValidNumber(number))
        return makeError(Error::Code::Invalid,
                         tr("This phone number does not exist in the numbering plan of its country."));

    std::string e164;
    util()->Format(number, PhoneNumberUtil::E164, &e164);
    return PhoneNumber(QString::fromStdString(e164));
}

PhoneNumber PhoneNumber::fromE164(const QString &e164)
{
    return PhoneNumber(e164);
}

QString PhoneNumber::regionCode() const
{
    const auto number = parsed(m_e164);
    if (!number)
        return {};
    std::string region;
    util()->GetRegionCodeForNumber(*number, &region);
    return QString::fromStdString(region);
}

QString PhoneNumber::nationalFormat() const
{
    return formatted(m_e164, PhoneNumberUtil::NATIONAL);
}

QString PhoneNumber::internationalFormat() const
{
    return formatted(m_e164, PhoneNumberUtil::INTERNATIONAL);
}

QString PhoneNumber::displayFormat(const QString &homeRegion) const
{
    const auto number = parsed(m_e164);
    if (!number)
        return m_e164;
    std::string region;
    util()->GetRegionCodeForNumber(*number, &region);
    const bool home = QString::fromStdString(region).compare(homeRegion, Qt::CaseInsensitive) == 0;
    std::string out;
    util()->Format(*number, home ? PhoneNumberUtil::NATIONAL : PhoneNumberUtil::INTERNATIONAL, &out);
    return QString::fromStdString(out);
}

QStringList supportedPhoneRegions()
{
    std::set<std::string> regions;
    util()->GetSupportedRegions(&regions);
    QStringList out;
    out.reserve(int(regions.size()));
    for (const auto &r : regions)
        out << QString::fromStdString(r);
    return out;
}

PhoneNumber examplePhoneNumber(const QString &region)
{
    i18n::phonenumbers::PhoneNumber number;
    if (!util()->GetExampleNumber(region.toUpper().toStdString(), &number))
        return {};
    std::string e164;
    util()->Format(number, PhoneNumberUtil::E164, &e164);
    return PhoneNumber::fromE164(QString::fromStdString(e164));
}

} // namespace madoguchi
