#ifndef CHAINTRACE_SIM_SCENARIO_VALIDATE_H_
#define CHAINTRACE_SIM_SCENARIO_VALIDATE_H_

// Semantic validation of a merged scenario against the rules documented in
// proto/scenario.proto: required fields, names and references (with the
// kind of entity each reference needs), amounts, USD values, durations,
// times, parameter ranges, what a victim can lose, expectations. Returns
// every error at once, each located through `map` at file:line:col with its
// field path; an empty vector means the scenario is valid.
//
// Decisions beyond the schema text:
// - attack times must lie in [start, start + duration]; price and fee path
//   points and source dates may lie outside (paths are constant outside
//   their points, so sharing a longer price history is fine);
// - time path points must be in strictly increasing time order;
// - POOL mixers run on ACCOUNT chains, CUSTODIAL mixers and CoinJoin on
//   UTXO chains;
// - an attack may not steal, per asset, more than its victim's reserves.
// - cryptojacking campaign names share the namespace of attack names (the
//   ground truth attributes proceeds by name); a campaign's window lies in
//   the scenario span.

#include <vector>

#include "proto/scenario.pb.h"
#include "sim/scenario/diagnostic.h"
#include "sim/scenario/source_map.h"

namespace chaintrace::sim {

std::vector<Diagnostic> ValidateScenario(const scenario::Scenario& scenario,
                                         const SourceMap& map);

}  // namespace chaintrace::sim

#endif  // CHAINTRACE_SIM_SCENARIO_VALIDATE_H_
