#pragma once
// The station's journal keys: the secret that seals each journal row (HMAC-SHA256), kept in an
// owner-only file outside the database, in the configuration folder
// ($XDG_CONFIG_HOME/dialogstudio/journal.key, or DIALOGSTUDIO_JOURNAL_KEY). Someone holding
// only the database file can read the journal but cannot write a row that verifies.
//
// The file is a keyring: one line per key ("v1 CREATED HEXKEY"), so a key that was lost and
// later found is added back as a line and the rows it sealed verify again. The newest key seals
// new rows. A lost file never makes the record unreadable: rows keep their content; only their
// seals cannot be checked until the key is back (Journal::verify says so).
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ds {

struct JournalKey {
    std::string id;         // 16 hex digits derived from the secret: names it, reveals nothing
    std::string createdAt;  // UTC, ISO 8601
    std::string secret;     // 32 raw bytes

    // HMAC-SHA256 of data under this key, as 64 hex digits.
    std::string sealHex(std::string_view data) const;
};

class JournalKeyring {
  public:
    explicit JournalKeyring(std::filesystem::path file);
    // DIALOGSTUDIO_JOURNAL_KEY, else $XDG_CONFIG_HOME/dialogstudio/journal.key (or
    // ~/.config/dialogstudio/journal.key).
    static std::filesystem::path defaultFile();
    // The keyring of defaultFile(), loaded once per process (and per file, should the
    // environment name another); thread-safe to obtain.
    static JournalKeyring& current();

    const std::filesystem::path& file() const { return file_; }
    // The key with this id, or nothing (no file, or a key not in it).
    std::optional<JournalKey> find(std::string_view id);
    // The key that seals new rows: the newest in the file. Creates the file (owner-only, and
    // its folder) with a fresh key when there is no file yet; `created` tells the caller.
    JournalKey sealingKey(bool* created = nullptr);
    // Why no key could be read, for messages ("no file", "unreadable: ..."); empty when read.
    std::string problem();
    // The key's id for a secret (exposed for tests).
    static std::string idFor(std::string_view secret);

  private:
    void load();
    // Loads again when the file changed (a key restored, the file lost) since it was read.
    void refresh();

    std::filesystem::path file_;
    bool loaded_ = false;
    bool missing_ = false;
    std::string problem_;
    std::vector<JournalKey> keys_;
    std::string stamp_;  // the file's identity and change time when read
    std::mutex mutex_;   // one keyring serves every thread of the control room
};

}  // namespace ds
