#include "sim/scenario/summary.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "sim/scenario/loader.h"
#include "tests/sim/scenario/scenario_test_util.h"

namespace chaintrace::sim {
namespace {

// Two chains; BTC at US$10,000 then US$20,000 a year later, ETH flat at
// US$1,000, USDT at US$1. Three attacks:
//   a1 (KR, ASIA)   1 BTC + US$1,000 of ETH, plan cashout_half:
//                   mixer (0.5) > cash_out (0.5) > hold   -> mixed 50 %,
//                   held 50 % (25 % by hold, 25 % left after the last stage)
//   a2 (KR, ASIA)   2000 USDT, inline peel chain of 2 hops at 50 % peels to
//                   exchanges -> 25 % left, held
//   a3 (DE, EUROPE) 1 ETH, inline peel chain to SERVICES -> held unknown
// and a cryptojacking campaign in KR mining 1 % of bitcoin's blocks for a day.
constexpr const char* kScenario = R"pb(
  metadata { name: "tiny" }
  start: "2020-01-01"
  duration: "366d"
  chains {
    name: "bitcoin"
    model: UTXO
    native_asset: "BTC"
    block_interval: "600s"
    block_reward: "6"
  }
  chains { name: "ethereum" model: ACCOUNT native_asset: "ETH" }
  assets {
    name: "BTC"
    chain: "bitcoin"
    decimals: 8
    usd_price { at: "2020-01-01" value: 10000 }
    usd_price { at: "2021-01-01" value: 20000 }
  }
  assets {
    name: "ETH"
    chain: "ethereum"
    decimals: 9
    usd_price { at: "2020-01-01" value: 1000 }
  }
  assets {
    name: "USDT"
    chain: "ethereum"
    decimals: 6
    usd_price { at: "2020-01-01" value: 1 }
  }
  entities {
    name: "kr"
    exchange {
      country: "KR"
      region: ASIA
      reserves { asset: "BTC" amount: "10" }
      reserves { asset: "ETH" amount: "10" }
      reserves { asset: "USDT" amount: "10000" }
    }
  }
  entities {
    name: "de"
    exchange {
      country: "DE"
      region: EUROPE
      reserves { asset: "ETH" amount: "10" }
    }
  }
  entities {
    name: "mix"
    mixer { chain: "bitcoin" kind: CUSTODIAL }
  }
  entities {
    name: "group"
    attacker {
      cryptojacking {
        name: "miner"
        chain: "bitcoin"
        start: "2020-03-01"
        end: "2020-03-02"
        hashrate_share: 0.01
        country: "KR"
      }
    }
  }
  plans {
    name: "cashout_half"
    stages {
      fraction: 0.5
      mixer { mixer: "mix" }
    }
    stages {
      fraction: 0.5
      cash_out {}
    }
    stages {
      fraction: 0.5
      hold {}
    }
  }
  attacks {
    name: "a1"
    group: "group"
    victim: "kr"
    at: "2020-07-01T12:00:00Z"
    thefts { asset: "BTC" amount: "1" }
    thefts { asset: "ETH" usd: "1000" }
    plan: "cashout_half"
  }
  attacks {
    name: "a2"
    group: "group"
    victim: "kr"
    at: "2020-02-01"
    thefts { asset: "USDT" amount: "2000" }
    inline_plan {
      stages {
        peel_chain { hops: 2 peel_fraction: 0.5 peel_to: EXCHANGE_DEPOSITS }
      }
    }
  }
  attacks {
    name: "a3"
    group: "group"
    victim: "de"
    at: "2020-03-01"
    thefts { asset: "ETH" amount: "1" }
    inline_plan { stages { peel_chain { peel_to: SERVICES } } }
  }
)pb";

ScenarioSummary Summarize(const std::string& text) {
  const LoadResult loaded = LoadScenarioText(text, "tiny.textproto");
  EXPECT_TRUE(loaded.ok()) << testing::Describe(loaded);
  if (!loaded.ok()) return {};
  Result<ScenarioSummary> summary =
      SummarizeScenario(loaded.scenario->scenario);
  EXPECT_TRUE(summary.ok()) << summary.message();
  return summary.ok() ? *std::move(summary) : ScenarioSummary{};
}

TEST(SummaryTest, PerAttackFigures) {
  const ScenarioSummary s = Summarize(kScenario);
  ASSERT_EQ(s.attacks.size(), 3u);
  const AttackSummary& a1 = s.attacks[0];
  EXPECT_EQ(a1.name, "a1");
  EXPECT_EQ(a1.victim, "kr");
  EXPECT_EQ(a1.country, "KR");
  EXPECT_EQ(a1.region, common::ASIA);
  EXPECT_EQ(FormatCalendarTime(a1.at), "2020-07-01T12:00:00Z");
  ASSERT_EQ(a1.thefts.size(), 2u);
  EXPECT_EQ(a1.thefts[0].asset, "BTC");
  EXPECT_EQ(a1.thefts[0].amount, 100'000'000);
  EXPECT_EQ(a1.thefts[0].asset_class, AssetClass::kUtxoNative);
  // 2020-07-01T12:00 is 182.5 of 366 days along the BTC path.
  EXPECT_NEAR(a1.thefts[0].usd, 10000 + 10000 * 182.5 / 366, 1e-6);
  EXPECT_EQ(a1.thefts[1].amount, 1'000'000'000);  // US$1,000 at US$1,000
  EXPECT_EQ(a1.thefts[1].asset_class, AssetClass::kAccountNative);
  EXPECT_EQ(a1.plan, "cashout_half");
  EXPECT_EQ(a1.stages, (std::vector<std::string>{"mixer", "cash_out", "hold"}));
  EXPECT_TRUE(a1.plan_mixes);
  EXPECT_DOUBLE_EQ(a1.mixed_share, 0.5);
  ASSERT_TRUE(a1.held_share.has_value());
  EXPECT_DOUBLE_EQ(*a1.held_share, 0.5);

  const AttackSummary& a2 = s.attacks[1];
  EXPECT_EQ(a2.plan, "");
  EXPECT_EQ(a2.thefts[0].asset_class, AssetClass::kToken);
  EXPECT_EQ(a2.thefts[0].amount, 2'000'000'000);
  EXPECT_DOUBLE_EQ(a2.usd, 2000);
  EXPECT_FALSE(a2.plan_mixes);
  EXPECT_DOUBLE_EQ(a2.mixed_share, 0);
  ASSERT_TRUE(a2.held_share.has_value());
  EXPECT_DOUBLE_EQ(*a2.held_share, 0.25);

  EXPECT_FALSE(s.attacks[2].held_share.has_value());
}

TEST(SummaryTest, Totals) {
  const ScenarioSummary s = Summarize(kScenario);
  const double btc = 10000 + 10000 * 182.5 / 366;
  EXPECT_NEAR(s.total_usd, btc + 1000 + 2000 + 1000, 1e-6);
  EXPECT_NEAR(s.usd_by_asset.at("BTC"), btc, 1e-6);
  EXPECT_DOUBLE_EQ(s.usd_by_asset.at("ETH"), 2000);
  EXPECT_DOUBLE_EQ(s.usd_by_asset.at("USDT"), 2000);
  EXPECT_NEAR(s.usd_by_class.at(AssetClass::kUtxoNative), btc, 1e-6);
  EXPECT_DOUBLE_EQ(s.usd_by_class.at(AssetClass::kAccountNative), 2000);
  EXPECT_DOUBLE_EQ(s.usd_by_class.at(AssetClass::kToken), 2000);
  EXPECT_NEAR(s.usd_by_country.at("KR"), btc + 3000, 1e-6);
  EXPECT_DOUBLE_EQ(s.usd_by_country.at("DE"), 1000);
  EXPECT_DOUBLE_EQ(s.usd_by_region.at(common::EUROPE), 1000);
  // Three attacks and the campaign, which names KR.
  EXPECT_EQ(s.incidents, 4);
  EXPECT_EQ(s.incidents_by_country.at("KR"), 3);
  EXPECT_EQ(s.incidents_by_country.at("DE"), 1);
  EXPECT_EQ(s.distinct_countries, 2);
  EXPECT_NEAR(s.mixing_plan_usd, btc + 1000, 1e-6);
  EXPECT_NEAR(s.mixed_usd, 0.5 * (btc + 1000), 1e-6);
  // a1 half held, a2 a quarter; a3 unknown.
  EXPECT_NEAR(s.held_usd, 0.5 * (btc + 1000) + 0.25 * 2000, 1e-6);
  EXPECT_NEAR(s.held_usd_at_end, 0.5 * (20000 + 1000) + 0.25 * 2000, 1e-6);
  EXPECT_EQ(s.held_unknown, 1);
}

TEST(SummaryTest, CryptojackingEstimate) {
  const ScenarioSummary s = Summarize(kScenario);
  ASSERT_EQ(s.cryptojacking.size(), 1u);
  const CryptojackingSummary& c = s.cryptojacking[0];
  EXPECT_EQ(c.group, "group");
  EXPECT_EQ(c.asset, "BTC");
  // 144 blocks in a day, 1 % of them, 6 BTC each: 8.64 BTC.
  EXPECT_EQ(c.mined, 864'000'000);
  // Valued at noon on 2020-03-01, day 60.5 of the path.
  EXPECT_NEAR(c.usd, 8.64 * (10000 + 10000 * 60.5 / 366), 1e-6);
  EXPECT_DOUBLE_EQ(s.cryptojacking_usd, c.usd);
}

TEST(SummaryTest, InvalidScenarioIsAnError) {
  scenario::Scenario invalid;
  invalid.mutable_metadata()->set_name("broken");
  const Result<ScenarioSummary> s = SummarizeScenario(invalid);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("not valid"), std::string::npos) << s.message();
}

TEST(SummaryTest, FormatNamesEveryAttackAndTotal) {
  const std::string text = FormatSummary(Summarize(kScenario));
  EXPECT_NE(text.find("3 attacks, 4 incidents in 2 countries"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("attack a1 2020-07-01 kr (KR, ASIA)"), std::string::npos)
      << text;
  EXPECT_NE(text.find("mixer > cash_out > hold"), std::string::npos) << text;
  EXPECT_NE(text.find("held unknown"), std::string::npos) << text;
  EXPECT_NE(text.find("cryptojacking miner by group on bitcoin"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("~8.64 BTC"), std::string::npos) << text;
  // Deterministic.
  EXPECT_EQ(text, FormatSummary(Summarize(kScenario)));
}

}  // namespace
}  // namespace chaintrace::sim
