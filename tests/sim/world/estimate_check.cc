#include "tests/sim/world/estimate_check.h"

#include <gtest/gtest.h>

#include "sim/scenario/loader.h"
#include "sim/world/estimate.h"
#include "sim/world/simulator.h"

namespace chaintrace::sim::testing {

scenario::Scenario LoadSourceScenario(const std::string& relative) {
  const LoadResult r =
      LoadScenarioFile(std::string(CHAINTRACE_SOURCE_DIR) + "/" + relative);
  EXPECT_TRUE(r.ok()) << (r.diagnostics.empty()
                              ? ""
                              : r.diagnostics.front().ToString());
  return r.ok() ? r.scenario->scenario : scenario::Scenario{};
}

void ExpectEstimateWithinFactorTwo(const std::string& relative, double scale) {
  const scenario::Scenario s = LoadSourceScenario(relative);
  const ResourceEstimate e = EstimateResources(s, scale);
  SimulateOptions options;
  options.scale = scale;
  const auto r = Simulate(s, options);
  ASSERT_TRUE(r.ok()) << r.message();
  double transactions = 0;
  for (ChainId c : r->file.ledger.chain_ids()) {
    transactions += static_cast<double>(r->file.ledger.txs(c).tx_count());
  }
  const auto addresses = static_cast<double>(r->file.ledger.address_count());
  ASSERT_GT(transactions, 0);
  EXPECT_GE(e.transactions, transactions / 2) << relative;
  EXPECT_LE(e.transactions, transactions * 2) << relative;
  EXPECT_GE(e.addresses, addresses / 2) << relative;
  EXPECT_LE(e.addresses, addresses * 2) << relative;
}

}  // namespace chaintrace::sim::testing
