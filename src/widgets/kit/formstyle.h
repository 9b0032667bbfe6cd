#pragma once

#include "repositories/customersummary.h"

#include <QString>

class QLabel;
class QLayout;

namespace madoguchi {

// A page title: larger, bold, in the window text colour.
void stylePageTitle(QLabel *label);
// Lets the choosers of a filter bar (combo boxes and line edits)
// narrow down to a few characters when the window is small: on a laptop
// screen they shrink (their text elided) instead of widening the window.
void letFiltersShrink(QLayout *bar);
// A label that shows why input was refused: red text, hidden until needed.
void makeErrorLabel(QLabel *label);
// "山田 太郎 · 株式会社山田商事 · 03-1234-5678 · taro@…" for pick lists.
QString describeCustomer(const CustomerSummary &customer, const QString &phoneRegion, bool withEmail = false);

} // namespace madoguchi
