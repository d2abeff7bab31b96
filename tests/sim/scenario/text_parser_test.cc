#include "sim/scenario/text_parser.h"

#include <google/protobuf/descriptor.h>
#include <gtest/gtest.h>

namespace chaintrace::sim {
namespace {

std::vector<Diagnostic> ParseErrors(
    std::string_view text, int recursion_limit = kDefaultRecursionLimit) {
  std::vector<Diagnostic> diagnostics;
  const auto parsed =
      ParseScenarioText(text, "t.textproto", recursion_limit, &diagnostics);
  EXPECT_EQ(parsed.has_value(), diagnostics.empty());
  return diagnostics;
}

TEST(TextParserTest, ParsesAndRecordsLocations) {
  std::vector<Diagnostic> diagnostics;
  const auto parsed =
      ParseScenarioText("seed: 3\nchains {\n  name: \"btc\"\n}\n",
                        "t.textproto", kDefaultRecursionLimit, &diagnostics);
  ASSERT_TRUE(parsed.has_value());
  EXPECT_TRUE(diagnostics.empty());
  EXPECT_EQ(parsed->scenario.seed(), 3u);
  const auto* chains =
      scenario::Scenario::descriptor()->FindFieldByName("chains");
  const auto location = parsed->locations->GetLocation(chains, 0);
  EXPECT_EQ(location.line, 1);  // 0-based, as Protobuf records it
  EXPECT_EQ(location.column, 0);
}

TEST(TextParserTest, SyntaxErrorIsOneBased) {
  const auto d = ParseErrors("seed: 3\nchains {\n  name: 5\n}\n");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].file, "t.textproto");
  EXPECT_EQ(d[0].line, 3);
  EXPECT_EQ(d[0].column, 9);
  EXPECT_NE(d[0].message.find("string"), std::string::npos) << d[0].message;
}

TEST(TextParserTest, EmptyFile) {
  const auto d = ParseErrors("");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].ToString(),
            "t.textproto:1:1: empty scenario: the file is empty");
}

TEST(TextParserTest, OnlyCommentsAndWhitespaceIsEmpty) {
  const auto d = ParseErrors("# nothing here\n\n   \t\n# seed: 3\n");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_NE(d[0].message.find("empty scenario"), std::string::npos);
}

TEST(TextParserTest, NulByteIsLocated) {
  const auto d = ParseErrors(std::string_view("seed: 3\nst\0rt: \"x\"\n", 19));
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].line, 2);
  EXPECT_EQ(d[0].column, 3);
  EXPECT_NE(d[0].message.find("NUL byte"), std::string::npos);
}

TEST(TextParserTest, InvalidUtf8IsLocated) {
  const auto d = ParseErrors("metadata { name: \"caf\xC3\" }\n");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].line, 1);
  EXPECT_EQ(d[0].column, 22);
  EXPECT_NE(d[0].message.find("invalid UTF-8 byte 0xC3"), std::string::npos)
      << d[0].message;
}

TEST(TextParserTest, OverlongAndSurrogateUtf8AreRefused) {
  EXPECT_EQ(ParseErrors("# \xC0\xAF\nseed: 1\n").size(), 1u);
  EXPECT_EQ(ParseErrors("# \xED\xA0\x80\nseed: 1\n").size(), 1u);
  EXPECT_EQ(ParseErrors("# \xF4\x90\x80\x80\nseed: 1\n").size(), 1u);
}

TEST(TextParserTest, ValidUtf8IsAccepted) {
  EXPECT_TRUE(ParseErrors("# caf\xC3\xA9 \xE2\x82\xBF \xF0\x9F\x92\xB0\n"
                          "metadata { description: \"\xE2\x82\xBF\" }\n")
                  .empty());
}

TEST(TextParserTest, ByteOrderMarkIsSkipped) {
  EXPECT_TRUE(ParseErrors("\xEF\xBB\xBFseed: 1\n").empty());
  const auto d = ParseErrors("\xEF\xBB\xBFseed: x\n");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].column, 7);
  EXPECT_EQ(ParseErrors("\xEF\xBB\xBF").size(), 1u);
}

TEST(TextParserTest, ControlCharacterIsRefused) {
  const auto d = ParseErrors("seed: 3\x01\n");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].column, 8);
  EXPECT_NE(d[0].message.find("control character 0x01"), std::string::npos);
}

TEST(TextParserTest, TabsAdvanceColumnsLikeProtobuf) {
  const auto d = ParseErrors("\tseed: \x01\n");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].column, 15);  // the tab reaches column 9
  const auto p = ParseErrors("\tseed: x\n");
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].column, 15);
}

TEST(TextParserTest, NestingBeyondTheRecursionLimitIsAnError) {
  const std::string text =
      "attacks { inline_plan { stages { cash_out { exchanges { weight: 1 } "
      "} } } }\n";
  EXPECT_TRUE(ParseErrors(text).empty());
  const auto d = ParseErrors(text, 3);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].line, 1);
  EXPECT_GT(d[0].column, 0);
  EXPECT_NE(d[0].message.find("recursion limit"), std::string::npos)
      << d[0].message;
}

}  // namespace
}  // namespace chaintrace::sim
