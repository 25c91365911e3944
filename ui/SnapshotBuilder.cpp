#include "ui/SnapshotBuilder.h"

#include <chrono>
#include <unordered_map>

#include <date/tz.h>

#include "studio/Database.h"
#include "studio/Errors.h"
#include "studio/QuestionStore.h"
#include "studio/RequestStore.h"
#include "studio/SessionReport.h"
#include "studio/SessionStore.h"
#include "studio/StationStore.h"

namespace ds::ui {

SnapshotBuilder::SnapshotBuilder(Database& db, std::string actor)
    : db_(db), actor_(std::move(actor)) {}

LocalClock SnapshotBuilder::clockFor(const std::string& timeZone, TimePoint at) {
    LocalClock c;
    c.timeZone = timeZone;
    try {
        const date::time_zone* zone = date::locate_zone(timeZone);
        const date::sys_info info = zone->get_info(std::chrono::floor<std::chrono::seconds>(at));
        c.offset = std::chrono::duration_cast<Duration>(info.offset);
        c.abbrev = info.abbrev;
    } catch (const std::exception&) {
        c.abbrev = "UTC";
        c.offset = Duration{0};
    }
    // tzdata writes "+07" for zones without a common abbreviation; Indonesia's are known.
    if (timeZone == "Asia/Jakarta" || timeZone == "Asia/Pontianak") c.abbrev = "WIB";
    if (timeZone == "Asia/Makassar") c.abbrev = "WITA";
    if (timeZone == "Asia/Jayapura") c.abbrev = "WIT";
    return c;
}

const WorkingCalendar& SnapshotBuilder::calendar(const Station& station) {
    // Parsing the holiday file is the one costly part of a snapshot; do it when it changes.
    if (!calendarKey_ || *calendarKey_ != station.holidayFile) {
        calendar_ = StationStore::calendar(station);
        calendarKey_ = station.holidayFile;
    }
    return calendar_;
}

Snapshot SnapshotBuilder::build(std::optional<std::int64_t> sessionId, const std::string& contact,
                                TimePoint at) {
    const auto started = std::chrono::steady_clock::now();
    Snapshot s;
    s.builtAt = at;
    s.databasePath = db_.path().string();
    s.actor = actor_;
    s.station = StationStore(db_).current(actor_);
    s.clock = clockFor(s.station.timeZone, at);

    SessionStore sessions(db_);
    SessionListFilter filter;
    filter.limit = 40;
    for (const Session& x : sessions.list(filter)) {
        s.sessions.push_back(
            {x.id, x.programmeTitle, x.topic, x.status, x.scheduledStart, x.plannedLength});
    }

    QuestionStore questions(db_);
    if (sessionId) {
        try {
            s.session = sessions.get(*sessionId);
        } catch (const NotFoundError&) {
            s.session.reset();
        }
    }
    if (s.session) {
        s.questions = questions.list(s.session->id);
        std::sort(s.questions.begin(), s.questions.end(),
                  [](const Question& a, const Question& b) { return a.number < b.number; });
        indexQuestions(s);

        std::unordered_map<std::int64_t, int> numbers;
        for (const Question& q : s.questions)
            numbers[q.id] = q.number;
        const WorkingCalendar& cal = calendar(s.station);
        RequestStore requests(db_, s.station, cal);
        RequestListFilter rf;
        rf.sessionId = s.session->id;
        const Day today = localDay(at, s.station.timeZone);
        for (InfoRequest& r : requests.list(rf, at)) {
            RequestRow row;
            row.overdue = requests.isOverdue(r, at);
            row.workingDaysLeft = r.dueDate >= today ? cal.workingDaysBetween(today, r.dueDate)
                                                     : -cal.workingDaysBetween(r.dueDate, today);
            if (r.questionId) {
                auto it = numbers.find(*r.questionId);
                if (it != numbers.end()) row.questionNumber = it->second;
            }
            row.request = std::move(r);
            s.requests.push_back(std::move(row));
        }
        s.report = SessionReport::figures(db_, requests, s.session->id, at);
    }
    if (!contact.empty()) {
        s.contactQuery = contact;
        s.contactHistory = questions.byContact(contact);
    }
    s.buildTime = std::chrono::duration_cast<Duration>(std::chrono::steady_clock::now() - started);
    return s;
}

}  // namespace ds::ui
