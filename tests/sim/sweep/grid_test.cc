// The grid: point order and ids, shards, and each point's scenario.

#include "sim/sweep/grid.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "tests/sim/sweep/sweep_test_util.h"
#include "tests/tools/command.h"

namespace chaintrace::sweep {
namespace {

using testing::HopsSweep;

SweepPlan LoadPlan(const std::string& text) {
  const auto dir = testing_util::MakeTempDir("sweep_grid");
  const std::string path = (dir / "g.textproto").string();
  testing::WriteText(path, text);
  SweepLoadResult r = LoadSweepFile(path);
  EXPECT_TRUE(r.ok()) << (r.diagnostics.empty()
                              ? ""
                              : r.diagnostics.front().ToString());
  return r.ok() ? std::move(*r.plan) : SweepPlan{};
}

const char kCoverage[] =
    "axes { name: \"coverage\" field: \"labels.exchange_deposit\" values: "
    "\"0.2\" values: \"0.8\" }\n";

TEST(Grid, FirstAxisVariesSlowest) {
  const SweepPlan plan = LoadPlan(HopsSweep(kCoverage));
  const std::vector<GridPoint> points = ExpandGrid(plan);
  ASSERT_EQ(points.size(), 6u);
  EXPECT_EQ(DescribePoint(plan, points[0]), "hops=5, coverage=0.2");
  EXPECT_EQ(DescribePoint(plan, points[1]), "hops=5, coverage=0.8");
  EXPECT_EQ(DescribePoint(plan, points[2]), "hops=10, coverage=0.2");
  EXPECT_EQ(DescribePoint(plan, points[5]), "hops=40, coverage=0.8");
  std::set<std::string> ids;
  for (const GridPoint& p : points) {
    EXPECT_EQ(p.id.size(), 16u);
    ids.insert(p.id);
  }
  EXPECT_EQ(ids.size(), 6u);

  const std::vector<RunKey> runs = AllRuns(plan);
  ASSERT_EQ(runs.size(), 12u);
  EXPECT_EQ(runs[3].point, 1u);
  EXPECT_EQ(runs[3].seed_index, 1u);
}

TEST(Grid, PointIdsStayWhenValuesAreAdded) {
  const SweepPlan small = LoadPlan(HopsSweep(kCoverage));
  std::string more = HopsSweep(kCoverage);
  more.replace(more.find("values: \"40\""), 12,
               "values: \"20\" values: \"40\"");
  const SweepPlan large = LoadPlan(more);
  const auto a = ExpandGrid(small);
  const auto b = ExpandGrid(large);
  ASSERT_EQ(b.size(), 8u);
  EXPECT_EQ(a[5].id, b[7].id);  // hops=40, coverage=0.8 in both
  EXPECT_EQ(DescribePoint(large, b[7]), "hops=40, coverage=0.8");
}

TEST(Grid, ShardsPartitionTheRuns) {
  const SweepPlan plan = LoadPlan(HopsSweep(kCoverage));
  const std::vector<RunKey> runs = AllRuns(plan);
  std::multiset<std::size_t> seen;
  for (int i = 0; i < 5; ++i) {
    const auto shard = ParseShard(std::to_string(i) + "/5");
    ASSERT_TRUE(shard.ok());
    for (const RunKey& r : ShardRuns(runs, *shard)) {
      seen.insert(r.point * plan.seeds.size() + r.seed_index);
    }
  }
  ASSERT_EQ(seen.size(), runs.size());
  for (std::size_t r = 0; r < runs.size(); ++r) EXPECT_EQ(seen.count(r), 1u);
  EXPECT_EQ(ShardRuns(runs, Shard{1, 5}).size(), 3u);  // runs 1, 6, 11
}

TEST(Grid, ParsesShards) {
  EXPECT_TRUE(ParseShard("0/1").ok());
  EXPECT_EQ(ParseShard("3/4")->index, 3);
  for (const char* bad : {"4/4", "-1/4", "1/0", "1", "a/b", "1/2/3", ""}) {
    EXPECT_FALSE(ParseShard(bad).ok()) << bad;
  }
}

TEST(Grid, PointScenarioSetsValuesSeedAndTracers) {
  const SweepPlan plan = LoadPlan(
      HopsSweep(std::string(kCoverage) + "tracers { tracer: \"haircut\" }\n"));
  const auto points = ExpandGrid(plan);
  const auto s = PointScenario(plan, points[3], 99);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(s->attacks(0).inline_plan().stages(0).peel_chain().hops(), 10);
  EXPECT_DOUBLE_EQ(s->labels().exchange_deposit(), 0.8);
  EXPECT_EQ(s->seed(), 99u);
  ASSERT_EQ(s->tracers_size(), 1);
  EXPECT_EQ(s->tracers(0).tracer(), "haircut");
}

TEST(Grid, PointScenarioIsValidated) {
  std::string text = HopsSweep();
  text.replace(text.find("values: \"5\""), 11, "values: \"0\"");
  const SweepPlan plan = LoadPlan(text);
  const auto s = PointScenario(plan, ExpandGrid(plan)[0], 1);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("(hops=0): the scenario is not valid"),
            std::string::npos)
      << s.message();
  EXPECT_NE(s.message().find("peel_chain.hops"), std::string::npos)
      << s.message();
}

}  // namespace
}  // namespace chaintrace::sweep
