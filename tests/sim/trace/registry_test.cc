#include "sim/trace/registry.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace chaintrace::trace {
namespace {

TEST(Registry, EveryTaintModelIsRegisteredOnceAndNamesItself) {
  std::set<std::string> names;
  for (const TracerInfo& info : RegisteredTracers()) {
    EXPECT_TRUE(names.insert(info.name).second) << "duplicate " << info.name;
    EXPECT_FALSE(info.summary.empty()) << info.name;
    auto tracer = MakeTracer(info.name, {});
    ASSERT_TRUE(tracer.ok()) << tracer.message();
    EXPECT_EQ((*tracer)->name(), info.name);
  }
  for (const char* name :
       {"poison", "haircut", "fifo", "lifo", "tiho", "seniority"}) {
    EXPECT_EQ(names.count(name), 1U) << name;
  }
}

TEST(Registry, UnknownNameListsTheKnownOnes) {
  auto tracer = MakeTracer("no_such", {});
  ASSERT_FALSE(tracer.ok());
  EXPECT_NE(tracer.message().find("no_such"), std::string::npos);
  EXPECT_NE(tracer.message().find("haircut"), std::string::npos);
}

}  // namespace
}  // namespace chaintrace::trace
