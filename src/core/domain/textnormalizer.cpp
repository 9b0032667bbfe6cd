#include "domain/textnormalizer.h"

namespace madoguchi::text {

namespace {

constexpr char16_t kHiraganaFirst = 0x3041; // ぁ
constexpr char16_t kHiraganaLast = 0x3096;  // ゖ
constexpr char16_t kKatakanaFirst = 0x30A1; // ァ
constexpr char16_t kKatakanaLast = 0x30F6;  // ヶ
constexpr char16_t kKanaOffset = kKatakanaFirst - kHiraganaFirst;

bool isDashLike(char16_t c)
{
    return (c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0x30FC || c == 0xFF70 || c == 0xFE63 || c == 0xFF0D;
}

QString simplifiedSpaces(QString s)
{
    // QString::simplified() also collapses the ideographic space after NFKC.
    return s.simplified();
}

} // namespace

QString normalizeCode(const QString &input)
{
    QString s = input.normalized(QString::NormalizationForm_KC);
    for (QChar &c : s) {
        if (isDashLike(c.unicode()))
            c = u'-';
    }
    return s.trimmed();
}

QString toKatakanaReading(const QString &input)
{
    QString s = input.normalized(QString::NormalizationForm_KC);
    for (QChar &c : s) {
        const char16_t u = c.unicode();
        if (u >= kHiraganaFirst && u <= kHiraganaLast)
            c = QChar(char16_t(u + kKanaOffset));
    }
    return simplifiedSpaces(s);
}

QString personNameKey(const QString &name)
{
    return name.normalized(QString::NormalizationForm_KC).simplified().toCaseFolded();
}

QString searchKey(const QString &input)
{
    QString s = input.normalized(QString::NormalizationForm_KC).toCaseFolded();
    for (QChar &c : s) {
        const char16_t u = c.unicode();
        if (u >= kKatakanaFirst && u <= kKatakanaLast)
            c = QChar(char16_t(u - kKanaOffset));
    }
    return simplifiedSpaces(s);
}

bool isPlausibleReading(const QString &reading)
{
    // Judged after NFKC, the form it is stored in: half-width kana and
    // full-width Latin are fine.
    for (const QChar c : reading.normalized(QString::NormalizationForm_KC)) {
        const char16_t u = c.unicode();
        const bool kana = (u >= 0x3041 && u <= 0x309F) || (u >= 0x30A0 && u <= 0x30FF) || (u >= 0x31F0 && u <= 0x31FF);
        const bool latin = (u < 0x80 && c.isLetter()) || (u >= 0xC0 && u <= 0x24F && c.isLetter());
        const bool separator = c.isSpace() || u == u'-' || u == u'\'' || u == u'.' || u == 0x30FB || u == 0x3000;
        if (!kana && !latin && !separator)
            return false;
    }
    return true;
}

} // namespace madoguchi::text
