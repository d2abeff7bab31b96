#include "sim/trace/peel_follower.h"

#include <gtest/gtest.h>

#include <vector>

#include "tests/sim/trace/ledger_builder.h"

namespace chaintrace::trace {
namespace {

using testing::LedgerBuilder;

// A five-hop peel chain (satoshi; fee 10 000 per hop):
//
//  theft  hot ─▶ thief 9 990 000                                  (seed)
//  h1  thief ─▶ dA 1 000 000 ["kr"]   │ c1 8 980 000
//  h2  c1    ─▶ dB 1 000 000          │ c2 7 970 000    dB: unlabelled payee
//  h3  c2    ─▶ dC 1 000 000 ["jp"]   │ c3 6 960 000
//  h4  c3    ─▶ c4 5 950 000          │ dE 1 000 000 ["kr"]   (change first)
//  h5  c4    ─▶ dF 1 000 000 ["kr"]   │ c5 4 940 000    c5 unspent: the
//      larger output is taken as the change
//  s1  dB + bg ─▶ shop 1 004 990       (the payee spends elsewhere)
class PeelFollowerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    b_.Coinbase("c0", 0, {{"hot", 10000000}, {"bg", 15000}});
    b_.Spend("theft", 600, {"c0:0"}, {{"thief", 9990000}}, 10000);
    b_.Spend("h1", 1200, {"theft:0"}, {{"dA", 1000000}, {"c1", 8980000}},
             10000);
    b_.Spend("h2", 1800, {"h1:1"}, {{"dB", 1000000}, {"c2", 7970000}}, 10000);
    b_.Spend("h3", 2400, {"h2:1"}, {{"dC", 1000000}, {"c3", 6960000}}, 10000);
    b_.Spend("h4", 3000, {"h3:1"}, {{"c4", 5950000}, {"dE", 1000000}}, 10000);
    b_.Spend("h5", 3600, {"h4:0"}, {{"dF", 1000000}, {"c5", 4940000}}, 10000);
    b_.Spend("s1", 4200, {"h2:0", "c0:1"}, {{"shop", 1004990}}, 10);
    for (const char* kr : {"dA", "dE", "dF"}) {
      b_.Label(b_.btc(), kr, "kr", common::LABEL_EXCHANGE_DEPOSIT);
    }
    b_.Label(b_.btc(), "dC", "jp", common::LABEL_EXCHANGE_DEPOSIT);
    b_.Theft(b_.btc(), "theft:0");
  }
  Amount Taint(const TraceResult& r, std::string_view ref) {
    return r.chains[Index(b_.btc())].output_taint[Index(b_.Out(b_.btc(), ref))];
  }
  std::int32_t Hop(const TraceResult& r, std::string_view ref) {
    return r.chains[Index(b_.btc())].output_hop[Index(b_.Out(b_.btc(), ref))];
  }
  LedgerBuilder b_;
};

TEST_F(PeelFollowerTest, FollowsTheChangeAndAttributesThePeels) {
  auto r = MakePeelFollowerTracer({})->Trace(b_.Input());
  ASSERT_TRUE(r.ok()) << r.message();
  EXPECT_EQ(r->attributions, (std::vector<Attribution>{
                                 {b_.service("kr"), b_.btc_asset(), 3000000},
                                 {b_.service("jp"), b_.btc_asset(), 1000000},
                             }));
  EXPECT_EQ(Taint(*r, "theft:0"), 9990000);
  const char* const change[] = {"h1:1", "h2:1", "h3:1", "h4:0", "h5:1"};
  const char* const peel[] = {"h1:0", "h2:0", "h3:0", "h4:1", "h5:0"};
  for (int hop = 1; hop <= 5; ++hop) {
    EXPECT_EQ(Hop(*r, change[hop - 1]), hop);
    EXPECT_EQ(Hop(*r, peel[hop - 1]), hop);
    EXPECT_EQ(Taint(*r, peel[hop - 1]), 1000000);
  }
  EXPECT_EQ(Taint(*r, "h5:1"), 4940000);
  EXPECT_EQ(Taint(*r, "s1:0"), 0);  // a peel is not followed
  EXPECT_EQ(r->max_hop, 5);
  EXPECT_EQ(r->address_flagged[Index(b_.Address(b_.btc(), "dB"))], 1);
  EXPECT_EQ(r->address_flagged[Index(b_.Address(b_.btc(), "shop"))], 0);
  EXPECT_TRUE(r->address_cluster.empty());
}

TEST_F(PeelFollowerTest, StopsAtTheHopLimit) {
  auto r = MakePeelFollowerTracer({3, false})->Trace(b_.Input());
  ASSERT_TRUE(r.ok()) << r.message();
  EXPECT_EQ(r->attributions, (std::vector<Attribution>{
                                 {b_.service("kr"), b_.btc_asset(), 1000000},
                                 {b_.service("jp"), b_.btc_asset(), 1000000},
                             }));
  EXPECT_EQ(Taint(*r, "h3:1"), 6960000);
  EXPECT_EQ(Taint(*r, "h4:0"), 0);
  EXPECT_EQ(r->max_hop, 3);
}

TEST_F(PeelFollowerTest, StopsAtACoinJoin) {
  // c5 and two strangers join with three equal outputs.
  b_.Coinbase("c9", 4500, {{"s1x", 3000000}, {"s2x", 3000000}});
  b_.Spend(
      "join", 4800, {"h5:1", "c9:0", "c9:1"},
      {{"j1", 2900000}, {"j2", 2900000}, {"j3", 2900000}, {"back", 2130000}},
      10000);
  auto r = MakePeelFollowerTracer({})->Trace(b_.Input());
  ASSERT_TRUE(r.ok()) << r.message();
  EXPECT_EQ(Taint(*r, "h5:1"), 4940000);
  EXPECT_EQ(Taint(*r, "join:0"), 0);
  EXPECT_EQ(r->max_hop, 5);
}

// A haul split in three before it is peeled (satoshi, fee 10 000):
//
//  c0     hot   ─▶ thief 30 000 000                                (seed)
//  split  thief ─▶ a 10 000 000 │ b 9 990 000 │ z 10 000 000
//  a1     a     ─▶ dA 1 000 000 ["kr"] │ a2c 8 990 000
//  a2     a2c   ─▶ dB 1 000 000 ["kr"] │ a3c 7 980 000
//  b1     b     ─▶ dC 2 000 000 ["jp"] │ b1c 7 980 000
//  z1     z     ─▶ m1 4 000 000 │ m2 5 990 000    (no peel shape: ends)
//  pay    thief2 ─▶ dD 3 000 000 ["kr"] │ e 3 490 000 │ g 3 490 000
//         (a payment to a labelled address is no split: e is not followed)
//  e1     e     ─▶ f1 1 000 000 │ f2 2 485 000   (fee 5 000)
TEST(PeelFollowerSplitTest, FollowsEveryBranchOfASplit) {
  LedgerBuilder b;
  b.Coinbase("c0", 0, {{"hot", 30010000}, {"hot2", 10000000}});
  b.Spend("theft", 600, {"c0:0"}, {{"thief", 30000000}}, 10000);
  b.Spend("split", 1200, {"theft:0"},
          {{"a", 10000000}, {"b", 9990000}, {"z", 10000000}}, 10000);
  b.Spend("a1", 1800, {"split:0"}, {{"dA", 1000000}, {"a2c", 8990000}}, 10000);
  b.Spend("a2", 2400, {"a1:1"}, {{"dB", 1000000}, {"a3c", 7980000}}, 10000);
  b.Spend("b1", 2700, {"split:1"}, {{"dC", 2000000}, {"b1c", 7980000}}, 10000);
  b.Spend("z1", 2800, {"split:2"}, {{"m1", 4000000}, {"m2", 5990000}}, 10000);
  b.Spend("theft2", 3000, {"c0:1"}, {{"thief2", 9990000}}, 10000);
  b.Spend("pay", 3600, {"theft2:0"},
          {{"dD", 3000000}, {"e", 3490000}, {"g", 3490000}}, 10000);
  b.Spend("e1", 4200, {"pay:1"}, {{"f1", 1000000}, {"f2", 2485000}}, 5000);
  for (const char* kr : {"dA", "dB", "dD"}) {
    b.Label(b.btc(), kr, "kr", common::LABEL_EXCHANGE_DEPOSIT);
  }
  b.Label(b.btc(), "dC", "jp", common::LABEL_EXCHANGE_DEPOSIT);
  b.Theft(b.btc(), "theft:0");
  b.Theft(b.btc(), "theft2:0");
  auto r = MakePeelFollowerTracer({})->Trace(b.Input());
  ASSERT_TRUE(r.ok()) << r.message();
  const auto& chain = r->chains[Index(b.btc())];
  const auto taint = [&](std::string_view ref) {
    return chain.output_taint[Index(b.Out(b.btc(), ref))];
  };
  const auto hop = [&](std::string_view ref) {
    return chain.output_hop[Index(b.Out(b.btc(), ref))];
  };
  // Every branch is flagged at the split's hop and followed from the next.
  for (const char* branch : {"split:0", "split:1", "split:2"}) {
    EXPECT_EQ(hop(branch), 1) << branch;
  }
  EXPECT_EQ(hop("a1:0"), 2);
  EXPECT_EQ(hop("a2:1"), 3);
  EXPECT_EQ(taint("a2:1"), 7980000);
  EXPECT_EQ(hop("b1:1"), 2);
  // z1 has no peel shape: flagged, and the branch ends.
  EXPECT_EQ(taint("z1:0"), 4000000);
  EXPECT_EQ(taint("z1:1"), 5990000);
  // A payment with a labelled output is not a split: nothing after it.
  EXPECT_EQ(taint("pay:1"), 3490000);
  EXPECT_EQ(taint("e1:0"), 0);
  EXPECT_EQ(taint("e1:1"), 0);
  EXPECT_EQ(r->attributions, (std::vector<Attribution>{
                                 {b.service("kr"), b.btc_asset(), 5000000},
                                 {b.service("jp"), b.btc_asset(), 2000000},
                             }));
}

}  // namespace
}  // namespace chaintrace::trace
