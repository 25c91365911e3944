#include "service/MaildirReader.h"

#include <fcntl.h>

#include <algorithm>
#include <memory>
#include <mutex>

#include <fmt/format.h>
#include <gmime/gmime.h>

#include "studio/Errors.h"

namespace ds::service {

namespace {

struct Unref {
    void operator()(gpointer p) const {
        if (p) g_object_unref(p);
    }
};
template <class T>
using GPtr = std::unique_ptr<T, Unref>;

struct GFree {
    void operator()(gpointer p) const { g_free(p); }
};

void initGMime() {
    static std::once_flag once;
    std::call_once(once, [] { g_mime_init(); });
}

void appendCodePoint(std::string& out, unsigned long c) {
    if (c == 0 || c > 0x10FFFF || (c >= 0xD800 && c < 0xE000)) return;
    if (c < 0x80) {
        out.push_back(static_cast<char>(c));
    } else if (c < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (c >> 6)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (c >> 12)));
        out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (c >> 18)));
        out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
}

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

// Collapses runs of blank lines and trailing spaces that HTML and quoting leave behind.
std::string tidy(const std::string& text) {
    std::string out;
    int newlines = 0;
    for (char c : text) {
        if (c == '\r') continue;
        if (c == '\n') {
            while (!out.empty() && (out.back() == ' ' || out.back() == '\t'))
                out.pop_back();
            if (++newlines > 2) continue;
        } else if (c != ' ' && c != '\t') {
            newlines = 0;
        }
        out.push_back(c);
    }
    const auto first = out.find_first_not_of(" \t\n");
    if (first == std::string::npos) return "";
    const auto last = out.find_last_not_of(" \t\n");
    return out.substr(first, last - first + 1);
}

struct Walk {
    std::string plain, html;
    std::vector<std::string> attachments;
};

void visit(GMimeObject*, GMimeObject* part, gpointer data) {
    auto& w = *static_cast<Walk*>(data);
    if (!GMIME_IS_PART(part)) return;
    GMimePart* p = GMIME_PART(part);
    GMimeContentType* ct = g_mime_object_get_content_type(part);
    const bool text = GMIME_IS_TEXT_PART(part);
    if (g_mime_part_is_attachment(p) || !text) {
        const char* name = g_mime_part_get_filename(p);
        w.attachments.push_back(name ? name : g_mime_content_type_get_mime_type(ct));
        return;
    }
    std::unique_ptr<char, GFree> body(g_mime_text_part_get_text(GMIME_TEXT_PART(part)));
    if (!body) return;
    if (g_mime_content_type_is_type(ct, "text", "html")) {
        if (w.html.empty()) w.html = body.get();
    } else if (w.plain.empty()) {
        w.plain = body.get();
    }
}

}  // namespace

std::string htmlToText(std::string_view html) {
    std::string out;
    std::size_t i = 0;
    while (i < html.size()) {
        const char c = html[i];
        if (c == '<') {
            const std::size_t end = html.find('>', i);
            if (end == std::string_view::npos) break;
            std::string tag = lower(html.substr(i + 1, end - i - 1));
            const std::string nameOnly = tag.substr(0, tag.find_first_of(" \t\n/"));
            if (nameOnly == "script" || nameOnly == "style") {
                const std::size_t close = lower(html.substr(end)).find("</" + nameOnly);
                i = close == std::string::npos ? html.size() : end + close;
                const std::size_t gt = html.find('>', i);
                i = gt == std::string_view::npos ? html.size() : gt + 1;
                continue;
            }
            const std::string bare = tag.rfind('/', 0) == 0 ? tag.substr(1) : tag;
            const std::string bareName = bare.substr(0, bare.find_first_of(" \t\n/"));
            if (bareName == "br" || bareName == "p" || bareName == "div" || bareName == "li" ||
                bareName == "tr" || bareName == "h1" || bareName == "h2" || bareName == "h3")
                out.push_back('\n');
            i = end + 1;
        } else if (c == '&') {
            const std::size_t semi = html.find(';', i);
            if (semi == std::string_view::npos || semi - i > 10) {
                out.push_back(c);
                ++i;
                continue;
            }
            const std::string name(html.substr(i + 1, semi - i - 1));
            if (name == "amp")
                out += '&';
            else if (name == "lt")
                out += '<';
            else if (name == "gt")
                out += '>';
            else if (name == "quot")
                out += '"';
            else if (name == "apos")
                out += '\'';
            else if (name == "nbsp")
                out += ' ';
            else if (!name.empty() && name[0] == '#') {
                unsigned long cp = 0;
                try {
                    cp = name.size() > 1 && (name[1] == 'x' || name[1] == 'X')
                             ? std::stoul(name.substr(2), nullptr, 16)
                             : std::stoul(name.substr(1));
                } catch (const std::exception&) {
                    cp = 0;
                }
                appendCodePoint(out, cp);
            } else {
                out += html.substr(i, semi - i + 1);
            }
            i = semi + 1;
        } else {
            out.push_back(c == '\n' || c == '\r' || c == '\t' ? ' ' : c);
            ++i;
        }
    }
    return tidy(out);
}

ChannelMessage readMailFile(const std::filesystem::path& file) {
    initGMime();
    const std::string where = file.filename().string();
    GError* err = nullptr;
    GPtr<GMimeStream> stream(g_mime_stream_fs_open(file.c_str(), O_RDONLY, 0, &err));
    if (!stream) {
        const std::string why = err ? err->message : "cannot be opened";
        if (err) g_error_free(err);
        throw InputError(fmt::format("{}: {}", file.string(), why));
    }
    GPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
    GPtr<GMimeMessage> msg(g_mime_parser_construct_message(parser.get(), nullptr));
    if (!msg) throw InputError(fmt::format("{}: not an e-mail message", where));

    ChannelMessage cm;
    cm.channel = "email";
    const char* id = g_mime_message_get_message_id(msg.get());
    cm.messageId = id && *id ? std::string(id) : where.substr(0, where.find(':'));
    InternetAddressList* from = g_mime_message_get_from(msg.get());
    if (!from || internet_address_list_length(from) == 0)
        throw InputError(fmt::format("{}: no From header", where));
    InternetAddress* a = internet_address_list_get_address(from, 0);
    if (const char* name = internet_address_get_name(a)) cm.senderName = name;
    if (INTERNET_ADDRESS_IS_MAILBOX(a))
        if (const char* addr = internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(a)))
            cm.contact = addr;
    GDateTime* date = g_mime_message_get_date(msg.get());
    if (!date) throw InputError(fmt::format("{}: no Date header", where));
    cm.receivedAt = TimePoint(std::chrono::seconds(g_date_time_to_unix(date)));

    Walk walk;
    g_mime_message_foreach(msg.get(), visit, &walk);
    std::string body = !walk.plain.empty() ? tidy(walk.plain) : htmlToText(walk.html);
    const char* subject = g_mime_message_get_subject(msg.get());
    const std::string subj = subject ? tidy(subject) : "";
    cm.text = subj.empty() ? body : (body.empty() ? subj : subj + "\n" + body);
    if (!walk.attachments.empty()) {
        std::string names;
        for (const auto& n : walk.attachments)
            names += (names.empty() ? "" : ", ") + n;
        cm.note = "lampiran e-mail: " + names + " (tidak disimpan)";
    }
    return cm;
}

std::vector<std::filesystem::path> maildirFiles(const std::filesystem::path& dir) {
    namespace fs = std::filesystem;
    if (!fs::is_directory(dir / "new") || !fs::is_directory(dir / "cur"))
        throw UserError(fmt::format("{}: not a Maildir (it needs new/ and cur/)", dir.string()));
    std::vector<fs::path> out;
    for (const char* sub : {"new", "cur"})
        for (const auto& e : fs::directory_iterator(dir / sub))
            if (e.is_regular_file() && e.path().filename().string().front() != '.')
                out.push_back(e.path());
    std::sort(out.begin(), out.end(),
              [](const fs::path& a, const fs::path& b) { return a.filename() < b.filename(); });
    return out;
}

}  // namespace ds::service
