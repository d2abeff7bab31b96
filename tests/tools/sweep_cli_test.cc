// End-to-end tests of `chaintrace sweep` and `chaintrace report`.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "tests/sim/io/sample_report.h"
#include "tests/tools/command.h"

namespace chaintrace {
namespace {

namespace fs = std::filesystem;

using testing_util::CommandResult;
using testing_util::MakeTempDir;
using testing_util::ReadAll;
using testing_util::RunChaintrace;

const fs::path kSource = CHAINTRACE_SOURCE_DIR;

std::string SweepText() {
  return "scenario: \"" +
         (kSource / "tests/data/scenarios/minimal.textproto").string() +
         "\"\n"
         "axes {\n"
         "  name: \"hops\"\n"
         "  field: \"attacks[0].inline_plan.stages[0].peel_chain.hops\"\n"
         "  values: \"5\" values: \"50\"\n"
         "}\n";
}

TEST(SweepCli, Help) {
  const CommandResult help = RunChaintrace({"sweep", "--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("SWEEP_FILE"), std::string::npos) << help.out;
  EXPECT_NE(help.out.find("--shard"), std::string::npos);
  EXPECT_NE(help.out.find("--jobs"), std::string::npos);
  EXPECT_NE(help.out.find("merge"), std::string::npos);
  const CommandResult merge = RunChaintrace({"sweep", "merge", "--help"});
  EXPECT_EQ(merge.exit_code, 0);
  EXPECT_NE(merge.out.find("DIR"), std::string::npos) << merge.out;
  const CommandResult report = RunChaintrace({"report", "--help"});
  EXPECT_EQ(report.exit_code, 0);
  EXPECT_NE(report.out.find("--html"), std::string::npos);
}

TEST(SweepCli, BadUsageAndInputExitTwo) {
  EXPECT_EQ(RunChaintrace({"sweep"}).exit_code, 2);
  EXPECT_EQ(RunChaintrace({"sweep", "merge"}).exit_code, 2);
  EXPECT_EQ(RunChaintrace({"sweep", "--jobs", "0", "x"}).exit_code, 2);
  const fs::path dir = MakeTempDir("sweep_cli");
  const fs::path file = dir / "bad.textproto";
  std::ofstream(file) << SweepText() << "axes { name: \"x\" field: "
                      << "\"labels.nope\" values: \"1\" }\n";
  const CommandResult bad = RunChaintrace({"sweep", file.string()});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find(file.string() + ":7:18: axes[1].field[0]: in the "
                                         "base scenario: labels: no field "
                                         "'nope'"),
            std::string::npos)
      << bad.err;
  const CommandResult shard =
      RunChaintrace({"sweep", file.string(), "--shard", "2/2"});
  EXPECT_EQ(shard.exit_code, 2);
  EXPECT_NE(shard.err.find("expected i/N"), std::string::npos);
  EXPECT_EQ(
      RunChaintrace({"sweep", "merge", (dir / "none").string()}).exit_code, 2);
}

// The shipped binary has no evaluation yet: it must say so, not invent
// numbers.
TEST(SweepCli, SaysEvaluationIsNotAvailableYet) {
  const fs::path dir = MakeTempDir("sweep_cli_run");
  const fs::path file = dir / "s.textproto";
  std::ofstream(file) << SweepText();
  const CommandResult r = RunChaintrace(
      {"sweep", file.string(), "--out", (dir / "out").string(), "-j", "2"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("evaluation not available yet"), std::string::npos)
      << r.err;
  EXPECT_TRUE(r.out.empty()) << r.out;
  const std::string csv = ReadAll(dir / "out" / "results.csv");
  EXPECT_EQ(csv.find('\n'), csv.size() - 1) << csv;  // the header only
  EXPECT_FALSE(fs::exists(dir / "out" / "plots"));
}

TEST(ReportCli, WritesHtmlFromARunDirectory) {
  const fs::path dir = MakeTempDir("report_cli");
  {
    std::ofstream out(dir / "report.pb", std::ios::binary);
    ASSERT_TRUE(testing_util::SampleReport().SerializeToOstream(&out));
  }
  const fs::path html = dir / "report.html";
  const CommandResult r =
      RunChaintrace({"report", dir.string(), "--html", html.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string text = ReadAll(html);
  EXPECT_NE(text.find("class=\"flow\""), std::string::npos);
  EXPECT_NE(text.find("kr_exchange"), std::string::npos);
  EXPECT_EQ(RunChaintrace({"report", (dir / "nope").string(), "--html",
                           (dir / "x.html").string()})
                .exit_code,
            2);
  EXPECT_EQ(RunChaintrace({"report", dir.string()}).exit_code, 2);
}

}  // namespace
}  // namespace chaintrace
