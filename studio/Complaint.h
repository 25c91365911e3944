#pragma once
// A listener's complaint or report of a local problem, asked on air and followed up to the end
// (SOP 003 community policing, SOP 004 Bhabinkamtibmas: deteksi dini, problem solving with the
// three pillars). A question becomes a complaint when the screener or producer marks it; it
// may be an information request as well.
//
// Status: dicatat (marked) -> diteruskan (forwarded to a unit, due in working days) ->
// ditindaklanjuti (the unit's answer and action recorded) -> selesai (the caller informed).
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "studio/Time.h"
#include "studio/Vocabulary.h"

namespace ds {

enum class ComplaintKind { Keluhan, Pengaduan, LaporanKamtibmas };
enum class ComplaintStatus { Dicatat, Diteruskan, Ditindaklanjuti, Selesai };
// How the caller learnt the outcome.
enum class CallerInformed { Telepon, Siaran, Surat, TanpaKontak };
// The three pillars of problem solving at the kelurahan (SOP 004 C).
enum class Pillar { Lurah, Bhabinkamtibmas, Babinsa };

// Codes (database, JSON, command line) and labels of the enums; parse throws UserError naming
// `field` and the accepted codes.
namespace complaint {
std::span<const Term> kinds();
std::span<const Term> statuses();
std::span<const Term> informedWays();
std::span<const Term> pillars();
std::string_view code(ComplaintKind k);
std::string_view code(ComplaintStatus s);
std::string_view code(CallerInformed i);
std::string_view code(Pillar p);
ComplaintKind parseKind(std::string_view text, std::string_view field);
ComplaintStatus parseStatus(std::string_view text, std::string_view field);
CallerInformed parseInformed(std::string_view text, std::string_view field);
Pillar parsePillar(std::string_view text, std::string_view field);
}  // namespace complaint

struct Complaint {
    std::int64_t id = 0;
    std::int64_t questionId = 0;
    std::int64_t sessionId = 0;
    int questionNumber = 0;
    TimePoint receivedAt{};                         // the question's
    std::string callerName, contact, origin, text;  // the question's; personal data
    bool infoRequest = false;                       // the question is an information request too

    ComplaintKind kind = ComplaintKind::Keluhan;
    std::string topic;      // e.g. "balap liar"
    std::string kelurahan;  // the area it concerns
    std::string kecamatan;
    TimePoint markedAt{};
    std::string markedBy;
    ComplaintStatus status = ComplaintStatus::Dicatat;

    std::string unitKind, unitName;
    std::optional<TimePoint> forwardedAt;
    std::string forwardedBy;
    std::optional<Day> dueDate;
    bool contactShared = false;  // the unit gets the caller's contact to call back
    std::string forwardNote;

    std::string answer, action;  // the unit's answer and what it did
    std::vector<Pillar> pillars;
    std::optional<TimePoint> followedUpAt;
    std::string followedUpBy;

    std::optional<TimePoint> closedAt;
    std::string closedBy;
    std::optional<CallerInformed> informed;
    std::optional<Day> informedOn;

    std::optional<std::int64_t> letterId;
    std::string letterNumber;

    // "Kel. Pantai Panjang, Kec. Ratu Samban", or "-".
    std::string area() const;
    // Personal data (caller's name and contact) only when `personal`; masked otherwise.
    nlohmann::json toJson(bool personal) const;
};

}  // namespace ds
