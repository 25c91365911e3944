#pragma once
// Complaints and problem reports from the air, followed up to the end (SOP 003, SOP 004).
// Each step checks the status it may follow, keeps who did it and when, and writes one journal
// row ("complaint.mark", ".forward", ".follow_up", ".close", ".letter") in the same transaction.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "studio/Complaint.h"
#include "studio/Station.h"
#include "studio/WorkingCalendar.h"

namespace ds {

class Database;

struct ComplaintFilter {
    std::optional<std::int64_t> sessionId{};
    std::optional<ComplaintStatus> status{};
    std::string unitName{};
    std::optional<TimePoint> from{}, to{};  // the question's receipt, [from, to)
};

struct ComplaintLetter {
    std::int64_t id = 0;
    std::string number;  // "B/0003/KLH-BKL/XI/2026"
    std::string unitName;
    TimePoint createdAt{};
    std::string createdBy;
    std::vector<Complaint> complaints;
};

class ComplaintStore {
  public:
    static constexpr int kDefaultDueWorkingDays = 5;

    ComplaintStore(Database& db, Station station, WorkingCalendar calendar)
        : db_(db), station_(std::move(station)), calendar_(std::move(calendar)) {}

    // Marks question `questionId` as a complaint of `kind` about `topic` in an area; marking
    // it again corrects kind, topic and area while it is not yet forwarded.
    Complaint mark(std::int64_t questionId, ComplaintKind kind, const std::string& topic,
                   const std::string& kelurahan, const std::string& kecamatan,
                   const std::string& actor);
    // Forwards to one of the station's units. Due `due`, else the station's working days after
    // the day of forwarding. shareContact: the unit gets the caller's contact (to call back).
    Complaint forward(std::int64_t id, const std::string& unitName, std::optional<Day> due,
                      bool shareContact, const std::string& note, std::optional<TimePoint> at,
                      const std::string& actor);
    // The unit's answer and action, and which of the three pillars took part.
    Complaint followUp(std::int64_t id, const std::string& answer, const std::string& action,
                       const std::vector<Pillar>& pillars, std::optional<TimePoint> at,
                       const std::string& actor);
    // Closes it: how the caller was told, and on which day.
    Complaint close(std::int64_t id, CallerInformed informed, std::optional<Day> informedOn,
                    std::optional<TimePoint> at, const std::string& actor);

    Complaint get(std::int64_t id);
    std::optional<Complaint> forQuestion(std::int64_t questionId);
    std::vector<Complaint> list(const ComplaintFilter& filter);
    // Forwarded, not yet acted on, past the due date on the station's calendar day of asOf.
    std::vector<Complaint> overdue(TimePoint asOf);
    bool isOverdue(const Complaint& c, TimePoint asOf) const;

    // A forwarding letter to `unitName` for its forwarded complaints that have none yet; the
    // number is allocated and the complaints tied to it in one transaction, journalled with
    // the complaints whose contact the unit receives.
    ComplaintLetter createLetter(const std::string& unitName, const std::string& actor);
    ComplaintLetter letter(const std::string& number);

    int dueWorkingDays();
    void setDueWorkingDays(int days, const std::string& actor);

    const Station& station() const { return station_; }
    const WorkingCalendar& calendar() const { return calendar_; }

  private:
    Complaint update(const Complaint& before, const std::string& action, const std::string& actor);
    TimePoint checkedTime(std::optional<TimePoint> at, TimePoint notBefore, const char* field);

    Database& db_;
    Station station_;
    WorkingCalendar calendar_;
};

}  // namespace ds
