#include "sim/io/csv.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace chaintrace::io {
namespace {

using Fields = std::vector<std::string>;

TEST(CsvField, QuotesOnlyWhenNeeded) {
  std::string out;
  AppendCsvField("plain", &out);
  out += '|';
  AppendCsvField("a,b", &out);
  out += '|';
  AppendCsvField("say \"hi\"", &out);
  out += '|';
  AppendCsvField("two\nlines", &out);
  EXPECT_EQ(out, "plain|\"a,b\"|\"say \"\"hi\"\"\"|\"two\nlines\"");
}

TEST(CsvReader, ReadsQuotedFieldsLineEndsAndBom) {
  CsvReader r(
      "\xEF\xBB\xBF"
      "a,b,c\r\n\"x,1\",\"he said \"\"no\"\"\",\"multi\nline\"\n\n3,,\n");
  Fields f;
  ASSERT_TRUE(r.Next(&f));
  EXPECT_EQ(f, (Fields{"a", "b", "c"}));
  EXPECT_EQ(r.line(), 1u);
  ASSERT_TRUE(r.Next(&f));
  EXPECT_EQ(f, (Fields{"x,1", "he said \"no\"", "multi\nline"}));
  EXPECT_EQ(r.line(), 2u);
  ASSERT_TRUE(r.Next(&f));
  EXPECT_EQ(f, (Fields{"3", "", ""}));
  EXPECT_EQ(r.line(), 5u);  // the blank line 4 is skipped
  EXPECT_FALSE(r.Next(&f));
  EXPECT_TRUE(r.ok());
}

TEST(CsvReader, ReportsSyntaxErrorsWithLines) {
  Fields f;
  CsvReader open("a\n\"never closed\n");
  EXPECT_TRUE(open.Next(&f));
  EXPECT_FALSE(open.Next(&f));
  EXPECT_EQ(open.Error("f.csv"), "f.csv:2: quoted field is never closed");

  CsvReader stray("a,b\"c\n");
  EXPECT_FALSE(stray.Next(&f));
  EXPECT_EQ(stray.Error("f.csv"),
            "f.csv:1: a double quote inside an unquoted field");

  CsvReader after("\"a\"b\n");
  EXPECT_FALSE(after.Next(&f));
  EXPECT_EQ(after.Error("f.csv"),
            "f.csv:1: unexpected text after a closing quote");
}

}  // namespace
}  // namespace chaintrace::io
