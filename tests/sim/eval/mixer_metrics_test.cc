// Mixer linking accuracy and anonymity set on the pool fixture
// (fixtures.h): the attacker deposits at t20 and withdraws w2 at t40; the
// candidates in [20, 40] are w1 (t30) and w2. w3 (t50) is after w2.

#include "sim/eval/mixer_metrics.h"

#include <gtest/gtest.h>

#include <cmath>

#include "tests/sim/eval/fixtures.h"

namespace chaintrace::eval {
namespace {

using testing::PoolFixture;
using testing::SetTaint;

class PoolMixer : public ::testing::Test {
 protected:
  void SetUp() override {
    file_ = PoolFixture();
    truth_ = FindMixerPayouts(file_.ledger, *file_.truth);
    result_ = trace::MakeEmptyResult(file_.ledger);
  }
  report::Metrics Score(report::Metrics* per_attack = nullptr) {
    report::Metrics all;
    std::vector<report::Metrics> attacks(1);
    ComputeMixerMetrics(file_.ledger, truth_, result_, &all, &attacks);
    if (per_attack != nullptr) *per_attack = attacks[0];
    return all;
  }
  OutputId Out(std::string_view tx) const {
    const TxStore& s = file_.ledger.txs(ChainId{0});
    return s.outputs(s.FindTx(tx))[0];
  }

  LedgerFile file_;
  MixerTruth truth_;
  trace::TraceResult result_;
};

TEST_F(PoolMixer, FindsPayoutsAndTheTrueOne) {
  ASSERT_EQ(truth_.groups.size(), 1u);  // one pool, one amount (99)
  EXPECT_EQ(truth_.groups[0].size(), 3u);
  ASSERT_EQ(truth_.attacker_payouts.size(), 1u);
  EXPECT_EQ(truth_.attacker_payouts[0].position, 1u);
  EXPECT_EQ(truth_.attacker_payouts[0].window_start, 20);
}

TEST_F(PoolMixer, OnlyTheTrueWithdrawalFlagged) {
  SetTaint(file_.ledger, &result_, "eth", "w2:0", 99);
  report::Metrics attack;
  const report::Metrics m = Score(&attack);
  EXPECT_DOUBLE_EQ(m.mixer_link_accuracy(), 1.0);
  EXPECT_DOUBLE_EQ(m.anonymity_set(), 1.0);
  EXPECT_DOUBLE_EQ(attack.mixer_link_accuracy(), 1.0);
}

TEST_F(PoolMixer, EveryWithdrawalFlaggedEqually) {
  for (std::string_view w : {"w1:0", "w2:0", "w3:0"}) {
    SetTaint(file_.ledger, &result_, "eth", w, 99);
  }
  const report::Metrics m = Score();
  EXPECT_DOUBLE_EQ(m.mixer_link_accuracy(), 0.5);  // w3 is outside the window
  EXPECT_NEAR(m.anonymity_set(), 2.0, 1e-12);
}

TEST_F(PoolMixer, NothingFlaggedIsTheCandidateCount) {
  const report::Metrics m = Score();
  EXPECT_DOUBLE_EQ(m.mixer_link_accuracy(), 0.0);
  EXPECT_DOUBLE_EQ(m.anonymity_set(), 2.0);
}

TEST_F(PoolMixer, ScoresWeighCandidates) {
  std::vector<float>& score = result_.chains[0].output_score;
  score.assign(file_.ledger.txs(ChainId{0}).output_count(), 0.0f);
  score[Index(Out("w1"))] = 0.25f;
  score[Index(Out("w2"))] = 0.75f;
  const report::Metrics m = Score();
  EXPECT_DOUBLE_EQ(m.mixer_link_accuracy(), 0.75);
  const double h = -(0.25 * std::log(0.25) + 0.75 * std::log(0.75));
  EXPECT_NEAR(m.anonymity_set(), std::exp(h), 1e-9);
}

// PoolBurstFixture: the attacker's second lot d1b (t22) is withdrawn as
// w2b (t45). Candidates of w2 are w1, w2 (window [20, 40]); of w2b w1, w2,
// w2b ([20, 45]). The attacker's own w2 and w2b are one candidate: telling
// its lots apart is no part of demixing.
class PoolBurst : public ::testing::Test {
 protected:
  void SetUp() override {
    file_ = testing::PoolBurstFixture();
    truth_ = FindMixerPayouts(file_.ledger, *file_.truth);
    result_ = trace::MakeEmptyResult(file_.ledger);
  }
  report::Metrics Score() {
    report::Metrics all;
    std::vector<report::Metrics> attacks(1);
    ComputeMixerMetrics(file_.ledger, truth_, result_, &all, &attacks);
    return all;
  }
  LedgerFile file_;
  MixerTruth truth_;
  trace::TraceResult result_;
};

TEST_F(PoolBurst, TwoTruePayoutsOneAttacker) {
  ASSERT_EQ(truth_.groups.size(), 1u);
  EXPECT_EQ(truth_.groups[0].size(), 4u);
  ASSERT_EQ(truth_.attacker_payouts.size(), 2u);
  EXPECT_EQ(truth_.groups[0][1].attack, truth_.attacker_payouts[0].attack);
  EXPECT_EQ(truth_.groups[0][0].attack, AttackId::kNone);
}

TEST_F(PoolBurst, FlaggingTheAttackersLotsIsExact) {
  // Both attacker withdrawals, and nothing else: each true payout's
  // answer is the attacker, whichever lot is which.
  SetTaint(file_.ledger, &result_, "eth", "w2:0", 99);
  SetTaint(file_.ledger, &result_, "eth", "w2b:0", 99);
  const report::Metrics m = Score();
  EXPECT_DOUBLE_EQ(m.mixer_link_accuracy(), 1.0);
  EXPECT_DOUBLE_EQ(m.anonymity_set(), 1.0);
}

TEST_F(PoolBurst, EveryWithdrawalFlaggedEqually) {
  for (std::string_view w : {"w1:0", "w2:0", "w2b:0", "w3:0"}) {
    SetTaint(file_.ledger, &result_, "eth", w, 99);
  }
  // w2: {w1, w2}: 1/2, set 2. w2b: {w1, w2 + w2b}: 2/3, weights 1 and 2.
  const report::Metrics m = Score();
  EXPECT_DOUBLE_EQ(m.mixer_link_accuracy(), (0.5 + 2.0 / 3.0) / 2);
  const double h = std::log(3.0) - 2.0 * std::log(2.0) / 3.0;
  EXPECT_NEAR(m.anonymity_set(), (2.0 + std::exp(h)) / 2, 1e-12);
}

TEST_F(PoolBurst, NothingFlaggedCountsTheAttackerOnce) {
  const report::Metrics m = Score();
  EXPECT_DOUBLE_EQ(m.mixer_link_accuracy(), 0.0);
  EXPECT_DOUBLE_EQ(m.anonymity_set(), 2.0);  // w1 and the attacker
}

TEST(MixerMetrics, UnsetWithoutMixing) {
  const LedgerFile file = testing::PeelFixture();
  const MixerTruth mt = FindMixerPayouts(file.ledger, *file.truth);
  EXPECT_TRUE(mt.attacker_payouts.empty());
  report::Metrics all;
  std::vector<report::Metrics> attacks(1);
  ComputeMixerMetrics(file.ledger, mt, trace::MakeEmptyResult(file.ledger),
                      &all, &attacks);
  EXPECT_FALSE(all.has_mixer_link_accuracy());
  EXPECT_FALSE(all.has_anonymity_set());
}

}  // namespace
}  // namespace chaintrace::eval
