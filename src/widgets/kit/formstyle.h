#pragma once

#include "repositories/customersearch.h"

#include <QList>
#include <QString>

class QLabel;
class QListWidget;

namespace madoguchi {

// A label that shows why input was refused: red text, hidden until needed.
void makeErrorLabel(QLabel *label);
// "山田 太郎 · 株式会社山田商事 · 03-1234-5678 · taro@…" for pick lists.
QString describeCustomer(const CustomerSummary &customer, const QString &phoneRegion, bool withEmail = false);
// Fills a pick list with search hits (the customer's id in Qt::UserRole) and
// shows it when there is something to pick.
void showCandidates(QListWidget *list, const QList<CustomerSearch::Hit> &hits, const QString &phoneRegion);

} // namespace madoguchi
