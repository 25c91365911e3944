#pragma once
// Small Indonesian wordings the printable documents share: durations, counts with their
// labels, and the decision or state of a request as the register shows it.
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "studio/InfoRequest.h"
#include "studio/Station.h"

namespace ds::report {

// "45 menit", "3 jam 20 menit", "2 hari 4 jam" (calendar time).
std::string duration(double seconds);
// "2,5 hari" with an Indonesian decimal comma; "-" for none.
std::string days(const std::optional<double>& d);
// "Ditolak: Pasal 17 huruf a angka 2 UU 14/2008", "Diberikan sebagian", "Diperpanjang".
std::string decisionText(const InfoRequest& r);
// The citation alone, for narrow columns: "Pasal 17 huruf a angka 2 UU 14/2008",
// "tidak dikuasai (Pasal 22 ayat (7) huruf a-b)".
std::string shortGround(const std::string& ground, std::optional<int> subground);
// The kop surat: the station's letterhead text line by line (its name when none is set).
std::vector<std::string> letterheadLines(const Station& station);
// The place written before the date of a signature: the station's name without its
// "Polres"/"Polresta"/... prefix ("Polres Bengkulu" -> "Bengkulu").
std::string placeOf(const Station& station);
// An amended field as the record's history names it: "topic" -> "Topik", "officer.2.nrp" ->
// "Petugas 2, NRP/NIP", "requester.name" -> "Pemohon, nama". Unknown fields stay as they are.
std::string fieldLabel(const std::string& field);
// One CSV field (RFC 4180 quoting). Text from the public that a spreadsheet would run as a
// formula (=, @, + or - not starting a number) gets a leading apostrophe.
std::string csvField(std::string s);
// A section,key,value row of the flat CSV reports, ending in CRLF; JSON values other than
// strings as JSON text, null as empty.
std::string csvRow(const std::string& section, const std::string& key, const nlohmann::json& v);
// The citation of a refusal ground with its sub-ground and, for P17j, the law.
std::string groundText(const std::string& ground, std::optional<int> subground,
                       const std::string& law = {});

}  // namespace ds::report
