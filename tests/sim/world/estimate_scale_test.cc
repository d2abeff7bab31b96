// The resource estimate against real runs of the shipped scenarios: slow
// (un2022 simulates in ~20 s), label `slow`.

#include <gtest/gtest.h>

#include <string>

#include "tests/sim/world/estimate_check.h"

namespace chaintrace::sim {
namespace {

using testing::ExpectEstimateWithinFactorTwo;

// Measured at seed 2022: 2096627 transactions and 2183111 addresses
// estimated, 1920325 and 2056264 simulated.
TEST(EstimateResources, Un2022WithinFactorTwo) {
  ExpectEstimateWithinFactorTwo("scenarios/un2022_three_exchanges.textproto",
                                1);
}

TEST(EstimateResources, ScaledSmallWorldWithinFactorTwo) {
  ExpectEstimateWithinFactorTwo("tests/data/scenarios/world/small.textproto",
                                4);
}

}  // namespace
}  // namespace chaintrace::sim
