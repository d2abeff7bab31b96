// The shipped teaching sweeps (scenarios/teaching/*/sweep.textproto): each
// loads, its field paths resolve in its base scenario, and every grid
// point's scenario is valid. They are not run here.

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "sim/sweep/grid.h"
#include "sim/sweep/sweep_file.h"

namespace chaintrace::sweep {
namespace {

namespace fs = std::filesystem;

TEST(TeachingSweeps, EveryPointIsAValidScenario) {
  const fs::path root = fs::path(CHAINTRACE_SOURCE_DIR) / "scenarios/teaching";
  int sweeps = 0;
  for (const auto& entry : fs::directory_iterator(root)) {
    const fs::path file = entry.path() / "sweep.textproto";
    if (!entry.is_directory() || !fs::exists(file)) continue;
    ++sweeps;
    SCOPED_TRACE(file.string());
    const SweepLoadResult loaded = LoadSweepFile(file.string());
    for (const auto& d : loaded.diagnostics) ADD_FAILURE() << d.ToString();
    ASSERT_TRUE(loaded.ok());
    const SweepPlan& plan = *loaded.plan;
    EXPECT_FALSE(plan.plots.empty());
    EXPECT_TRUE(fs::exists(entry.path() / "README.md"));
    for (const GridPoint& p : ExpandGrid(plan)) {
      const auto s = PointScenario(plan, p, plan.seeds.front());
      EXPECT_TRUE(s.ok()) << s.message();
    }
  }
  EXPECT_EQ(sweeps, 6);
}

}  // namespace
}  // namespace chaintrace::sweep
