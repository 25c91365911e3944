#pragma once
// The append-only journal: every change to the record is one row (who, what, which subject,
// before and after as JSON, when). Each row's hash covers its own content and the previous
// row's hash, so editing or deleting any row breaks the chain from that row on; verify() names
// the first broken row. Triggers refuse UPDATE and DELETE on the table; the chain catches
// anyone who goes around them with another tool.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace ds {

class Database;

struct JournalEntry {
    std::string actor;
    std::string action;     // e.g. "question.approve"
    std::string subject;    // e.g. "question:12"
    nlohmann::json before;  // null when the subject is new
    nlohmann::json after;   // null when the subject is gone
};

struct JournalCheck {
    bool ok = true;
    std::int64_t rows = 0;                 // rows checked
    std::optional<std::int64_t> brokenId;  // first broken row
    std::string problem;                   // what is wrong with it
};

class Journal {
  public:
    // Appends one row; call inside the caller's Transaction so the change and its journal row
    // commit together or not at all.
    static void append(Database& db, const JournalEntry& entry);
    static JournalCheck verify(Database& db);
    // The hash of the genesis "previous row".
    static constexpr std::string_view kGenesis =
        "0000000000000000000000000000000000000000000000000000000000000000";
    // SHA-256 (hex) of the row's fields in a fixed order; exposed for tests.
    static std::string rowHash(std::int64_t id, std::string_view at, std::string_view actor,
                               std::string_view action, std::string_view subject,
                               std::string_view before, std::string_view after,
                               std::string_view prevHash);
};

}  // namespace ds
