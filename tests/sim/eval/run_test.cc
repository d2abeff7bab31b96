// RunScenario on the small two-chain world (no attacks yet): it runs the
// chosen tracers, scores them, and is deterministic apart from run times.

#include "sim/eval/run.h"

#include <google/protobuf/util/message_differencer.h>
#include <gtest/gtest.h>

#include <string>

#include "sim/scenario/loader.h"

namespace chaintrace::eval {
namespace {

const std::string kSmall = std::string(CHAINTRACE_SOURCE_DIR) +
                           "/tests/data/scenarios/world/small.textproto";

Result<RunResult> RunSmall(std::vector<std::string> tracers) {
  const sim::LoadResult loaded = sim::LoadScenarioFile(kSmall);
  EXPECT_TRUE(loaded.ok());
  scenario::Scenario s = loaded.scenario->scenario;
  s.set_duration("3d");
  RunOptions options;
  options.tracers = std::move(tracers);
  options.scale = 0.2;
  return RunScenario(s, options);
}

TEST(RunScenario, ScoresEveryChosenTracerDeterministically) {
  auto a = RunSmall({"poison", "multi_input"});
  ASSERT_TRUE(a.ok()) << a.message();
  ASSERT_EQ(a->report.tracers_size(), 2);
  EXPECT_EQ(a->report.tracers(0).id(), "poison");
  EXPECT_EQ(a->report.provenance().seed(), 7u);
  EXPECT_EQ(a->report.start(), "2021-02-01T00:00:00Z");
  // No thefts: no value to recall, nothing flagged.
  const report::Metrics& m = a->report.tracers(0).metrics();
  EXPECT_FALSE(m.has_value_recall());
  EXPECT_FALSE(m.has_value_precision());
  EXPECT_EQ(m.collateral_addresses(), 0);
  auto b = RunSmall({"poison", "multi_input"});
  ASSERT_TRUE(b.ok());
  for (report::Report* r : {&a->report, &b->report}) {
    for (report::TracerReport& t : *r->mutable_tracers()) t.clear_run_time_s();
  }
  EXPECT_TRUE(
      google::protobuf::util::MessageDifferencer::Equals(a->report, b->report));
}

TEST(RunScenario, UnknownTracerIsAnError) {
  const auto r = RunSmall({"no_such_tracer"});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.message().find("unknown tracer 'no_such_tracer'"),
            std::string::npos);
}

}  // namespace
}  // namespace chaintrace::eval
