// Every file under tests/data/malformed/ and a few generated inputs (binary
// garbage, NUL bytes, 10,000 levels of nesting) must be refused with a
// located diagnostic, without crashing.

#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "sim/scenario/loader.h"
#include "tests/sim/scenario/scenario_test_util.h"

namespace chaintrace::sim {
namespace {

using testing::DataPath;
using testing::Describe;

struct Malformed {
  const char* file;
  int line;
  int column;
  const char* message;  // a part of the expected message
};

constexpr Malformed kCorpus[] = {
    {"bad_enum.textproto", 2, 44, "BLOCKCHAIN"},
    {"bad_enum_number.textproto", 2, 35, "7"},
    {"comments_only.textproto", 1, 1, "empty scenario"},
    {"duplicate_singular.textproto", 4, 6, "specified multiple times"},
    {"empty.textproto", 1, 1, "empty scenario"},
    {"float_for_integer.textproto", 4, 21, "integer"},
    {"int32_overflow.textproto", 4, 18, "out of range"},
    {"latin1.textproto", 2, 22, "invalid UTF-8 byte 0xE9"},
    {"message_for_scalar.textproto", 2, 7, "\":\""},
    {"missing_colon.textproto", 2, 6, "\":\""},
    {"negative_unsigned.textproto", 2, 7, "-"},
    {"scalar_for_message.textproto", 2, 11, "\"{\""},
    {"stray_character.textproto", 2, 9, "@"},
    {"string_for_double.textproto", 2, 17, "\"high\""},
    {"string_for_integer.textproto", 2, 7, "integer"},
    {"truncated.textproto", 6, 1, "Expected identifier"},
    {"two_oneof_members.textproto", 4, 35, "oneof"},
    {"uint64_overflow.textproto", 2, 7, "out of range"},
    {"unbalanced_brace.textproto", 3, 1, "}"},
    {"unknown_field.textproto", 4, 9, "colour"},
    {"unterminated_string.textproto", 3, 22, "String literals cannot cross"},
};

void PrintTo(const Malformed& m, std::ostream* out) { *out << m.file; }

class MalformedCorpusTest : public ::testing::TestWithParam<Malformed> {};

TEST_P(MalformedCorpusTest, IsRefusedWithALocatedDiagnostic) {
  const Malformed& m = GetParam();
  const std::string path = DataPath(std::string("malformed/") + m.file);
  const LoadResult result = LoadScenarioFile(path);
  EXPECT_FALSE(result.ok());
  EXPECT_FALSE(result.scenario.has_value());
  ASSERT_EQ(result.diagnostics.size(), 1u) << Describe(result);
  const Diagnostic& d = result.diagnostics[0];
  EXPECT_EQ(d.file, path);
  EXPECT_EQ(d.line, m.line) << d.ToString();
  EXPECT_EQ(d.column, m.column) << d.ToString();
  EXPECT_NE(d.message.find(m.message), std::string::npos) << d.ToString();
  EXPECT_EQ(d.ToString().rfind(path + ":" + std::to_string(m.line) + ":" +
                                   std::to_string(m.column) + ": ",
                               0),
            0u)
      << d.ToString();
}

INSTANTIATE_TEST_SUITE_P(Corpus, MalformedCorpusTest,
                         ::testing::ValuesIn(kCorpus),
                         [](const ::testing::TestParamInfo<Malformed>& p) {
                           std::string name = p.param.file;
                           name = name.substr(0, name.find('.'));
                           return name;
                         });

TEST(MalformedCorpusTest, EveryCorpusFileIsListed) {
  std::set<std::string> listed;
  for (const Malformed& m : kCorpus) listed.insert(m.file);
  for (const auto& entry :
       std::filesystem::directory_iterator(DataPath("malformed"))) {
    EXPECT_EQ(listed.count(entry.path().filename().string()), 1u)
        << entry.path() << " is not in kCorpus";
  }
}

// A fixed pseudo-random byte string (a 64-bit LCG), so failures reproduce.
std::string Garbage(std::size_t size, std::uint64_t seed) {
  std::string out;
  for (std::size_t i = 0; i < size; ++i) {
    seed = seed * 6364136223846793005u + 1442695040888963407u;
    out += static_cast<char>(seed >> 56);
  }
  return out;
}

TEST(MalformedGeneratedTest, BinaryGarbageIsRefused) {
  for (std::uint64_t seed = 1; seed <= 50; ++seed) {
    const LoadResult result =
        LoadScenarioText(Garbage(300, seed), "garbage.bin");
    EXPECT_FALSE(result.ok());
    ASSERT_EQ(result.diagnostics.size(), 1u) << Describe(result);
    EXPECT_GE(result.diagnostics[0].line, 1) << Describe(result);
    EXPECT_GE(result.diagnostics[0].column, 1) << Describe(result);
    EXPECT_NE(result.diagnostics[0].message.find("binary"), std::string::npos);
  }
}

TEST(MalformedGeneratedTest, GarbageAfterValidTextIsLocated) {
  testing::TempDir dir;
  const std::string path = dir.Write(
      "x.textproto", "seed: 1\nstart: \"2021-01-01\"\n" + Garbage(200, 7));
  const LoadResult result = LoadScenarioFile(path);
  ASSERT_EQ(result.diagnostics.size(), 1u) << Describe(result);
  EXPECT_EQ(result.diagnostics[0].file, path);
  EXPECT_GE(result.diagnostics[0].line, 3);
}

TEST(MalformedGeneratedTest, NulByteIsRefused) {
  const std::string text("seed: 1\nstart: \"2021\0-01-01\"\n", 28);
  const LoadResult result = LoadScenarioText(text, "nul.textproto");
  ASSERT_EQ(result.diagnostics.size(), 1u) << Describe(result);
  EXPECT_EQ(result.diagnostics[0].ToString(),
            "nul.textproto:2:13: NUL byte: the file is binary or not UTF-8 "
            "text, not a text-format scenario");
}

TEST(MalformedGeneratedTest, TenThousandLevelsOfNestingAreRefused) {
  constexpr int kDepth = 10000;
  std::string nested;
  for (int i = 0; i < kDepth; ++i) nested += "metadata {\n";
  for (int i = 0; i < kDepth; ++i) nested += "}\n";
  const LoadResult result = LoadScenarioText(nested, "deep.textproto");
  ASSERT_EQ(result.diagnostics.size(), 1u) << Describe(result);
  EXPECT_EQ(result.diagnostics[0].line, 2);
  EXPECT_GE(result.diagnostics[0].column, 1);
}

TEST(MalformedGeneratedTest, TenThousandOpenBracketsAreRefused) {
  const std::string text = "include: " + std::string(10000, '[') + "\"x\"" +
                           std::string(10000, ']') + "\n";
  const LoadResult result = LoadScenarioText(text, "brackets.textproto");
  ASSERT_EQ(result.diagnostics.size(), 1u) << Describe(result);
  EXPECT_EQ(result.diagnostics[0].line, 1);
  EXPECT_EQ(result.diagnostics[0].column, 11);
}

TEST(MalformedGeneratedTest, DeepValidNestingBeyondTheLimitIsRefused) {
  // Scenario messages nest about six levels deep; with a lower limit the
  // same text trips the recursion limit instead of overflowing the stack.
  LoadOptions options;
  options.recursion_limit = 2;
  const LoadResult result = LoadScenarioText(
      "attacks {\n  inline_plan {\n    stages { hold {} }\n  }\n}\n",
      "limit.textproto", options);
  ASSERT_EQ(result.diagnostics.size(), 1u) << Describe(result);
  EXPECT_EQ(result.diagnostics[0].line, 3);
  EXPECT_NE(result.diagnostics[0].message.find("recursion limit"),
            std::string::npos)
      << Describe(result);
}

TEST(MalformedGeneratedTest, VeryLongLineIsHandled) {
  const std::string text =
      "metadata { name: \"" + std::string(1 << 20, 'a') + "\" }\nseed: x\n";
  const LoadResult result = LoadScenarioText(text, "long.textproto");
  ASSERT_EQ(result.diagnostics.size(), 1u) << Describe(result);
  EXPECT_EQ(result.diagnostics[0].line, 2);
  EXPECT_EQ(result.diagnostics[0].column, 7);
}

}  // namespace
}  // namespace chaintrace::sim
