#include "sim/io/import_fields.h"

#include <gtest/gtest.h>

namespace chaintrace::io {
namespace {

constexpr char kLower[] = "0x52908400098527886e0f7030069857d2e4169ee7";

TEST(NormalizeHexAddress, AcceptsEveryPrefixAndCase) {
  for (const char* text : {"0x52908400098527886E0F7030069857D2E4169EE7",
                           "0X52908400098527886e0f7030069857d2e4169ee7",
                           "\\x52908400098527886e0f7030069857d2e4169ee7",
                           "52908400098527886E0F7030069857D2E4169EE7",
                           "  0x52908400098527886e0f7030069857d2e4169ee7 "}) {
    const Result<std::string> r = NormalizeHexAddress(text);
    ASSERT_TRUE(r.ok()) << text << ": " << r.message();
    EXPECT_EQ(*r, kLower) << text;
  }
}

TEST(NormalizeHexAddress, RefusesWhatIsNotAnAddress) {
  EXPECT_EQ(NormalizeHexAddress("").message(), "empty address");
  EXPECT_EQ(NormalizeHexAddress("0x1234").message(),
            "address '0x1234' has 4 hex digits, not 40");
  EXPECT_EQ(NormalizeHexAddress("0xg2908400098527886e0f7030069857d2e4169ee7")
                .message(),
            "address '0xg2908400098527886e0f7030069857d2e4169ee7' is not "
            "hexadecimal");
}

TEST(ParseTransferTime, AcceptsExplorerAndWarehouseForms) {
  constexpr UnixSeconds kNoonMarch1 = 1614600000;  // 2021-03-01 12:00:00Z
  for (const char* text :
       {"1614600000", "1614600000.0", "2021-03-01 12:00:00 UTC",
        "2021-03-01 12:00:00", "2021-03-01T12:00:00Z",
        "2021-03-01T12:00:00+00:00", "2021-03-01 12:00:00.000000 UTC",
        "2021-03-01T12:00:00.75Z"}) {
    const Result<UnixSeconds> t = ParseTransferTime(text);
    ASSERT_TRUE(t.ok()) << text << ": " << t.message();
    EXPECT_EQ(*t, kNoonMarch1) << text;
  }
}

TEST(ParseTransferTime, RefusesOtherZonesAndGarbage) {
  for (const char* text : {"2021-03-01T12:00:00+02:00", "yesterday", "",
                           "2021-02-30 00:00:00", "12.5.3", "-5"}) {
    EXPECT_FALSE(ParseTransferTime(text).ok()) << text;
  }
}

}  // namespace
}  // namespace chaintrace::io
