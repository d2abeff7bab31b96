// The Eigen linear system agrees with the integer haircut walk up to
// rounding, and gives exact fractions on a hand-drawn ledger.

#include "sim/trace/haircut_system.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "tests/sim/trace/trace_test_util.h"

namespace chaintrace::trace {
namespace {

using testing_util::MakeRandomLedger;
using testing_util::Out;
using testing_util::ParseLedger;
using testing_util::RunTracer;
using testing_util::SeedOf;

//   c0 ─┬─ 0: thief 30 (seed: 30) ─┐
//       └─ 1: alice 70 ────────────┴▶ t1 ─┬─ 0: a 50 ──┐
//                                         └─ 1: b 50   │   c0 ─ 2: bob 50
//                                                      └──────────┴▶ t2 ── 0: c
//                                                      100
// t1 is 30 % tainted, t2 15 %.
TEST(HaircutFractions, HandDrawnChain) {
  const LedgerFile file =
      ParseLedger(std::string(testing_util::kBtcHeader) +
                  R"pb(
                    transactions {
                      id: "c0"
                      chain: "btc"
                      time: 0
                      coinbase: true
                      outputs { address: "thief" amount: 30 }
                      outputs { address: "alice" amount: 70 }
                      outputs { address: "bob" amount: 50 }
                    }
                    transactions {
                      id: "t1"
                      chain: "btc"
                      time: 600
                      inputs { tx: "c0" index: 0 }
                      inputs { tx: "c0" index: 1 }
                      outputs { address: "a" amount: 50 }
                      outputs { address: "b" amount: 50 }
                    }
                    transactions {
                      id: "t2"
                      chain: "btc"
                      time: 1200
                      inputs { tx: "t1" index: 0 }
                      inputs { tx: "c0" index: 2 }
                      outputs { address: "c" amount: 100 }
                    }
                  )pb");
  const Ledger& l = file.ledger;
  const std::vector<Seed> seeds = {SeedOf(l, "c0", 0, 30)};
  const std::vector<float> f = HaircutFractions(
      TraceInput{&l, seeds, &file.labels}, IdFromIndex<ChainId>(0), {});
  EXPECT_FLOAT_EQ(f[Index(Out(l, "c0", 0))], 1.0F);
  EXPECT_FLOAT_EQ(f[Index(Out(l, "c0", 1))], 0.0F);
  EXPECT_FLOAT_EQ(f[Index(Out(l, "t1", 0))], 0.3F);
  EXPECT_FLOAT_EQ(f[Index(Out(l, "t1", 1))], 0.3F);
  EXPECT_FLOAT_EQ(f[Index(Out(l, "t2", 0))], 0.15F);
}

// On random ledgers of both chain models, the integer taint is the
// fraction times the amount, up to rounding (at most one unit per output
// per hop, plus float precision).
TEST(HaircutFractions, AgreeWithTheIntegerWalk) {
  for (int k = 0; k < 20; ++k) {
    for (bool utxo : {true, false}) {
      const auto random =
          MakeRandomLedger(static_cast<std::uint64_t>(100 + k), utxo);
      const TraceResult r = RunTracer("haircut", random.file, random.seeds);
      const TxStore& s = random.file.ledger.txs(IdFromIndex<ChainId>(0));
      const ChainTrace& t = r.chains[0];
      ASSERT_EQ(t.output_score.size(), s.output_count());
      for (OutputId o : IdRange<OutputId>(0, s.output_count())) {
        const double amount = static_cast<double>(s.output_amount(o));
        const double real =
            static_cast<double>(t.output_score[Index(o)]) * amount;
        const double hops = std::max(1, t.output_hop[Index(o)] + 1);
        EXPECT_LE(
            std::abs(real - static_cast<double>(t.output_taint[Index(o)])),
            2.0 * hops + 1e-6 * amount + 1.0)
            << (utxo ? "utxo" : "account") << " ledger " << k << " output "
            << Index(o);
      }
    }
  }
}

}  // namespace
}  // namespace chaintrace::trace
