#pragma once

#include "common/result.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace madoguchi {

// A validated telephone number, stored in E.164 ("+81312345678") and shown in
// the national format of its country ("03-1234-5678"). Parsing goes through
// libphonenumber so every written form of a number compares equal.
class PhoneNumber
{
    Q_DECLARE_TR_FUNCTIONS(PhoneNumber)

public:
    PhoneNumber() = default;

    // `defaultRegion` is an ISO 3166 code ("JP") used when the input has no
    // country prefix. Full-width digits and Japanese dashes are accepted.
    static Result<PhoneNumber> parse(const QString &input, const QString &defaultRegion);
    // For values read back from storage, already validated when written.
    static PhoneNumber fromE164(const QString &e164);

    bool isNull() const { return m_e164.isEmpty(); }
    QString e164() const { return m_e164; }
    QString regionCode() const;
    QString nationalFormat() const;
    QString internationalFormat() const;
    // National format when the number belongs to `homeRegion`, else international.
    QString displayFormat(const QString &homeRegion) const;
    QString telUri() const { return QStringLiteral("tel:") + m_e164; }

    friend bool operator==(const PhoneNumber &, const PhoneNumber &) = default;

private:
    explicit PhoneNumber(QString e164)
        : m_e164(std::move(e164))
    {}
    QString m_e164;
};

// Region codes libphonenumber knows, for the settings combo box.
QStringList supportedPhoneRegions();
// A typical fixed-line number of `region`, for hints ("03-1234-5678").
PhoneNumber examplePhoneNumber(const QString &region);

} // namespace madoguchi
