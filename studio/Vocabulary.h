#pragma once
// The controlled vocabularies of the record: codes stored in the database and used on the
// command line (English, stable), with their Indonesian and English labels for people.
// Legal grounds follow PPID.md exactly.
#include <span>
#include <string>
#include <string_view>

namespace ds {

struct Term {
    std::string_view code;
    std::string_view id;  // Bahasa Indonesia label
    std::string_view en;  // English label
};

namespace vocab {
// Question channels (PPID.md field 3).
std::span<const Term> channels();
// Question status: new -> screened -> approved -> on_air -> answered; or rejected, merged,
// deferred.
std::span<const Term> questionStatuses();
std::span<const Term> segmentKinds();
std::span<const Term> officerRoles();
std::span<const Term> unitKinds();
// Information request states: the decision values and process states of PPID.md.
std::span<const Term> requestStatuses();
// Legal grounds for refusal (PPID.md "Legal grounds for refusal"), code -> citation.
std::span<const Term> refusalGrounds();
std::span<const Term> holdings();       // held / other_body / not_documented
std::span<const Term> obtainMethods();  // PPID.md field 6
std::span<const Term> deliveryMethods();

// The term with this code, or nullptr.
const Term* find(std::span<const Term> list, std::string_view code);
// Throws UserError "<field>: 'x' is not one of a, b, c" unless code is in list.
const Term& require(std::span<const Term> list, std::string_view code, std::string_view field);
// "a, b, c": for help texts and messages.
std::string codes(std::span<const Term> list);
// Grounds that need a sub-ground 1..5 (P17a, P17h) and the one that must name a law (P17j).
bool groundNeedsSubground(std::string_view ground);
bool groundNeedsLaw(std::string_view ground);
// A refusal ground under Pasal 17 (exempted information) needs the consequence test (Pasal 19).
bool groundIsExemption(std::string_view ground);
}  // namespace vocab

}  // namespace ds
