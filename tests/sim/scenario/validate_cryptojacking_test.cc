// Validation of cryptojacking campaigns (AttackerGroup.cryptojacking). Each
// case appends to tests/data/scenarios/full.textproto an attacker group
// "miners" (entities[12]) whose one campaign has one field wrong, and
// expects exactly that error.

#include <gtest/gtest.h>

#include <string>

#include "tests/sim/scenario/scenario_test_util.h"

namespace chaintrace::sim {
namespace {

using testing::EditCase;
using testing::ExpectEditError;
using testing::ReadData;
using testing::ReplaceOnce;

constexpr const char* kEnd = "limits { max_transactions: 1000000 }";
// The end of full.textproto followed by an attacker group with one campaign
// whose fields are `fields`.
#define CAMPAIGN(fields)                   \
  "limits { max_transactions: 1000000 }\n" \
  "entities { name: \"miners\" attacker { cryptojacking { " fields " } } }"
#define VALID_FIELDS                                                           \
  "name: \"cj\" chain: \"bitcoin\" start: \"2021-02-01\" end: \"2021-04-01\" " \
  "hashrate_share: 0.001 country: \"KR\" plan: \"standard\" "                  \
  "source { date: \"2019-08-30\" }"

const EditCase kCases[] = {
    {"NameMissing", kEnd,
     CAMPAIGN("chain: \"bitcoin\" start: \"2021-02-01\" end: \"2021-04-01\" "
              "hashrate_share: 0.001"),
     "entities[12].attacker.cryptojacking[0].name", "required field is missing",
     "cryptojacking {"},
    {"NameNotAnIdentifier", kEnd,
     CAMPAIGN("name: \"2cj\" chain: \"bitcoin\" start: \"2021-02-01\" "
              "end: \"2021-04-01\" hashrate_share: 0.001"),
     "entities[12].attacker.cryptojacking[0].name", "'2cj' is not a name",
     "name: \"2cj\""},
    {"NameIsAnAttackName", kEnd,
     CAMPAIGN("name: \"heist\" chain: \"bitcoin\" start: \"2021-02-01\" "
              "end: \"2021-04-01\" hashrate_share: 0.001"),
     "entities[12].attacker.cryptojacking[0].name",
     "campaign name 'heist' is also the name of an attack", "name: \"heist\"",
     1},
    {"ChainUnknown", kEnd,
     CAMPAIGN("name: \"cj\" chain: \"monero\" start: \"2021-02-01\" "
              "end: \"2021-04-01\" hashrate_share: 0.001"),
     "entities[12].attacker.cryptojacking[0].chain", "unknown chain 'monero'",
     "chain: \"monero\""},
    {"StartMissing", kEnd,
     CAMPAIGN("name: \"cj\" chain: \"bitcoin\" end: \"2021-04-01\" "
              "hashrate_share: 0.001"),
     "entities[12].attacker.cryptojacking[0].start",
     "required field is missing", "cryptojacking {"},
    {"StartMalformed", kEnd,
     CAMPAIGN("name: \"cj\" chain: \"bitcoin\" start: \"2021-02-30\" "
              "end: \"2021-04-01\" hashrate_share: 0.001"),
     "entities[12].attacker.cryptojacking[0].start", "day",
     "start: \"2021-02-30\""},
    {"EndOutsideTheSpan", kEnd,
     CAMPAIGN("name: \"cj\" chain: \"bitcoin\" start: \"2021-02-01\" "
              "end: \"2022-02-01\" hashrate_share: 0.001"),
     "entities[12].attacker.cryptojacking[0].end",
     "time '2022-02-01' is outside the scenario", "end: \"2022-02-01\""},
    {"EndNotAfterStart", kEnd,
     CAMPAIGN("name: \"cj\" chain: \"bitcoin\" start: \"2021-02-01\" "
              "end: \"2021-02-01\" hashrate_share: 0.001"),
     "entities[12].attacker.cryptojacking[0].end",
     "end (2021-02-01) must be after start (2021-02-01)",
     "end: \"2021-02-01\""},
    {"ShareMissing", kEnd,
     CAMPAIGN("name: \"cj\" chain: \"bitcoin\" start: \"2021-02-01\" "
              "end: \"2021-04-01\""),
     "entities[12].attacker.cryptojacking[0].hashrate_share",
     "required field is missing", "cryptojacking {"},
    {"ShareOne", kEnd,
     CAMPAIGN("name: \"cj\" chain: \"bitcoin\" start: \"2021-02-01\" "
              "end: \"2021-04-01\" hashrate_share: 1.0"),
     "entities[12].attacker.cryptojacking[0].hashrate_share",
     "must be in (0, 1), got 1", "hashrate_share: 1.0"},
    {"ShareZero", kEnd,
     CAMPAIGN("name: \"cj\" chain: \"bitcoin\" start: \"2021-02-01\" "
              "end: \"2021-04-01\" hashrate_share: 0"),
     "entities[12].attacker.cryptojacking[0].hashrate_share",
     "must be in (0, 1), got 0", "hashrate_share: 0"},
    {"CountryNotIso", kEnd,
     CAMPAIGN("name: \"cj\" chain: \"bitcoin\" start: \"2021-02-01\" "
              "end: \"2021-04-01\" hashrate_share: 0.001 country: \"Korea\""),
     "entities[12].attacker.cryptojacking[0].country",
     "'Korea' is not an ISO 3166-1 alpha-2 country code", "country: \"Korea\""},
    {"PlanUnknown", kEnd,
     CAMPAIGN("name: \"cj\" chain: \"bitcoin\" start: \"2021-02-01\" "
              "end: \"2021-04-01\" hashrate_share: 0.001 plan: \"nope\""),
     "entities[12].attacker.cryptojacking[0].plan", "unknown plan 'nope'",
     "plan: \"nope\""},
    {"SourceDateMalformed", kEnd,
     CAMPAIGN("name: \"cj\" chain: \"bitcoin\" start: \"2021-02-01\" "
              "end: \"2021-04-01\" hashrate_share: 0.001 "
              "source { date: \"Aug 2019\" }"),
     "entities[12].attacker.cryptojacking[0].source.date", "malformed date",
     "date: \"Aug 2019\""},
};

class CryptojackingValidationTest : public ::testing::TestWithParam<EditCase> {
};

TEST_P(CryptojackingValidationTest, ReportsTheEditedField) {
  ExpectEditError(GetParam());
}

INSTANTIATE_TEST_SUITE_P(Edits, CryptojackingValidationTest,
                         ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<EditCase>& p) {
                           return std::string(p.param.name);
                         });

TEST(CryptojackingValidationTest, ValidCampaignIsAccepted) {
  const std::string text = ReplaceOnce(ReadData("scenarios/full.textproto"),
                                       kEnd, CAMPAIGN(VALID_FIELDS));
  const LoadResult result = LoadScenarioText(text, "full.textproto");
  ASSERT_TRUE(result.ok()) << testing::Describe(result);
  const auto& group = result.scenario->scenario.entities(12).attacker();
  ASSERT_EQ(group.cryptojacking_size(), 1);
  EXPECT_EQ(group.cryptojacking(0).plan(), "standard");
}

TEST(CryptojackingValidationTest, DuplicateNamesAcrossGroups) {
  const std::string text = ReplaceOnce(
      ReadData("scenarios/full.textproto"), kEnd,
      CAMPAIGN(VALID_FIELDS) "\nentities { name: \"more_miners\" attacker { "
                             "cryptojacking { " VALID_FIELDS " } } }");
  testing::ExpectOnlyError(
      text, "entities[13].attacker.cryptojacking[0].name",
      "duplicate cryptojacking campaign name 'cj', first defined at "
      "full.textproto:",
      testing::PositionOf(text, "name: \"cj\"", 1));
}

}  // namespace
}  // namespace chaintrace::sim
