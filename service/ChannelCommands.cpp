// `channel whatsapp|webhook|inbox|sms-receive|maildir-scan`: the channels listeners write on.
#include <fmt/format.h>

#include "service/ChannelSecrets.h"
#include "service/Inbox.h"
#include "service/MaildirReader.h"
#include "service/SmsFile.h"

#include <algorithm>
#include <filesystem>
#include "service/ServiceCommands.h"
#include "studio/Errors.h"

namespace ds {

namespace {

void printDeliveries(const CommandContext& ctx, const std::vector<service::ChannelMessage>& in,
                     const std::vector<service::Delivery>& out) {
    nlohmann::json doc = nlohmann::json::array();
    for (std::size_t i = 0; i < out.size(); ++i) {
        nlohmann::json d = {{"message_id", in[i].messageId},
                            {"outcome", service::outcomeCode(out[i].outcome)}};
        if (out[i].questionId) d["question_id"] = out[i].questionId;
        if (!out[i].problem.empty()) d["error"] = out[i].problem;
        doc.push_back(d);
    }
    ctx.emit(doc, [&] {
        for (std::size_t i = 0; i < out.size(); ++i)
            fmt::print("{}: {}{}\n", in[i].messageId, service::outcomeCode(out[i].outcome),
                       out[i].problem.empty() ? "" : " — " + out[i].problem);
    });
}

}  // namespace

// Delivers and reports; exit 1 when any message was rejected (the others still went in).
void deliverFromCommand(CommandContext& ctx, const std::vector<service::ChannelMessage>& messages,
                        const std::string& actor) {
    const auto out = service::Inbox(ctx.db()).deliver(messages, actor);
    printDeliveries(ctx, messages, out);
    std::string problems;
    for (std::size_t i = 0; i < out.size(); ++i)
        if (out[i].outcome == service::DeliveryOutcome::Rejected)
            problems +=
                (problems.empty() ? "" : "; ") + messages[i].messageId + ": " + out[i].problem;
    if (!problems.empty()) throw InputError(problems);
}

void addSmsCommand(CLI::App& channel, CommandContext& ctx);
void addMaildirCommand(CLI::App& channel, CommandContext& ctx);

void addChannel(CLI::App& app, CommandContext& ctx) {
    CLI::App* channel =
        app.add_subcommand("channel", "Channels listeners write on (WhatsApp, SMS, e-mail)");
    channel->require_subcommand(1);

    struct WaArgs {
        std::string verifyToken, appSecret;
    };
    auto wa = std::make_shared<WaArgs>();
    CLI::App* whatsapp = channel->add_subcommand(
        "whatsapp", "Configure the WhatsApp Cloud API webhook (/webhooks/whatsapp)");
    whatsapp
        ->add_option("--verify-token", wa->verifyToken,
                     "The verify token you typed in the Meta app's webhook settings")
        ->required();
    whatsapp
        ->add_option("--app-secret", wa->appSecret,
                     "The Meta app's secret (signs every notification)")
        ->required();
    whatsapp->callback([&ctx, wa] {
        service::ChannelSecretStore(ctx.db()).setWhatsApp({wa->verifyToken, wa->appSecret},
                                                          ctx.actor());
        ctx.emit({{"channel", "whatsapp"}, {"configured", true}}, [&] {
            fmt::print("{}\n", ctx.t("Kanal WhatsApp disimpan (rahasia tidak ditampilkan).",
                                     "WhatsApp channel saved (secrets are not shown)."));
        });
    });

    auto secret = std::make_shared<std::string>();
    CLI::App* webhook = channel->add_subcommand(
        "webhook", "Configure the generic JSON webhook (/webhooks/generic) for local gateways");
    webhook->add_option("--secret", *secret, "Its HMAC secret (at least 16 characters)")
        ->required();
    webhook->callback([&ctx, secret] {
        service::ChannelSecretStore(ctx.db()).setWebhook(*secret, ctx.actor());
        ctx.emit({{"channel", "webhook"}, {"configured", true}}, [&] {
            fmt::print("{}\n", ctx.t("Webhook umum disimpan (rahasia tidak ditampilkan).",
                                     "Generic webhook saved (the secret is not shown)."));
        });
    });

    auto attach = std::make_shared<bool>(false);
    CLI::App* inbox =
        channel->add_subcommand("inbox", "Messages that arrived while no session was live");
    inbox->add_flag("--attach", *attach, "Make them questions in the live session");
    inbox->callback([&ctx, attach] {
        service::Inbox box(ctx.db());
        if (*attach) {
            const auto live = box.liveSession();
            if (!live) throw UserError("no session is live to attach the inbox to");
            const auto ids = box.attach(*live, ctx.actor());
            ctx.emit({{"session_id", *live}, {"question_ids", ids}}, [&] {
                fmt::print("{} {}\n", ids.size(),
                           ctx.t("pesan menjadi pertanyaan", "messages became questions"));
            });
            return;
        }
        const auto waiting = box.waiting();
        nlohmann::json doc = nlohmann::json::array();
        for (const auto& w : waiting)
            doc.push_back(w.toJson());
        ctx.emit(doc, [&] {
            for (const auto& w : waiting)
                fmt::print("{:>4} {} {} {}: {}\n", w.id, formatUtc(w.message.receivedAt),
                           w.message.channel, w.message.senderName, w.message.text);
        });
    });

    addSmsCommand(*channel, ctx);
    addMaildirCommand(*channel, ctx);
}

}  // namespace ds

namespace ds {

void addSmsCommand(CLI::App& channel, CommandContext& ctx) {
    struct Args {
        std::string dir;
        std::vector<std::string> files;
    };
    auto args = std::make_shared<Args>();
    CLI::App* sms = channel.add_subcommand(
        "sms-receive", "Take SMS from gammu-smsd's inbox folder (its RunOnReceive hook)");
    sms->add_option("--dir", args->dir, "gammu-smsd's InboxPath")->required();
    sms->add_option("files", args->files,
                    "Inbox file names (gammu-smsd appends them); none: every file in --dir");
    sms->callback([&ctx, args] {
        namespace fs = std::filesystem;
        if (!fs::is_directory(args->dir))
            throw UserError(fmt::format("--dir {}: no such folder", args->dir));
        std::vector<fs::path> files;
        if (args->files.empty()) {
            for (const auto& e : fs::directory_iterator(args->dir))
                if (e.is_regular_file() && e.path().filename().string().rfind("IN", 0) == 0)
                    files.push_back(e.path());
            std::sort(files.begin(), files.end());
        } else {
            for (const std::string& f : args->files) {
                // Names only: a hook's argument never reaches outside the inbox folder.
                if (fs::path(f).filename().string() != f)
                    throw UserError(fmt::format("{}: a file name in --dir, not a path", f));
                files.push_back(fs::path(args->dir) / f);
            }
        }
        const std::string tz = ctx.station().timeZone;
        std::vector<service::ChannelMessage> messages;
        for (const auto& f : files)
            messages.push_back(service::readSmsFile(f, tz));
        deliverFromCommand(ctx, messages, "channel:sms");
    });
}

void addMaildirCommand(CLI::App& channel, CommandContext& ctx) {
    auto dir = std::make_shared<std::string>();
    CLI::App* mail = channel.add_subcommand(
        "maildir-scan", "Take e-mail from a Maildir (new mail is moved to cur/ once recorded)");
    mail->add_option("maildir", *dir, "The Maildir folder (with new/ and cur/)")->required();
    mail->callback([&ctx, dir] {
        namespace fs = std::filesystem;
        const auto files = service::maildirFiles(*dir);
        std::vector<service::ChannelMessage> messages;
        std::vector<fs::path> read;
        std::string problems;
        for (const auto& f : files) {
            try {
                messages.push_back(service::readMailFile(f));
                read.push_back(f);
            } catch (const InputError& e) {
                problems += (problems.empty() ? "" : "; ") + std::string(e.what());
            }
        }
        std::string rejected;
        try {
            deliverFromCommand(ctx, messages, "channel:email");
        } catch (const InputError& e) {
            rejected = e.what();
        }
        // Recorded (or recognised as already recorded): seen, in Maildir terms.
        for (const auto& f : read) {
            if (f.parent_path().filename() != "new") continue;
            std::error_code ec;
            fs::rename(f, f.parent_path().parent_path() / "cur" / (f.filename().string() + ":2,S"),
                       ec);
        }
        if (!problems.empty() || !rejected.empty())
            throw InputError(problems + (problems.empty() || rejected.empty() ? "" : "; ") +
                             rejected);
    });
}

}  // namespace ds
