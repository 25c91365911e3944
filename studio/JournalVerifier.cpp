#include "studio/JournalVerifier.h"

#include <cstdio>

#include <fmt/format.h>

#include "studio/Database.h"
#include "studio/Journal.h"
#include "studio/JournalKeyring.h"
#include "studio/Statement.h"

namespace ds {

namespace {

// The append-only guards as migration 1 created them.
struct Guard {
    const char* name;
    const char* sql;
};
constexpr Guard kGuards[] = {
    {"journal_no_update",
     "CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal\n"
     "BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END"},
    {"journal_no_delete",
     "CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal\n"
     "BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END"},
};

std::string squeeze(std::string_view sql) {
    std::string out;
    bool space = false;
    for (char c : sql) {
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            space = true;
            continue;
        }
        if (space && !out.empty()) out += ' ';
        space = false;
        out += c;
    }
    while (!out.empty() && out.back() == ';')
        out.pop_back();
    return out;
}

bool hasKeyColumn(Database& db) {
    Statement st = db.prepare("SELECT 1 FROM pragma_table_info('journal') WHERE name = 'key_id'");
    return st.step();
}

}  // namespace

void JournalVerifier::startSealing(Database& db) {
    Statement n = db.prepare("SELECT COUNT(*) FROM journal");
    n.step();
    std::int64_t plain = n.getInt(0);
    n.reset();
    Journal::append(db,
                    {"dialogstudio",
                     "journal.sealed",
                     "journal",
                     nullptr,
                     {{"plain_rows", plain}, {"key", JournalKeyring::current().sealingKey().id}}});
}

std::optional<JournalAnchor> JournalVerifier::head(Database& db) {
    Statement st = db.prepare("SELECT id, hash FROM journal ORDER BY id DESC LIMIT 1");
    if (!st.step()) return std::nullopt;
    return JournalAnchor{st.getInt(0), st.getText(1), db.path().string()};
}

std::vector<std::string> JournalVerifier::checkGuards(Database& db) {
    std::vector<std::string> problems;
    for (const Guard& g : kGuards) {
        Statement st =
            db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?");
        st.bind(1, std::string(g.name));
        if (!st.step()) {
            problems.push_back(fmt::format(
                "the append-only trigger {} is missing (dropped by another tool)", g.name));
        } else if (squeeze(st.getText(0)) != squeeze(g.sql)) {
            problems.push_back(fmt::format("the append-only trigger {} was altered: {}", g.name,
                                           squeeze(st.getText(0)).substr(0, 160)));
        }
    }
    // Any other trigger on the journal could rewrite rows as they are appended.
    Statement other = db.prepare(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'journal' AND name "
        "NOT IN ('journal_no_update', 'journal_no_delete')");
    while (other.step()) {
        problems.push_back(
            fmt::format("an unknown trigger {} was added to the journal", other.getText(0)));
    }
    return problems;
}

std::vector<std::string> JournalVerifier::restoreGuards(Database& db) {
    std::vector<std::string> problems = checkGuards(db);
    if (problems.empty()) return problems;
    db.exec("BEGIN IMMEDIATE");
    try {
        Statement other = db.prepare(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'journal'");
        std::vector<std::string> names;
        while (other.step())
            names.push_back(other.getText(0));
        other.reset();
        for (const std::string& name : names)
            db.exec(fmt::format("DROP TRIGGER \"{}\"", name));
        for (const Guard& g : kGuards)
            db.exec(g.sql);
        for (const std::string& p : problems) {
            Journal::append(db, {"dialogstudio",
                                 "journal.alarm",
                                 "journal",
                                 nullptr,
                                 {{"alarm", "guard_restored"}, {"problem", p}}});
        }
        db.exec("COMMIT");
    } catch (...) {
        db.exec("ROLLBACK");
        throw;
    }
    for (const std::string& p : problems) {
        std::fprintf(stderr, "dialogstudio: ALARM: %s; restored, and journalled as an alarm\n",
                     p.c_str());
    }
    return problems;
}

JournalReport JournalVerifier::verify(Database& db, const std::vector<JournalAnchor>& anchors) {
    JournalReport check;
    auto broken = [&](std::optional<std::int64_t> id, std::string problem) {
        if (check.problems.empty()) {
            check.brokenId = id;
            check.problem = problem;
        }
        check.status = JournalStatus::Broken;
        check.problems.push_back(std::move(problem));
    };
    // Read the key file afresh: verify must see a key that was lost or restored meanwhile.
    JournalKeyring ring(JournalKeyring::defaultFile());
    const bool keyed = hasKeyColumn(db);
    std::string prev(Journal::kGenesis);
    std::int64_t prevId = 0;
    std::optional<std::int64_t> firstSealed;
    bool verifiedSealed = false;  // a row sealed with a key we hold was checked
    std::string missingKey;
    std::int64_t missingFrom = 0, missingTo = 0;
    bool chainBroken = false;
    Statement st = db.prepare(
        fmt::format("SELECT id, at, actor, action, subject, before, after, prev_hash, hash, {} "
                    "FROM journal ORDER BY id",
                    keyed ? "key_id" : "''"));
    while (st.step()) {
        std::int64_t id = st.getInt(0);
        ++check.rows;
        if (st.getText(3) == "journal.alarm") {
            check.alarms.push_back(fmt::format("#{} {}: {}", id, st.getText(1), st.getText(6)));
        }
        check.head = JournalAnchor{id, st.getText(8), db.path().string()};
        if (chainBroken) continue;
        auto fail = [&](std::string problem) {
            broken(id, std::move(problem));
            chainBroken = true;
        };
        if (id != prevId + 1) {
            fail(fmt::format("rows {} to {} are missing (deleted)", prevId + 1, id - 1));
            continue;
        }
        if (st.getText(7) != prev) {
            fail(
                fmt::format("row {}: its link to the previous row does not match (the previous "
                            "row was changed or deleted)",
                            id));
            continue;
        }
        std::string keyId = st.getText(9);
        if (keyId.empty()) {
            if (firstSealed) {
                fail(
                    fmt::format("row {} carries no seal although row {} before it is sealed: "
                                "it was written or rewritten without the station key",
                                id, *firstSealed));
                continue;
            }
            ++check.unsealedRows;
            std::string expected =
                Journal::rowHash(id, st.getText(1), st.getText(2), st.getText(3), st.getText(4),
                                 st.getText(5), st.getText(6), prev);
            if (st.getText(8) != expected) {
                fail(
                    fmt::format("row {}: its content does not match its hash (the row was "
                                "edited)",
                                id));
                continue;
            }
        } else {
            if (!firstSealed) firstSealed = id;
            std::optional<JournalKey> key = ring.find(keyId);
            if (!key) {
                if (verifiedSealed) {
                    // Keys are only ever replaced by newer ones, so a row after rows sealed with
                    // a key we hold cannot rightly carry a key we never had.
                    fail(
                        fmt::format("row {} is sealed with key {}, which this station never "
                                    "held, after rows sealed with its own key: it was forged",
                                    id, keyId));
                    continue;
                }
                ++check.unverifiedRows;
                if (missingKey.empty()) missingKey = keyId, missingFrom = id;
                missingTo = id;
            } else {
                verifiedSealed = true;
                std::string expected =
                    JournalVerifier::sealHash(*key, id, st.getText(1), st.getText(2), st.getText(3),
                                              st.getText(4), st.getText(5), st.getText(6), prev);
                if (st.getText(8) != expected) {
                    fail(
                        fmt::format("row {}: its content does not match its seal (the row was "
                                    "edited or written without the station key)",
                                    id));
                    continue;
                }
            }
        }
        prev = st.getText(8);
        prevId = id;
    }
    st.reset();

    const std::int64_t lastId = check.head ? check.head->row : 0;
    for (std::string& p : checkGuards(db))
        broken(std::nullopt, std::move(p));
    {
        // AUTOINCREMENT remembers the highest id ever used: rows cut off the end leave it
        // behind, and a sequence lower than the rows means it was edited.
        Statement seq = db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'journal'");
        if (seq.step()) {
            std::int64_t s = seq.getInt(0);
            if (s > lastId) {
                broken(lastId + 1, fmt::format("rows {} to {} are missing from the end (deleted)",
                                               lastId + 1, s));
            } else if (s < lastId) {
                broken(std::nullopt,
                       fmt::format("the journal's sequence says {} rows were written but the "
                                   "rows go to {}: the sequence was edited",
                                   s, lastId));
            }
        } else if (lastId > 0) {
            broken(std::nullopt,
                   "the journal's sequence (sqlite_sequence) has no entry although the journal "
                   "has rows: it was edited");
        }
    }
    if (keyed && !firstSealed && !chainBroken) {
        // Since schema 7 the first thing written is a sealed row (JournalVerifier::startSealing).
        broken(lastId + 1, lastId == 0
                               ? std::string("the journal is empty, though a sealed database "
                                             "always holds its first sealed row: it was emptied")
                               : std::string("no row is sealed, though this database seals "
                                             "every row: the seals were stripped and the rows "
                                             "re-chained"));
    }
    {
        // Signed session records keep the journal's head at signing: an anchor inside the file.
        Statement has = db.prepare(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'session_signatures'");
        if (has.step()) {
            has.reset();
            Statement sig = db.prepare(
                "SELECT s.session_id, s.journal_id, s.journal_hash, j.hash FROM "
                "session_signatures s LEFT JOIN journal j ON j.id = s.journal_id ORDER BY "
                "s.session_id");
            while (sig.step()) {
                if (sig.isNull(3) || sig.getText(2) != sig.getText(3)) {
                    broken(sig.getInt(1),
                           fmt::format("session {}'s signature names journal row {} with hash "
                                       "{}, which the journal {}",
                                       sig.getInt(0), sig.getInt(1), sig.getText(2).substr(0, 16),
                                       sig.isNull(3) ? "no longer holds" : "holds differently"));
                }
            }
        }
    }
    for (const JournalAnchor& a : anchors) {
        ++check.anchorsChecked;
        Statement row = db.prepare("SELECT hash FROM journal WHERE id = ?");
        row.bind(1, a.row);
        if (!row.step()) {
            broken(a.row, fmt::format("the anchor in {} names row {}, but the journal {}: rows "
                                      "were cut off or the journal was emptied or replaced",
                                      a.source, a.row,
                                      lastId == 0 ? std::string("is empty")
                                                  : fmt::format("ends at row {}", lastId)));
        } else if (row.getText(0) != a.hash) {
            broken(a.row, fmt::format("row {} differs from the anchor in {} (anchor {}, journal "
                                      "{}): the journal was rewritten at or before row {}",
                                      a.row, a.source, a.hash.substr(0, 16),
                                      row.getText(0).substr(0, 16), a.row));
        }
    }
    if (check.status == JournalStatus::Intact && check.unverifiedRows > 0) {
        check.status = JournalStatus::Unverifiable;
        check.brokenId = missingFrom;
        check.problem = fmt::format(
            "cannot verify rows {} to {} without the station key {} ({}); their content is "
            "readable as ever. Restore the key file from its backup (docs/JOURNAL.md)",
            missingFrom, missingTo, missingKey,
            ring.problem().empty() ? "not in " + ring.file().string() : ring.problem());
        check.problems.push_back(check.problem);
    }
    return check;
}

}  // namespace ds
