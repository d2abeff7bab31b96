#include "sim/trace/result_builder.h"

#include <gtest/gtest.h>

#include <vector>

#include "tests/sim/trace/ledger_builder.h"

namespace chaintrace::trace::follow {
namespace {

using testing::LedgerBuilder;

TEST(ResultBuilderTest, CapsTaintKeepsMinimumHopAndMergesAttributions) {
  LedgerBuilder b;
  b.Coinbase("c0", 0, {{"a", 100}, {"b", 50}});
  const OutputId a = b.Out(b.btc(), "c0:0");
  ResultBuilder out(b.ledger());
  out.Flag(b.btc(), a, 70, 3);
  out.AddTaint(b.btc(), a, 50, 2);  // capped at the value 100
  out.Attribute(ServiceId{2}, AssetId{0}, 5);
  out.Attribute(ServiceId{1}, AssetId{1}, 7);
  out.Attribute(ServiceId{2}, AssetId{0}, 6);
  out.Attribute(ServiceId{1}, AssetId{0}, 0);      // dropped
  out.Attribute(ServiceId::kNone, AssetId{0}, 9);  // dropped
  const TraceResult r = out.Finish();
  const ChainTrace& c = r.chains[Index(b.btc())];
  EXPECT_EQ(c.output_taint[Index(a)], 100);
  EXPECT_EQ(c.output_hop[Index(a)], 2);
  EXPECT_EQ(c.output_hop[Index(b.Out(b.btc(), "c0:1"))], -1);
  EXPECT_TRUE(c.output_score.empty());
  EXPECT_EQ(r.max_hop, 3);
  EXPECT_EQ(r.address_flagged[Index(b.Address(b.btc(), "a"))], 1);
  EXPECT_EQ(r.address_flagged[Index(b.Address(b.btc(), "b"))], 0);
  EXPECT_EQ(r.attributions,
            (std::vector<Attribution>{{ServiceId{1}, AssetId{1}, 7},
                                      {ServiceId{2}, AssetId{0}, 11}}));
}

TEST(ResultBuilderTest, ScoresAppearOnlyWhenGiven) {
  LedgerBuilder b;
  b.Coinbase("c0", 0, {{"a", 100}, {"b", 50}});
  ResultBuilder out(b.ledger());
  out.FlagWhole(b.btc(), b.Out(b.btc(), "c0:1"), 1, 0.6f);
  const TraceResult r = out.Finish();
  const ChainTrace& c = r.chains[Index(b.btc())];
  ASSERT_EQ(c.output_score.size(), 2u);
  EXPECT_FLOAT_EQ(c.output_score[1], 0.6f);
  EXPECT_FLOAT_EQ(c.output_score[0], 0.0f);
  EXPECT_EQ(c.output_taint[1], 50);
  EXPECT_TRUE(r.chains[Index(b.eth())].output_score.empty());
}

TEST(ResultBuilderTest, CheckInputNamesTheBadSeed) {
  LedgerBuilder b;
  b.Coinbase("c0", 0, {{"a", 100}});
  std::vector<Seed> seeds = {{b.btc(), b.Out(b.btc(), "c0:0"), 100, ""},
                             {b.btc(), OutputId{7}, 1, ""}};
  Status st = CheckInput(TraceInput{&b.ledger(), seeds, nullptr});
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.message(), "seed 1: chain 'btc' has no output 7");
  seeds[1] = {ChainId{9}, OutputId{0}, 1, ""};
  EXPECT_EQ(CheckInput(TraceInput{&b.ledger(), seeds, nullptr}).message(),
            "seed 1: unknown chain");
  seeds[1] = {b.btc(), b.Out(b.btc(), "c0:0"), -1, ""};
  EXPECT_FALSE(CheckInput(TraceInput{&b.ledger(), seeds, nullptr}).ok());
  EXPECT_FALSE(CheckInput(TraceInput{}).ok());
  seeds.pop_back();
  EXPECT_TRUE(CheckInput(TraceInput{&b.ledger(), seeds, nullptr}).ok());
}

}  // namespace
}  // namespace chaintrace::trace::follow
