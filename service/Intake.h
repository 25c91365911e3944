#pragma once
// The service's way into the record: questions typed at a screener seat and channel messages
// are received through the station's intake (the question and, when it asks for public
// information, its registered request, in one transaction).
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "studio/Question.h"

namespace ds {
class Database;
}

namespace ds::service {

class Intake {
  public:
    explicit Intake(Database& db);
    ~Intake();

    Question receive(const Question& q, const std::string& actor);
    // All in the caller's transaction (each in its own savepoint): used by group commit.
    Question receiveInTransaction(const Question& q, const std::string& actor);

  private:
    struct Parts;
    std::unique_ptr<Parts> parts_;
};

}  // namespace ds::service
