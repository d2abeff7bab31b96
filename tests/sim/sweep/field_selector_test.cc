// Field selectors: parsing, resolution against a scenario, setting values.

#include "sim/sweep/field_selector.h"

#include <google/protobuf/text_format.h>
#include <gtest/gtest.h>

#include <string>

#include "proto/scenario.pb.h"

namespace chaintrace::sweep {
namespace {

scenario::Scenario Base() {
  scenario::Scenario s;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(
      R"pb(
        plans {
          name: "peel"
          stages { peel_chain { hops: 10 } }
          stages { mixer { mixer: "m" } }
        }
        attacks {
          name: "a"
          inline_plan { stages { split { ways: 3 } } }
        }
        entities {
          name: "cj"
          coinjoin { max_participants: 20 }
        }
      )pb",
      &s));
  return s;
}

std::string Resolve(const scenario::Scenario& s, const std::string& text) {
  const auto selector = ParseFieldSelector(text);
  if (!selector.ok()) return "parse error: " + selector.message();
  const auto path = ResolveFieldSelector(s, *selector);
  return path.ok() ? path->ToString() : "error: " + path.message();
}

TEST(FieldSelector, ParsesIndicesAndNames) {
  const auto s = ParseFieldSelector("plans[name=peel.v2].stages[12].mixer.x");
  ASSERT_TRUE(s.ok()) << s.message();
  ASSERT_EQ(s->size(), 4u);
  EXPECT_EQ((*s)[0].name, "plans");
  EXPECT_TRUE((*s)[0].has_key);
  EXPECT_EQ((*s)[0].key, "peel.v2");
  EXPECT_EQ((*s)[1].index, 12);
  EXPECT_EQ((*s)[3].name, "x");
  EXPECT_EQ((*s)[3].index, -1);
}

TEST(FieldSelector, RefusesBadSyntaxNamingTheCharacter) {
  EXPECT_FALSE(ParseFieldSelector("").ok());
  EXPECT_EQ(ParseFieldSelector("a..b").message(),
            "bad field path 'a..b' at character 3: expected a field name");
  EXPECT_FALSE(ParseFieldSelector("a[1").ok());
  EXPECT_FALSE(ParseFieldSelector("a[-1]").ok());
  EXPECT_FALSE(ParseFieldSelector("a[x]").ok());
  EXPECT_FALSE(ParseFieldSelector("a[name=]").ok());
  EXPECT_FALSE(ParseFieldSelector("a[1]b").ok());
}

TEST(FieldSelector, ResolvesNamesToIndices) {
  const scenario::Scenario s = Base();
  EXPECT_EQ(Resolve(s, "plans[name=peel].stages[0].peel_chain.hops"),
            "plans[0].stages[0].peel_chain.hops");
  EXPECT_EQ(Resolve(s, "entities[name=cj].coinjoin.max_participants"),
            "entities[0].coinjoin.max_participants");
  EXPECT_EQ(Resolve(s, "attacks[0].inline_plan.stages[0].split.ways"),
            "attacks[0].inline_plan.stages[0].split.ways");
  // Unset messages on the way are fine: they are created when set.
  EXPECT_EQ(Resolve(s, "labels.exchange_deposit"), "labels.exchange_deposit");
  EXPECT_EQ(Resolve(s, "plans[0].stages[1].mixer.max_lots_per_address"),
            "plans[0].stages[1].mixer.max_lots_per_address");
}

TEST(FieldSelector, ExplainsWhatIsWrong) {
  const scenario::Scenario s = Base();
  EXPECT_EQ(Resolve(s, "plans[0].stagez[0]"),
            "error: plans[0]: no field 'stagez' in chaintrace.scenario.Plan");
  EXPECT_EQ(Resolve(s, "plans[name=nope].name"),
            "error: no element of 'plans' is named 'nope'");
  EXPECT_EQ(Resolve(s, "plans[0].stages[5].delay"),
            "error: plans[0]: stages[5] does not exist: 'stages' has 2 "
            "elements");
  EXPECT_EQ(Resolve(s, "plans[0].stages.delay"),
            "error: plans[0]: 'stages' is repeated: select an element with "
            "[N] or [name=NAME]");
  EXPECT_EQ(Resolve(s, "plans[0].stages[0].mixer.mixer"),
            "error: plans[0].stages[0]: its kind is 'peel_chain', not 'mixer'");
  EXPECT_EQ(Resolve(s, "plans[0].stages[0].peel_chain"),
            "error: plans[0].stages[0].peel_chain: is a message; name one of "
            "its fields");
  EXPECT_EQ(Resolve(s, "labels[0].mixer"),
            "error: 'labels' is not repeated: remove the [...]");
  EXPECT_EQ(Resolve(s, "plans[0].name.x"),
            "error: plans[0].name: is not a message; it has no field 'x'");
  EXPECT_EQ(Resolve(s, "plans[0].stages[0][name=x].hops").substr(0, 12),
            "parse error:");
  EXPECT_EQ(Resolve(s, "attacks[0].thefts[name=x].asset"),
            "error: attacks[0]: elements of 'thefts' have no name; select one "
            "by index [N]");
}

TEST(FieldSelector, ChecksValuesAgainstTypes) {
  const auto* plan = scenario::PeelChain::descriptor();
  EXPECT_TRUE(CheckFieldValue(*plan->FindFieldByName("hops"), "146").ok());
  EXPECT_EQ(CheckFieldValue(*plan->FindFieldByName("hops"), "1.5").message(),
            "value '1.5' is not a 32-bit integer (field 'hops' is int32)");
  EXPECT_FALSE(
      CheckFieldValue(*plan->FindFieldByName("hops"), "99999999999").ok());
  EXPECT_TRUE(
      CheckFieldValue(*plan->FindFieldByName("peel_fraction"), "0.02").ok());
  EXPECT_FALSE(
      CheckFieldValue(*plan->FindFieldByName("peel_fraction"), "inf").ok());
  EXPECT_TRUE(
      CheckFieldValue(*plan->FindFieldByName("peel_to"), "SERVICES").ok());
  EXPECT_FALSE(
      CheckFieldValue(*plan->FindFieldByName("peel_to"), "NOWHERE").ok());
  EXPECT_TRUE(
      CheckFieldValue(*plan->FindFieldByName("hop_interval"), "any text").ok());
  const auto* print = scenario::Fingerprint::descriptor();
  EXPECT_TRUE(
      CheckFieldValue(*print->FindFieldByName("test_deposits"), "true").ok());
  EXPECT_FALSE(
      CheckFieldValue(*print->FindFieldByName("test_deposits"), "1").ok());
}

TEST(FieldSelector, SetsValuesCreatingMessages) {
  scenario::Scenario s = Base();
  const auto set = [&](const std::string& text, const std::string& value) {
    const auto selector = ParseFieldSelector(text);
    ASSERT_TRUE(selector.ok());
    const auto path = ResolveFieldSelector(s, *selector);
    ASSERT_TRUE(path.ok()) << path.message();
    const Status status = SetFieldValue(&s, *path, value);
    EXPECT_TRUE(status.ok()) << status.message();
  };
  set("plans[name=peel].stages[0].peel_chain.hops", "146");
  set("plans[name=peel].stages[0].peel_chain.peel_to", "ATTACKER_WALLETS");
  set("plans[0].stages[1].mixer.max_withdraw_delay", "7d");
  set("labels.exchange_deposit", "0.25");
  set("seed", "18446744073709551615");
  set("plans[0].stages[0].fingerprint.test_deposits", "true");
  EXPECT_EQ(s.plans(0).stages(0).peel_chain().hops(), 146);
  EXPECT_EQ(s.plans(0).stages(0).peel_chain().peel_to(),
            scenario::ATTACKER_WALLETS);
  EXPECT_EQ(s.plans(0).stages(1).mixer().max_withdraw_delay(), "7d");
  EXPECT_DOUBLE_EQ(s.labels().exchange_deposit(), 0.25);
  EXPECT_EQ(s.seed(), 18446744073709551615ull);
  EXPECT_TRUE(s.plans(0).stages(0).fingerprint().test_deposits());

  sim::FieldPath hops = sim::FieldPath()
                            .Element("plans", 0)
                            .Element("stages", 0)
                            .Field("peel_chain")
                            .Field("hops");
  EXPECT_FALSE(SetFieldValue(&s, hops, "many").ok());
  EXPECT_EQ(s.plans(0).stages(0).peel_chain().hops(), 146);
}

}  // namespace
}  // namespace chaintrace::sweep
