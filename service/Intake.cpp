#include "service/Intake.h"

#include "studio/QuestionStore.h"
#include "studio/RequestStore.h"
#include "studio/StationStore.h"

namespace ds::service {

struct Intake::Parts {
    Station station;
    RequestStore requests;
    QuestionStore questions;
    std::string actor;

    explicit Parts(Database& db)
        : station(StationStore(db).current("service")),
          requests(db, station, StationStore::calendar(station)),
          questions(db, StationStore::contentFilter(station), station.timeZone) {
        questions.onInformationRequest([this](const Question& q) {
            requests.openFromQuestion(q.id, Requester{}, q.purpose, actor);
        });
    }
};

Intake::Intake(Database& db) : parts_(std::make_unique<Parts>(db)) {}
Intake::~Intake() = default;

Question Intake::receive(const Question& q, const std::string& actor) {
    parts_->actor = actor;
    return parts_->questions.add(q, actor);
}

Question Intake::receiveInTransaction(const Question& q, const std::string& actor) {
    return receive(q, actor);  // QuestionStore::add nests as a savepoint
}

}  // namespace ds::service
