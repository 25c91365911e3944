#pragma once
// Pieces the office's letters share: the signature block (place and date, post, space to sign,
// name underlined, NIP) and the Indonesian wording of a step's time against its standard.
#include <string>

#include "publication/StepRecord.h"
#include "studio/Station.h"

namespace ds {
class PdfDocument;
}

namespace ds::publication {

// Draws the block at the right of the page at the cursor and moves the cursor below it.
void signatureBlock(ds::PdfDocument& pdf, const std::string& placeAndDate, const std::string& post,
                    const std::string& name, const std::string& nip);
// "12 menit", "1 jam 5 menit".
std::string minutesText(Duration d);
// "Tepat waktu" / "Melebihi mutu baku 7 menit" / "Tanpa mutu baku" / "Tidak diperlukan".
std::string verdictText(const StepRecord& s, TimePoint now);

}  // namespace ds::publication
