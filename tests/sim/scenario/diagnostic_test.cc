#include "sim/scenario/diagnostic.h"

#include <gtest/gtest.h>

namespace chaintrace::sim {
namespace {

TEST(DiagnosticTest, FormatsEveryPart) {
  const Diagnostic d{"a.textproto", 12, 5, "attacks[0].at", "bad time"};
  EXPECT_EQ(d.ToString(), "a.textproto:12:5: attacks[0].at: bad time");
}

TEST(DiagnosticTest, OmitsUnknownParts) {
  EXPECT_EQ((Diagnostic{"a.textproto", 0, 0, "", "empty"}).ToString(),
            "a.textproto: empty");
  EXPECT_EQ((Diagnostic{"a.textproto", 3, 0, "", "x"}).ToString(),
            "a.textproto:3: x");
  EXPECT_EQ((Diagnostic{"a.textproto", 0, 7, "start", "x"}).ToString(),
            "a.textproto: start: x");
  EXPECT_EQ((Diagnostic{"", 0, 0, "start", "missing"}).ToString(),
            "start: missing");
  EXPECT_EQ((Diagnostic{"", 0, 0, "", "bare"}).ToString(), "bare");
}

}  // namespace
}  // namespace chaintrace::sim
