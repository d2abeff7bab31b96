// Every metric of sim/eval on the hand-drawn peel fixture (fixtures.h),
// with a hand-made tracer result and hand-computed expectations:
//
//   taint: t1:0 990, p1:0 100, p1:1 880, p2:0 250 (half the cash-out),
//          b1:1 290 (bob: a false positive), s1:0 495 (inside exch_b)
//   clusters: {thief1, thief2, bob} (attacker merged with benign),
//             {dep_a, dep_b} (two exchanges merged)

#include "sim/eval/evaluate.h"

#include <gtest/gtest.h>

#include "sim/trace/registry.h"
#include "tests/sim/eval/fixtures.h"

namespace chaintrace::eval {
namespace {

using testing::PeelFixture;
using testing::SetTaint;

class PeelEvaluation : public ::testing::Test {
 protected:
  void SetUp() override {
    file_ = PeelFixture();
    result_ = trace::MakeEmptyResult(file_.ledger);
    const Ledger& l = file_.ledger;
    SetTaint(l, &result_, "btc", "t1:0", 990);
    SetTaint(l, &result_, "btc", "p1:0", 100);
    SetTaint(l, &result_, "btc", "p1:1", 880);
    SetTaint(l, &result_, "btc", "p2:0", 250);
    SetTaint(l, &result_, "btc", "b1:1", 290);
    SetTaint(l, &result_, "btc", "s1:0", 495);
  }

  AddressId Addr(std::string_view name) const {
    return file_.ledger.FindAddress(file_.ledger.FindChain("btc"), name);
  }

  report::TracerReport Score() {
    auto e = Evaluation::Create(file_, {{"hack", {"peel_chain", "cash_out"}}});
    EXPECT_TRUE(e.ok()) << e.message();
    return e->Score(result_);
  }

  LedgerFile file_;
  trace::TraceResult result_;
};

TEST_F(PeelEvaluation, ValueRecallPrecisionCollateral) {
  const report::TracerReport r = Score();
  const report::Metrics& m = r.metrics();
  // Recall universe: cash-outs 100 + 500, attacker-held thief3 370.
  EXPECT_DOUBLE_EQ(m.value_recall(), 350.0 / 970.0);
  // Flagged landings: p1:0 100, p2:0 250, bob 290; the sweep s1:0 is inside
  // exch_b and not a landing.
  EXPECT_DOUBLE_EQ(m.value_precision(), 350.0 / 640.0);
  EXPECT_DOUBLE_EQ(m.collateral_usd(), 290.0 * 2);
  ASSERT_EQ(r.per_attack_size(), 1);
  EXPECT_EQ(r.per_attack(0).attack(), "hack");
  EXPECT_DOUBLE_EQ(r.per_attack(0).metrics().value_recall(), 350.0 / 970.0);
  EXPECT_FALSE(r.per_attack(0).metrics().has_value_precision());
}

TEST_F(PeelEvaluation, AttributionPerExchange) {
  const report::TracerReport r = Score();
  ASSERT_EQ(r.exchanges_size(), 2);
  // dep_a belongs to exch_a but is labelled exch_b: its 100 units go to the
  // wrong exchange and are not correct.
  EXPECT_EQ(r.exchanges(0).exchange(), "exch_a");
  EXPECT_EQ(r.exchanges(0).country(), "KR");
  EXPECT_DOUBLE_EQ(r.exchanges(0).true_usd(), 200);
  EXPECT_DOUBLE_EQ(r.exchanges(0).attributed_usd(), 0);
  EXPECT_DOUBLE_EQ(r.exchanges(0).correct_usd(), 0);
  EXPECT_EQ(r.exchanges(1).exchange(), "exch_b");
  EXPECT_DOUBLE_EQ(r.exchanges(1).true_usd(), 1000);
  EXPECT_DOUBLE_EQ(r.exchanges(1).attributed_usd(), 700);
  EXPECT_DOUBLE_EQ(r.exchanges(1).correct_usd(), 500);
  EXPECT_DOUBLE_EQ(r.metrics().attribution_recall(), 500.0 / 1200.0);
  EXPECT_DOUBLE_EQ(r.per_attack(0).metrics().attribution_recall(),
                   500.0 / 1200.0);
}

TEST_F(PeelEvaluation, AddressMetrics) {
  const report::TracerReport r = Score();
  const report::Metrics& m = r.metrics();
  // Flagged: thief1, thief2, dep_a, dep_b, bob, exch_b_hot. Positives:
  // thief1..3. Benign flagged: bob and exch_b_hot (deposit addresses that
  // received stolen value are not benign).
  EXPECT_DOUBLE_EQ(m.address_precision(), 2.0 / 6.0);
  EXPECT_DOUBLE_EQ(m.address_recall(), 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(m.address_f1(), 4.0 / 9.0);
  EXPECT_EQ(m.collateral_addresses(), 2);
  EXPECT_DOUBLE_EQ(r.per_attack(0).metrics().address_recall(), 2.0 / 3.0);
}

TEST_F(PeelEvaluation, ClusterPairs) {
  EXPECT_FALSE(Score().metrics().has_cluster_precision());  // no clusters
  result_.address_cluster.assign(file_.ledger.address_count(),
                                 trace::TraceResult::kNoCluster);
  for (std::string_view a : {"thief1", "thief2", "bob"}) {
    result_.address_cluster[Index(Addr(a))] = 0;
  }
  for (std::string_view a : {"dep_a", "dep_b"}) {
    result_.address_cluster[Index(Addr(a))] = 1;
  }
  const report::Metrics m = Score().metrics();
  // Predicted pairs 3 + 1, of which thief1-thief2 is true. True pairs:
  // lazarus 3 (thief1..3), exch_b 3 (dep_b, dep_b2, exch_b_hot).
  EXPECT_DOUBLE_EQ(m.cluster_precision(), 1.0 / 4.0);
  EXPECT_DOUBLE_EQ(m.cluster_recall(), 1.0 / 6.0);
  EXPECT_EQ(m.largest_cluster(), 3);
}

TEST_F(PeelEvaluation, StagesAndHops) {
  const report::TracerReport r = Score();
  const report::AttackMetrics& am = r.per_attack(0);
  // Theft 990/990; stage 0: 100 + 880 of 980; stage 1: 250 of 870.
  ASSERT_EQ(am.recall_by_stage_size(), 2);
  EXPECT_DOUBLE_EQ(am.recall_by_stage(0), 1.0);
  EXPECT_DOUBLE_EQ(am.recall_by_stage(1), 250.0 / 870.0);
  EXPECT_EQ(am.lost_at_stage(), 1);
  EXPECT_EQ(am.metrics().max_hop(), 2);
  EXPECT_EQ(r.metrics().max_hop(), 2);
  // No mixer was used.
  EXPECT_FALSE(r.metrics().has_mixer_link_accuracy());
  EXPECT_FALSE(r.metrics().has_anonymity_set());
}

TEST_F(PeelEvaluation, NothingFlaggedLeavesRatiosUnset) {
  result_ = trace::MakeEmptyResult(file_.ledger);
  const report::TracerReport r = Score();
  EXPECT_DOUBLE_EQ(r.metrics().value_recall(), 0);
  EXPECT_FALSE(r.metrics().has_value_precision());
  EXPECT_FALSE(r.metrics().has_address_precision());
  EXPECT_FALSE(r.metrics().has_address_f1());
  EXPECT_FALSE(r.metrics().has_max_hop());
  EXPECT_EQ(r.metrics().collateral_addresses(), 0);
  EXPECT_EQ(r.per_attack(0).lost_at_stage(), -1);  // 0 -> 0 -> 0: no drop
}

TEST_F(PeelEvaluation, AttackSummary) {
  auto e = Evaluation::Create(file_, {{"hack", {"peel_chain", "cash_out"}}});
  ASSERT_TRUE(e.ok());
  ASSERT_EQ(e->attacks().size(), 1u);
  const report::AttackSummary& a = e->attacks()[0];
  EXPECT_EQ(a.name(), "hack");
  EXPECT_EQ(a.victim(), "victim");
  EXPECT_DOUBLE_EQ(a.stolen_usd(), 990 * 2);
  EXPECT_DOUBLE_EQ(a.cashed_out_usd(), 600 * 2);
  EXPECT_DOUBLE_EQ(a.held_usd(), 370 * 2);
  EXPECT_DOUBLE_EQ(a.fees_usd(), 20 * 2);  // p1 and p2 pay 10 each
  ASSERT_EQ(a.stages_size(), 2);
  EXPECT_EQ(a.stages(0).kind(), "peel_chain");
  EXPECT_EQ(a.stages(0).transactions(), 1);
  EXPECT_EQ(a.stages(0).start_time(), 20);
  EXPECT_DOUBLE_EQ(a.stages(0).in_usd(), 990 * 2);
  EXPECT_EQ(a.stages(1).kind(), "cash_out");
  EXPECT_DOUBLE_EQ(a.stages(1).in_usd(), 880 * 2);
}

TEST(Evaluation, NeedsGroundTruth) {
  LedgerFile file = PeelFixture();
  file.truth.reset();
  const auto e = Evaluation::Create(file);
  EXPECT_FALSE(e.ok());
  EXPECT_NE(e.message().find("no ground truth"), std::string::npos);
}

}  // namespace
}  // namespace chaintrace::eval

namespace chaintrace::eval {
namespace {

// A registered tracer on the fixture, end to end: poison follows every
// stolen unit, so recall is 1 and nothing benign is flagged at a landing.
TEST(Evaluation, PoisonOnThePeelFixture) {
  const LedgerFile file = testing::PeelFixture();
  auto tracer = trace::MakeTracer("poison", {});
  ASSERT_TRUE(tracer.ok());
  const std::vector<trace::Seed> seeds = trace::SeedsFromThefts(file.ledger);
  const auto result =
      (*tracer)->Trace(trace::TraceInput{&file.ledger, seeds, &file.labels});
  ASSERT_TRUE(result.ok()) << result.message();
  auto e = Evaluation::Create(file);
  ASSERT_TRUE(e.ok());
  const report::TracerReport r = e->Score(*result);
  EXPECT_DOUBLE_EQ(r.metrics().value_recall(), 1.0);
  EXPECT_DOUBLE_EQ(r.metrics().value_precision(), 1.0);
  EXPECT_DOUBLE_EQ(r.metrics().collateral_usd(), 0.0);
  EXPECT_DOUBLE_EQ(r.metrics().address_recall(), 1.0);
  EXPECT_EQ(r.metrics().max_hop(), 2);
  // Without the scenario's plan the stages are the ones the truth shows.
  EXPECT_EQ(r.per_attack(0).recall_by_stage_size(), 2);
  EXPECT_EQ(r.per_attack(0).lost_at_stage(), -1);
}

}  // namespace
}  // namespace chaintrace::eval
