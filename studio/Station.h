#pragma once
// The broadcasting unit that owns sessions and numbers requests: a police district's or local
// government's public-relations office, with its partner radio stations and follow-up units.
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace ds {

struct Unit {
    std::string kind;  // vocab::unitKinds(): satker, satfung, polsek, ...
    std::string name;
};

struct Station {
    std::int64_t id = 0;
    std::string code;              // short code used in registration numbers, e.g. "BKL"
    std::string name;              // e.g. "Polres Bengkulu"
    std::string timeZone;          // IANA, e.g. "Asia/Jakarta"
    std::string letterhead;        // text above documents, lines separated by '\n'
    std::string holidayFile;       // the calendar file in use; empty: the shipped calendar
    std::string contentWordsFile;  // the content word list in use; empty: the shipped list
    std::vector<std::string> partnerMedia;
    std::vector<Unit> units;
    std::string recordingsDir;  // where recordings go; empty: <data folder>/recordings
    std::string audioDevice;    // the capture device last chosen (name, index or file:PATH)
    nlohmann::json audioSettings = nlohmann::json::object();  // alarm thresholds and the like

    nlohmann::json toJson() const;
};

}  // namespace ds
