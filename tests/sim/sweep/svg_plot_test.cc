// Plot data (means and error bars over seeds) and the SVG drawn from it,
// checked by parsing the SVG with Python's XML parser.

#include "sim/sweep/svg_plot.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "sim/sweep/plot_data.h"
#include "tests/sim/sweep/sweep_test_util.h"
#include "tests/tools/command.h"

namespace chaintrace::sweep {
namespace {

SweepPlan Plan(const std::string& extra = "") {
  const auto dir = testing_util::MakeTempDir("svg_plot");
  const std::string path = (dir / "p.textproto").string();
  testing::WriteText(path, testing::HopsSweep(extra));
  SweepLoadResult r = LoadSweepFile(path);
  EXPECT_TRUE(r.ok());
  return std::move(*r.plan);
}

ResultRow Row(const std::string& tracer, const std::string& hops,
              std::uint64_t seed, double recall) {
  ResultRow row;
  row.point = "p" + hops;
  row.seed = seed;
  row.tracer = tracer;
  row.axis_values = {hops};
  row.metrics.resize(14);
  row.metrics[0] = recall;
  return row;
}

std::vector<ResultRow> Rows() {
  return {Row("alpha", "5", 7, 0.9),  Row("alpha", "5", 8, 0.7),
          Row("beta", "5", 7, 0.5),   Row("beta", "5", 8, 0.5),
          Row("alpha", "10", 7, 0.6), Row("alpha", "10", 8, 0.4),
          Row("beta", "10", 7, 0.5),  Row("alpha", "40", 7, 0.2),
          Row("alpha", "40", 8, 0.1)};
}

TEST(NiceTicks, UsesOneTwoFiveSteps) {
  const Ticks a = NiceTicks(0, 1, 5);
  EXPECT_EQ(a.values,
            (std::vector<double>{0, 0.2, 0.4, 0.6000000000000001, 0.8, 1}));
  EXPECT_EQ(a.decimals, 1);
  const Ticks b = NiceTicks(3, 97, 5);
  EXPECT_EQ(b.values, (std::vector<double>{0, 20, 40, 60, 80, 100}));
  EXPECT_EQ(b.decimals, 0);
  const Ticks c = NiceTicks(5, 5, 5);  // a single value still gets a span
  EXPECT_GE(c.values.size(), 2u);
  EXPECT_LE(c.values.front(), 5);
  EXPECT_GE(c.values.back(), 5);
}

TEST(PlotData, MeansAndSpreadOverSeeds) {
  const SweepPlan plan = Plan();
  Plot plot = plan.plots[0];
  auto data = BuildPlotData(plan, plot, Rows());
  ASSERT_TRUE(data.ok()) << data.message();
  ASSERT_EQ(data->series.size(), 2u);
  EXPECT_EQ(data->series[0].label, "alpha");
  ASSERT_EQ(data->series[0].points.size(), 3u);
  const PlotPoint& p = data->series[0].points[0];
  EXPECT_DOUBLE_EQ(p.x, 5);
  EXPECT_DOUBLE_EQ(p.mean, 0.8);
  EXPECT_DOUBLE_EQ(p.low, 0.7);
  EXPECT_DOUBLE_EQ(p.high, 0.9);
  EXPECT_EQ(p.seeds, 2u);
  EXPECT_EQ(data->series[1].points.size(), 2u);  // beta has no hops=40 rows
  EXPECT_EQ(data->x_label, "hops (hops)");
  EXPECT_EQ(data->y_label, "value recall (share of stolen USD)");
  EXPECT_NE(data->note.find("min to max"), std::string::npos);

  plot.set_error_bars(STDDEV);
  data = BuildPlotData(plan, plot, Rows());
  ASSERT_TRUE(data.ok());
  const PlotPoint& q = data->series[0].points[0];
  EXPECT_NEAR(q.high - q.mean, 0.1414213562, 1e-9);  // sd of {0.9, 0.7}
  EXPECT_NE(data->note.find("standard deviation"), std::string::npos);

  plot.add_tracers("beta");
  data = BuildPlotData(plan, plot, Rows());
  ASSERT_EQ(data->series.size(), 1u);
  EXPECT_EQ(data->series[0].label, "beta");
}

TEST(SvgPlot, ParsesAsXmlWithLabelsAndOneLinePerTracer) {
  const SweepPlan plan = Plan();
  const auto data = BuildPlotData(plan, plan.plots[0], Rows());
  ASSERT_TRUE(data.ok());
  const std::string svg = RenderSvgPlot(*data);
  EXPECT_EQ(svg, RenderSvgPlot(*data));  // deterministic
  const auto dir = testing_util::MakeTempDir("svg_plot_xml");
  testing::WriteText(dir / "plot.svg", svg);
  const auto r = testing_util::RunCommand(
      {"/usr/bin/python3",
       std::string(CHAINTRACE_SOURCE_DIR) + "/tests/sim/sweep/check_svg.py",
       (dir / "plot.svg").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "title=hops\n"
            "x-label=hops (hops)\n"
            "y-label=value recall (share of stolen USD)\n"
            "series=alpha 3\n"
            "series=beta 2\n"
            "circles=5\n"
            "error-bars=5\n");
}

TEST(SvgPlot, OtherAxesGiveTheirOwnLines) {
  const SweepPlan plan = Plan(
      "axes { name: \"coverage\" field: \"labels.exchange_deposit\" values: "
      "\"0.2\" values: \"0.8\" }\n");
  std::vector<ResultRow> rows;
  for (const char* hops : {"5", "10"}) {
    for (const char* cov : {"0.2", "0.8"}) {
      ResultRow r = Row("alpha", hops, 7, 0.5);
      r.axis_values.push_back(cov);
      rows.push_back(r);
    }
  }
  const auto data = BuildPlotData(plan, plan.plots[0], rows);
  ASSERT_TRUE(data.ok());
  ASSERT_EQ(data->series.size(), 2u);
  EXPECT_EQ(data->series[0].label, "alpha, coverage=0.2");
  EXPECT_EQ(data->series[1].label, "alpha, coverage=0.8");
  EXPECT_EQ(data->series[1].points.size(), 2u);
}

TEST(SvgPlot, EscapesTextAndDrawsEmptyPlots) {
  PlotData data;
  data.title = "a <b> & \"c\"";
  data.x_label = "x";
  data.y_label = "y";
  const std::string svg = RenderSvgPlot(data);
  EXPECT_NE(svg.find("a &lt;b&gt; &amp; &quot;c&quot;"), std::string::npos);
  EXPECT_NE(svg.find("no data"), std::string::npos);
}

}  // namespace
}  // namespace chaintrace::sweep
