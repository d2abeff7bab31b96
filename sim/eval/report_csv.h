#ifndef CHAINTRACE_SIM_EVAL_REPORT_CSV_H_
#define CHAINTRACE_SIM_EVAL_REPORT_CSV_H_

// metrics.csv: one row per tracer and attack, plus one "all" row per tracer
// (first), in report order. Columns: tracer, id, attack, then every metric
// of scenario.proto's Metric enum by its lower-case name, then
// lost_at_stage (per-attack rows) and run_time_s. An unset metric is an
// empty cell (pandas reads NaN). Values are shortest round-trip decimals.

#include <string>

#include "proto/report.pb.h"

namespace chaintrace::eval {

std::string FormatMetricsCsv(const report::Report& report);

}  // namespace chaintrace::eval

#endif  // CHAINTRACE_SIM_EVAL_REPORT_CSV_H_
