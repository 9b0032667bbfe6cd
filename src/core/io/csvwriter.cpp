#include "io/csvwriter.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSaveFile>

namespace madoguchi::csv {

namespace {

// The translation context "Csv" (CSV export).
struct CsvText
{
    Q_DECLARE_TR_FUNCTIONS(Csv)
};

} // namespace

QString neutralized(const QString &cell)
{
    if (cell.isEmpty())
        return cell;
    const QChar first = cell.front();
    const bool risky = first == u'=' || first == u'+' || first == u'-' || first == u'@' || first == u'\t'
                       || first == u'\r';
    if (!risky)
        return cell;
    static const QRegularExpression number(QStringLiteral("^[+-]?[0-9]+(\\.[0-9]+)?$"));
    return number.match(cell).hasMatch() ? cell : QStringLiteral("'") + cell;
}

QString field(const QString &cell)
{
    QString value = neutralized(cell);
    if (value.contains(u',') || value.contains(u'"') || value.contains(u'\n') || value.contains(u'\r')) {
        value.replace(QStringLiteral("\""), QStringLiteral("\"\""));
        return u'"' + value + u'"';
    }
    return value;
}

QByteArray encode(const QList<QStringList> &rows)
{
    QString text;
    for (const QStringList &row : rows) {
        QStringList fields;
        fields.reserve(row.size());
        for (const QString &cell : row)
            fields << field(cell);
        text += fields.join(u',') + QStringLiteral("\r\n");
    }
    return QByteArray("\xEF\xBB\xBF") + text.toUtf8();
}

Result<void> write(const QString &path, const QList<QStringList> &rows)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(encode(rows)) < 0 || !file.commit()) {
        return makeError(Error::Code::Io, CsvText::tr("Could not write %1: %2").arg(path, file.errorString()));
    }
    return {};
}

} // namespace madoguchi::csv
