#include "studio/Journal.h"

#include <openssl/evp.h>

#include <algorithm>
#include <cstdio>

#include <fmt/format.h>

#include "studio/Database.h"
#include "studio/JournalKeyring.h"
#include "studio/JournalVerifier.h"
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

std::string fields(std::int64_t id, std::string_view at, std::string_view actor,
                   std::string_view action, std::string_view subject, std::string_view before,
                   std::string_view after, std::string_view prevHash) {
    std::string buf;
    addField(buf, std::to_string(id));
    addField(buf, at);
    addField(buf, actor);
    addField(buf, action);
    addField(buf, subject);
    addField(buf, before);
    addField(buf, after);
    addField(buf, prevHash);
    return buf;
}

std::string jsonText(const nlohmann::json& j) {
    return j.is_null() ? std::string() : j.dump();
}

struct LastRow {
    std::int64_t id = 0;
    std::string hash{Journal::kGenesis};
    std::string keyId;
};

LastRow lastRow(Database& db) {
    LastRow r;
    Statement last = db.prepare("SELECT id, hash, key_id FROM journal ORDER BY id DESC LIMIT 1");
    if (last.step()) {
        r.id = last.getInt(0);
        r.hash = last.getText(1);
        r.keyId = last.getText(2);
    }
    // AUTOINCREMENT never reuses an id, so ask sqlite_sequence what the next id really is.
    Statement seq = db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'journal'");
    if (seq.step()) r.id = std::max(r.id, seq.getInt(0));
    return r;
}

void appendSealed(Database& db, const JournalKey& key, const LastRow& last, const JournalEntry& e) {
    std::int64_t id = last.id + 1;
    std::string at = formatUtc(now());
    std::string before = jsonText(e.before);
    std::string after = jsonText(e.after);
    std::string hash = JournalVerifier::sealHash(key, id, at, e.actor, e.action, e.subject, before,
                                                 after, last.hash);
    db.prepare(
          "INSERT INTO journal (id, at, actor, action, subject, before, after, prev_hash, hash, "
          "key_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bindAll(id, at, e.actor, e.action, e.subject,
                 before.empty() ? std::optional<std::string>() : before,
                 after.empty() ? std::optional<std::string>() : after, last.hash, hash, key.id)
        .run();
}

}  // namespace

std::string Journal::rowHash(std::int64_t id, std::string_view at, std::string_view actor,
                             std::string_view action, std::string_view subject,
                             std::string_view before, std::string_view after,
                             std::string_view prevHash) {
    return sha256Hex(fields(id, at, actor, action, subject, before, after, prevHash));
}

std::string JournalVerifier::sealHash(const JournalKey& key, std::int64_t id, std::string_view at,
                                      std::string_view actor, std::string_view action,
                                      std::string_view subject, std::string_view before,
                                      std::string_view after, std::string_view prevHash) {
    std::string buf = fields(id, at, actor, action, subject, before, after, prevHash);
    addField(buf, key.id);
    return key.sealHex(buf);
}

void Journal::append(Database& db, const JournalEntry& e) {
    JournalKeyring& ring = JournalKeyring::current();
    bool created = false;
    const JournalKey key = ring.sealingKey(&created);
    LastRow last = lastRow(db);
    if (!last.keyId.empty() && last.keyId != key.id && !ring.find(last.keyId)) {
        // The key that sealed the journal so far is gone (file lost or replaced). Carry on with
        // the station's key, so the programme on air is never stopped, and say so in the
        // journal itself: rows sealed with the old key verify again once its line is back.
        std::fprintf(stderr,
                     "dialogstudio: the journal key %s that sealed rows up to #%lld is not in "
                     "%s; new rows are sealed with key %s. Restore the old key's line from the "
                     "key file's backup to verify the older rows (docs/JOURNAL.md)\n",
                     last.keyId.c_str(), static_cast<long long>(last.id), ring.file().c_str(),
                     key.id.c_str());
        appendSealed(db, key, last,
                     {"dialogstudio",
                      "journal.alarm",
                      "journal",
                      {{"key", last.keyId}},
                      {{"alarm", "key_changed"},
                       {"key", key.id},
                       {"problem", fmt::format("the key {} that sealed rows up to #{} was not "
                                               "found; sealing continues with key {}",
                                               last.keyId, last.id, key.id)}}});
        last = lastRow(db);
    }
    appendSealed(db, key, last, e);
}

JournalCheck Journal::verify(Database& db) {
    JournalReport r = JournalVerifier::verify(db);
    JournalCheck c;
    c.ok = r.ok();
    c.rows = r.rows;
    c.brokenId = r.brokenId;
    c.problem = r.problem;
    return c;
}

}  // namespace ds
