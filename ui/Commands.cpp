#include "ui/Commands.h"

namespace ds::ui {

namespace {

struct Namer {
    const char* operator()(const cmd::StartSession&) const { return "StartSession"; }
    const char* operator()(const cmd::TakeNext&) const { return "TakeNext"; }
    const char* operator()(const cmd::GoBack&) const { return "GoBack"; }
    const char* operator()(const cmd::ToggleHold&) const { return "ToggleHold"; }
    const char* operator()(const cmd::EndSession&) const { return "EndSession"; }
    const char* operator()(const cmd::PutOnAir&) const { return "PutOnAir"; }
    const char* operator()(const cmd::MarkAnswered&) const { return "MarkAnswered"; }
    const char* operator()(const cmd::MoveQuestion&) const { return "MoveQuestion"; }
    const char* operator()(const cmd::AddQuestion&) const { return "AddQuestion"; }
    const char* operator()(const cmd::ScreenQuestion&) const { return "ScreenQuestion"; }
    const char* operator()(const cmd::ApproveQuestion&) const { return "ApproveQuestion"; }
    const char* operator()(const cmd::RejectQuestion&) const { return "RejectQuestion"; }
    const char* operator()(const cmd::MergeQuestion&) const { return "MergeQuestion"; }
    const char* operator()(const cmd::DeferQuestion&) const { return "DeferQuestion"; }
    const char* operator()(const cmd::LookupContact&) const { return "LookupContact"; }
    const char* operator()(const cmd::DecideRequest&) const { return "DecideRequest"; }
    const char* operator()(const cmd::ExtendRequest&) const { return "ExtendRequest"; }
    const char* operator()(const cmd::EscalateRequest&) const { return "EscalateRequest"; }
    const char* operator()(const cmd::RecordLeadership&) const { return "RecordLeadership"; }
    const char* operator()(const cmd::SignSession&) const { return "SignSession"; }
    const char* operator()(const cmd::ArmRecording&) const { return "ArmRecording"; }
    const char* operator()(const cmd::StartRecording&) const { return "StartRecording"; }
    const char* operator()(const cmd::StopRecording&) const { return "StopRecording"; }
    const char* operator()(const cmd::AddMarker&) const { return "AddMarker"; }
    const char* operator()(const cmd::SetAudioDevice&) const { return "SetAudioDevice"; }
    const char* operator()(const cmd::OpenSession&) const { return "OpenSession"; }
    const char* operator()(const cmd::CreateDemoSession&) const { return "CreateDemoSession"; }
    const char* operator()(const cmd::ExportSession&) const { return "ExportSession"; }
    const char* operator()(const cmd::SetLanguage&) const { return "SetLanguage"; }
    const char* operator()(const cmd::SetScale&) const { return "SetScale"; }
    const char* operator()(const cmd::SetGuestMessage&) const { return "SetGuestMessage"; }
    const char* operator()(const cmd::ShowGuestWindow&) const { return "ShowGuestWindow"; }
    const char* operator()(const cmd::ToggleGuestFullscreen&) const {
        return "ToggleGuestFullscreen";
    }
    const char* operator()(const cmd::FocusWindow&) const { return "FocusWindow"; }
    const char* operator()(const cmd::ApplyLayout&) const { return "ApplyLayout"; }
    const char* operator()(const cmd::CancelJob&) const { return "CancelJob"; }
    const char* operator()(const cmd::SaveScreenshots&) const { return "SaveScreenshots"; }
    const char* operator()(const cmd::ScanDevices&) const { return "ScanDevices"; }
    const char* operator()(const cmd::Quit&) const { return "Quit"; }
};

}  // namespace

bool isDatabaseCommand(const Command& c) {
    return std::visit([](const auto& x) { return kIsDatabaseCommand<std::decay_t<decltype(x)>>; },
                      c);
}

const char* commandName(const Command& c) {
    return std::visit(Namer{}, c);
}

const char* databaseCommandName(const DatabaseCommand& c) {
    return std::visit(Namer{}, c);
}

}  // namespace ds::ui
