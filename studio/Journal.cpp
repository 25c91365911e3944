#include "studio/Journal.h"

#include <openssl/evp.h>

#include <fmt/format.h>

#include "studio/Database.h"
#include "studio/Statement.h"
#include "studio/Time.h"

namespace ds {

namespace {

std::string sha256Hex(std::string_view data) {
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (EVP_Digest(data.data(), data.size(), md, &len, EVP_sha256(), nullptr) != 1) {
        throw std::runtime_error("SHA-256 failed");
    }
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(len * 2);
    for (unsigned int i = 0; i < len; ++i) {
        out.push_back(kHex[md[i] >> 4]);
        out.push_back(kHex[md[i] & 0xf]);
    }
    return out;
}

// Length-prefixed fields: no choice of field values can make two different rows hash alike.
void addField(std::string& buf, std::string_view field) {
    buf += std::to_string(field.size());
    buf += ':';
    buf += field;
    buf += '\n';
}

std::string jsonText(const nlohmann::json& j) {
    return j.is_null() ? std::string() : j.dump();
}

}  // namespace

std::string Journal::rowHash(std::int64_t id, std::string_view at, std::string_view actor,
                             std::string_view action, std::string_view subject,
                             std::string_view before, std::string_view after,
                             std::string_view prevHash) {
    std::string buf;
    addField(buf, std::to_string(id));
    addField(buf, at);
    addField(buf, actor);
    addField(buf, action);
    addField(buf, subject);
    addField(buf, before);
    addField(buf, after);
    addField(buf, prevHash);
    return sha256Hex(buf);
}

void Journal::append(Database& db, const JournalEntry& e) {
    std::string prev(kGenesis);
    std::int64_t id = 1;
    {
        Statement last = db.prepare("SELECT id, hash FROM journal ORDER BY id DESC LIMIT 1");
        if (last.step()) {
            id = last.getInt(0) + 1;
            prev = last.getText(1);
        }
    }
    // AUTOINCREMENT never reuses an id, so ask sqlite_sequence what the next id really is.
    {
        Statement seq = db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'journal'");
        if (seq.step()) id = std::max(id, seq.getInt(0) + 1);
    }
    std::string at = formatUtc(now());
    std::string before = jsonText(e.before);
    std::string after = jsonText(e.after);
    std::string hash = rowHash(id, at, e.actor, e.action, e.subject, before, after, prev);
    db.prepare(
          "INSERT INTO journal (id, at, actor, action, subject, before, after, prev_hash, hash) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bindAll(id, at, e.actor, e.action, e.subject,
                 before.empty() ? std::optional<std::string>() : before,
                 after.empty() ? std::optional<std::string>() : after, prev, hash)
        .run();
}

JournalCheck Journal::verify(Database& db) {
    JournalCheck check;
    std::string prev(kGenesis);
    std::int64_t prevId = 0;
    Statement st = db.prepare(
        "SELECT id, at, actor, action, subject, before, after, prev_hash, hash FROM journal "
        "ORDER BY id");
    while (st.step()) {
        std::int64_t id = st.getInt(0);
        ++check.rows;
        auto broken = [&](std::string problem) {
            check.ok = false;
            check.brokenId = id;
            check.problem = std::move(problem);
        };
        if (id != prevId + 1) {
            broken(fmt::format("rows {} to {} are missing (deleted)", prevId + 1, id - 1));
            break;
        }
        if (st.getText(7) != prev) {
            broken(
                "its link to the previous row does not match (the previous row was changed "
                "or deleted)");
            break;
        }
        std::string expected = rowHash(id, st.getText(1), st.getText(2), st.getText(3),
                                       st.getText(4), st.getText(5), st.getText(6), prev);
        if (st.getText(8) != expected) {
            broken("its content does not match its hash (the row was edited)");
            break;
        }
        prev = st.getText(8);
        prevId = id;
    }
    if (check.ok) {
        // Rows cut off the end leave no broken link, but AUTOINCREMENT remembers the last id.
        Statement seq = db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'journal'");
        if (seq.step() && seq.getInt(0) > prevId) {
            check.ok = false;
            check.brokenId = prevId + 1;
            check.problem = fmt::format("rows {} to {} are missing from the end (deleted)",
                                        prevId + 1, seq.getInt(0));
        }
    }
    return check;
}

}  // namespace ds
