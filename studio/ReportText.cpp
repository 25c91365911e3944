#include "studio/ReportText.h"

#include <cmath>
#include <map>
#include <string_view>

#include <fmt/format.h>

#include "studio/IndonesianDate.h"
#include "studio/Vocabulary.h"

namespace ds::report {

std::string duration(double seconds) {
    long long minutes = std::llround(seconds / 60.0);
    if (minutes < 60) return fmt::format("{} menit", minutes);
    long long hours = minutes / 60;
    if (hours < 24) {
        return minutes % 60 ? fmt::format("{} jam {} menit", hours, minutes % 60)
                            : fmt::format("{} jam", hours);
    }
    return hours % 24 ? fmt::format("{} hari {} jam", hours / 24, hours % 24)
                      : fmt::format("{} hari", hours / 24);
}

namespace {

// A plain number (-12, +6281234567890, 2.5): a spreadsheet reads it as a number, never as a
// formula. Anything else that starts like a formula is one: "-1+cmd|' /C calc'!A0" starts with
// "-1" but is a DDE call.
bool plainNumber(std::string_view s) {
    std::size_t i = (s[0] == '+' || s[0] == '-') ? 1 : 0;
    bool digits = false, dot = false;
    for (; i < s.size(); ++i) {
        if (s[i] >= '0' && s[i] <= '9') {
            digits = true;
        } else if (s[i] == '.' && !dot && digits) {
            dot = true;
        } else {
            return false;
        }
    }
    return digits && s.back() != '.';
}

}  // namespace

std::string csvField(std::string s) {
    if (!s.empty() && (s[0] == '=' || s[0] == '@' || s[0] == '\t' || s[0] == '\r' ||
                       ((s[0] == '+' || s[0] == '-') && !plainNumber(s)))) {
        s.insert(s.begin(), '\'');
    }
    if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string csvRow(const std::string& section, const std::string& key, const nlohmann::json& v) {
    const std::string value = v.is_null() ? "" : v.is_string() ? v.get<std::string>() : v.dump();
    return csvField(section) + "," + csvField(key) + "," + csvField(value) + "\r\n";
}

std::string days(const std::optional<double>& d) {
    if (!d) return "-";
    return idn::decimal(*d, 1) + " hari";
}

std::string groundText(const std::string& ground, std::optional<int> subground,
                       const std::string& law) {
    const Term* t = vocab::find(vocab::refusalGrounds(), ground);
    std::string text = t ? std::string(t->id) : ground;
    if (subground) {
        // "Pasal 17 huruf a UU 14/2008: ..." -> add "angka 2" after the letter.
        auto colon = text.find(':');
        std::string head = colon == std::string::npos ? text : text.substr(0, colon);
        std::string tail = colon == std::string::npos ? "" : text.substr(colon);
        auto uu = head.find(" UU ");
        if (uu != std::string::npos) {
            head.insert(uu, fmt::format(" angka {}", *subground));
        } else {
            head += fmt::format(" angka {}", *subground);
        }
        text = head + tail;
    }
    if (!law.empty()) text += " (" + law + ")";
    return text;
}

std::string shortGround(const std::string& ground, std::optional<int> subground) {
    std::string text = groundText(ground, subground);
    // "Pasal 17 huruf a angka 2 UU 14/2008: menghambat ..." -> the part before the colon; the
    // grounds outside Pasal 17 carry their citation in brackets and keep their words.
    auto colon = text.find(':');
    return colon == std::string::npos ? text : text.substr(0, colon);
}

std::string decisionText(const InfoRequest& r) {
    const Term* status = vocab::find(vocab::requestStatuses(), r.status);
    std::string s = status ? std::string(status->id) : r.status;
    if (!r.decided()) return s;
    const Term* d = vocab::find(vocab::requestStatuses(), r.decision.decision);
    std::string text = d ? std::string(d->id) : r.decision.decision;
    if (r.decision.decision == "refused") {
        // A filed register cites the article, not the program's code for it ("P17a").
        text += ": " + shortGround(r.decision.ground, r.decision.subground);
    }
    if (r.status == "objection" || r.status == "dispute") text += "; " + s;
    return text;
}

std::vector<std::string> letterheadLines(const Station& st) {
    std::vector<std::string> lines;
    std::string text = st.letterhead.empty() ? st.name : st.letterhead;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t nl = text.find('\n', start);
        std::string line =
            text.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
        if (!line.empty()) lines.push_back(line);
        if (nl == std::string::npos) break;
        start = nl + 1;
    }
    return lines;
}

std::string placeOf(const Station& st) {
    const std::string& name = st.name;
    for (const char* prefix : {"Polresta ", "Polrestabes ", "Polres ", "Polda ", "Polsek ",
                               "Pemerintah Kabupaten ", "Pemerintah Kota ", "Pemkab ", "Pemkot "}) {
        if (name.rfind(prefix, 0) == 0) return name.substr(std::string(prefix).size());
    }
    return name;
}

std::string fieldLabel(const std::string& field) {
    static const std::map<std::string, std::string, std::less<>> kLabels{
        // The session (AmendmentStore::amendSession).
        {"topic", "Topik"},
        {"sprin_number", "Nomor Sprin"},
        {"sprin_date", "Tanggal Sprin"},
        {"role", "tugas"},
        {"name", "nama"},
        {"rank", "pangkat"},
        {"nrp", "NRP/NIP"},
        {"position", "jabatan"},
        // A question.
        {"text", "Teks pertanyaan"},
        {"caller_name", "Nama penanya"},
        {"origin", "Asal penanya"},
        {"contact", "Kontak penanya"},
        // A request.
        {"details", "Informasi yang diminta"},
        {"purpose", "Tujuan penggunaan"},
        {"channel", "Saluran"},
        {"written", "Tertulis"},
        {"obtain_method", "Cara memperoleh"},
        {"delivery_method", "Cara pengiriman"},
        {"address", "alamat"},
        {"occupation", "pekerjaan"},
        {"phone", "telepon"},
        {"email", "e-mail"},
        {"nik", "NIK"},
        {"power_of_attorney", "surat kuasa"},
        {"decision", "Keputusan"},
        {"holding", "Penguasaan informasi"},
        {"other_body", "Badan publik lain"},
        {"ground", "Dasar penolakan"},
        {"subground", "Angka dasar penolakan"},
        {"law", "Undang-undang (Pasal 17 huruf j)"},
        {"consequence_test", "Uji konsekuensi"},
        {"exemption_period", "Jangka waktu pengecualian"},
        {"reason", "Alasan"},
        {"material_given", "Informasi yang diberikan"},
        {"redacted_parts", "Bagian yang dikecualikan"},
        {"redaction_reason", "Alasan pengecualian"},
        {"medium", "Media"},
        {"cost", "Biaya"},
        {"notice_date", "Tanggal pemberitahuan tertulis"},
        {"handover_date", "Tanggal penyerahan"},
    };
    auto find = [&](std::string_view key) -> std::string {
        auto it = kLabels.find(key);
        return it == kLabels.end() ? std::string(key) : it->second;
    };
    // "officer.2.nrp", "guest.1.name": the person's place in the list, then the field.
    for (auto [prefix, who] : {std::pair{"officer.", "Petugas"}, {"guest.", "Narasumber"}}) {
        std::string_view f = field;
        if (f.rfind(prefix, 0) != 0) continue;
        f.remove_prefix(std::string_view(prefix).size());
        auto dot = f.find('.');
        if (dot == std::string_view::npos) break;
        return fmt::format("{} {}, {}", who, f.substr(0, dot), find(f.substr(dot + 1)));
    }
    if (field.rfind("requester.", 0) == 0) return "Pemohon, " + find(field.substr(10));
    std::string label = find(field);
    return label;
}

}  // namespace ds::report
