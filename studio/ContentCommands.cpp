// `content check [FILE]` (the screener's content rules over texts, one per line) and
// `content rules` (print the rules in use, or write the shipped list to a file to extend).
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include <fmt/format.h>

#include "studio/ContentFilter.h"
#include "studio/ContentRules.h"
#include "studio/EmbeddedData.h"
#include "studio/Errors.h"
#include "studio/StationStore.h"
#include "studio/StudioCommands.h"
#include "studio/TextRules.h"

namespace ds {

namespace {

std::string readAll(const std::string& file) {
    if (file.empty() || file == "-") {
        return {std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
    }
    std::ifstream in(file, std::ios::binary);
    if (!in) throw UserError(fmt::format("{}: cannot be read", file));
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// One text per line; a final newline ends the last line rather than starting an empty one.
// Every line is checked before anything is printed, so bad input prints nothing but the error.
std::vector<std::string> linesOf(const std::string& data, const std::string& source) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < data.size()) {
        std::size_t nl = data.find('\n', start);
        if (nl == std::string::npos) nl = data.size();
        std::string line = data.substr(start, nl - start);
        if (!line.empty() && line.back() == '\r') line.pop_back();
        const std::size_t number = lines.size() + 1;
        if (const auto bad = firstInvalidUtf8(line))
            throw InputError(fmt::format("{} line {}: invalid UTF-8 at byte {} of the line", source,
                                         number, *bad + 1));
        if (line.size() > kMaxQuestionTextBytes)
            throw InputError(
                fmt::format("{} line {}: {} bytes, longer than a question may be "
                            "({} bytes)",
                            source, number, line.size(), kMaxQuestionTextBytes));
        lines.push_back(std::move(line));
        start = nl + 1;
    }
    return lines;
}

void writeFile(const std::string& path, std::string_view content) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) throw UserError(fmt::format("cannot write {}", path));
    out << content;
    if (!out.flush()) throw UserError(fmt::format("cannot write {}", path));
}

}  // namespace

void addContentCommands(CLI::App& app, CommandContext& ctx) {
    CLI::App* content = app.add_subcommand(
        "content", "Content rules for the screener: SARA, political campaigning, insults");
    content->require_subcommand(1);

    auto file = std::make_shared<std::string>();
    CLI::App* check = content->add_subcommand(
        "check", "Check texts, one per line (standard input when no file is given)");
    check->add_option("file", *file, "Text file, one text per line (- or none: standard input)");
    check->callback([&ctx, file] {
        const std::string source = file->empty() || *file == "-" ? "stdin" : *file;
        const std::vector<std::string> lines = linesOf(readAll(*file), source);
        const ContentFilter filter = StationStore::contentFilter(ctx.station());
        nlohmann::json out = nlohmann::json::array();
        for (std::size_t n = 0; n < lines.size(); ++n) {
            const std::string& text = lines[n];
            nlohmann::json categories = nlohmann::json::array();
            nlohmann::json matches = nlohmann::json::array();
            nlohmann::json flags = nlohmann::json::array();
            for (const ContentFlag& f : filter.scan(text)) {
                const std::string matched = text.substr(f.offset, f.length);
                if (std::find(categories.begin(), categories.end(), f.category) == categories.end())
                    categories.push_back(f.category);
                if (std::find(matches.begin(), matches.end(), matched) == matches.end())
                    matches.push_back(matched);
                flags.push_back({{"category", f.category},
                                 {"rule", f.term},
                                 {"text", matched},
                                 {"offset", f.offset},
                                 {"length", f.length}});
            }
            out.push_back({{"line", n + 1},
                           {"categories", categories},
                           {"matches", matches},
                           {"flags", flags}});
        }
        ctx.emit(out, [&] {
            for (const auto& r : out) {
                if (r["categories"].empty()) {
                    fmt::print("{} {}: {}\n", ctx.t("baris", "line"), r["line"].get<int>(),
                               ctx.t("tidak ada tanda", "no flag"));
                    continue;
                }
                std::vector<std::string> cats = r["categories"].get<std::vector<std::string>>();
                std::vector<std::string> words;
                for (const auto& m : r["matches"])
                    words.push_back("\"" + m.get<std::string>() + "\"");
                fmt::print("{} {}: {} — {} ({})\n", ctx.t("baris", "line"), r["line"].get<int>(),
                           fmt::join(cats, ", "), fmt::join(words, ", "),
                           ctx.t("tandai untuk penyaring, bukan ditolak",
                                 "marked for the screener, not rejected"));
            }
        });
    });

    auto write = std::make_shared<std::string>();
    CLI::App* rules = content->add_subcommand(
        "rules", "Print the content rules in use (shipped and the station's own list)");
    rules->add_option("--write", *write,
                      "Write the shipped rules (CSV) to this file instead, to copy rows from for "
                      "the station's own list (`station set --content-words-file`)");
    rules->callback([&ctx, write] {
        if (!write->empty()) {
            writeFile(*write, embedded::kContentWordsCsv);
            ctx.emit({{"written", *write}}, [&] { fmt::print("{}\n", *write); });
            return;
        }
        nlohmann::json list = nlohmann::json::array();
        std::vector<std::vector<std::string>> table;
        for (const ContentRuleRow& r : ContentRules::rows(ctx.station().contentWordsFile)) {
            list.push_back({{"category", r.category},
                            {"term", r.term},
                            {"except", r.except},
                            {"source", r.source}});
            table.push_back({r.category, r.term, r.except});
        }
        ctx.emit(list, [&] {
            cli::printTable({ctx.t("Kategori", "Category"), ctx.t("Aturan", "Rule"),
                             ctx.t("Kecuali", "Except")},
                            table);
        });
    });
}

}  // namespace ds
