#ifndef CHAINTRACE_TESTS_SIM_WORLD_ESTIMATE_CHECK_H_
#define CHAINTRACE_TESTS_SIM_WORLD_ESTIMATE_CHECK_H_

// Shared by the resource-estimate tests (estimate_test.cc, unit, and
// estimate_scale_test.cc, slow): loading a scenario from the source tree
// and comparing the estimate with a real simulation.

#include <string>

#include "proto/scenario.pb.h"

namespace chaintrace::sim::testing {

// The scenario at `relative` (to the source directory); fails the current
// test and returns an empty scenario when it does not load.
scenario::Scenario LoadSourceScenario(const std::string& relative);

// Simulates the scenario at `relative` at `scale` and expects the estimate
// of its transactions and addresses within a factor of 2 of the counts.
void ExpectEstimateWithinFactorTwo(const std::string& relative, double scale);

}  // namespace chaintrace::sim::testing

#endif  // CHAINTRACE_TESTS_SIM_WORLD_ESTIMATE_CHECK_H_
