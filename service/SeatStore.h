#pragma once
// Seats in the database: add (a new random token, returned once and stored only hashed), list,
// revoke, and find the seat a token belongs to. Each change is journalled.
#include <optional>
#include <string>
#include <vector>

#include "service/Seat.h"

namespace ds {
class Database;
}

namespace ds::service {

struct NewSeat {
    Seat seat;
    std::string token;  // shown once, never stored
};

class SeatStore {
  public:
    explicit SeatStore(Database& db) : db_(db) {}

    NewSeat add(SeatRole role, const std::string& name, const std::string& actor);
    std::vector<Seat> list();
    // By name or numeric id. Revoking a revoked seat is an error naming it.
    Seat revoke(const std::string& nameOrId, const std::string& actor);
    // The active or revoked seat whose token hashes to tokenHash.
    std::optional<Seat> byTokenHash(const std::string& tokenHash);
    // Active seats by token hash: what the service holds in memory.
    std::vector<std::pair<std::string, Seat>> activeByHash();
    bool anyActive();

  private:
    Seat find(const std::string& nameOrId);
    Database& db_;
};

}  // namespace ds::service
