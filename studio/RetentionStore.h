#pragma once
// The station's retention period for personal data (UU 27/2022 PDP; PPID.md: "a retention
// period is set per station; expired personal data is erased, counts remain"). A request's
// personal data expires `days` after the request was closed: decided, with no objection or
// dispute open, counting from the decision or the last answer to an objection or dispute. A
// listener question that made no request expires `days` after it was received. Erasing blanks
// the requester's name, address, phone, e-mail, NIK and power of attorney, the objector's name,
// and the caller's name and contact of the question; everything the counts need (dates,
// channels, decisions, grounds) stays. One journal row records what was erased, by
// registration number and without the personal data itself.
//
// The journal's own earlier rows keep the snapshots they were written with: the hash chain
// cannot forget. Access to the database file is what protects them.
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "studio/Station.h"
#include "studio/Time.h"

namespace ds {

class Database;
class Progress;

struct RetentionResult {
    std::optional<int> days;
    TimePoint cutoff{};
    std::vector<std::string> requests;  // registration numbers whose personal data was erased
    int questions = 0;                  // questions whose caller data was erased
    bool dryRun = false;

    nlohmann::json toJson() const;
};

class RetentionStore {
  public:
    RetentionStore(Database& db, Station station) : db_(db), station_(std::move(station)) {}

    // The station's retention period in days; nullopt: personal data is kept.
    std::optional<int> days();
    // Sets (or with nullopt clears) the period; journalled. 1 to 36500 days.
    void setDays(std::optional<int> days, const std::string& actor);
    // Erases what expired as of `asOf` (or with dryRun only lists it). Does nothing without a
    // period.
    RetentionResult apply(TimePoint asOf, bool dryRun, const std::string& actor,
                          Progress& progress);

  private:
    Database& db_;
    Station station_;
};

}  // namespace ds
