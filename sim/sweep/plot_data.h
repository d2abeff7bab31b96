#ifndef CHAINTRACE_SIM_SWEEP_PLOT_DATA_H_
#define CHAINTRACE_SIM_SWEEP_PLOT_DATA_H_

// Turns the rows of a sweep's results table into the lines of one plot: a
// metric against one axis, one line per tracer (and per combination of the
// other axes' values when there are several), each point the mean over
// seeds with its spread: min to max, or mean +- one sample standard
// deviation, as the plot asks. Rows where the tracer does not produce the
// metric are left out; a line with no points is dropped.

#include <cstddef>
#include <string>
#include <vector>

#include "model/status.h"
#include "proto/sweep.pb.h"
#include "sim/sweep/results_csv.h"
#include "sim/sweep/sweep_file.h"

namespace chaintrace::sweep {

struct PlotPoint {
  double x = 0;
  double mean = 0;
  double low = 0;   // lower end of the error bar
  double high = 0;  // upper end
  std::size_t seeds = 0;
};

struct PlotSeries {
  std::string label;              // "haircut" or "haircut, hops=20"
  std::vector<PlotPoint> points;  // by increasing x
};

struct PlotData {
  std::string title;
  std::string x_label;  // "peel-chain hops (hops)"
  std::string y_label;  // "value recall (share of stolen USD)"
  std::string note;     // what the error bars show
  bool log_x = false;
  bool y_is_share = false;  // a ratio in [0, 1]
  std::vector<PlotSeries> series;
};

Result<PlotData> BuildPlotData(const SweepPlan& plan, const Plot& plot,
                               const std::vector<ResultRow>& rows);

// Axis label of a metric with its unit.
std::string MetricLabel(scenario::Metric metric);

}  // namespace chaintrace::sweep

#endif  // CHAINTRACE_SIM_SWEEP_PLOT_DATA_H_
