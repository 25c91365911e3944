#pragma once
// What a phone number and an e-mail address look like on input. A contact that is neither is
// refused where it is typed or imported, so no formula, script or stray text reaches the record
// (or later a spreadsheet cell) disguised as a phone number.
#include <string_view>

namespace ds {

// A phone number: an optional leading "+", then digits with spaces, "-", ".", "(" or ")"
// between them; 6 to 15 digits (E.164 allows 15). "0812-3456-7890", "+62 812 3456 7890".
bool isPhoneNumber(std::string_view text);
// An e-mail address: one "@", a local part, and a domain with a dot; no spaces.
bool isEmailAddress(std::string_view text);

// Throws InputError "<where>field '<field>': '<text>' is not a phone number (...)" unless the
// text is empty or a phone number.
void requirePhone(std::string_view text, std::string_view field, std::string_view where = {});
// Throws InputError unless the text is empty or an e-mail address.
void requireEmail(std::string_view text, std::string_view field, std::string_view where = {});
// A social-media account: "@" and 1 to 30 letters, digits, "." or "_" ("@yuliana.bkl").
bool isSocialHandle(std::string_view text);
// A listener's contact: a phone number or an e-mail address (or empty); an account handle
// too when the question came through social media.
void requireContact(std::string_view text, std::string_view field, bool socialMedia,
                    std::string_view where = {});

}  // namespace ds
