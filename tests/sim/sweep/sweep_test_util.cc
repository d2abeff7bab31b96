#include "tests/sim/sweep/sweep_test_util.h"

#include <gtest/gtest.h>

#include <fstream>

namespace chaintrace::sweep::testing {

std::string MinimalScenario() {
  return std::string(CHAINTRACE_SOURCE_DIR) +
         "/tests/data/scenarios/minimal.textproto";
}

void WriteText(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  ASSERT_TRUE(out.good()) << path;
}

std::string HopsSweep(const std::string& extra) {
  return "name: \"hops\"\nscenario: \"" + MinimalScenario() +
         "\"\n"
         "axes {\n"
         "  name: \"hops\"\n"
         "  field: \"attacks[name=heist].inline_plan.stages[0].peel_chain."
         "hops\"\n"
         "  values: \"5\" values: \"10\" values: \"40\"\n"
         "  unit: \"hops\"\n"
         "}\n"
         "seeds { count: 2 first: 7 }\n" +
         extra;
}

Result<report::Report> FakeRunner(const scenario::Scenario& scenario,
                                  std::uint64_t seed) {
  if (scenario.seed() != seed) return Status::Error("seed not set");
  const double hops =
      scenario.attacks(0).inline_plan().stages(0).peel_chain().hops();
  report::Report r;
  r.mutable_provenance()->set_seed(seed);
  report::TracerReport* alpha = r.add_tracers();
  alpha->set_tracer("alpha");
  alpha->mutable_metrics()->set_value_recall(
      1.0 / (1.0 + hops / 10.0) + static_cast<double>(seed) / 1000.0);
  alpha->mutable_metrics()->set_collateral_addresses(
      static_cast<std::int64_t>(hops) * static_cast<std::int64_t>(seed));
  report::TracerReport* beta = r.add_tracers();
  beta->set_tracer("beta");
  beta->set_id("beta");
  beta->mutable_metrics()->set_value_recall(
      scenario.labels().exchange_deposit());
  return r;
}

}  // namespace chaintrace::sweep::testing
