#include "studio/JournalKeyring.h"

#include <fcntl.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <sstream>

#include <fmt/format.h>

#include "studio/Errors.h"
#include "studio/Time.h"

namespace ds {

namespace {

std::string hex(const unsigned char* p, std::size_t n) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(n * 2);
    for (std::size_t i = 0; i < n; ++i) {
        out.push_back(kHex[p[i] >> 4]);
        out.push_back(kHex[p[i] & 0xf]);
    }
    return out;
}

std::optional<std::string> unhex(std::string_view h) {
    if (h.size() % 2 != 0) return std::nullopt;
    std::string out;
    for (std::size_t i = 0; i < h.size(); i += 2) {
        auto val = [](char c) -> int {
            if (c >= '0' && c <= '9') return c - '0';
            if (c >= 'a' && c <= 'f') return c - 'a' + 10;
            if (c >= 'A' && c <= 'F') return c - 'A' + 10;
            return -1;
        };
        int a = val(h[i]), b = val(h[i + 1]);
        if (a < 0 || b < 0) return std::nullopt;
        out.push_back(static_cast<char>(a * 16 + b));
    }
    return out;
}

std::string env(const char* name) {
    const char* v = std::getenv(name);
    return v ? std::string(v) : std::string();
}

}  // namespace

std::string JournalKey::sealHex(std::string_view data) const {
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (!HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
              reinterpret_cast<const unsigned char*>(data.data()), data.size(), md, &len)) {
        throw std::runtime_error("HMAC-SHA256 failed");
    }
    return hex(md, len);
}

JournalKeyring::JournalKeyring(std::filesystem::path file) : file_(std::move(file)) {}

std::filesystem::path JournalKeyring::defaultFile() {
    std::string explicitFile = env("DIALOGSTUDIO_JOURNAL_KEY");
    if (!explicitFile.empty()) return explicitFile;
    std::string xdg = env("XDG_CONFIG_HOME");
    if (!xdg.empty()) return std::filesystem::path(xdg) / "dialogstudio" / "journal.key";
    std::string home = env("HOME");
    if (home.empty()) {
        if (passwd* pw = getpwuid(getuid())) home = pw->pw_dir;
    }
    return std::filesystem::path(home) / ".config" / "dialogstudio" / "journal.key";
}

JournalKeyring& JournalKeyring::current() {
    static std::mutex mutex;
    static std::map<std::filesystem::path, std::unique_ptr<JournalKeyring>> rings;
    std::filesystem::path file = defaultFile();
    std::lock_guard lock(mutex);
    auto& ring = rings[file];
    if (!ring) ring = std::make_unique<JournalKeyring>(file);
    return *ring;
}

std::string JournalKeyring::idFor(std::string_view secret) {
    // Domain-separated so the id is never the HMAC of anything a row could contain.
    std::string buf = "dialogstudio journal key id\n";
    buf += secret;
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    EVP_Digest(buf.data(), buf.size(), md, &len, EVP_sha256(), nullptr);
    return hex(md, 8);
}

namespace {

std::string fileStamp(const std::filesystem::path& file) {
    struct stat st {};
    if (::stat(file.c_str(), &st) != 0) return "none";
    return fmt::format("{}:{}:{}.{}:{}", st.st_dev, st.st_ino, st.st_mtim.tv_sec,
                       st.st_mtim.tv_nsec, st.st_size);
}

}  // namespace

void JournalKeyring::refresh() {
    if (!loaded_ || fileStamp(file_) != stamp_) load();
}

void JournalKeyring::load() {
    loaded_ = true;
    stamp_ = fileStamp(file_);
    keys_.clear();
    problem_.clear();
    missing_ = false;
    std::ifstream in(file_);
    if (!in) {
        missing_ = errno == ENOENT;
        problem_ = missing_ ? fmt::format("there is no key file {}", file_.string())
                            : fmt::format("the key file {} cannot be read: {}", file_.string(),
                                          std::strerror(errno));
        return;
    }
    struct stat st {};
    if (::stat(file_.c_str(), &st) == 0 && (st.st_mode & 077) != 0) {
        // The secret is only worth anything while nobody else can read it.
        if (::chmod(file_.c_str(), 0600) == 0) {
            std::fprintf(stderr,
                         "dialogstudio: the journal key file %s could be read by others; it is "
                         "now owner-only (mode 600)\n",
                         file_.c_str());
        }
    }
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (line.empty() || line[0] == '#') continue;
        std::istringstream fields(line);
        std::string version, created, secretHex;
        fields >> version >> created >> secretHex;
        auto secret = unhex(secretHex);
        if (version != "v1" || !secret || secret->size() != 32) {
            keys_.clear();
            problem_ = fmt::format(
                "the key file {} is damaged at line {}; restore it from its backup, or move it "
                "away to start a new key (rows sealed with the old key then cannot be verified)",
                file_.string(), number);
            return;
        }
        keys_.push_back({idFor(*secret), created, *secret});
    }
    if (keys_.empty()) problem_ = fmt::format("the key file {} holds no key", file_.string());
}

std::optional<JournalKey> JournalKeyring::find(std::string_view id) {
    std::lock_guard lock(mutex_);
    refresh();
    for (const JournalKey& k : keys_)
        if (k.id == id) return k;
    return std::nullopt;
}

std::string JournalKeyring::problem() {
    std::lock_guard lock(mutex_);
    refresh();
    return problem_;
}

JournalKey JournalKeyring::sealingKey(bool* created) {
    std::lock_guard lock(mutex_);
    refresh();
    if (created) *created = false;
    if (!keys_.empty()) {
        const JournalKey* newest = &keys_.front();
        for (const JournalKey& k : keys_)
            if (k.createdAt >= newest->createdAt) newest = &k;
        return *newest;
    }
    if (!missing_) throw UserError(problem_);
    // A new keyring: written beside its final name and linked into place, so two processes
    // starting at once agree on one key (the loser reads the winner's file).
    std::error_code ec;
    std::filesystem::create_directories(file_.parent_path(), ec);
    if (ec) {
        throw UserError(fmt::format("cannot create the folder {} for the journal key: {}",
                                    file_.parent_path().string(), ec.message()));
    }
    unsigned char raw[32];
    if (RAND_bytes(raw, sizeof raw) != 1) throw std::runtime_error("no random bytes for a key");
    std::string content = fmt::format(
        "# Dialog Studio journal key: seals the journal rows. Keep it owner-only and back it up\n"
        "# apart from the database (docs/JOURNAL.md). Add lines of older keys, never remove.\n"
        "v1 {} {}\n",
        formatUtc(now()), hex(raw, sizeof raw));
    std::string tmp = file_.string() + fmt::format(".{}.tmp", ::getpid());
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0) {
        throw UserError(fmt::format("cannot create the journal key file {}: {}", file_.string(),
                                    std::strerror(errno)));
    }
    bool ok = ::write(fd, content.data(), content.size()) == static_cast<ssize_t>(content.size());
    ok = ::fsync(fd) == 0 && ok;
    ::close(fd);
    int linked = ok ? ::link(tmp.c_str(), file_.c_str()) : -1;
    int err = errno;
    ::unlink(tmp.c_str());
    if (!ok || (linked != 0 && err != EEXIST)) {
        throw UserError(fmt::format("cannot create the journal key file {}: {}", file_.string(),
                                    std::strerror(err)));
    }
    load();
    if (keys_.empty()) throw UserError(problem_);
    if (created) *created = linked == 0;
    return keys_.back();
}

}  // namespace ds
