#pragma once
// Small Indonesian wordings the printable documents share: durations, counts with their
// labels, and the decision or state of a request as the register shows it.
#include <optional>
#include <string>

#include "studio/InfoRequest.h"

namespace ds::report {

// "45 menit", "3 jam 20 menit", "2 hari 4 jam" (calendar time).
std::string duration(double seconds);
// "2,5 hari" with an Indonesian decimal comma; "-" for none.
std::string days(const std::optional<double>& d);
// "Ditolak: Pasal 17 huruf a angka 2", "Diberikan sebagian", "Diproses (diperpanjang)".
std::string decisionText(const InfoRequest& r);
// The citation of a refusal ground with its sub-ground and, for P17j, the law.
std::string groundText(const std::string& ground, std::optional<int> subground,
                       const std::string& law = {});

}  // namespace ds::report
