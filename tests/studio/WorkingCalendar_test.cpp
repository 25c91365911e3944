// Working-day deadlines as a PPID officer checks them against the printed 2026 SKB calendar.
// Every expected date below was counted by hand on that calendar; the comments show the count.
#include "studio/WorkingCalendar.h"

#include <unistd.h>

#include <fstream>

#include <gtest/gtest.h>

#include "studio/EmbeddedData.h"
#include "studio/Errors.h"

namespace ds {
namespace {

using date::sys_days;

Day day(int y, unsigned m, unsigned d) {
    return sys_days{date::year{y} / m / d};
}

bool contains(const std::string& text, std::string_view part) {
    return text.find(part) != std::string::npos;
}

// Message of the InputError thrown when parsing csv as "libur.csv", or "" if it loads.
std::string loadError(std::string_view csv) {
    try {
        WorkingCalendar::parse(csv, "libur.csv");
    } catch (const InputError& e) {
        return e.what();
    }
    return "";
}

// A file in the temporary directory, removed when the test ends.
class TempFile {
  public:
    TempFile(std::string_view name, std::string_view content)
        : path_(std::filesystem::temp_directory_path() /
                (std::to_string(::getpid()) + "_" + std::string(name))) {
        std::ofstream(path_, std::ios::binary) << content;
    }
    ~TempFile() { std::filesystem::remove(path_); }
    const std::filesystem::path& path() const { return path_; }

  private:
    std::filesystem::path path_;
};

class WorkingCalendarShipped : public ::testing::Test {
  protected:
    const WorkingCalendar cal = WorkingCalendar::shipped();
};

// [SECTION] The shipped calendar

TEST_F(WorkingCalendarShipped, Has17NationalHolidaysAnd8CutiBersamaIn2026) {
    int national = 0, cuti = 0;
    for (const Holiday& h : cal.holidays()) {
        if (h.day < day(2026, 1, 1) || h.day > day(2026, 12, 31)) continue;
        if (h.kind == "national") ++national;
        if (h.kind == "cuti_bersama") ++cuti;
    }
    EXPECT_EQ(national, 17);
    EXPECT_EQ(cuti, 8);
}

TEST_F(WorkingCalendarShipped, HolidaysAreSortedAndNamed) {
    const auto& all = cal.holidays();
    ASSERT_FALSE(all.empty());
    for (std::size_t i = 1; i < all.size(); ++i)
        EXPECT_LT(all[i - 1].day, all[i].day);
    const Holiday* nyepi = cal.holiday(day(2026, 3, 19));
    ASSERT_NE(nyepi, nullptr);
    EXPECT_EQ(nyepi->kind, "national");
    EXPECT_TRUE(contains(nyepi->name, "Nyepi")) << nyepi->name;
    // The quoted name with a comma in it survives.
    const Holiday* muharam = cal.holiday(day(2026, 6, 16));
    ASSERT_NE(muharam, nullptr);
    EXPECT_EQ(muharam->name, "1 Muharam, Tahun Baru Islam 1448 H");
    EXPECT_EQ(cal.holiday(day(2026, 12, 24))->kind, "cuti_bersama");
    EXPECT_EQ(cal.holiday(day(2026, 3, 17)), nullptr);
}

TEST_F(WorkingCalendarShipped, WorkingDaysAreWeekdaysThatAreNotHolidays) {
    EXPECT_TRUE(cal.isWorkingDay(day(2026, 3, 17)));   // Tuesday
    EXPECT_FALSE(cal.isWorkingDay(day(2026, 3, 18)));  // Wednesday, cuti bersama Nyepi
    EXPECT_FALSE(cal.isWorkingDay(day(2026, 3, 14)));  // Saturday
    EXPECT_FALSE(cal.isWorkingDay(day(2026, 3, 15)));  // Sunday
    EXPECT_FALSE(cal.isWorkingDay(day(2027, 1, 1)));   // Friday, Tahun Baru
    // A weekends-only calendar knows no holidays.
    EXPECT_TRUE(WorkingCalendar{}.isWorkingDay(day(2026, 3, 19)));
    EXPECT_TRUE(WorkingCalendar{}.holidays().empty());
}

TEST_F(WorkingCalendarShipped, ShippedIsTheEmbeddedFile) {
    // What runs with nothing installed is what studio/data/holidays-id.csv says.
    EXPECT_EQ(cal.holidays().size(),
              WorkingCalendar::parse(embedded::kHolidaysCsv, "x").holidays().size());
    EXPECT_EQ(cal.holidays().size(), 30u);  // 17 + 8 in 2026, 5 fixed-date in 2027
}

// [SECTION] Deadlines

TEST_F(WorkingCalendarShipped, TenWorkingDaysAcrossNyepiAndIdulFitri) {
    // Received Tuesday 2026-03-17 10:00 WIB (03:00 UTC). The receipt day does not count.
    //   Wed 18 cuti Nyepi, Thu 19 Nyepi, Fri 20 cuti, Sat 21 + Sun 22 Idul Fitri,
    //   Mon 23 + Tue 24 cuti Idul Fitri: none count.
    //   Wed 25 (1), Thu 26 (2), Fri 27 (3), Mon 30 (4), Tue 31 (5), Wed Apr 1 (6), Thu 2 (7),
    //   Fri 3 Wafat Yesus Kristus: no, Mon 6 (8), Tue 7 (9), Wed 8 (10).
    const TimePoint received = parseLocal("2026-03-17 10:00", "Asia/Jakarta");
    EXPECT_EQ(cal.dueDate(received, "Asia/Jakarta", 10), day(2026, 4, 8));
}

TEST_F(WorkingCalendarShipped, SaturdayReceiptCountsFromMonday) {
    // Sat 2026-11-21: Mon 23 is day 1; 23 24 25 26 27 | 30 1 2 3 4: day 10 is Fri 2026-12-04.
    const TimePoint saturday = parseLocal("2026-11-21 09:15", "Asia/Jakarta");
    EXPECT_EQ(cal.dueDate(saturday, "Asia/Jakarta", 1), day(2026, 11, 23));
    EXPECT_EQ(cal.dueDate(saturday, "Asia/Jakarta", 10), day(2026, 12, 4));
    // Sunday and the Friday before give the same deadline; the Monday itself one day later.
    EXPECT_EQ(cal.dueDate(parseLocal("2026-11-22 20:00", "Asia/Jakarta"), "Asia/Jakarta", 10),
              day(2026, 12, 4));
    EXPECT_EQ(cal.dueDate(parseLocal("2026-11-20 16:00", "Asia/Jakarta"), "Asia/Jakarta", 10),
              day(2026, 12, 4));
    EXPECT_EQ(cal.dueDate(parseLocal("2026-11-23 08:00", "Asia/Jakarta"), "Asia/Jakarta", 10),
              day(2026, 12, 7));
}

TEST_F(WorkingCalendarShipped, ReceiptDayIsTheStationsLocalDay) {
    // 16:30 UTC on 2026-03-17 is Tue 23:30 in Jakarta (WIB) and Wed 01:30 in Jayapura (WIT).
    const TimePoint lateTuesday = *parseUtc("2026-03-17T16:30Z");
    EXPECT_EQ(localDay(lateTuesday, "Asia/Jakarta"), day(2026, 3, 17));
    EXPECT_EQ(localDay(lateTuesday, "Asia/Jayapura"), day(2026, 3, 18));
    // Here the deadline is the same: Wed 18 to Tue 24 are all days off, so counting from
    // Tuesday or from Wednesday both reach Wed 25 as day 1 and Wed 2026-04-08 as day 10.
    EXPECT_EQ(cal.dueDate(lateTuesday, "Asia/Jakarta", 10), day(2026, 4, 8));
    EXPECT_EQ(cal.dueDate(lateTuesday, "Asia/Jayapura", 10), day(2026, 4, 8));

    // One day earlier the zones disagree. 16:30 UTC on 2026-03-16 is Mon 23:30 WIB but
    // Tue 01:30 WIT.
    //   WIB, from Mon 16: Tue 17 (1), [18..24 off], 25 (2), 26 (3), 27 (4), 30 (5), 31 (6),
    //        Apr 1 (7), 2 (8), [3 off], 6 (9), 7 (10): Tue 2026-04-07.
    //   WIT, from Tue 17: as in the first case, Wed 2026-04-08.
    const TimePoint lateMonday = *parseUtc("2026-03-16T16:30Z");
    EXPECT_EQ(cal.dueDate(lateMonday, "Asia/Jakarta", 10), day(2026, 4, 7));
    EXPECT_EQ(cal.dueDate(lateMonday, "Asia/Jayapura", 10), day(2026, 4, 8));
    // WITA (UTC+8) is 00:30 on Tuesday: already Tuesday, like WIT.
    EXPECT_EQ(cal.dueDate(lateMonday, "Asia/Makassar", 10), day(2026, 4, 8));
}

TEST_F(WorkingCalendarShipped, ExtensionOfSevenWorkingDaysAcrossChristmas) {
    // Received Mon 2026-12-07: 8 9 10 11 | 14 15 16 17 18 | 21 -> notice due Mon 2026-12-21.
    const TimePoint received = parseLocal("2026-12-07 09:30", "Asia/Jakarta");
    const Day due = cal.dueDate(received, "Asia/Jakarta", 10);
    EXPECT_EQ(due, day(2026, 12, 21));
    // Extended by 7 (UU KIP 22(8)): Tue 22 (1), Wed 23 (2), Thu 24 cuti Natal, Fri 25 Natal,
    // weekend, Mon 28 (3), Tue 29 (4), Wed 30 (5), Thu 31 (6), Fri 2027-01-01 Tahun Baru,
    // weekend, Mon 2027-01-04 (7).
    EXPECT_EQ(cal.addWorkingDays(due, 7), day(2027, 1, 4));
    // With weekends only it would have been Wed 2026-12-30.
    EXPECT_EQ(WorkingCalendar{}.addWorkingDays(due, 7), day(2026, 12, 30));
}

TEST_F(WorkingCalendarShipped, YearBoundary) {
    // Thu 2026-12-31 + 1: Fri 2027-01-01 is a holiday, then the weekend: Mon 2027-01-04.
    EXPECT_EQ(cal.addWorkingDays(day(2026, 12, 31), 1), day(2027, 1, 4));
    // + 3: Mon 4 (1), Tue 5 (2), Wed 6 (3).
    EXPECT_EQ(cal.addWorkingDays(day(2026, 12, 31), 3), day(2027, 1, 6));
    EXPECT_EQ(cal.workingDaysBetween(day(2026, 12, 31), day(2027, 1, 6)), 3);
}

TEST_F(WorkingCalendarShipped, AddZeroWorkingDaysIsTheSameDay) {
    EXPECT_EQ(cal.addWorkingDays(day(2026, 3, 21), 0), day(2026, 3, 21));
    EXPECT_THROW(cal.addWorkingDays(day(2026, 3, 21), -1), std::invalid_argument);
}

TEST_F(WorkingCalendarShipped, WorkingDaysBetween) {
    EXPECT_EQ(cal.workingDaysBetween(day(2026, 3, 17), day(2026, 4, 8)), 10);
    EXPECT_EQ(cal.workingDaysBetween(day(2026, 3, 17), day(2026, 3, 24)), 0);  // all days off
    EXPECT_EQ(cal.workingDaysBetween(day(2026, 3, 13), day(2026, 3, 16)), 1);  // Fri -> Mon
    EXPECT_EQ(cal.workingDaysBetween(day(2026, 3, 16), day(2026, 3, 16)), 0);
    EXPECT_EQ(cal.workingDaysBetween(day(2026, 4, 8), day(2026, 3, 17)), 0);  // backwards
}

TEST_F(WorkingCalendarShipped, WorkingDaysBetweenUndoesAddWorkingDays) {
    // Every day of 2026 and every deadline length the law uses.
    for (Day from = day(2026, 1, 1); from <= day(2026, 12, 31); from += date::days{1}) {
        for (int n : {0, 1, 7, 10, 14, 30}) {
            const Day to = cal.addWorkingDays(from, n);
            ASSERT_EQ(cal.workingDaysBetween(from, to), n) << formatDay(from) << " + " << n;
            ASSERT_TRUE(n == 0 || cal.isWorkingDay(to)) << formatDay(from) << " + " << n;
        }
    }
}

// [SECTION] Station calendar files

TEST(WorkingCalendarFile, AStationAddsThe2027MovableHolidays) {
    // The 2027 SKB is published: the station appends its rows; no new release is needed.
    const std::string csv = std::string(embedded::kHolidaysCsv) +
                            "# From the 2027 SKB\n"
                            "2027-03-10,national,Idul Fitri 1448 H (example)\n";
    const TempFile file("holidays-2027.csv", csv);
    const WorkingCalendar cal = WorkingCalendar::load(file.path());
    EXPECT_FALSE(cal.isWorkingDay(day(2027, 3, 10)));
    EXPECT_TRUE(WorkingCalendar::shipped().isWorkingDay(day(2027, 3, 10)));
}

TEST(WorkingCalendarFile, LoadErrorsNameThePath) {
    const TempFile file("holidays-bad.csv", "date,kind,name\n2026-02-30,national,Nope\n");
    try {
        WorkingCalendar::load(file.path());
        FAIL() << "loaded a calendar with 2026-02-30";
    } catch (const InputError& e) {
        EXPECT_TRUE(contains(e.what(), file.path().string() + " line 2: field 'date'")) << e.what();
    }
    EXPECT_THROW(WorkingCalendar::load("/nonexistent/holidays.csv"), InputError);
}

TEST(WorkingCalendarFile, WrongColumns) {
    const std::string message =
        loadError("# header below\ntanggal,kind,name\n2026-01-01,national,x\n");
    EXPECT_TRUE(contains(message, "libur.csv line 2")) << message;
    EXPECT_TRUE(contains(message, "missing column 'date'")) << message;
    EXPECT_TRUE(contains(message, "unknown column 'tanggal'")) << message;
    const std::string extra = loadError("date,kind,name,note\n");
    EXPECT_TRUE(contains(extra, "unknown column 'note'")) << extra;
}

TEST(WorkingCalendarFile, ImpossibleDate) {
    const std::string message =
        loadError("date,kind,name\n2026-02-27,national,ok\n2026-02-30,national,Nope\n");
    EXPECT_TRUE(contains(message, "libur.csv line 3: field 'date'")) << message;
    EXPECT_TRUE(contains(message, "2026-02-30")) << message;
    EXPECT_TRUE(contains(loadError("date,kind,name\n17/08/2026,national,x\n"), "field 'date'"));
}

TEST(WorkingCalendarFile, UnknownKind) {
    const std::string message = loadError("date,kind,name\n2026-08-17,libur,Proklamasi\n");
    EXPECT_TRUE(contains(message, "libur.csv line 2: field 'kind'")) << message;
    EXPECT_TRUE(contains(message, "'libur'")) << message;
    EXPECT_TRUE(contains(message, "national or cuti_bersama")) << message;
}

TEST(WorkingCalendarFile, DuplicateDateNamesBothLines) {
    const std::string message = loadError(
        "date,kind,name\n2026-03-21,national,Idul Fitri\n# again\n2026-03-21,cuti_bersama,x\n");
    EXPECT_TRUE(contains(message, "libur.csv line 4: field 'date'")) << message;
    EXPECT_TRUE(contains(message, "line 2")) << message;
}

TEST(WorkingCalendarFile, InvalidUtf8) {
    const std::string message =
        loadError("date,kind,name\n2026-08-17,national,Proklamasi\xC0\xAF\n");
    EXPECT_TRUE(contains(message, "libur.csv line 2: field 'name'")) << message;
    EXPECT_TRUE(contains(message, "UTF-8")) << message;
}

TEST(WorkingCalendarFile, EmptyFileAndEmptyName) {
    const std::string empty = loadError("");
    EXPECT_TRUE(contains(empty, "libur.csv")) << empty;
    EXPECT_TRUE(contains(empty, "empty")) << empty;
    const std::string comments = loadError("# nothing yet\n");
    EXPECT_TRUE(contains(comments, "libur.csv")) << comments;
    const std::string noName = loadError("date,kind,name\n2026-08-17,national, \n");
    EXPECT_TRUE(contains(noName, "libur.csv line 2: field 'name'")) << noName;
}

TEST(WorkingCalendarFile, HeaderOnlyIsWeekendsOnly) {
    EXPECT_TRUE(WorkingCalendar::parse("date,kind,name\n", "x.csv").holidays().empty());
}

TEST(WorkingCalendarFile, SpacesAroundFieldsAndCrlfAreTolerated) {
    // Typical of a file saved from a spreadsheet by hand.
    const WorkingCalendar cal =
        WorkingCalendar::parse("date,kind,name\r\n 2026-08-17 , national , Proklamasi\r\n", "x");
    ASSERT_NE(cal.holiday(day(2026, 8, 17)), nullptr);
    EXPECT_EQ(cal.holiday(day(2026, 8, 17))->kind, "national");
    EXPECT_EQ(cal.holiday(day(2026, 8, 17))->name, "Proklamasi");
}

}  // namespace
}  // namespace ds
