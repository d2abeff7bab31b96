#include <gtest/gtest.h>

#include "sim/scenario/loader.h"
#include "tests/sim/scenario/scenario_test_util.h"

namespace chaintrace::sim {
namespace {

using testing::DataPath;
using testing::Describe;
using testing::ReadData;
using testing::TempDir;

TEST(IncludeTest, ResolvesRelativeToTheIncludingFileAndMerges) {
  const std::string root = DataPath("scenarios/includes/root.textproto");
  const LoadResult result = LoadScenarioFile(root);
  ASSERT_TRUE(result.ok()) << Describe(result);
  const LoadedScenario& loaded = *result.scenario;
  // Read depth first, the root first; the diamond's second visit reads
  // nothing.
  EXPECT_EQ(loaded.files,
            (std::vector<std::string>{
                root, DataPath("scenarios/includes/world/world.textproto"),
                DataPath("scenarios/includes/world/assets.textproto"),
                DataPath("scenarios/includes/attacks/heist.textproto")}));
  const scenario::Scenario& s = loaded.scenario;
  EXPECT_EQ(s.include_size(), 0);
  // The world was merged once: no duplicate names.
  EXPECT_EQ(s.chains_size(), 1);
  EXPECT_EQ(s.assets_size(), 1);
  EXPECT_EQ(s.entities_size(), 2);
  EXPECT_EQ(s.attacks_size(), 1);
  // Singular fields of the including file replace included ones, whole.
  EXPECT_EQ(s.metadata().name(), "includes");
  EXPECT_FALSE(s.metadata().has_description());
  EXPECT_EQ(s.duration(), "120d");
  EXPECT_EQ(s.start(), "2021-01-01");
}

TEST(IncludeTest, RepeatedFieldsAreAppendedInIncludeOrder) {
  TempDir dir;
  dir.Write("one.textproto", "plans { name: \"p1\" stages { hold {} } }\n");
  dir.Write("sub/two.textproto", "plans { name: \"p2\" stages { hold {} } }\n");
  std::string root_text = ReadData("scenarios/minimal.textproto");
  root_text = "include: \"one.textproto\"\ninclude: \"sub/two.textproto\"\n" +
              root_text + "plans { name: \"p3\" stages { hold {} } }\n";
  const LoadResult result =
      LoadScenarioFile(dir.Write("root.textproto", root_text));
  ASSERT_TRUE(result.ok()) << Describe(result);
  const auto& plans = result.scenario->scenario.plans();
  ASSERT_EQ(plans.size(), 3);
  EXPECT_EQ(plans[0].name(), "p1");
  EXPECT_EQ(plans[1].name(), "p2");
  EXPECT_EQ(plans[2].name(), "p3");
}

TEST(IncludeTest, ErrorInsideAnIncludedFileIsLocatedThere) {
  TempDir dir;
  const std::string world =
      dir.Write("world/assets.textproto",
                "# assets\n"
                "assets {\n"
                "  name: \"BTC\"\n"
                "  chain: \"bitcoin\"\n"
                "  decimals: 19\n"
                "  usd_price { at: \"2021-01-01\" value: 30000 }\n"
                "}\n");
  std::string root_text = ReadData("scenarios/minimal.textproto");
  const std::size_t begin = root_text.find("assets {");
  const std::size_t end = root_text.find("entities {");
  root_text.erase(begin, end - begin);
  root_text = "include: \"world/assets.textproto\"\n" + root_text;
  const LoadResult result =
      LoadScenarioFile(dir.Write("root.textproto", root_text));
  ASSERT_EQ(result.diagnostics.size(), 1u) << Describe(result);
  const Diagnostic& d = result.diagnostics[0];
  EXPECT_EQ(d.file, world);
  EXPECT_EQ(d.line, 5);
  EXPECT_EQ(d.column, 3);
  EXPECT_EQ(d.field, "assets[0].decimals");
  EXPECT_EQ(d.message, "must be in [0, 18], got 19");
}

TEST(IncludeTest, SyntaxErrorsInSeveralFilesAreAllReportedInFileOrder) {
  TempDir dir;
  dir.Write("a.textproto", "seed: 1\nchains { name: 3 }\n");
  dir.Write("b.textproto", "\n\nstart: 2021\n");
  const std::string root = dir.Write(
      "root.textproto",
      "include: \"a.textproto\"\ninclude: \"b.textproto\"\nseed: 1\n");
  const LoadResult result = LoadScenarioFile(root);
  ASSERT_EQ(result.diagnostics.size(), 2u) << Describe(result);
  EXPECT_EQ(result.diagnostics[0].file, (dir.path() / "a.textproto").string());
  EXPECT_EQ(result.diagnostics[0].line, 2);
  EXPECT_EQ(result.diagnostics[0].column, 16);
  EXPECT_EQ(result.diagnostics[1].file, (dir.path() / "b.textproto").string());
  EXPECT_EQ(result.diagnostics[1].line, 3);
  EXPECT_EQ(result.diagnostics[1].column, 8);
}

TEST(IncludeTest, CycleIsAnErrorAtTheIncludeLineNamingTheChain) {
  TempDir dir;
  const std::string a =
      dir.Write("a.textproto", "# a\ninclude: \"sub/b.textproto\"\n");
  const std::string b =
      dir.Write("sub/b.textproto", "seed: 2\n  include: \"../a.textproto\"\n");
  const LoadResult result = LoadScenarioFile(a);
  ASSERT_EQ(result.diagnostics.size(), 1u) << Describe(result);
  const Diagnostic& d = result.diagnostics[0];
  EXPECT_EQ(d.file, b);
  EXPECT_EQ(d.line, 2);
  EXPECT_EQ(d.column, 3);
  EXPECT_EQ(d.field, "include[0]");
  EXPECT_EQ(d.message, "include cycle: " + a + " -> " + b + " -> " + a);
}

TEST(IncludeTest, SelfIncludeIsACycle) {
  TempDir dir;
  const std::string a =
      dir.Write("a.textproto", "include: \"./a.textproto\"\n");
  const LoadResult result = LoadScenarioFile(a);
  ASSERT_EQ(result.diagnostics.size(), 1u) << Describe(result);
  EXPECT_EQ(result.diagnostics[0].ToString(),
            a + ":1:1: include[0]: include cycle: " + a + " -> " + a);
}

TEST(IncludeTest, MissingFileIsAnErrorAtTheIncludeLine) {
  TempDir dir;
  const std::string root = dir.Write(
      "root.textproto",
      "seed: 1\ninclude: \"world.textproto\"\ninclude: \"gone/x.textproto\"\n");
  dir.Write("world.textproto", "seed: 2\n");
  const LoadResult result = LoadScenarioFile(root);
  ASSERT_GE(result.diagnostics.size(), 1u) << Describe(result);
  const Diagnostic& d = result.diagnostics[0];
  EXPECT_EQ(d.file, root);
  EXPECT_EQ(d.line, 3);
  EXPECT_EQ(d.column, 1);
  EXPECT_EQ(d.field, "include[1]");
  EXPECT_EQ(d.message, "cannot include 'gone/x.textproto' (" +
                           (dir.path() / "gone/x.textproto").string() +
                           "): cannot open: No such file or directory");
  // Nothing else is validated once a file is missing.
  EXPECT_EQ(result.diagnostics.size(), 1u) << Describe(result);
}

TEST(IncludeTest, EmptyIncludePathIsAnError) {
  TempDir dir;
  const std::string root = dir.Write("root.textproto", "include: \"\"\n");
  const LoadResult result = LoadScenarioFile(root);
  ASSERT_EQ(result.diagnostics.size(), 1u) << Describe(result);
  EXPECT_EQ(result.diagnostics[0].ToString(),
            root + ":1:1: include[0]: empty include path");
}

TEST(IncludeTest, EmptyIncludedFileIsAnError) {
  TempDir dir;
  const std::string empty = dir.Write("empty.textproto", "# nothing\n");
  const std::string root =
      dir.Write("root.textproto", "include: \"empty.textproto\"\n");
  const LoadResult result = LoadScenarioFile(root);
  ASSERT_EQ(result.diagnostics.size(), 1u) << Describe(result);
  EXPECT_EQ(result.diagnostics[0].file, empty);
  EXPECT_NE(result.diagnostics[0].message.find("empty scenario"),
            std::string::npos);
}

TEST(IncludeTest, TextRootResolvesIncludesNextToItsName) {
  TempDir dir;
  dir.Write("world.textproto",
            "chains { name: \"bitcoin\" model: UTXO native_asset: \"BTC\" }\n");
  std::string text = ReadData("scenarios/minimal.textproto");
  const std::string chain =
      "chains { name: \"bitcoin\" model: UTXO native_asset: \"BTC\" }\n";
  text.erase(text.find(chain), chain.size());
  const LoadResult result =
      LoadScenarioText("include: \"world.textproto\"\n" + text,
                       (dir.path() / "stdin.textproto").string());
  ASSERT_TRUE(result.ok()) << Describe(result);
  EXPECT_EQ(result.scenario->files.size(), 2u);
}

TEST(IncludeTest, TooManyFilesIsAnError) {
  TempDir dir;
  dir.Write("a.textproto", "include: \"b.textproto\"\n");
  dir.Write("b.textproto", "seed: 1\n");
  const std::string root =
      dir.Write("root.textproto", "include: \"a.textproto\"\n");
  LoadOptions options;
  options.max_files = 2;
  const LoadResult result = LoadScenarioFile(root, options);
  ASSERT_EQ(result.diagnostics.size(), 1u) << Describe(result);
  EXPECT_EQ(result.diagnostics[0].file, (dir.path() / "a.textproto").string());
  EXPECT_NE(result.diagnostics[0].message.find("at most 2"), std::string::npos);
}

}  // namespace
}  // namespace chaintrace::sim
