// Loading sweep files: values, ranges, seeds, default plots, located errors,
// and the manifest written to output directories.

#include "sim/sweep/sweep_file.h"

#include <gtest/gtest.h>

#include <string>

#include "tests/sim/sweep/sweep_test_util.h"
#include "tests/tools/command.h"

namespace chaintrace::sweep {
namespace {

using testing::HopsSweep;
using testing::WriteText;

std::string Load(const std::string& text, SweepLoadResult* out) {
  const auto dir = testing_util::MakeTempDir("sweep_file");
  const std::string path = (dir / "s.textproto").string();
  WriteText(path, text);
  *out = LoadSweepFile(path);
  std::string errors;
  for (const auto& d : out->diagnostics) errors += d.ToString() + "\n";
  return errors;
}

TEST(SweepFile, LoadsValuesSeedsAndDefaultPlot) {
  SweepLoadResult r;
  ASSERT_EQ(Load(HopsSweep(), &r), "");
  ASSERT_TRUE(r.ok());
  const SweepPlan& p = *r.plan;
  EXPECT_EQ(p.name, "hops");
  ASSERT_EQ(p.axes.size(), 1u);
  EXPECT_EQ(p.axes[0].fields[0].ToString(),
            "attacks[0].inline_plan.stages[0].peel_chain.hops");
  EXPECT_EQ(p.axes[0].values, (std::vector<std::string>{"5", "10", "40"}));
  EXPECT_EQ(*p.axes[0].x[2], 40.0);
  EXPECT_EQ(p.seeds, (std::vector<std::uint64_t>{7, 8}));
  ASSERT_EQ(p.plots.size(), 1u);
  EXPECT_EQ(p.plots[0].name(), "value_recall_vs_hops");
  EXPECT_EQ(p.plots[0].error_bars(), MIN_MAX);
  EXPECT_EQ(p.manifest.scenario_sha256().size(), 64u);
  ASSERT_TRUE(p.base.has_value());
}

TEST(SweepFile, ExpandsRangesRoundingIntegerFields) {
  SweepLoadResult r;
  ASSERT_EQ(Load(HopsSweep() +
                     "axes { name: \"coverage\" field: "
                     "\"labels.exchange_deposit\" range { from: 0 to: 1 "
                     "steps: 5 } }\n"
                     "axes { name: \"ways\" field: "
                     "\"attacks[0].burst_transactions\" range { from: 1 to: "
                     "100 steps: 3 log: true } }\n",
                 &r),
            "");
  EXPECT_EQ(r.plan->axes[1].values,
            (std::vector<std::string>{"0", "0.25", "0.5", "0.75", "1"}));
  EXPECT_EQ(r.plan->axes[2].values,
            (std::vector<std::string>{"1", "10", "100"}));
  // Ranges are written out as values in the manifest.
  EXPECT_EQ(r.plan->manifest.axes(1).values_size(), 5);
  EXPECT_FALSE(r.plan->manifest.axes(1).has_range());
}

TEST(SweepFile, DurationsArePlottedInDays) {
  SweepLoadResult r;
  ASSERT_EQ(
      Load(HopsSweep() + "axes { name: \"interval\" field: "
                         "\"attacks[0].inline_plan.stages[0].peel_chain.hop_"
                         "interval\" values: \"12h\" values: \"2d\" }\n",
           &r),
      "");
  EXPECT_TRUE(r.plan->axes[1].durations);
  EXPECT_DOUBLE_EQ(*r.plan->axes[1].x[0], 0.5);
  EXPECT_DOUBLE_EQ(*r.plan->axes[1].x[1], 2.0);
}

TEST(SweepFile, ReportsErrorsAtTheirLocation) {
  SweepLoadResult r;
  const std::string errors = Load(
      HopsSweep() +
          "axes {\n"
          "  name: \"bad\"\n"
          "  field: \"attacks[0].inline_plan.stages[0].peel_chain.hopz\"\n"
          "  values: \"1\"\n"
          "}\n"
          "axes { name: \"typed\" field: \"labels.mixer\" values: \"half\" "
          "}\n"
          "plots { x: \"nope\" y: VALUE_RECALL }\n",
      &r);
  EXPECT_FALSE(r.ok());
  EXPECT_NE(errors.find("s.textproto:12:3: axes[1].field[0]: in the base "
                        "scenario: attacks[0].inline_plan.stages[0]."
                        "peel_chain: no field 'hopz' in "
                        "chaintrace.scenario.PeelChain"),
            std::string::npos)
      << errors;
  EXPECT_NE(errors.find(":15:"), std::string::npos) << errors;
  EXPECT_NE(errors.find("value 'half' is not a finite number"),
            std::string::npos)
      << errors;
  EXPECT_NE(errors.find("plots[0].x: no axis named 'nope'"), std::string::npos)
      << errors;
}

TEST(SweepFile, RefusesBadSeedsRangesAndMissingScenario) {
  SweepLoadResult r;
  EXPECT_NE(Load("axes { name: \"a\" field: \"seed\" values: \"1\" }", &r)
                .find("scenario: the base scenario file is required"),
            std::string::npos);
  std::string e = Load(
      "scenario: \"missing.textproto\"\naxes { name: \"a\" field: \"seed\" "
      "values: \"1\" }",
      &r);
  EXPECT_NE(e.find("does not load"), std::string::npos) << e;
  e = Load(HopsSweep("seeds { list: 3 list: 3 }\n"), &r);
  EXPECT_NE(e.find("multiple times"), std::string::npos) << e;
  const std::string base = "scenario: \"" + testing::MinimalScenario() + "\"\n";
  e = Load(base +
               "seeds { count: 2 list: 4 }\naxes { name: \"a\" field: "
               "\"seed\" values: \"1\" }",
           &r);
  EXPECT_NE(e.find("not both"), std::string::npos) << e;
  e = Load(base +
               "axes { name: \"a\" field: \"attacks[0].inline_plan."
               "stages[0].peel_chain.hops\" range { from: 1 to: 3 steps: "
               "5 } }",
           &r);
  EXPECT_NE(e.find("values repeat once rounded"), std::string::npos) << e;
  e = Load(base +
               "axes { name: \"a\" field: \"metadata.name\" range { "
               "from: 1 to: 3 } }",
           &r);
  EXPECT_NE(e.find("a range needs numeric fields"), std::string::npos) << e;
  e = Load(base +
               "axes { name: \"a b\" field: \"seed\" values: \"1\" "
               "values: \"1\" }",
           &r);
  EXPECT_NE(e.find("identifier"), std::string::npos) << e;
  EXPECT_NE(e.find("listed twice"), std::string::npos) << e;
  e = Load(base + "seeds { count: 1 }", &r);
  EXPECT_NE(e.find("at least one axis"), std::string::npos) << e;
  e = Load("", &r);
  EXPECT_NE(e.find("empty sweep"), std::string::npos) << e;
}

TEST(SweepFile, ManifestRoundTrips) {
  SweepLoadResult r;
  ASSERT_EQ(Load(HopsSweep("metrics: COLLATERAL_ADDRESSES\n"), &r), "");
  const std::string text = ManifestText(r.plan->manifest);
  const auto dir = testing_util::MakeTempDir("sweep_manifest");
  WriteText(dir / "sweep.textproto", text);
  const SweepLoadResult m =
      LoadSweepManifest((dir / "sweep.textproto").string());
  ASSERT_TRUE(m.ok()) << (m.diagnostics.empty() ? ""
                                                : m.diagnostics[0].ToString());
  EXPECT_EQ(ManifestText(m.plan->manifest), text);
  EXPECT_EQ(m.plan->seeds, r.plan->seeds);
  EXPECT_EQ(m.plan->axes[0].values, r.plan->axes[0].values);
  ASSERT_EQ(m.plan->plots.size(), 1u);
  EXPECT_EQ(m.plan->plots[0].name(), "collateral_addresses_vs_hops");
  EXPECT_FALSE(m.plan->base.has_value());
}

}  // namespace
}  // namespace chaintrace::sweep
