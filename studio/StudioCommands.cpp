#include "studio/StudioCommands.h"

#include <cstdio>

#include <fmt/format.h>

#include "studio/CommandTable.h"
#include "studio/Errors.h"
#include "studio/TextRules.h"

namespace ds {

// Registered here only; declared beside their use so the shared StudioCommands.h stays as is.
void addJournalCommands(CLI::App& app, CommandContext& ctx);
void addBackupCommands(CLI::App& app, CommandContext& ctx);
// SOP 003/004: `content check|rules` (ContentCommands.cpp) and
// `complaint mark|forward|follow-up|close|list|show|overdue|letter|stats` (ComplaintCommands.cpp).
void addContentCommands(CLI::App& app, CommandContext& ctx);
void addComplaintCommands(CLI::App& app, CommandContext& ctx);

void addStudioCommands(CommandTable& table) {
    table.add(addStationCommands);
    table.add(addSessionCommands);
    table.add(addQuestionCommands);
    table.add(addRequestCommands);
    table.add(addReportCommands);
    table.add(addDemoCommand);
    table.add(addSigningCommands);
    table.add(addRetentionCommands);
    table.add(addJournalCommands);
    table.add(addBackupCommands);
    table.add(addContentCommands);
    table.add(addComplaintCommands);
}

namespace cli {

std::vector<std::string> splitFields(const std::string& text, std::size_t n) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (out.size() + 1 < n) {
        std::size_t bar = text.find('|', start);
        if (bar == std::string::npos) break;
        out.push_back(trim(text.substr(start, bar - start)));
        start = bar + 1;
    }
    out.push_back(trim(text.substr(start)));
    out.resize(n);
    return out;
}

Officer parseOfficer(const std::string& text) {
    auto f = splitFields(text, 4);
    return {f[0], f[1], f[2], f[3]};
}

Guest parseGuest(const std::string& text) {
    auto f = splitFields(text, 3);
    return {f[0], f[1], f[2]};
}

namespace {

// For a date and time written in the right shape but with a part out of range ("25:00"), the
// part that is wrong: the shape is not what needs fixing.
std::string outOfRange(const std::string& text) {
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0, used = 0;
    int n = std::sscanf(text.c_str(), "%4d-%2d-%2d %2d:%2d%n", &y, &mo, &d, &h, &mi, &used);
    if (n != 5 || used != 16) return {};
    if (text.size() != 16 &&
        (text.size() != 19 || std::sscanf(text.c_str() + 16, ":%2d", &s) != 1)) {
        return {};
    }
    if (mo < 1 || mo > 12) return fmt::format("the month {} is not 01-12", mo);
    if (d < 1 || d > 31) return fmt::format("the day {} is not 01-31", d);
    if (h > 23) return fmt::format("the hour {} is not 00-23", h);
    if (mi > 59) return fmt::format("the minute {} is not 00-59", mi);
    if (s > 59) return fmt::format("the second {} is not 00-59", s);
    return fmt::format("{:04}-{:02}-{:02} is not a day of the calendar", y, mo, d);
}

}  // namespace

TimePoint parseTime(const std::string& text, const std::string& tz, const char* field) {
    if (auto utc = parseUtc(text)) return *utc;
    try {
        return parseLocal(text, tz);
    } catch (const UserError& e) {
        if (std::string wrong = outOfRange(text); !wrong.empty()) {
            if (std::string(e.what()).find("clocks") != std::string::npos) throw;
            throw UserError(fmt::format("{}: '{}': {}", field, text, wrong));
        }
        throw UserError(fmt::format(
            "{}: '{}' is not a time (YYYY-MM-DD HH:MM in the station's time zone {}, or ISO 8601 "
            "with Z or an offset)",
            field, text, tz));
    }
}

Day parseDate(const std::string& text, const char* field) {
    if (auto d = parseDay(text)) return *d;
    throw UserError(fmt::format("{}: '{}' is not a date (YYYY-MM-DD)", field, text));
}

namespace {

// Display width in code points, so Indonesian text with accents still lines up.
std::size_t width(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s)
        n += (c & 0xC0) != 0x80;
    return n;
}

}  // namespace

void printTable(const std::vector<std::string>& header,
                const std::vector<std::vector<std::string>>& rows) {
    std::vector<std::size_t> w(header.size());
    for (std::size_t i = 0; i < header.size(); ++i)
        w[i] = width(header[i]);
    for (const auto& r : rows) {
        for (std::size_t i = 0; i < r.size() && i < w.size(); ++i) {
            w[i] = std::max(w[i], std::min<std::size_t>(width(r[i]), 60));
        }
    }
    auto line = [&](const std::vector<std::string>& r) {
        std::string out;
        for (std::size_t i = 0; i < r.size() && i < w.size(); ++i) {
            std::string cell = r[i];
            // Keep one line per row: newlines in text become spaces, long text is cut.
            for (char& c : cell)
                if (c == '\n' || c == '\r' || c == '\t') c = ' ';
            if (width(cell) > 60) {
                std::size_t bytes = 0, cps = 0;
                while (bytes < cell.size() && cps < 57) {
                    ++bytes;
                    while (bytes < cell.size() &&
                           (static_cast<unsigned char>(cell[bytes]) & 0xC0) == 0x80)
                        ++bytes;
                    ++cps;
                }
                cell = cell.substr(0, bytes) + "...";
            }
            out += cell;
            if (i + 1 < r.size()) out += std::string(w[i] - std::min(w[i], width(cell)) + 2, ' ');
        }
        fmt::print("{}\n", out);
    };
    line(header);
    for (const auto& r : rows)
        line(r);
}

}  // namespace cli

}  // namespace ds
