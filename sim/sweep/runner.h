#ifndef CHAINTRACE_SIM_SWEEP_RUNNER_H_
#define CHAINTRACE_SIM_SWEEP_RUNNER_H_

// What a sweep runs at each grid point: simulate the scenario with the seed,
// run its tracers and score them against the ground truth. A sweep takes
// the runner as a callback so that tests can give it a deterministic
// double; `chaintrace sweep` uses RunScenarioPoint.
//
// Thread safety: a runner is called from several threads at once (one per
// --jobs), each call with its own scenario; it must not share mutable state
// between calls.

#include <cstdint>
#include <functional>

#include "model/status.h"
#include "proto/report.pb.h"
#include "proto/scenario.pb.h"

namespace chaintrace::sweep {

using PointRunner = std::function<Result<report::Report>(
    const scenario::Scenario& scenario, std::uint64_t seed)>;

// The real pipeline for one point: eval::RunScenario (simulate, run the
// scenario's tracers, score them) with `seed`, at scale 1.
Result<report::Report> RunScenarioPoint(const scenario::Scenario& scenario,
                                        std::uint64_t seed);

}  // namespace chaintrace::sweep

#endif  // CHAINTRACE_SIM_SWEEP_RUNNER_H_
