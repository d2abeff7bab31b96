// The resource estimate against real runs of the shipped scenarios: slow
// (un2022 simulates in ~20 s), label `slow`.

#include <gtest/gtest.h>

#include <string>

#include "sim/scenario/loader.h"
#include "sim/world/estimate.h"
#include "sim/world/simulator.h"

namespace chaintrace::sim {
namespace {

scenario::Scenario Load(const std::string& relative) {
  const LoadResult r =
      LoadScenarioFile(std::string(CHAINTRACE_SOURCE_DIR) + "/" + relative);
  EXPECT_TRUE(r.ok()) << (r.diagnostics.empty()
                              ? ""
                              : r.diagnostics.front().ToString());
  return r.ok() ? r.scenario->scenario : scenario::Scenario{};
}

struct Actual {
  double transactions = 0;
  double addresses = 0;
};

Actual SimulateCounts(const scenario::Scenario& s, double scale) {
  SimulateOptions options;
  options.scale = scale;
  const auto r = Simulate(s, options);
  EXPECT_TRUE(r.ok()) << r.message();
  Actual a;
  if (!r.ok()) return a;
  for (ChainId c : r->file.ledger.chain_ids()) {
    a.transactions += static_cast<double>(r->file.ledger.txs(c).tx_count());
  }
  a.addresses = static_cast<double>(r->file.ledger.address_count());
  return a;
}

// The estimate is within a factor of 2 of what the simulator creates.
void ExpectWithinFactorTwo(const std::string& relative, double scale) {
  const scenario::Scenario s = Load(relative);
  const ResourceEstimate e = EstimateResources(s, scale);
  const Actual a = SimulateCounts(s, scale);
  ASSERT_GT(a.transactions, 0);
  EXPECT_GE(e.transactions, a.transactions / 2) << relative;
  EXPECT_LE(e.transactions, a.transactions * 2) << relative;
  EXPECT_GE(e.addresses, a.addresses / 2) << relative;
  EXPECT_LE(e.addresses, a.addresses * 2) << relative;
}

// Measured: 108004 transactions and 139631 addresses estimated, 102542 and
// 127337 simulated. Larger worlds: estimate_scale_test.cc (label slow).
// Measured at seed 2022: 2096627 transactions and 2183111 addresses
// estimated, 1920325 and 2056264 simulated.
TEST(EstimateResources, Un2022WithinFactorTwo) {
  ExpectWithinFactorTwo("scenarios/un2022_three_exchanges.textproto", 1);
}

TEST(EstimateResources, ScaledSmallWorldWithinFactorTwo) {
  ExpectWithinFactorTwo("tests/data/scenarios/world/small.textproto", 4);
}

}  // namespace
}  // namespace chaintrace::sim
