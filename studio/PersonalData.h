#pragma once
// What exports may show of the people in the register (UU 27/2022 PDP; PPID.md "Personal data
// in exports"). By default names become initials, phone numbers and e-mail addresses are
// masked and an address is cut to its district; the unmasked register is an explicit choice
// that the caller journals. Two rules hold whatever is chosen: the NIK is never exported, and a
// request refused under Pasal 17 huruf a angka 2 (it would reveal an informant, reporter,
// witness or victim) never exports the requester's identity at all.
#include <string>
#include <string_view>

#include "studio/InfoRequest.h"

namespace ds {

struct ExportedPerson {
    std::string name;
    std::string address;
    std::string occupation;
    std::string phone;
    std::string email;
    bool withheld = false;  // dropped under Pasal 17a sub-ground 2
    bool erased = false;    // erased by the retention rule
};

class PersonalData {
  public:
    explicit PersonalData(bool unmasked) : unmasked_(unmasked) {}

    // The requester as this export may show them. `erased`: the retention rule already erased
    // the personal data (the record says so instead of showing blanks).
    ExportedPerson requester(const InfoRequest& r, bool erased = false) const;
    bool unmasked() const { return unmasked_; }

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
    bool unmasked_;
};

}  // namespace ds
