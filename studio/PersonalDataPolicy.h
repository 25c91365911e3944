#pragma once
// What each audience may see of the people in the record (UU 27/2022 PDP; PPID.md "Personal
// data in exports"). Commands, exports, windows and audio metadata choose an audience and ask
// this policy for the view of an entity; none of them masks anything itself.
//
//   GuestScreen      the guests' screen and pages: a caller's short name (no honorifics or
//                    titles) and area; the text without phone numbers, e-mail addresses,
//                    NIK-like numbers or the caller's own name. No contact at all.
//   PublicExport     printed and exported records (PDF, XLSX, CSV, JSON) and audio marker
//                    labels and chapter titles: names as initials, contacts masked, an address
//                    cut to its district, free text cleaned as for the guests.
//   Officer          the screener's and PPID officer's own views: a caller's name in full (it is
//                    said on air), a requester's name as initials, contacts masked, the address
//                    cut to its district, the NIK hidden.
//   OfficerUnmasked  everything in full (the NIK still never leaves the record); the command
//                    that chooses it journals the access.
//
// Whatever the audience, a request refused under UU 14/2008 Pasal 17 huruf a angka 2 (it would
// reveal an informant, reporter, witness or victim) never shows the requester's identity.
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "studio/InfoRequest.h"
#include "studio/Question.h"

namespace ds {

class Database;

enum class Audience { GuestScreen, PublicExport, Officer, OfficerUnmasked };

struct ExportedPerson {
    std::string name;
    std::string address;
    std::string occupation;
    std::string phone;
    std::string email;
    bool withheld = false;  // dropped under Pasal 17a sub-ground 2
    bool erased = false;    // erased by the retention rule
};

// A question as the guests may see it: nothing else about it exists in this structure, so
// nothing else can be drawn or served.
struct GuestQuestion {
    int number = 0;
    std::string firstName;  // the short name: "Rina" for "Ibu Hj. Rina Oktaviani, S.H."
    std::string area;
    std::string text;
};

// What replaces what is removed from free text; the guests' screen passes its own language.
struct HiddenMarks {
    std::string number = "[nomor disembunyikan]";
    std::string email = "[e-mail disembunyikan]";
    std::string name = "[nama disembunyikan]";
};

class PersonalDataPolicy {
  public:
    explicit PersonalDataPolicy(Audience audience) : audience_(audience) {}
    // The officer's audience: masked unless asked.
    static PersonalDataPolicy officer(bool unmasked) {
        return PersonalDataPolicy(unmasked ? Audience::OfficerUnmasked : Audience::Officer);
    }
    // The export's audience: masked unless asked.
    static PersonalDataPolicy exportFor(bool unmasked) {
        return PersonalDataPolicy(unmasked ? Audience::OfficerUnmasked : Audience::PublicExport);
    }

    Audience audience() const { return audience_; }
    bool unmasked() const { return audience_ == Audience::OfficerUnmasked; }

    // The requester of an information request. `erased`: the retention rule already erased the
    // personal data (the record says so instead of showing blanks).
    ExportedPerson requester(const InfoRequest& r, bool erased = false) const;
    // The request's JSON with its requester as this audience may see it.
    nlohmann::json request(const InfoRequest& r) const;
    // A question's caller name, contact and text.
    std::string callerName(std::string_view name) const;
    std::string contact(std::string_view contact) const;
    std::string text(std::string_view text, std::string_view callerName,
                     const HiddenMarks& marks = {}) const;
    // The question's JSON with its personal fields as this audience may see them.
    nlohmann::json question(const Question& q) const;
    // A personal field of the journal's history ("requester.phone", "caller_name", ...) as this
    // audience may see it; other fields pass as they are.
    std::string field(std::string_view name, std::string_view value) const;
    // The label of a question's marker and chapter: "Pertanyaan 3: SKCK", or the start of the
    // text (cleaned for the public) when there is no topic.
    static std::string markerLabel(const Question& q);
    // A free label typed by an operator (a manual marker): phone numbers and e-mail addresses
    // removed, as in any public file.
    static std::string publicLabel(std::string_view label);

    // Journals that `actor` saw personal data in full (UU PDP: an access to be accounted for),
    // in its own transaction. Every command that offers --unmasked calls it.
    static void journalUnmasked(Database& db, const std::string& actor, const std::string& action,
                                const std::string& subject, const nlohmann::json& detail = nullptr);

    // The guests' view of a question.
    static GuestQuestion guestQuestion(const Question& q, const HiddenMarks& marks = {});

    // "Ibu Hj. Rina Oktaviani, S.H." -> "Rina": the first word that is no honorific or title.
    static std::string shortName(std::string_view name);
    // Free text for the public: phone numbers and NIK-like numbers (8 digits or more in a run),
    // e-mail addresses, and a name the writer gives as their own ("nama saya Bambang Sutrisno",
    // "saya Ibu Rina dari ...") or the caller's full name are replaced by the marks.
    static std::string cleanText(std::string_view text, std::string_view callerName,
                                 const HiddenMarks& marks = {});
    // A refusal under Pasal 17 huruf a angka 2.
    static bool identityWithheld(const InfoRequest& r);
    // "Jl. Melati No. 3, Kel. Sawah Lebar, Kec. Ratu Agung, Kota Bengkulu" -> "Kec. Ratu Agung,
    // Kota Bengkulu": from the district (Kec./Kecamatan/Distrik) on; without one, the city or
    // regency (Kota/Kab./Kabupaten); otherwise "***". Empty stays empty.
    static std::string district(std::string_view address);
    // What the record prints in place of a withheld identity.
    static constexpr std::string_view kWithheld = "(dirahasiakan: Pasal 17 huruf a angka 2)";
    static constexpr std::string_view kErased = "(dihapus: masa retensi)";

  private:
    bool masksText() const {
        return audience_ == Audience::GuestScreen || audience_ == Audience::PublicExport;
    }
    Audience audience_;
};

}  // namespace ds
