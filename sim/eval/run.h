#ifndef CHAINTRACE_SIM_EVAL_RUN_H_
#define CHAINTRACE_SIM_EVAL_RUN_H_

// One whole run of a scenario: simulate its world, run every tracer from
// the thefts the ledger reports with the labels the scenario grants, and
// score each against the ground truth. `chaintrace run` and `chaintrace
// check` are this function plus printing.
//
// Tracers: `tracers` when given (each a registry name, default options),
// else the scenario's `tracers`, else every registered tracer in registry
// order. Deterministic: the same scenario, seed and scale give the same
// report except each tracer's run_time_s.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/ledger_file.h"
#include "model/status.h"
#include "proto/report.pb.h"
#include "proto/scenario.pb.h"
#include "sim/trace/tracer.h"

namespace chaintrace::eval {

// A tracer to run: its display id, registry name and options.
struct TracerRun {
  std::string id;
  std::string tracer;
  trace::TracerOptions options;
};

struct RunOptions {
  // Overrides the scenario's seed when set.
  std::optional<std::uint64_t> seed;
  double scale = 1.0;
  // Recorded in the provenance.
  std::string scenario_sha256;
  // Registry names; empty: the scenario's tracers, else all registered.
  std::vector<std::string> tracers;
  // Called before each phase ("simulate", "trace <id>", "evaluate").
  std::function<void(std::string_view phase)> progress;
};

struct RunResult {
  report::Report report;
  LedgerFile ledger;
  // Wall-clock seconds of the phases (not reproducible).
  double simulate_s = 0;
  double evaluate_s = 0;
};

// The tracers `options` selects for `scenario`. Errors: an unknown
// registry name.
Result<std::vector<TracerRun>> SelectTracers(
    const scenario::Scenario& scenario, const std::vector<std::string>& names);

// Each attack's (and cryptojacking campaign's) plan stage kinds.
std::vector<std::string> PlanStageKinds(const scenario::Plan& plan);

// Precondition: `scenario` passed validation. Errors: unknown tracer names,
// a failing simulation or tracer.
Result<RunResult> RunScenario(const scenario::Scenario& scenario,
                              const RunOptions& options);

}  // namespace chaintrace::eval

#endif  // CHAINTRACE_SIM_EVAL_RUN_H_
