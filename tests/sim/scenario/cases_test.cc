// The shipped case files (scenarios/*.textproto): each loads and validates
// with no diagnostics, cites its sources, and states the figures of the
// public reporting it models, checked through the scenario summary within
// the tolerances written next to each check.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "sim/scenario/loader.h"
#include "sim/scenario/summary.h"
#include "tests/sim/scenario/scenario_test_util.h"

namespace chaintrace::sim {
namespace {

namespace fs = std::filesystem;

const fs::path kScenarios = fs::path(CHAINTRACE_SOURCE_DIR) / "scenarios";

std::vector<fs::path> ShippedScenarios() {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(kScenarios)) {
    if (entry.is_regular_file() && entry.path().extension() == ".textproto") {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

struct Case {
  scenario::Scenario scenario;
  ScenarioSummary summary;
};

Case Load(const std::string& name) {
  const LoadResult loaded =
      LoadScenarioFile((kScenarios / (name + ".textproto")).string());
  EXPECT_TRUE(loaded.ok()) << testing::Describe(loaded);
  if (!loaded.ok()) return {};
  Result<ScenarioSummary> summary =
      SummarizeScenario(loaded.scenario->scenario);
  EXPECT_TRUE(summary.ok()) << summary.message();
  if (!summary.ok()) return {};
  return {loaded.scenario->scenario, *std::move(summary)};
}

UnixSeconds Time(const char* text) { return *ParseCalendarTime(text); }

constexpr double kMillion = 1e6;

TEST(CasesTest, EveryShippedScenarioValidatesAndCitesItsSources) {
  const std::vector<fs::path> files = ShippedScenarios();
  std::set<std::string> names;
  for (const fs::path& file : files) {
    SCOPED_TRACE(file.string());
    const LoadResult loaded = LoadScenarioFile(file.string());
    ASSERT_TRUE(loaded.ok()) << testing::Describe(loaded);
    EXPECT_TRUE(loaded.diagnostics.empty());
    const scenario::Scenario& s = loaded.scenario->scenario;
    EXPECT_EQ(s.metadata().name(), file.stem().string());
    EXPECT_FALSE(s.metadata().description().empty());
    ASSERT_GE(s.metadata().sources_size(), 1);
    for (const scenario::Source& source : s.metadata().sources()) {
      EXPECT_FALSE(source.title().empty());
      EXPECT_EQ(source.url().rfind("https://", 0), 0u) << source.url();
      EXPECT_TRUE(ParseCalendarTime(source.date()).ok()) << source.date();
      EXPECT_FALSE(source.figures().empty());
    }
    const Result<ScenarioSummary> summary = SummarizeScenario(s);
    ASSERT_TRUE(summary.ok()) << summary.message();
    EXPECT_GT(summary->total_usd, 0);
    names.insert(s.metadata().name());
  }
  // The documented cases, whose figures are checked below.
  for (const char* name : {"chainalysis2021_seven_attacks", "news2019_20m",
                           "un2019_35_attacks", "un2022_three_exchanges"}) {
    EXPECT_EQ(names.count(name), 1u) << name;
  }
}

// UN S/2022/132: more than US$50M, 2020 to mid-2021, three exchanges in
// North America, Europe and Asia.
TEST(CasesTest, Un2022ThreeExchanges) {
  const Case c = Load("un2022_three_exchanges");
  const ScenarioSummary& s = c.summary;
  ASSERT_EQ(s.attacks.size(), 3u);
  EXPECT_NEAR(s.total_usd, 50 * kMillion, 5 * kMillion);  // +-10 %
  std::multiset<common::Region> regions;
  for (const AttackSummary& a : s.attacks) {
    regions.insert(a.region);
    EXPECT_GE(a.at, Time("2020-01-01"));
    EXPECT_LT(a.at, Time("2021-07-01"));  // mid-2021
  }
  EXPECT_EQ(regions, (std::multiset<common::Region>{
                         common::NORTH_AMERICA, common::EUROPE, common::ASIA}));
}

// Chainalysis, Jan/Feb 2022: seven attacks in 2021, nearly US$400M; ETH
// 58 %, tokens 22 %, BTC 20 %; more than 65 % through mixers; about
// US$170M of older proceeds unlaundered.
TEST(CasesTest, Chainalysis2021SevenAttacks) {
  const Case c = Load("chainalysis2021_seven_attacks");
  const ScenarioSummary& s = c.summary;
  double total = 0;
  double mixing_plans = 0;
  double mixed = 0;
  std::map<AssetClass, double> by_class;
  int attacks_2021 = 0;
  for (const AttackSummary& a : s.attacks) {
    SCOPED_TRACE(a.name);
    ASSERT_TRUE(a.held_share.has_value());
    if (a.at < Time("2021-01-01")) {
      // Older proceeds: all held.
      EXPECT_DOUBLE_EQ(*a.held_share, 1);
      continue;
    }
    ASSERT_LT(a.at, Time("2022-01-01"));
    ++attacks_2021;
    EXPECT_NEAR(*a.held_share, 0, 1e-12);  // 2021 proceeds fully laundered
    total += a.usd;
    if (a.plan_mixes) mixing_plans += a.usd;
    mixed += a.mixed_share * a.usd;
    for (const TheftSummary& t : a.thefts) by_class[t.asset_class] += t.usd;
  }
  EXPECT_EQ(attacks_2021, 7);
  EXPECT_NEAR(total, 400 * kMillion, 20 * kMillion);  // +-5 %
  // Shares within 3 points.
  EXPECT_NEAR(by_class[AssetClass::kAccountNative] / total, 0.58, 0.03);
  EXPECT_NEAR(by_class[AssetClass::kToken] / total, 0.22, 0.03);
  EXPECT_NEAR(by_class[AssetClass::kUtxoNative] / total, 0.20, 0.03);
  EXPECT_GT(mixing_plans / total, 0.65);
  EXPECT_GT(mixed / total, 0.65);
  EXPECT_LT(mixed / total, 0.80);  // "more than 65 %", not all of it
  // Older proceeds held: about US$170M at the scenario's end (+-10 %).
  EXPECT_EQ(s.held_unknown, 0);
  EXPECT_NEAR(s.held_usd_at_end, 170 * kMillion, 17 * kMillion);
}

// UN S/2019/691: at least 35 incidents in 17 countries (South Korea 10,
// India 3, Bangladesh 2, Chile 2, thirteen countries 1 each; the other 5
// without a country), up to US$2B, one haul cashed out through at least
// 5,000 transactions, cryptojacking.
TEST(CasesTest, Un2019ThirtyFiveAttacks) {
  const Case c = Load("un2019_35_attacks");
  const ScenarioSummary& s = c.summary;
  EXPECT_EQ(s.incidents, 35);
  EXPECT_EQ(s.distinct_countries, 17);
  const std::map<std::string, int> expected = {
      {"KR", 10}, {"IN", 3}, {"BD", 2}, {"CL", 2}, {"CR", 1}, {"GM", 1},
      {"GT", 1},  {"KW", 1}, {"LR", 1}, {"MY", 1}, {"MT", 1}, {"NG", 1},
      {"PL", 1},  {"SI", 1}, {"ZA", 1}, {"TN", 1}, {"VN", 1}};
  EXPECT_EQ(s.incidents_by_country, expected);
  const auto no_country =
      std::count_if(s.attacks.begin(), s.attacks.end(),
                    [](const AttackSummary& a) { return a.country.empty(); });
  EXPECT_EQ(no_country, 5);
  // Up to US$2B; the documented and illustrative amounts reach about 0.6B.
  EXPECT_LE(s.total_usd, 2000 * kMillion);
  EXPECT_GE(s.total_usd, 500 * kMillion);
  for (const AttackSummary& a : s.attacks) {
    EXPECT_GE(a.at, Time("2016-01-01")) << a.name;
    EXPECT_LT(a.at, Time("2019-08-30")) << a.name;  // the report's date
  }
  // Exchange thefts go through peel chains; one attack's plan cashes out
  // through at least 5,000 transactions.
  int peeling = 0;
  for (const AttackSummary& a : s.attacks) {
    if (std::count(a.stages.begin(), a.stages.end(), "peel_chain") > 0) {
      ++peeling;
    }
  }
  EXPECT_GE(peeling, 17);
  int large_cash_outs = 0;
  for (const scenario::Attack& a : c.scenario.attacks()) {
    const scenario::Plan* plan = &a.inline_plan();
    for (const scenario::Plan& p : c.scenario.plans()) {
      if (a.has_plan() && p.name() == a.plan()) plan = &p;
    }
    for (const scenario::Stage& stage : plan->stages()) {
      if ((stage.has_cash_out() && stage.cash_out().deposits() >= 5000) ||
          (stage.has_peel_chain() && stage.peel_chain().hops() >= 5000)) {
        ++large_cash_outs;
      }
    }
  }
  EXPECT_EQ(large_cash_outs, 1);
  // Cryptojacking: one campaign in South Korea, about 70 XMR.
  ASSERT_EQ(s.cryptojacking.size(), 1u);
  const CryptojackingSummary& cj = s.cryptojacking[0];
  EXPECT_EQ(cj.country, "KR");
  EXPECT_NEAR(static_cast<double>(cj.mined) / 1e9, 70, 7);  // +-10 %
  EXPECT_GT(cj.usd, 0);
}

// A smaller, single-chain case: Cryptopia, January 2019, US$16.0M
// (Elementus), standing in for "about US$20M".
TEST(CasesTest, News2019SingleChain) {
  const Case c = Load("news2019_20m");
  const ScenarioSummary& s = c.summary;
  EXPECT_EQ(c.scenario.chains_size(), 1);
  ASSERT_EQ(s.attacks.size(), 1u);
  EXPECT_NEAR(s.total_usd, 16.0 * kMillion, 0.1 * kMillion);
  EXPECT_NEAR(s.total_usd, 20 * kMillion, 5 * kMillion);  // "about US$20M"
  const AttackSummary& a = s.attacks[0];
  EXPECT_EQ(a.country, "NZ");
  EXPECT_GE(a.at, Time("2019-01-01"));
  EXPECT_LT(a.at, Time("2020-01-01"));
  // About US$0.9M cashed out, the rest held.
  ASSERT_TRUE(a.held_share.has_value());
  EXPECT_NEAR((1 - *a.held_share) * a.usd, 0.88 * kMillion, 0.05 * kMillion);
}

}  // namespace
}  // namespace chaintrace::sim
