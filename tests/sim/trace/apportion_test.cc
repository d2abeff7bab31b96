// The apportioning core: largest-remainder splits and each split rule on
// single transactions, with exact conservation on random inputs.

#include "sim/trace/apportion.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <vector>

namespace chaintrace::trace {
namespace {

std::vector<Amount> Split(Amount total, const std::vector<Amount>& weights) {
  std::vector<Amount> parts(weights.size(), -1);
  SplitScratch scratch;
  SplitLargestRemainder(total, weights, parts, &scratch);
  return parts;
}

TEST(SplitLargestRemainder, HandsLeftoverUnitsToLargestRemainders) {
  // 7 over 2:3:5 = 1.4, 2.1, 3.5: floors 1, 2, 3, the unit left to 3.5.
  EXPECT_EQ(Split(7, {2, 3, 5}), (std::vector<Amount>{1, 2, 4}));
  // Equal remainders: the lower index first.
  EXPECT_EQ(Split(10, {1, 1, 1}), (std::vector<Amount>{4, 3, 3}));
  EXPECT_EQ(Split(2, {1, 1, 1, 1}), (std::vector<Amount>{1, 1, 0, 0}));
  EXPECT_EQ(Split(0, {1, 2}), (std::vector<Amount>{0, 0}));
  EXPECT_EQ(Split(5, {0, 0}), (std::vector<Amount>{0, 0}));
  EXPECT_EQ(Split(5, {0, 3, 0}), (std::vector<Amount>{0, 5, 0}));
}

TEST(SplitLargestRemainder, ExactForHugeAmounts) {
  // Products overflow int64; the split is still exact.
  const Amount big = 4000000000000000000;
  const std::vector<Amount> parts = Split(big, {big / 2, big / 4, big / 4});
  EXPECT_EQ(parts, (std::vector<Amount>{big / 2, big / 4, big / 4}));
}

TEST(SplitLargestRemainder, ConservesAndStaysWithinOneOfTheShare) {
  std::mt19937_64 rng(7);
  SplitScratch scratch;
  for (int round = 0; round < 2000; ++round) {
    const std::size_t n = 1 + rng() % 12;
    std::vector<Amount> weights(n);
    Amount whole = 0;
    for (Amount& w : weights) {
      w = static_cast<Amount>(rng() % 1000);
      whole += w;
    }
    const auto total =
        static_cast<Amount>(rng() % static_cast<std::uint64_t>(whole + 1));
    std::vector<Amount> parts(n);
    SplitLargestRemainder(total, weights, parts, &scratch);
    Amount sum = 0;
    for (std::size_t i = 0; i < n; ++i) {
      sum += parts[i];
      EXPECT_LE(parts[i], weights[i]);
      if (whole > 0) {
        const double exact = static_cast<double>(total) *
                             static_cast<double>(weights[i]) /
                             static_cast<double>(whole);
        EXPECT_LT(std::abs(static_cast<double>(parts[i]) - exact), 1.0);
      }
    }
    EXPECT_EQ(sum, whole > 0 ? total : 0);
  }
}

// The largest-remainder split written out the slow, obvious way: exact
// 128-bit quotients and remainders, then the leftover units to the
// largest remainders by a full sort (ties to the lower index).
std::vector<Amount> ReferenceSplit(Amount total,
                                   const std::vector<Amount>& weights) {
  __extension__ using Int128 = __int128;
  const std::size_t n = weights.size();
  std::vector<Amount> parts(n, 0);
  Amount whole = 0;
  for (Amount w : weights) whole += w;
  if (whole <= 0 || total <= 0) return parts;
  std::vector<Amount> remainder(n);
  Amount given = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const Int128 product = static_cast<Int128>(total) * weights[i];
    parts[i] = static_cast<Amount>(product / whole);
    remainder[i] = static_cast<Amount>(product % whole);
    given += parts[i];
  }
  std::vector<std::size_t> order(n);
  for (std::size_t i = 0; i < n; ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return remainder[a] != remainder[b] ? remainder[a] > remainder[b] : a < b;
  });
  for (Amount k = 0; k < total - given; ++k) {
    ++parts[order[static_cast<std::size_t>(k)]];
  }
  return parts;
}

TEST(SplitLargestRemainder, EqualsTheReferenceSplitAtEveryMagnitude) {
  // Small and large slot counts, and amounts from a few units to 2^61 (the
  // quotient estimate is corrected up to 2^47, divided exactly past it),
  // with exact divisions and equal remainders made common by small
  // weights and totals of whole multiples.
  // Exact quotients whose floating-point estimate falls just below them
  // (18 * 55 / 66 = 15, estimated 14.999...).
  EXPECT_EQ(Split(18, {55, 11}), (std::vector<Amount>{15, 3}));
  EXPECT_EQ(Split(45, {22, 44}), (std::vector<Amount>{15, 30}));
  EXPECT_EQ(Split(36, {55, 11}), (std::vector<Amount>{30, 6}));
  // One slot takes everything; a total above the whole (outside the few-slot
  // path's clipping) is split all the same.
  EXPECT_EQ(Split(5, {7}), (std::vector<Amount>{5}));
  EXPECT_EQ(Split(10, {1, 2}), ReferenceSplit(10, {1, 2}));
  EXPECT_EQ(Split(10, {1, 2}), (std::vector<Amount>{3, 7}));
  std::mt19937_64 rng(2026);
  Apportioner apportioner;
  const std::uint64_t scales[] = {
      40, 1000, 100000000, 3000000000000ULL, 1ULL << 47, 1ULL << 58};
  for (int round = 0; round < 30000; ++round) {
    // 1..8 slots take the few-slots path, 9..48 the general one.
    const std::size_t n = round % 5 == 0 ? 9 + rng() % 40 : 1 + rng() % 8;
    // Under 2^61 in all (48 weights below 2^55, or 8 below 2^58).
    const std::uint64_t scale =
        scales[static_cast<std::size_t>(round) % 6] / (n > 8 ? 8 : 1);
    std::vector<Amount> weights(n);
    Amount whole = 0;
    for (Amount& w : weights) {
      w = static_cast<Amount>(rng() % scale);
      whole += w;
    }
    Amount total = 0;
    switch (round % 4) {
      case 0:
        total = whole;
        break;
      case 1:
        total = whole / 2;
        break;
      default:
        total =
            static_cast<Amount>(rng() % static_cast<std::uint64_t>(whole + 1));
    }
    const std::vector<Amount> expected = ReferenceSplit(total, weights);
    ASSERT_EQ(Split(total, weights), expected) << "round " << round;
    // The same weights as a transaction's outputs then its fee.
    const std::vector<Amount> outputs(weights.begin(), weights.end() - 1);
    const std::vector<Lot> lots = {Lot{total, total}};
    std::vector<Amount> out_taint(outputs.size(), -1);
    const Amount fee_taint = apportioner.Apportion(
        SplitRule::kProRata, lots, outputs, weights.back(), out_taint);
    for (std::size_t i = 0; i < outputs.size(); ++i) {
      ASSERT_EQ(out_taint[i], expected[i]) << "round " << round;
    }
    ASSERT_EQ(fee_taint, expected.back()) << "round " << round;
  }
}

TEST(ProRataPart, RoundsToTheNearestTiesToTheSlice) {
  EXPECT_EQ(ProRataPart(100, 61, 150), 41);  // 40.67
  EXPECT_EQ(ProRataPart(100, 60, 150), 40);
  EXPECT_EQ(ProRataPart(5, 1, 2), 3);  // 2.5: tie to the slice
  EXPECT_EQ(ProRataPart(1, 1, 3), 0);  // 0.33
  EXPECT_EQ(ProRataPart(7, 10, 10), 7);
}

struct RuleCase {
  SplitRule rule;
  std::vector<Lot> inputs;
  std::vector<Amount> outputs;
  Amount fee;
  std::vector<Amount> expected;
  Amount expected_fee;
};

TEST(Apportioner, EachRuleOnOneTransaction) {
  // Inputs [3 tainted, 7 clean], outputs 2, 5, 2.9, fee 0.1, in tenths.
  const std::vector<Lot> tc = {{30, 30}, {70, 0}};
  const std::vector<Lot> ct = {{70, 0}, {30, 30}};
  const std::vector<Amount> out = {20, 50, 29};
  const std::vector<RuleCase> cases = {
      {SplitRule::kPoison, tc, out, 1, {20, 50, 29}, 1},
      {SplitRule::kProRata, tc, out, 1, {6, 15, 9}, 0},  // 6, 15, 8.7, 0.3
      {SplitRule::kInOrder, tc, out, 1, {20, 10, 0}, 0},
      {SplitRule::kInOrder, ct, out, 1, {0, 0, 29}, 1},
      {SplitRule::kTaintFirst, ct, out, 1, {20, 10, 0}, 0},
      {SplitRule::kTaintHighestOut, ct, out, 1, {0, 30, 0}, 0},
      // More taint than the outputs hold: the rest goes to the fee.
      {SplitRule::kTaintHighestOut, {{100, 100}}, out, 1, {20, 50, 29}, 1},
      // No taint: nothing anywhere.
      {SplitRule::kPoison, {{100, 0}}, out, 1, {0, 0, 0}, 0},
  };
  Apportioner apportioner;
  for (std::size_t k = 0; k < cases.size(); ++k) {
    const RuleCase& c = cases[k];
    std::vector<Amount> taint(c.outputs.size(), -1);
    const Amount fee =
        apportioner.Apportion(c.rule, c.inputs, c.outputs, c.fee, taint);
    EXPECT_EQ(taint, c.expected) << "case " << k;
    EXPECT_EQ(fee, c.expected_fee) << "case " << k;
  }
}

// Every conserving rule: outputs + fee get exactly the input taint, each
// output at most its amount, on random conserving transactions.
TEST(Apportioner, ConservesTaintExactly) {
  std::mt19937_64 rng(11);
  Apportioner apportioner;
  for (SplitRule rule : {SplitRule::kProRata, SplitRule::kInOrder,
                         SplitRule::kTaintFirst, SplitRule::kTaintHighestOut}) {
    for (int round = 0; round < 500; ++round) {
      std::vector<Lot> inputs(1 + rng() % 5);
      Amount value = 0;
      Amount taint = 0;
      for (Lot& lot : inputs) {
        lot.amount = 1 + static_cast<Amount>(rng() % 1000);
        lot.taint = static_cast<Amount>(
            rng() % 3 == 0
                ? 0
                : rng() % static_cast<std::uint64_t>(lot.amount + 1));
        value += lot.amount;
        taint += lot.taint;
      }
      const Amount fee = static_cast<Amount>(
          rng() % static_cast<std::uint64_t>(value / 4 + 1));
      std::vector<Amount> outputs(1 + rng() % 5, 0);
      Amount left = value - fee;
      for (std::size_t i = 0; i + 1 < outputs.size(); ++i) {
        outputs[i] =
            static_cast<Amount>(rng() % static_cast<std::uint64_t>(left + 1));
        left -= outputs[i];
      }
      outputs.back() = left;
      std::vector<Amount> out_taint(outputs.size());
      const Amount fee_taint =
          apportioner.Apportion(rule, inputs, outputs, fee, out_taint);
      Amount sum = fee_taint;
      for (std::size_t i = 0; i < outputs.size(); ++i) {
        EXPECT_GE(out_taint[i], 0);
        EXPECT_LE(out_taint[i], outputs[i]);
        sum += out_taint[i];
      }
      EXPECT_LE(fee_taint, fee);
      EXPECT_EQ(sum, taint) << "rule " << static_cast<int>(rule);
    }
  }
}

// Pro rata over few outputs takes a path of its own (no scratch vectors);
// it must give exactly SplitLargestRemainder's parts over the outputs then
// the fee, ties included (small weights make many equal remainders), for
// amounts small and large enough that products overflow 64 bits, and for
// lots holding more or less value than outputs + fee.
TEST(Apportioner, ProRataIsTheLargestRemainderSplit) {
  std::mt19937_64 rng(12);
  Apportioner apportioner;
  for (int round = 0; round < 20000; ++round) {
    const std::uint64_t scale = round % 3 == 0   ? 10
                                : round % 3 == 1 ? 1000000
                                                 : 3000000000000ULL;
    std::vector<Lot> inputs(1 + rng() % 4);
    for (Lot& lot : inputs) {
      lot.amount = static_cast<Amount>(rng() % scale);
      lot.taint = static_cast<Amount>(
          rng() % static_cast<std::uint64_t>(lot.amount + 1));
    }
    std::vector<Amount> slots(2 + rng() % 10);  // outputs, then the fee
    for (Amount& a : slots) a = static_cast<Amount>(rng() % scale);
    const std::vector<Amount> outputs(slots.begin(), slots.end() - 1);
    Amount taint = 0;
    for (const Lot& lot : inputs) taint += lot.taint;
    Amount whole = 0;
    for (Amount a : slots) whole += a;
    const std::vector<Amount> expected = Split(std::min(taint, whole), slots);
    std::vector<Amount> out_taint(outputs.size(), -1);
    const Amount fee_taint = apportioner.Apportion(
        SplitRule::kProRata, inputs, outputs, slots.back(), out_taint);
    for (std::size_t i = 0; i < outputs.size(); ++i) {
      ASSERT_EQ(out_taint[i], expected[i])
          << "round " << round << " slot " << i;
    }
    ASSERT_EQ(fee_taint, expected.back()) << "round " << round;
  }
}

}  // namespace
}  // namespace chaintrace::trace
