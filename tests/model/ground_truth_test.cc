#include "model/ground_truth.h"

#include <gtest/gtest.h>

#include "model/ledger.h"
#include "tests/model/ledger_test_util.h"

namespace chaintrace {
namespace {

TEST(GroundTruth, ReadsTheTruthOfTheTestLedger) {
  // peel.textproto: hack1 steals c0:0 in t1 and peels it through p1, p2.
  const LedgerFile file = testing_util::ReadTestdata("peel.textproto");
  ASSERT_TRUE(file.truth.has_value());
  const GroundTruth& truth = *file.truth;
  const Ledger& l = file.ledger;
  const ChainId btc = l.FindChain("btc");
  const TxStore& s = l.txs(btc);

  const AttackId hack = truth.FindAttack("hack1");
  ASSERT_NE(hack, AttackId::kNone);
  EXPECT_EQ(truth.attack(hack).victim, "exch_a");
  EXPECT_EQ(truth.attack(hack).time, 1200);

  const EntityId exch_b = truth.FindEntity("exch_b");
  EXPECT_EQ(truth.entity(exch_b).kind, common::EXCHANGE);
  EXPECT_EQ(truth.entity(exch_b).country, "JP");
  EXPECT_EQ(truth.entity(exch_b).region, common::ASIA);
  EXPECT_EQ(truth.owner(l.FindAddress(btc, "exch_dep")), exch_b);
  EXPECT_EQ(truth.owner(l.FindAddress(btc, "shop")), EntityId::kNone);

  const TxTruth p2 = truth.tx(btc, s.FindTx("p2"));
  EXPECT_EQ(p2.attack, hack);
  EXPECT_EQ(p2.stage, "peel_chain");
  EXPECT_EQ(p2.stage_index, 0);
  EXPECT_EQ(p2.hop, 2);
  const TxTruth b1 = truth.tx(btc, s.FindTx("b1"));
  EXPECT_EQ(b1.attack, AttackId::kNone);
  EXPECT_EQ(b1.stage, "");
  EXPECT_EQ(b1.hop, -1);

  // Stolen value splits exactly along the peel chain.
  const IdRange<OutputId> p1 = s.outputs(s.FindTx("p1"));
  EXPECT_EQ(truth.stolen(btc, p1[0]), 1000);
  EXPECT_EQ(truth.stolen(btc, p1[1]), 8980);
  EXPECT_EQ(truth.stolen_attack(btc, p1[1]), hack);
  EXPECT_EQ(truth.stolen(btc, s.outputs(s.FindTx("b1"))[0]), 0);

  ASSERT_EQ(truth.cash_outs().size(), 1u);
  const CashOut& c = truth.cash_outs()[0];
  EXPECT_EQ(c.exchange, exch_b);
  EXPECT_EQ(c.tx, s.FindTx("p2"));
  EXPECT_EQ(c.address, l.FindAddress(btc, "exch_dep"));
  EXPECT_EQ(c.amount, 2000);

  // Thefts are public: they live in the ledger.
  ASSERT_EQ(l.thefts().size(), 1u);
  EXPECT_EQ(l.thefts()[0].attack, "hack1");
  EXPECT_EQ(l.thefts()[0].output, s.outputs(s.FindTx("t1"))[0]);
  EXPECT_EQ(l.thefts()[0].amount, 9990);
}

TEST(GroundTruth, SettersGrowAndResizeFillsDefaults) {
  GroundTruth truth;
  const auto e = truth.AddEntity(Entity{"x", common::USER, "", {}});
  ASSERT_TRUE(e.ok());
  EXPECT_FALSE(truth.AddEntity(Entity{"x", common::USER, "", {}}).ok());
  const auto a = truth.AddAttack(Attack{"h", "g", "x", 5});
  ASSERT_TRUE(a.ok());
  EXPECT_FALSE(truth.AddAttack(Attack{"h", "", "", 0}).ok());
  truth.SetOwner(AddressId{10}, *e);
  EXPECT_EQ(truth.owner(AddressId{10}), *e);
  EXPECT_EQ(truth.owner(AddressId{3}), EntityId::kNone);
  EXPECT_EQ(truth.owner(AddressId{11}), EntityId::kNone);
  ASSERT_TRUE(truth.SetTx(ChainId{1}, TxId{4}, *a, "mixer", 2, 7).ok());
  EXPECT_EQ(truth.tx(ChainId{1}, TxId{4}).stage, "mixer");
  EXPECT_EQ(truth.tx(ChainId{1}, TxId{3}).attack, AttackId::kNone);
  EXPECT_EQ(truth.tx(ChainId{0}, TxId{0}).hop, -1);
  truth.SetStolen(ChainId{1}, OutputId{2}, 77, *a);
  EXPECT_EQ(truth.stolen(ChainId{1}, OutputId{2}), 77);
  EXPECT_EQ(truth.stolen(ChainId{1}, OutputId{9}), 0);
}

TEST(GroundTruth, EqualityComparesStageNamesNotTheirInterningOrder) {
  GroundTruth one;
  const AttackId a = *one.AddAttack(Attack{"hack", "g", "v", 0});
  ASSERT_TRUE(one.SetTx(ChainId{0}, TxId{1}, a, "theft", 0, 0).ok());
  ASSERT_TRUE(one.SetTx(ChainId{1}, TxId{0}, a, "bridge", 1, 3).ok());
  GroundTruth two;
  const AttackId b = *two.AddAttack(Attack{"hack", "g", "v", 0});
  ASSERT_TRUE(two.SetTx(ChainId{1}, TxId{0}, b, "bridge", 1, 3).ok());
  ASSERT_TRUE(two.SetTx(ChainId{0}, TxId{1}, b, "theft", 0, 0).ok());
  EXPECT_TRUE(one == two);

  GroundTruth other = two;
  ASSERT_TRUE(other.SetTx(ChainId{1}, TxId{0}, b, "mixer", 1, 3).ok());
  EXPECT_FALSE(one == other);  // another stage
  other = two;
  ASSERT_TRUE(other.SetTx(ChainId{1}, TxId{0}, b, "bridge", 1, 4).ok());
  EXPECT_FALSE(one == other);  // another hop
  other = two;
  ASSERT_TRUE(other.SetTx(ChainId{0}, TxId{2}, b, "theft", 0, 0).ok());
  EXPECT_FALSE(one == other);  // one more record
  other = two;
  other.SetStolen(ChainId{0}, OutputId{4}, 10, b);
  EXPECT_FALSE(one == other);  // an output's truth
}

}  // namespace
}  // namespace chaintrace
