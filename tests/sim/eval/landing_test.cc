// Landings (deposits and holdings) and the tracer's believed stolen units on
// them, on the fixtures of fixtures.h.

#include "sim/eval/landing.h"

#include <gtest/gtest.h>

#include "sim/eval/value_metrics.h"
#include "tests/sim/eval/fixtures.h"

namespace chaintrace::eval {
namespace {

const Landing* HeldAt(const LedgerFile& f, const LandingSet& set,
                      std::string_view address) {
  const AddressId a = f.ledger.FindAddress(ChainId{0}, address);
  for (const Landing& l : set.landings) {
    if (l.kind == LandingKind::kHeld && l.address == a) return &l;
  }
  return nullptr;
}

TEST(Landing, UtxoDepositsAndHoldings) {
  const LedgerFile f = testing::PeelFixture();
  const LandingSet set = BuildLandings(f.ledger, *f.truth);
  int cash_outs = 0;
  int deposits = 0;
  int held = 0;
  for (const Landing& l : set.landings) {
    if (l.cash_out) ++cash_outs;
    if (l.kind == LandingKind::kDeposit) ++deposits;
    if (l.kind == LandingKind::kHeld) ++held;
  }
  EXPECT_EQ(cash_outs, 2);
  EXPECT_EQ(deposits, 3);  // two cash-outs and dep_b2; not the sweep
  EXPECT_EQ(held, 3);      // mix_res, thief3, bob
  const Landing* thief3 = HeldAt(f, set, "thief3");
  ASSERT_NE(thief3, nullptr);
  EXPECT_TRUE(thief3->attacker_held);
  EXPECT_EQ(thief3->stolen, 370);
  EXPECT_DOUBLE_EQ(thief3->usd_per_unit, 2);
  EXPECT_EQ(HeldAt(f, set, "exch_b_hot"), nullptr);
}

TEST(Landing, AccountHoldingsUseTheStolenFirstBound) {
  const LedgerFile f = testing::PoolFixture();
  const LandingSet set = BuildLandings(f.ledger, *f.truth);
  const Landing* thief = HeldAt(f, set, "thief");
  ASSERT_NE(thief, nullptr);
  EXPECT_EQ(thief->amount, 199);
  EXPECT_EQ(thief->stolen, 199);  // 300 stolen in, 101 out
  EXPECT_TRUE(thief->attacker_held);
  const Landing* fresh = HeldAt(f, set, "fresh");
  ASSERT_NE(fresh, nullptr);
  EXPECT_EQ(fresh->stolen, 99);
  EXPECT_EQ(HeldAt(f, set, "pool"), nullptr);  // emptied
  const Landing* u1 = HeldAt(f, set, "u1");
  ASSERT_NE(u1, nullptr);
  EXPECT_EQ(u1->amount, 399);
  EXPECT_EQ(u1->stolen, 0);
}

TEST(Landing, AccountBeliefSubtractsDebitTaint) {
  const LedgerFile f = testing::PoolFixture();
  const LandingSet set = BuildLandings(f.ledger, *f.truth);
  trace::TraceResult r = trace::MakeEmptyResult(f.ledger);
  testing::SetTaint(f.ledger, &r, "eth", "t1:0", 300);
  testing::SetTaint(f.ledger, &r, "eth", "w2:0", 99);
  // Without debit taint the thief's belief is its credits' taint, capped by
  // its balance.
  std::vector<Amount> believed = BelievedStolen(set, f.ledger, r);
  const auto at = [&](std::string_view name) {
    const Landing* l = HeldAt(f, set, name);
    return believed[static_cast<std::size_t>(l - set.landings.data())];
  };
  EXPECT_EQ(at("thief"), 199);
  EXPECT_EQ(at("fresh"), 99);
  // A taint model reports what each debit takes: 101 of the thief's 300.
  const TxStore& s = f.ledger.txs(ChainId{0});
  r.chains[0].input_taint.assign(s.input_count(), 0);
  r.chains[0].fee_taint.assign(s.tx_count(), 0);
  r.chains[0].input_taint[Index(s.inputs(s.FindTx("d1"))[0])] = 101;
  believed = BelievedStolen(set, f.ledger, r);
  EXPECT_EQ(at("thief"), 199);
  r.chains[0].input_taint[Index(s.inputs(s.FindTx("d1"))[0])] = 250;
  believed = BelievedStolen(set, f.ledger, r);
  EXPECT_EQ(at("thief"), 50);

  report::Metrics all;
  std::vector<report::Metrics> attacks(1);
  ComputeValueMetrics(set, believed, &all, &attacks);
  // Universe: thief 199 + fresh 99 (no cash-out); recalled 50 + 99.
  EXPECT_DOUBLE_EQ(all.value_recall(), 149.0 / 298.0);
  EXPECT_DOUBLE_EQ(all.value_precision(), 1.0);
}

// A service address that turns over: a stolen deposit is paid out again
// and a clean deposit refills the balance. A follower that flagged the
// stolen deposit must not be believed to see it still there.
TEST(Landing, AccountBeliefWithoutDebitTaintDrainsFirst) {
  const LedgerFile f = testing::TurnoverFixture();
  const LandingSet set = BuildLandings(f.ledger, *f.truth);
  const Landing* svc = HeldAt(f, set, "svc");
  ASSERT_NE(svc, nullptr);
  EXPECT_EQ(svc->amount, 130);  // 50 + 100 - 120 + 100
  EXPECT_EQ(svc->stolen, 0);    // the payout took the stolen 100 first
  trace::TraceResult r = trace::MakeEmptyResult(f.ledger);
  testing::SetTaint(f.ledger, &r, "eth", "in:0", 100);
  const std::vector<Amount> believed = BelievedStolen(set, f.ledger, r);
  EXPECT_EQ(believed[static_cast<std::size_t>(svc - set.landings.data())], 0);
  // Counting credits alone would believe 100 of the 130 stolen: collateral.
  report::Metrics all;
  std::vector<report::Metrics> attacks(1);
  ComputeValueMetrics(set, believed, &all, &attacks);
  EXPECT_DOUBLE_EQ(all.collateral_usd(), 0);
}

}  // namespace
}  // namespace chaintrace::eval
