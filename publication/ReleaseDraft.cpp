#include "publication/ReleaseDraft.h"

#include <fmt/format.h>

#include "studio/Database.h"
#include "studio/IndonesianDate.h"
#include "studio/Masking.h"
#include "studio/ReportText.h"
#include "studio/RequestStore.h"
#include "studio/SessionReport.h"
#include "studio/Statement.h"
#include "studio/StationStore.h"

namespace ds::publication {

namespace {

std::string guestName(const Guest& g) {
    return g.rank.empty() ? g.name : g.rank + " " + g.name;
}

std::string joinAnd(const std::vector<std::string>& parts) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i > 0) out += (i + 1 == parts.size()) ? (parts.size() > 2 ? ", dan " : " dan ") : ", ";
        out += parts[i];
    }
    return out;
}

std::string upper(std::string s) {
    for (char& c : s)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return s;
}

// Headline case for the topic words ("keselamatan berlalu lintas" -> "Keselamatan Berlalu
// Lintas"), ASCII letters only: Indonesian headlines capitalise each word.
std::string titleCase(std::string s) {
    bool start = true;
    for (char& c : s) {
        if (start && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        start = (c == ' ' || c == '-' || c == '(');
    }
    return s;
}

}  // namespace

std::string ReleaseDraft::publicCaller(const std::string& name) {
    return initials(name);
}

ReleaseContent ReleaseDraft::fromSession(ds::Database& db, const Station& station, const Session& s,
                                         TimePoint asOf) {
    ReleaseContent c;
    const std::string& tz = station.timeZone;
    TimePoint aired = s.startedAt.value_or(s.scheduledStart);
    Day day = localDay(aired, tz);
    std::string place = report::placeOf(station);

    std::string who = s.guests.empty()
                          ? station.name
                          : (s.guests.front().position.empty() ? guestName(s.guests.front())
                                                               : s.guests.front().position);
    c.title = fmt::format("{} Paparkan {} dalam {}", who, titleCase(s.topic), s.programmeTitle);

    std::vector<std::string> guestTexts;
    for (const Guest& g : s.guests) {
        c.guests.push_back({guestName(g), g.position});
        guestTexts.push_back(g.position.empty() ? guestName(g)
                                                : fmt::format("{} {}", g.position, guestName(g)));
    }
    std::string partner = s.partnerMedia.empty() ? std::string() : " di " + s.partnerMedia;
    c.lead = fmt::format(
        "{} \u2013 {} menggelar {} bertema \u201c{}\u201d{} pada {} ({}) pukul {}.",
        upper(place), station.name, s.programmeTitle, s.topic, partner, idn::dayName(day),
        idn::longDate(day), idn::clock(aired, tz));
    if (!guestTexts.empty()) c.lead += " Hadir sebagai narasumber " + joinAnd(guestTexts) + ".";

    for (const Segment& seg : s.segments)
        if (seg.kind == "material")
            c.messages.push_back(seg.notes.empty() ? seg.title : seg.title + ". " + seg.notes);

    auto st = db.prepare(
        "SELECT number, caller_name, origin, text FROM questions WHERE session_id = ? AND status = "
        "'answered' ORDER BY number");
    st.bindAll(s.id);
    while (st.step())
        c.questions.push_back({static_cast<int>(st.getInt(0)), publicCaller(st.getText(1)),
                               st.getText(2), st.getText(3)});

    RequestStore requests(db, station, StationStore::calendar(station));
    nlohmann::json rep = SessionReport::build(db, requests, s.id, asOf);
    const auto& rq = rep["requests"];
    const auto& qs = rep["questions"];
    int answered = qs["by_status"].value("answered", 0);
    c.figures = {{"questions", {{"received", qs.value("received", 0)}, {"answered", answered}}},
                 {"requests",
                  {{"received", rq.value("received", 0)},
                   {"granted_full", rq.value("granted_full", 0)},
                   {"granted_partial", rq.value("granted_partial", 0)},
                   {"refused", rq.value("refused", 0)},
                   {"pending", rq.value("pending", 0)}}}};
    c.closing = fmt::format(
        "{} mengajak masyarakat terus menyampaikan pertanyaan dan informasi melalui saluran "
        "resmi. Rekaman siaran dapat didengarkan kembali melalui kanal resmi {}.",
        station.name, station.name);
    return c;
}

}  // namespace ds::publication
