#pragma once
// A browser seat: a tablet or TV showing the guests' view, or a phone or desktop where a
// screener takes questions. Each seat has its own token; only its SHA-256 is stored.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "studio/Time.h"

namespace ds::service {

enum class SeatRole { Guest, Screener };

std::string_view roleCode(SeatRole role);
// Throws UserError naming the value unless it is "guest" or "screener".
SeatRole parseRole(std::string_view code);

// What a seat may do (one owner for the seat permissions; see docs/RULES.md).
enum class SeatAction {
    ReadGuestView,     // the guests' view: on air, next, countdown, message
    ReadScreenerView,  // the incoming list with callers' contacts
    AddQuestion,       // the intake form
    ScreenQuestion,    // screen, approve, reject, merge, defer, attach the inbox
};
bool seatMay(SeatRole role, SeatAction action);

struct Seat {
    std::int64_t id = 0;
    std::string name;
    SeatRole role = SeatRole::Guest;
    TimePoint createdAt{};
    std::optional<TimePoint> revokedAt;

    bool active() const { return !revokedAt; }
    nlohmann::json toJson() const;
};

}  // namespace ds::service
