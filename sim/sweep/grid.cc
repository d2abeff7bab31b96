#include "sim/sweep/grid.h"

#include <charconv>

#include "model/sha256.h"
#include "sim/scenario/source_map.h"
#include "sim/scenario/validate.h"
#include "sim/sweep/field_selector.h"

namespace chaintrace::sweep {

std::vector<GridPoint> ExpandGrid(const SweepPlan& plan) {
  std::size_t total = 1;
  for (const SweepAxis& axis : plan.axes) total *= axis.values.size();
  if (plan.axes.empty()) total = 0;
  std::vector<GridPoint> points;
  points.reserve(total);
  for (std::size_t i = 0; i < total; ++i) {
    GridPoint p;
    p.index = i;
    p.value_index.resize(plan.axes.size());
    std::size_t rest = i;
    for (std::size_t k = plan.axes.size(); k-- > 0;) {
      const std::size_t n = plan.axes[k].values.size();
      p.value_index[k] = rest % n;
      rest /= n;
    }
    std::string key;
    for (std::size_t k = 0; k < plan.axes.size(); ++k) {
      key += plan.axes[k].name + "=" + plan.axes[k].values[p.value_index[k]] +
             "\n";
    }
    p.id = Sha256Hex(key).substr(0, 16);
    points.push_back(std::move(p));
  }
  return points;
}

std::vector<RunKey> AllRuns(const SweepPlan& plan) {
  const std::vector<GridPoint> points = ExpandGrid(plan);
  std::vector<RunKey> runs;
  runs.reserve(points.size() * plan.seeds.size());
  for (const GridPoint& p : points) {
    for (std::size_t s = 0; s < plan.seeds.size(); ++s) {
      runs.push_back(RunKey{p.index, s});
    }
  }
  return runs;
}

Result<Shard> ParseShard(std::string_view text) {
  const std::size_t slash = text.find('/');
  Shard shard;
  const auto number = [](std::string_view s, int* out) {
    const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
    return ec == std::errc() && ptr == s.data() + s.size() && !s.empty();
  };
  if (slash == std::string_view::npos ||
      !number(text.substr(0, slash), &shard.index) ||
      !number(text.substr(slash + 1), &shard.count) || shard.count < 1 ||
      shard.index < 0 || shard.index >= shard.count) {
    return Status::Error("--shard '" + std::string(text) +
                         "': expected i/N with 0 <= i < N, e.g. 0/4");
  }
  return shard;
}

std::vector<RunKey> ShardRuns(const std::vector<RunKey>& runs, Shard shard) {
  std::vector<RunKey> out;
  const auto count = static_cast<std::size_t>(shard.count);
  for (std::size_t r = static_cast<std::size_t>(shard.index); r < runs.size();
       r += count) {
    out.push_back(runs[r]);
  }
  return out;
}

std::string DescribePoint(const SweepPlan& plan, const GridPoint& point) {
  std::string out;
  for (std::size_t k = 0; k < plan.axes.size(); ++k) {
    if (!out.empty()) out += ", ";
    out += plan.axes[k].name + "=" + plan.axes[k].values[point.value_index[k]];
  }
  return out;
}

Result<scenario::Scenario> PointScenario(const SweepPlan& plan,
                                         const GridPoint& point,
                                         std::uint64_t seed) {
  scenario::Scenario s = *plan.base;
  const std::string where = plan.file + ": point " + point.id + " (" +
                            DescribePoint(plan, point) + ")";
  for (std::size_t k = 0; k < plan.axes.size(); ++k) {
    const SweepAxis& axis = plan.axes[k];
    for (const sim::FieldPath& field : axis.fields) {
      const Status set =
          SetFieldValue(&s, field, axis.values[point.value_index[k]]);
      if (!set.ok()) return Status::Error(where + ": " + set.message());
    }
  }
  if (!plan.tracers.empty()) {
    s.clear_tracers();
    for (const scenario::TracerSpec& t : plan.tracers) *s.add_tracers() = t;
  }
  s.set_seed(seed);
  const sim::SourceMap no_locations;
  const std::vector<sim::Diagnostic> errors =
      sim::ValidateScenario(s, no_locations);
  if (!errors.empty()) {
    std::string message = where + ": the scenario is not valid:";
    for (const sim::Diagnostic& d : errors) message += "\n  " + d.ToString();
    return Status::Error(message);
  }
  return s;
}

}  // namespace chaintrace::sweep
