#include "kit/formstyle.h"

#include "domain/phonenumber.h"
#include "repositories/customersummary.h"

#include <QLabel>

namespace madoguchi {

void stylePageTitle(QLabel *label)
{
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 1.6);
    font.setBold(true);
    label->setFont(font);
    label->setAccessibleName(label->text());
}

void makeErrorLabel(QLabel *label)
{
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, QColor(0xB0, 0x20, 0x20));
    label->setPalette(palette);
    label->hide();
}

QString describeCustomer(const CustomerSummary &c, const QString &phoneRegion, bool withEmail)
{
    QStringList parts{c.name};
    if (!c.organization.isEmpty())
        parts << c.organization;
    if (!c.phone.isEmpty())
        parts << PhoneNumber::fromE164(c.phone).displayFormat(phoneRegion);
    if (withEmail && !c.email.isEmpty())
        parts << c.email;
    return parts.join(QStringLiteral(" · "));
}

} // namespace madoguchi
