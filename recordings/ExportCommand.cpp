// `export SESSION --format mp3|m4a|opus|flac|mka [--preset web|social|archive]
//  [--loudness -16|-23|-14|off] [--clip segment:N|question:N [--in S] [--out S]] [--output FILE]`
//
// The export runs on an ExportJob worker; this thread prints progress on stderr and turns
// SIGINT/SIGTERM into cancel(), after which the job removes its FILE.part and the command fails
// with "export cancelled". The finished export is journalled (recording.export).
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>

#include <fmt/format.h>

#include "recordings/AudiogramWriter.h"
#include "recordings/ClipSpec.h"
#include "recordings/ExportJob.h"
#include "recordings/RecordingsCommands.h"
#include "recordings/SessionProgramme.h"
#include "studio/Errors.h"
#include "studio/Journal.h"
#include "studio/Transaction.h"

namespace ds::recordings {

namespace {

std::atomic<int> gSignal{0};
static_assert(std::atomic<int>::is_always_lock_free);

extern "C" void onSignal(int sig) {
    gSignal.store(sig, std::memory_order_release);
}

// Catches SIGINT and SIGTERM while it lives; the previous handlers come back afterwards.
class SignalCatcher {
  public:
    SignalCatcher() {
        gSignal.store(0);
        struct sigaction sa {};
        sa.sa_handler = onSignal;
        sigemptyset(&sa.sa_mask);
        sigaction(SIGINT, &sa, &oldInt_);
        sigaction(SIGTERM, &sa, &oldTerm_);
    }
    ~SignalCatcher() {
        sigaction(SIGINT, &oldInt_, nullptr);
        sigaction(SIGTERM, &oldTerm_, nullptr);
    }
    SignalCatcher(const SignalCatcher&) = delete;
    SignalCatcher& operator=(const SignalCatcher&) = delete;

  private:
    struct sigaction oldInt_ {};
    struct sigaction oldTerm_ {};
};

struct ExportArgs {
    std::int64_t session = 0;
    std::string format, preset = "web", loudness, ceiling, clip, in, out, fade, output;
    std::string size = "both";
    std::optional<std::int64_t> recording;
    bool overwrite = false;
    bool quiet = false;
};

ExportResult runWithProgress(const CommandContext& ctx, ExportPlan plan, bool quiet) {
    SignalCatcher signals;
    ExportJob job(std::move(plan));
    job.start();
    const bool tty = ::isatty(STDERR_FILENO) != 0;
    auto lastPhase = ExportControl::Phase::Waiting;
    int lastStep = -1;
    auto lastLine = std::chrono::steady_clock::now();
    bool cancelling = false;
    while (!job.waitFor(std::chrono::milliseconds(100))) {
        if (gSignal.load(std::memory_order_acquire) != 0 && !cancelling) {
            cancelling = true;
            job.cancel();
            std::fprintf(stderr, "%sdialogstudio: %s\n", tty ? "\n" : "",
                         ctx.t("membatalkan ekspor...", "cancelling the export..."));
        }
        if (quiet || cancelling) continue;
        const auto phase = job.phase();
        const int step = static_cast<int>(job.progress() * 100.0);
        const auto now = std::chrono::steady_clock::now();
        // Non-terminals (logs, CI, a program watching) get a line per phase, per 10 % and at
        // least once a second, so a slow phase (a long programme, a busy machine) never looks
        // like a hang.
        if (tty) {
            if (step != lastStep || phase != lastPhase)
                std::fprintf(stderr, "\rexport: %-22s %3d%%", ExportControl::phaseName(phase),
                             step);
        } else if (phase != lastPhase || step / 10 != lastStep / 10 ||
                   now - lastLine >= std::chrono::seconds(1)) {
            std::fprintf(stderr, "export: %s %d%%\n", ExportControl::phaseName(phase), step);
            lastLine = now;
        }
        std::fflush(stderr);
        lastPhase = phase;
        lastStep = step;
    }
    if (tty && !quiet && !cancelling) std::fprintf(stderr, "\rexport: %-22s 100%%\n", "done");
    return job.result();
}

// The audiogram's frame sizes: square for feeds, portrait for stories and reels.
std::vector<std::pair<int, int>> videoSizes(const std::string& text, bool video) {
    if (!video) {
        if (text != "both") throw UserError("--size applies to --format mp4");
        return {};
    }
    if (text == "both") return {{1080, 1080}, {1080, 1920}};
    if (text == "1080x1080" || text == "square") return {{1080, 1080}};
    if (text == "1080x1920" || text == "portrait") return {{1080, 1920}};
    throw UserError(fmt::format("--size {}: use 1080x1080, 1080x1920 or both", text));
}

void printResult(const CommandContext& ctx, const ExportResult& r) {
    fmt::print("{}: {}\n", ctx.t("Ekspor selesai", "Export finished"), r.output.string());
    fmt::print("  {}, {} Hz, {} {}, {}, {}\n", r.description, r.sampleRate, r.channels,
               ctx.t("kanal", "channels"), formatSeconds(r.seconds), formatBytes(r.bytes));
    if (!r.chapters.empty()) {
        fmt::print("  {} ({}):\n", ctx.t("Bab", "Chapters"), r.chapters.size());
        for (const Chapter& c : r.chapters)
            fmt::print("    {:>9}  {}\n",
                       formatSeconds(static_cast<double>(c.startFrame) / r.sourceRate), c.title);
    }
    if (r.target && r.before && r.after) {
        fmt::print(
            "  Loudness: {} {} (true peak {:.1f} dBTP) -> {} {} (true peak {:.1f} dBTP); "
            "{} {:.1f} LUFS / {:.1f} dBTP\n",
            ctx.t("sebelum", "before"), formatLufs(r.before->integratedLufs),
            r.before->truePeakDbtp, ctx.t("sesudah", "after"), formatLufs(r.after->integratedLufs),
            r.after->truePeakDbtp, ctx.t("target", "target"), r.target->lufs,
            r.target->ceilingDbtp);
        fmt::print("  Gain {:+.1f} dB, limiter {:.1f} dB\n", r.gainDb, r.limiterReductionDb);
    }
    for (const auto& w : r.warnings)
        fmt::print("  {}: {}\n", ctx.t("Perhatian", "Warning"), w);
}

}  // namespace

void addExportCommand(CLI::App& app, CommandContext& ctx) {
    auto a = std::make_shared<ExportArgs>();
    CLI::App* cmd = app.add_subcommand(
        "export",
        "Export a session's recording (or a clip of it) for publication: MP3, M4A, Opus, FLAC "
        "or Matroska, with metadata, chapters from the markers and normalised loudness");
    cmd->add_option("SESSION", a->session, "Session id")->required();
    cmd->add_option("--format", a->format,
                    "mp3, m4a (AAC), opus (Ogg Opus), flac, mka, or mp4 (audiogram video for "
                    "social media: H.264 + AAC)")
        ->required();
    cmd->add_option("--size", a->size,
                    "mp4 only: 1080x1080 (square), 1080x1920 (portrait) or both (default; "
                    "two files named with their size)");
    cmd->add_option("--preset", a->preset,
                    "web (-16 LUFS), social (-14 LUFS) or archive (levels untouched, higher "
                    "quality); default web");
    cmd->add_option("--loudness", a->loudness,
                    "Loudness target in LUFS: -16 (web, podcast), -23 (EBU R128), -14 (social), "
                    "or off; default: the preset's");
    cmd->add_option("--ceiling", a->ceiling, "True-peak ceiling in dBTP (default -1)");
    cmd->add_option("--clip", a->clip,
                    "Only segment:N (the N-th rundown segment) or question:N (Pertanyaan N and "
                    "its answer)");
    cmd->add_option("--in", a->in, "Move the clip's start by seconds (-2: two seconds earlier)");
    cmd->add_option("--out", a->out, "Move the clip's end by seconds (+3: three seconds later)");
    cmd->add_option("--fade", a->fade, "Fade in and out of a clip, seconds (default 0.25)");
    cmd->add_option("--recording", a->recording,
                    "Export only this recording of the session (default: all its finished "
                    "recordings, joined)");
    cmd->add_option("--output", a->output,
                    "Output file (default: beside the recording, e.g. programme-web.mp3)");
    cmd->add_flag("--overwrite", a->overwrite, "Replace the output file if it exists");
    cmd->add_flag("--quiet", a->quiet, "No progress on stderr");
    cmd->callback([&ctx, a] {
        ExportPlan plan;
        // The audiogram is the M4A export of the same range with a video made around it.
        const bool video = a->format == "mp4";
        std::vector<std::pair<int, int>> sizes = videoSizes(a->size, video);
        plan.settings = ExportSettings::forPreset(
            video ? ExportFormat::M4a : parseExportFormat(a->format), parseExportPreset(a->preset));
        if (!a->loudness.empty()) {
            const auto lufs = parseLoudness(a->loudness);
            if (lufs)
                plan.settings.loudness = LoudnessTarget{*lufs, -1.0};
            else
                plan.settings.loudness.reset();
        }
        if (!a->ceiling.empty()) {
            const double c = parseSeconds(a->ceiling, "--ceiling");
            if (c > 0.0 || c < -12.0)
                throw UserError(
                    fmt::format("--ceiling {} is not a true-peak ceiling: give a "
                                "level from -12 to 0 dBTP",
                                a->ceiling));
            if (!plan.settings.loudness)
                throw UserError("--ceiling needs a loudness target (--loudness)");
            plan.settings.loudness->ceilingDbtp = c;
        }
        std::optional<ClipSpec> clip;
        if (!a->clip.empty()) {
            clip = ClipSpec::parse(a->clip);
            if (!a->in.empty()) clip->inSeconds = parseSeconds(a->in, "--in");
            if (!a->out.empty()) clip->outSeconds = parseSeconds(a->out, "--out");
            if (!a->fade.empty()) clip->fadeSeconds = parseSeconds(a->fade, "--fade");
            if (clip->fadeSeconds < 0.0 || clip->fadeSeconds > 10.0)
                throw UserError("--fade must be from 0 to 10 seconds");
        } else if (!a->in.empty() || !a->out.empty() || !a->fade.empty()) {
            throw UserError("--in, --out and --fade apply to a clip: add --clip");
        }

        recoverBeforeCommand(ctx);
        const SessionProgramme programme(ctx.db(), a->session, a->recording);
        for (const auto& note : programme.notes())
            std::fprintf(stderr, "dialogstudio: %s\n", note.c_str());
        std::vector<std::string> warnings;
        plan.sources = programme.files();
        plan.chapters = programme.chapters(warnings);
        std::string title = programme.session().topic;
        std::string stem = "programme";
        if (a->recording)
            stem = std::filesystem::path(programme.recordings().front().path).stem().string();
        if (clip) {
            const ClipRange range = programme.clip(*clip);
            plan.startFrame = range.startFrame;
            plan.endFrame = range.endFrame;
            plan.fadeInSeconds = plan.fadeOutSeconds = clip->fadeSeconds;
            title = range.title;
            // A clip's chapters are the markers inside it (a segment's questions), not the
            // neighbours its in/out moves reach into.
            std::erase_if(plan.chapters, [&](const Chapter& c) {
                return c.startFrame < range.markerStart || c.startFrame >= range.markerEnd;
            });
            warnings.insert(warnings.end(), range.warnings.begin(), range.warnings.end());
            stem = "clip-" + clip->slug();
        }
        plan.metadata = programme.metadata(title);
        plan.leadInTitle = programme.session().programmeTitle;
        plan.output = a->output.empty()
                          ? programme.folder() /
                                fmt::format("{}-{}.{}", stem, a->preset, plan.settings.extension)
                          : std::filesystem::path(a->output);
        plan.overwrite = a->overwrite;
        std::vector<std::filesystem::path> videos;
        if (video) {
            std::filesystem::path base =
                a->output.empty() ? programme.folder() / fmt::format("{}-{}.mp4", stem, a->preset)
                                  : std::filesystem::path(a->output);
            for (auto [w, h] : sizes) {
                std::filesystem::path v = base;
                if (sizes.size() > 1)
                    v.replace_filename(fmt::format("{}-{}x{}{}", base.stem().string(), w, h,
                                                   base.extension().string()));
                if (std::filesystem::exists(v) && !a->overwrite)
                    throw UserError(fmt::format(
                        "{} exists: choose another --output or add --overwrite", v.string()));
                videos.push_back(v);
            }
            plan.output = base;
            plan.output.replace_filename(base.stem().string() + ".audiogram-audio.m4a");
            plan.overwrite = true;
        }
        for (const auto& w : warnings)
            std::fprintf(stderr, "dialogstudio: %s\n", w.c_str());

        const ExportPlan planCopy = plan;
        ExportResult result = runWithProgress(ctx, std::move(plan), a->quiet);
        result.warnings.insert(result.warnings.begin(), warnings.begin(), warnings.end());

        nlohmann::json doc = result.toJson();
        if (video) {
            AudiogramCard card;
            card.station = ctx.station().name;
            card.title = title;
            const Session& s = programme.session();
            if (!s.guests.empty()) {
                const Guest& g = s.guests.front();
                card.guest = (g.rank.empty() ? g.name : g.rank + " " + g.name) +
                             (g.position.empty() ? "" : "\n" + g.position);
            }
            card.subtitle = s.programmeTitle;
            if (!s.partnerMedia.empty()) card.subtitle += " \u00b7 " + s.partnerMedia;
            nlohmann::json list = nlohmann::json::array();
            try {
                for (std::size_t i = 0; i < videos.size(); ++i) {
                    if (!a->quiet)
                        std::fprintf(stderr, "export: audiogram %dx%d\n", sizes[i].first,
                                     sizes[i].second);
                    AudiogramResult v = AudiogramWriter::write(
                        result.output, videos[i], sizes[i].first, sizes[i].second, card);
                    list.push_back({{"output", v.output.string()},
                                    {"width", v.width},
                                    {"height", v.height},
                                    {"frames", v.frames},
                                    {"seconds", v.seconds},
                                    {"bytes", v.bytes}});
                }
            } catch (...) {
                std::filesystem::remove(result.output);
                throw;
            }
            std::filesystem::remove(result.output);
            doc["audio"] = doc["output"];
            doc["output"] = list.front()["output"];
            doc["videos"] = list;
            doc["description"] = "MP4 H.264 + " + doc.value("description", std::string());
        }
        doc["session_id"] = a->session;
        doc["preset"] = presetName(planCopy.settings.preset);
        doc["title"] = title;
        doc["clip"] = clip ? nlohmann::json(clip->slug()) : nlohmann::json(nullptr);
        doc["sources"] = nlohmann::json::array();
        for (const auto& s : planCopy.sources)
            doc["sources"].push_back(s.string());
        {
            Transaction tx(ctx.db());
            Journal::append(ctx.db(), {ctx.actor(), "recording.export",
                                       fmt::format("session:{}", a->session), nullptr, doc});
            tx.commit();
        }
        ctx.emit(doc, [&] {
            if (!video) return printResult(ctx, result);
            for (const auto& v : doc["videos"])
                fmt::print("{}: {} ({}x{}, {})\n", ctx.t("Audiogram selesai", "Audiogram written"),
                           v["output"].get<std::string>(), v["width"].get<int>(),
                           v["height"].get<int>(), formatSeconds(v["seconds"].get<double>()));
        });
    });
}

}  // namespace ds::recordings
