#include "sim/trace/demix.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sim/trace/mixer_demix.h"
#include "tests/sim/trace/ledger_builder.h"

namespace chaintrace::trace {
namespace {

using testing::LedgerBuilder;

constexpr Amount kBig = 100000;   // the 100-unit pool p100
constexpr Amount kSmall = 10000;  // the 10-unit pool p10

// One ACCOUNT chain, two pools of the mixer "tornado" (p100, p10), window
// 1000 s. Withdrawals pay the recipient the deposit less a 0.5 % relayer
// cut. Five independent episodes, each > 1000 s from the next:
//
//  t=100   a ─▶ p100            p100 ─▶ x (t=400)   decoy
//                               p100 ─▶ a (t=500)   address match
//  t=2000  b ─▶ p100            p100 ─▶ w (t=2600)  the only candidate
//  t=4000  c1 ─▶ p100, t=4100 c2 ─▶ p100
//                               p100 ─▶ v1 (4500), p100 ─▶ v2 (4600)
//                               ambiguous: no links
//  t=6000  f1 ─▶ p100 (fee 77), t=6010 f2 ─▶ p100 (fee 21)
//                               p100 ─▶ g1 (6100, fee 21), ─▶ g2 (6200, fee 77)
//  t=8000  m ─▶ p100, m ─▶ p10, n ─▶ p100
//                               p100 ─▶ r, p10 ─▶ r, p100 ─▶ s
class DemixTest : public ::testing::Test {
 protected:
  void SetUp() override {
    b_.Mint("g0", 0,
            {{"a", kBig},
             {"b", kBig},
             {"c1", kBig},
             {"c2", kBig},
             {"f1", kBig},
             {"f2", kBig},
             {"m", kBig + kSmall},
             {"n", kBig}});
    for (const char* pool : {"p100", "p10"}) {
      b_.Label(b_.eth(), pool, "tornado", common::LABEL_MIXER);
    }
    Deposit("da", 100, "a", "p100", kBig);
    Withdraw("wx", 400, "p100", "x", kBig);
    Withdraw("wa", 500, "p100", "a", kBig);
    Deposit("db", 2000, "b", "p100", kBig);
    Withdraw("ww", 2600, "p100", "w", kBig);
    Deposit("dc1", 4000, "c1", "p100", kBig);
    Deposit("dc2", 4100, "c2", "p100", kBig);
    Withdraw("wv1", 4500, "p100", "v1", kBig);
    Withdraw("wv2", 4600, "p100", "v2", kBig);
    Deposit("df1", 6000, "f1", "p100", kBig, 77);
    Deposit("df2", 6010, "f2", "p100", kBig, 21);
    Withdraw("wg1", 6100, "p100", "g1", kBig, 21);
    Withdraw("wg2", 6200, "p100", "g2", kBig, 77);
    Deposit("dm1", 8000, "m", "p100", kBig);
    Deposit("dm2", 8010, "m", "p10", kSmall);
    Deposit("dn", 8020, "n", "p100", kBig);
    Withdraw("wr1", 8500, "p100", "r", kBig);
    Withdraw("wr2", 8510, "p10", "r", kSmall);
    Withdraw("ws", 8520, "p100", "s", kBig);
    options_.window = 1000;
  }
  void Deposit(std::string_view id, Seconds t, std::string_view from,
               std::string_view pool, Amount amount, Amount fee = 5) {
    b_.Transfer(id, t, from, {{std::string(pool), amount}}, fee);
  }
  void Withdraw(std::string_view id, Seconds t, std::string_view pool,
                std::string_view to, Amount amount, Amount fee = 5) {
    const Amount cut = amount / 200;
    b_.Transfer(id, t, pool,
                {{std::string(to), amount - cut}, {"relayer", cut}}, fee);
  }
  // "deposit tx -> withdrawal tx (method)" per link, in deposit order.
  std::vector<std::string> Links() {
    const AddressActivity activity(b_.ledger());
    const Demixing d = Demix(b_.ledger(), b_.labels(), activity, options_);
    const TxStore& s = b_.ledger().txs(b_.eth());
    std::vector<std::string> out;
    for (std::size_t i = 0; i < d.pools.deposits.size(); ++i) {
      const std::uint32_t l = d.link_of_deposit[i];
      if (l == Demixing::kNoLink) continue;
      const DemixLink& link = d.links[l];
      out.push_back(
          std::string(s.txid(s.output_tx(d.pools.deposits[i].output))) +
          " -> " +
          std::string(s.txid(d.pools.withdrawals[link.withdrawal].tx)) + " (" +
          std::string(DemixMethodName(link.method)) + ")");
    }
    return out;
  }
  LedgerBuilder b_;
  DemixOptions options_;
};

TEST_F(DemixTest, LinksTheRightWithdrawalAmongDecoys) {
  EXPECT_EQ(Links(), (std::vector<std::string>{
                         "da -> wa (address_match)",
                         "db -> ww (amount_timing)",
                         "df1 -> wg2 (fee_fingerprint)",
                         "df2 -> wg1 (fee_fingerprint)",
                         "dm1 -> wr1 (multi_denomination)",
                         "dm2 -> wr2 (multi_denomination)",
                         "dn -> ws (amount_timing)",
                     }));
}

TEST_F(DemixTest, AmbiguityGivesNoLink) {
  // A wider window puts wv1 and wv2 within reach of db too: db's episode
  // becomes ambiguous, and c1/c2's stays so. No guess is made.
  options_.window = 3000;
  const std::vector<std::string> links = Links();
  for (const std::string& l : links) {
    EXPECT_NE(l.rfind("db ", 0), 0u) << l;
    EXPECT_NE(l.rfind("dc1 ", 0), 0u) << l;
    EXPECT_NE(l.rfind("dc2 ", 0), 0u) << l;
  }
}

TEST_F(DemixTest, AmountsMustFitTheFeeAllowance) {
  // A withdrawal paying out more than was deposited, or less than the
  // deposit minus 1 %, does not match.
  EXPECT_TRUE(PaysOut(100000, 99000, 100));
  EXPECT_FALSE(PaysOut(100000, 98999, 100));
  EXPECT_FALSE(PaysOut(100000, 100001, 100));
  // t=20000 e ─▶ p100, p100 ─▶ z 98000 (t=20100): a 2 % cut kept back.
  b_.Mint("g1", 19000, {{"e", kBig}});
  Deposit("de", 20000, "e", "p100", kBig);
  b_.Transfer("wz", 20100, "p100", {{"z", kBig - 2000}}, 5);
  const auto has_de = [](const std::vector<std::string>& links) {
    for (const std::string& l : links) {
      if (l == "de -> wz (amount_timing)") return true;
    }
    return false;
  };
  EXPECT_FALSE(has_de(Links()));
  options_.pools.max_fee_bp = 300;
  EXPECT_TRUE(has_de(Links()));
}

TEST_F(DemixTest, FindsUnlabelledPoolsByPattern) {
  // q takes five equal deposits and pays out five equal withdrawals; h
  // takes five equal payments but pays out one sweep of a different amount.
  LedgerBuilder b;
  b.Mint("g0", 0, {{"u", 10 * kBig}});
  for (int i = 0; i < 5; ++i) {
    const std::string n = std::to_string(i);
    b.Transfer("dq" + n, 10 + i, "u", {{"q", kBig}}, 1);
    b.Transfer("dh" + n, 10 + i, "u", {{"h", 1000}}, 1);
  }
  for (int i = 0; i < 5; ++i) {
    const std::string n = std::to_string(i);
    b.Transfer("wq" + n, 100 + i, "q", {{"out" + n, kBig - 100}, {"rel", 100}},
               1);
  }
  b.Transfer("sweep", 200, "h", {{"hot", 4999}}, 1);
  const AddressActivity activity(b.ledger());
  const MixerPools pools =
      FindMixerPools(b.ledger(), b.labels(), activity, MixerPoolOptions{});
  EXPECT_EQ(pools.is_pool[Index(b.Address(b.eth(), "q"))], 1);
  EXPECT_EQ(pools.is_pool[Index(b.Address(b.eth(), "h"))], 0);
  EXPECT_EQ(pools.is_pool[Index(b.Address(b.eth(), "u"))], 0);
  EXPECT_EQ(pools.deposits.size(), 5u);
  EXPECT_EQ(pools.withdrawals.size(), 5u);
  EXPECT_EQ(pools.withdrawals[0].recipient, b.Address(b.eth(), "out0"));
  EXPECT_EQ(pools.withdrawals[0].amount, kBig);
}

TEST_F(DemixTest, TracerFlagsLinkedWithdrawals) {
  // The theft landed at b (its funding credit is the seed); r's address is
  // an exchange deposit address.
  b_.Theft(b_.eth(), "g0:1");
  b_.Label(b_.eth(), "w", "kr", common::LABEL_EXCHANGE_DEPOSIT);
  auto tracer = MakeMixerDemixTracer({}, options_);
  auto r = tracer->Trace(b_.Input());
  ASSERT_TRUE(r.ok()) << r.message();
  const ChainTrace& c = r->chains[Index(b_.eth())];
  const OutputId dep = b_.Out(b_.eth(), "db:0");
  const OutputId out = b_.Out(b_.eth(), "ww:0");
  EXPECT_EQ(c.output_taint[Index(dep)], kBig);
  EXPECT_EQ(c.output_hop[Index(dep)], 1);
  EXPECT_EQ(c.output_taint[Index(out)], kBig - kBig / 200);
  EXPECT_EQ(c.output_hop[Index(out)], 2);
  ASSERT_FALSE(c.output_score.empty());
  EXPECT_FLOAT_EQ(c.output_score[Index(out)], 0.6f);
  EXPECT_EQ(c.output_taint[Index(b_.Out(b_.eth(), "wx:0"))], 0);
  EXPECT_EQ(r->address_flagged[Index(b_.Address(b_.eth(), "w"))], 1);
  EXPECT_EQ(r->address_flagged[Index(b_.Address(b_.eth(), "v1"))], 0);
  EXPECT_EQ(r->attributions,
            (std::vector<Attribution>{
                {b_.service("kr"), b_.eth_asset(), kBig - kBig / 200}}));
  EXPECT_EQ(r->max_hop, 2);
  // With a hop limit of 1 the deposit is the end: lost in the mixer.
  auto limited = MakeMixerDemixTracer({1, false}, options_)->Trace(b_.Input());
  ASSERT_TRUE(limited.ok());
  EXPECT_EQ(limited->chains[Index(b_.eth())].output_taint[Index(out)], 0);
  EXPECT_EQ(limited->attributions,
            (std::vector<Attribution>{
                {b_.service("tornado"), b_.eth_asset(), kBig}}));
}

}  // namespace
}  // namespace chaintrace::trace
