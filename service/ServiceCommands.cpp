#include "service/ServiceCommands.h"

#include <pthread.h>
#include <signal.h>

#include <cstdio>
#include <thread>

#include <fmt/format.h>

#include "service/ChannelSecrets.h"
#include "service/Inbox.h"
#include "service/SeatStore.h"
#include "service/StudioServer.h"
#include "service/StudioView.h"
#include "studio/Errors.h"
#include "studio/Statement.h"
#include "studio/Transaction.h"

namespace ds {

// In ChannelCommands.cpp.
void addChannel(CLI::App& app, CommandContext& ctx);

namespace {

using service::ServeOptions;

ServeOptions parseListen(const std::string& listen) {
    ServeOptions o;
    const auto colon = listen.rfind(':');
    if (colon == std::string::npos || colon + 1 == listen.size())
        throw UserError(fmt::format("--listen '{}': use HOST:PORT, e.g. 127.0.0.1:8080", listen));
    o.host = listen.substr(0, colon);
    if (o.host.size() > 2 && o.host.front() == '[' && o.host.back() == ']')
        o.host = o.host.substr(1, o.host.size() - 2);
    const std::string port = listen.substr(colon + 1);
    if (port.find_first_not_of("0123456789") != std::string::npos || port.size() > 5 ||
        std::stoi(port) > 65535)
        throw UserError(fmt::format("--listen '{}': the port is not a number 0-65535", listen));
    o.port = std::stoi(port);
    if (o.host.empty()) throw UserError(fmt::format("--listen '{}': the host is missing", listen));
    return o;
}

std::string savedBaseUrl(Database& db) {
    Statement st = db.prepare("SELECT value FROM service_settings WHERE key = 'base_url'");
    return st.step() ? st.getText(0) : "http://127.0.0.1:8080";
}

void saveBaseUrl(Database& db, const std::string& url) {
    Transaction tx(db);
    db.prepare(
          "INSERT INTO service_settings (key, value) VALUES ('base_url', ?) "
          "ON CONFLICT(key) DO UPDATE SET value = excluded.value")
        .bind(1, url)
        .run();
    tx.commit();
}

void addServe(CLI::App& app, CommandContext& ctx) {
    struct Args {
        std::string listen = "127.0.0.1:8080";
        std::string cert, key, publicUrl;
        bool quiet = false;
    };
    auto args = std::make_shared<Args>();
    CLI::App* serve = app.add_subcommand(
        "serve", "Run the studio service (seats' pages and channels) in the foreground");
    serve
        ->add_option("--listen", args->listen,
                     "HOST:PORT (default 127.0.0.1:8080; port 0 picks a free one). Beyond "
                     "loopback only with `station set --allow-lan` and a seat or channel secret")
        ->capture_default_str();
    serve->add_option("--cert", args->cert, "TLS certificate (PEM): serve HTTPS");
    serve->add_option("--key", args->key, "TLS private key (PEM) for --cert");
    serve->add_option("--public-url", args->publicUrl,
                      "Address the seats use to reach the service (pairing addresses), e.g. "
                      "https://studio.lan:8443 (default: the listening address)");
    serve->add_flag("--quiet", args->quiet, "Do not log each request on stderr");
    serve->callback([&ctx, args] {
        ServeOptions o = parseListen(args->listen);
        o.certFile = args->cert;
        o.keyFile = args->key;
        o.quiet = args->quiet;
        // Signals are taken by one thread (below), so every other thread keeps running until
        // the server has stopped and answered what it holds.
        sigset_t set;
        sigemptyset(&set);
        sigaddset(&set, SIGTERM);
        sigaddset(&set, SIGINT);
        pthread_sigmask(SIG_BLOCK, &set, nullptr);
        signal(SIGPIPE, SIG_IGN);
        const std::string dbPath = ctx.databasePath();
        ctx.db();  // created and migrated before the service opens it
        service::StudioServer server(dbPath, o);
        const int port = server.bind();
        (void)port;
        saveBaseUrl(ctx.db(), args->publicUrl.empty() ? server.baseUrl() : args->publicUrl);
        std::thread signals([&server, set] {
            int sig = 0;
            sigwait(&set, &sig);
            server.stop();
        });
        const nlohmann::json started = {{"listening", server.baseUrl()}, {"pid", getpid()}};
        ctx.emit(started, [&] {
            fmt::print("{} {}\n",
                       ctx.t("Layanan studio mendengarkan di", "Studio service listening on"),
                       server.baseUrl());
        });
        std::fflush(stdout);
        server.run();
        // Wake the signal thread if the server stopped for another reason.
        pthread_kill(signals.native_handle(), SIGTERM);
        signals.join();
        fmt::print("{}\n", ctx.t("Layanan studio berhenti.", "Studio service stopped."));
    });
}

void addSeat(CLI::App& app, CommandContext& ctx) {
    CLI::App* seat = app.add_subcommand("seat", "Browser seats for screeners and guests (kursi)");
    seat->require_subcommand(1);

    struct AddArgs {
        std::string role, name, url;
    };
    auto add = std::make_shared<AddArgs>();
    CLI::App* addCmd = seat->add_subcommand("add", "Add a seat and print its pairing address");
    addCmd->add_option("--role", add->role, "guest (the guests' display) or screener")->required();
    addCmd->add_option("--name", add->name, "Seat name, e.g. \"Tablet narasumber\"")->required();
    addCmd->add_option("--url", add->url,
                       "Service address for the pairing link (default: where `serve` last "
                       "listened, or its --public-url)");
    addCmd->callback([&ctx, add] {
        const auto role = service::parseRole(add->role);
        auto created = service::SeatStore(ctx.db()).add(role, add->name, ctx.actor());
        const std::string base = add->url.empty() ? savedBaseUrl(ctx.db()) : add->url;
        const std::string url = fmt::format("{}/pair?t={}", base, created.token);
        nlohmann::json out = created.seat.toJson();
        out["pairing_url"] = url;
        ctx.emit(out, [&] {
            fmt::print("{} {} ({})\n", ctx.t("Kursi ditambahkan:", "Seat added:"),
                       created.seat.name, service::roleCode(role));
            fmt::print("{}\n  {}\n",
                       ctx.t("Alamat pemasangan (sekali tampil, simpan baik-baik):",
                             "Pairing address (shown once, keep it safe):"),
                       url);
        });
    });

    seat->add_subcommand("list", "List the seats")->callback([&ctx] {
        const auto seats = service::SeatStore(ctx.db()).list();
        nlohmann::json out = nlohmann::json::array();
        for (const auto& s : seats)
            out.push_back(s.toJson());
        ctx.emit(out, [&] {
            for (const auto& s : seats)
                fmt::print("{:>3}  {:<30} {:<9} {}\n", s.id, s.name, service::roleCode(s.role),
                           s.revokedAt ? ctx.t("dicabut", "revoked") : ctx.t("aktif", "active"));
        });
    });

    auto which = std::make_shared<std::string>();
    CLI::App* revoke =
        seat->add_subcommand("revoke", "Revoke a seat at once (its open pages are cut off)");
    revoke->add_option("seat", *which, "Seat name or id")->required();
    revoke->callback([&ctx, which] {
        const auto s = service::SeatStore(ctx.db()).revoke(*which, ctx.actor());
        ctx.emit(s.toJson(),
                 [&] { fmt::print("{} {}\n", ctx.t("Kursi dicabut:", "Seat revoked:"), s.name); });
    });
}

void addGuestMessage(CLI::App& app, CommandContext& ctx) {
    auto text = std::make_shared<std::string>();
    auto clear = std::make_shared<bool>(false);
    CLI::App* cmd = app.add_subcommand(
        "guest-message", "Show or set the producer's one-line message on the guests' screens");
    cmd->add_option("text", *text, "The message");
    cmd->add_flag("--clear", *clear, "Remove the message");
    cmd->callback([&ctx, text, clear, cmd] {
        service::StudioView view(ctx.db());
        if (*clear || cmd->count("text")) view.setGuestMessage(*clear ? "" : *text, ctx.actor());
        const std::string now = view.guestMessage();
        ctx.emit({{"message", now}}, [&] { fmt::print("{}\n", now.empty() ? "-" : now); });
    });
}

}  // namespace

void addServiceCommands(CommandTable& table) {
    table.add([](CLI::App& app, CommandContext& ctx) {
        addServe(app, ctx);
        addSeat(app, ctx);
        addChannel(app, ctx);
        addGuestMessage(app, ctx);
    });
}

}  // namespace ds
