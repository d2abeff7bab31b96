#include "sim/trace/service_match.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "sim/trace/bridge_match.h"
#include "tests/sim/trace/ledger_builder.h"

namespace chaintrace::trace {
namespace {

using testing::LedgerBuilder;

// "in tx:index -> out tx:index (method)" for every matched transfer in.
std::vector<std::string> Matches(const LedgerBuilder& b,
                                 const ServiceMatchOptions& options) {
  const ServiceMatching m =
      MatchServiceTransfers(b.ledger(), b.labels(), options);
  const auto name = [&](const ServiceTransfer& t) {
    const TxStore& s = b.ledger().txs(t.chain);
    return std::string(s.txid(s.output_tx(t.output))) + ":" +
           std::to_string(s.output_index(t.output));
  };
  std::vector<std::string> out;
  for (std::size_t i = 0; i < m.ins.size(); ++i) {
    if (m.out_of_in[i] == ServiceMatching::kNoMatch) continue;
    const char* how[] = {"address", "value", "timing"};
    out.push_back(name(m.ins[i]) + " -> " + name(m.outs[m.out_of_in[i]]) +
                  " (" + how[static_cast<int>(m.method_of_in[i])] + ")");
  }
  return out;
}

// Bridge "portal": lock address bb on btc, release address be on eth,
// paying WBTC (8 decimals, priced like BTC). Prices: BTC = WBTC = $30000.
//
//  btc                                     eth (releases from be, WBTC)
//  L1 t=600   thief ─▶ bb 1.0 BTC          t=1200 ─▶ r1 0.99
//  L2 t=700   u ─▶ bb 0.5 BTC              t=1300 ─▶ r2 0.495
//  L3 t=2000  k ─▶ bb 0.1 BTC              t=2050 ─▶ z 0.099, t=2100 ─▶ k 0.099
//  L4 t=5000  a1 ─▶ bb 0.2, L5 t=5010 a2 ─▶ bb 0.2
//                                          t=5100 ─▶ b1 0.198, t=5200 ─▶ b2
//                                          0.198
//  L6 t=9000  late ─▶ bb 0.3 BTC           t=9000+2 days ─▶ l 0.297
class BridgeTest : public ::testing::Test {
 protected:
  static constexpr Amount kBtc = 100000000;
  void SetUp() override {
    wbtc_ = b_.AddToken("WBTC", 8, {{0, 30000.0}});
    b_.Coinbase("c0", 0,
                {{"thief", kBtc},
                 {"u", kBtc / 2},
                 {"k", kBtc / 10},
                 {"a1", kBtc / 5},
                 {"a2", kBtc / 5},
                 {"late", 3 * kBtc / 10}});
    b_.Mint("g0", 0, {{"be", 10 * kBtc}}, wbtc_);
    b_.Spend("L1", 600, {"c0:0"}, {{"bb", kBtc}});
    b_.Spend("L2", 700, {"c0:1"}, {{"bb", kBtc / 2}});
    b_.Spend("L3", 2000, {"c0:2"}, {{"bb", kBtc / 10}});
    b_.Spend("L4", 5000, {"c0:3"}, {{"bb", kBtc / 5}});
    b_.Spend("L5", 5010, {"c0:4"}, {{"bb", kBtc / 5}});
    b_.Spend("L6", 9000, {"c0:5"}, {{"bb", 3 * kBtc / 10}});
    Release("R1", 1200, "r1", 99 * kBtc / 100);
    Release("R2", 1300, "r2", 99 * kBtc / 200);
    Release("Rz", 2050, "z", 99 * kBtc / 1000);
    Release("Rk", 2100, "k", 99 * kBtc / 1000);
    Release("Rb1", 5100, "b1", 198 * kBtc / 1000);
    Release("Rb2", 5200, "b2", 198 * kBtc / 1000);
    Release("Rl", 9000 + Seconds{2} * 86400, "l", 297 * kBtc / 1000);
    b_.Label(b_.btc(), "bb", "portal", common::LABEL_BRIDGE);
    b_.Label(b_.eth(), "be", "portal", common::LABEL_BRIDGE);
  }
  void Release(std::string_view id, Seconds t, std::string_view to,
               Amount amount) {
    b_.Transfer(id, t, "be", {{std::string(to), amount}}, 1, wbtc_);
  }
  LedgerBuilder b_;
  AssetId wbtc_;
};

TEST_F(BridgeTest, MatchesLocksToReleasesByValueAndAddress) {
  EXPECT_EQ(
      Matches(b_, BridgeMatchOptions()),
      (std::vector<std::string>{"L1:0 -> R1:0 (value)", "L2:0 -> R2:0 (value)",
                                "L3:0 -> Rk:0 (address)"}));
  // L4/L5 are ambiguous, L6's release comes after the one-day window.
  ServiceMatchOptions wide = BridgeMatchOptions();
  wide.window = Seconds{3} * 86400;
  const std::vector<std::string> m = Matches(b_, wide);
  EXPECT_NE(std::find(m.begin(), m.end(), "L6:0 -> Rl:0 (value)"), m.end());
}

TEST_F(BridgeTest, TracerCrossesTheBridge) {
  b_.Label(b_.eth(), "r1", "kr", common::LABEL_EXCHANGE_DEPOSIT);
  b_.Theft(b_.btc(), "c0:0");
  auto r = MakeBridgeMatchTracer({})->Trace(b_.Input());
  ASSERT_TRUE(r.ok()) << r.message();
  const OutputId lock = b_.Out(b_.btc(), "L1:0");
  const OutputId release = b_.Out(b_.eth(), "R1:0");
  EXPECT_EQ(r->chains[Index(b_.btc())].output_taint[Index(lock)], kBtc);
  EXPECT_EQ(r->chains[Index(b_.btc())].output_hop[Index(lock)], 1);
  const ChainTrace& eth = r->chains[Index(b_.eth())];
  EXPECT_EQ(eth.output_taint[Index(release)], 99 * kBtc / 100);
  EXPECT_EQ(eth.output_hop[Index(release)], 2);
  EXPECT_FLOAT_EQ(eth.output_score[Index(release)], 0.8f);
  EXPECT_EQ(eth.output_taint[Index(b_.Out(b_.eth(), "R2:0"))], 0);
  EXPECT_EQ(
      r->attributions,
      (std::vector<Attribution>{{b_.service("kr"), wbtc_, 99 * kBtc / 100}}));
  EXPECT_EQ(r->max_hop, 2);
}

// DEX "uni" pool on eth. ETH = $2000 (9 decimals), USDT = $1 (6), TKN has
// no price.
//  S1 t=100  t ─▶ pool 5 ETH           t=112  pool ─▶ t 10000 USDT   (address)
//  S2 t=200  u ─▶ pool 1000 USDT       t=212  pool ─▶ w 0.5 ETH      (value)
//                                      t=215  pool ─▶ x 0.2 ETH      (misfit)
//  S3 t=400  v ─▶ pool 500 TKN         t=410  pool ─▶ y 0.1 ETH      (timing)
//  S4 t=9000 p ─▶ pool 500 TKN, t=9001 q ─▶ pool 500 TKN
//                                      t=9010 ─▶ o1 0.1, t=9011 ─▶ o2 0.1
TEST(SwapTest, MatchesSwapLegsByAddressValueAndTiming) {
  LedgerBuilder b;
  const AssetId tkn = b.AddToken("TKN", 0, {});
  constexpr Amount kEth = 1000000000;
  b.Mint("g0", 0, {{"t", 10 * kEth}, {"pool", 100 * kEth}});
  b.Mint("g1", 0, {{"u", 1000000000}, {"pool", 100000000000}}, b.usdt());
  b.Mint("g2", 0, {{"v", 500}, {"p", 500}, {"q", 500}}, tkn);
  b.Transfer("S1", 100, "t", {{"pool", 5 * kEth}}, 1);
  b.Transfer("O1", 112, "pool", {{"t", 10000000000}}, 1, b.usdt());
  b.Transfer("S2", 200, "u", {{"pool", 1000000000}}, 1, b.usdt());
  b.Transfer("O2", 212, "pool", {{"w", kEth / 2}}, 1);
  b.Transfer("O3", 215, "pool", {{"x", kEth / 5}}, 1);
  b.Transfer("S3", 400, "v", {{"pool", 500}}, 1, tkn);
  b.Transfer("O4", 410, "pool", {{"y", kEth / 10}}, 1);
  b.Transfer("S4", 9000, "p", {{"pool", 500}}, 1, tkn);
  b.Transfer("S5", 9001, "q", {{"pool", 500}}, 1, tkn);
  b.Transfer("O5", 9010, "pool", {{"o1", kEth / 10}}, 1);
  b.Transfer("O6", 9011, "pool", {{"o2", kEth / 10}}, 1);
  b.Label(b.eth(), "pool", "uni", common::LABEL_DEX);
  EXPECT_EQ(Matches(b, SwapMatchOptions()),
            (std::vector<std::string>{"S1:0 -> O1:0 (address)",
                                      "S2:0 -> O2:0 (value)",
                                      "S3:0 -> O4:0 (timing)"}));
}

}  // namespace
}  // namespace chaintrace::trace
