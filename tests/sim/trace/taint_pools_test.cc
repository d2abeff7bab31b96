// Per-address pools: which lots a debit takes under each rule.

#include "sim/trace/taint_pools.h"

#include <gtest/gtest.h>

#include <vector>

namespace chaintrace::trace {
namespace {

// One pool that receives 50 clean (hop -), then 30 tainted (hop 2), then
// 20 clean, and is debited 60.
std::vector<Lot> Debit60(std::int32_t* hop, TaintPools* pools) {
  pools->Credit(0, Lot{50, 0}, -1);
  pools->Credit(0, Lot{30, 30}, 2);
  pools->Credit(0, Lot{20, 0}, -1);
  std::vector<Lot> taken;
  *hop = pools->Debit(0, 60, &taken);
  return taken;
}

TEST(TaintPools, OldestFirstTakesLotsInArrivalOrder) {
  TaintPools pools(PoolRule::kOldestFirst, 1);
  std::int32_t hop = 0;
  EXPECT_EQ(Debit60(&hop, &pools), (std::vector<Lot>{{50, 0}, {10, 10}}));
  EXPECT_EQ(hop, 2);
  EXPECT_EQ(pools.balance(0), 40);
  EXPECT_EQ(pools.taint(0), 20);
}

TEST(TaintPools, NewestFirstTakesTheLastLotFirst) {
  TaintPools pools(PoolRule::kNewestFirst, 1);
  std::int32_t hop = 0;
  EXPECT_EQ(Debit60(&hop, &pools),
            (std::vector<Lot>{{20, 0}, {30, 30}, {10, 0}}));
  EXPECT_EQ(hop, 2);
  EXPECT_EQ(pools.taint(0), 0);
  // The 40 clean left: a later debit is clean.
  std::vector<Lot> taken;
  EXPECT_EQ(pools.Debit(0, 40, &taken), -1);
  EXPECT_EQ(taken, (std::vector<Lot>{{40, 0}}));
}

TEST(TaintPools, ProRataTakesItsShareOfTheTaint) {
  TaintPools pools(PoolRule::kProRata, 1);
  std::int32_t hop = 0;
  // 30 / 100 of 60 = 18.
  EXPECT_EQ(Debit60(&hop, &pools), (std::vector<Lot>{{60, 18}}));
  EXPECT_EQ(hop, 2);
  EXPECT_EQ(pools.taint(0), 12);
}

TEST(TaintPools, TaintFirstTakesAllTheTaintFirst) {
  TaintPools pools(PoolRule::kTaintFirst, 1);
  std::int32_t hop = 0;
  EXPECT_EQ(Debit60(&hop, &pools), (std::vector<Lot>{{60, 30}}));
  EXPECT_EQ(pools.taint(0), 0);
}

TEST(TaintPools, PoisonTaintsEveryDebitUntilTheBalanceIsSpent) {
  TaintPools pools(PoolRule::kPoison, 1);
  std::int32_t hop = 0;
  EXPECT_EQ(Debit60(&hop, &pools), (std::vector<Lot>{{60, 60}}));
  std::vector<Lot> taken;
  pools.Debit(0, 40, &taken);
  EXPECT_EQ(taken, (std::vector<Lot>{{40, 40}}));
  // Emptied: a fresh clean credit is clean again.
  pools.Credit(0, Lot{5, 0}, -1);
  taken.clear();
  EXPECT_EQ(pools.Debit(0, 5, &taken), -1);
  EXPECT_EQ(taken, (std::vector<Lot>{{5, 0}}));
}

TEST(TaintPools, OverdraftIsClean) {
  for (PoolRule rule : {PoolRule::kOldestFirst, PoolRule::kNewestFirst,
                        PoolRule::kProRata, PoolRule::kTaintFirst}) {
    TaintPools pools(rule, 2);
    pools.Credit(1, Lot{10, 10}, 0);
    std::vector<Lot> taken;
    pools.Debit(1, 15, &taken);
    EXPECT_EQ(taken, (std::vector<Lot>{{10, 10}, {5, 0}}))
        << static_cast<int>(rule);
    EXPECT_EQ(pools.balance(0), 0);  // the other pool is untouched
  }
}

// Clean lots merge, and freed lots are reused: a long run of clean and
// tainted credits and debits keeps the arena small and the sums exact.
TEST(TaintPools, ManyCreditsAndDebitsConserve) {
  TaintPools pools(PoolRule::kOldestFirst, 3);
  Amount credited = 0;
  Amount debited = 0;
  std::vector<Lot> taken;
  for (int i = 0; i < 10000; ++i) {
    const auto pool = static_cast<std::size_t>(i % 3);
    pools.Credit(pool, Lot{7, i % 5 == 0 ? 3 : 0}, 1);
    credited += i % 5 == 0 ? 3 : 0;
    taken.clear();
    pools.Debit(pool, 5, &taken);
    for (const Lot& lot : taken) debited += lot.taint;
  }
  EXPECT_EQ(credited,
            debited + pools.taint(0) + pools.taint(1) + pools.taint(2));
}

}  // namespace
}  // namespace chaintrace::trace
