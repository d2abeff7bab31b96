#include "sim/sweep/runner.h"

namespace chaintrace::sweep {

Result<report::Report> RunScenarioPoint(const scenario::Scenario& scenario,
                                        std::uint64_t seed) {
  (void)seed;
  return Status::Error(
      "evaluation not available yet: scenario '" + scenario.metadata().name() +
      "' cannot be simulated, traced and scored until laundering and "
      "sim/eval/ are in the library (issue 6)");
}

}  // namespace chaintrace::sweep
