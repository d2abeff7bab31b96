#include "model/chain.h"

#include <gtest/gtest.h>

namespace chaintrace {
namespace {

TEST(AssetInfo, UsdAtIsPiecewiseLinearAndConstantOutside) {
  AssetInfo btc{"BTC", ChainId{0}, 8, {{100, 10.0}, {200, 30.0}, {400, 20.0}}};
  EXPECT_DOUBLE_EQ(btc.UsdAt(-1000), 10.0);  // before the first point
  EXPECT_DOUBLE_EQ(btc.UsdAt(100), 10.0);
  EXPECT_DOUBLE_EQ(btc.UsdAt(150), 20.0);
  EXPECT_DOUBLE_EQ(btc.UsdAt(200), 30.0);
  EXPECT_DOUBLE_EQ(btc.UsdAt(300), 25.0);
  EXPECT_DOUBLE_EQ(btc.UsdAt(399), 20.05);
  EXPECT_DOUBLE_EQ(btc.UsdAt(400), 20.0);
  EXPECT_DOUBLE_EQ(btc.UsdAt(1 << 30), 20.0);  // after the last point
}

TEST(AssetInfo, UsdAtWithOneOrNoPoints) {
  AssetInfo one{"USDT", ChainId{0}, 6, {{50, 1.0}}};
  EXPECT_DOUBLE_EQ(one.UsdAt(0), 1.0);
  EXPECT_DOUBLE_EQ(one.UsdAt(1000), 1.0);
  AssetInfo none{"X", ChainId{0}, 0, {}};
  EXPECT_DOUBLE_EQ(none.UsdAt(7), 0.0);
}

TEST(ChainInfo, KnowsItsModel) {
  EXPECT_TRUE((ChainInfo{"btc", common::UTXO, AssetId{0}, 600}.is_utxo()));
  EXPECT_FALSE((ChainInfo{"eth", common::ACCOUNT, AssetId{1}, 13}.is_utxo()));
}

}  // namespace
}  // namespace chaintrace
