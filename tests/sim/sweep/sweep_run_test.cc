// Running sweeps: determinism whatever --jobs, resume, interruption,
// shards and merge.

#include "sim/sweep/sweep_run.h"

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <string>

#include "sim/sweep/files.h"
#include "tests/sim/sweep/sweep_test_util.h"
#include "tests/tools/command.h"

namespace chaintrace::sweep {
namespace {

namespace fs = std::filesystem;
using testing::FakeRunner;
using testing::HopsSweep;

const char kCoverage[] =
    "axes { name: \"coverage\" field: \"labels.exchange_deposit\" values: "
    "\"0.2\" values: \"0.8\" }\n";

class SweepRunTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing_util::MakeTempDir("sweep_run");
    Load(HopsSweep(kCoverage), &plan_);
  }

  void Load(const std::string& text, SweepPlan* plan) {
    const std::string path = (dir_ / "sweep.txt").string();
    testing::WriteText(path, text);
    SweepLoadResult r = LoadSweepFile(path);
    ASSERT_TRUE(r.ok()) << r.diagnostics.front().ToString();
    *plan = std::move(*r.plan);
  }

  Result<SweepRunSummary> Run(const std::string& out, int jobs,
                              PointRunner runner = FakeRunner,
                              Shard shard = {}) {
    SweepRunOptions o;
    o.out_dir = (dir_ / out).string();
    o.jobs = jobs;
    o.runner = std::move(runner);
    o.shard = shard;
    return RunSweep(plan_, o);
  }

  std::string Read(const std::string& rel) {
    return testing_util::ReadAll(dir_ / rel);
  }

  fs::path dir_;
  SweepPlan plan_;
};

TEST_F(SweepRunTest, WritesOneRowPerRunAndTracer) {
  const auto r = Run("out", 1);
  ASSERT_TRUE(r.ok()) << r.message();
  EXPECT_EQ(r->grid_runs, 12u);
  EXPECT_EQ(r->ran, 12u);
  EXPECT_EQ(r->missing, 0u);
  const std::string csv = Read("out/results.csv");
  EXPECT_EQ(csv.substr(0, csv.find('\n')),
            "point,seed,tracer,hops,coverage,value_recall,value_precision,"
            "address_precision,address_recall,address_f1,"
            "collateral_addresses,collateral_usd,attribution_recall,"
            "cluster_precision,cluster_recall,largest_cluster,"
            "mixer_link_accuracy,anonymity_set,max_hop");
  std::size_t lines = 0;
  for (char c : csv) lines += c == '\n';
  EXPECT_EQ(lines, 1u + 12u * 2u);
  // Third point (hops=10, coverage=0.2), seed 7: alpha recall 0.5 + 0.007.
  EXPECT_NE(csv.find(",7,alpha,10,0.2,0.507,,,,,70,"), std::string::npos)
      << csv;
  EXPECT_NE(csv.find(",8,beta,40,0.8,0.8,,,,,,,"), std::string::npos) << csv;
  // By default one plot of value recall per axis.
  ASSERT_EQ(r->plots.size(), 2u);
  EXPECT_TRUE(fs::exists(dir_ / "out/plots/value_recall_vs_hops.svg"));
  EXPECT_TRUE(fs::exists(dir_ / "out/plots/value_recall_vs_coverage.svg"));
  EXPECT_EQ(Read("out/sweep.textproto"), ManifestText(plan_.manifest));
}

TEST_F(SweepRunTest, OutputsDoNotDependOnJobs) {
  ASSERT_TRUE(Run("one", 1).ok());
  ASSERT_TRUE(Run("four", 4).ok());
  EXPECT_EQ(Read("one/results.csv"), Read("four/results.csv"));
  EXPECT_EQ(Read("one/plots/value_recall_vs_hops.svg"),
            Read("four/plots/value_recall_vs_hops.svg"));
}

TEST_F(SweepRunTest, ResumesWithoutRedoingRuns) {
  ASSERT_TRUE(Run("out", 2).ok());
  const std::string before = Read("out/results.csv");
  std::atomic<int> calls{0};
  const auto counting = [&](const scenario::Scenario& s, std::uint64_t seed) {
    ++calls;
    return FakeRunner(s, seed);
  };
  const auto again = Run("out", 2, counting);
  ASSERT_TRUE(again.ok()) << again.message();
  EXPECT_EQ(calls.load(), 0);
  EXPECT_EQ(again->already_done, 12u);
  EXPECT_EQ(Read("out/results.csv"), before);

  // Runs found only in results.csv (runs/ deleted) count as done too.
  fs::remove_all(dir_ / "out/runs");
  ASSERT_TRUE(Run("out", 2, counting).ok());
  EXPECT_EQ(calls.load(), 0);
  EXPECT_EQ(Read("out/results.csv"), before);
}

TEST_F(SweepRunTest, InterruptedSweepKeepsWholeRunsAndResumes) {
  ASSERT_TRUE(Run("ref", 1).ok());
  std::atomic<int> calls{0};
  const auto failing = [&](const scenario::Scenario& s,
                           std::uint64_t seed) -> Result<report::Report> {
    if (++calls == 4) return Status::Error("simulated crash");
    return FakeRunner(s, seed);
  };
  const auto broken = Run("out", 1, failing);
  ASSERT_FALSE(broken.ok());
  EXPECT_NE(broken.message().find("point "), std::string::npos);
  EXPECT_NE(broken.message().find("seed 8: simulated crash"), std::string::npos)
      << broken.message();
  std::size_t files = 0;
  for (const auto& e : fs::directory_iterator(dir_ / "out/runs")) {
    (void)e;
    ++files;
  }
  EXPECT_EQ(files, 3u);
  EXPECT_FALSE(fs::exists(dir_ / "out/plots"));
  const auto resumed = Run("out", 3);
  ASSERT_TRUE(resumed.ok()) << resumed.message();
  EXPECT_EQ(resumed->already_done, 3u);
  EXPECT_EQ(resumed->ran, 9u);
  EXPECT_EQ(Read("out/results.csv"), Read("ref/results.csv"));
}

TEST_F(SweepRunTest, ShardsMergeIntoTheFullSweep) {
  ASSERT_TRUE(Run("full", 2).ok());
  for (int i = 0; i < 3; ++i) {
    const auto r = Run("shard" + std::to_string(i), 1, FakeRunner, Shard{i, 3});
    ASSERT_TRUE(r.ok()) << r.message();
    EXPECT_EQ(r->ran, 4u);
    EXPECT_EQ(r->missing, 8u);
    EXPECT_TRUE(r->plots.empty());
  }
  const std::string s0 = (dir_ / "shard0").string();
  const std::string s1 = (dir_ / "shard1").string();
  const std::string s2 = (dir_ / "shard2").string();
  const auto partial = MergeSweepOutputs({s0, s1}, (dir_ / "part").string());
  ASSERT_TRUE(partial.ok()) << partial.message();
  EXPECT_EQ(partial->missing, 4u);
  EXPECT_TRUE(partial->plots.empty());
  const auto merged =
      MergeSweepOutputs({s0, s1, s2}, (dir_ / "merged").string());
  ASSERT_TRUE(merged.ok()) << merged.message();
  EXPECT_EQ(merged->found, 12u);
  EXPECT_EQ(merged->missing, 0u);
  EXPECT_EQ(Read("merged/results.csv"), Read("full/results.csv"));
  EXPECT_EQ(Read("merged/plots/value_recall_vs_hops.svg"),
            Read("full/plots/value_recall_vs_hops.svg"));
  // Merging into one of the inputs works too.
  const auto in_place = MergeSweepOutputs({s0, s1, s2}, s0);
  ASSERT_TRUE(in_place.ok()) << in_place.message();
  EXPECT_EQ(Read("shard0/results.csv"), Read("full/results.csv"));
}

TEST_F(SweepRunTest, RefusesOutputsOfAnotherSweep) {
  ASSERT_TRUE(Run("out", 1).ok());
  SweepPlan other;
  Load(HopsSweep(), &other);
  SweepRunOptions o;
  o.out_dir = (dir_ / "out").string();
  o.runner = FakeRunner;
  const auto r = RunSweep(other, o);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.message().find("another sweep"), std::string::npos);
  plan_ = other;
  ASSERT_TRUE(Run("other", 1).ok());
  const auto m =
      MergeSweepOutputs({(dir_ / "out").string(), (dir_ / "other").string()},
                        (dir_ / "m").string());
  ASSERT_FALSE(m.ok());
  EXPECT_NE(m.message().find("another sweep"), std::string::npos);
}

TEST_F(SweepRunTest, ReportsProgressAfterEachRun) {
  std::vector<std::size_t> done;
  SweepRunOptions o;
  o.out_dir = (dir_ / "out").string();
  o.jobs = 3;
  o.runner = FakeRunner;
  o.shard = Shard{0, 2};
  o.progress = [&](const SweepProgress& p) {
    EXPECT_EQ(p.total, 6u);
    EXPECT_GE(p.elapsed_seconds, 0.0);
    done.push_back(p.done);
  };
  ASSERT_TRUE(RunSweep(plan_, o).ok());
  EXPECT_EQ(done, (std::vector<std::size_t>{1, 2, 3, 4, 5, 6}));
}

TEST_F(SweepRunTest, InvalidPointStopsBeforeAnyRun) {
  std::string text = HopsSweep();
  text.replace(text.find("values: \"40\""), 12, "values: \"0\"");
  Load(text, &plan_);
  std::atomic<int> calls{0};
  const auto r =
      Run("out", 1, [&](const scenario::Scenario& s, std::uint64_t seed) {
        ++calls;
        return FakeRunner(s, seed);
      });
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(calls.load(), 0);
  EXPECT_NE(r.message().find("hops=0"), std::string::npos) << r.message();
}

}  // namespace
}  // namespace chaintrace::sweep
