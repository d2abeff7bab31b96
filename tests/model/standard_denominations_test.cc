#include "model/standard_denominations.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

namespace chaintrace {
namespace {

TEST(StandardDenominations, TheWasabi2List) {
  const auto d = StandardDenominations();
  ASSERT_FALSE(d.empty());
  EXPECT_EQ(d.front(), 5'000);
  EXPECT_EQ(d.back(), 134'375'000'000);
  EXPECT_TRUE(std::is_sorted(d.begin(), d.end()));
  EXPECT_EQ(std::adjacent_find(d.begin(), d.end()), d.end());
  // One of each series, and values that are in none.
  for (Amount v : {Amount{8'192}, Amount{6'561}, Amount{13'122}, Amount{10'000},
                   Amount{20'000}, Amount{50'000}, Amount{100'000'000},
                   Amount{34'359'738'368}, Amount{2 * 10'460'353'203}}) {
    EXPECT_TRUE(IsStandardDenomination(v)) << v;
  }
  for (Amount v : {Amount{4'096}, Amount{1'000}, Amount{30'000},
                   Amount{100'000'001}, Amount{200'000'000'000}}) {
    EXPECT_FALSE(IsStandardDenomination(v)) << v;
  }
}

TEST(StandardDenominations, SplitTakesTheLargestThatFitsWithItsCost) {
  // 0.1 BTC + 20,000 sat, each output costing 1,000 sat of mining fee:
  //   10,000,000 (1e7) + 1,000 -> 19,000 left
  //   16,384 (2^14) + 1,000    ->  1,616 left, below every denomination
  //                                plus its cost.
  std::vector<Amount> out;
  const Amount rest =
      SplitIntoStandardDenominations(10'020'000, 1'000, 8, &out);
  EXPECT_EQ(out, (std::vector<Amount>{10'000'000, 16'384}));
  EXPECT_EQ(rest, 1'616);
}

TEST(StandardDenominations, SplitStopsAtMaxOutputs) {
  std::vector<Amount> out;
  const Amount rest =
      SplitIntoStandardDenominations(10'020'000, 1'000, 1, &out);
  EXPECT_EQ(out, (std::vector<Amount>{10'000'000}));
  EXPECT_EQ(rest, 19'000);
  out.clear();
  EXPECT_EQ(SplitIntoStandardDenominations(5'999, 1'000, 8, &out), 5'999);
  EXPECT_TRUE(out.empty());
  EXPECT_EQ(SplitIntoStandardDenominations(-5, 0, 8, &out), 0);
  EXPECT_TRUE(out.empty());
}

}  // namespace
}  // namespace chaintrace
