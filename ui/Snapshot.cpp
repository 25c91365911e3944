#include "ui/Snapshot.h"

#include <algorithm>
#include <cstdio>

namespace ds::ui {

namespace {

// Seconds since the epoch in local time, floored (works for instants before 1970 too).
std::int64_t localSeconds(TimePoint t, Duration offset) {
    const auto ms = (t + offset).time_since_epoch().count();
    return ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000);
}

}  // namespace

std::string LocalClock::time(TimePoint t, bool seconds) const {
    const std::int64_t s = localSeconds(t, offset);
    std::int64_t ofDay = s % 86400;
    if (ofDay < 0) ofDay += 86400;
    char buf[16];
    if (seconds) {
        std::snprintf(buf, sizeof buf, "%02d:%02d:%02d", int(ofDay / 3600), int(ofDay / 60 % 60),
                      int(ofDay % 60));
    } else {
        std::snprintf(buf, sizeof buf, "%02d:%02d", int(ofDay / 3600), int(ofDay / 60 % 60));
    }
    return buf;
}

std::string LocalClock::date(TimePoint t) const {
    const std::int64_t s = localSeconds(t, offset);
    const auto days = date::sys_days(date::days((s >= 0 ? s : s - 86399) / 86400));
    return formatDay(days);
}

const Question* Snapshot::question(std::int64_t id) const {
    for (const Question& q : questions) {
        if (q.id == id) return &q;
    }
    return nullptr;
}

const Question* Snapshot::byNumber(int number) const {
    for (const Question& q : questions) {
        if (q.number == number) return &q;
    }
    return nullptr;
}

const RequestRow* Snapshot::request(std::int64_t id) const {
    for (const RequestRow& r : requests) {
        if (r.request.id == id) return &r;
    }
    return nullptr;
}

void indexQuestions(Snapshot& s) {
    s.incoming.clear();
    s.approved.clear();
    s.closed.clear();
    s.onAir = -1;
    for (int i = 0; i < static_cast<int>(s.questions.size()); ++i) {
        const std::string& st = s.questions[i].status;
        if (st == "new" || st == "screened") {
            s.incoming.push_back(i);
        } else if (st == "approved") {
            s.approved.push_back(i);
        } else if (st == "on_air") {
            s.onAir = i;
        } else {
            s.closed.push_back(i);
        }
    }
    const auto byNumber = [&](int a, int b) {
        return s.questions[a].number < s.questions[b].number;
    };
    std::sort(s.incoming.begin(), s.incoming.end(), byNumber);
    std::sort(s.approved.begin(), s.approved.end(), [&](int a, int b) {
        const Question& qa = s.questions[a];
        const Question& qb = s.questions[b];
        return std::pair(qa.queuePos.value_or(1 << 30), qa.number) <
               std::pair(qb.queuePos.value_or(1 << 30), qb.number);
    });
    std::sort(s.closed.begin(), s.closed.end(), [&](int a, int b) { return byNumber(b, a); });
}

}  // namespace ds::ui
