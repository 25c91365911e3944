#pragma once
// Intake and screening of listener questions. Each step checks the status it may follow,
// records who did it and when, and writes one journal row in the same transaction.
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "studio/ContentFilter.h"
#include "studio/Question.h"

namespace ds {

class Database;

struct ImportResult {
    int imported = 0;
    std::vector<std::int64_t> ids;
};

class QuestionStore {
  public:
    // timeZone: the station's, for local times in imported files.
    QuestionStore(Database& db, ContentFilter filter, std::string timeZone)
        : db_(db), filter_(std::move(filter)), timeZone_(std::move(timeZone)) {}

    // Called inside the adding transaction for every question marked as an information request,
    // so the request is registered at receipt together with the question, or not at all.
    void onInformationRequest(std::function<void(const Question&)> callback) {
        onInfoRequest_ = std::move(callback);
    }

    // Validates (channel, text rules and limits) and stores a new question; content flags
    // are computed here. receivedAt defaults to now.
    Question add(const Question& q, const std::string& actor);
    // Imports a CSV file of questions into a session, all or nothing. Columns: text (required);
    // channel, received_at, caller_name, origin, contact, written, topic, info_request, purpose.
    ImportResult importCsv(std::int64_t sessionId, const std::filesystem::path& file,
                           const std::string& actor);

    Question get(std::int64_t id);
    std::vector<Question> list(std::int64_t sessionId, std::optional<std::string> status = {});
    // Earlier questions from the same phone number or e-mail, in any session, newest first.
    std::vector<Question> byContact(const std::string& contact, std::int64_t excludeId = 0);

    Question screen(std::int64_t id, const std::string& note, const std::string& actor);
    Question approve(std::int64_t id, const std::string& actor);
    Question reject(std::int64_t id, const std::string& reason, const std::string& actor);
    Question merge(std::int64_t id, std::int64_t into, const std::string& actor);
    Question defer(std::int64_t id, const std::string& reason, const std::string& actor);
    Question onAir(std::int64_t id, const std::string& actor);
    Question answered(std::int64_t id, const std::string& actor);
    // The label of the marker set when a question goes on air: "Pertanyaan 3: <topic>".
    static std::string markerLabel(const Question& q);

    // Moves an approved question to position `position` (1 = next) in the approved queue.
    Question move(std::int64_t id, int position, const std::string& actor);

  private:
    Question validated(const Question& q, const std::string& where);
    Question insert(const Question& q, const std::string& actor);
    Question transition(std::int64_t id, const std::vector<std::string>& from,
                        const std::string& to, const std::string& note, const std::string& actor);
    void renumberQueue(std::int64_t sessionId);

    Database& db_;
    ContentFilter filter_;
    std::string timeZone_;
    std::function<void(const Question&)> onInfoRequest_;
};

}  // namespace ds
