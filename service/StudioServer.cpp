#include "service/StudioServer.h"

#include <arpa/inet.h>

#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <thread>

#include <fmt/format.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "service/ChannelSecrets.h"
#include "service/EventHub.h"
#include "service/GenericWebhook.h"
#include "service/Inbox.h"
#include "service/IntakeQueue.h"
#include "service/Pages.h"
#include "service/QuestionForm.h"
#include "service/SeatStore.h"
#include "service/Secrets.h"
#include "service/StudioView.h"
#include "service/WhatsAppWebhook.h"
#include "studio/Database.h"
#include "studio/Errors.h"
#include "studio/IntakeService.h"
#include "studio/QuestionStore.h"
#include "studio/Statement.h"
#include "studio/StationStore.h"

namespace ds::service {

using nlohmann::json;

bool isLoopback(const std::string& host) {
    if (host == "localhost" || host == "::1" || host == "[::1]") return true;
    in_addr a{};
    if (inet_pton(AF_INET, host.c_str(), &a) == 1) return (ntohl(a.s_addr) >> 24) == 127;
    return false;
}

void requireListenAllowed(const std::string& host, bool stationAllowsLan, bool anySecret) {
    if (isLoopback(host)) return;
    if (!stationAllowsLan)
        throw UserError(
            fmt::format("--listen {}: beyond loopback only when the station allows it "
                        "(`dialogstudio station set --allow-lan`)",
                        host));
    if (!anySecret)
        throw UserError(fmt::format(
            "--listen {}: no seat or channel secret exists yet, so anyone on the network could "
            "use the service; add one first (`dialogstudio seat add` or `dialogstudio channel`)",
            host));
}

namespace {

std::string dumpSafe(const json& j) {
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

void sendJson(httplib::Response& res, int status, const json& body) {
    res.status = status;
    res.set_content(dumpSafe(body), "application/json; charset=utf-8");
}

void sendError(httplib::Response& res, int status, const std::string& message) {
    sendJson(res, status, {{"error", message}});
}

std::string tokenOf(const httplib::Request& req) {
    const std::string auth = req.get_header_value("Authorization");
    if (auth.rfind("Bearer ", 0) == 0) return auth.substr(7);
    const std::string cookies = req.get_header_value("Cookie");
    for (std::size_t pos = 0; pos < cookies.size();) {
        std::size_t end = cookies.find(';', pos);
        if (end == std::string::npos) end = cookies.size();
        std::string part = cookies.substr(pos, end - pos);
        while (!part.empty() && part.front() == ' ')
            part.erase(0, 1);
        if (part.rfind("ds_seat=", 0) == 0) return part.substr(8);
        pos = end + 1;
    }
    return "";
}

// Short text from the request body for a form field; absent or null is empty.
std::string formText(const json& body, const char* key) {
    if (!body.contains(key) || body[key].is_null()) return "";
    if (!body[key].is_string()) throw InputError(fmt::format("field '{}': not a string", key));
    return body[key].get<std::string>();
}

}  // namespace

struct StudioServer::Impl {
    std::filesystem::path dbPath;
    ServeOptions options;
    Database db;
    std::mutex dbMutex;
    EventHub hub;
    std::unique_ptr<httplib::Server> http;
    std::unique_ptr<IntakeQueue> intake;
    ChannelSecrets secrets;  // guarded by dbMutex
    std::thread watcher;
    std::atomic<bool> stopping{false};
    std::atomic<bool> dirty{true};
    std::mutex watchMutex;
    std::condition_variable watchWake;
    int port = 0;
    bool https = false;

    Impl(std::filesystem::path path, ServeOptions o)
        : dbPath(std::move(path)), options(std::move(o)), db(Database::open(dbPath)) {}

    // Builds both views once and hands them to every open stream.
    void publish() {
        std::string guest, screener;
        {
            std::lock_guard lock(dbMutex);
            StudioView view(db);
            const TimePoint at = now();
            guest = dumpSafe(view.guest(at));
            screener = dumpSafe(view.screener(at));
        }
        hub.publish(std::move(guest), std::move(screener));
    }

    // Seats can be revoked and channels configured by other processes (the command line, the
    // control room): the watcher notices any commit to the database and acts at once.
    void watch() {
        std::int64_t lastVersion = -1;
        auto lastPublish = std::chrono::steady_clock::now();
        while (!stopping) {
            bool changed = false;
            try {
                std::lock_guard lock(dbMutex);
                Statement v = db.prepare("PRAGMA data_version");
                v.step();
                const std::int64_t version = v.getInt(0);
                if (version != lastVersion) {
                    lastVersion = version;
                    changed = true;
                    secrets = ChannelSecretStore(db).load();
                    Statement revoked =
                        db.prepare("SELECT id FROM seats WHERE revoked_at IS NOT NULL");
                    while (revoked.step())
                        hub.closeSeat(revoked.getInt(0));
                }
            } catch (const std::exception& e) {
                std::fprintf(stderr, "watcher: %s\n", e.what());
            }
            const auto t = std::chrono::steady_clock::now();
            // The countdown runs on the pages; a fresh view every few seconds keeps them true.
            if (changed || dirty.exchange(false) || t - lastPublish > std::chrono::seconds(5)) {
                try {
                    publish();
                } catch (const std::exception& e) {
                    std::fprintf(stderr, "publishing the views: %s\n", e.what());
                }
                lastPublish = t;
            }
            std::unique_lock lock(watchMutex);
            watchWake.wait_for(lock, std::chrono::milliseconds(150),
                               [this] { return stopping.load(); });
        }
    }

    std::optional<Seat> seatOf(const httplib::Request& req) {
        const std::string token = tokenOf(req);
        if (token.empty() || token.size() > 128) return std::nullopt;
        std::lock_guard lock(dbMutex);
        auto seat = SeatStore(db).byTokenHash(sha256Hex(token));
        if (!seat || !seat->active()) return std::nullopt;
        return seat;
    }

    // Runs handler for a seat allowed to do `action`; answers 401/403 otherwise.
    template <class F>
    void withSeat(const httplib::Request& req, httplib::Response& res, SeatAction action, F&& f) {
        auto seat = seatOf(req);
        if (!seat) {
            sendError(res, 401,
                      "this seat is not paired or its access was revoked: scan the pairing code "
                      "again (kursi belum dipasangkan atau aksesnya dicabut)");
            return;
        }
        if (!seatMay(seat->role, action)) {
            sendError(res, 403,
                      fmt::format("seat '{}' is a {} seat and may not do this", seat->name,
                                  roleCode(seat->role)));
            return;
        }
        f(*seat);
    }

    static void guardErrors(httplib::Response& res, const std::function<void()>& f) {
        try {
            f();
        } catch (const NotFoundError& e) {
            sendError(res, 404, e.what());
        } catch (const InputError& e) {
            sendError(res, 422, e.what());
        } catch (const UserError& e) {
            sendError(res, 409, e.what());
        } catch (const BusyError& e) {
            sendError(res, 503, e.what());
        }
    }

    // JSON only: a cross-site form cannot send it, so a seat's cookie cannot be abused.
    static void requireJson(const httplib::Request& req) {
        if (req.get_header_value("Content-Type").rfind("application/json", 0) != 0)
            throw InputError("Content-Type: must be application/json");
    }

    static json bodyJson(const httplib::Request& req) {
        requireJson(req);
        json body = json::parse(req.body, nullptr, false);
        if (body.is_discarded() || !body.is_object())
            throw InputError("body: not a JSON object (or not valid UTF-8)");
        return body;
    }

    QuestionStore questions() { return QuestionStore(db); }

    void deliverWebhook(httplib::Response& res, std::vector<ChannelMessage> messages,
                        const std::string& actor, json extra) {
        if (messages.empty()) {
            sendJson(res, 200, extra);
            return;
        }
        auto deliveries = intake->submit(std::move(messages), actor).get();
        json outcomes = json::array();
        bool anyAccepted = false;
        std::string problem;
        for (const Delivery& d : deliveries) {
            json o = {{"outcome", outcomeCode(d.outcome)}};
            if (d.questionId) o["question_id"] = d.questionId;
            if (!d.problem.empty()) {
                o["error"] = d.problem;
                problem = d.problem;
            }
            anyAccepted |= d.outcome != DeliveryOutcome::Rejected;
            outcomes.push_back(o);
        }
        extra["messages"] = outcomes;
        if (!anyAccepted) extra["error"] = problem;
        // A message that breaks a text rule will never succeed: 422 tells the sender so.
        sendJson(res, anyAccepted ? 200 : 422, extra);
    }

    void routes();
};

void StudioServer::Impl::routes() {
    httplib::Server& s = *http;

    s.Get("/", [](const httplib::Request&, httplib::Response& res) {
        const Page* p = findPage("index.html");
        res.set_content(std::string(p->body), std::string(p->contentType));
    });
    s.Get("/healthz", [](const httplib::Request&, httplib::Response& res) {
        sendJson(res, 200, {{"ok", true}});
    });
    s.Get("/guest", [](const httplib::Request&, httplib::Response& res) {
        const Page* p = findPage("guest.html");
        res.set_content(std::string(p->body), std::string(p->contentType));
    });
    s.Get("/screener", [](const httplib::Request&, httplib::Response& res) {
        const Page* p = findPage("screener.html");
        res.set_content(std::string(p->body), std::string(p->contentType));
    });
    s.Get(R"(/static/(.*))", [](const httplib::Request& req, httplib::Response& res) {
        const Page* p = findPage(req.matches[1].str());
        if (!p || p->name.ends_with(".html")) {
            sendError(res, 404, "no such page");
            return;
        }
        res.set_header("Cache-Control", "no-cache");
        res.set_content(std::string(p->body), std::string(p->contentType));
    });

    s.Get("/pair", [this](const httplib::Request& req, httplib::Response& res) {
        const std::string token = req.get_param_value("t");
        std::optional<Seat> seat;
        if (!token.empty() && token.size() <= 128) {
            std::lock_guard lock(dbMutex);
            seat = SeatStore(db).byTokenHash(sha256Hex(token));
        }
        if (!seat || !seat->active()) {
            sendError(res, 401, "this pairing code is unknown or was revoked");
            return;
        }
        res.set_header("Set-Cookie", fmt::format("ds_seat={}; Path=/; HttpOnly; SameSite=Strict; "
                                                 "Max-Age=31536000{}",
                                                 token, https ? "; Secure" : ""));
        res.set_redirect(seat->role == SeatRole::Guest ? "/guest" : "/screener", 303);
    });

    s.Get("/api/me", [this](const httplib::Request& req, httplib::Response& res) {
        withSeat(req, res, SeatAction::ReadGuestView, [&](const Seat& seat) {
            sendJson(res, 200, {{"name", seat.name}, {"role", roleCode(seat.role)}});
        });
    });
    s.Get("/api/guest", [this](const httplib::Request& req, httplib::Response& res) {
        withSeat(req, res, SeatAction::ReadGuestView, [&](const Seat&) {
            std::lock_guard lock(dbMutex);
            sendJson(res, 200, StudioView(db).guest(now()));
        });
    });
    s.Get("/api/screener", [this](const httplib::Request& req, httplib::Response& res) {
        withSeat(req, res, SeatAction::ReadScreenerView, [&](const Seat&) {
            std::lock_guard lock(dbMutex);
            sendJson(res, 200, StudioView(db).screener(now()));
        });
    });
    s.Get(R"(/api/questions/(\d+)/earlier)",
          [this](const httplib::Request& req, httplib::Response& res) {
              withSeat(req, res, SeatAction::ReadScreenerView, [&](const Seat&) {
                  guardErrors(res, [&] {
                      std::lock_guard lock(dbMutex);
                      sendJson(res, 200, StudioView(db).earlier(std::stoll(req.matches[1].str())));
                  });
              });
          });

    s.Get("/api/events", [this](const httplib::Request& req, httplib::Response& res) {
        auto seat = seatOf(req);
        if (!seat) {
            sendError(res, 401, "this seat is not paired or its access was revoked");
            return;
        }
        auto stream = hub.open(seat->id, seat->role);
        res.set_header("Cache-Control", "no-cache");
        res.set_header("X-Accel-Buffering", "no");  // nginx: pass events on at once
        res.set_header("Connection", "close");
        res.set_chunked_content_provider(
            "text/event-stream",
            [this, stream](std::size_t, httplib::DataSink& sink) {
                std::string data;
                switch (hub.next(*stream, std::chrono::seconds(10), data)) {
                    case EventHub::Wait::Update: {
                        const std::string msg = "event: view\ndata: " + data + "\n\n";
                        return sink.write(msg.data(), msg.size());
                    }
                    case EventHub::Wait::Timeout:
                        return sink.write(": keep-alive\n\n", 14);
                    case EventHub::Wait::Closed:
                        break;
                }
                sink.done();
                return true;
            },
            [this, stream](bool) { hub.close(stream); });
    });

    s.Post("/api/questions", [this](const httplib::Request& req, httplib::Response& res) {
        withSeat(req, res, SeatAction::AddQuestion, [&](const Seat& seat) {
            guardErrors(res, [&] {
                requireJson(req);
                Question q = parseQuestionForm(req.body);
                json out;
                {
                    std::lock_guard lock(dbMutex);
                    Inbox inbox(db);
                    const auto live = inbox.liveSession();
                    if (!live)
                        throw UserError(
                            "no session is live: start the session in the control "
                            "room first (belum ada sesi yang berlangsung)");
                    q.sessionId = *live;
                    out = IntakeService(db).receive(q, seat.name).toJson();
                }
                publish();
                sendJson(res, 201, out);
            });
        });
    });

    s.Post(R"(/api/questions/(\d+)/(screen|approve|reject|merge|defer))",
           [this](const httplib::Request& req, httplib::Response& res) {
               withSeat(req, res, SeatAction::ScreenQuestion, [&](const Seat& seat) {
                   guardErrors(res, [&] {
                       const json body = bodyJson(req);
                       const std::int64_t id = std::stoll(req.matches[1].str());
                       const std::string action = req.matches[2].str();
                       json out;
                       {
                           std::lock_guard lock(dbMutex);
                           QuestionStore qs = questions();
                           Question q;
                           if (action == "screen")
                               q = qs.screen(id, formText(body, "note"), seat.name);
                           else if (action == "approve")
                               q = qs.approve(id, seat.name);
                           else if (action == "reject")
                               q = qs.reject(id, formText(body, "reason"), seat.name);
                           else if (action == "defer")
                               q = qs.defer(id, formText(body, "reason"), seat.name);
                           else {
                               if (!body.contains("into") || !body["into"].is_number_integer())
                                   throw InputError("field 'into': the question to merge into");
                               q = qs.merge(id, body["into"].get<std::int64_t>(), seat.name);
                           }
                           out = q.toJson();
                       }
                       publish();
                       sendJson(res, 200, out);
                   });
               });
           });

    s.Post("/api/inbox/attach", [this](const httplib::Request& req, httplib::Response& res) {
        withSeat(req, res, SeatAction::ScreenQuestion, [&](const Seat& seat) {
            guardErrors(res, [&] {
                json out;
                {
                    std::lock_guard lock(dbMutex);
                    Inbox inbox(db);
                    const auto live = inbox.liveSession();
                    if (!live) throw UserError("no session is live to attach the inbox to");
                    out = {{"session_id", *live}, {"question_ids", inbox.attach(*live, seat.name)}};
                }
                publish();
                sendJson(res, 200, out);
            });
        });
    });

    s.Get("/webhooks/whatsapp", [this](const httplib::Request& req, httplib::Response& res) {
        std::string expected;
        {
            std::lock_guard lock(dbMutex);
            if (secrets.whatsapp) expected = secrets.whatsapp->verifyToken;
        }
        if (expected.empty()) {
            sendError(res, 404, "the WhatsApp channel is not configured");
            return;
        }
        auto challenge = whatsappChallenge(req.get_param_value("hub.mode"),
                                           req.get_param_value("hub.verify_token"),
                                           req.get_param_value("hub.challenge"), expected);
        if (!challenge) {
            sendError(res, 403, "hub.mode is not 'subscribe' or hub.verify_token does not match");
            return;
        }
        res.set_content(*challenge, "text/plain");
    });

    s.Post("/webhooks/whatsapp", [this](const httplib::Request& req, httplib::Response& res) {
        std::string secret;
        {
            std::lock_guard lock(dbMutex);
            if (secrets.whatsapp) secret = secrets.whatsapp->appSecret;
        }
        if (secret.empty()) {
            sendError(res, 404, "the WhatsApp channel is not configured");
            return;
        }
        if (!signatureMatches(secret, req.body, req.get_header_value("X-Hub-Signature-256"))) {
            sendError(res, 401, "X-Hub-Signature-256 is missing or does not match the body");
            return;
        }
        guardErrors(res, [&] {
            WhatsAppNotification n = parseWhatsApp(req.body);
            if (n.media > 0)
                std::fprintf(stderr,
                             "whatsapp: %d media message(s) without text noted, not stored\n",
                             n.media);
            deliverWebhook(res, std::move(n.messages), "channel:whatsapp",
                           {{"statuses", n.statuses},
                            {"reactions", n.reactions},
                            {"media", n.media},
                            {"other", n.other}});
        });
    });

    s.Post("/webhooks/generic", [this](const httplib::Request& req, httplib::Response& res) {
        std::string secret;
        {
            std::lock_guard lock(dbMutex);
            if (secrets.webhookSecret) secret = *secrets.webhookSecret;
        }
        if (secret.empty()) {
            sendError(res, 404, "the generic webhook is not configured");
            return;
        }
        if (!signatureMatches(secret, req.body, req.get_header_value("X-DialogStudio-Signature"))) {
            sendError(res, 401, "X-DialogStudio-Signature is missing or does not match the body");
            return;
        }
        guardErrors(res, [&] {
            deliverWebhook(res, parseGenericWebhook(req.body), "channel:webhook", json::object());
        });
    });

    s.set_error_handler([](const httplib::Request&, httplib::Response& res) {
        if (!res.body.empty()) return;
        if (res.status == 413)
            sendError(res, 413, "the body is larger than this service accepts");
        else if (res.status == 404)
            sendError(res, 404, "no such page");
        else
            sendError(res, res.status, "the request was not understood");
    });
    s.set_exception_handler(
        [](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
            std::string what = "unknown error";
            try {
                std::rethrow_exception(ep);
            } catch (const std::exception& e) {
                what = e.what();
            } catch (...) {
            }
            std::fprintf(stderr, "%s %s: %s\n", req.method.c_str(), req.path.c_str(), what.c_str());
            sendError(res, 500, "the service failed: " + what);
        });
    if (options.quiet) return;
    s.set_logger([](const httplib::Request& req, const httplib::Response& res) {
        const std::string forwarded = req.get_header_value("X-Forwarded-For");
        std::fprintf(stderr, "%s %s %s %d%s%s\n", req.remote_addr.c_str(), req.method.c_str(),
                     req.path.c_str(), res.status, forwarded.empty() ? "" : " for ",
                     forwarded.c_str());
    });
}

StudioServer::StudioServer(std::filesystem::path dbPath, ServeOptions options)
    : impl_(std::make_unique<Impl>(std::move(dbPath), std::move(options))) {}

StudioServer::~StudioServer() {
    stop();
    if (impl_->watcher.joinable()) impl_->watcher.join();
}

int StudioServer::bind() {
    Impl& m = *impl_;
    bool allowLan = false;
    bool anySecret = false;
    {
        std::lock_guard lock(m.dbMutex);
        const Station station = StationStore(m.db).current("service");
        Statement lan = m.db.prepare("SELECT allow_lan FROM stations WHERE id = ?");
        lan.bind(1, station.id);
        allowLan = lan.step() && lan.getInt(0) != 0;
        m.secrets = ChannelSecretStore(m.db).load();
        anySecret = m.secrets.any() || SeatStore(m.db).anyActive();
    }
    requireListenAllowed(m.options.host, allowLan, anySecret);
    if (!m.options.certFile.empty() || !m.options.keyFile.empty()) {
        if (m.options.certFile.empty() || m.options.keyFile.empty())
            throw UserError("--cert and --key go together");
        for (const auto& f : {m.options.certFile, m.options.keyFile})
            if (!std::filesystem::is_regular_file(f))
                throw UserError(fmt::format("{}: no such file", f));
        m.http = std::make_unique<httplib::SSLServer>(m.options.certFile.c_str(),
                                                      m.options.keyFile.c_str());
        if (!m.http->is_valid())
            throw UserError(fmt::format("{} / {}: not a certificate and its private key",
                                        m.options.certFile, m.options.keyFile));
        m.https = true;
    } else {
        m.http = std::make_unique<httplib::Server>();
    }
    const int threads = m.options.threads;
    m.http->new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    m.http->set_payload_max_length(m.options.maxBody);
    m.http->set_read_timeout(5);
    m.http->set_write_timeout(5);
    m.http->set_keep_alive_max_count(10000);
    m.http->set_tcp_nodelay(true);
    m.intake = std::make_unique<IntakeQueue>(m.db, m.dbMutex, [&m] { m.dirty = true; });
    m.routes();
    if (m.options.port == 0) {
        m.port = m.http->bind_to_any_port(m.options.host);
        if (m.port <= 0)
            throw UserError(fmt::format("--listen {}: cannot listen there", m.options.host));
    } else {
        if (!m.http->bind_to_port(m.options.host, m.options.port))
            throw UserError(
                fmt::format("--listen {}:{}: cannot listen there (in use, or not an "
                            "address of this machine)",
                            m.options.host, m.options.port));
        m.port = m.options.port;
    }
    return m.port;
}

std::string StudioServer::baseUrl() const {
    const std::string host =
        impl_->options.host.find(':') != std::string::npos && impl_->options.host.front() != '['
            ? "[" + impl_->options.host + "]"
            : impl_->options.host;
    return fmt::format("{}://{}:{}", impl_->https ? "https" : "http", host, impl_->port);
}

void StudioServer::run() {
    Impl& m = *impl_;
    m.publish();
    m.watcher = std::thread([&m] { m.watch(); });
    m.http->listen_after_bind();
    // Stopped: let the watcher finish, then the intake queue answers what it holds.
    m.stopping = true;
    m.watchWake.notify_all();
    if (m.watcher.joinable()) m.watcher.join();
    m.intake.reset();
}

void StudioServer::stop() {
    Impl& m = *impl_;
    m.stopping = true;
    m.watchWake.notify_all();
    m.hub.closeAll();
    if (m.http) m.http->stop();
}

}  // namespace ds::service
