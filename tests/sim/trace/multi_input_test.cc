#include "sim/trace/multi_input.h"

#include <gtest/gtest.h>

#include <vector>

#include "sim/trace/registry.h"
#include "tests/sim/trace/ledger_builder.h"

namespace chaintrace::trace {
namespace {

using testing::LedgerBuilder;

// c0 (coinbase) ─ hot 1000 │ t2 500 │ p 100 │ q 100 │ r 100 │ e 30 │ f 30
// theft: hot ──▶ thief 990                                   (fee 10, seed)
// m1:    thief + t2 ──▶ dep 1400 (exchange "kr") │ shop 80    (fee 10)
// j1:    p + q + r ──▶ u1 90 │ u2 90 │ u3 90                 (CoinJoin)
// b1:    e + f ──▶ v1 10 │ v2 10 │ v3 10 │ v4 10 │ v5 10     (batch payout)
class MultiInputTest : public ::testing::Test {
 protected:
  void SetUp() override {
    b_.Coinbase("c0", 0,
                {{"hot", 1000},
                 {"t2", 500},
                 {"p", 100},
                 {"q", 100},
                 {"r", 100},
                 {"e", 30},
                 {"f", 30}});
    b_.Spend("theft", 600, {"c0:0"}, {{"thief", 990}}, 10);
    b_.Spend("m1", 1200, {"theft:0", "c0:1"}, {{"dep", 1400}, {"shop", 80}},
             10);
    b_.Spend("j1", 1800, {"c0:2", "c0:3", "c0:4"},
             {{"u1", 90}, {"u2", 90}, {"u3", 90}}, 30);
    b_.Spend("b1", 2400, {"c0:5", "c0:6"},
             {{"v1", 10}, {"v2", 10}, {"v3", 10}, {"v4", 10}, {"v5", 10}}, 10);
    b_.Label(b_.btc(), "dep", "kr", common::LABEL_EXCHANGE_DEPOSIT);
    b_.Theft(b_.btc(), "theft:0");
  }
  std::uint32_t Id(std::string_view name) {
    return static_cast<std::uint32_t>(Index(b_.Address(b_.btc(), name)));
  }
  LedgerBuilder b_;
};

TEST_F(MultiInputTest, MergesInputsButNotCoinJoins) {
  UnionFind uf(b_.ledger().address_count());
  ClusterMultiInput(b_.ledger(), b_.labels(), CoinJoinRule{}, &uf);
  EXPECT_TRUE(uf.Same(Id("thief"), Id("t2")));
  EXPECT_TRUE(uf.Same(Id("e"), Id("f")));  // batch payout: not a join
  EXPECT_FALSE(uf.Same(Id("p"), Id("q")));
  EXPECT_FALSE(uf.Same(Id("q"), Id("r")));
  EXPECT_FALSE(uf.Same(Id("hot"), Id("thief")));
  EXPECT_EQ(uf.SetSize(Id("p")), 1u);
}

TEST_F(MultiInputTest, CoinJoinLabelAlsoBlocksMerging) {
  // Raising the equal-output threshold hides j1's pattern; a coordinator
  // label on u1 still marks it a join.
  b_.Label(b_.btc(), "u1", "wasabi", common::LABEL_COINJOIN);
  UnionFind uf(b_.ledger().address_count());
  ClusterMultiInput(b_.ledger(), b_.labels(), CoinJoinRule{2, 10}, &uf);
  EXPECT_FALSE(uf.Same(Id("p"), Id("q")));
  UnionFind plain(b_.ledger().address_count());
  const Labels none;
  ClusterMultiInput(b_.ledger(), none, CoinJoinRule{2, 10}, &plain);
  EXPECT_TRUE(plain.Same(Id("p"), Id("r")));
}

// Rounds shaped like the simulator's coordinated joins (sim/world/
// services.cc): each participant puts in one coin and gets the
// denomination 50 plus change; the coordinator's fee goes to "coord".
//   k2: a + b     ──▶ 50 │ 50 │ a' 47 │ b' 27 │ coord 2
//   k3: c + d + g ──▶ 50 │ 50 │ 50 │ 7 │ 17 │ 27 │ coord 3
// Unlabelled, the 2-party round has only two equal outputs, like an
// ordinary payment of one amount with change: it is merged (the detector's
// blind spot, the teaching lesson scenarios/teaching/coinjoin_purity). The
// 3-party round is caught by its shape; a labelled coordinator catches both.
TEST(CoinJoinShapes, TwoPartyJoinsEscapeTheEqualOutputTest) {
  LedgerBuilder b;
  b.Coinbase("c0", 0, {{"a", 100}, {"b", 80}, {"c", 60}, {"d", 70}, {"g", 80}});
  b.Spend("k2", 600, {"c0:0", "c0:1"},
          {{"a1", 50}, {"b1", 50}, {"a2", 47}, {"b2", 27}, {"coord", 2}}, 4);
  b.Spend("k3", 1200, {"c0:2", "c0:3", "c0:4"},
          {{"c1", 50},
           {"d1", 50},
           {"g1", 50},
           {"c2", 7},
           {"d2", 17},
           {"g2", 27},
           {"coord", 3}},
          6);
  const auto id = [&](std::string_view name) {
    return static_cast<std::uint32_t>(Index(b.Address(b.btc(), name)));
  };
  UnionFind plain(b.ledger().address_count());
  ClusterMultiInput(b.ledger(), b.labels(), CoinJoinRule{}, &plain);
  EXPECT_TRUE(plain.Same(id("a"), id("b")));  // strangers merged
  EXPECT_FALSE(plain.Same(id("c"), id("d")));
  EXPECT_FALSE(plain.Same(id("d"), id("g")));
  b.Label(b.btc(), "coord", "coordinator", common::LABEL_COINJOIN);
  UnionFind labelled(b.ledger().address_count());
  ClusterMultiInput(b.ledger(), b.labels(), CoinJoinRule{}, &labelled);
  EXPECT_FALSE(labelled.Same(id("a"), id("b")));
  EXPECT_FALSE(labelled.Same(id("c"), id("d")));
}

TEST_F(MultiInputTest, TracerFlagsSeedClusterAndWhatItPays) {
  auto tracer = MakeTracer("multi_input", {});
  ASSERT_TRUE(tracer.ok()) << tracer.message();
  auto r = (*tracer)->Trace(b_.Input());
  ASSERT_TRUE(r.ok()) << r.message();
  const ChainTrace& btc = r->chains[Index(b_.btc())];
  std::vector<Amount> want(b_.ledger().txs(b_.btc()).output_count(), 0);
  want[Index(b_.Out(b_.btc(), "theft:0"))] = 990;
  want[Index(b_.Out(b_.btc(), "m1:0"))] = 1400;
  want[Index(b_.Out(b_.btc(), "m1:1"))] = 80;
  EXPECT_EQ(btc.output_taint, want);
  EXPECT_EQ(btc.output_hop[Index(b_.Out(b_.btc(), "m1:0"))], 1);
  EXPECT_EQ(btc.output_hop[Index(b_.Out(b_.btc(), "theft:0"))], 0);
  EXPECT_EQ(btc.output_hop[Index(b_.Out(b_.btc(), "c0:1"))], -1);
  EXPECT_EQ(r->max_hop, 1);
  for (const char* name : {"thief", "t2", "dep", "shop"}) {
    EXPECT_EQ(r->address_flagged[Id(name)], 1) << name;
  }
  for (const char* name : {"hot", "p", "u1", "e"}) {
    EXPECT_EQ(r->address_flagged[Id(name)], 0) << name;
  }
  EXPECT_EQ(
      r->attributions,
      (std::vector<Attribution>{{b_.service("kr"), b_.btc_asset(), 1400}}));
  ASSERT_EQ(r->address_cluster.size(), b_.ledger().address_count());
  EXPECT_EQ(r->address_cluster[Id("thief")], r->address_cluster[Id("t2")]);
  EXPECT_NE(r->address_cluster[Id("p")], r->address_cluster[Id("q")]);
}

TEST_F(MultiInputTest, RejectsBadSeeds) {
  auto tracer = MakeMultiInputTracer({});
  std::vector<Seed> seeds = {{b_.btc(), b_.Out(b_.btc(), "theft:0"), 991, ""}};
  auto r = tracer->Trace(TraceInput{&b_.ledger(), seeds, &b_.labels()});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.message().find("seed 0"), std::string::npos) << r.message();
  seeds[0] = {b_.btc(), OutputId{999}, 1, ""};
  EXPECT_FALSE(tracer->Trace(TraceInput{&b_.ledger(), seeds, nullptr}).ok());
}

TEST_F(MultiInputTest, WorksWithoutLabels) {
  auto tracer = MakeMultiInputTracer({});
  TraceInput in = b_.Input();
  in.labels = nullptr;
  auto r = tracer->Trace(in);
  ASSERT_TRUE(r.ok()) << r.message();
  EXPECT_TRUE(r->attributions.empty());
  EXPECT_EQ(r->address_flagged[Id("dep")], 1);
}

}  // namespace
}  // namespace chaintrace::trace
