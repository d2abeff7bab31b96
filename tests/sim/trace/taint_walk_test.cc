// The chain walk's rules: account-chain pools (order of arrival, token fees),
// stops at labelled services, attribution, max_hops, drop_fee_taint, seeds.

#include "sim/trace/taint_walk.h"

#include <gtest/gtest.h>

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

// An account that receives 50 clean, then 100 tainted, and spends 61
// (60 + fee 1), then the remaining 89:
//
//   g0 (coinbase): thief 100 (seed: all), carol 50
//   e1: carol ──50──▶ mule          (clean, arrives first)
//   e2: thief ──100─▶ mule          (tainted, arrives second)
//   e3: mule ──60──▶ dest, fee 1    (debit 61)
//   e4: mule ──89──▶ x              (debit 89, the rest)
constexpr char kMule[] = R"pb(
  transactions {
    id: "g0"
    chain: "eth"
    time: 0
    coinbase: true
    outputs { address: "thief" amount: 100 }
    outputs { address: "carol" amount: 50 }
  }
  transactions {
    id: "e1"
    chain: "eth"
    time: 13
    inputs { address: "carol" amount: 50 }
    outputs { address: "mule" amount: 50 }
  }
  transactions {
    id: "e2"
    chain: "eth"
    time: 26
    inputs { address: "thief" amount: 100 }
    outputs { address: "mule" amount: 100 }
  }
  transactions {
    id: "e3"
    chain: "eth"
    time: 39
    fee: 1
    inputs { address: "mule" amount: 61 }
    outputs { address: "dest" amount: 60 }
  }
  transactions {
    id: "e4"
    chain: "eth"
    time: 52
    inputs { address: "mule" amount: 89 }
    outputs { address: "x" amount: 89 }
  }
)pb";

struct PoolCase {
  std::string model;
  Amount dest, fee, x;
};

// Readable test names in failures.
void PrintTo(const PoolCase& c, std::ostream* os) { *os << c.model; }

class AccountPoolTest : public ::testing::TestWithParam<PoolCase> {};

TEST_P(AccountPoolTest, OrderOfArrival) {
  const PoolCase& c = GetParam();
  const LedgerFile file =
      ParseLedger(std::string(testing_util::kEthHeader) + kMule);
  const TraceResult r =
      RunTracer(c.model, file, {SeedOf(file.ledger, "g0", 0, 100)});
  EXPECT_EQ(TaintOf(r, file.ledger, "e1", 0), 0);
  EXPECT_EQ(TaintOf(r, file.ledger, "e2", 0), 100);
  EXPECT_EQ(TaintOf(r, file.ledger, "e3", 0), c.dest);
  EXPECT_EQ(FeeTaintOf(r, file.ledger, "e3"), c.fee);
  EXPECT_EQ(TaintOf(r, file.ledger, "e4", 0), c.x);
  EXPECT_EQ(
      r.chains[0].output_hop[Index(testing_util::Out(file.ledger, "e3", 0))],
      c.dest > 0 ? 2 : -1);
}

// FIFO: the 50 clean leave first, then 11 tainted (10 to dest, 1 to the
// fee); 89 tainted remain. LIFO: the newest 100 tainted leave first; 39
// tainted and 50 clean remain. Haircut: 100/150 of 61 is 40.67, rounded to
// 41 (largest remainder), split 40 + 1 over dest and fee; 59 remain.
// TIHO/seniority: taint first, 61 then the 39 left.
const PoolCase kPoolCases[] = {
    {"poison", 60, 1, 89}, {"haircut", 40, 1, 59}, {"fifo", 10, 1, 89},
    {"lifo", 60, 1, 39},   {"tiho", 60, 1, 39},    {"seniority", 60, 1, 39},
};

INSTANTIATE_TEST_SUITE_P(
    EveryModel, AccountPoolTest, ::testing::ValuesIn(kPoolCases),
    [](const ::testing::TestParamInfo<PoolCase>& param_info) {
      return param_info.param.model;
    });

// A token transfer pays its fee in ETH from the sender's ETH pool; the
// token taint goes to the credits only.
//
//   g0 (coinbase ETH):  thief 10 (seed: all)
//   g1 (coinbase USDT): thief 1000 (seed: 400)
//   u1: thief ──1000 USDT──▶ dex, fee 1 ETH
//   e1: thief ──9 ETH──▶ y
TEST(TaintWalk, TokenTransferPaysTheFeeFromTheNativePool) {
  const LedgerFile file =
      ParseLedger(std::string(testing_util::kEthHeader) + R"pb(
        transactions {
          id: "g0"
          chain: "eth"
          time: 0
          coinbase: true
          outputs { address: "thief" amount: 10 }
        }
        transactions {
          id: "g1"
          chain: "eth"
          time: 0
          coinbase: true
          asset: "USDT"
          outputs { address: "thief" amount: 1000 }
        }
        transactions {
          id: "u1"
          chain: "eth"
          time: 13
          fee: 1
          asset: "USDT"
          inputs { address: "thief" amount: 1000 }
          outputs { address: "dex" amount: 1000 }
        }
        transactions {
          id: "e1"
          chain: "eth"
          time: 26
          inputs { address: "thief" amount: 9 }
          outputs { address: "y" amount: 9 }
        }
      )pb");
  const std::vector<Seed> seeds = {SeedOf(file.ledger, "g0", 0, 10),
                                   SeedOf(file.ledger, "g1", 0, 400)};
  for (const char* model : {"haircut", "fifo", "seniority"}) {
    const TraceResult r = RunTracer(model, file, seeds);
    EXPECT_EQ(TaintOf(r, file.ledger, "u1", 0), 400) << model;
    EXPECT_EQ(FeeTaintOf(r, file.ledger, "u1"), 1) << model;
    EXPECT_EQ(r.chains[0]
                  .input_taint[Index(testing_util::FirstIn(file.ledger, "u1"))],
              400)
        << model;
    EXPECT_EQ(TaintOf(r, file.ledger, "e1", 0), 9) << model;
  }
}

// Labelled services: taint stops at an exchange deposit (attributed, not
// passed on) and flows through a mixer (attributed, passed on).
//
//   c0 ─── 0: thief 10 (seed: all) ──▶ t1 ─┬─ 0: mixer_in 6 ──▶ t2 ─── 0:
//   dep2 5.99
//                                          └─ 1: dep1 4 ──▶ t3 ─── 0: hot 3.99
//   fees 0 on t1, 0.01 on t2 and t3; dep1, dep2: exchange "kr" deposits;
//   mixer_in: mixer "tumbler"; hot: unlabelled.
constexpr char kServices[] = R"pb(
  transactions {
    id: "c0"
    chain: "btc"
    time: 0
    coinbase: true
    outputs { address: "thief" amount: 1000000000 }
  }
  transactions {
    id: "t1"
    chain: "btc"
    time: 600
    inputs { tx: "c0" index: 0 }
    outputs { address: "mixer_in" amount: 600000000 }
    outputs { address: "dep1" amount: 400000000 }
  }
  transactions {
    id: "t2"
    chain: "btc"
    time: 1200
    fee: 1000000
    inputs { tx: "t1" index: 0 }
    outputs { address: "dep2" amount: 599000000 }
  }
  transactions {
    id: "t3"
    chain: "btc"
    time: 1800
    fee: 1000000
    inputs { tx: "t1" index: 1 }
    outputs { address: "hot" amount: 399000000 }
  }
  labels {
    address: "dep1"
    chain: "btc"
    kind: LABEL_EXCHANGE_DEPOSIT
    service: "kr"
  }
  labels {
    address: "dep2"
    chain: "btc"
    kind: LABEL_EXCHANGE_DEPOSIT
    service: "kr"
  }
  labels {
    address: "mixer_in"
    chain: "btc"
    kind: LABEL_MIXER
    service: "tumbler"
  }
)pb";

TEST(TaintWalk, StopsAtExchangesPassesThroughMixersAndAttributes) {
  const LedgerFile file =
      ParseLedger(std::string(testing_util::kBtcHeader) + kServices);
  const Ledger& l = file.ledger;
  const TraceResult r =
      RunTracer("haircut", file, {SeedOf(l, "c0", 0, 10 * 100000000)});
  EXPECT_EQ(TaintOf(r, l, "t1", 1), 400000000);  // at the deposit
  EXPECT_EQ(TaintOf(r, l, "t3", 0), 0);          // stopped there
  EXPECT_EQ(r.chains[0].input_taint[Index(testing_util::FirstIn(l, "t3"))], 0);
  EXPECT_EQ(TaintOf(r, l, "t2", 0), 599000000);  // through the mixer
  const ServiceId kr = file.labels.FindService("kr");
  const ServiceId tumbler = file.labels.FindService("tumbler");
  const AssetId btc = l.chain(IdFromIndex<ChainId>(0)).native_asset;
  ASSERT_LT(kr, tumbler);  // attributions are sorted by service
  const std::vector<Attribution> expected = {{kr, btc, 400000000 + 599000000},
                                             {tumbler, btc, 600000000}};
  EXPECT_EQ(r.attributions, expected);
  const auto flagged = [&](std::string_view name) {
    return r
        .address_flagged[Index(l.FindAddress(IdFromIndex<ChainId>(0), name))];
  };
  EXPECT_EQ(flagged("thief"), 1);
  EXPECT_EQ(flagged("dep1"), 1);
  EXPECT_EQ(flagged("dep2"), 1);
  EXPECT_EQ(flagged("hot"), 0);
}

TEST(TaintWalk, MaxHopsCutsTheTrace) {
  const LedgerFile file =
      ParseLedger(std::string(testing_util::kBtcHeader) + kServices);
  const Ledger& l = file.ledger;
  TracerOptions options;
  options.max_hops = 1;
  const TraceResult r =
      RunTracer("poison", file, {SeedOf(l, "c0", 0, 1000000000)}, options);
  EXPECT_EQ(TaintOf(r, l, "t1", 0), 600000000);  // hop 1
  EXPECT_EQ(TaintOf(r, l, "t2", 0), 0);          // hop 2: cut
  EXPECT_EQ(r.chains[0].output_hop[Index(testing_util::Out(l, "t2", 0))], -1);
  EXPECT_EQ(r.max_hop, 1);
  options.max_hops = 2;
  const TraceResult r2 =
      RunTracer("poison", file, {SeedOf(l, "c0", 0, 1000000000)}, options);
  EXPECT_EQ(TaintOf(r2, l, "t2", 0), 599000000);
  EXPECT_EQ(r2.max_hop, 2);
}

TEST(TaintWalk, DropFeeTaintDropsOnlyTheFeeShare) {
  const LedgerFile file =
      ParseLedger(std::string(testing_util::kBtcHeader) + kServices);
  const Ledger& l = file.ledger;
  const std::vector<Seed> seeds = {SeedOf(l, "c0", 0, 1000000000)};
  for (const std::string& model : testing_util::TaintModelNames()) {
    TracerOptions drop;
    drop.drop_fee_taint = true;
    const TraceResult kept = RunTracer(model, file, seeds);
    const TraceResult dropped = RunTracer(model, file, seeds, drop);
    EXPECT_EQ(FeeTaintOf(kept, l, "t2"), 1000000) << model;
    EXPECT_EQ(FeeTaintOf(dropped, l, "t2"), 0) << model;
    EXPECT_EQ(kept.chains[0].output_taint, dropped.chains[0].output_taint)
        << model;
  }
}

TEST(TaintWalk, SeedSetsItsOutputAndBadSeedsAreErrors) {
  const LedgerFile file =
      ParseLedger(std::string(testing_util::kBtcHeader) + kServices);
  const Ledger& l = file.ledger;
  // A seed downstream of another overrides what reached it.
  const TraceResult r =
      RunTracer("haircut", file,
                {SeedOf(l, "c0", 0, 500000000), SeedOf(l, "t1", 0, 600000000)});
  EXPECT_EQ(TaintOf(r, l, "t1", 0), 600000000);
  EXPECT_EQ(r.chains[0].output_hop[Index(testing_util::Out(l, "t1", 0))], 0);
  EXPECT_EQ(TaintOf(r, l, "t1", 1), 200000000);

  std::vector<Seed> too_much = {SeedOf(l, "c0", 0, 1000000001)};
  auto result =
      TraceTaint(TaintModel::kFifo, {}, TraceInput{&l, too_much, &file.labels});
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.message().find("exceeds"), std::string::npos)
      << result.message();
  std::vector<Seed> missing = {
      Seed{IdFromIndex<ChainId>(0), IdFromIndex<OutputId>(99), 1, ""}};
  result = TraceTaint(TaintModel::kFifo, {}, TraceInput{&l, missing, nullptr});
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.message().find("no such output"), std::string::npos);
  std::vector<Seed> no_chain = {
      Seed{IdFromIndex<ChainId>(3), IdFromIndex<OutputId>(0), 1, ""}};
  result = TraceTaint(TaintModel::kFifo, {}, TraceInput{&l, no_chain, nullptr});
  EXPECT_FALSE(result.ok());
}

TEST(TaintWalk, TheftsOfTheLedgerAreTheDefaultSeeds) {
  const LedgerFile file =
      ParseLedger(std::string(testing_util::kBtcHeader) + kServices + R"pb(
        thefts {
          attack: "h"
          chain: "btc"
          tx: "c0"
          index: 0
          asset: "BTC"
          amount: 1000000000
        }
      )pb");
  const std::vector<Seed> seeds = SeedsFromThefts(file.ledger);
  ASSERT_EQ(seeds.size(), 1U);
  const TraceResult r = RunTracer("fifo", file, seeds);
  EXPECT_EQ(TaintOf(r, file.ledger, "t2", 0), 599000000);
}

}  // namespace
}  // namespace chaintrace::trace
