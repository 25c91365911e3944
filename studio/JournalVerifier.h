#pragma once
// The journal's seals and their check. Each row is sealed: an HMAC-SHA256, under the station's
// journal key (JournalKeyring, a file outside the database), of its own content, its number,
// the key's id and the previous row's seal. Someone holding only the database file can read
// every row but cannot edit, renumber, drop or add one so that the chain still verifies.
// Rows written before the database was first sealed keep their plain SHA-256 links
// (Journal::rowHash) and verify as before; once a sealed row exists, every later row must be
// sealed.
//
// Cutting rows off the end, emptying the journal or re-chaining it with the key leave no
// broken link inside the file: anchors held outside it (a filed PDF, `journal anchor`) catch
// them. verify() also checks the append-only triggers, the AUTOINCREMENT sequence and the
// anchors that signed session records keep. docs/JOURNAL.md says what all this proves.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "studio/JournalAnchor.h"

namespace ds {

class Database;
struct JournalKey;

enum class JournalStatus {
    Intact,        // every row and guard checked and whole
    Broken,        // something was changed: `problem` names the first thing
    Unverifiable,  // nothing found wrong, but some seals need a key that is not here
};

struct JournalReport {
    JournalStatus status = JournalStatus::Intact;
    std::int64_t rows = 0;                 // rows checked
    std::optional<std::int64_t> brokenId;  // first broken row
    std::string problem;                   // what is wrong (the first finding)
    std::vector<std::string> problems;     // every finding, first first
    std::int64_t unsealedRows = 0;         // rows from before sealing (plain SHA-256 links)
    std::int64_t unverifiedRows = 0;       // sealed with a key that is not in the keyring
    std::vector<std::string> alarms;       // alarms the journal itself records
    std::optional<JournalAnchor> head;     // the last row
    int anchorsChecked = 0;

    bool ok() const { return status == JournalStatus::Intact; }
};

class JournalVerifier {
  public:
    static JournalReport verify(Database& db, const std::vector<JournalAnchor>& anchors = {});
    // The last row (number and seal), or nothing for an empty journal.
    static std::optional<JournalAnchor> head(Database& db);

    // Re-creates missing or altered append-only triggers and journals an alarm for each.
    // Returns the alarms (empty when the guards were whole). Needs a writable database.
    static std::vector<std::string> restoreGuards(Database& db);
    // The guards' problems, without changing anything.
    static std::vector<std::string> checkGuards(Database& db);
    // Migration 7: the first sealed row, saying how many plain rows came before it.
    static void startSealing(Database& db);

    // HMAC-SHA256 (hex) under `key` of the fields Journal::rowHash covers and the key's id
    // (defined beside rowHash, which shares the field encoding).
    static std::string sealHash(const JournalKey& key, std::int64_t id, std::string_view at,
                                std::string_view actor, std::string_view action,
                                std::string_view subject, std::string_view before,
                                std::string_view after, std::string_view prevHash);
};

}  // namespace ds
