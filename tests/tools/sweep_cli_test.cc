// End-to-end tests of `chaintrace sweep` and `chaintrace report`.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

#include "model/sha256.h"
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

// The real pipeline at every point: one row per (point, seed, tracer) with
// measured metrics, and a plot per metric; the same bytes whatever --jobs.
TEST(SweepCli, RunsEveryPointAndDrawsThePlots) {
  const fs::path dir = MakeTempDir("sweep_cli_run");
  const fs::path file = dir / "s.textproto";
  std::ofstream(file) << SweepText() << "seeds { count: 2 first: 1 }\n";
  const CommandResult r = RunChaintrace(
      {"sweep", file.string(), "--out", (dir / "out").string(), "-j", "2"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string csv = ReadAll(dir / "out" / "results.csv");
  ASSERT_EQ(csv.rfind("point,seed,tracer,hops,value_recall,", 0), 0u) << csv;
  // 2 points x 2 seeds x every registered tracer, plus the header.
  const auto rows = std::count(csv.begin(), csv.end(), '\n');
  EXPECT_GT(rows, 4 * 10);
  EXPECT_EQ((rows - 1) % 4, 0);
  EXPECT_NE(csv.find(",1,poison,5,1,"), std::string::npos) << csv;
  EXPECT_NE(csv.find(",2,analyst,50,"), std::string::npos) << csv;
  EXPECT_TRUE(fs::exists(dir / "out" / "plots" / "value_recall_vs_hops.svg"));
  const CommandResult one = RunChaintrace(
      {"sweep", file.string(), "--out", (dir / "one").string(), "-j", "1"});
  ASSERT_EQ(one.exit_code, 0) << one.err;
  EXPECT_EQ(ReadAll(dir / "one" / "results.csv"), csv);
}

// Shards run apart and merge into the whole sweep: exit 1 while runs are
// missing, then 0 with the plots.
TEST(SweepCli, MergeCombinesShardsAndDrawsPlotsWhenComplete) {
  const fs::path dir = MakeTempDir("sweep_cli_merge");
  const fs::path file = dir / "s.textproto";
  std::ofstream(file) << SweepText() << "seeds { count: 1 first: 3 }\n";
  ASSERT_EQ(RunChaintrace({"sweep", file.string(), "--shard", "0/2", "--out",
                           (dir / "a").string()})
                .exit_code,
            0);
  const CommandResult partial = RunChaintrace(
      {"sweep", "merge", (dir / "a").string(), "--out", (dir / "m").string()});
  EXPECT_EQ(partial.exit_code, 1) << partial.err;
  EXPECT_NE(partial.err.find("1 runs are missing"), std::string::npos)
      << partial.err;
  EXPECT_FALSE(fs::exists(dir / "m" / "plots"));
  ASSERT_EQ(RunChaintrace({"sweep", file.string(), "--shard", "1/2", "--out",
                           (dir / "b").string()})
                .exit_code,
            0);
  const CommandResult full =
      RunChaintrace({"sweep", "merge", (dir / "a").string(),
                     (dir / "b").string(), "--out", (dir / "m").string()});
  ASSERT_EQ(full.exit_code, 0) << full.err;
  EXPECT_NE(full.out.find("2 of 2 runs"), std::string::npos) << full.out;
  const std::string csv = ReadAll(dir / "m" / "results.csv");
  EXPECT_NE(csv.find(",3,poison,5,"), std::string::npos) << csv;
  EXPECT_NE(csv.find(",3,poison,50,"), std::string::npos) << csv;
  // The merged shards equal the whole sweep run at once.
  ASSERT_EQ(
      RunChaintrace({"sweep", file.string(), "--out", (dir / "whole").string()})
          .exit_code,
      0);
  EXPECT_EQ(ReadAll(dir / "whole" / "results.csv"), csv);
  const std::string svg =
      ReadAll(dir / "m" / "plots" / "value_recall_vs_hops.svg");
  EXPECT_NE(svg.find("<polyline class=\"series\" data-label=\"poison\""),
            std::string::npos)
      << svg;
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
