// Webhook intake under concurrent clients: signed WhatsApp Cloud API notifications (one text
// message each, every id new) posted with keep-alive by N client threads for S seconds against a
// running `dialogstudio serve`. Prints the answered questions per second, p50/p99/max latency
// (the service answers 2xx only after the commit), and, given the service's pid, its CPU time
// per question. Run by run_bench.py, which starts the service on a fresh demo database.
//   bench_service_webhook --port P --secret S [--clients 32] [--seconds 20] [--pid PID]
#include <unistd.h>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>
#include <httplib.h>

#include "service/Secrets.h"

namespace {

double cpuSeconds(int pid) {
    std::ifstream in(fmt::format("/proc/{}/stat", pid));
    std::string s((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto close = s.rfind(')');
    if (close == std::string::npos) return 0;
    std::vector<std::string> f;
    std::string cur;
    for (char c : s.substr(close + 2)) {
        if (c == ' ') {
            f.push_back(cur);
            cur.clear();
        } else {
            cur.push_back(c);
        }
    }
    // Fields 14 and 15 (utime, stime) are the 12th and 13th after the name.
    return (std::stod(f[11]) + std::stod(f[12])) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

std::string payload(const std::string& id, long ts, const std::string& wa) {
    return fmt::format(
        R"({{"object":"whatsapp_business_account","entry":[{{"id":"1","changes":[{{"field":"messages","value":{{"messaging_product":"whatsapp","metadata":{{"phone_number_id":"1"}},"contacts":[{{"profile":{{"name":"Pendengar Uji"}},"wa_id":"{2}"}}],"messages":[{{"from":"{2}","id":"{0}","timestamp":"{1}","type":"text","text":{{"body":"Pertanyaan uji beban nomor {0}: kapan ada SIM keliling di kecamatan kami?"}}}}]}}}}]}}]}})",
        id, ts, wa);
}

}  // namespace

int main(int argc, char** argv) {
    int port = 0, clients = 32, seconds = 20, pid = 0;
    std::string secret, host = "127.0.0.1";
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string a = argv[i], v = argv[i + 1];
        if (a == "--port")
            port = std::stoi(v);
        else if (a == "--secret")
            secret = v;
        else if (a == "--clients")
            clients = std::stoi(v);
        else if (a == "--seconds")
            seconds = std::stoi(v);
        else if (a == "--pid")
            pid = std::stoi(v);
        else if (a == "--host")
            host = v;
    }
    if (!port || secret.empty()) {
        std::fprintf(stderr,
                     "usage: %s --port P --secret S [--clients N] [--seconds S] [--pid PID]\n",
                     argv[0]);
        return 2;
    }
    const long ts = std::chrono::duration_cast<std::chrono::seconds>(
                        std::chrono::system_clock::now().time_since_epoch())
                        .count() -
                    60;
    std::mutex m;
    std::vector<double> latencies;
    std::atomic<long> ok{0}, failed{0};
    const double cpu0 = pid ? cpuSeconds(pid) : 0;
    const auto start = std::chrono::steady_clock::now();
    const auto end = start + std::chrono::seconds(seconds);
    std::vector<std::thread> threads;
    for (int c = 0; c < clients; ++c) {
        threads.emplace_back([&, c] {
            httplib::Client cli(host, port);
            cli.set_keep_alive(true);
            cli.set_read_timeout(30);
            std::vector<double> mine;
            for (long i = 0; std::chrono::steady_clock::now() < end; ++i) {
                const std::string id = fmt::format("wamid.bench-{}-{}-{}", ts, c, i);
                const std::string body = payload(id, ts, fmt::format("62812{:03d}{:06d}", c, i));
                httplib::Headers h{
                    {"X-Hub-Signature-256", "sha256=" + ds::service::hmacSha256Hex(secret, body)}};
                const auto t0 = std::chrono::steady_clock::now();
                auto res = cli.Post("/webhooks/whatsapp", h, body, "application/json");
                const auto t1 = std::chrono::steady_clock::now();
                if (res && res->status == 200 &&
                    res->body.find("\"question\"") != std::string::npos) {
                    ++ok;
                    mine.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
                } else {
                    ++failed;
                }
            }
            std::lock_guard lock(m);
            latencies.insert(latencies.end(), mine.begin(), mine.end());
        });
    }
    for (auto& t : threads)
        t.join();
    const double wall =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const double cpu = pid ? cpuSeconds(pid) - cpu0 : 0;
    std::sort(latencies.begin(), latencies.end());
    auto pct = [&](double p) {
        return latencies.empty()
                   ? 0.0
                   : latencies[std::min(latencies.size() - 1,
                                        static_cast<std::size_t>(p * latencies.size()))];
    };
    fmt::print("clients {} seconds {:.1f}: {} questions committed and answered, {} failed\n",
               clients, wall, ok.load(), failed.load());
    fmt::print(
        "throughput {:.0f} questions/s; latency p50 {:.2f} ms, p99 {:.2f} ms, max {:.2f} ms\n",
        ok / wall, pct(0.50), pct(0.99), latencies.empty() ? 0.0 : latencies.back());
    if (pid)
        fmt::print("service CPU {:.2f} s = {:.0f} us per question ({:.0f}% of the 2 cores)\n", cpu,
                   ok ? cpu / ok * 1e6 : 0.0, cpu / wall / 2 * 100);
    return failed == 0 ? 0 : 1;
}
