#ifndef CHAINTRACE_SIM_EVAL_EXPECTATIONS_H_
#define CHAINTRACE_SIM_EVAL_EXPECTATIONS_H_

// `chaintrace check`: a scenario's expectations (metric bounds) against the
// report of its run. An expectation holds when its metric was measured and
// lies in [min, max] (inclusive; an unset bound is open). A metric left
// unset (not measurable for that tracer or attack) fails: a bound on
// nothing cannot hold.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "proto/report.pb.h"
#include "proto/scenario.pb.h"

namespace chaintrace::eval {

// The value of `metric` in `m`, or nullopt when unset.
std::optional<double> MetricValue(const report::Metrics& m,
                                  scenario::Metric metric);

// Lower-case metric name, e.g. "value_recall" (the CSV column).
std::string MetricName(scenario::Metric metric);

// True for metrics defined per attack (value recall, address recall,
// attribution recall, mixer metrics, max hop); the others exist only over
// all attacks.
bool MetricPerAttack(scenario::Metric metric);

struct ExpectationOutcome {
  scenario::Expectation expectation;
  // Unset when the tracer, attack or metric has no value in the report.
  std::optional<double> measured;
  bool pass = false;
  // Why it failed when the value is missing, e.g. "no tracer 'x' ran".
  std::string problem;
};

// One outcome per expectation of `scenario`, in order.
std::vector<ExpectationOutcome> CheckExpectations(
    const scenario::Scenario& scenario, const report::Report& report);

// "haircut value_recall [attack a] >= 0.7 <= 1" (the bounds only).
std::string DescribeExpectation(const scenario::Expectation& e);

}  // namespace chaintrace::eval

#endif  // CHAINTRACE_SIM_EVAL_EXPECTATIONS_H_
