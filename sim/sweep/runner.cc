#include "sim/sweep/runner.h"

#include "sim/eval/run.h"

namespace chaintrace::sweep {

Result<report::Report> RunScenarioPoint(const scenario::Scenario& scenario,
                                        std::uint64_t seed) {
  eval::RunOptions options;
  options.seed = seed;
  auto run = eval::RunScenario(scenario, options);
  if (!run.ok()) return run.status();
  return std::move(run->report);
}

}  // namespace chaintrace::sweep
