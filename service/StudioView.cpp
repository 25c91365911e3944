#include "service/StudioView.h"

#include "service/Inbox.h"
#include "studio/Database.h"
#include "studio/Journal.h"
#include "studio/Masking.h"
#include "studio/PersonalDataPolicy.h"
#include "studio/QuestionStore.h"
#include "studio/SessionStore.h"
#include "studio/Statement.h"
#include "studio/StationStore.h"
#include "studio/TextRules.h"
#include "studio/Transaction.h"

namespace ds::service {

namespace {

using nlohmann::json;

std::optional<std::int64_t> liveSession(Database& db) {
    Statement st = db.prepare(
        "SELECT id FROM sessions WHERE status = 'live' ORDER BY started_at DESC, "
        "id DESC LIMIT 1");
    if (!st.step()) return std::nullopt;
    return st.getInt(0);
}

// The guests read these aloud: the question, a first name and the area. Nothing else leaves.
// The guests' view comes from the one personal-data policy: the page receives nothing more.
json guestQuestion(const Question& q) {
    const GuestQuestion g = PersonalDataPolicy::guestQuestion(q);
    return {{"number", g.number}, {"text", g.text}, {"name", g.firstName}, {"area", g.area}};
}

json flagsJson(const Question& q) {
    json out = json::array();
    for (const ContentFlag& f : q.flags)
        out.push_back({{"category", f.category}, {"term", f.term}});
    return out;
}

json screenerQuestion(const Question& q) {
    return {{"id", q.id},
            {"number", q.number},
            {"channel", q.channel},
            {"received_at", formatUtc(q.receivedAt)},
            {"caller_name", q.callerName},
            {"origin", q.origin},
            {"contact", q.contact},
            {"text", q.text},
            {"written", q.written},
            {"status", q.status},
            {"queue_pos", q.queuePos ? json(*q.queuePos) : json()},
            {"reason", q.reason},
            {"merged_into", q.mergedInto ? json(*q.mergedInto) : json()},
            {"flags", flagsJson(q)},
            {"info_request", q.infoRequest}};
}

long long seconds(Duration d) {
    return std::chrono::duration_cast<std::chrono::seconds>(d).count();
}

}  // namespace

json StudioView::sessionPart(std::optional<std::int64_t> sessionId, TimePoint at) {
    if (!sessionId) return nullptr;
    const Session s = SessionStore(db_).get(*sessionId);
    json out = {{"id", s.id},
                {"topic", s.topic},
                {"programme", s.programmeTitle},
                {"status", s.status},
                {"segment", nullptr}};
    const RundownFigures f = SessionStore::clock(s, at);
    if (f.current >= 0 && f.current < static_cast<int>(s.segments.size())) {
        out["segment"] = {{"title", s.segments[f.current].title},
                          {"left_s", seconds(f.leftInSegment)},
                          {"held", f.held}};
    }
    return out;
}

json StudioView::guest(TimePoint at) {
    const auto live = liveSession(db_);
    json out = {{"at", formatUtc(at)},
                {"on_air_sign", live.has_value()},
                {"session", sessionPart(live, at)},
                {"on_air", nullptr},
                {"next", json::array()},
                {"message", guestMessage()}};
    if (!live) return out;
    QuestionStore qs(db_);
    for (const Question& q : qs.list(*live, std::string("on_air")))
        out["on_air"] = guestQuestion(q);
    std::vector<Question> approved = qs.list(*live, std::string("approved"));
    std::sort(approved.begin(), approved.end(), [](const Question& a, const Question& b) {
        return a.queuePos.value_or(1 << 30) < b.queuePos.value_or(1 << 30);
    });
    for (std::size_t i = 0; i < approved.size() && i < 5; ++i)
        out["next"].push_back(guestQuestion(approved[i]));
    return out;
}

json StudioView::screener(TimePoint at) {
    const auto live = liveSession(db_);
    json out = {{"at", formatUtc(at)},
                {"session", sessionPart(live, at)},
                {"questions", json::array()},
                {"inbox", json::array()},
                {"message", guestMessage()}};
    if (live) {
        QuestionStore qs(db_);
        for (const Question& q : qs.list(*live))
            out["questions"].push_back(screenerQuestion(q));
    }
    for (const WaitingMessage& w : Inbox(db_).waiting())
        out["inbox"].push_back(w.toJson());
    return out;
}

json StudioView::earlier(std::int64_t questionId) {
    QuestionStore qs(db_);
    const Question q = qs.get(questionId);
    json out = json::array();
    if (q.contact.empty()) return out;
    for (const Question& e : qs.byContact(q.contact, q.id))
        out.push_back({{"id", e.id},
                       {"session_id", e.sessionId},
                       {"received_at", formatUtc(e.receivedAt)},
                       {"text", e.text},
                       {"status", e.status}});
    return out;
}

std::string StudioView::guestMessage() {
    Statement st = db_.prepare("SELECT value FROM service_settings WHERE key = 'guest_message'");
    return st.step() ? st.getText(0) : std::string();
}

void StudioView::setGuestMessage(const std::string& text, const std::string& actor) {
    requireText(text, "message", kMaxNameBytes, false);
    Transaction tx(db_);
    const std::string before = guestMessage();
    db_.prepare(
           "INSERT INTO service_settings (key, value) VALUES ('guest_message', ?) "
           "ON CONFLICT(key) DO UPDATE SET value = excluded.value")
        .bind(1, trim(text))
        .run();
    Journal::append(db_,
                    {actor, "guest_message.set", "guest_message", json(before), json(trim(text))});
    tx.commit();
}

}  // namespace ds::service
