#ifndef CHAINTRACE_SIM_SWEEP_RESULTS_CSV_H_
#define CHAINTRACE_SIM_SWEEP_RESULTS_CSV_H_

// The sweep's results table: one CSV row per (point, seed, tracer) with
// columns `point` (the point id), `seed`, `tracer` (TracerReport.id, or its
// registry name), one column per axis (the value set) and one per field of
// report.proto's Metrics, named as there (value_recall, ...; empty when the
// tracer does not produce it). Numbers use the shortest text that reads back
// exactly. Wall-clock run time is left out: it differs from run to run, and
// the table must be byte-identical whatever --jobs is.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/status.h"
#include "proto/report.pb.h"
#include "proto/scenario.pb.h"
#include "sim/sweep/grid.h"
#include "sim/sweep/sweep_file.h"

namespace chaintrace::sweep {

// The header line, with its LF.
std::string ResultHeader(const SweepPlan& plan);

// The rows of one run, one per tracer in report order, each with its LF.
std::string ResultRows(const SweepPlan& plan, const GridPoint& point,
                       std::uint64_t seed, const report::Report& report);

struct ResultRow {
  std::string point;
  std::uint64_t seed = 0;
  std::string tracer;
  std::vector<std::string> axis_values;
  std::vector<std::optional<double>> metrics;  // in Metrics field order
  std::string line;                            // the CSV row with its LF
};

// Parses a results table whose header must be ResultHeader(plan); errors
// name `name` and the line.
Result<std::vector<ResultRow>> ParseResults(const SweepPlan& plan,
                                            std::string_view text,
                                            const std::string& name);

// Index of `metric` among the metric columns (Metrics field order).
Result<std::size_t> MetricIndex(scenario::Metric metric);

// Column name of a metric ("value_recall").
std::string MetricColumnName(scenario::Metric metric);

}  // namespace chaintrace::sweep

#endif  // CHAINTRACE_SIM_SWEEP_RESULTS_CSV_H_
