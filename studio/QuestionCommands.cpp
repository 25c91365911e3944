// `question add|import|list|show|screen|approve|reject|merge|defer|on-air|answered|move`.
#include <fmt/format.h>

#include "studio/Errors.h"
#include "studio/Masking.h"
#include "studio/QuestionStore.h"
#include "studio/RequestStore.h"
#include "studio/StationStore.h"
#include "studio/StudioCommands.h"
#include "studio/Transaction.h"

namespace ds {

namespace {

// A question store whose information-request questions are registered as requests at once.
struct Intake {
    Station station;
    RequestStore requests;
    QuestionStore questions;

    explicit Intake(CommandContext& ctx)
        : station(ctx.station()),
          requests(ctx.db(), station, StationStore::calendar(station)),
          questions(ctx.db(), StationStore::contentFilter(station), station.timeZone) {
        std::string actor = ctx.actor();
        questions.onInformationRequest([this, actor](const Question& q) {
            requests.openFromQuestion(q.id, Requester{}, q.purpose, actor);
        });
    }
};

std::string flagsText(const Question& q) {
    std::string out;
    for (const ContentFlag& f : q.flags)
        out += (out.empty() ? "" : ", ") + f.category + ":" + f.term;
    return out;
}

void printQuestion(const CommandContext& ctx, const Question& q, const std::string& tz) {
    fmt::print("{} {} (no. {}), {}: {}\n", ctx.t("Pertanyaan", "Question"), q.id, q.number,
               ctx.t("status", "status"), q.status);
    fmt::print("{}: {} — {}\n", ctx.t("Diterima", "Received"), formatLocal(q.receivedAt, tz),
               q.channel);
    fmt::print("{}: {} ({}) {}\n", ctx.t("Penanya", "Caller"), q.callerName, q.origin, q.contact);
    fmt::print("{}\n", q.text);
    if (!q.flags.empty())
        fmt::print("{}: {}\n", ctx.t("PERHATIAN konten", "CONTENT FLAGS"), flagsText(q));
    if (q.queuePos) fmt::print("{}: {}\n", ctx.t("Urutan antrean", "Queue position"), *q.queuePos);
    if (!q.reason.empty()) fmt::print("{}: {}\n", ctx.t("Alasan", "Reason"), q.reason);
    if (q.infoRequest) fmt::print("{}\n", ctx.t("Permohonan informasi", "Information request"));
}

}  // namespace

void addQuestionCommands(CLI::App& app, CommandContext& ctx) {
    CLI::App* question = app.add_subcommand("question", "Listener questions (pertanyaan)");
    question->require_subcommand(1);

    struct AddArgs {
        std::int64_t session = 0;
        std::string channel = "phone", name, origin, contact, text, topic, purpose, receivedAt;
        bool written = false, infoRequest = false;
    };
    auto aa = std::make_shared<AddArgs>();
    CLI::App* add = question->add_subcommand("add", "Take in a question");
    add->add_option("SESSION", aa->session, "Session id")->required();
    add->add_option("--channel", aa->channel,
                    "phone, sms, whatsapp, email, social, letter, studio");
    add->add_option("--name", aa->name, "Caller's name");
    add->add_option("--origin", aa->origin, "Caller's area");
    add->add_option("--contact", aa->contact, "Phone number or e-mail");
    add->add_option("--text", aa->text, "The question (at most 8 KiB)")->required();
    add->add_option("--topic", aa->topic, "Topic");
    add->add_flag("--written", aa->written, "Written (message, letter) rather than spoken");
    add->add_flag("--info-request", aa->infoRequest,
                  "The caller asks for public information: registers an information request now");
    add->add_option("--purpose", aa->purpose, "Purpose of the information request");
    add->add_option("--received-at", aa->receivedAt,
                    "When it came in (default now), local \"YYYY-MM-DD HH:MM\"");
    add->callback([&ctx, aa] {
        Intake intake(ctx);
        Question q;
        q.sessionId = aa->session;
        q.channel = aa->channel;
        q.callerName = aa->name;
        q.origin = aa->origin;
        q.contact = aa->contact;
        q.text = aa->text;
        q.topic = aa->topic;
        q.written = aa->written;
        q.infoRequest = aa->infoRequest;
        q.purpose = aa->purpose;
        if (!aa->receivedAt.empty())
            q.receivedAt = cli::parseTime(aa->receivedAt, intake.station.timeZone, "--received-at");
        Question stored = intake.questions.add(q, ctx.actor());
        nlohmann::json doc = stored.toJson();
        if (stored.infoRequest) {
            RequestListFilter f;
            f.sessionId = stored.sessionId;
            for (const InfoRequest& r : intake.requests.list(f, now())) {
                if (r.questionId == stored.id) doc["registration_number"] = r.registrationNumber;
            }
        }
        ctx.emit(doc, [&] {
            printQuestion(ctx, stored, intake.station.timeZone);
            if (doc.contains("registration_number")) {
                fmt::print("{}: {}\n", ctx.t("Nomor pendaftaran", "Registration number"),
                           doc["registration_number"].get<std::string>());
            }
        });
    });

    auto ia = std::make_shared<std::pair<std::int64_t, std::string>>();
    CLI::App* importCmd = question->add_subcommand(
        "import",
        "Import questions from a UTF-8 CSV file, all or nothing. Columns: text (required); "
        "channel, received_at, caller_name, origin, contact, written, topic, info_request, "
        "purpose");
    importCmd->add_option("SESSION", ia->first, "Session id")->required();
    importCmd->add_option("FILE", ia->second, "CSV file")->required();
    importCmd->callback([&ctx, ia] {
        Intake intake(ctx);
    ImportResult r = intake.questions.importCsv(ia->first, ia->second, ctx.actor());
    ctx.emit({{"imported", r.imported}, {"ids", r.ids}}, [&] {
        fmt::print("{} {}\n", r.imported, ctx.t("pertanyaan diimpor", "questions imported"));
    });
});

struct ListArgs {
    std::int64_t session = 0;
    std::optional<std::string> status;
    bool unmasked = false;
};
auto la = std::make_shared<ListArgs>();
CLI::App* list = question->add_subcommand(
    "list", "List a session's questions (approved ones in the producer's order)");
list->add_option("SESSION", la->session, "Session id")->required();
list->add_option("--status", la->status, "Only this status");
list->add_flag("--unmasked", la->unmasked,
               "Show contacts in full (screeners only; masked by default)");
list->callback([&ctx, la] {
    Intake intake(ctx);
    auto qs = intake.questions.list(la->session, la->status);
    nlohmann::json out = nlohmann::json::array();
    std::vector<std::vector<std::string>> rows;
    for (const Question& q : qs) {
        nlohmann::json j = q.toJson();
        if (!la->unmasked) j["contact"] = maskContact(q.contact);
        out.push_back(j);
        rows.push_back({std::to_string(q.id), std::to_string(q.number), q.status,
                        q.queuePos ? std::to_string(*q.queuePos) : "", q.channel, q.callerName,
                        q.origin, la->unmasked ? q.contact : maskContact(q.contact), flagsText(q),
                        q.text});
    }
    ctx.emit(out, [&] {
        cli::printTable({"ID", "No", "Status", ctx.t("Urut", "Order"), ctx.t("Saluran", "Channel"),
                         ctx.t("Nama", "Name"), ctx.t("Asal", "Origin"), ctx.t("Kontak", "Contact"),
                         ctx.t("Tanda", "Flags"), ctx.t("Pertanyaan", "Question")},
                        rows);
    });
});

auto showId = std::make_shared<std::int64_t>(0);
CLI::App* show = question->add_subcommand(
    "show", "Show a question, its history and the caller's earlier questions");
show->add_option("QUESTION", *showId, "Question id")->required();
show->callback([&ctx, showId] {
    Intake intake(ctx);
    Question q = intake.questions.get(*showId);
    auto earlier = intake.questions.byContact(q.contact, q.id);
    nlohmann::json doc = q.toJson();
    doc["earlier_questions"] = nlohmann::json::array();
    for (const Question& e : earlier)
        doc["earlier_questions"].push_back({{"id", e.id},
                                            {"session_id", e.sessionId},
                                            {"received_at", formatUtc(e.receivedAt)},
                                            {"status", e.status},
                                            {"text", e.text}});
    ctx.emit(doc, [&] {
        printQuestion(ctx, q, intake.station.timeZone);
        for (const QuestionStep& s : q.steps)
            fmt::print("  {} {} {} {}\n",
                       formatLocal(s.at, intake.station.timeZone, "%Y-%m-%d %H:%M:%S"), s.status,
                       s.actor, s.note);
        if (!earlier.empty())
            fmt::print("{}:\n", ctx.t("Pertanyaan sebelumnya dari kontak ini",
                                      "Earlier questions from this contact"));
        for (const Question& e : earlier)
            fmt::print("  #{} {} {}: {}\n", e.id,
                       formatLocal(e.receivedAt, intake.station.timeZone), e.status, e.text);
    });
});

// Steps with one id and maybe a text argument.
auto step = [&ctx, question](
                const char* name, const char* help, const char* textOption, const char* textHelp,
                bool textRequired,
                std::function<Question(QuestionStore&, std::int64_t, const std::string&)> action) {
    auto id = std::make_shared<std::int64_t>(0);
    auto text = std::make_shared<std::string>();
    CLI::App* cmd = question->add_subcommand(name, help);
    cmd->add_option("QUESTION", *id, "Question id")->required();
    if (textOption) {
        CLI::Option* opt = cmd->add_option(textOption, *text, textHelp);
        if (textRequired) opt->required();
    }
    cmd->callback([&ctx, id, text, action] {
        Intake intake(ctx);
        Question q = action(intake.questions, *id, *text);
        ctx.emit(q.toJson(), [&] { printQuestion(ctx, q, intake.station.timeZone); });
    });
};
step("screen", "Mark a new question as screened", "--note", "Screener's note", false,
     [&ctx](QuestionStore& s, std::int64_t id, const std::string& t) {
         return s.screen(id, t, ctx.actor());
     });
step("approve", "Approve a question for air (it joins the end of the queue)", nullptr, nullptr,
     false, [&ctx](QuestionStore& s, std::int64_t id, const std::string&) {
         return s.approve(id, ctx.actor());
     });
step("reject", "Reject a question (a reason is required)", "--reason", "Why it is rejected", true,
     [&ctx](QuestionStore& s, std::int64_t id, const std::string& t) {
         return s.reject(id, t, ctx.actor());
     });
step("defer", "Defer a question for a written answer", "--reason",
     "Why, and how it will be answered", true,
     [&ctx](QuestionStore& s, std::int64_t id, const std::string& t) {
         return s.defer(id, t, ctx.actor());
     });
step("on-air", "Put an approved question on air", nullptr, nullptr, false,
     [&ctx](QuestionStore& s, std::int64_t id, const std::string&) {
         return s.onAir(id, ctx.actor());
     });
step("answered", "Mark the question on air as answered", nullptr, nullptr, false,
     [&ctx](QuestionStore& s, std::int64_t id, const std::string&) {
         return s.answered(id, ctx.actor());
     });

auto merge = std::make_shared<std::pair<std::int64_t, std::int64_t>>();
CLI::App* mergeCmd = question->add_subcommand("merge", "Merge a duplicate question into another");
mergeCmd->add_option("QUESTION", merge->first, "The duplicate")->required();
mergeCmd->add_option("--into", merge->second, "The question it duplicates")->required();
mergeCmd->callback([&ctx, merge] {
    Intake intake(ctx);
    Question q = intake.questions.merge(merge->first, merge->second, ctx.actor());
    ctx.emit(q.toJson(), [&] { printQuestion(ctx, q, intake.station.timeZone); });
});

auto move = std::make_shared<std::pair<std::int64_t, int>>();
CLI::App* moveCmd =
    question->add_subcommand("move", "Move an approved question in the producer's queue");
moveCmd->add_option("QUESTION", move->first, "Question id")->required();
moveCmd->add_option("--position", move->second, "New place, 1 = next")->required();
moveCmd->callback([&ctx, move] {
    Intake intake(ctx);
    Question q = intake.questions.move(move->first, move->second, ctx.actor());
    ctx.emit(q.toJson(), [&] { printQuestion(ctx, q, intake.station.timeZone); });
});
}  // namespace ds

}  // namespace ds
