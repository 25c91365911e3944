#pragma once
// Intake and screening of listener questions. Each step checks the status it may follow,
// records who did it and when, and writes one journal row in the same transaction.
#include <optional>
#include <string>
#include <vector>

#include "studio/Question.h"

namespace ds {

class Database;

class QuestionStore {
  public:
    // New questions enter through IntakeService, which owns the rules of intake.
    explicit QuestionStore(Database& db) : db_(db) {}

    Question get(std::int64_t id);
    // The question, or UserError unless it belongs to the session.
    Question getInSession(std::int64_t id, std::int64_t sessionId);
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

    // Moves an approved question to position `position` (1 = next) in the approved queue.
    Question move(std::int64_t id, int position, const std::string& actor);

  private:
    friend class IntakeService;
    // Stores a question IntakeService has validated; the caller holds the transaction.
    Question insert(const Question& q, const std::string& actor);
    Question transition(std::int64_t id, const std::vector<std::string>& from,
                        const std::string& to, const std::string& note, const std::string& actor);
    void renumberQueue(std::int64_t sessionId);

    Database& db_;
};

}  // namespace ds
