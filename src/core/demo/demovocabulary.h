#pragma once
#include <span>
#include <string_view>

namespace madoguchi::demo {

struct NamePart
{
    std::u16string_view text;
    std::u16string_view reading;
    std::string_view latin;
}; // reading = full-width katakana; latin = lowercase Hepburn / lowercased English
struct Company
{
    std::u16string_view name;
    std::u16string_view reading;
    std::u16string_view emailDomain;
};
struct SubjectTemplate
{
    std::u16string_view text;
    std::u16string_view category;
}; // category key from categories()

std::span<const NamePart> japaneseFamilyNames();
std::span<const NamePart> japaneseGivenNames();
std::span<const NamePart> englishFamilyNames();
std::span<const NamePart> englishGivenNames();
std::span<const Company> japaneseCompanies();
std::span<const Company> englishCompanies();
std::span<const std::u16string_view> japanesePrefectureCities();
std::span<const std::u16string_view> categories();
std::span<const SubjectTemplate> japaneseSubjects();
std::span<const SubjectTemplate> englishSubjects();
std::span<const std::u16string_view> japaneseNoteSnippets();
std::span<const std::u16string_view> englishNoteSnippets();

} // namespace madoguchi::demo
