// The haircut tracer's scores, solved by forward substitution inside the
// walk (sim/trace/haircut_exact.h), are the fractions of the Eigen solve of
// the assembled system (HaircutFractions), on random ledgers of both chain
// models, with and without a hop limit and fee taint; with
// TracerOptions::haircut_eigen the tracer gives the Eigen solve itself.

#include "sim/trace/haircut_exact.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "sim/trace/haircut_system.h"
#include "sim/trace/taint_pools.h"
#include "tests/sim/trace/trace_test_util.h"

namespace chaintrace::trace {
namespace {

using testing_util::MakeRandomLedger;
using testing_util::RunTracer;

struct OptionsCase {
  int max_hops;
  bool drop_fee_taint;
};

TEST(ExactHaircut, ScoresAreTheEigenSolution) {
  std::size_t compared = 0;
  std::size_t positive = 0;
  for (const OptionsCase options :
       {OptionsCase{0, false}, OptionsCase{2, false}, OptionsCase{0, true},
        OptionsCase{1, true}}) {
    const TracerOptions tracer_options{options.max_hops,
                                       options.drop_fee_taint};
    for (int k = 0; k < 20; ++k) {
      for (bool utxo : {true, false}) {
        const auto random =
            MakeRandomLedger(500U + static_cast<std::uint64_t>(k), utxo);
        const TraceResult r =
            RunTracer("haircut", random.file, random.seeds, tracer_options);
        const std::vector<float> expected = HaircutFractions(
            TraceInput{&random.file.ledger, random.seeds, &random.file.labels},
            IdFromIndex<ChainId>(0), tracer_options);
        const std::vector<float>& got = r.chains[0].output_score;
        ASSERT_EQ(got.size(), expected.size());
        // --haircut-eigen: the same taint, and the Eigen solve's scores.
        TracerOptions eigen_options = tracer_options;
        eigen_options.haircut_eigen = true;
        const TraceResult e =
            RunTracer("haircut", random.file, random.seeds, eigen_options);
        EXPECT_EQ(e.chains[0].output_taint, r.chains[0].output_taint);
        EXPECT_EQ(e.chains[0].output_score, expected);
        for (std::size_t o = 0; o < got.size(); ++o) {
          EXPECT_FLOAT_EQ(got[o], expected[o])
              << (utxo ? "utxo" : "account") << " ledger " << k << " max_hops "
              << options.max_hops << " output " << o;
          ++compared;
          if (expected[o] > 0) ++positive;
        }
      }
    }
  }
  // The ledgers are not trivial: many outputs carry some taint.
  EXPECT_GT(compared, 1000U);
  EXPECT_GT(positive, compared / 10);
}

// Hand-computed: inputs 30 (seed) and 70 clean into outputs 50 and 45 with
// a fee of 5; both outputs and the fee carry 30 %.
TEST(ExactHaircut, UtxoRow) {
  ExactHaircutUtxo exact(/*outputs=*/4, /*max_hops=*/0);
  exact.Seed(0, 30, 30, /*stop=*/false);
  exact.Spend(0);
  exact.Spend(1);  // never reached: brings nothing
  const std::vector<Amount> amounts = {50, 45};
  exact.EndTx(2, amounts, 5, {});
  const std::vector<float> score = exact.TakeScores();
  EXPECT_FLOAT_EQ(score[0], 1.0F);
  EXPECT_FLOAT_EQ(score[1], 0.0F);
  EXPECT_FLOAT_EQ(score[2], 0.3F);
  EXPECT_FLOAT_EQ(score[3], 0.3F);
}

// A reached transaction that moves no value (its outputs and fee are 0,
// reached through a zero output because a hop limit is set) passes on no
// taint: before, its output's real taint was 0 / 0 = NaN, and a later row
// spending it with a tainted output scored 0 instead of 1.
TEST(ExactHaircut, UtxoRowMovingNoValuePassesNothing) {
  ExactHaircutUtxo exact(/*outputs=*/5, /*max_hops=*/10);
  exact.Seed(0, 30, 30, /*stop=*/false);
  exact.Spend(0);
  const std::vector<Amount> split = {30, 0};
  exact.EndTx(1, split, 0, {});  // outputs 1 (30) and 2 (0)
  exact.Spend(2);
  const std::vector<Amount> nothing = {0};
  exact.EndTx(3, nothing, 0, {});  // output 3 (0)
  exact.Spend(3);
  exact.Spend(1);
  const std::vector<Amount> merged = {30};
  exact.EndTx(4, merged, 0, {});  // output 4 (30)
  const std::vector<float> score = exact.TakeScores();
  EXPECT_FLOAT_EQ(score[1], 1.0F);
  EXPECT_FLOAT_EQ(score[3], 0.0F);
  EXPECT_FLOAT_EQ(score[4], 1.0F);
}

// An account pool of 100 holding 40 tainted pays 50 (20 tainted) to a
// fresh address: the credit is 40 % tainted, in integers and in reals; the
// pool keeps 50 holding 20 tainted.
TEST(ExactHaircut, AccountDebitTakesItsShare) {
  HaircutAccountPools pools(/*pools=*/2, /*outputs=*/3, /*max_hops=*/0);
  pools.EndDebits(100);
  pools.Credit(0, 0, Lot{40, 40}, /*hop=*/0, /*seed=*/40, /*stop=*/false);
  pools.Credit(1, 0, Lot{60, 0}, /*hop=*/-1, /*seed=*/-1, /*stop=*/false);
  pools.Reach(0);
  std::vector<Lot> taken;
  EXPECT_EQ(pools.Debit(0, 50, /*counts=*/true, &taken), 0);
  ASSERT_EQ(taken.size(), 1U);
  EXPECT_EQ(taken[0].amount, 50);
  EXPECT_EQ(taken[0].taint, 20);
  EXPECT_EQ(pools.balance(0), 50);
  EXPECT_EQ(pools.taint(0), 20);
  pools.EndDebits(50);
  pools.Credit(2, 1, Lot{50, 20}, /*hop=*/1, /*seed=*/-1, /*stop=*/false);
  EXPECT_EQ(pools.taint(1), 20);
  const std::vector<float> score = pools.TakeScores();
  EXPECT_FLOAT_EQ(score[0], 1.0F);
  EXPECT_FLOAT_EQ(score[1], 0.0F);
  EXPECT_FLOAT_EQ(score[2], 0.4F);
}

// A debit above the balance takes the balance's share of the taint and
// the rest as a clean overdraft; an empty pool's debit is all overdraft.
TEST(ExactHaircut, AccountOverdraftIsClean) {
  HaircutAccountPools pools(/*pools=*/2, /*outputs=*/1, /*max_hops=*/0);
  pools.EndDebits(10);
  pools.Credit(0, 0, Lot{10, 10}, /*hop=*/0, /*seed=*/10, /*stop=*/false);
  std::vector<Lot> taken;
  pools.Reach(0);
  EXPECT_EQ(pools.Debit(0, 15, /*counts=*/true, &taken), 0);
  ASSERT_EQ(taken.size(), 2U);
  EXPECT_EQ(taken[0].amount, 10);
  EXPECT_EQ(taken[0].taint, 10);
  EXPECT_EQ(taken[1].amount, 5);
  EXPECT_EQ(taken[1].taint, 0);
  EXPECT_EQ(pools.balance(0), 0);
  EXPECT_EQ(pools.taint(0), 0);
  taken.clear();
  EXPECT_EQ(pools.Debit(1, 7, /*counts=*/true, &taken), -1);
  ASSERT_EQ(taken.size(), 1U);
  EXPECT_EQ(taken[0].amount, 7);
  EXPECT_EQ(taken[0].taint, 0);
}

// The integer side of HaircutAccountPools is TaintPools' pro-rata rule:
// the same lots, hops, balances and taint after every step of a random run
// of credits and debits (overdrafts included) over a few pools.
TEST(ExactHaircut, AccountIntegerSideIsTaintPoolsProRata) {
  constexpr std::size_t kPools = 5;
  HaircutAccountPools fused(kPools, /*outputs=*/1, /*max_hops=*/0);
  TaintPools plain(PoolRule::kProRata, kPools);
  std::uint64_t state = 7;
  const auto next = [&](std::uint64_t n) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (state >> 33) % n;
  };
  std::vector<Lot> a;
  std::vector<Lot> b;
  for (int step = 0; step < 20000; ++step) {
    const std::size_t pool = next(kPools);
    const auto amount = static_cast<Amount>(next(3000000000ULL));
    if (next(2) == 0) {
      const auto taint = static_cast<Amount>(
          next(2) == 0 ? 0 : next(static_cast<std::uint64_t>(amount) + 1));
      const auto hop = static_cast<std::int32_t>(next(5));
      fused.EndDebits(amount);
      fused.Credit(0, pool, Lot{amount, taint}, hop, -1, false);
      plain.Credit(pool, Lot{amount, taint}, hop);
    } else {
      a.clear();
      b.clear();
      fused.Reach(pool);
      ASSERT_EQ(fused.Debit(pool, amount, true, &a),
                plain.Debit(pool, amount, &b))
          << "step " << step;
      ASSERT_EQ(a.size(), b.size()) << "step " << step;
      for (std::size_t k = 0; k < a.size(); ++k) {
        EXPECT_EQ(a[k].amount, b[k].amount) << "step " << step;
        EXPECT_EQ(a[k].taint, b[k].taint) << "step " << step;
      }
      fused.EndDebits(amount);
    }
    ASSERT_EQ(fused.balance(pool), plain.balance(pool)) << "step " << step;
    ASSERT_EQ(fused.taint(pool), plain.taint(pool)) << "step " << step;
  }
}

}  // namespace
}  // namespace chaintrace::trace
