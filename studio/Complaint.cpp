#include "studio/Complaint.h"

#include <array>

#include <fmt/format.h>

#include "studio/Masking.h"

namespace ds {

namespace complaint {

namespace {

constexpr std::array kKinds{
    Term{"keluhan", "Keluhan", "Complaint"},
    Term{"pengaduan", "Pengaduan", "Grievance"},
    Term{"laporan_kamtibmas", "Laporan masalah kamtibmas", "Security problem report"},
};
constexpr std::array kStatuses{
    Term{"dicatat", "Dicatat", "Recorded"},
    Term{"diteruskan", "Diteruskan", "Forwarded"},
    Term{"ditindaklanjuti", "Ditindaklanjuti", "Acted on"},
    Term{"selesai", "Selesai", "Closed"},
};
constexpr std::array kInformed{
    Term{"telepon", "Ditelepon balik", "Called back"},
    Term{"siaran", "Dijawab di siaran", "Answered on air"},
    Term{"surat", "Surat", "Letter"},
    Term{"tanpa_kontak", "Tanpa kontak (tidak dapat dihubungi)", "No contact (cannot be reached)"},
};
constexpr std::array kPillars{
    Term{"lurah", "Lurah/Kepala Desa", "Lurah/village head"},
    Term{"bhabinkamtibmas", "Bhabinkamtibmas", "Bhabinkamtibmas"},
    Term{"babinsa", "Babinsa", "Babinsa"},
};

template <typename E, std::size_t N>
E parse(const std::array<Term, N>& list, std::string_view text, std::string_view field) {
    const Term& t = vocab::require(list, text, field);
    return static_cast<E>(&t - list.data());
}

}  // namespace

std::span<const Term> kinds() {
    return kKinds;
}
std::span<const Term> statuses() {
    return kStatuses;
}
std::span<const Term> informedWays() {
    return kInformed;
}
std::span<const Term> pillars() {
    return kPillars;
}
std::string_view code(ComplaintKind k) {
    return kKinds[static_cast<std::size_t>(k)].code;
}
std::string_view code(ComplaintStatus s) {
    return kStatuses[static_cast<std::size_t>(s)].code;
}
std::string_view code(CallerInformed i) {
    return kInformed[static_cast<std::size_t>(i)].code;
}
std::string_view code(Pillar p) {
    return kPillars[static_cast<std::size_t>(p)].code;
}
ComplaintKind parseKind(std::string_view text, std::string_view field) {
    return parse<ComplaintKind>(kKinds, text, field);
}
ComplaintStatus parseStatus(std::string_view text, std::string_view field) {
    return parse<ComplaintStatus>(kStatuses, text, field);
}
CallerInformed parseInformed(std::string_view text, std::string_view field) {
    return parse<CallerInformed>(kInformed, text, field);
}
Pillar parsePillar(std::string_view text, std::string_view field) {
    return parse<Pillar>(kPillars, text, field);
}

}  // namespace complaint

std::string Complaint::area() const {
    std::string out;
    if (!kelurahan.empty()) out = "Kel. " + kelurahan;
    if (!kecamatan.empty()) out += (out.empty() ? "" : ", ") + std::string("Kec. ") + kecamatan;
    return out.empty() ? "-" : out;
}

nlohmann::json Complaint::toJson(bool personal) const {
    const auto optTime = [](const std::optional<TimePoint>& t) -> nlohmann::json {
        return t ? nlohmann::json(formatUtc(*t)) : nlohmann::json(nullptr);
    };
    const auto optDay = [](const std::optional<Day>& d) -> nlohmann::json {
        return d ? nlohmann::json(formatDay(*d)) : nlohmann::json(nullptr);
    };
    nlohmann::json pillarCodes = nlohmann::json::array();
    for (Pillar p : pillars)
        pillarCodes.push_back(complaint::code(p));
    return {
        {"id", id},
        {"question_id", questionId},
        {"session_id", sessionId},
        {"question_number", questionNumber},
        {"received_at", formatUtc(receivedAt)},
        {"caller_name", personal ? callerName : initials(callerName)},
        {"contact", personal ? contact : maskContact(contact)},
        {"text", text},
        {"info_request", infoRequest},
        {"kind", complaint::code(kind)},
        {"topic", topic},
        {"kelurahan", kelurahan},
        {"kecamatan", kecamatan},
        {"marked_at", formatUtc(markedAt)},
        {"marked_by", markedBy},
        {"status", complaint::code(status)},
        {"unit_kind", unitKind},
        {"unit_name", unitName},
        {"forwarded_at", optTime(forwardedAt)},
        {"forwarded_by", forwardedBy},
        {"due_date", optDay(dueDate)},
        {"contact_shared", contactShared},
        {"forward_note", forwardNote},
        {"answer", answer},
        {"action", action},
        {"pillars", pillarCodes},
        {"followed_up_at", optTime(followedUpAt)},
        {"followed_up_by", followedUpBy},
        {"closed_at", optTime(closedAt)},
        {"closed_by", closedBy},
        {"caller_informed", informed ? nlohmann::json(complaint::code(*informed)) : nullptr},
        {"caller_informed_on", optDay(informedOn)},
        {"letter_number",
         letterNumber.empty() ? nlohmann::json(nullptr) : nlohmann::json(letterNumber)},
    };
}

}  // namespace ds
