#pragma once
// What the control room's windows ask for. Windows draw from a Snapshot and emit these plain
// structs; the database worker applies the database ones through the studio stores (Controller)
// and the frame loop applies the rest (language, scale, guest window). Because a command is
// plain data, "what does F8 do" is a unit test: draw the window with F8 pressed and look at the
// commands it emitted.
//
// Commands that act on a session or a question carry its id, so a command that was issued just
// before the producer switched sessions still acts on what the person saw.
#include <cstdint>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "studio/InfoRequest.h"
#include "studio/Question.h"

namespace ds::ui {

enum class Lang { Id, En };
enum class WindowId { Producer, Screener, Ppid, Guest, Sessions, Help };

namespace cmd {

// --- The live rundown (producer) ---
struct StartSession {
    std::int64_t sessionId = 0;
};
struct TakeNext {
    std::int64_t sessionId = 0;
};
struct GoBack {
    std::int64_t sessionId = 0;
};
struct ToggleHold {
    std::int64_t sessionId = 0;
};
struct EndSession {  // only after the producer confirmed
    std::int64_t sessionId = 0;
};

// --- The approved queue (producer) ---
struct PutOnAir {
    std::int64_t questionId = 0;
};
struct MarkAnswered {
    std::int64_t questionId = 0;
};
struct MoveQuestion {
    std::int64_t questionId = 0;
    int position = 0;  // 1 = next
};

// --- Intake and screening (screener) ---
struct AddQuestion {
    Question question;  // sessionId, channel, callerName, origin, contact, text, written,
                        // infoRequest, purpose
    std::uint64_t formTicket = 0;  // the form clears itself when this ticket succeeds
};
struct ScreenQuestion {
    std::int64_t questionId = 0;
    std::string note;
};
struct ApproveQuestion {
    std::int64_t questionId = 0;
};
struct RejectQuestion {
    std::int64_t questionId = 0;
    std::string reason;  // required
};
struct MergeQuestion {
    std::int64_t questionId = 0;
    std::int64_t into = 0;
};
struct DeferQuestion {
    std::int64_t questionId = 0;
    std::string reason;  // required
};
// The caller's earlier questions: the next snapshots carry the questions from this contact.
struct LookupContact {
    std::string contact;
};

// --- Information requests (PPID officer) ---
struct DecideRequest {
    std::int64_t requestId = 0;
    Decision decision;
};
struct ExtendRequest {
    std::int64_t requestId = 0;
    std::string reason;
};
struct EscalateRequest {
    std::int64_t requestId = 0;
    std::string reason;
};
struct RecordLeadership {
    std::int64_t requestId = 0;
    std::string decidedBy;
    std::string decision;  // release or withhold
    std::string note;
};
struct SignSession {  // the PPID officer signs; the record is then frozen
    std::int64_t sessionId = 0;
    std::string name;  // the signer as on the signature
    std::string nrp;   // NRP or NIP
};
struct ExportSession {  // a background job with progress and cancel
    std::int64_t sessionId = 0;
    std::string format;  // RecordKeeping::exportFormats() code
};

// --- Recording (through RecordingControl) ---
struct ArmRecording {
    std::int64_t sessionId = 0;
};
struct StartRecording {
    std::int64_t sessionId = 0;
};
struct StopRecording {  // only after the producer confirmed
    std::int64_t sessionId = 0;
};
struct AddMarker {
    std::int64_t sessionId = 0;
    std::string label;
};
struct SetAudioDevice {  // the station's capture device (name, index or file:PATH; empty: default)
    std::string device;
};
struct ScanDevices {};  // lists the capture devices again (a child process, off the frame loop)

// --- Sessions ---
struct OpenSession {
    std::int64_t sessionId = 0;
};
struct CreateDemoSession {};

// --- The frame loop's own (no database) ---
struct SetLanguage {
    Lang lang = Lang::Id;
};
struct SetScale {
    float scale = 1.0f;
};
struct SetGuestMessage {
    std::string text;
};
struct ShowGuestWindow {
    bool show = true;
};
struct ToggleGuestFullscreen {};
struct FocusWindow {
    WindowId window = WindowId::Producer;
};
struct ApplyLayout {
    int preset = 0;  // LayoutPreset
};
struct CancelJob {
    int jobId = 0;
};
struct SaveScreenshots {};
struct Quit {};

}  // namespace cmd

// Which worker applies a command is decided by its type: each command is in exactly one of
// these two lists. The database worker's Controller visits a DatabaseCommand and the frame loop
// a FrameLoopCommand, each with one overload per type and no catch-all, so a command added to
// a list without its handler does not compile.
using DatabaseCommand =
    std::variant<cmd::StartSession, cmd::TakeNext, cmd::GoBack, cmd::ToggleHold, cmd::EndSession,
                 cmd::PutOnAir, cmd::MarkAnswered, cmd::MoveQuestion, cmd::AddQuestion,
                 cmd::ScreenQuestion, cmd::ApproveQuestion, cmd::RejectQuestion, cmd::MergeQuestion,
                 cmd::DeferQuestion, cmd::LookupContact, cmd::DecideRequest, cmd::ExtendRequest,
                 cmd::EscalateRequest, cmd::RecordLeadership, cmd::SignSession, cmd::ArmRecording,
                 cmd::StartRecording, cmd::StopRecording, cmd::AddMarker, cmd::SetAudioDevice,
                 cmd::OpenSession, cmd::CreateDemoSession>;
using FrameLoopCommand =
    std::variant<cmd::ExportSession, cmd::SetLanguage, cmd::SetScale, cmd::SetGuestMessage,
                 cmd::ShowGuestWindow, cmd::ToggleGuestFullscreen, cmd::FocusWindow,
                 cmd::ApplyLayout, cmd::CancelJob, cmd::SaveScreenshots, cmd::ScanDevices,
                 cmd::Quit>;

namespace detail {
template <class... A, class... B>
std::variant<A..., B...> joined(const std::variant<A...>&, const std::variant<B...>&);
template <class T, class V>
inline constexpr bool kAlternativeOf = false;
template <class T, class... A>
inline constexpr bool kAlternativeOf<T, std::variant<A...>> = (std::is_same_v<T, A> || ...);
}  // namespace detail

// Any command a window emits.
using Command =
    decltype(detail::joined(std::declval<DatabaseCommand>(), std::declval<FrameLoopCommand>()));

template <class T>
inline constexpr bool kIsDatabaseCommand = detail::kAlternativeOf<T, DatabaseCommand>;

// Hands the command to `database` as a DatabaseCommand or to `frameLoop` as a
// FrameLoopCommand, by its type.
template <class ToDatabase, class ToFrameLoop>
void route(Command command, ToDatabase&& database, ToFrameLoop&& frameLoop) {
    std::visit(
        [&](auto&& c) {
            using T = std::decay_t<decltype(c)>;
            if constexpr (kIsDatabaseCommand<T>)
                database(DatabaseCommand(std::forward<decltype(c)>(c)));
            else
                frameLoop(FrameLoopCommand(std::forward<decltype(c)>(c)));
        },
        std::move(command));
}

// True for the commands the database worker applies.
bool isDatabaseCommand(const Command& c);
// "TakeNext", "PutOnAir"...: for outcomes, logs and test messages.
const char* commandName(const Command& c);
const char* databaseCommandName(const DatabaseCommand& c);

// What became of a database command, handed back to the frame loop.
struct Outcome {
    std::uint64_t ticket = 0;  // the command's ticket (AddQuestion::formTicket, else 0)
    std::string command;       // commandName()
    bool ok = true;
    std::string message;         // the error for people when !ok; a short confirmation otherwise
    std::int64_t subjectId = 0;  // the question, request or session it made or changed
};

// What a frame's windows emitted, in order.
using CommandList = std::vector<Command>;

}  // namespace ds::ui
