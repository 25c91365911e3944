#pragma once
// A realistic sample session in Indonesian, so a newcomer (and the control room's demo mode)
// sees a live dialogue programme at once: a station, a programme with a rundown template, a
// live session with officers and guests, screened questions in every state, and information
// requests granted, refused, extended and escalated. Everything goes through the stores, so
// the journal records it like any other work.
#include <cstdint>
#include <string>

namespace ds {

class Database;

class Demo {
  public:
    // Returns the new session's id. Sets up the demo station only if the station still has
    // its embedded defaults (a configured station is never overwritten).
    static std::int64_t create(Database& db, const std::string& actor);
};

}  // namespace ds
