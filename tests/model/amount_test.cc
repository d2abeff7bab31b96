#include "model/amount.h"

#include <gtest/gtest.h>

namespace chaintrace {
namespace {

TEST(ParseDecimalAmount, ScalesToBaseUnits) {
  EXPECT_EQ(*ParseDecimalAmount("1", 8), 100000000);
  EXPECT_EQ(*ParseDecimalAmount("1250.5", 8), 125050000000);
  EXPECT_EQ(*ParseDecimalAmount("0.00000001", 8), 1);
  EXPECT_EQ(*ParseDecimalAmount(".5", 6), 500000);
  EXPECT_EQ(*ParseDecimalAmount("2.500", 1), 25);  // trailing zeros are fine
  EXPECT_EQ(*ParseDecimalAmount("0", 9), 0);
  EXPECT_EQ(*ParseDecimalAmount("42", 0), 42);
}

TEST(ParseDecimalAmount, RefusesMalformedText) {
  for (const char* bad :
       {"", ".", "1.", "-1", "+1", "1e8", " 1", "1 ", "1.2.3", "abc", "1,5"}) {
    EXPECT_FALSE(ParseDecimalAmount(bad, 8).ok()) << "'" << bad << "'";
  }
}

TEST(ParseDecimalAmount, RefusesExcessPrecision) {
  const auto r = ParseDecimalAmount("0.000000001", 8);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.message().find("more than 8 decimal places"), std::string::npos);
}

TEST(ParseDecimalAmount, DetectsOverflowAfterScaling) {
  // 92233720368.54775807 BTC is INT64_MAX satoshi; one more does not fit.
  EXPECT_EQ(*ParseDecimalAmount("92233720368.54775807", 8), INT64_MAX);
  const auto r = ParseDecimalAmount("92233720368.54775808", 8);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.message().find("does not fit in 64 bits"), std::string::npos);
  EXPECT_FALSE(ParseDecimalAmount("10", 18).ok());
  EXPECT_EQ(*ParseDecimalAmount("9", 18), 9000000000000000000);
  EXPECT_FALSE(ParseDecimalAmount("99999999999999999999999", 0).ok());
}

TEST(FormatDecimalAmount, RoundTrips) {
  EXPECT_EQ(FormatDecimalAmount(125050000000, 8), "1250.5");
  EXPECT_EQ(FormatDecimalAmount(1, 8), "0.00000001");
  EXPECT_EQ(FormatDecimalAmount(-10000000, 8), "-0.1");
  EXPECT_EQ(FormatDecimalAmount(42, 0), "42");
  EXPECT_EQ(FormatDecimalAmount(INT64_MIN, 0), "-9223372036854775808");
  for (Amount a : {Amount{0}, Amount{1}, Amount{99999999}, INT64_MAX}) {
    EXPECT_EQ(*ParseDecimalAmount(FormatDecimalAmount(a, 8), 8), a);
  }
}

TEST(CheckedArithmetic, DetectsOverflow) {
  EXPECT_EQ(CheckedAdd(INT64_MAX - 1, 1), INT64_MAX);
  EXPECT_FALSE(CheckedAdd(INT64_MAX, 1));
  EXPECT_FALSE(CheckedSub(INT64_MIN, 1));
  EXPECT_FALSE(CheckedMul(INT64_MAX / 2 + 1, 2));
  EXPECT_EQ(CheckedMul(3, -4), -12);
}

TEST(UsdToAmount, ConvertsAtPriceAndRounds) {
  // $50,000 of BTC at $10,000: 5 BTC.
  EXPECT_EQ(UsdToAmount(50000, 10000, 8), 500000000);
  // $1 of a $3 asset with 2 decimals: 0.33 (33.33 rounds to 33).
  EXPECT_EQ(UsdToAmount(1, 3, 2), 33);
  EXPECT_FALSE(UsdToAmount(1, 0, 8));
  EXPECT_FALSE(UsdToAmount(-1, 1, 8));
  EXPECT_FALSE(UsdToAmount(1e30, 1, 8));
  EXPECT_DOUBLE_EQ(AmountToUsd(500000000, 10000, 8), 50000);
}

}  // namespace
}  // namespace chaintrace
