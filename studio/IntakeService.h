#pragma once
// The one way a listener's question enters the record, for every caller: the command line,
// the control room, the demo, the studio service and its channels. It owns the rules of
// intake: text rules and limits, a phone number or e-mail address as the contact, the
// content flags (SOP 003/004 warnings, never a rejection), and the registration of the
// information request a question makes, at receipt and in the same transaction as the
// question (SOP 000 Pasal 6(4)), so no caller can store one without the other.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "studio/ContentFilter.h"
#include "studio/InfoRequest.h"
#include "studio/Question.h"
#include "studio/Station.h"
#include "studio/WorkingCalendar.h"

namespace ds {

class Database;

struct ImportResult {
    int imported = 0;
    std::vector<std::int64_t> ids;
};

class IntakeService {
  public:
    // Reads the station of the database, its working calendar and content word list.
    explicit IntakeService(Database& db);

    // Validates and stores one question (receivedAt defaults to now) in one transaction;
    // an information request is registered with it. Throws InputError/UserError naming the
    // field, and then nothing is stored.
    Question receive(const Question& q, const std::string& actor);
    // Many questions in one transaction (one commit, one fsync), all or nothing: every
    // question is validated before any is written, and a failure stores none.
    std::vector<Question> receiveAll(std::span<const Question> qs, const std::string& actor);
    // Imports a CSV file of questions into a session, all or nothing. Columns: text (required);
    // channel, received_at, caller_name, origin, contact, written, topic, info_request, purpose.
    ImportResult importCsv(std::int64_t sessionId, const std::filesystem::path& file,
                           const std::string& actor);

    // The request registered for a question, if it made one.
    std::optional<InfoRequest> requestFor(std::int64_t questionId);
    const Station& station() const { return station_; }

  private:
    Question validated(const Question& q, const std::string& where) const;
    Question store(const Question& q, const std::string& actor);

    Database& db_;
    Station station_;
    WorkingCalendar calendar_;
    ContentFilter filter_;
};

}  // namespace ds
