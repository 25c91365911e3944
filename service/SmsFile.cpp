#include "service/SmsFile.h"

#include <fstream>
#include <iterator>
#include <regex>

#include <fmt/format.h>

#include "studio/Errors.h"

namespace ds::service {

namespace {

void appendUtf8(std::string& out, char32_t c) {
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

std::string utf16ToUtf8(const std::string& bytes, bool bigEndian, const std::string& where) {
    if (bytes.size() % 2) throw InputError(where + ": odd length for UTF-16 text");
    std::string out;
    for (std::size_t i = 0; i < bytes.size(); i += 2) {
        auto unit = [&](std::size_t k) -> char32_t {
            const auto a = static_cast<unsigned char>(bytes[k]);
            const auto b = static_cast<unsigned char>(bytes[k + 1]);
            return bigEndian ? (a << 8 | b) : (b << 8 | a);
        };
        char32_t c = unit(i);
        if (c >= 0xD800 && c < 0xDC00) {
            if (i + 3 >= bytes.size()) throw InputError(where + ": broken UTF-16 surrogate pair");
            const char32_t low = unit(i + 2);
            if (low < 0xDC00 || low >= 0xE000)
                throw InputError(where + ": broken UTF-16 surrogate pair");
            c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
            i += 2;
        } else if (c >= 0xDC00 && c < 0xE000) {
            throw InputError(where + ": broken UTF-16 surrogate pair");
        }
        appendUtf8(out, c);
    }
    return out;
}

}  // namespace

ChannelMessage readSmsFile(const std::filesystem::path& file, const std::string& timeZone) {
    const std::string name = file.filename().string();
    static const std::regex kName(
        R"(IN(\d{4})(\d{2})(\d{2})_(\d{2})(\d{2})(\d{2})_(\d+)_([^_]*)_(\d+)\.(txt|bin|smsbackup))");
    std::smatch m;
    if (!std::regex_match(name, m, kName))
        throw InputError(
            fmt::format("{}: not a gammu-smsd inbox file name "
                        "(IN<date>_<time>_<serial>_<sender>_<part>.txt)",
                        name));
    std::ifstream in(file, std::ios::binary);
    if (!in) throw InputError(fmt::format("{}: cannot be read", file.string()));
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::string text;
    if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0xFF &&
        static_cast<unsigned char>(bytes[1]) == 0xFE)
        text = utf16ToUtf8(bytes.substr(2), false, name);
    else if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0xFE &&
             static_cast<unsigned char>(bytes[1]) == 0xFF)
        text = utf16ToUtf8(bytes.substr(2), true, name);
    else
        text = bytes;
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == '\0'))
        text.pop_back();
    ChannelMessage cm;
    cm.channel = "sms";
    cm.messageId = name;
    cm.contact = m[8].str();
    cm.text = text;
    cm.receivedAt = parseLocal(fmt::format("{}-{}-{} {}:{}:{}", m[1].str(), m[2].str(), m[3].str(),
                                           m[4].str(), m[5].str(), m[6].str()),
                               timeZone);
    return cm;
}

}  // namespace ds::service
