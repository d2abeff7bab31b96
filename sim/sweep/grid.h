#ifndef CHAINTRACE_SIM_SWEEP_GRID_H_
#define CHAINTRACE_SIM_SWEEP_GRID_H_

// The grid of a sweep: its points (one value per axis; the first axis
// varies slowest), the runs (point x seed, point-major), a stable id per
// point, the deterministic slice of runs one shard does, and the scenario
// of one point.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/status.h"
#include "proto/scenario.pb.h"
#include "sim/sweep/sweep_file.h"

namespace chaintrace::sweep {

struct GridPoint {
  std::size_t index = 0;
  std::vector<std::size_t> value_index;  // per axis
  // First 16 hex digits of SHA-256 over "name=value\n" of every axis in
  // order: the same point keeps its id when other values are added.
  std::string id;
};

struct RunKey {
  std::size_t point = 0;
  std::size_t seed_index = 0;
};

std::vector<GridPoint> ExpandGrid(const SweepPlan& plan);

// Every run, point-major: run r is point r / seeds, seed r % seeds.
std::vector<RunKey> AllRuns(const SweepPlan& plan);

// Which runs shard `index` of `count` does: every run whose position in
// AllRuns is index modulo count.
struct Shard {
  int index = 0;
  int count = 1;
};

// Parses "i/N" with 0 <= i < N.
Result<Shard> ParseShard(std::string_view text);

std::vector<RunKey> ShardRuns(const std::vector<RunKey>& runs, Shard shard);

// "hops=20, lots=5": the point's values, for messages.
std::string DescribePoint(const SweepPlan& plan, const GridPoint& point);

// The base scenario with the point's values set, the sweep's tracers (when
// it names any) and `seed`, validated. Precondition: plan.base is set.
Result<scenario::Scenario> PointScenario(const SweepPlan& plan,
                                         const GridPoint& point,
                                         std::uint64_t seed);

}  // namespace chaintrace::sweep

#endif  // CHAINTRACE_SIM_SWEEP_GRID_H_
