#include "service/Seat.h"

#include <fmt/format.h>

#include "studio/Errors.h"

namespace ds::service {

std::string_view roleCode(SeatRole role) {
    return role == SeatRole::Guest ? "guest" : "screener";
}

SeatRole parseRole(std::string_view code) {
    if (code == "guest") return SeatRole::Guest;
    if (code == "screener") return SeatRole::Screener;
    throw UserError(fmt::format("role: '{}' is not one of guest, screener", code));
}

bool seatMay(SeatRole role, SeatAction action) {
    switch (action) {
        case SeatAction::ReadGuestView:
            return true;  // a screener also sees what the guests see
        case SeatAction::ReadScreenerView:
        case SeatAction::AddQuestion:
        case SeatAction::ScreenQuestion:
            return role == SeatRole::Screener;
    }
    return false;
}

nlohmann::json Seat::toJson() const {
    return {{"id", id},
            {"name", name},
            {"role", roleCode(role)},
            {"created_at", formatUtc(createdAt)},
            {"revoked_at", revokedAt ? nlohmann::json(formatUtc(*revokedAt)) : nlohmann::json()}};
}

}  // namespace ds::service
