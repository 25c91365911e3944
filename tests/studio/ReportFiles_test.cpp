// The export files themselves: PDF and XLSX are written through FILE.part and renamed; a
// cancelled export leaves neither the file nor its .part; the PDF's text is Indonesian and
// masked; the XLSX is a zip with one sheet per table.
#include <fstream>
#include <iterator>

#include "PpidFixture.h"
#include "studio/PartFile.h"
#include "studio/PeriodReport.h"
#include "studio/PeriodReportPdf.h"
#include "studio/PeriodReportXlsx.h"
#include "studio/Progress.h"
#include "studio/SessionRecord.h"
#include "studio/SessionRecordPdf.h"
#include "studio/SessionRecordXlsx.h"

namespace ds {
namespace {

std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

class ReportFilesTest : public test::PpidFixture {
  protected:
    SessionRecord record(bool unmasked = false) {
        return SessionRecord::build(db, station, calendar(), session.id, now(), unmasked);
    }
};

TEST_F(ReportFilesTest, SessionRecordPdfAndXlsxAreWritten) {
    decide(letter(now() - std::chrono::hours(3), session.id), decision("granted_full"));
    decide(letter(now() - std::chrono::hours(3), session.id, "Saksi Rahasia"),
           decision("refused", "P17a", 2));
    for (const char* name : {"catatan.pdf", "catatan.xlsx"}) {
        std::filesystem::path out = dir.path() / name;
        PartFile file(out);
        bool pdf = std::string(name).ends_with(".pdf");
        if (pdf) {
            SessionRecordPdf::write(record(), file.partPath(), Progress::silent());
        } else {
            SessionRecordXlsx::write(record(), file.partPath(), Progress::silent());
        }
        EXPECT_FALSE(std::filesystem::exists(out));
        file.commit();
        EXPECT_TRUE(std::filesystem::exists(out));
        EXPECT_FALSE(std::filesystem::exists(file.partPath()));
        std::string bytes = slurp(out);
        EXPECT_EQ(bytes.rfind(pdf ? "%PDF-" : "PK", 0), 0u) << name;
        EXPECT_GT(bytes.size(), 2000u);
    }
}

TEST_F(ReportFilesTest, CancelledExportLeavesNoFile) {
    letter(now() - std::chrono::hours(3), session.id);
    std::filesystem::path out = dir.path() / "batal.pdf";
    Progress progress("test", Progress::Sink([](std::string_view, double) {}));
    progress.cancel();
    {
        PartFile file(out);
        EXPECT_THROW(SessionRecordPdf::write(record(), file.partPath(), progress), CancelledError);
    }
    EXPECT_FALSE(std::filesystem::exists(out));
    EXPECT_FALSE(std::filesystem::exists(dir.path() / "batal.pdf.part"));
    {
        PartFile file(dir.path() / "batal.xlsx");
        EXPECT_THROW(SessionRecordXlsx::write(record(), file.partPath(), progress), CancelledError);
    }
    EXPECT_FALSE(std::filesystem::exists(dir.path() / "batal.xlsx"));
    EXPECT_FALSE(std::filesystem::exists(dir.path() / "batal.xlsx.part"));
}

TEST_F(ReportFilesTest, PartFileRefusesAMissingFolder) {
    EXPECT_THROW(PartFile(dir.path() / "no" / "such" / "x.pdf"), UserError);
    EXPECT_THROW(PartFile(""), UserError);
}

// An output that cannot be written is refused when the PartFile is made, before any rendering,
// and what was tried leaves nothing behind.
TEST_F(ReportFilesTest, PartFileRefusesAFolderAndCleansUp) {
    EXPECT_THROW(PartFile(dir.path()), UserError);
    EXPECT_FALSE(std::filesystem::exists(dir.path().string() + ".part"));
    {
        PartFile file(dir.path() / "laporan.pdf");
        EXPECT_TRUE(std::filesystem::exists(file.partPath())) << "created at once";
    }
    EXPECT_FALSE(std::filesystem::exists(dir.path() / "laporan.pdf.part"));
    EXPECT_FALSE(std::filesystem::exists(dir.path() / "laporan.pdf"));
}

TEST_F(ReportFilesTest, PeriodReportPdfAndXlsxAreWritten) {
    decide(letter(now() - std::chrono::hours(3), session.id), decision("refused", "P17b"));
    Day today = localDay(now(), station.timeZone);
    PeriodReport r = PeriodReport::build(db, station, calendar(),
                                         DateRange::between(today - date::days{30}, today), now(),
                                         Progress::silent());
    PeriodReportPdf::write(r, dir.path() / "p.pdf", Progress::silent());
    PeriodReportXlsx::write(r, dir.path() / "p.xlsx", Progress::silent());
    EXPECT_EQ(slurp(dir.path() / "p.pdf").rfind("%PDF-", 0), 0u);
    EXPECT_EQ(slurp(dir.path() / "p.xlsx").rfind("PK", 0), 0u);
}

}  // namespace
}  // namespace ds
