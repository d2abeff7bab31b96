#include "sim/trace/change_rule.h"

#include <gtest/gtest.h>

#include "sim/trace/change_cluster.h"
#include "sim/trace/registry.h"
#include "tests/sim/trace/ledger_builder.h"

namespace chaintrace::trace {
namespace {

using testing::LedgerBuilder;

// t1: a 100 + b 50 ──▶ x 110 │ a 30   reuse: t1:1, optimal: t1:1 (agree)
// t2: a 100 ──▶ a 60 │ w 35            reuse: t2:0, optimal: none
// t3: a 100 + b 50 ──▶ a 110 │ z 30    reuse: t3:0, optimal: t3:1 (conflict)
class ChangeRuleTest : public ::testing::Test {
 protected:
  void SetUp() override {
    b_.Coinbase("c0", 0,
                {{"a", 100}, {"b", 50}, {"a", 100}, {"a", 100}, {"b", 50}});
    b_.Spend("t1", 600, {"c0:0", "c0:1"}, {{"x", 110}, {"a", 30}}, 10);
    b_.Spend("t2", 600, {"c0:2"}, {{"a", 60}, {"w", 35}}, 5);
    b_.Spend("t3", 600, {"c0:3", "c0:4"}, {{"a", 110}, {"z", 30}}, 10);
    first_credits_ = std::make_unique<FirstCredits>(b_.ledger());
  }
  std::string Apply(const ChangeRule& rule, std::string_view tx) {
    const ChangeContext ctx{&b_.ledger(), first_credits_.get(), {}};
    const TxStore& s = b_.ledger().txs(b_.btc());
    const TxId t = s.FindTx(tx);
    const OutputId o = rule.Apply(ctx, b_.btc(), t);
    if (o == OutputId::kNone) return "none";
    return std::string(tx) + ":" + std::to_string(s.output_index(o));
  }
  LedgerBuilder b_;
  std::unique_ptr<FirstCredits> first_credits_;
};

TEST_F(ChangeRuleTest, IntersectNeedsAgreement) {
  const ChangeRule both = Intersect({ChangeRule(ChangeHeuristic::kReuse),
                                     ChangeRule(ChangeHeuristic::kOptimal)});
  EXPECT_EQ(Apply(both, "t1"), "t1:1");
  EXPECT_EQ(Apply(both, "t2"), "none");  // optimal has no answer
  EXPECT_EQ(Apply(both, "t3"), "none");  // they disagree
}

TEST_F(ChangeRuleTest, UnionTakesAnyAnswerButNotAConflict) {
  const ChangeRule any = Union({ChangeRule(ChangeHeuristic::kReuse),
                                ChangeRule(ChangeHeuristic::kOptimal)});
  EXPECT_EQ(Apply(any, "t1"), "t1:1");
  EXPECT_EQ(Apply(any, "t2"), "t2:0");  // reuse alone answers
  EXPECT_EQ(Apply(any, "t3"), "none");  // conflict is doubt
}

TEST_F(ChangeRuleTest, ParsesTextForm) {
  auto rule = ParseChangeRule(" reuse + type | optimal ");
  ASSERT_TRUE(rule.ok()) << rule.message();
  EXPECT_EQ(rule->ToString(), "reuse+type|optimal");
  EXPECT_EQ(*rule, Union({Intersect({ChangeRule(ChangeHeuristic::kReuse),
                                     ChangeRule(ChangeHeuristic::kType)}),
                          ChangeRule(ChangeHeuristic::kOptimal)}));
  for (std::string_view text :
       {"reuse", "fresh", "type", "round", "optimal", "peel", "fee", "client",
        "peel|fee|reuse", "reuse|peel|fresh+type|optimal+type"}) {
    auto r = ParseChangeRule(text);
    ASSERT_TRUE(r.ok()) << text << ": " << r.message();
    EXPECT_EQ(r->ToString(), text);
  }
}

TEST_F(ChangeRuleTest, RefusesBadTextWithColumn) {
  auto r = ParseChangeRule("reuse+tpye");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.message().find("column 7: unknown heuristic 'tpye'"),
            std::string::npos)
      << r.message();
  EXPECT_NE(r.message().find("known: reuse, fresh"), std::string::npos);
  for (std::string_view bad : {"", "reuse|", "+type", "reuse type", "a||b"}) {
    EXPECT_FALSE(ParseChangeRule(bad).ok()) << bad;
  }
}

// The change tracer joins a change address to its spender's cluster.
// theft: hot ──▶ thief 990
// p1: thief ──▶ shop 100 │ thief2 880 (fresh, same type; shop seen before)
// p2: thief2 ──▶ dep 300 ("kr") │ thief3 570
TEST(ChangeTracerTest, ClustersChangeWithItsSpender) {
  LedgerBuilder b;
  b.Address(b.btc(), "shop", "p2pkh");
  b.Address(b.btc(), "dep", "p2pkh");
  b.Coinbase("c0", 0, {{"hot", 1000}, {"shop", 1}, {"dep", 1}});
  b.Spend("theft", 600, {"c0:0"}, {{"thief", 990}}, 10);
  b.Spend("p1", 1200, {"theft:0"}, {{"shop", 100}, {"thief2", 880}}, 10);
  b.Spend("p2", 1800, {"p1:1"}, {{"dep", 300}, {"thief3", 570}}, 10);
  b.Label(b.btc(), "dep", "kr", common::LABEL_EXCHANGE_DEPOSIT);
  b.Theft(b.btc(), "theft:0");
  auto tracer = MakeTracer("change", {});
  ASSERT_TRUE(tracer.ok()) << tracer.message();
  auto r = (*tracer)->Trace(b.Input());
  ASSERT_TRUE(r.ok()) << r.message();
  const auto id = [&](std::string_view n) {
    return Index(b.Address(b.btc(), n));
  };
  EXPECT_EQ(r->address_cluster[id("thief")], r->address_cluster[id("thief2")]);
  EXPECT_EQ(r->address_cluster[id("thief")], r->address_cluster[id("thief3")]);
  EXPECT_NE(r->address_cluster[id("thief")], r->address_cluster[id("shop")]);
  EXPECT_NE(r->address_cluster[id("thief")], r->address_cluster[id("dep")]);
  // The cluster pays shop 100 and dep 300, and itself 880 + 570.
  const ChainTrace& c = r->chains[Index(b.btc())];
  EXPECT_EQ(c.output_taint[Index(b.Out(b.btc(), "p1:0"))], 100);
  EXPECT_EQ(c.output_taint[Index(b.Out(b.btc(), "p2:1"))], 570);
  EXPECT_EQ(r->attributions,
            (std::vector<Attribution>{{b.service("kr"), b.btc_asset(), 300}}));
  // Multi-input alone keeps thief2 apart.
  auto mi = (*MakeTracer("multi_input", {}))->Trace(b.Input());
  ASSERT_TRUE(mi.ok());
  EXPECT_NE(mi->address_cluster[id("thief")],
            mi->address_cluster[id("thief2")]);
  EXPECT_TRUE(mi->attributions.empty());
}

}  // namespace
}  // namespace chaintrace::trace
