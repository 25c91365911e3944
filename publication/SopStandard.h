#pragma once
// The time standards (mutu baku: waktu) of the users' SOPs, step by step, and the one place
// that judges a step against them.
//   seed 001 (Perbup Sintang 55/2018, lampiran): the release chain, 60, 60, 5, 5, 5 minutes;
//   seed 002 (SOP Peliputan dan Dokumentasi, Diskominfotik Bengkalis): coverage from the request
//   to the archive, 10, 5, 5, 15, 5, 10, 10, 10, 15 minutes, the coverage itself "menyesuaikan"
//   (no standard), then the report 1 hour, website 15, social media 10, mass media 10 and
//   archiving 20 minutes.
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "publication/OfficeRole.h"
#include "studio/Time.h"

namespace ds::publication {

enum class Sop { Release, Coverage };

// Steps of seed 001, numbered as the SOP numbers them.
enum class ReleaseStep {
    Order = 1,            // the Kasubbag orders documentation; material and nota dinas
    Draft = 2,            // staff gather the material and draft the release
    KasubbagCorrect = 3,  // the Kasubbag corrects the draft and passes it to the Kabag
    KabagCorrect = 4,     // the Kabag corrects it and returns it to the Kasubbag
    Upload = 5,           // the Kasubbag uploads it to the website and social media
};

// Steps of seed 002, numbered as the SOP numbers them (the archive is the 15th row).
enum class CoverageStep {
    Register = 1,      // letter or the region head's agenda entered in the schedule
    KadisDispose = 2,  // the Kadis disposes to the Kabid
    KabidDispose = 3,  // the Kabid disposes to the Kasi to schedule and form the team
    Schedule = 4,      // the Kasi schedules the coverage and names the team
    KasiNota = 5,      // the Kasi's nota dinas with schedule and team to the Kabid
    KabidOrder = 6,    // the Kabid orders the coverage
    SptNota = 7,       // the Kabid's nota dinas asking for an SPT (outside Bengkalis island)
    SptDraft = 8,      // the SPT is drafted
    SptSign = 9,       // Kabid and Sekdis initial, the Kadis signs the SPT
    Coverage = 10,     // the coverage itself: no time standard ("menyesuaikan")
    Report = 11,       // the report of the coverage for publication and documentation
    Website = 12,      // published on the office's website
    Social = 13,       // published on social media
    MassMedia = 14,    // release and photos sent to the mass media
    Archive = 15,      // the files kept as documents
};

struct SopStepInfo {
    Sop sop;
    int number;
    std::string_view code;     // stable, for JSON and the database
    std::string_view titleId;  // as the SOP words it
    std::string_view titleEn;
    OfficeRole role;                     // who performs the step
    std::optional<int> standardMinutes;  // none: "menyesuaikan"
};

std::string_view sopCode(Sop sop);  // "001" / "002"
std::optional<Sop> parseSop(std::string_view code);
std::string_view sopTitle(Sop sop);  // Indonesian name of the SOP
std::span<const SopStepInfo> sopSteps(Sop sop);
// Throws UserError for a number the SOP does not have.
const SopStepInfo& sopStep(Sop sop, int number);

// The rule: a step is over its standard when the time it took exceeds the SOP's minutes. A
// step without a standard is never over it. `taken` is measured from the moment the step reached
// its holder to the hand-over.
bool overStandard(const SopStepInfo& step, Duration taken);
std::optional<Duration> standardOf(const SopStepInfo& step);

}  // namespace ds::publication
