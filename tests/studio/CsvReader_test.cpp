// CSV imports as people produce them: Excel exports (BOM, CRLF, quoted cells), hand-edited
// files with comments, and the mistakes they make.
#include "studio/CsvReader.h"

#include <unistd.h>

#include <fstream>

#include <gtest/gtest.h>

#include "studio/Errors.h"

namespace ds {
namespace {

using Rows = std::vector<std::vector<std::string>>;

// Message of the InputError thrown by f, or "" if none was thrown.
template <class F>
std::string inputErrorOf(F f) {
    try {
        f();
    } catch (const InputError& e) {
        return e.what();
    }
    return "";
}

std::string parseError(std::string_view data, bool skipComments = false) {
    return inputErrorOf([&] { CsvReader::parse(data, "questions.csv", skipComments); });
}

bool contains(const std::string& text, std::string_view part) {
    return text.find(part) != std::string::npos;
}

TEST(CsvReader, PlainRowsWithLineNumbers) {
    const CsvTable t = CsvReader::parse("name,text\nBudi,halo\nSiti,apa kabar\n", "q.csv");
    EXPECT_EQ(t.source, "q.csv");
    EXPECT_EQ(t.header, (std::vector<std::string>{"name", "text"}));
    EXPECT_EQ(t.rows, (Rows{{"Budi", "halo"}, {"Siti", "apa kabar"}}));
    EXPECT_EQ(t.lines, (std::vector<std::size_t>{2, 3}));
}

TEST(CsvReader, QuotedFieldsWithCommasAndDoubledQuotes) {
    const CsvTable t = CsvReader::parse(
        "name,text\n\"Santoso, Budi\",\"Pak \"\"Kapolres\"\", bagaimana?\"\n", "q.csv");
    EXPECT_EQ(t.rows, (Rows{{"Santoso, Budi", "Pak \"Kapolres\", bagaimana?"}}));
}

TEST(CsvReader, EmptyFieldsAndEmptyQuotedFields) {
    const CsvTable t = CsvReader::parse("a,b,c\n,\"\",x\n", "q.csv");
    EXPECT_EQ(t.rows, (Rows{{"", "", "x"}}));
}

TEST(CsvReader, NewlineInsideQuotesKeepsLineNumbersRight) {
    const CsvTable t =
        CsvReader::parse("name,text\nBudi,\"baris satu\nbaris dua\"\nSiti,ok\n", "q.csv");
    EXPECT_EQ(t.rows, (Rows{{"Budi", "baris satu\nbaris dua"}, {"Siti", "ok"}}));
    EXPECT_EQ(t.lines, (std::vector<std::size_t>{2, 4}));
}

TEST(CsvReader, CrlfAndByteOrderMarkFromExcel) {
    const CsvTable t =
        CsvReader::parse("\xEF\xBB\xBFname,text\r\nBudi,\"dua\r\nbaris\"\r\nSiti,ok\r\n", "q.csv");
    EXPECT_EQ(t.header, (std::vector<std::string>{"name", "text"}));  // no BOM in "name"
    EXPECT_EQ(t.column("name"), 0);
    // No '\r' left at field ends; a line break inside quotes reads as "\n".
    EXPECT_EQ(t.rows, (Rows{{"Budi", "dua\nbaris"}, {"Siti", "ok"}}));
    EXPECT_EQ(t.lines, (std::vector<std::size_t>{2, 4}));
}

TEST(CsvReader, LastLineWithoutNewline) {
    const CsvTable t = CsvReader::parse("a,b\n1,2", "q.csv");
    EXPECT_EQ(t.rows, (Rows{{"1", "2"}}));
}

TEST(CsvReader, HeaderNamesAreTrimmed) {
    const CsvTable t = CsvReader::parse(" date , kind\n2026-01-01,national\n", "h.csv");
    EXPECT_EQ(t.header, (std::vector<std::string>{"date", "kind"}));
}

TEST(CsvReader, CommentsAreSkippedOnlyWhenAsked) {
    const std::string data = "# a comment\nname,text\n# another\nBudi,\"#not a comment\"\n";
    const CsvTable t = CsvReader::parse(data, "q.csv", true);
    EXPECT_EQ(t.header, (std::vector<std::string>{"name", "text"}));
    EXPECT_EQ(t.rows, (Rows{{"Budi", "#not a comment"}}));
    EXPECT_EQ(t.lines, (std::vector<std::size_t>{4}));
    // Without skipComments "# a comment" is the header (one column), and line 2 has two fields.
    EXPECT_TRUE(contains(parseError(data, false), "line 2"));
}

TEST(CsvReader, HashInsideAQuotedMultiLineFieldIsData) {
    const CsvTable t = CsvReader::parse("a,b\n1,\"x\n# still x\"\n", "q.csv", true);
    EXPECT_EQ(t.rows, (Rows{{"1", "x\n# still x"}}));
}

TEST(CsvReader, BlankLinesAreSkipped) {
    const CsvTable t = CsvReader::parse("\n\na,b\n\n1,2\n   \n\r\n3,4\n\n", "q.csv");
    EXPECT_EQ(t.rows, (Rows{{"1", "2"}, {"3", "4"}}));
    EXPECT_EQ(t.lines, (std::vector<std::size_t>{5, 8}));
}

TEST(CsvReader, UnterminatedQuoteNamesTheLineWhereItBegan) {
    const std::string message = parseError("a,b\n1,2\n3,\"never closed\n4,5\n6,7\n");
    EXPECT_TRUE(contains(message, "questions.csv line 3")) << message;
    EXPECT_TRUE(contains(message, "not closed")) << message;
}

TEST(CsvReader, TextAfterClosingQuoteIsAnError) {
    const std::string message = parseError("a,b\n1,\"x\"y\n");
    EXPECT_TRUE(contains(message, "questions.csv line 2")) << message;
}

TEST(CsvReader, StrayQuoteInUnquotedFieldIsAnError) {
    const std::string message = parseError("a,b\n1,layar 5\" inci\n");
    EXPECT_TRUE(contains(message, "questions.csv line 2")) << message;
    EXPECT_TRUE(contains(message, "field 2")) << message;
}

TEST(CsvReader, WrongFieldCountNamesLineExpectedAndFound) {
    std::string message = parseError("name,text\nBudi,halo\nSiti,apa,kabar\n");
    EXPECT_TRUE(contains(message, "questions.csv line 3")) << message;
    EXPECT_TRUE(contains(message, "expected 2")) << message;
    EXPECT_TRUE(contains(message, "found 3")) << message;
    message = parseError("name,text\nBudi\n");
    EXPECT_TRUE(contains(message, "line 2")) << message;
    EXPECT_TRUE(contains(message, "found 1")) << message;
}

TEST(CsvReader, EmptyInputHasNoHeader) {
    EXPECT_TRUE(contains(parseError(""), "questions.csv")) << parseError("");
    EXPECT_TRUE(contains(parseError(""), "empty"));
    EXPECT_TRUE(contains(parseError("\xEF\xBB\xBF"), "empty"));
    EXPECT_TRUE(contains(parseError("# only\n# comments\n\n", true), "empty"));
}

TEST(CsvReader, HeaderOnlyIsAnEmptyTable) {
    const CsvTable t = CsvReader::parse("a,b\n", "q.csv");
    EXPECT_EQ(t.header.size(), 2u);
    EXPECT_TRUE(t.rows.empty());
}

TEST(CsvReader, DuplicateOrEmptyColumnNames) {
    std::string message = parseError("date,kind, date\n");
    EXPECT_TRUE(contains(message, "questions.csv line 1")) << message;
    EXPECT_TRUE(contains(message, "'date'")) << message;
    EXPECT_TRUE(contains(message, "twice")) << message;
    message = parseError("date,,name\n");
    EXPECT_TRUE(contains(message, "column 2")) << message;
}

TEST(CsvReader, InvalidUtf8NamesLineAndField) {
    const std::string message = parseError("name,text\nBudi,ok\nSiti,caf\xC3\n");
    EXPECT_TRUE(contains(message, "questions.csv line 3")) << message;
    EXPECT_TRUE(contains(message, "field 'text'")) << message;
    EXPECT_TRUE(contains(message, "UTF-8")) << message;
    // Inside a multi-line field the line is the one holding the bad byte.
    const std::string later = parseError("name,text\nBudi,\"ok\nstill ok\n\xFF\"\n");
    EXPECT_TRUE(contains(later, "line 4")) << later;
}

TEST(CsvReader, ValidUtf8PassesThrough) {
    const CsvTable t = CsvReader::parse("nama\nBu Ni Luh Putu Ayu Sriwedari — Denpasar\n", "q.csv");
    EXPECT_EQ(t.rows[0][0], "Bu Ni Luh Putu Ayu Sriwedari — Denpasar");
}

TEST(CsvReader, RequireColumnsNamesMissingAndUnknownAndListsAccepted) {
    const CsvTable t = CsvReader::parse("# exported\nname,txt,phone\n", "questions.csv", true);
    EXPECT_EQ(t.headerLine, 2u);
    const std::string message = inputErrorOf([&] {
        t.requireColumns({"name", "text"}, {"phone", "channel"});
    });
    EXPECT_TRUE(contains(message, "questions.csv line 2")) << message;
    EXPECT_TRUE(contains(message, "missing column 'text'")) << message;
    EXPECT_TRUE(contains(message, "unknown column 'txt'")) << message;
    EXPECT_FALSE(contains(message, "unknown column 'phone'")) << message;
    EXPECT_TRUE(contains(message, "name, text")) << message;
    EXPECT_TRUE(contains(message, "phone, channel")) << message;
}

TEST(CsvReader, RequireColumnsAcceptsAnyOrderAndMissingOptional) {
    const CsvTable t = CsvReader::parse("text,name\n", "questions.csv");
    EXPECT_NO_THROW(t.requireColumns({"name", "text"}, {"phone"}));
}

TEST(CsvReader, FieldByNameAndWhere) {
    const CsvTable t = CsvReader::parse("# c\nname,text\nBudi,halo\n", "questions.csv", true);
    EXPECT_EQ(t.field(0, "text"), "halo");
    EXPECT_EQ(t.field(0, "phone"), "");
    EXPECT_EQ(t.column("phone"), -1);
    EXPECT_EQ(t.where(0), "questions.csv line 3: ");
}

TEST(CsvReader, ReadFileUsesThePathAsSource) {
    const auto path = std::filesystem::temp_directory_path() /
                      ("csvreader_test_" + std::to_string(::getpid()) + ".csv");
    {
        std::ofstream out(path, std::ios::binary);
        out << "a,b\n1,2,3\n";
    }
    const std::string message = inputErrorOf([&] { CsvReader::readFile(path); });
    std::filesystem::remove(path);
    EXPECT_TRUE(contains(message, path.string() + " line 2")) << message;
}

TEST(CsvReader, ReadFileThatDoesNotExist) {
    const std::string message =
        inputErrorOf([] { CsvReader::readFile("/nonexistent/dir/questions.csv"); });
    EXPECT_TRUE(contains(message, "/nonexistent/dir/questions.csv")) << message;
    const std::string dir = inputErrorOf([] { CsvReader::readFile("/tmp"); });
    EXPECT_TRUE(contains(dir, "/tmp")) << dir;
}

}  // namespace
}  // namespace ds
