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

// An account pool of 100 holding 40 tainted pays 50 (20 tainted) to a
// fresh address: the credit is 40 % tainted.
TEST(ExactHaircut, AccountDebitTakesItsShare) {
  ExactHaircutAccount exact(/*pools=*/2, /*outputs=*/3, /*max_hops=*/0);
  exact.EndDebits(100);
  exact.Credit(0, 0, 40, /*seed=*/40, /*stop=*/false);
  exact.Credit(1, 0, 60, /*seed=*/-1, /*stop=*/false);
  exact.Reach(0);
  exact.Debit(0, 50, /*counts=*/true);
  exact.EndDebits(50);
  exact.Credit(2, 1, 50, /*seed=*/-1, /*stop=*/false);
  const std::vector<float> score = exact.TakeScores();
  EXPECT_FLOAT_EQ(score[0], 1.0F);
  EXPECT_FLOAT_EQ(score[1], 0.0F);
  EXPECT_FLOAT_EQ(score[2], 0.4F);
}

}  // namespace
}  // namespace chaintrace::trace
