// The scenario header (metadata, start, duration), names and their
// namespaces, tracers, expectations, labels and limits. Each case edits
// tests/data/scenarios/full.textproto once and expects exactly one error.

#include "sim/scenario/validate.h"

#include <gtest/gtest.h>

#include "tests/sim/scenario/scenario_test_util.h"

namespace chaintrace::sim {
namespace {

using testing::EditCase;
using testing::ExpectEditError;
using testing::ReadData;
using testing::ReplaceOnce;

#define APPEND(extra) "limits { max_transactions: 1000000 }\n" extra
constexpr const char* kEnd = "limits { max_transactions: 1000000 }";

const EditCase kCases[] = {
    // ------------------------------------------------------------ header
    {"NameMissing", "  name: \"full\"\n", "", "metadata.name",
     "required field is missing", "metadata {"},
    {"NameEmpty", "name: \"full\"", "name: \"\"", "metadata.name",
     "must not be empty"},
    {"SourceDateBad", "date: \"2022-03-01\"", "date: \"2022-02-30\"",
     "metadata.sources[0].date", "day out of range"},
    {"StartBad", "start: \"2021-01-01\"", "start: \"2021-13-01\"", "start",
     "month out of range"},
    {"StartBefore1970", "start: \"2021-01-01\"", "start: \"1969-12-31\"",
     "start", "year before 1970"},
    {"DurationZero", "duration: \"365d\"", "duration: \"0d\"", "duration",
     "duration must be positive, got '0d'"},
    {"DurationNoUnit", "duration: \"365d\"", "duration: \"365\"", "duration",
     "'365' is not a duration (an integer and a unit s, m, h, d or w, e.g. "
     "\"40d\"): unknown unit"},
    {"DurationOverflowsTheCalendar", "duration: \"365d\"",
     "duration: \"9223372036854775807s\"", "duration",
     "start + duration does not fit in 64 bits"},
    // ------------------------------------------------------------- names
    {"DuplicateChain", kEnd,
     APPEND("chains { name: \"bitcoin\" model: UTXO native_asset: \"BTC\" }"),
     "chains[2].name",
     "duplicate chain name 'bitcoin', first defined at full.textproto:12:1",
     "name: \"bitcoin\" model: UTXO"},
    {"DuplicateAsset", kEnd,
     APPEND("assets { name: \"ETH\" chain: \"ethereum\" decimals: 9 "
            "usd_price { at: \"2021-01-01\" value: 1 } }"),
     "assets[3].name",
     "duplicate asset name 'ETH', first defined at full.textproto:",
     "name: \"ETH\" chain"},
    {"DuplicateEntity", kEnd,
     APPEND("entities { name: \"lazarus\" attacker {} }"), "entities[12].name",
     "duplicate entity name 'lazarus'", "name: \"lazarus\" attacker {}"},
    {"DuplicatePlan", kEnd,
     APPEND("plans { name: \"standard\" stages { hold {} } }"), "plans[1].name",
     "duplicate plan name 'standard'", "name: \"standard\" stages"},
    {"DuplicateAttack", kEnd,
     APPEND("attacks { name: \"peel\" group: \"lazarus\" victim: \"victim\" "
            "at: \"2021-05-01\" thefts { asset: \"BTC\" amount: \"1\" } "
            "plan: \"standard\" }"),
     "attacks[2].name", "duplicate attack name 'peel'", "name: \"peel\" group"},
    {"NotAnIdentifier", kEnd,
     APPEND("entities { name: \"9lives\" attacker {} }"), "entities[12].name",
     "'9lives' is not a name: a letter, then letters, digits, '_', '.' or '-'",
     "name: \"9lives\""},
    {"NameWithSpace", kEnd,
     APPEND("entities { name: \"north korea\" attacker {} }"),
     "entities[12].name", "is not a name", "name: \"north korea\""},
    {"EntityNameMissing", kEnd, APPEND("entities { attacker {} }"),
     "entities[12].name", "required field is missing",
     "entities { attacker {} }"},
    // ----------------------------------------------------------- tracing
    {"TracerMissing", "tracers { tracer: \"haircut\" }",
     "tracers { id: \"haircut\" }", "tracers[0].tracer",
     "required field is missing", "tracers { id"},
    {"TracerIdTwice", kEnd, APPEND("tracers { tracer: \"haircut\" }"),
     "tracers[2].tracer",
     "duplicate tracer id 'haircut' (set `id` to run a tracer twice)",
     "tracer: \"haircut\" }\n", 1},
    {"MaxHopsNegative", "max_hops: 10", "max_hops: -1", "tracers[1].max_hops",
     "must be in [0, 1000000], got -1"},
    {"ExpectationTracerUnknown", "tracer: \"fifo-10\" metric",
     "tracer: \"fifo-11\" metric", "expectations[1].tracer",
     "unknown tracer id 'fifo-11' (not in `tracers`)", "tracer: \"fifo-11\""},
    {"TracerNotRegistered", "tracer: \"fifo\" id", "tracer: \"fiffo\" id",
     "tracers[1].tracer",
     "unknown tracer 'fiffo' (known: poison, haircut, fifo, lifo, tiho, "
     "seniority, multi_input, change, deposit_cluster, peel_follower, "
     "mixer_demix, bridge_match, analyst)",
     "tracer: \"fiffo\""},
    {"ExpectationPrecisionPerAttack", "metric: VALUE_RECALL attack",
     "metric: VALUE_PRECISION attack", "expectations[0].attack",
     "VALUE_PRECISION is measured over all attacks only (a false positive "
     "belongs to no attack); remove `attack`",
     "attack: \"heist\" min"},
    {"ExpectationTracerMissing", "tracer: \"fifo-10\" metric", "metric",
     "expectations[1].tracer", "required field is missing",
     "expectations { metric"},
    {"MetricMissing", "metric: MAX_HOP ", "", "expectations[1].metric",
     "required field is missing", "expectations {", 1},
    {"MetricUnspecified", "metric: MAX_HOP", "metric: METRIC_UNSPECIFIED",
     "expectations[1].metric", "must name a metric, not METRIC_UNSPECIFIED"},
    {"ExpectationAttackUnknown", "attack: \"heist\" min",
     "attack: \"hiest\" min", "expectations[0].attack",
     "unknown attack 'hiest'", "attack: \"hiest\""},
    {"ExpectationWithoutBounds", "attack: \"heist\" min: 0.5",
     "attack: \"heist\"", "expectations[0]", "set at least one of min and max",
     "expectations {", 0},
    {"ExpectationMinAboveMax", "min: 1 max: 10", "min: 11 max: 10",
     "expectations[1].max", "min (11) is greater than max (10)", "max: 10"},
    {"ExpectationBoundNaN", "min: 1 max: 10", "min: nan max: 10",
     "expectations[1].min", "got nan", "min: nan"},
    {"LabelCoverageAboveOne", "exchange_deposit: 0.6", "exchange_deposit: 1.5",
     "labels.exchange_deposit", "must be in [0, 1], got 1.5"},
    {"LabelCoverageNegative", "otc: 0.3 }", "otc: 0.3 mixer: -0.1 }",
     "labels.mixer", "must be in [0, 1], got -0.1", "mixer: -0.1"},
    {"LimitNegative", "max_transactions: 1000000", "max_transactions: -1",
     "limits.max_transactions", "must be in [0, 9223372036854775807], got -1"},
};

class ValidateTest : public ::testing::TestWithParam<EditCase> {};

TEST_P(ValidateTest, ReportsTheEditedField) { ExpectEditError(GetParam()); }

INSTANTIATE_TEST_SUITE_P(Edits, ValidateTest, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<EditCase>& p) {
                           return std::string(p.param.name);
                         });

TEST(ValidateTest, MissingTopLevelFieldsPointAtTheRootFile) {
  std::string text = ReadData("scenarios/full.textproto");
  text = ReplaceOnce(text, "start: \"2021-01-01\"\n", "");
  text = ReplaceOnce(text, "duration: \"365d\"\n", "");
  const LoadResult result = LoadScenarioText(text, "full.textproto");
  ASSERT_EQ(result.diagnostics.size(), 2u) << testing::Describe(result);
  EXPECT_EQ(result.diagnostics[0].ToString(),
            "full.textproto: start: required field is missing");
  EXPECT_EQ(result.diagnostics[1].ToString(),
            "full.textproto: duration: required field is missing");
}

TEST(ValidateTest, ScenarioWithoutChains) {
  const LoadResult result = LoadScenarioText(
      "metadata { name: \"x\" }\nstart: \"2021-01-01\"\nduration: \"1d\"\n",
      "x.textproto");
  ASSERT_EQ(result.diagnostics.size(), 1u) << testing::Describe(result);
  EXPECT_EQ(result.diagnostics[0].ToString(),
            "x.textproto: chains: a scenario needs at least one chain");
}

TEST(ValidateTest, KindsHaveSeparateNamespaces) {
  const std::string text =
      ReplaceOnce(ReadData("scenarios/full.textproto"), kEnd,
                  APPEND("plans { name: \"bitcoin\" stages { hold {} } }\n"
                         "entities { name: \"BTC\" attacker {} }"));
  const LoadResult result = LoadScenarioText(text, "full.textproto");
  EXPECT_TRUE(result.ok()) << testing::Describe(result);
}

TEST(ValidateTest, ReportsEveryErrorAtOnce) {
  std::string text = ReadData("scenarios/full.textproto");
  text = ReplaceOnce(text, "hot_fraction: 0.2", "hot_fraction: 2");
  text = ReplaceOnce(text, "rounds: 2", "rounds: 0");
  text = ReplaceOnce(text, "plan: \"standard\"", "plan: \"nope\"");
  text = ReplaceOnce(text, "otc: 0.3 }", "otc: 3 }");
  const LoadResult result = LoadScenarioText(text, "full.textproto");
  EXPECT_EQ(result.diagnostics.size(), 4u) << testing::Describe(result);
}

}  // namespace
}  // namespace chaintrace::sim
