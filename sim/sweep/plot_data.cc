#include "sim/sweep/plot_data.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace chaintrace::sweep {
namespace {

struct SeriesKey {
  std::size_t tracer_rank = 0;
  std::vector<std::size_t> others;  // value index of each other axis
  bool operator<(const SeriesKey& o) const {
    if (tracer_rank != o.tracer_rank) return tracer_rank < o.tracer_rank;
    return others < o.others;
  }
};

bool IsShare(scenario::Metric m) {
  switch (m) {
    case scenario::COLLATERAL_ADDRESSES:
    case scenario::COLLATERAL_USD:
    case scenario::LARGEST_CLUSTER:
    case scenario::ANONYMITY_SET:
    case scenario::MAX_HOP:
      return false;
    default:
      return true;
  }
}

}  // namespace

std::string MetricLabel(scenario::Metric metric) {
  std::string name = MetricColumnName(metric);
  std::replace(name.begin(), name.end(), '_', ' ');
  switch (metric) {
    case scenario::VALUE_RECALL:
      return name + " (share of stolen USD)";
    case scenario::VALUE_PRECISION:
      return name + " (share of flagged USD)";
    case scenario::ATTRIBUTION_RECALL:
      return name + " (share of cash-out USD)";
    case scenario::COLLATERAL_ADDRESSES:
    case scenario::LARGEST_CLUSTER:
      return name + " (addresses)";
    case scenario::COLLATERAL_USD:
      return name + " (USD)";
    case scenario::ANONYMITY_SET:
      return name + " (deposits)";
    case scenario::MAX_HOP:
      return name + " (hops)";
    default:
      return name + " (share, 0 to 1)";
  }
}

Result<PlotData> BuildPlotData(const SweepPlan& plan, const Plot& plot,
                               const std::vector<ResultRow>& rows) {
  std::size_t x_axis = plan.axes.size();
  for (std::size_t k = 0; k < plan.axes.size(); ++k) {
    if (plan.axes[k].name == plot.x()) x_axis = k;
  }
  if (x_axis == plan.axes.size()) {
    return Status::Error("plot " + plot.name() + ": no axis '" + plot.x() +
                         "'");
  }
  const Result<std::size_t> metric = MetricIndex(plot.y());
  if (!metric.ok()) return metric.status();
  const SweepAxis& xa = plan.axes[x_axis];

  PlotData data;
  data.title = plot.title();
  data.x_label = xa.name;
  const std::string unit = xa.durations ? "days" : xa.unit;
  if (!unit.empty()) data.x_label += " (" + unit + ")";
  data.y_label = MetricLabel(plot.y());
  data.log_x = plot.log_x();
  data.y_is_share = IsShare(plot.y());

  // Value index of each axis value, to order lines and find x.
  std::vector<std::map<std::string, std::size_t>> value_rank(plan.axes.size());
  for (std::size_t k = 0; k < plan.axes.size(); ++k) {
    for (std::size_t v = 0; v < plan.axes[k].values.size(); ++v) {
      value_rank[k][plan.axes[k].values[v]] = v;
    }
  }
  std::map<std::string, std::size_t> tracer_rank;
  std::map<SeriesKey, std::string> labels;
  // Per line, per x value index: the metric over seeds.
  std::map<SeriesKey, std::map<std::size_t, std::vector<double>>> values;
  for (const ResultRow& row : rows) {
    if (!plot.tracers().empty() &&
        std::find(plot.tracers().begin(), plot.tracers().end(), row.tracer) ==
            plot.tracers().end()) {
      continue;
    }
    const std::optional<double>& y = row.metrics[*metric];
    if (!y) continue;
    SeriesKey key;
    key.tracer_rank =
        tracer_rank.emplace(row.tracer, tracer_rank.size()).first->second;
    std::string label = row.tracer;
    std::size_t x_index = 0;
    bool known = true;
    for (std::size_t k = 0; k < plan.axes.size(); ++k) {
      const auto it = value_rank[k].find(row.axis_values[k]);
      if (it == value_rank[k].end()) {
        known = false;
        break;
      }
      if (k == x_axis) {
        x_index = it->second;
      } else {
        key.others.push_back(it->second);
        label += ", " + plan.axes[k].name + "=" + row.axis_values[k];
      }
    }
    if (!known) continue;
    labels[key] = label;
    values[key][x_index].push_back(*y);
  }

  const bool stddev = plot.error_bars() == STDDEV;
  std::size_t most_seeds = 0;
  for (const auto& [key, by_x] : values) {
    PlotSeries series;
    series.label = labels[key];
    for (const auto& [x_index, ys] : by_x) {
      PlotPoint p;
      p.x = *xa.x[x_index];
      p.seeds = ys.size();
      most_seeds = std::max(most_seeds, ys.size());
      double sum = 0;
      for (double y : ys) sum += y;
      p.mean = sum / static_cast<double>(ys.size());
      if (stddev) {
        double ss = 0;
        for (double y : ys) ss += (y - p.mean) * (y - p.mean);
        const double sd =
            ys.size() > 1 ? std::sqrt(ss / static_cast<double>(ys.size() - 1))
                          : 0.0;
        p.low = p.mean - sd;
        p.high = p.mean + sd;
      } else {
        p.low = *std::min_element(ys.begin(), ys.end());
        p.high = *std::max_element(ys.begin(), ys.end());
      }
      series.points.push_back(p);
    }
    std::sort(series.points.begin(), series.points.end(),
              [](const PlotPoint& a, const PlotPoint& b) { return a.x < b.x; });
    data.series.push_back(std::move(series));
  }
  data.note =
      std::string("mean over seeds (up to ") + std::to_string(most_seeds) +
      "); error bars: " +
      (stddev ? "mean \u00b1 1 sample standard deviation" : "min to max");
  return data;
}

}  // namespace chaintrace::sweep
