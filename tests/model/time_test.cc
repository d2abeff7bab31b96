#include "model/time.h"

#include <gtest/gtest.h>

namespace chaintrace {
namespace {

TEST(ParseCalendarTime, DatesAndDateTimes) {
  EXPECT_EQ(*ParseCalendarTime("1970-01-01"), 0);
  EXPECT_EQ(*ParseCalendarTime("2020-01-01"), 1577836800);
  EXPECT_EQ(*ParseCalendarTime("2020-09-25T14:30:00Z"), 1601044200);
  EXPECT_EQ(*ParseCalendarTime("2024-02-29"), 1709164800);
}

TEST(ParseCalendarTime, RefusesBadTimes) {
  for (const char* bad :
       {"", "2020", "2020-1-1", "2020-13-01", "2021-02-29", "2020-04-31",
        "2020-01-01T24:00:00Z", "2020-01-01T10:00:00", "2020-01-01 10:00:00Z",
        "1969-12-31", "2020-01-01T10:00:00+01:00", "20x0-01-01"}) {
    EXPECT_FALSE(ParseCalendarTime(bad).ok()) << "'" << bad << "'";
  }
}

TEST(FormatCalendarTime, InvertsParse) {
  EXPECT_EQ(FormatCalendarTime(1601044200), "2020-09-25T14:30:00Z");
  for (UnixSeconds t :
       {UnixSeconds{0}, UnixSeconds{951782400}, UnixSeconds{4102444799}}) {
    EXPECT_EQ(*ParseCalendarTime(FormatCalendarTime(t)), t);
  }
}

TEST(ParseDuration, Units) {
  EXPECT_EQ(*ParseDuration("90s"), 90);
  EXPECT_EQ(*ParseDuration("15m"), 900);
  EXPECT_EQ(*ParseDuration("6h"), 21600);
  EXPECT_EQ(*ParseDuration("40d"), 3456000);
  EXPECT_EQ(*ParseDuration("2w"), 1209600);
  EXPECT_EQ(*ParseDuration("0s"), 0);
}

TEST(ParseDuration, RefusesBadDurations) {
  for (const char* bad : {"", "d", "40", "-1d", "1.5d", "4 d", "3y",
                          "99999999999999999999d", "1000000000000000w"}) {
    EXPECT_FALSE(ParseDuration(bad).ok()) << "'" << bad << "'";
  }
}

TEST(FormatDuration, LargestExactUnit) {
  EXPECT_EQ(FormatDuration(Seconds{3} * 86400), "3d");
  EXPECT_EQ(FormatDuration(5400), "90m");
  EXPECT_EQ(FormatDuration(7), "7s");
  EXPECT_EQ(FormatDuration(0), "0s");
}

}  // namespace
}  // namespace chaintrace
