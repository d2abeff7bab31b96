#include "sim/scenario/field_path.h"

#include <gtest/gtest.h>

namespace chaintrace::sim {
namespace {

TEST(FieldPathTest, FormatsNamesAndIndices) {
  const FieldPath attack = FieldPath().Element("attacks", 2);
  const FieldPath hops = attack.Field("inline_plan")
                             .Element("stages", 0)
                             .Field("peel_chain")
                             .Field("hops");
  EXPECT_EQ(hops.ToString(),
            "attacks[2].inline_plan.stages[0].peel_chain.hops");
  EXPECT_EQ(attack.ToString(), "attacks[2]");  // unchanged by extension
  EXPECT_EQ(FieldPath().ToString(), "");
  EXPECT_TRUE(FieldPath().empty());
  ASSERT_EQ(hops.segments().size(), 5u);
  EXPECT_EQ(hops.segments()[1].index, -1);
  EXPECT_EQ(hops.segments()[2].index, 0);
}

}  // namespace
}  // namespace chaintrace::sim
