#include "sim/trace/change_heuristics.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "tests/sim/trace/ledger_builder.h"

namespace chaintrace::trace {
namespace {

using testing::LedgerBuilder;

// Each test draws its own transactions; `Change` runs one heuristic on one
// of them and returns "tx:index" of the change, or "none".
class ChangeHeuristicsTest : public ::testing::Test {
 protected:
  std::string Change(OutputId (*h)(const ChangeContext&, ChainId, TxId),
                     std::string_view tx) {
    first_credits_ = std::make_unique<FirstCredits>(b_.ledger());
    const ChangeContext ctx{&b_.ledger(), first_credits_.get(), options_};
    const TxStore& s = b_.ledger().txs(b_.btc());
    const TxId t = s.FindTx(tx);
    const OutputId o = h(ctx, b_.btc(), t);
    if (o == OutputId::kNone) return "none";
    return std::string(tx) + ":" + std::to_string(s.output_index(o));
  }
  LedgerBuilder b_;
  ChangeOptions options_;
  std::unique_ptr<FirstCredits> first_credits_;
};

// c0 ─ a 100 │ a 100 │ a 100
// t1: a ──▶ b 60 │ a 35        self-change: t1:1
// t2: a ──▶ b 60 │ c 35        no output to an input address
// t3: a ──▶ a 60 │ a 35        two outputs to input addresses
TEST_F(ChangeHeuristicsTest, AddressReuse) {
  b_.Coinbase("c0", 0, {{"a", 100}, {"a", 100}, {"a", 100}});
  b_.Spend("t1", 600, {"c0:0"}, {{"b", 60}, {"a", 35}}, 5);
  b_.Spend("t2", 600, {"c0:1"}, {{"b", 60}, {"c", 35}}, 5);
  b_.Spend("t3", 600, {"c0:2"}, {{"a", 60}, {"a", 35}}, 5);
  EXPECT_EQ(Change(&ChangeByAddressReuse, "t1"), "t1:1");
  EXPECT_EQ(Change(&ChangeByAddressReuse, "t2"), "none");
  EXPECT_EQ(Change(&ChangeByAddressReuse, "t3"), "none");
  EXPECT_EQ(Change(&ChangeByAddressReuse, "c0"), "none");  // coinbase
}

// Transactions of 40 inputs, past the few that Debits scans: there it
// searches the addresses' debits instead, with the same answers.
// c0 ─ i0 100 │ ... │ i39 100;  c1 ─ j0 100 │ ... │ j39 100
// t1: i0..i39 ──▶ b 3000 │ i36 900     self-change: t1:1
// t2: j0..j39 ──▶ b 3000 │ k 900       none
TEST_F(ChangeHeuristicsTest, AddressReuseWithManyInputs) {
  std::vector<testing::Pay> i_outs;
  std::vector<testing::Pay> j_outs;
  std::vector<std::string> i_ins;
  std::vector<std::string> j_ins;
  for (int k = 0; k < 40; ++k) {
    i_outs.push_back({"i" + std::to_string(k), 100});
    j_outs.push_back({"j" + std::to_string(k), 100});
    i_ins.push_back("c0:" + std::to_string(k));
    j_ins.push_back("c1:" + std::to_string(k));
  }
  b_.Coinbase("c0", 0, i_outs);
  b_.Coinbase("c1", 0, j_outs);
  b_.Spend("t1", 600, i_ins, {{"b", 3000}, {"i36", 900}}, 100);
  b_.Spend("t2", 600, j_ins, {{"b", 3000}, {"k", 900}}, 100);
  EXPECT_EQ(Change(&ChangeByAddressReuse, "t1"), "t1:1");
  EXPECT_EQ(Change(&ChangeByAddressReuse, "t2"), "none");
  EXPECT_EQ(Change(&ChangeByFreshAddress, "t1"), "none");
  EXPECT_EQ(Change(&ChangeByFreshAddress, "t2"), "t2:1");
}

// c0 ─ a 100 │ a 100 │ a 100 │ b 5
// t1: a ──▶ b 60 │ n 35        b seen in c0, n new: t1:1
// t2: a ──▶ n2 60 │ n3 35      both new
// t3: a ──▶ a 60 │ n4 35       self-change present: Meiklejohn skips it
TEST_F(ChangeHeuristicsTest, FreshAddress) {
  b_.Coinbase("c0", 0, {{"a", 100}, {"a", 100}, {"a", 100}, {"b", 5}});
  b_.Spend("t1", 600, {"c0:0"}, {{"b", 60}, {"n", 35}}, 5);
  b_.Spend("t2", 600, {"c0:1"}, {{"n2", 60}, {"n3", 35}}, 5);
  b_.Spend("t3", 600, {"c0:2"}, {{"a", 60}, {"n4", 35}}, 5);
  EXPECT_EQ(Change(&ChangeByFreshAddress, "t1"), "t1:1");
  EXPECT_EQ(Change(&ChangeByFreshAddress, "t2"), "none");
  EXPECT_EQ(Change(&ChangeByFreshAddress, "t3"), "none");
}

// a, d: p2wpkh; x, y: p2pkh
// t1: a ──▶ x 60 │ w 35 (p2wpkh)     only w matches: t1:1
// t2: a ──▶ w2 60 │ w3 35            both match
// t3: a + y ──▶ x2 60 │ w4 35        inputs of two types
TEST_F(ChangeHeuristicsTest, AddressType) {
  b_.Address(b_.btc(), "x", "p2pkh");
  b_.Address(b_.btc(), "x2", "p2pkh");
  b_.Address(b_.btc(), "y", "p2pkh");
  b_.Coinbase("c0", 0, {{"a", 100}, {"a", 100}, {"a", 100}, {"y", 10}});
  b_.Spend("t1", 600, {"c0:0"}, {{"x", 60}, {"w", 35}}, 5);
  b_.Spend("t2", 600, {"c0:1"}, {{"w2", 60}, {"w3", 35}}, 5);
  b_.Spend("t3", 600, {"c0:2", "c0:3"}, {{"x2", 60}, {"w4", 45}}, 5);
  EXPECT_EQ(Change(&ChangeByAddressType, "t1"), "t1:1");
  EXPECT_EQ(Change(&ChangeByAddressType, "t2"), "none");
  EXPECT_EQ(Change(&ChangeByAddressType, "t3"), "none");
}

// BTC has 8 decimals: round by default means a multiple of 10^4 base units.
// t1: ──▶ 50000 │ 43210          t1:1
// t2: ──▶ 51234 │ 43210          nothing round
// t3: ──▶ 50000 │ 40000          both round
TEST_F(ChangeHeuristicsTest, RoundValue) {
  b_.Coinbase("c0", 0, {{"a", 100000}, {"a", 100000}, {"a", 100000}});
  b_.Spend("t1", 600, {"c0:0"}, {{"b", 50000}, {"c", 43210}}, 6790);
  b_.Spend("t2", 600, {"c0:1"}, {{"b", 51234}, {"c", 43210}}, 5556);
  b_.Spend("t3", 600, {"c0:2"}, {{"b", 50000}, {"c", 40000}}, 10000);
  EXPECT_EQ(Change(&ChangeByRoundValue, "t1"), "t1:1");
  EXPECT_EQ(Change(&ChangeByRoundValue, "t2"), "none");
  EXPECT_EQ(Change(&ChangeByRoundValue, "t3"), "none");
  options_.round_digits = 5;  // now 50000 is not round either
  EXPECT_EQ(Change(&ChangeByRoundValue, "t1"), "none");
}

// t1: 100 + 80 ──▶ 150 │ 25      only 25 < 80: t1:1
// t2: 100 + 80 ──▶ 90 │ 85       none below the smallest input
// t3: 100 ──▶ 60 │ 35            one input: both are smaller
TEST_F(ChangeHeuristicsTest, OptimalChange) {
  b_.Coinbase("c0", 0,
              {{"a", 100}, {"a", 80}, {"a", 100}, {"a", 80}, {"a", 100}});
  b_.Spend("t1", 600, {"c0:0", "c0:1"}, {{"b", 150}, {"c", 25}}, 5);
  b_.Spend("t2", 600, {"c0:2", "c0:3"}, {{"b", 90}, {"c", 85}}, 5);
  b_.Spend("t3", 600, {"c0:4"}, {{"b", 60}, {"c", 35}}, 5);
  EXPECT_EQ(Change(&ChangeByOptimalChange, "t1"), "t1:1");
  EXPECT_EQ(Change(&ChangeByOptimalChange, "t2"), "none");
  EXPECT_EQ(Change(&ChangeByOptimalChange, "t3"), "none");
}

// p1: a ──▶ shop 10 │ k1 85
// p2: k1 ──▶ shop 10 │ k2 70          1-in 2-out: continues the chain
// s1: shop + shop ──▶ hot 20          shop's sweep: 2 inputs
// So p1's change is p1:1. q1's two outputs are both spent by peel-shaped
// transactions: none. m1 has two inputs: none.
TEST_F(ChangeHeuristicsTest, PeelShape) {
  b_.Coinbase("c0", 0, {{"a", 100}, {"a", 100}, {"a", 50}, {"a", 50}});
  b_.Spend("p1", 600, {"c0:0"}, {{"shop", 10}, {"k1", 85}}, 5);
  b_.Spend("q1", 600, {"c0:1"}, {{"u", 45}, {"v", 50}}, 5);
  b_.Spend("m1", 600, {"c0:2", "c0:3"}, {{"w", 20}, {"w2", 75}}, 5);
  b_.Spend("p2", 1200, {"p1:1"}, {{"shop", 10}, {"k2", 70}}, 5);
  b_.Spend("q2", 1200, {"q1:0"}, {{"u2", 20}, {"u3", 20}}, 5);
  b_.Spend("q3", 1200, {"q1:1"}, {{"v2", 20}, {"v3", 25}}, 5);
  b_.Spend("m2", 1200, {"m1:1"}, {{"w3", 20}, {"w4", 50}}, 5);
  b_.Spend("s1", 1800, {"p1:0", "p2:0"}, {{"hot", 20}}, 0);
  EXPECT_EQ(Change(&ChangeByPeelShape, "p1"), "p1:1");
  EXPECT_EQ(Change(&ChangeByPeelShape, "p2"), "none");  // no continuation
  EXPECT_EQ(Change(&ChangeByPeelShape, "q1"), "none");
  EXPECT_EQ(Change(&ChangeByPeelShape, "m1"), "none");
}

// f1 (fee 7): ──▶ x 20 │ y 73; x spent with fee 3, y with fee 7: f1:1
// f2 (fee 0): same shape with fee 0 everywhere: none
// f3 (fee 7): both outputs spent with fee 7: none
TEST_F(ChangeHeuristicsTest, FixedFee) {
  b_.Coinbase("c0", 0, {{"a", 100}, {"a", 100}, {"a", 100}});
  b_.Spend("f1", 600, {"c0:0"}, {{"x", 20}, {"y", 73}}, 7);
  b_.Spend("f2", 600, {"c0:1"}, {{"x3", 20}, {"y3", 80}}, 0);
  b_.Spend("f3", 600, {"c0:2"}, {{"x5", 20}, {"y5", 73}}, 7);
  b_.Spend("f1x", 1200, {"f1:0"}, {{"x2", 17}}, 3);
  b_.Spend("f1y", 1200, {"f1:1"}, {{"y2", 66}}, 7);
  b_.Spend("f2x", 1200, {"f2:0"}, {{"x4", 20}}, 0);
  b_.Spend("f3x", 1200, {"f3:0"}, {{"x6", 13}}, 7);
  b_.Spend("f3y", 1200, {"f3:1"}, {{"y6", 66}}, 7);
  EXPECT_EQ(Change(&ChangeByFixedFee, "f1"), "f1:1");
  EXPECT_EQ(Change(&ChangeByFixedFee, "f2"), "none");
  EXPECT_EQ(Change(&ChangeByFixedFee, "f3"), "none");
}

// k1: outputs ascending (20, 73) from a p2wpkh input.
//   k1:0 spent by a transaction with outputs descending (9, 8);
//   k1:1 spent by one with outputs ascending (30, 36): k1:1.
// k2: both outputs spent by ascending transactions: none.
TEST_F(ChangeHeuristicsTest, ClientBehaviour) {
  b_.Coinbase("c0", 0, {{"a", 100}, {"a", 100}});
  b_.Spend("k1", 600, {"c0:0"}, {{"x", 20}, {"y", 73}}, 7);
  b_.Spend("k2", 600, {"c0:1"}, {{"x4", 20}, {"y4", 73}}, 7);
  b_.Spend("k1x", 1200, {"k1:0"}, {{"x2", 9}, {"x3", 8}}, 3);
  b_.Spend("k1y", 1200, {"k1:1"}, {{"y2", 30}, {"y3", 36}}, 7);
  b_.Spend("k2x", 1200, {"k2:0"}, {{"x5", 9}, {"x6", 10}}, 1);
  b_.Spend("k2y", 1200, {"k2:1"}, {{"y5", 30}, {"y6", 36}}, 7);
  EXPECT_EQ(Change(&ChangeByClientBehaviour, "k1"), "k1:1");
  EXPECT_EQ(Change(&ChangeByClientBehaviour, "k2"), "none");
}

TEST_F(ChangeHeuristicsTest, NothingOnAccountChainsOrSingleOutputs) {
  b_.Mint("g0", 0, {{"x", 100}});
  b_.Transfer("e1", 13, "x", {{"y", 60}, {"x", 30}}, 1);
  b_.Coinbase("c0", 0, {{"a", 100}});
  b_.Spend("t1", 600, {"c0:0"}, {{"a", 95}}, 5);
  first_credits_ = std::make_unique<FirstCredits>(b_.ledger());
  const ChangeContext ctx{&b_.ledger(), first_credits_.get(), {}};
  EXPECT_EQ(ChangeByAddressReuse(ctx, b_.eth(), TxId{1}), OutputId::kNone);
  EXPECT_EQ(Change(&ChangeByAddressReuse, "t1"), "none");
}

}  // namespace
}  // namespace chaintrace::trace
