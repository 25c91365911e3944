#pragma once
// The studio service: one HTTP(S) server on the station's database, serving the seats' pages
// and API, the live-update streams and the channels' webhooks. Runs until stop().
#include <filesystem>
#include <memory>
#include <string>

namespace ds::service {

struct ServeOptions {
    std::string host = "127.0.0.1";
    int port = 8080;                // 0: any free port (printed when listening)
    std::string certFile, keyFile;  // both set: HTTPS
    std::size_t maxBody = 64 * 1024;
    int threads = 64;    // each open live-update stream holds one
    bool quiet = false;  // no request log on stderr
};

// Whether the address is on this machine only (127.0.0.0/8, ::1, localhost).
bool isLoopback(const std::string& host);
// The listening rule: beyond loopback only when the station allows LAN and at least one seat or
// channel secret exists. Throws UserError saying which condition is missing.
void requireListenAllowed(const std::string& host, bool stationAllowsLan, bool anySecret);

class StudioServer {
  public:
    StudioServer(std::filesystem::path dbPath, ServeOptions options);
    ~StudioServer();

    // Binds the address (after requireListenAllowed); returns the port. Throws UserError.
    int bind();
    // Serves until stop() is called from another thread or a signal handler thread.
    void run();
    void stop();
    std::string baseUrl() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace ds::service
