// `release draft|show|list|edit|submit|approve|return|publish|versions|nota`: a session's
// release through the correction chain of SOP 001, every action journalled with who did it.
#include <fmt/format.h>

#include "publication/ChannelSettings.h"
#include "publication/NotaDinasPdf.h"
#include "publication/OfficeDocument.h"
#include "publication/OfficerStore.h"
#include "publication/PublicationCommands.h"
#include "publication/ReleaseDocuments.h"
#include "publication/ReleasePublisher.h"
#include "publication/ReleaseStore.h"
#include "publication/TextCheck.h"
#include "studio/Errors.h"
#include "studio/IndonesianDate.h"
#include "studio/SessionStore.h"
#include "studio/StudioCommands.h"

namespace ds::publication {

namespace {

std::optional<TimePoint> parseAt(const std::string& text, const Station& st) {
    if (text.empty()) return std::nullopt;
    return cli::parseTime(text, st.timeZone, "--at");
}

void printSteps(const CommandContext& ctx, const std::vector<StepRecord>& steps,
                const std::string& tz) {
    TimePoint t = now();
    std::vector<std::vector<std::string>> rows;
    for (const auto& s : steps) {
        auto standard = standardOf(s.info());
        rows.push_back({std::to_string(s.step), std::string(roleCode(s.role)), s.holderName,
                        idn::shortDateTime(s.startedAt, tz),
                        s.finishedAt ? idn::shortDateTime(*s.finishedAt, tz) : "-",
                        standard ? minutesText(*standard) : "-", minutesText(s.taken(t)),
                        s.outcome ? std::string(outcomeCode(*s.outcome)) : "open",
                        verdictText(s, t)});
    }
    cli::printTable(
        {ctx.t("Langkah", "Step"), ctx.t("Jabatan", "Post"), ctx.t("Pemegang", "Holder"),
         ctx.t("Diterima", "Received"), ctx.t("Diserahkan", "Handed on"),
         ctx.t("Mutu baku", "Standard"), ctx.t("Waktu", "Taken"), ctx.t("Hasil", "Outcome"),
         ctx.t("Keterangan", "Verdict")},
        rows);
}

void printRelease(const CommandContext& ctx, const Release& r, const std::string& tz) {
    fmt::print("{} {} ({} {}) · {} {} · {} {}\n", ctx.t("Rilis", "Release"), r.id,
               ctx.t("sesi", "session"), r.sessionId, ctx.t("status", "state"), stateCode(r.state),
               ctx.t("versi", "version"), r.version);
    fmt::print("\n{}\n\n", r.content.title);
    for (const auto& p : r.content.paragraphs())
        fmt::print("{}\n\n", p);
    for (auto pid : r.content.photos)
        if (const ReleaseFile* f = r.file(pid))
            fmt::print("{} {}: {} {}\n", ctx.t("Foto", "Photo"), f->id, f->path,
                       f->caption.empty() ? "" : "(" + f->caption + ")");
    if (!r.content.clip.empty()) fmt::print("{}: {}\n", ctx.t("Klip", "Clip"), r.content.clip);
    fmt::print("\n");
    printSteps(ctx, r.steps, tz);
}

Release resolve(ReleaseStore& store, std::int64_t id, std::int64_t session) {
    if (id > 0) return store.get(id);
    if (session > 0) {
        if (auto rid = store.forSession(session)) return store.get(*rid);
        throw NotFoundError(fmt::format("session {} has no release", session));
    }
    throw UserError("give a release id or --session");
}

struct StepArgs {
    std::int64_t id = 0;
    std::string note, at, to;
};

}  // namespace

void addReleaseCommands(CLI::App& app, CommandContext& ctx) {
    CLI::App* group =
        app.add_subcommand("release", "A session's press release (rilis) through SOP 001");
    group->require_subcommand(1);

    struct DraftArgs {
        std::int64_t session = 0;
        std::string staff, at;
    };
    auto da = std::make_shared<DraftArgs>();
    CLI::App* draft = group->add_subcommand(
        "draft", "The Kasubbag orders a release of an ended session; its first draft is written");
    draft->add_option("session", da->session, "Session id")->required();
    draft->add_option("--staff", da->staff, "Login of the staff officer who drafts it");
    draft->add_option("--at", da->at, "When the order was given (local time; default now)");
    draft->callback([&ctx, da] {
        Station st = ctx.station();
        ReleaseStore store(ctx.db(), st);
        Release r = store.draft(da->session, da->staff, ctx.actor(), parseAt(da->at, st));
        ctx.emit(r.toJson(now()), [&] { printRelease(ctx, r, st.timeZone); });
    });

    auto show = std::make_shared<std::pair<std::int64_t, std::int64_t>>(0, 0);
    CLI::App* showCmd = group->add_subcommand("show", "Show a release, its files and its steps");
    showCmd->add_option("id", show->first, "Release id");
    showCmd->add_option("--session", show->second, "The release of this session");
    showCmd->callback([&ctx, show] {
        Station st = ctx.station();
        ReleaseStore store(ctx.db(), st);
        Release r = resolve(store, show->first, show->second);
        nlohmann::json doc = r.toJson(now());
        doc["publications"] = nlohmann::json::array();
        for (const auto& e : PublicationLog(ctx.db()).forRelease(r.id))
            doc["publications"].push_back(e.toJson());
        ctx.emit(doc, [&] {
            printRelease(ctx, r, st.timeZone);
            for (const auto& e : PublicationLog(ctx.db()).forRelease(r.id))
                fmt::print("{}: {} {}\n", channelCode(e.channel), e.url,
                           e.published ? "" : ctx.t("(belum selesai)", "(not finished)"));
        });
    });

    group->add_subcommand("list", "List the releases")->callback([&ctx] {
        Station st = ctx.station();
        auto all = ReleaseStore(ctx.db(), st).list();
        nlohmann::json doc = nlohmann::json::array();
        std::vector<std::vector<std::string>> rows;
        TimePoint t = now();
        for (const auto& r : all) {
            doc.push_back(r.toJson(t));
            std::string holder = "-";
            for (const auto& s : r.steps)
                if (!s.finishedAt) holder = s.holderName;
            rows.push_back({std::to_string(r.id), std::to_string(r.sessionId),
                            std::string(stateCode(r.state)), std::to_string(r.version), holder,
                            r.content.title});
        }
        ctx.emit(doc, [&] {
            cli::printTable(
                {"ID", ctx.t("Sesi", "Session"), ctx.t("Status", "State"),
                 ctx.t("Versi", "Version"), ctx.t("Pemegang", "Holder"), ctx.t("Judul", "Title")},
                rows);
        });
    });

    struct EditArgs {
        std::int64_t id = 0;
        std::optional<std::string> title, lead, closing, clip;
        std::vector<std::string> messages, addMessages, photos, captions;
        std::vector<std::int64_t> removePhotos, dropQuestions;
        std::int64_t featured = 0;
        bool clearMessages = false;
        std::string note;
    };
    auto ea = std::make_shared<EditArgs>();
    CLI::App* edit = group->add_subcommand(
        "edit", "Change the release (a new version; only its present holder may)");
    edit->add_option("id", ea->id, "Release id")->required();
    edit->add_option("--title", ea->title, "Headline");
    edit->add_option("--lead", ea->lead, "Lead paragraph");
    edit->add_option("--message", ea->messages, "Main message (repeat; replaces the list)");
    edit->add_option("--add-message", ea->addMessages, "Main message to add (repeat)");
    edit->add_flag("--clear-messages", ea->clearMessages, "Remove all main messages");
    edit->add_option("--closing", ea->closing, "Closing paragraph");
    edit->add_option("--photo", ea->photos, "Photo to add, JPEG or PNG (repeat)");
    edit->add_option("--caption", ea->captions, "Caption of the --photo in the same place");
    edit->add_option("--remove-photo", ea->removePhotos, "Photo (file id) to take out");
    edit->add_option("--featured", ea->featured, "Photo (file id) to feature first");
    edit->add_option("--clip", ea->clip, "Audio clip: question:N or segment:N (empty: none)");
    edit->add_option("--drop-question", ea->dropQuestions,
                     "Leave out the question with this session number (repeat)");
    edit->add_option("--note", ea->note, "What was changed and why (kept with the version)");
    edit->callback([&ctx, ea] {
        Station st = ctx.station();
        ReleaseStore store(ctx.db(), st);
        Release r = store.get(ea->id);
        ReleaseContent c = r.content;
        if (ea->title) c.title = *ea->title;
        if (ea->lead) c.lead = *ea->lead;
        if (ea->closing) c.closing = *ea->closing;
        if (ea->clip) c.clip = *ea->clip;
        if (ea->clearMessages || !ea->messages.empty()) c.messages = ea->messages;
        for (const auto& m : ea->addMessages)
            c.messages.push_back(m);
        for (auto n : ea->dropQuestions) {
            auto before = c.questions.size();
            std::erase_if(c.questions, [n](const ReleaseQuestion& q) { return q.number == n; });
            if (before == c.questions.size())
                throw UserError(
                    fmt::format("--drop-question: question {} is not in the release", n));
        }
        for (auto pid : ea->removePhotos) {
            auto before = c.photos.size();
            std::erase(c.photos, pid);
            if (before == c.photos.size())
                throw UserError(fmt::format("--remove-photo: photo {} is not in the release", pid));
        }
        if (ea->captions.size() > ea->photos.size())
            throw UserError("--caption: more captions than --photo files");
        std::vector<NewPhoto> photos;
        for (std::size_t i = 0; i < ea->photos.size(); ++i)
            photos.push_back({ea->photos[i], i < ea->captions.size() ? ea->captions[i] : ""});
        if (ea->featured) {
            auto it = std::find(c.photos.begin(), c.photos.end(), ea->featured);
            if (it == c.photos.end())
                throw UserError(
                    fmt::format("--featured: photo {} is not in the release", ea->featured));
            c.photos.erase(it);
            c.photos.insert(c.photos.begin(), ea->featured);
        }
        Release after = store.edit(ea->id, c, photos, ea->note, ctx.actor());
        ctx.emit(after.toJson(now()), [&] { printRelease(ctx, after, st.timeZone); });
    });

    auto addStep = [&ctx, group](const char* name, const char* help, bool back, bool approve) {
        auto a = std::make_shared<StepArgs>();
        CLI::App* cmd = group->add_subcommand(name, help);
        cmd->add_option("id", a->id, "Release id")->required();
        auto* note = cmd->add_option("--note", a->note,
                                     back ? "What must be corrected" : "Note to the next holder");
        if (back) note->required();
        cmd->add_option("--at", a->at, "When it was handed on (local time; default now)");
        if (approve)
            cmd->add_option("--to", a->to, "Login of the Kabag, when several hold the post");
        cmd->callback([&ctx, a, back, approve, name] {
            Station st = ctx.station();
            ReleaseStore store(ctx.db(), st);
            Release r = store.get(a->id);
            if (!back && !approve && r.state != ReleaseState::Drafting)
                throw UserError(fmt::format(
                    "release {} is in state {}: `submit` hands the staff's draft to the "
                    "Kasubbag; corrections are passed on with `approve`",
                    a->id, stateCode(r.state)));
            if (approve && r.state != ReleaseState::KasubbagReview &&
                r.state != ReleaseState::KabagReview)
                throw UserError(fmt::format(
                    "release {} is in state {}: `approve` passes on the Kasubbag's or the "
                    "Kabag's correction (the staff hand in their draft with `submit`)",
                    a->id, stateCode(r.state)));
            Release after =
                back ? store.sendBack(a->id, a->note, ctx.actor(), parseAt(a->at, st))
                     : store.pass(a->id, a->to, a->note, ctx.actor(), parseAt(a->at, st));
            (void)name;
            ctx.emit(after.toJson(now()), [&] { printRelease(ctx, after, st.timeZone); });
        });
    };
    addStep("submit", "The staff hand the draft to the Kasubbag (SOP 001 step 2)", false, false);
    addStep("approve",
            "The Kasubbag passes the corrected draft to the Kabag, or the Kabag returns it "
            "approved to the Kasubbag for upload (steps 3 and 4)",
            false, true);
    addStep("return", "Send the draft back one step with notes (steps 3 and 4)", true, false);

    struct PublishArgs {
        std::int64_t id = 0;
        std::string url, at, channel = "website";
        bool wordpress = false;
    };
    auto pa = std::make_shared<PublishArgs>();
    CLI::App* publish = group->add_subcommand(
        "publish",
        "Put the approved release out: on the WordPress website (--wordpress), or record a "
        "post made by hand with its link (--channel website|social|mass_media --url)");
    publish->add_option("id", pa->id, "Release id")->required();
    publish->add_flag("--wordpress", pa->wordpress,
                      "Post it to the station's WordPress site (a retry never posts twice)");
    publish->add_option("--channel", pa->channel, "website (default), social or mass_media");
    publish->add_option("--url", pa->url, "Address of the post made by hand");
    publish->add_option("--at", pa->at, "When it went up (local time; default now)");
    publish->callback([&ctx, pa] {
        Station st = ctx.station();
        ReleasePublisher publisher(ctx.db(), st);
        PublishOutcome out;
        if (pa->wordpress) {
            if (!pa->url.empty() || !pa->at.empty() || pa->channel != "website")
                throw UserError(
                    "--wordpress posts to the website itself: leave out --url, --at "
                    "and --channel");
            out = publisher.toWordPress(pa->id, ctx.actor());
        } else {
            if (pa->url.empty()) throw UserError("--url: give the post's address (or --wordpress)");
            out = publisher.byHand(pa->id, requireChannel(pa->channel), pa->url,
                                   parseAt(pa->at, st), ctx.actor());
        }
        Release r = ReleaseStore(ctx.db(), st).get(pa->id);
        nlohmann::json doc = r.toJson(now());
        doc["url"] = out.entry.url;
        doc["publication"] = out.entry.toJson();
        doc["already_published"] = out.alreadyPublished;
        doc["adopted"] = out.adopted;
        doc["log"] = nlohmann::json::array();
        for (const auto& e : PublicationLog(ctx.db()).forRelease(pa->id))
            doc["log"].push_back(e.toJson());
        ctx.emit(doc, [&] {
            fmt::print("{} {}: {}{}\n", ctx.t("Terbit di", "Published on"),
                       channelCode(out.entry.channel), out.entry.url,
                       out.alreadyPublished
                           ? ctx.t(" (sudah terbit sebelumnya)", " (already published before)")
                           : "");
        });
    });

    auto vid = std::make_shared<std::int64_t>(0);
    CLI::App* versions = group->add_subcommand("versions", "Every version of a release");
    versions->add_option("id", *vid, "Release id")->required();
    versions->callback([&ctx, vid] {
        Station st = ctx.station();
        auto all = ReleaseStore(ctx.db(), st).versions(*vid);
        nlohmann::json doc = nlohmann::json::array();
        std::vector<std::vector<std::string>> rows;
        for (const auto& v : all) {
            doc.push_back(v.toJson());
            rows.push_back({std::to_string(v.version), std::to_string(v.step), v.actor,
                            idn::shortDateTime(v.at, st.timeZone), v.content.title, v.note});
        }
        ctx.emit(doc, [&] {
            cli::printTable(
                {ctx.t("Versi", "Version"), ctx.t("Langkah", "Step"), ctx.t("Oleh", "By"),
                 ctx.t("Waktu", "At"), ctx.t("Judul", "Title"), ctx.t("Catatan", "Note")},
                rows);
        });
    });

    struct NotaArgs {
        std::int64_t id = 0;
        int handover = 0;
        std::string output;
    };
    auto na = std::make_shared<NotaArgs>();
    CLI::App* nota = group->add_subcommand(
        "nota", "The nota dinas of the release's hand-overs (PDF, one page each)");
    nota->add_option("id", na->id, "Release id")->required();
    nota->add_option("--handover", na->handover, "Only the N-th hand-over (1 = the order)");
    nota->add_option("--output,-o", na->output, "PDF file to write")->required();
    nota->callback([&ctx, na] {
        Station st = ctx.station();
        ReleaseStore store(ctx.db(), st);
        Release r = store.get(na->id);
        Session s = SessionStore(ctx.db()).get(r.sessionId);
        auto all = NotaDinasPdf::handovers(
            r.steps, fmt::format("RILIS-{}", r.id),
            fmt::format("rilis {} \u201c{}\u201d", s.programmeTitle, s.topic), "draft rilis");
        OfficerStore officers(ctx.db(), st.id);
        for (auto& h : all)
            if (auto o = officers.find(h.from.role, h.from.holder)) h.fromNip = o->nip;
        std::vector<Handover> chosen;
        if (na->handover) {
            if (na->handover < 1 || na->handover > static_cast<int>(all.size()))
                throw UserError(
                    fmt::format("--handover: release {} has {} hand-overs", r.id, all.size()));
            chosen.push_back(all[na->handover - 1]);
        } else {
            chosen = all;
        }
        if (chosen.empty()) throw UserError(fmt::format("release {} has no hand-over yet", r.id));
        NotaDinasPdf::write(na->output, st, chosen);
        nlohmann::json list = nlohmann::json::array();
        for (const auto& h : chosen)
            list.push_back({{"sequence", h.sequence},
                            {"from", h.from.holder},
                            {"to", h.to.holder},
                            {"step", h.from.step},
                            {"outcome", std::string(outcomeCode(*h.from.outcome))}});
        ctx.emit({{"written", na->output}, {"handovers", list}},
                 [&] { fmt::print("{}\n", na->output); });
    });

    struct OutputArgs {
        std::int64_t id = 0;
        std::string dir, link;
    };
    auto oa = std::make_shared<OutputArgs>();
    CLI::App* outputs = group->add_subcommand(
        "outputs",
        "Write the release for each channel: website article (HTML), social captions, "
        "mass-media PDF and editable .docx");
    outputs->add_option("id", oa->id, "Release id")->required();
    outputs->add_option("--dir", oa->dir, "Folder to write into")->required();
    outputs->add_option("--link", oa->link, "Address of the website post, for the captions");
    outputs->callback([&ctx, oa] {
        Station st = ctx.station();
        ReleaseStore store(ctx.db(), st);
        Release r = store.get(oa->id);
        Session s = SessionStore(ctx.db()).get(r.sessionId);
        if (!oa->link.empty()) optionalLine(oa->link, "--link", 2000);
        nlohmann::json doc = ReleaseDocuments::write(
            oa->dir, st, s, r, ChannelSettings::load(ctx.db(), st.id), oa->link);
        ctx.emit(doc, [&] {
            for (const char* k : {"article", "pdf", "docx"})
                fmt::print("{}\n", doc[k].get<std::string>());
            for (auto& [platform, c] : doc["captions"].items())
                fmt::print("caption {}: {}/{}\n", platform, c["chars"].get<int>(),
                           c["max_chars"].get<int>());
        });
    });

    struct AttachArgs {
        std::int64_t id = 0;
        std::string kind, path, caption;
    };
    auto aa = std::make_shared<AttachArgs>();
    CLI::App* attach = group->add_subcommand(
        "attach", "Register a file made for the release: its audio clip or audiogram video");
    attach->add_option("id", aa->id, "Release id")->required();
    attach->add_option("--kind", aa->kind, "clip, audiogram or document")->required();
    attach->add_option("path", aa->path, "The file")->required();
    attach->add_option("--caption", aa->caption, "What it is");
    attach->callback([&ctx, aa] {
        auto kind = parseFileKind(aa->kind);
        if (!kind || *kind == FileKind::Photo)
            throw UserError(fmt::format(
                "--kind: '{}' is not clip, audiogram or document (photos go in with `release "
                "edit --photo`)",
                aa->kind));
        std::error_code ec;
        if (!std::filesystem::is_regular_file(aa->path, ec))
            throw UserError(fmt::format("{} is not a file", aa->path));
        std::string caption = optionalLine(aa->caption, "--caption", 300);
        Station st = ctx.station();
        ReleaseFile f =
            ReleaseStore(ctx.db(), st).addFile(aa->id, *kind, aa->path, caption, ctx.actor());
        ctx.emit(f.toJson(),
                 [&] { fmt::print("{} {}: {}\n", ctx.t("Berkas", "File"), f.id, f.path); });
    });
}

}  // namespace ds::publication
