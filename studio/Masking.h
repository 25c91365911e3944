#pragma once
// Personal data on screens and in exports (UU PDP; PPID.md "Personal data in exports").
// Masking is the default everywhere outside the screener's and PPID officer's own views.
#include <string>
#include <string_view>

namespace ds {

// "081234567890" -> "0812****7890"; "+62 812-3456-7890" -> "+62812****7890" (separators dropped);
// keeps at most the first 4 and last 4 digits and always masks at least half of the digits;
// an e-mail "budi.santoso@mail.id" -> "b***@mail.id". Empty stays empty.
// Precisely (the first example masks 4 of 12 digits, so "half" counts the digits after the
// operator code): the trunk "0" or the country code "+62" ("62" as WhatsApp writes it) is
// kept, then at most the 3-digit operator or area code; of the digits after it at least half
// are masked and at most the last 4 shown: "0812-345-678" -> "0812***678". Other numbers keep
// at most 4 leading digits by the same rule. Text that is neither an e-mail nor a phone
// number becomes "***".
std::string maskContact(std::string_view contact);
// "Budi Santoso" -> "B. S."; "AKP Siti Rahma" keeps no rank logic: "A. S. R.". UTF-8 aware:
// the first code point of each word. Empty stays empty. ASCII initials are upper-cased; ASCII
// punctuation before a word ("(Pak)", "'Ucok'") is skipped.
std::string initials(std::string_view name);
// "Budi Santoso" -> "Budi": the first word, for the guests' screen.
std::string firstName(std::string_view name);

}  // namespace ds
