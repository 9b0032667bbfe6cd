#pragma once

#include "repositories/customersummary.h"

#include <QString>

class QLabel;

namespace madoguchi {

// A page title: larger, bold, in the window text colour.
void stylePageTitle(QLabel *label);
// A label that shows why input was refused: red text, hidden until needed.
void makeErrorLabel(QLabel *label);
// "山田 太郎 · 株式会社山田商事 · 03-1234-5678 · taro@…" for pick lists.
QString describeCustomer(const CustomerSummary &customer, const QString &phoneRegion, bool withEmail = false);

} // namespace madoguchi
