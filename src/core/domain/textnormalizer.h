#pragma once

#include <QString>

namespace madoguchi::text {

// NFKC (full-width ASCII and half-width katakana to their usual forms) plus
// the dash look-alikes NFKC leaves alone (U+2010–2015, U+2212, ー, ｰ) mapped
// to '-'. Use for phone numbers and codes, not for names.
QString normalizeCode(const QString &input);

// Full-width katakana for a name reading: NFKC, hiragana→katakana, runs of
// white space collapsed to one ASCII space, trimmed.
QString toKatakanaReading(const QString &input);

// Key for search and for sorting by reading: NFKC, case folded,
// katakana→hiragana. ﾔﾏﾀﾞ, やまだ and ヤマダ all give やまだ; Ｙａｍａｄａ gives yamada.
QString searchKey(const QString &input);

// Key for telling people apart by name: NFKC (a full-width space or letter
// is the same name), white space collapsed, case folded.
QString personNameKey(const QString &name);

// True when every character is kana, the prolonged sound mark, a middle dot,
// a Latin letter, an apostrophe/hyphen or a space — what a name reading holds.
bool isPlausibleReading(const QString &reading);

} // namespace madoguchi::text
