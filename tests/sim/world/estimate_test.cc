#include "sim/world/estimate.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "sim/world/simulator.h"
#include "tests/sim/world/estimate_check.h"

namespace chaintrace::sim {
namespace {

using ::testing::HasSubstr;

constexpr std::uint64_t kGiB = 1024ull * 1024 * 1024;

using testing::ExpectEstimateWithinFactorTwo;
using testing::LoadSourceScenario;

// Measured: 108004 transactions and 139631 addresses estimated, 102542 and
// 127337 simulated. Larger worlds: estimate_scale_test.cc (label slow).
TEST(EstimateResources, SmallWorldWithinFactorTwo) {
  ExpectEstimateWithinFactorTwo("tests/data/scenarios/world/small.textproto",
                                1);
}

TEST(EstimateResources, ScalesWithTheBackground) {
  const scenario::Scenario s =
      LoadSourceScenario("tests/data/scenarios/world/small.textproto");
  const ResourceEstimate one = EstimateResources(s, 1);
  const ResourceEstimate ten = EstimateResources(s, 10);
  EXPECT_GT(ten.transactions, 5 * one.transactions);
  EXPECT_GT(ten.addresses, 5 * one.addresses);
  EXPECT_GT(one.bytes, one.transactions * kBytesPerTransaction);
}

// A population typed with a few zeros too many is refused from the
// estimate alone, with what it would need.
TEST(CheckResourceLimits, RefusesAnAbsurdPopulation) {
  scenario::Scenario s =
      LoadSourceScenario("tests/data/scenarios/world/small.textproto");
  scenario::Entity* huge = s.add_entities();
  huge->set_name("huge_users");
  huge->mutable_users()->set_count(100'000'000);
  huge->mutable_users()->set_payments_per_day(1);
  const ResourceEstimate e = EstimateResources(s, 1);
  EXPECT_GT(e.transactions, 1e9);
  const Status st = CheckResourceLimits(
      e, CapsFor(scenario::Limits{}, e, 16 * kGiB), 16 * kGiB);
  ASSERT_FALSE(st.ok());
  EXPECT_THAT(st.message(),
              HasSubstr("refused before simulating: the scenario would "
                        "create about 6.68e+09 transactions, above the limit "
                        "of "));
  EXPECT_THAT(st.message(), HasSubstr("TB of memory"));
  EXPECT_THAT(st.message(), HasSubstr("17.2 GB available"));
}

TEST(CheckResourceLimits, ExplicitLimitsOverrideMemory) {
  const scenario::Scenario s =
      LoadSourceScenario("tests/data/scenarios/world/small.textproto");
  const ResourceEstimate e = EstimateResources(s, 1);
  EXPECT_TRUE(CheckResourceLimits(e, CapsFor(scenario::Limits{}, e, 16 * kGiB),
                                  16 * kGiB)
                  .ok());
  scenario::Limits limits;
  limits.set_max_transactions(100);
  const Status tx =
      CheckResourceLimits(e, CapsFor(limits, e, 16 * kGiB), 16 * kGiB);
  EXPECT_THAT(tx.message(), HasSubstr("above the limit of 100 "
                                      "(limits.max_transactions"));
  limits.set_max_transactions(0);
  limits.set_max_addresses(10);
  const Status addresses =
      CheckResourceLimits(e, CapsFor(limits, e, 16 * kGiB), 16 * kGiB);
  EXPECT_THAT(addresses.message(), HasSubstr("addresses, above the limit of 10 "
                                             "(limits.max_addresses"));
  // Little memory: the default caps shrink with it.
  EXPECT_FALSE(
      CheckResourceLimits(e, CapsFor(scenario::Limits{}, e, 1 << 20), 1 << 20)
          .ok());
  // Unknown memory: only explicit limits apply.
  EXPECT_TRUE(
      CheckResourceLimits(e, CapsFor(scenario::Limits{}, e, 0), 0).ok());
}

TEST(ParseMemAvailable, ReadsKilobytes) {
  EXPECT_EQ(ParseMemAvailable("MemTotal:       24684084 kB\n"
                              "MemFree:         1000 kB\n"
                              "MemAvailable:   22619068 kB\n"),
            22619068ull * 1024);
  EXPECT_EQ(ParseMemAvailable("MemTotal: 1 kB\n"), 0u);
  EXPECT_GT(AvailableMemoryBytes(), 0u);  // Linux
}

}  // namespace
}  // namespace chaintrace::sim
