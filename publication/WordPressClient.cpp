#include "publication/WordPressClient.h"

#include <sys/stat.h>

#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "studio/Errors.h"

namespace ds::publication {

namespace {

std::string base64(const std::string& in) {
    static const char* k = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    unsigned val = 0;
    int bits = -6;
    for (unsigned char c : in) {
        val = (val << 8) + c;
        bits += 8;
        while (bits >= 0) {
            out.push_back(k[(val >> bits) & 0x3F]);
            bits -= 6;
        }
    }
    if (bits > -6) out.push_back(k[((val << 8) >> (bits + 8)) & 0x3F]);
    while (out.size() % 4)
        out.push_back('=');
    return out;
}

std::string urlEncode(const std::string& s) {
    std::string out;
    for (unsigned char c : s) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~')
            out += static_cast<char>(c);
        else
            out += fmt::format("%{:02X}", c);
    }
    return out;
}

std::string mimeOf(const std::filesystem::path& p) {
    std::string ext = p.extension().string();
    for (auto& c : ext)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext == ".png") return "image/png";
    if (ext == ".jpg" || ext == ".jpeg") return "image/jpeg";
    if (ext == ".mp3") return "audio/mpeg";
    if (ext == ".m4a") return "audio/mp4";
    if (ext == ".mp4") return "video/mp4";
    return "application/octet-stream";
}

}  // namespace

struct WordPressClient::Impl {
    std::string site;    // scheme://host:port
    std::string prefix;  // path of the site below the host, "" or "/blog"
    std::string auth;
    std::unique_ptr<httplib::Client> http;

    // The REST route: pretty permalinks and plain ones both answer ?rest_route=.
    std::string route(const std::string& r, const std::string& query = "") const {
        return prefix + "/?rest_route=" + urlEncode(r) + (query.empty() ? "" : "&" + query);
    }

    nlohmann::json check(const httplib::Result& res, const char* what, int want) const {
        if (!res)
            throw UserError(
                fmt::format("WordPress {}: {} ({})", site, what, httplib::to_string(res.error())));
        nlohmann::json body = nlohmann::json::parse(res->body, nullptr, false);
        if (res->status != want) {
            std::string msg = body.is_object() ? body.value("message", "") : "";
            std::string code = body.is_object() ? body.value("code", "") : "";
            throw UserError(fmt::format("WordPress {}: {} answered HTTP {}{}{}", site, what,
                                        res->status, code.empty() ? "" : " " + code,
                                        msg.empty() ? "" : ": " + msg));
        }
        if (body.is_discarded())
            throw UserError(
                fmt::format("WordPress {}: {} answered something that is not JSON", site, what));
        return body;
    }
};

WordPressClient::WordPressClient(const std::string& site, const std::string& user,
                                 const std::filesystem::path& passwordFile)
    : impl_(std::make_unique<Impl>()) {
    if (site.empty() || user.empty() || passwordFile.empty())
        throw UserError(
            "the WordPress website is not set: `publishing set --wordpress-url --wordpress-user "
            "--wordpress-password-file`");
    struct stat st {};
    if (::stat(passwordFile.c_str(), &st) != 0)
        throw UserError(
            fmt::format("cannot read the WordPress password file {}", passwordFile.string()));
    if (st.st_mode & (S_IRWXG | S_IRWXO))
        throw UserError(
            fmt::format("the WordPress password file {} is readable by others: chmod 600 it",
                        passwordFile.string()));
    std::ifstream in(passwordFile);
    std::string password;
    std::getline(in, password);
    while (!password.empty() && (password.back() == '\r' || password.back() == ' '))
        password.pop_back();
    if (password.empty())
        throw UserError(
            fmt::format("the WordPress password file {} is empty", passwordFile.string()));
    // scheme://host[:port][/path]
    auto schemeEnd = site.find("://");
    auto pathStart = site.find('/', schemeEnd + 3);
    impl_->site = site.substr(0, pathStart);
    impl_->prefix = pathStart == std::string::npos ? "" : site.substr(pathStart);
    std::string host = impl_->site.substr(schemeEnd + 3);
    host = host.substr(0, host.find(':'));
    bool loopback = host == "127.0.0.1" || host == "localhost" || host == "[::1]";
    if (site.rfind("https://", 0) != 0 && !loopback)
        throw UserError(fmt::format(
            "WordPress {}: the application password goes only over https (plain http only to "
            "this machine)",
            site));
    impl_->auth = "Basic " + base64(user + ":" + password);
    impl_->http = std::make_unique<httplib::Client>(impl_->site);
    impl_->http->set_connection_timeout(10);
    impl_->http->set_read_timeout(120);
    impl_->http->set_write_timeout(120);
}

WordPressClient::~WordPressClient() = default;

void WordPressClient::checkLogin() {
    auto res = impl_->http->Get(impl_->route("/wp/v2/users/me", "context=edit"),
                                httplib::Headers{{"Authorization", impl_->auth}});
    impl_->check(res, "signing in with the application password", 200);
}

WordPressMedia WordPressClient::uploadMedia(const std::filesystem::path& file,
                                            const std::string& title) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw UserError(fmt::format("cannot read {}", file.string()));
    std::stringstream buf;
    buf << in.rdbuf();
    std::string name = file.filename().string();
    for (auto& c : name)
        if (c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20) c = '_';
    httplib::Headers headers{{"Authorization", impl_->auth},
                             {"Content-Disposition", "attachment; filename=\"" + name + "\""}};
    auto res =
        impl_->http->Post(impl_->route("/wp/v2/media"), headers, buf.str(), mimeOf(file).c_str());
    const std::string what = "uploading " + name;
    auto j = impl_->check(res, what.c_str(), 201);
    WordPressMedia m;
    m.id = j.value("id", 0L);
    m.sourceUrl = j.value("source_url", "");
    if (!title.empty()) {
        nlohmann::json patch{{"alt_text", title}, {"caption", title}};
        auto r2 = impl_->http->Post(impl_->route("/wp/v2/media/" + std::to_string(m.id)),
                                    httplib::Headers{{"Authorization", impl_->auth}}, patch.dump(),
                                    "application/json");
        impl_->check(r2, "captioning the photo", 200);
    }
    return m;
}

std::optional<WordPressPost> WordPressClient::findPost(const std::string& slug) {
    auto res = impl_->http->Get(
        impl_->route("/wp/v2/posts", "slug=" + urlEncode(slug) +
                                         "&status=publish,future,draft,pending,private"
                                         "&context=edit"),
        httplib::Headers{{"Authorization", impl_->auth}});
    auto j = impl_->check(res, "looking for the post", 200);
    if (!j.is_array() || j.empty()) return std::nullopt;
    WordPressPost p;
    p.id = j[0].value("id", 0L);
    p.link = j[0].value("link", "");
    p.status = j[0].value("status", "");
    return p;
}

WordPressPost WordPressClient::createPost(const std::string& title, const std::string& html,
                                          const std::string& slug, long featuredMedia) {
    nlohmann::json body{{"title", title}, {"content", html}, {"slug", slug}, {"status", "publish"}};
    if (featuredMedia > 0) body["featured_media"] = featuredMedia;
    auto res = impl_->http->Post(impl_->route("/wp/v2/posts"),
                                 httplib::Headers{{"Authorization", impl_->auth}}, body.dump(),
                                 "application/json");
    auto j = impl_->check(res, "creating the post", 201);
    WordPressPost p;
    p.id = j.value("id", 0L);
    p.link = j.value("link", "");
    p.status = j.value("status", "");
    return p;
}

}  // namespace ds::publication
