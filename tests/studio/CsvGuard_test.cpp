// The CSV formula guard on every field of every export (report::csvField): a field a
// spreadsheet would run as a formula gets a leading apostrophe; plain numbers stay numbers.
#include <gtest/gtest.h>

#include "studio/ReportText.h"

namespace ds {
namespace {

TEST(CsvGuard, FormulasAreDefused) {
    EXPECT_EQ(report::csvField("=1+1"), "'=1+1");
    EXPECT_EQ(report::csvField("@SUM(A1)"), "'@SUM(A1)");
    EXPECT_EQ(report::csvField("+cmd"), "'+cmd");
    // A DDE call that starts like a negative number (it went through in a phone field).
    EXPECT_EQ(report::csvField("-1+cmd|' /C calc'!A0"), "'-1+cmd|' /C calc'!A0");
    EXPECT_EQ(report::csvField("+62 812-3456"), "'+62 812-3456");
    EXPECT_EQ(report::csvField("\t=1"), "'\t=1");
}

TEST(CsvGuard, NumbersAndTextStayAsTheyAre) {
    EXPECT_EQ(report::csvField("-12"), "-12");
    EXPECT_EQ(report::csvField("+6281234567890"), "+6281234567890");
    EXPECT_EQ(report::csvField("2.5"), "2.5");
    EXPECT_EQ(report::csvField("081234567890"), "081234567890");
    EXPECT_EQ(report::csvField("Budi, Pak"), "\"Budi, Pak\"");
}

}  // namespace
}  // namespace ds
