#pragma once
// The plain data every window draws from: one consistent picture of the database, built on the
// database worker (SnapshotBuilder) and handed to the frame loop whole. Windows never query the
// database; per-frame figures (the rundown clock) are computed from this and the current time.
//
// Index lists (incoming, approved, closed) point into `questions` and are prepared by the
// builder, so a frame with 5,000 questions does no sorting or filtering.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "studio/InfoRequest.h"
#include "studio/Pasal11Figures.h"
#include "studio/Question.h"
#include "studio/Session.h"
#include "studio/Station.h"
#include "studio/Time.h"

namespace ds::ui {

// The station's wall clock without a time-zone database in the frame loop: Indonesian zones
// have no daylight saving, and the worker refreshes the offset with every snapshot anyway.
struct LocalClock {
    std::string timeZone = "Asia/Jakarta";
    std::string abbrev = "WIB";
    Duration offset{std::chrono::hours(7)};

    // "09:41:07" (seconds) or "09:41".
    std::string time(TimePoint t, bool seconds = true) const;
    // "2026-11-26"
    std::string date(TimePoint t) const;
};

struct SessionSummary {
    std::int64_t id = 0;
    std::string programmeTitle;
    std::string topic;
    std::string status;
    TimePoint scheduledStart{};
    Duration plannedLength{0};
};

struct RequestRow {
    InfoRequest request;
    bool overdue = false;
    int workingDaysLeft = 0;  // until the due date, from today on the station's calendar
    int questionNumber = 0;   // the listener question it came from, 0 if entered directly
};

// SOP 000 Pasal 11, the figures SessionReport computes (the same the report exports).
using ReportFigures = Pasal11Figures;

struct Snapshot {
    std::uint64_t generation = 0;  // 0: nothing loaded yet
    TimePoint builtAt{};
    Duration buildTime{0};  // how long the worker took (shown in the status bar, benchmarked)
    std::string databasePath;
    std::string actor;
    std::string error;  // the database could not be read (busy, missing): shown, not hidden

    Station station;
    LocalClock clock;

    std::optional<Session> session;        // the open session, with rundown, officers, guests
    std::vector<SessionSummary> sessions;  // recent and coming sessions, for the picker

    std::vector<Question> questions;  // the open session's, by number (steps not loaded)
    std::vector<int> incoming;        // new and screened, oldest first
    std::vector<int> approved;        // the producer's order
    std::vector<int> closed;          // answered, rejected, merged, deferred, newest first
    int onAir = -1;                   // the question on air, if any

    std::vector<RequestRow> requests;  // the open session's information requests
    ReportFigures report;

    std::string contactQuery;              // LookupContact's contact
    std::vector<Question> contactHistory;  // earlier questions from it, any session, newest first

    const Question* question(std::int64_t id) const;
    const Question* byNumber(int number) const;
    const Question* onAirQuestion() const { return onAir >= 0 ? &questions[onAir] : nullptr; }
    const RequestRow* request(std::int64_t id) const;
    bool live() const { return session && session->status == "live"; }
};

// Sorts `questions` into the index lists (the builder and tests use it).
void indexQuestions(Snapshot& s);

}  // namespace ds::ui
