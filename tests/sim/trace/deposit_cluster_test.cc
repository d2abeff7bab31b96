#include "sim/trace/deposit_cluster.h"

#include <gtest/gtest.h>

#include <vector>

#include "tests/sim/trace/ledger_builder.h"

namespace chaintrace::trace {
namespace {

using testing::LedgerBuilder;

// An ACCOUNT chain (fee 1 per transfer):
//
//   u1 ─▶ d1 50 (t=10)        d1 ─▶ H 49 (t=20)
//   thief ─▶ d2 300 (t=30)    d2 ─▶ H 299 (t=40)
//   u2 ─▶ d2 20 (t=50)        d2 ─▶ H 19 (t=60)
//   u3 ─▶ d3 10 (t=70)        d3 ─▶ H2 9 (t=80)      H2 has one deposit
//   u1 ─▶ d4 10 (t=90)        d4 ─▶ H 9 (t=90 + 2 days: too slow)
//   x ─▶ y 10 (t=100)         y ─▶ z 9 (t=110)        z collects from y only
// d1 and d2 are H's deposit addresses; thief and u2 share d2, so they are
// one customer.
class DepositClusterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    b_.Mint(
        "g0", 0,
        {{"u1", 100}, {"u2", 100}, {"u3", 100}, {"thief", 1000}, {"x", 50}});
    b_.Transfer("a1", 10, "u1", {{"d1", 50}}, 1);
    b_.Transfer("s1", 20, "d1", {{"H", 49}}, 1);
    b_.Transfer("a2", 30, "thief", {{"d2", 300}}, 1);
    b_.Transfer("s2", 40, "d2", {{"H", 299}}, 1);
    b_.Transfer("a3", 50, "u2", {{"d2", 20}}, 1);
    b_.Transfer("s3", 60, "d2", {{"H", 19}}, 1);
    b_.Transfer("a4", 70, "u3", {{"d3", 10}}, 1);
    b_.Transfer("s4", 80, "d3", {{"H2", 9}}, 1);
    b_.Transfer("a5", 90, "u1", {{"d4", 10}}, 1);
    b_.Transfer("a6", 100, "x", {{"y", 10}}, 1);
    b_.Transfer("s6", 110, "y", {{"z", 9}}, 1);
    b_.Transfer("s5", 90 + Seconds{2} * 86400, "d4", {{"H", 9}}, 1);
    b_.Theft(b_.eth(), "g0:3");
  }
  AddressId A(std::string_view name) { return b_.Address(b_.eth(), name); }
  LedgerBuilder b_;
};

TEST_F(DepositClusterTest, FindsDepositAddressesAndTheirHotWallet) {
  const AddressActivity activity(b_.ledger());
  const std::vector<AddressId> hot =
      FindDepositAddresses(b_.ledger(), b_.labels(), activity, DepositRule{});
  EXPECT_EQ(hot[Index(A("d1"))], A("H"));
  EXPECT_EQ(hot[Index(A("d2"))], A("H"));
  EXPECT_EQ(hot[Index(A("d3"))], AddressId::kNone);
  EXPECT_EQ(hot[Index(A("d4"))], AddressId::kNone);
  EXPECT_EQ(hot[Index(A("y"))], AddressId::kNone);
  EXPECT_EQ(hot[Index(A("thief"))], AddressId::kNone);
  // A wallet label makes one deposit enough.
  b_.Label(b_.eth(), "H2", "jp", common::LABEL_EXCHANGE_WALLET);
  const std::vector<AddressId> labelled =
      FindDepositAddresses(b_.ledger(), b_.labels(), activity, DepositRule{});
  EXPECT_EQ(labelled[Index(A("d3"))], A("H2"));
}

TEST_F(DepositClusterTest, ClustersExchangeAndCustomer) {
  const AddressActivity activity(b_.ledger());
  UnionFind uf(b_.ledger().address_count());
  ClusterDeposits(b_.ledger(), b_.labels(), activity, DepositRule{}, &uf);
  const auto id = [&](std::string_view n) {
    return static_cast<std::uint32_t>(Index(A(n)));
  };
  EXPECT_TRUE(uf.Same(id("H"), id("d1")));
  EXPECT_TRUE(uf.Same(id("H"), id("d2")));
  EXPECT_TRUE(uf.Same(id("thief"), id("u2")));
  EXPECT_FALSE(uf.Same(id("thief"), id("d2")));
  EXPECT_FALSE(uf.Same(id("u1"), id("thief")));
  EXPECT_FALSE(uf.Same(id("H"), id("d4")));
  EXPECT_FALSE(uf.Same(id("y"), id("z")));
  EXPECT_EQ(uf.SetSize(id("H")), 3u);
}

TEST_F(DepositClusterTest, TracerAttributesThroughTheExchangeCluster) {
  b_.Label(b_.eth(), "H", "kr", common::LABEL_EXCHANGE_WALLET);
  auto r = MakeDepositClusterTracer({})->Trace(b_.Input());
  ASSERT_TRUE(r.ok()) << r.message();
  // The thief's cluster {thief, u2} paid the unlabelled d2 300 + 20, which
  // the cluster {H, d1, d2} ties to "kr".
  EXPECT_EQ(
      r->attributions,
      (std::vector<Attribution>{{b_.service("kr"), b_.eth_asset(), 320}}));
  EXPECT_EQ(r->address_flagged[Index(A("u2"))], 1);
  EXPECT_EQ(r->address_flagged[Index(A("u1"))], 0);
  const ChainTrace& c = r->chains[Index(b_.eth())];
  EXPECT_EQ(c.output_taint[Index(b_.Out(b_.eth(), "a2:0"))], 300);
  EXPECT_EQ(c.output_taint[Index(b_.Out(b_.eth(), "a3:0"))], 20);
  EXPECT_EQ(c.output_taint[Index(b_.Out(b_.eth(), "a1:0"))], 0);
  EXPECT_EQ(r->address_cluster[Index(A("d1"))],
            r->address_cluster[Index(A("H"))]);
  // Without the label the payment is flagged but attributed to no one.
  b_ = LedgerBuilder();
  SetUp();
  auto plain = MakeDepositClusterTracer({})->Trace(b_.Input());
  ASSERT_TRUE(plain.ok());
  EXPECT_TRUE(plain->attributions.empty());
}

}  // namespace
}  // namespace chaintrace::trace
