#pragma once
// Where channel messages arrive. Each message is recorded once by (channel, message id); when a
// session is live it becomes a question in that session at once, otherwise it waits until a
// screener attaches the waiting messages to the next session.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "service/ChannelMessage.h"
#include "studio/IntakeService.h"

namespace ds {
class Database;
}

namespace ds::service {

enum class DeliveryOutcome {
    Question,   // a new question in the live session
    Waiting,    // kept in the inbox: no session is live
    Duplicate,  // this message id was delivered before: nothing changed
    Rejected,   // the message breaks a text rule: nothing changed
};

struct Delivery {
    DeliveryOutcome outcome = DeliveryOutcome::Rejected;
    std::int64_t questionId = 0;
    std::string problem;  // for Rejected: which field and what is wrong
};

std::string_view outcomeCode(DeliveryOutcome outcome);

struct WaitingMessage {
    std::int64_t id = 0;
    ChannelMessage message;
    nlohmann::json toJson() const;
};

class Inbox {
  public:
    explicit Inbox(Database& db) : db_(db), intake_(db) {}

    // Checks one message against the text rules; throws InputError naming the field.
    static void validate(const ChannelMessage& m);

    // Delivers all messages in one transaction (one commit, one fsync), each in its own
    // savepoint so one bad message changes nothing and the others still go in.
    std::vector<Delivery> deliver(std::span<const ChannelMessage> messages,
                                  const std::string& actor);
    std::vector<WaitingMessage> waiting();
    // Makes every waiting message a question in the session; returns the questions' ids.
    std::vector<std::int64_t> attach(std::int64_t sessionId, const std::string& actor);
    // The live session, if any (the newest when, unusually, more than one is live).
    std::optional<std::int64_t> liveSession();

  private:
    Delivery deliverOne(const ChannelMessage& m, std::optional<std::int64_t> session,
                        const std::string& actor);
    std::int64_t makeQuestion(std::int64_t rowId, const ChannelMessage& m, std::int64_t sessionId,
                              const std::string& actor);

    Database& db_;
    IntakeService intake_;
};

}  // namespace ds::service
