#pragma once
// The letter forwarding complaints from the air to a unit (SOP 003, SOP 004), in the house
// style of the session record: letterhead, number, the complaints with their areas and due
// dates. The callers' names are initials and their contacts masked (UU 27/2022 PDP) unless the
// unit was given the contact to call back, which the letter's journal row records.
#include <filesystem>

#include "studio/ComplaintStore.h"

namespace ds {

class ComplaintLetterPdf {
  public:
    static void write(const ComplaintLetter& letter, const Station& station,
                      const std::filesystem::path& file);
};

}  // namespace ds
