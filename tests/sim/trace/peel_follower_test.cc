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

}  // namespace
}  // namespace chaintrace::trace
