#include "sim/trace/union_find.h"

#include <gtest/gtest.h>

#include <vector>

namespace chaintrace::trace {
namespace {

TEST(UnionFindTest, MergesAndCountsSets) {
  // {0,3,4} {1} {2,5}
  UnionFind uf(6);
  EXPECT_TRUE(uf.Union(3, 4));
  EXPECT_TRUE(uf.Union(0, 4));
  EXPECT_FALSE(uf.Union(3, 0));
  EXPECT_TRUE(uf.Union(5, 2));
  EXPECT_TRUE(uf.Same(0, 3));
  EXPECT_FALSE(uf.Same(1, 2));
  EXPECT_EQ(uf.SetSize(4), 3u);
  EXPECT_EQ(uf.SetSize(1), 1u);
  EXPECT_EQ(uf.DenseIds(), (std::vector<std::uint32_t>{0, 1, 2, 0, 0, 2}));
}

TEST(UnionFindTest, LongChainsStayShallow) {
  constexpr std::uint32_t kN = 100000;
  UnionFind uf(kN);
  for (std::uint32_t i = 1; i < kN; ++i) uf.Union(i - 1, i);
  EXPECT_EQ(uf.SetSize(0), kN);
  const std::vector<std::uint32_t> ids = uf.DenseIds();
  for (std::uint32_t id : ids) ASSERT_EQ(id, 0u);
}

TEST(UnionFindTest, EmptyIsFine) {
  UnionFind uf;
  EXPECT_EQ(uf.size(), 0u);
  EXPECT_TRUE(uf.DenseIds().empty());
}

}  // namespace
}  // namespace chaintrace::trace
