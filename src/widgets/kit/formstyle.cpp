#include "kit/formstyle.h"

#include "domain/phonenumber.h"
#include "repositories/customersummary.h"

#include <QComboBox>
#include <QLabel>
#include <QLayout>
#include <QLineEdit>

namespace madoguchi {

void stylePageTitle(QLabel *label)
{
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 1.6);
    font.setBold(true);
    label->setFont(font);
    label->setAccessibleName(label->text());
}

void letFiltersShrink(QLayout *bar)
{
    for (int i = 0; i < bar->count(); ++i) {
        QWidget *w = bar->itemAt(i)->widget();
        // Dates stay whole: a cut-off date reads as another one.
        if (!w || !(qobject_cast<QComboBox *>(w) || qobject_cast<QLineEdit *>(w)))
            continue;
        // An explicit minimum wins over the content-wide minimum size hint;
        // the size hint (what is shown when there is room) stays the content's.
        // A search box keeps room for a few words.
        const int chars = qobject_cast<QLineEdit *>(w) ? 14 : 5;
        w->setMinimumWidth(w->fontMetrics().averageCharWidth() * chars + 28);
    }
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
