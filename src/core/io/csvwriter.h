#pragma once

#include "common/result.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace madoguchi::csv {

// CSV for spreadsheets (RFC 4180): UTF-8 with a byte-order mark, so that
// Excel does not read Japanese as Shift_JIS; CRLF line ends; fields quoted
// when they hold a comma, quote or line break.
//
// Formula injection (DESIGN.md §8): a text that starts with = + - @, a tab
// or a carriage return would run as a formula when the file is opened, so
// it gets a leading apostrophe, which spreadsheets show as text. A plain
// number ("-12.5") is left as it is: it cannot run, and stays a number.
QString neutralized(const QString &cell);
QString field(const QString &cell);
QByteArray encode(const QList<QStringList> &rows);

// Writes the file whole or not at all (QSaveFile); the translated reason
// when it cannot.
Result<void> write(const QString &path, const QList<QStringList> &rows);

} // namespace madoguchi::csv
