#ifndef CHAINTRACE_SIM_SCENARIO_PLANS_H_
#define CHAINTRACE_SIM_SCENARIO_PLANS_H_

// Laundering plans by name and the plan an attack runs, for code that reads
// a (validated) scenario: the simulator, the resource estimate, evaluation
// and summaries.

#include <string_view>

#include "proto/scenario.pb.h"

namespace chaintrace::sim {

// The plan called `name`, or nullptr.
const scenario::Plan* FindPlan(const scenario::Scenario& s,
                               std::string_view name);

// The attack's inline plan, or the named plan it refers to; nullptr when it
// has neither or the name is unknown.
const scenario::Plan* AttackPlan(const scenario::Scenario& s,
                                 const scenario::Attack& attack);

}  // namespace chaintrace::sim

#endif  // CHAINTRACE_SIM_SCENARIO_PLANS_H_
