#include "sim/trace/demix_share.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sim/trace/mixer_demix.h"
#include "tests/sim/trace/ledger_builder.h"

namespace chaintrace::trace {
namespace {

using testing::LedgerBuilder;

constexpr Amount kLot = 100000;

// One pool p of the mixer "tornado", window 1000 s; withdrawals pay the
// deposit less a 0.5 % relayer cut.
//
//  t=100  a ─▶ p, t=110 a ─▶ p, t=120 u ─▶ p
//                     p ─▶ x (t=500), p ─▶ y (t=600)
//         three deposits, two withdrawals: no link; x and y each have the
//         anonymity set {a, a, u}: a's share 2/3
//  t=5000 a ─▶ p      p ─▶ z (t=5300)  the only candidates: linked
//  t=8000 v ─▶ p      p ─▶ q (t=9500)  v's deposit is outside q's window:
//                                      q has no candidate, share 0
class DemixShareTest : public ::testing::Test {
 protected:
  // Each test builds once. `more_cover`: u2 and u3 deposit too, at
  // t=140 and 150.
  void Build(bool more_cover = false) {
    b_.Mint("g0", 0,
            {{"a", 4 * kLot},
             {"u", kLot},
             {"v", kLot},
             {"u2", kLot},
             {"u3", kLot}});
    b_.Label(b_.eth(), "p", "tornado", common::LABEL_MIXER);
    Deposit("da1", 100, "a");
    Deposit("da2", 110, "a");
    Deposit("du", 120, "u");
    if (more_cover) {
      Deposit("du2", 140, "u2");
      Deposit("du3", 150, "u3");
    }
    Withdraw("wx", 500, "x");
    Withdraw("wy", 600, "y");
    Deposit("da3", 5000, "a");
    Withdraw("wz", 5300, "z");
    Deposit("dv", 8000, "v");
    Withdraw("wq", 9500, "q");
    options_.window = 1000;
  }
  void Deposit(std::string_view id, Seconds t, std::string_view from) {
    b_.Transfer(id, t, from, {{"p", kLot}}, 5);
  }
  void Withdraw(std::string_view id, Seconds t, std::string_view to) {
    b_.Transfer(id, t, "p",
                {{std::string(to), kLot - kLot / 200}, {"r", kLot / 200}}, 5);
  }
  Demixing Run() const {
    const AddressActivity activity(b_.ledger());
    return Demix(b_.ledger(), b_.labels(), activity, options_);
  }
  // The index of the deposit / withdrawal made by transaction `id`.
  std::uint32_t DepositOf(const Demixing& d, std::string_view id) const {
    const TxStore& s = b_.ledger().txs(b_.eth());
    for (std::uint32_t i = 0; i < d.pools.deposits.size(); ++i) {
      if (s.txid(s.output_tx(d.pools.deposits[i].output)) == id) return i;
    }
    ADD_FAILURE() << id;
    return 0;
  }
  std::uint32_t WithdrawalOf(const Demixing& d, std::string_view id) const {
    const TxStore& s = b_.ledger().txs(b_.eth());
    for (std::uint32_t i = 0; i < d.pools.withdrawals.size(); ++i) {
      if (s.txid(d.pools.withdrawals[i].tx) == id) return i;
    }
    ADD_FAILURE() << id;
    return 0;
  }

  LedgerBuilder b_;
  DemixOptions options_;
};

TEST_F(DemixShareTest, ShareOfTheFollowedDepositsInTheWindow) {
  Build();
  const Demixing d = Run();
  ASSERT_EQ(d.pools.deposits.size(), 5u);
  ASSERT_EQ(d.pools.withdrawals.size(), 4u);
  EXPECT_NE(d.link_of_deposit[DepositOf(d, "da3")], Demixing::kNoLink);
  EXPECT_EQ(d.link_of_deposit[DepositOf(d, "da1")], Demixing::kNoLink);
  std::vector<std::uint8_t> followed(d.pools.deposits.size(), 0);
  for (const char* id : {"da1", "da2", "da3"}) followed[DepositOf(d, id)] = 1;
  const std::vector<float> share =
      WithdrawalShares(d, followed, options_.window, 100);
  ASSERT_EQ(share.size(), 4u);
  EXPECT_FLOAT_EQ(share[WithdrawalOf(d, "wx")], 2.0f / 3.0f);
  EXPECT_FLOAT_EQ(share[WithdrawalOf(d, "wy")], 2.0f / 3.0f);
  EXPECT_EQ(share[WithdrawalOf(d, "wz")], 0.0f);  // linked to da3
  EXPECT_EQ(share[WithdrawalOf(d, "wq")], 0.0f);  // no candidate
}

TEST_F(DemixShareTest, MoreCoverLowersTheShare) {
  // Two more users deposit before x: a's share of x falls to 2/5; y, now
  // with deposits u2, u3 too, the same.
  Build(true);
  const Demixing d = Run();
  std::vector<std::uint8_t> followed(d.pools.deposits.size(), 0);
  for (const char* id : {"da1", "da2"}) followed[DepositOf(d, id)] = 1;
  const std::vector<float> share =
      WithdrawalShares(d, followed, options_.window, 100);
  EXPECT_FLOAT_EQ(share[WithdrawalOf(d, "wx")], 2.0f / 5.0f);
  // Nothing followed: all zero.
  const std::vector<float> none = WithdrawalShares(
      d, std::vector<std::uint8_t>(d.pools.deposits.size(), 0), 1000, 100);
  for (float s : none) EXPECT_EQ(s, 0.0f);
}

TEST_F(DemixShareTest, WindowBoundsTheAnonymitySet) {
  // Deposits count in [w.time - window, w.time): with 400 s, x (t=500)
  // sees da1 (t=100) at the edge, da2 and du; with 390 s only da2 and du.
  Build();
  const Demixing d = Run();
  std::vector<std::uint8_t> followed(d.pools.deposits.size(), 0);
  followed[DepositOf(d, "da1")] = 1;
  EXPECT_FLOAT_EQ(
      WithdrawalShares(d, followed, 400, 100)[WithdrawalOf(d, "wx")],
      1.0f / 3.0f);
  EXPECT_EQ(WithdrawalShares(d, followed, 390, 100)[WithdrawalOf(d, "wx")],
            0.0f);
}

TEST_F(DemixShareTest, TracerFlagsSharesWithoutAttributing) {
  Build();
  // The theft landed at a: its deposits da1, da2 are unlinked, da3 is
  // linked to wz.
  b_.Theft(b_.eth(), "g0:0");
  auto r = MakeMixerDemixTracer({}, options_)->Trace(b_.Input());
  ASSERT_TRUE(r.ok()) << r.message();
  const ChainTrace& c = r->chains[Index(b_.eth())];
  ASSERT_FALSE(c.output_score.empty());
  const Amount paid = kLot - kLot / 200;
  for (const char* w : {"wx:0", "wy:0"}) {
    const OutputId o = b_.Out(b_.eth(), w);
    EXPECT_FLOAT_EQ(c.output_score[Index(o)], 2.0f / 3.0f) << w;
    EXPECT_EQ(c.output_taint[Index(o)], (2 * paid + 1) / 3) << w;
    EXPECT_EQ(c.output_hop[Index(o)], 2) << w;
  }
  const OutputId z = b_.Out(b_.eth(), "wz:0");
  EXPECT_FLOAT_EQ(c.output_score[Index(z)], 0.6f);  // amount_timing
  EXPECT_EQ(c.output_taint[Index(b_.Out(b_.eth(), "wq:0"))], 0);
  // The two unlinked lots are lost in the mixer; x and y, being only
  // probable, are not attributed.
  EXPECT_EQ(r->attributions,
            (std::vector<Attribution>{
                {b_.service("tornado"), b_.eth_asset(), 2 * kLot}}));
}

}  // namespace
}  // namespace chaintrace::trace
