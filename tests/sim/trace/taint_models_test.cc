// Hand-computed expectations for every taint model on tiny UTXO ledgers,
// in satoshi (1 BTC = 100000000).

#include <gtest/gtest.h>

#include <array>
#include <ostream>
#include <string>
#include <vector>

#include "tests/sim/trace/trace_test_util.h"

namespace chaintrace::trace {
namespace {

using testing_util::FeeTaintOf;
using testing_util::ParseLedger;
using testing_util::RunTracer;
using testing_util::SeedOf;
using testing_util::TaintOf;

constexpr Amount kBtc = 100000000;

// One transaction, inputs [3 BTC tainted, 7 BTC clean] in either order:
//
//   c0 ─┬─ 0: thief 3 BTC (seed: all 3) ─┐
//       └─ 1: alice 7 BTC ───────────────┤
//                                        ▼
//   t: inputs (thief, alice) or (alice, thief)
//      ─┬─ 0: a 2   BTC
//       ├─ 1: b 5   BTC
//       ├─ 2: c 2.9 BTC
//       └─ fee  0.1 BTC
std::string OneTx(bool tainted_first) {
  const std::string thief = R"pb(inputs { tx: "c0" index: 0 })pb";
  const std::string alice = R"pb(inputs { tx: "c0" index: 1 })pb";
  return std::string(testing_util::kBtcHeader) + R"pb(
           transactions {
             id: "c0"
             chain: "btc"
             time: 0
             coinbase: true
             outputs { address: "thief" amount: 300000000 }
             outputs { address: "alice" amount: 700000000 }
           }
           transactions { id: "t" chain: "btc" time: 600 fee: 10000000
         )pb" +
         (tainted_first ? thief + alice : alice + thief) +
         R"pb(
      outputs { address: "a" amount: 200000000 }
      outputs { address: "b" amount: 500000000 }
      outputs { address: "c" amount: 290000000 }
    }
         )pb";
}

struct OneTxCase {
  std::string model;
  bool tainted_first;
  std::array<Amount, 3> outputs;
  Amount fee;
};

// Readable test names in failures.
void PrintTo(const OneTxCase& c, std::ostream* os) { *os << c.model; }

class OneTxTest : public ::testing::TestWithParam<OneTxCase> {};

TEST_P(OneTxTest, ExactSatoshis) {
  const OneTxCase& c = GetParam();
  const LedgerFile file = ParseLedger(OneTx(c.tainted_first));
  const TraceResult r =
      RunTracer(c.model, file, {SeedOf(file.ledger, "c0", 0, 3 * kBtc)});
  for (std::uint32_t i = 0; i < 3; ++i) {
    EXPECT_EQ(TaintOf(r, file.ledger, "t", i), c.outputs[i]) << "output " << i;
  }
  EXPECT_EQ(FeeTaintOf(r, file.ledger, "t"), c.fee);
  EXPECT_EQ(TaintOf(r, file.ledger, "c0", 0), 3 * kBtc);
  EXPECT_EQ(TaintOf(r, file.ledger, "c0", 1), 0);
  EXPECT_EQ(r.max_hop, 1);
}

// Tainted first: FIFO and seniority fill a, then b; LIFO reaches the
// tainted input last, so it fills c and the fee; TIHO puts all on b (the
// largest). Clean first: FIFO and LIFO swap. Haircut: 30 % of everything.
const OneTxCase kOneTxCases[] = {
    {"poison", true, {200000000, 500000000, 290000000}, 10000000},
    {"poison", false, {200000000, 500000000, 290000000}, 10000000},
    {"haircut", true, {60000000, 150000000, 87000000}, 3000000},
    {"haircut", false, {60000000, 150000000, 87000000}, 3000000},
    {"fifo", true, {200000000, 100000000, 0}, 0},
    {"fifo", false, {0, 0, 290000000}, 10000000},
    {"lifo", true, {0, 0, 290000000}, 10000000},
    {"lifo", false, {200000000, 100000000, 0}, 0},
    {"tiho", true, {0, 300000000, 0}, 0},
    {"tiho", false, {0, 300000000, 0}, 0},
    {"seniority", true, {200000000, 100000000, 0}, 0},
    {"seniority", false, {200000000, 100000000, 0}, 0},
};

INSTANTIATE_TEST_SUITE_P(
    EveryModelBothOrders, OneTxTest, ::testing::ValuesIn(kOneTxCases),
    [](const ::testing::TestParamInfo<OneTxCase>& param_info) {
      return param_info.param.model +
             (param_info.param.tainted_first ? "_TaintedFirst" : "_CleanFirst");
    });

// A split, then two merges:
//
//   c0 ─┬─ 0: thief 10 BTC (seed: all) ──▶ s1
//       └─ 1: alice  6 BTC ─────────────────────────┐
//   s1 ─┬─ 0: a 4    ──────────────────▶ m1 ◀───────┘  (inputs a, alice)
//       ├─ 1: b 3    (unspent)          ├─ 0: d 7
//       ├─ 2: c 2.99 ─────────┐         ├─ 1: e 2.99 ──▶ m2 (inputs e, c)
//       └─ fee 0.01           │         └─ fee 0.01      ├─ 0: f 5.97
//                             └────────────────────────▶ └─ fee 0.01
constexpr char kSplitMerge[] = R"pb(
  transactions {
    id: "c0"
    chain: "btc"
    time: 0
    coinbase: true
    outputs { address: "thief" amount: 1000000000 }
    outputs { address: "alice" amount: 600000000 }
  }
  transactions {
    id: "s1"
    chain: "btc"
    time: 600
    fee: 1000000
    inputs { tx: "c0" index: 0 }
    outputs { address: "a" amount: 400000000 }
    outputs { address: "b" amount: 300000000 }
    outputs { address: "c" amount: 299000000 }
  }
  transactions {
    id: "m1"
    chain: "btc"
    time: 1200
    fee: 1000000
    inputs { tx: "s1" index: 0 }
    inputs { tx: "c0" index: 1 }
    outputs { address: "d" amount: 700000000 }
    outputs { address: "e" amount: 299000000 }
  }
  transactions {
    id: "m2"
    chain: "btc"
    time: 1800
    fee: 1000000
    inputs { tx: "m1" index: 1 }
    inputs { tx: "s1" index: 2 }
    outputs { address: "f" amount: 597000000 }
  }
)pb";

struct SplitMergeCase {
  std::string model;
  Amount d, e, m1_fee, f, m2_fee;
};

// Readable test names in failures.
void PrintTo(const SplitMergeCase& c, std::ostream* os) { *os << c.model; }

class SplitMergeTest : public ::testing::TestWithParam<SplitMergeCase> {};

TEST_P(SplitMergeTest, ExactSatoshis) {
  const SplitMergeCase& c = GetParam();
  const LedgerFile file =
      ParseLedger(std::string(testing_util::kBtcHeader) + kSplitMerge);
  const TraceResult r =
      RunTracer(c.model, file, {SeedOf(file.ledger, "c0", 0, 10 * kBtc)});
  const Ledger& l = file.ledger;
  // The split's input is wholly tainted: every model taints it all.
  EXPECT_EQ(TaintOf(r, l, "s1", 0), 400000000);
  EXPECT_EQ(TaintOf(r, l, "s1", 1), 300000000);
  EXPECT_EQ(TaintOf(r, l, "s1", 2), 299000000);
  EXPECT_EQ(FeeTaintOf(r, l, "s1"), 1000000);
  EXPECT_EQ(TaintOf(r, l, "m1", 0), c.d);
  EXPECT_EQ(TaintOf(r, l, "m1", 1), c.e);
  EXPECT_EQ(FeeTaintOf(r, l, "m1"), c.m1_fee);
  EXPECT_EQ(TaintOf(r, l, "m2", 0), c.f);
  EXPECT_EQ(FeeTaintOf(r, l, "m2"), c.m2_fee);
  // f is two transactions from the seed through c.
  EXPECT_EQ(r.max_hop, 2);
}

// m1 haircut: 4/10 of 7, 2.99 and 0.01 BTC. m2 haircut: e carries
// 1.196 BTC and c 2.99, 4.186 BTC over 5.98: f gets 4.186 * 5.97 / 5.98 =
// 4.179 BTC, the fee 0.007. m1 LIFO spends alice's clean 6 BTC into d
// first, so 1 BTC of d, all of e and the fee are tainted.
const SplitMergeCase kSplitMergeCases[] = {
    {"poison", 700000000, 299000000, 1000000, 597000000, 1000000},
    {"haircut", 280000000, 119600000, 400000, 417900000, 700000},
    {"fifo", 400000000, 0, 0, 298000000, 1000000},
    {"lifo", 100000000, 299000000, 1000000, 597000000, 1000000},
    {"tiho", 400000000, 0, 0, 299000000, 0},
    {"seniority", 400000000, 0, 0, 299000000, 0},
};

INSTANTIATE_TEST_SUITE_P(
    EveryModel, SplitMergeTest, ::testing::ValuesIn(kSplitMergeCases),
    [](const ::testing::TestParamInfo<SplitMergeCase>& param_info) {
      return param_info.param.model;
    });

// Rounding: 10 tainted units over outputs 7, 11, 11 and fee 1 (of 30).
// Exact shares 2.33, 3.67, 3.67, 0.33: floors 2, 3, 3, 0 and the two units
// left go to the largest remainders (the two 11s).
//
//   c0 ─┬─ 0: thief 10 (seed: 10) ─┐
//       └─ 1: alice 20 ────────────┴▶ t ─┬─ 7, 11, 11
//                                        └─ fee 1
TEST(Haircut, RoundsByLargestRemainder) {
  const LedgerFile file =
      ParseLedger(std::string(testing_util::kBtcHeader) +
                  R"pb(
                    transactions {
                      id: "c0"
                      chain: "btc"
                      time: 0
                      coinbase: true
                      outputs { address: "thief" amount: 10 }
                      outputs { address: "alice" amount: 20 }
                    }
                    transactions {
                      id: "t"
                      chain: "btc"
                      time: 600
                      fee: 1
                      inputs { tx: "c0" index: 0 }
                      inputs { tx: "c0" index: 1 }
                      outputs { address: "a" amount: 7 }
                      outputs { address: "b" amount: 11 }
                      outputs { address: "c" amount: 11 }
                    }
                  )pb");
  const TraceResult r =
      RunTracer("haircut", file, {SeedOf(file.ledger, "c0", 0, 10)});
  EXPECT_EQ(TaintOf(r, file.ledger, "t", 0), 2);
  EXPECT_EQ(TaintOf(r, file.ledger, "t", 1), 4);
  EXPECT_EQ(TaintOf(r, file.ledger, "t", 2), 4);
  EXPECT_EQ(FeeTaintOf(r, file.ledger, "t"), 0);
  // The real-valued fraction, from the linear system: 10 / 30.
  ASSERT_EQ(r.chains[0].output_score.size(), 5U);
  EXPECT_FLOAT_EQ(
      r.chains[0].output_score[Index(testing_util::Out(file.ledger, "t", 1))],
      1.0F / 3.0F);
}

// A partly tainted input split over several outputs: FIFO gives each slice
// its share of the input's taint. Input 10 with 5 tainted fills 3, 3, 3 and
// 1 unit of the last output: shares 1.5, 1.5, 1.5, 0.5, floors 1, 1, 1, 0,
// the two units left go to the first two (equal remainders, lower index).
TEST(Fifo, PartlyTaintedInputSplitsByLargestRemainder) {
  const LedgerFile file =
      ParseLedger(std::string(testing_util::kBtcHeader) +
                  R"pb(
                    transactions {
                      id: "c0"
                      chain: "btc"
                      time: 0
                      coinbase: true
                      outputs { address: "thief" amount: 10 }
                      outputs { address: "alice" amount: 20 }
                    }
                    transactions {
                      id: "t"
                      chain: "btc"
                      time: 600
                      fee: 1
                      inputs { tx: "c0" index: 0 }
                      inputs { tx: "c0" index: 1 }
                      outputs { address: "a" amount: 3 }
                      outputs { address: "b" amount: 3 }
                      outputs { address: "c" amount: 3 }
                      outputs { address: "d" amount: 20 }
                    }
                  )pb");
  const TraceResult r =
      RunTracer("fifo", file, {SeedOf(file.ledger, "c0", 0, 5)});
  EXPECT_EQ(TaintOf(r, file.ledger, "t", 0), 2);
  EXPECT_EQ(TaintOf(r, file.ledger, "t", 1), 2);
  EXPECT_EQ(TaintOf(r, file.ledger, "t", 2), 1);
  EXPECT_EQ(TaintOf(r, file.ledger, "t", 3), 0);
  EXPECT_EQ(FeeTaintOf(r, file.ledger, "t"), 0);
}

}  // namespace
}  // namespace chaintrace::trace
