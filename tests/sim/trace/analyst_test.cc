#include "sim/trace/analyst.h"

#include <gtest/gtest.h>

#include <vector>

#include "sim/trace/registry.h"
#include "tests/sim/trace/ledger_builder.h"

namespace chaintrace::trace {
namespace {

using testing::LedgerBuilder;

// A theft laundered across both chains (BTC and WBTC amounts in 10^-8):
//
//  btc  theft  hot ─▶ thief 9 990 000                               (seed)
//       p1     thief ─▶ dep_kr 1 000 000 ["kr" deposit] │ k1 8 980 000
//       p2     k1 ─▶ dep_jp 2 000 000 (unlabelled) │ k2 6 970 000
//       sweep  dep_jp + jp_w ["jp" wallet] ─▶ jp_cold   (dep_jp is jp's by
//              multi-input clustering: the analyst stops at dep_jp)
//       lock   k2 ─▶ bb 6 960 000 ["portal" bridge]
//  eth  rel    be ["portal"] ─▶ k3 6 900 000 WBTC
//       d1     k3 ─▶ tc 1 000 000 ["tornado" mixer pool]
//       o1     k3 ─▶ otc 5 900 000 ["desk" OTC]
//       w1     tc ─▶ w 995 000 │ relayer 5 000       (the only withdrawal)
//       cash   w ─▶ dep_eth 995 000 ["kr" deposit]
// Fees: 10 000 sat per BTC transaction, 1 gwei per ETH transaction.
class AnalystTest : public ::testing::Test {
 protected:
  void SetUp() override {
    wbtc_ = b_.AddToken("WBTC", 8, {{0, 30000.0}});
    b_.Coinbase("c0", 0, {{"hot", 10000000}, {"jp_w", 100}, {"bg", 500}});
    b_.Spend("theft", 600, {"c0:0"}, {{"thief", 9990000}}, 10000);
    b_.Spend("p1", 1200, {"theft:0"}, {{"dep_kr", 1000000}, {"k1", 8980000}},
             10000);
    b_.Spend("p2", 1800, {"p1:1"}, {{"dep_jp", 2000000}, {"k2", 6970000}},
             10000);
    b_.Spend("sweep", 2400, {"p2:0", "c0:1"}, {{"jp_cold", 1990100}}, 10000);
    b_.Spend("lock", 3000, {"p2:1"}, {{"bb", 6960000}}, 10000);
    b_.Mint("g0", 0, {{"be", 100000000}}, wbtc_);
    b_.Mint("g1", 0, {{"k3", 1000}, {"tc", 1000}});  // gas money
    b_.Transfer("rel", 3600, "be", {{"k3", 6900000}}, 1, wbtc_);
    b_.Transfer("d1", 4000, "k3", {{"tc", 1000000}}, 1, wbtc_);
    b_.Transfer("o1", 4100, "k3", {{"otc", 5900000}}, 1, wbtc_);
    b_.Transfer("w1", 4500, "tc", {{"w", 995000}, {"relayer", 5000}}, 1, wbtc_);
    b_.Transfer("cash", 5000, "w", {{"dep_eth", 995000}}, 1, wbtc_);
    b_.Label(b_.btc(), "dep_kr", "kr", common::LABEL_EXCHANGE_DEPOSIT);
    b_.Label(b_.btc(), "jp_w", "jp", common::LABEL_EXCHANGE_WALLET);
    b_.Label(b_.btc(), "bb", "portal", common::LABEL_BRIDGE);
    b_.Label(b_.eth(), "be", "portal", common::LABEL_BRIDGE);
    b_.Label(b_.eth(), "tc", "tornado", common::LABEL_MIXER);
    b_.Label(b_.eth(), "otc", "desk", common::LABEL_OTC);
    b_.Label(b_.eth(), "dep_eth", "kr", common::LABEL_EXCHANGE_DEPOSIT);
    b_.Theft(b_.btc(), "theft:0");
  }
  TraceResult Run(int max_hops) {
    auto r = MakeAnalystTracer({max_hops, false})->Trace(b_.Input());
    EXPECT_TRUE(r.ok()) << r.message();
    return r.ok() ? *r : TraceResult{};
  }
  Amount Taint(const TraceResult& r, ChainId c, std::string_view ref) {
    return r.chains[Index(c)].output_taint[Index(b_.Out(c, ref))];
  }
  std::int32_t Hop(const TraceResult& r, ChainId c, std::string_view ref) {
    return r.chains[Index(c)].output_hop[Index(b_.Out(c, ref))];
  }
  LedgerBuilder b_;
  AssetId wbtc_;
};

TEST_F(AnalystTest, FollowsToTheServicesThatReceivedTheFunds) {
  const TraceResult r = Run(0);
  const ServiceId kr = b_.service("kr");
  const ServiceId jp = b_.service("jp");
  const ServiceId desk = b_.service("desk");
  EXPECT_EQ(r.attributions, (std::vector<Attribution>{
                                {kr, b_.btc_asset(), 1000000},
                                {kr, wbtc_, 995000},
                                {jp, b_.btc_asset(), 2000000},
                                {desk, wbtc_, 5900000},
                            }));
  const ChainId btc = b_.btc();
  const ChainId eth = b_.eth();
  EXPECT_EQ(Taint(r, btc, "theft:0"), 9990000);
  EXPECT_EQ(Taint(r, btc, "p1:1"), 8980000);
  EXPECT_EQ(Taint(r, btc, "p2:0"), 2000000);
  EXPECT_EQ(Taint(r, btc, "sweep:0"), 0);  // stopped at jp's deposit
  EXPECT_EQ(Taint(r, btc, "lock:0"), 6960000);
  EXPECT_EQ(Taint(r, btc, "c0:2"), 0);
  EXPECT_EQ(Taint(r, eth, "rel:0"), 6900000);
  EXPECT_EQ(Taint(r, eth, "d1:0"), 1000000);
  EXPECT_EQ(Taint(r, eth, "o1:0"), 5900000);
  EXPECT_EQ(Taint(r, eth, "w1:0"), 995000);
  EXPECT_EQ(Taint(r, eth, "w1:1"), 0);  // the relayer is not followed
  EXPECT_EQ(Taint(r, eth, "cash:0"), 995000);
  EXPECT_EQ(Hop(r, btc, "theft:0"), 0);
  EXPECT_EQ(Hop(r, btc, "lock:0"), 3);
  EXPECT_EQ(Hop(r, eth, "rel:0"), 4);
  EXPECT_EQ(Hop(r, eth, "w1:0"), 6);
  EXPECT_EQ(Hop(r, eth, "cash:0"), 7);
  EXPECT_EQ(r.max_hop, 7);
  EXPECT_TRUE(r.address_cluster.empty());
  EXPECT_EQ(r.address_flagged[Index(b_.Address(eth, "w"))], 1);
  EXPECT_EQ(r.address_flagged[Index(b_.Address(btc, "jp_cold"))], 0);
  EXPECT_EQ(r.address_flagged[Index(b_.Address(btc, "bg"))], 0);
}

TEST_F(AnalystTest, RespectsTheHopLimit) {
  // Three hops reach the bridge but may not cross it: the value is left
  // with the bridge.
  const TraceResult three = Run(3);
  EXPECT_EQ(three.attributions,
            (std::vector<Attribution>{
                {b_.service("kr"), b_.btc_asset(), 1000000},
                {b_.service("jp"), b_.btc_asset(), 2000000},
                {b_.service("portal"), b_.btc_asset(), 6960000},
            }));
  EXPECT_EQ(three.max_hop, 3);
  EXPECT_EQ(Taint(three, b_.eth(), "rel:0"), 0);
  // One hop: only the first peel is attributed.
  const TraceResult one = Run(1);
  EXPECT_EQ(one.attributions, (std::vector<Attribution>{
                                  {b_.service("kr"), b_.btc_asset(), 1000000},
                              }));
  EXPECT_EQ(Taint(one, b_.btc(), "p1:1"), 8980000);
  EXPECT_EQ(Taint(one, b_.btc(), "p2:1"), 0);
}

TEST_F(AnalystTest, WithoutLabelsNothingIsAttributed) {
  TraceInput in = b_.Input();
  in.labels = nullptr;
  auto r = MakeAnalystTracer({})->Trace(in);
  ASSERT_TRUE(r.ok()) << r.message();
  EXPECT_TRUE(r->attributions.empty());
  // The trail stops at the unlabelled bridge lock (nothing to match with).
  EXPECT_EQ(r->chains[Index(b_.btc())]
                .output_taint[Index(b_.Out(b_.btc(), "lock:0"))],
            6960000);
  EXPECT_EQ(
      r->chains[Index(b_.eth())].output_taint[Index(b_.Out(b_.eth(), "rel:0"))],
      0);
}

// Every tracer of this branch gives byte-identical results on a rerun, and
// each one's result is shaped as tracer.h promises.
TEST_F(AnalystTest, EveryFollowerIsDeterministicAndWellShaped) {
  for (const char* name :
       {"multi_input", "change", "deposit_cluster", "peel_follower",
        "mixer_demix", "bridge_match", "analyst"}) {
    auto tracer = MakeTracer(name, {});
    ASSERT_TRUE(tracer.ok()) << tracer.message();
    EXPECT_EQ((*tracer)->name(), name);
    auto a = (*tracer)->Trace(b_.Input());
    auto b = (*tracer)->Trace(b_.Input());
    ASSERT_TRUE(a.ok() && b.ok()) << name;
    EXPECT_TRUE(*a == *b) << name;
    ASSERT_EQ(a->chains.size(), b_.ledger().chain_count()) << name;
    for (ChainId c : b_.ledger().chain_ids()) {
      const ChainTrace& ct = a->chains[Index(c)];
      const TxStore& s = b_.ledger().txs(c);
      ASSERT_EQ(ct.output_taint.size(), s.output_count()) << name;
      for (OutputId o : IdRange<OutputId>(0, s.output_count())) {
        EXPECT_GE(ct.output_taint[Index(o)], 0) << name;
        EXPECT_LE(ct.output_taint[Index(o)], s.output_amount(o)) << name;
      }
    }
    EXPECT_EQ(a->address_flagged.size(), b_.ledger().address_count());
    for (std::size_t i = 1; i < a->attributions.size(); ++i) {
      const Attribution& x = a->attributions[i - 1];
      const Attribution& y = a->attributions[i];
      EXPECT_TRUE(x.service < y.service ||
                  (x.service == y.service && x.asset < y.asset))
          << name;
    }
    // The seed itself is always flagged at hop 0.
    EXPECT_EQ(a->chains[Index(b_.btc())]
                  .output_hop[Index(b_.Out(b_.btc(), "theft:0"))],
              0)
        << name;
  }
}

}  // namespace
}  // namespace chaintrace::trace
