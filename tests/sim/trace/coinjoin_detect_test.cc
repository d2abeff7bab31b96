#include "sim/trace/coinjoin_detect.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "model/standard_denominations.h"
#include "tests/sim/trace/ledger_builder.h"

namespace chaintrace::trace {
namespace {

using testing::LedgerBuilder;
using testing::Pay;

// One coinbase c0 pays 200 addresses 1,000,000 sat each; each round spends
// the next n of them in one transaction shaped like a CoinJoin style:
//
//   in_i .. in_{i+n-1} ──▶ r_0 │ r_1 │ ... │ r_{m-1}          (fee: the rest)
//
// Wasabi 2 rounds pay standard denominations of many values (the k-th
// smallest denomination to out_k here, so no value repeats); Wasabi 1 /
// Whirlpool rounds pay one value many times.
class CoinJoinDetectTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::vector<Pay> coins;
    coins.reserve(200);
    for (int k = 0; k < 200; ++k) {
      coins.push_back({"in_" + std::to_string(k), 1'000'000});
    }
    b_.Coinbase("c0", 0, coins);
  }

  // Spends the next `inputs` unspent coins of c0 to `values`, one fresh
  // address each.
  TxId Round(int inputs, const std::vector<Amount>& values) {
    const std::string id = "r" + std::to_string(rounds_++);
    std::vector<std::string> spends;
    spends.reserve(static_cast<std::size_t>(inputs));
    for (int k = 0; k < inputs; ++k) {
      spends.push_back("c0:" + std::to_string(next_coin_++));
    }
    std::vector<Pay> outs;
    outs.reserve(values.size());
    Amount out = 0;
    for (std::size_t k = 0; k < values.size(); ++k) {
      outs.push_back({id + "_" + std::to_string(k), values[k]});
      out += values[k];
    }
    return b_.Spend(id, 60, spends, outs, inputs * Amount{1'000'000} - out);
  }

  // The `m` smallest standard denominations, each once; `plain` of them
  // replaced by non-standard values.
  static std::vector<Amount> Denominations(int m, int plain = 0) {
    std::vector<Amount> v;
    for (int k = 0; k < m; ++k) {
      const Amount d = StandardDenominations()[static_cast<std::size_t>(k)];
      v.push_back(k < plain ? d + 7 : d);
    }
    return v;
  }

  bool Detect(TxId t, CoinJoinRule rule = {}) {
    CoinJoinDetector d(b_.ledger(), b_.labels(), rule);
    return d.IsCoinJoin(b_.btc(), t);
  }

  LedgerBuilder b_;
  int next_coin_ = 0;
  int rounds_ = 0;
};

TEST_F(CoinJoinDetectTest, LargeWasabi2RoundIsCaughtByItsDenominations) {
  const TxId t = Round(50, Denominations(25));
  EXPECT_TRUE(Detect(t));
  // No value occurs three times: the equal-output rule alone misses it.
  CoinJoinRule equal_only;
  equal_only.min_denomination_inputs = 0;
  EXPECT_FALSE(Detect(t, equal_only));
}

TEST_F(CoinJoinDetectTest, SmallWasabi2RoundEscapesBothRules) {
  // 10 inputs, 20 outputs of 20 different standard values: below the
  // 50-input floor, and no equal outputs: merged as one owner's spend.
  EXPECT_FALSE(Detect(Round(10, Denominations(20))));
}

TEST_F(CoinJoinDetectTest, FewStandardOutputsIsNotAWasabi2Round) {
  // 50 inputs, 25 outputs of which 6 are not standard: 76 % <= 80 %.
  EXPECT_FALSE(Detect(Round(50, Denominations(25, 6))));
  // 5 not standard: 80 % is still not more than 80 %.
  EXPECT_FALSE(Detect(Round(50, Denominations(25, 5))));
  // 4 not standard: 84 %.
  EXPECT_TRUE(Detect(Round(50, Denominations(25, 4))));
}

TEST_F(CoinJoinDetectTest, ConsolidationToARoundAmountIsNotAJoin) {
  // 60 coins swept into one output of exactly 0.5 BTC, a standard value:
  // one output is below the 20-output floor.
  EXPECT_FALSE(Detect(Round(60, {50'000'000})));
}

TEST_F(CoinJoinDetectTest, EqualOutputRuleStillHolds) {
  // Whirlpool-like: 5 inputs, 5 outputs of 0.001 BTC.
  EXPECT_TRUE(Detect(Round(5, std::vector<Amount>(5, 100'000))));
  // A 2-party equal-output join: two equal outputs and two changes.
  EXPECT_FALSE(Detect(Round(2, {100'000, 100'000, 830'000, 850'000})));
  // A batch payout from two addresses: more equal outputs than inputs.
  EXPECT_FALSE(Detect(Round(2, std::vector<Amount>(6, 100'000))));
  // At the thresholds: three inputs and three equal outputs are a join;
  // two equal outputs are not, nor are three with two inputs; with the
  // thresholds at two, the 2-party join above is caught.
  EXPECT_TRUE(Detect(Round(3, std::vector<Amount>(3, 100'000))));
  EXPECT_FALSE(Detect(Round(3, std::vector<Amount>(2, 100'000))));
  EXPECT_FALSE(Detect(Round(2, std::vector<Amount>(3, 100'000))));
  CoinJoinRule two;
  two.min_equal_outputs = 2;
  EXPECT_TRUE(Detect(Round(2, {100'000, 100'000, 830'000, 850'000}), two));
  EXPECT_FALSE(Detect(Round(1, {100'000, 100'000}), two));
}

TEST_F(CoinJoinDetectTest, ThresholdsAreTheRulesParameters) {
  const TxId t = Round(30, Denominations(25));
  EXPECT_FALSE(Detect(t));  // 30 inputs < 50
  CoinJoinRule loose;
  loose.min_denomination_inputs = 30;
  EXPECT_TRUE(Detect(t, loose));
  loose.min_denomination_outputs = 26;
  EXPECT_FALSE(Detect(t, loose));
}

}  // namespace
}  // namespace chaintrace::trace
