#pragma once
// What every headless command gets: the global options, the database (opened on first use),
// the station, and one way to print results (a JSON document with --json, text otherwise).
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "studio/Database.h"
#include "studio/Station.h"
#include "studio/Vocabulary.h"

namespace ds {

struct GlobalOptions {
    std::string dbPath;  // empty: DIALOGSTUDIO_DB, else the XDG data folder
    bool json = false;
    std::string actor;  // who is acting; empty: DIALOGSTUDIO_ACTOR, else the login name
    std::string lang;   // "id" (default) or "en"; empty: DIALOGSTUDIO_LANG
};

class CommandContext {
  public:
    GlobalOptions options;

    // The database, opened (and migrated) on first use.
    Database& db();
    // The station of this database (created from the embedded defaults on first use).
    Station station();
    std::string actor() const;
    bool english() const;
    // Picks the Indonesian or English text.
    const char* t(const char* id, const char* en) const { return english() ? en : id; }
    std::string label(const Term& term) const { return std::string(english() ? term.en : term.id); }

    // With --json prints the document; otherwise calls `text` to print for people.
    void emit(const nlohmann::json& document, const std::function<void()>& text) const;

    // $XDG_DATA_HOME/dialogstudio (or ~/.local/share/dialogstudio).
    static std::string dataDir();
    std::string databasePath() const;

  private:
    std::unique_ptr<Database> db_;
};

}  // namespace ds
