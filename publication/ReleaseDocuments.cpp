#include "publication/ReleaseDocuments.h"

#include <fstream>

#include <fmt/format.h>

#include "publication/ArticleHtml.h"
#include "publication/DocxWriter.h"
#include "publication/SocialCaptions.h"
#include "studio/Errors.h"
#include "studio/IndonesianDate.h"
#include "studio/PdfDocument.h"
#include "studio/ReportText.h"

namespace ds::publication {

namespace {

void writeText(const std::filesystem::path& file, const std::string& text) {
    const std::filesystem::path part = file.string() + ".part";
    {
        std::ofstream out(part, std::ios::binary | std::ios::trunc);
        out << text;
        if (!out.flush()) throw UserError(fmt::format("cannot write {}", file.string()));
    }
    std::filesystem::rename(part, file);
}

std::string dateline(const Station& station, const Release& r) {
    TimePoint at = r.publishedAt.value_or(now());
    Day d = localDay(at, station.timeZone);
    return fmt::format("{}, {}", report::placeOf(station), idn::longDate(d));
}

std::string releaseNumber(const Station& station, const Release& r) {
    Day d = localDay(r.createdAt, station.timeZone);
    return fmt::format("Nomor: RILIS/{}/{}/{}", r.id,
                       idn::monthName(static_cast<int>(unsigned(date::year_month_day(d).month()))),
                       static_cast<int>(date::year_month_day(d).year()));
}

}  // namespace

void ReleaseDocuments::writePdf(const std::filesystem::path& file, const Station& station,
                                const Session& session, const Release& r) {
    const ReleaseContent& c = r.content;
    ds::PdfDocument pdf(file, {c.title, station.name, "Siaran pers " + session.programmeTitle,
                               "rilis; siaran pers; Dialog Interaktif"});
    if (r.state != ReleaseState::Published) pdf.setWatermark("DRAF");
    std::string left = fmt::format("Rilis {} versi {} \u00b7 {}", r.id, r.version, station.name);
    pdf.setFooter([left](int page, int pages) {
        return std::pair{left, fmt::format("Halaman {} dari {}", page, pages)};
    });
    pdf.letterhead(report::letterheadLines(station), 10.5);
    TextStyle head;
    head.size = 13;
    head.bold = true;
    head.align = Align::Center;
    head.spaceAfter = 2;
    pdf.text("SIARAN PERS", head);
    TextStyle sub = TextStyle::body(9.5);
    sub.align = Align::Center;
    sub.spaceAfter = 14;
    pdf.text(releaseNumber(station, r), sub);
    TextStyle title;
    title.size = 15;
    title.bold = true;
    title.spaceAfter = 10;
    pdf.text(c.title, title);
    TextStyle body = TextStyle::body(10.5);
    body.align = Align::Justify;
    body.spaceAfter = 8;
    for (const auto& p : c.paragraphs())
        pdf.text(p, body);
    if (!c.guests.empty()) {
        pdf.spacer(4);
        pdf.text("Narasumber", TextStyle::heading());
        std::vector<std::vector<std::string>> rows;
        int n = 0;
        for (const auto& g : c.guests)
            rows.push_back({std::to_string(++n), g.name, g.position});
        pdf.table({{"No.", 0.4, Align::Center}, {"Nama", 2}, {"Jabatan", 3}}, rows, {9});
    }
    if (!c.photos.empty()) {
        pdf.text("Foto terlampir", TextStyle::heading());
        int n = 0;
        for (auto pid : c.photos)
            if (const ReleaseFile* f = r.file(pid))
                pdf.text(
                    fmt::format("{}. {}{}", ++n, std::filesystem::path(f->path).filename().string(),
                                f->caption.empty() ? "" : " \u2013 " + f->caption),
                    TextStyle::body(9.5));
    }
    pdf.spacer(10);
    TextStyle contact = TextStyle::body(9);
    contact.gray = 0.25;
    pdf.text(fmt::format("{}. Informasi lebih lanjut: {}.", dateline(station, r), station.name),
             contact);
    pdf.finish();
}

void ReleaseDocuments::writeDocx(const std::filesystem::path& file, const Station& station,
                                 const Session& session, const Release& r) {
    (void)session;
    using K = DocxParagraph::Kind;
    std::vector<DocxParagraph> ps;
    for (const auto& l : report::letterheadLines(station))
        ps.push_back({K::Heading, l});
    ps.push_back({K::Heading, "SIARAN PERS"});
    ps.push_back({K::Small, releaseNumber(station, r)});
    ps.push_back({K::Title, r.content.title});
    for (const auto& p : r.content.paragraphs())
        ps.push_back({K::Body, p});
    for (const auto& g : r.content.guests)
        ps.push_back(
            {K::Small, "Narasumber: " + g.name + (g.position.empty() ? "" : ", " + g.position)});
    ps.push_back({K::Small, dateline(station, r)});
    DocxWriter::write(file, r.content.title, ps);
}

nlohmann::json ReleaseDocuments::write(const std::filesystem::path& folder, const Station& station,
                                       const Session& session, const Release& r,
                                       const ChannelSettings& channels, const std::string& link) {
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    if (ec) throw UserError(fmt::format("cannot create {}: {}", folder.string(), ec.message()));
    nlohmann::json doc{{"folder", folder.string()}};

    ArticleLinks links;
    if (!r.content.photos.empty())
        if (const ReleaseFile* f = r.file(r.content.photos.front())) {
            std::filesystem::path src(f->path);
            std::string name = "foto-utama" + src.extension().string();
            std::filesystem::copy_file(src, folder / name,
                                       std::filesystem::copy_options::overwrite_existing, ec);
            if (ec)
                throw UserError(
                    fmt::format("cannot copy the featured photo {}: {}", f->path, ec.message()));
            links.featuredImage = name;
            links.featuredCaption = f->caption;
            doc["featured_image"] = (folder / name).string();
        }
    for (const auto& f : r.files)
        if (f.kind == FileKind::Clip) {
            std::filesystem::path src(f.path);
            std::string name = "klip" + src.extension().string();
            std::filesystem::copy_file(src, folder / name,
                                       std::filesystem::copy_options::overwrite_existing, ec);
            if (!ec) links.clip = name;
        }
    writeText(folder / "artikel.html", ArticleHtml::page(r.content, links, station.name));
    doc["article"] = (folder / "artikel.html").string();

    auto captions = SocialCaptions::build(r.content, channels.hashtags, link);
    nlohmann::json cj = SocialCaptions::toJson(captions);
    for (auto& [platform, c] : cj.items()) {
        writeText(folder / ("caption-" + platform + ".txt"), c["text"].get<std::string>() + "\n");
    }
    writeText(folder / "captions.json", cj.dump(2) + "\n");
    doc["captions"] = cj;

    writePdf(folder / "rilis.pdf", station, session, r);
    doc["pdf"] = (folder / "rilis.pdf").string();
    writeDocx(folder / "rilis.docx", station, session, r);
    doc["docx"] = (folder / "rilis.docx").string();
    return doc;
}

}  // namespace ds::publication
