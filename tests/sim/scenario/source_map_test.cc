#include "sim/scenario/source_map.h"

#include <gtest/gtest.h>

namespace chaintrace::sim {
namespace {

ParsedFile Parse(std::string_view text) {
  std::vector<Diagnostic> diagnostics;
  auto parsed =
      ParseScenarioText(text, "x", kDefaultRecursionLimit, &diagnostics);
  EXPECT_TRUE(parsed.has_value());
  return std::move(*parsed);
}

class SourceMapTest : public ::testing::Test {
 protected:
  // b.textproto is merged first, as if included by a.textproto.
  void SetUp() override {
    ParsedFile a = Parse(
        "include: \"b.textproto\"\n"
        "seed: 5\n"
        "metadata { name: \"a\" }\n"
        "chains { name: \"a0\" }\n");
    ParsedFile b = Parse(
        "metadata { name: \"b\" description: \"from b\" }\n"
        "start: \"2021-01-01\"\n"
        "chains { name: \"b0\" }\n"
        "chains {\n"
        "  name: \"b1\"\n"
        "}\n");
    const int ida = map_.AddFile("a.textproto", std::move(a.locations));
    const int idb = map_.AddFile("b.textproto", std::move(b.locations));
    map_.Merge(idb, b.scenario, &merged_);
    map_.Merge(ida, a.scenario, &merged_);
  }

  SourceMap map_;
  scenario::Scenario merged_;
};

TEST_F(SourceMapTest, RepeatedFieldsAppendAndSingularFieldsReplace) {
  ASSERT_EQ(merged_.chains_size(), 3);
  EXPECT_EQ(merged_.chains(0).name(), "b0");
  EXPECT_EQ(merged_.chains(1).name(), "b1");
  EXPECT_EQ(merged_.chains(2).name(), "a0");
  EXPECT_EQ(merged_.seed(), 5u);
  EXPECT_EQ(merged_.start(), "2021-01-01");
  // metadata is replaced as a whole: b's description does not survive.
  EXPECT_EQ(merged_.metadata().name(), "a");
  EXPECT_FALSE(merged_.metadata().has_description());
  EXPECT_EQ(merged_.include_size(), 0);
}

TEST_F(SourceMapTest, LocatesElementsInTheFileTheyCameFrom) {
  const Diagnostic b1 =
      map_.Locate(FieldPath().Element("chains", 1).Field("name"), "m");
  EXPECT_EQ(b1.ToString(), "b.textproto:5:3: chains[1].name: m");
  const Diagnostic a0 = map_.Locate(FieldPath().Element("chains", 2), "m");
  EXPECT_EQ(a0.ToString(), "a.textproto:4:1: chains[2]: m");
  EXPECT_EQ(map_.Position(FieldPath().Field("start")), "b.textproto:2:1");
  EXPECT_EQ(map_.Position(FieldPath().Field("metadata").Field("name")),
            "a.textproto:3:12");
}

TEST_F(SourceMapTest, UnsetFieldsFallBackToTheEnclosingElementOrRoot) {
  // chains[0] has no model: located at the chain.
  EXPECT_EQ(map_.Position(FieldPath().Element("chains", 0).Field("model")),
            "b.textproto:3:1");
  // No file sets `duration`: the root file, no line.
  EXPECT_EQ(map_.Position(FieldPath().Field("duration")), "a.textproto");
  // A whole list, or an index past the end.
  EXPECT_EQ(map_.Position(FieldPath().Field("chains")), "a.textproto");
  EXPECT_EQ(map_.Position(FieldPath().Element("chains", 9)), "a.textproto");
  EXPECT_EQ(map_.Position(FieldPath().Field("no_such_field")), "a.textproto");
}

TEST_F(SourceMapTest, LocatesInOneFile) {
  const Diagnostic d =
      map_.LocateInFile(0, FieldPath().Element("include", 0), "m");
  EXPECT_EQ(d.ToString(), "a.textproto:1:1: include[0]: m");
}

}  // namespace
}  // namespace chaintrace::sim
