// `recordings list|show` and `recover`, and the registrar of all recordings/ commands.
#include "recordings/RecordingsCommands.h"

#include <cmath>
#include <cstdio>

#include <fmt/format.h>

#include "recordings/Archive.h"
#include "recordings/Recovery.h"
#include "studio/StudioCommands.h"

namespace ds {

void addRecordingsCommands(CommandTable& table) {
    table.add(recordings::addArchiveCommands);
    table.add(recordings::addRecoverCommand);
    table.add(recordings::addExportCommand);
}

namespace recordings {

std::string formatSeconds(double seconds) {
    if (!std::isfinite(seconds) || seconds < 0) return "-";
    const auto whole = static_cast<long long>(seconds);
    const int tenths = static_cast<int>((seconds - static_cast<double>(whole)) * 10.0);
    if (whole >= 3600)
        return fmt::format("{}:{:02}:{:02}", whole / 3600, whole / 60 % 60, whole % 60);
    return fmt::format("{}:{:02}.{}", whole / 60, whole % 60, tenths);
}

std::string formatBytes(std::uintmax_t bytes) {
    const double b = static_cast<double>(bytes);
    if (b >= 1e9) return fmt::format("{:.2f} GB", b / 1e9);
    if (b >= 1e6) return fmt::format("{:.1f} MB", b / 1e6);
    if (b >= 1e3) return fmt::format("{:.0f} KB", b / 1e3);
    return fmt::format("{} B", bytes);
}

std::string formatLufs(double lufs) {
    return std::isfinite(lufs) ? fmt::format("{:.1f} LUFS", lufs) : "-";
}

namespace {

std::string describeOutcome(const CommandContext& ctx, const RecoveryOutcome& o) {
    if (!o.error.empty())
        return fmt::format("{} {} ({} {}): {}: {}", ctx.t("rekaman", "recording"), o.recording.id,
                           ctx.t("sesi", "session"), o.recording.sessionId,
                           ctx.t("tidak dapat dipulihkan", "cannot be recovered"), o.error);
    return fmt::format(
        "{} {} ({} {}) {}: {} {}, {} {}{}", ctx.t("rekaman", "recording"), o.recording.id,
        ctx.t("sesi", "session"), o.recording.sessionId,
        ctx.t("terputus dan telah dipulihkan", "was interrupted and has been recovered"),
        formatSeconds(o.secondsOnDisk), ctx.t("di disk", "on disk"),
        fmt::format("{:.1f} s", o.secondsLost), ctx.t("hilang", "lost"),
        o.repair.modified ? "" : ctx.t(" (berkas sudah utuh)", " (the file was already whole)"));
}

}  // namespace

void recoverBeforeCommand(CommandContext& ctx) {
    for (const RecoveryOutcome& o : Recovery(ctx.db()).run(ctx.actor()))
        std::fprintf(stderr, "dialogstudio: %s\n", describeOutcome(ctx, o).c_str());
}

void addArchiveCommands(CLI::App& app, CommandContext& ctx) {
    CLI::App* group = app.add_subcommand("recordings", "The session recordings (arsip rekaman)");
    group->require_subcommand(1);
    struct Args {
        std::optional<std::int64_t> session;
        std::int64_t id = 0;
        bool cached = false;
    };
    auto a = std::make_shared<Args>();

    CLI::App* list = group->add_subcommand(
        "list", "Every recording (of one session) with format, length, size and loudness");
    list->add_option("SESSION", a->session, "Only this session's recordings");
    list->add_flag("--cached", a->cached,
                   "Show only loudness figures already measured (do not read whole files)");
    list->callback([&ctx, a] {
        recoverBeforeCommand(ctx);
        const auto infos = Archive(ctx.db()).list(a->session, !a->cached);
        nlohmann::json doc = nlohmann::json::array();
        for (const auto& i : infos) {
            nlohmann::json j = i.toJson();
            j.erase("markers");
            j["markers"] = i.markers.size();
            doc.push_back(j);
        }
        ctx.emit(doc, [&] {
            std::vector<std::vector<std::string>> rows;
            for (const auto& i : infos) {
                const std::string format =
                    i.container.empty() ? "-"
                                        : fmt::format("{} {} {}k {}ch", i.container, i.encoding,
                                                      i.sampleRate / 1000.0, i.channels);
                rows.push_back({std::to_string(i.recording.id),
                                std::to_string(i.recording.sessionId), i.recording.state, format,
                                i.exists ? formatSeconds(i.seconds) : "-",
                                i.exists ? formatBytes(i.bytes) : "-",
                                i.loudness ? formatLufs(i.loudness->integratedLufs) : "-",
                                std::to_string(i.markers.size()),
                                i.problem.empty() ? i.recording.path
                                                  : i.recording.path + " (" + i.problem + ")"});
            }
            cli::printTable({"ID", ctx.t("Sesi", "Session"), "Status", "Format",
                             ctx.t("Durasi", "Length"), ctx.t("Ukuran", "Size"), "Loudness",
                             ctx.t("Marker", "Markers"), ctx.t("Berkas", "File")},
                            rows);
        });
    });

    CLI::App* show =
        group->add_subcommand("show", "One recording: file, length, loudness and markers");
    show->add_option("ID", a->id, "Recording id (see `recordings list`)")->required();
    show->callback([&ctx, a] {
        recoverBeforeCommand(ctx);
        const RecordingInfo i = Archive(ctx.db()).show(a->id);
        ctx.emit(i.toJson(), [&] {
            const Recording& r = i.recording;
            fmt::print("{} {} — {} {}\n", ctx.t("Rekaman", "Recording"), r.id,
                       ctx.t("sesi", "session"), r.sessionId);
            fmt::print("{}: {}\n", ctx.t("Berkas", "File"), r.path);
            if (!i.problem.empty()) fmt::print("  ({})\n", i.problem);
            if (!i.container.empty())
                fmt::print("Format: {}, {}, {} Hz, {} {}\n", i.container, i.encoding, i.sampleRate,
                           i.channels, ctx.t("kanal", "channels"));
            fmt::print("Status: {}   {}: {}   {}: {}\n", r.state, ctx.t("Durasi", "Length"),
                       formatSeconds(i.seconds), ctx.t("Ukuran", "Size"), formatBytes(i.bytes));
            if (!r.note.empty()) fmt::print("{}: {}\n", ctx.t("Catatan", "Note"), r.note);
            if (i.loudness)
                fmt::print("Loudness: {}, LRA {:.1f} LU, true peak {:.1f} dBTP, {} {:.1f} dBFS\n",
                           formatLufs(i.loudness->integratedLufs), i.loudness->rangeLu,
                           i.loudness->truePeakDbtp, ctx.t("puncak sampel", "sample peak"),
                           i.loudness->samplePeakDbfs);
            fmt::print("{} ({}):\n", ctx.t("Marker", "Markers"), i.markers.size());
            for (const Marker& m : i.markers) {
                const std::string at =
                    m.samplePos && i.sampleRate > 0
                        ? formatSeconds(static_cast<double>(*m.samplePos) / i.sampleRate)
                        : "-";
                fmt::print("  {:>9}  {:<8}  {}\n", at, m.kind, m.label);
            }
        });
    });
}

void addRecoverCommand(CLI::App& app, CommandContext& ctx) {
    auto dryRun = std::make_shared<bool>(false);
    CLI::App* cmd = app.add_subcommand(
        "recover",
        "Repair recordings whose recorder died (sizes, torn frame, cue points) and journal "
        "what was recovered");
    cmd->add_flag("--dry-run", *dryRun, "Say what would be repaired; change nothing");
    cmd->callback([&ctx, dryRun] {
        const auto outcomes = Recovery(ctx.db()).run(ctx.actor(), *dryRun);
        nlohmann::json doc = nlohmann::json::array();
        for (const auto& o : outcomes)
            doc.push_back(o.toJson());
        ctx.emit(doc, [&] {
            if (outcomes.empty())
                fmt::print("{}\n",
                           ctx.t("Tidak ada rekaman yang terputus.", "No interrupted recording."));
            for (const auto& o : outcomes) {
                fmt::print("{}\n", *dryRun && o.error.empty()
                                       ? fmt::format("{} {}: {} {}", ctx.t("Rekaman", "Recording"),
                                                     o.recording.id,
                                                     ctx.t("akan diperbaiki", "would be repaired"),
                                                     o.recording.path)
                                       : describeOutcome(ctx, o));
                for (const auto& action : o.repair.actions)
                    fmt::print("  - {}\n", action);
            }
        });
    });
}

}  // namespace recordings

}  // namespace ds
