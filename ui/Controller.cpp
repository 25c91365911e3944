#include "ui/Controller.h"

#include <functional>

#include <fmt/format.h>

#include "studio/Database.h"
#include "studio/Demo.h"
#include "studio/Errors.h"
#include "studio/IntakeService.h"
#include "studio/PersonalDataPolicy.h"
#include "studio/QuestionStore.h"
#include "studio/RecordingMarkers.h"
#include "studio/RecordingStore.h"
#include "studio/RequestStore.h"
#include "studio/SessionStore.h"
#include "studio/StationStore.h"
#include "ui/RecordKeeping.h"
#include "ui/RecordingControl.h"
#include "ui/Translations.h"

namespace ds::ui {

namespace {

RecordingTarget targetOf(const Session& s, const std::string& actor) {
    return {s.id, s.programmeTitle + " — " + s.topic, s.plannedLength, actor};
}

}  // namespace

Controller::Controller(Database& db, std::string actor, RecordingControl& recording)
    : db_(db), actor_(std::move(actor)), recording_(recording) {}

void Controller::refreshStation() {
    station_ = StationStore(db_).current(actor_);
    // The word list and calendar are parsed once per station setting, not for every question.
    std::string key = station_.toJson().dump();
    if (!intake_ || stationKey_ != key) {
        intake_ = std::make_unique<IntakeService>(db_);
        stationKey_ = std::move(key);
    }
}

// One overload per database command. Each returns the outcome's message and subject; the
// stores throw for anything the record does not allow.
struct Controller::Applier {
    Controller& c;
    Outcome& out;

    SessionStore sessions() { return SessionStore(c.db_); }
    QuestionStore questions() { return QuestionStore(c.db_); }
    RequestStore requests() {
        c.refreshStation();
        return RequestStore(c.db_, c.station_, StationStore::calendar(c.station_));
    }
    // Markers never undo what the record already holds: a failing recorder is reported, the
    // segment stays taken.
    void marker(const std::function<void()>& fn) {
        try {
            fn();
        } catch (const std::exception& e) {
            out.message += " " + fmtTx(Tx::MarkerFailed, e.what());
        }
    }

    void operator()(const cmd::StartSession& x) {
        sessions().start(x.sessionId, false, c.actor_);
        out.subjectId = x.sessionId;
        out.message = tr(Tx::OkSessionStarted);
    }
    void operator()(const cmd::TakeNext& x) {
        Session s = sessions().next(x.sessionId, c.actor_);
        out.subjectId = x.sessionId;
        for (const Segment& seg : s.segments) {
            if (seg.actualStart && !seg.actualEnd) out.message = fmtTx(Tx::OkTakeNext, seg.title);
        }
    }
    void operator()(const cmd::GoBack& x) {
        sessions().back(x.sessionId, c.actor_);
        out.subjectId = x.sessionId;
        out.message = tr(Tx::OkGoBack);
    }
    void operator()(const cmd::ToggleHold& x) {
        Session s = sessions().hold(x.sessionId, c.actor_);
        out.subjectId = x.sessionId;
        bool held = false;
        for (const Segment& seg : s.segments)
            held = held || (seg.actualStart && !seg.actualEnd && seg.holdSince);
        out.message = tr(held ? Tx::OkHeld : Tx::OkResumed);
    }
    void operator()(const cmd::EndSession& x) {
        sessions().end(x.sessionId, c.actor_);
        out.subjectId = x.sessionId;
        out.message = tr(Tx::OkSessionEnded);
    }
    void operator()(const cmd::PutOnAir& x) {
        Question q = questions().onAir(x.questionId, c.actor_);
        out.subjectId = q.id;
        out.message = fmtTx(Tx::OkOnAir, q.number);
    }
    void operator()(const cmd::MarkAnswered& x) {
        Question q = questions().answered(x.questionId, c.actor_);
        out.subjectId = q.id;
        out.message = fmtTx(Tx::OkAnswered, q.number);
    }
    void operator()(const cmd::MoveQuestion& x) {
        Question q = questions().move(x.questionId, x.position, c.actor_);
        out.subjectId = q.id;
        out.message = fmtTx(Tx::OkMoved, q.number, x.position);
    }
    void operator()(const cmd::AddQuestion& x) {
        c.refreshStation();
        Question q = c.intake_->receive(x.question, c.actor_);
        out.subjectId = q.id;
        out.message = fmtTx(Tx::OkQuestionAdded, q.number);
    }
    void operator()(const cmd::ScreenQuestion& x) {
        Question q = questions().screen(x.questionId, x.note, c.actor_);
        out.subjectId = q.id;
        out.message = fmtTx(Tx::OkScreened, q.number);
    }
    void operator()(const cmd::ApproveQuestion& x) {
        Question q = questions().approve(x.questionId, c.actor_);
        out.subjectId = q.id;
        out.message = fmtTx(Tx::OkApproved, q.number, q.queuePos.value_or(0));
    }
    void operator()(const cmd::RejectQuestion& x) {
        Question q = questions().reject(x.questionId, x.reason, c.actor_);
        out.subjectId = q.id;
        out.message = fmtTx(Tx::OkRejected, q.number);
    }
    void operator()(const cmd::MergeQuestion& x) {
        QuestionStore store = questions();
        Question q = store.merge(x.questionId, x.into, c.actor_);
        out.subjectId = q.id;
        out.message = fmtTx(Tx::OkMerged, q.number, store.get(x.into).number);
    }
    void operator()(const cmd::DeferQuestion& x) {
        Question q = questions().defer(x.questionId, x.reason, c.actor_);
        out.subjectId = q.id;
        out.message = fmtTx(Tx::OkDeferred, q.number);
    }
    void operator()(const cmd::LookupContact& x) {
        c.contact_ = x.contact;
        out.message.clear();
    }
    void operator()(const cmd::DecideRequest& x) {
        InfoRequest r = requests().decide(x.requestId, x.decision, c.actor_);
        out.subjectId = r.id;
        out.message = fmtTx(Tx::OkDecided, r.registrationNumber);
    }
    void operator()(const cmd::ExtendRequest& x) {
        InfoRequest r = requests().extend(x.requestId, x.reason, c.actor_);
        out.subjectId = r.id;
        out.message = fmtTx(Tx::OkExtended, r.registrationNumber, formatDay(r.dueDate));
    }
    void operator()(const cmd::EscalateRequest& x) {
        InfoRequest r = requests().escalate(x.requestId, x.reason, c.actor_);
        out.subjectId = r.id;
        out.message = fmtTx(Tx::OkEscalated, r.registrationNumber);
    }
    void operator()(const cmd::RecordLeadership& x) {
        InfoRequest r = requests().leadership(x.requestId, x.decidedBy, x.decision, std::nullopt,
                                              x.note, c.actor_);
        out.subjectId = r.id;
        out.message = fmtTx(Tx::OkLeadership, r.registrationNumber);
    }
    void operator()(const cmd::SignSession& x) {
        RecordKeeping::sign(c.db_, x.sessionId, {x.name, x.nrp}, c.actor_);
        out.subjectId = x.sessionId;
        out.message = tr(Tx::OkSigned);
    }
    void operator()(const cmd::ArmRecording& x) {
        c.recording_.arm(c.db_, targetOf(sessions().get(x.sessionId), c.actor_));
        out.message = tr(Tx::OkArmed);
    }
    void operator()(const cmd::StartRecording& x) {
        Session s = sessions().get(x.sessionId);
        c.recording_.start(c.db_, targetOf(s, c.actor_));
        out.message = tr(Tx::OkRecording);
        // The recording starts mid-segment: mark where it is.
        marker([&] { RecordingMarkers::markRunningSegment(c.db_, x.sessionId, c.actor_); });
    }
    void operator()(const cmd::StopRecording&) {
        c.recording_.stop(c.db_, c.actor_);
        out.message = tr(Tx::OkStopped);
    }
    void operator()(const cmd::AddMarker& x) {
        // As `marker add` does: studio places it at the live recording's position, and the
        // recorder writes the record's markers into the file when it closes.
        RecordingStore(c.db_).addMarker(x.sessionId, "manual", x.label, now(), std::nullopt,
                                        std::nullopt, c.actor_);
        out.message = tr(Tx::OkMarker);
    }
    void operator()(const cmd::SetAudioDevice& x) {
        c.refreshStation();
        Station changed = c.station_;
        changed.audioDevice = x.device;
        StationStore(c.db_).update(changed, c.actor_);
        c.refreshStation();
        out.message = fmtTx(Tx::OkDevice, x.device.empty() ? tr(Tx::DeviceDefault) : x.device);
    }
    void operator()(const cmd::OpenSession& x) {
        sessions().get(x.sessionId);  // NotFoundError for an unknown id
        c.sessionId_ = x.sessionId;
        out.subjectId = x.sessionId;
        out.message.clear();
    }
    void operator()(const cmd::CreateDemoSession&) {
        std::int64_t id = Demo::create(c.db_, c.actor_);
        c.sessionId_ = id;
        out.subjectId = id;
        out.message = fmtTx(Tx::OkDemo, id);
    }
};

Outcome Controller::apply(const DatabaseCommand& command) {
    Outcome out;
    out.command = databaseCommandName(command);
    if (const auto* add = std::get_if<cmd::AddQuestion>(&command)) out.ticket = add->formTicket;
    try {
        std::visit(Applier{*this, out}, command);
    } catch (const BusyError& e) {
        out.ok = false;
        out.message = fmtTx(Tx::ErrBusy, e.what());
    } catch (const std::exception& e) {
        out.ok = false;
        out.message = e.what();
    }
    return out;
}

}  // namespace ds::ui
