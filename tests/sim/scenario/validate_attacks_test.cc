// Each case edits tests/data/scenarios/full.textproto once and expects
// exactly one error, at the edited field. plans[0] is "standard" (stages:
// 0 dex_swap, 1 mixer tornado, 2 bridge, 3 split, 4 coinjoin, 5 mixer
// blender, 6 consolidate, 7 dormancy, 8 otc, 9 cash_out, 10 hold);
// attacks[0] "heist" uses it, attacks[1] "peel" has an inline peel chain.

#include <gtest/gtest.h>

#include "tests/sim/scenario/scenario_test_util.h"

namespace chaintrace::sim {
namespace {

using testing::EditCase;
using testing::ExpectEditError;

#define APPEND(extra) "limits { max_transactions: 1000000 }\n" extra
constexpr const char* kEnd = "limits { max_transactions: 1000000 }";

const EditCase kAttackCases[] = {
    // ----------------------------------------------------------- attacks
    {"VictimUnknown", "victim: \"victim\"\n  at: \"2021-03-10",
     "victim: \"nobody\"\n  at: \"2021-03-10", "attacks[0].victim",
     "unknown entity 'nobody' (expected an exchange)", "victim: \"nobody\""},
    {"VictimNotAnExchange", "victim: \"victim\"\n  at: \"2021-03-10",
     "victim: \"lazarus\"\n  at: \"2021-03-10", "attacks[0].victim",
     "entity 'lazarus' is an attacker group, not an exchange",
     "victim: \"lazarus\""},
    {"VictimMissing", "  victim: \"victim\"\n  at: \"2021-05-01\"",
     "  at: \"2021-05-01\"", "attacks[1].victim", "required field is missing",
     "attacks {", 1},
    {"GroupNotAnAttacker",
     "group: \"lazarus\"\n  victim: \"victim\"\n  at: "
     "\"2021-05-01\"",
     "group: \"victim\"\n  victim: \"victim\"\n  at: \"2021-05-01\"",
     "attacks[1].group",
     "entity 'victim' is an exchange, not an attacker "
     "group",
     "group: \"victim\""},
    {"GroupUnknown",
     "group: \"lazarus\"\n  victim: \"victim\"\n  at: "
     "\"2021-05-01\"",
     "group: \"apt38\"\n  victim: \"victim\"\n  at: \"2021-05-01\"",
     "attacks[1].group", "unknown entity 'apt38' (expected an attacker group)",
     "group: \"apt38\""},
    {"AtMissing", "  at: \"2021-05-01\"\n", "", "attacks[1].at",
     "required field is missing", "attacks {", 1},
    {"AtMalformed", "at: \"2021-05-01\"", "at: \"2021-05-01 10:00\"",
     "attacks[1].at", "malformed time of day"},
    {"AtAfterTheEnd", "at: \"2021-05-01\"", "at: \"2022-01-01T00:00:01Z\"",
     "attacks[1].at",
     "time '2022-01-01T00:00:01Z' is outside the scenario "
     "[2021-01-01T00:00:00Z, 2022-01-01T00:00:00Z]"},
    {"AtBeforeTheStart", "at: \"2021-05-01\"", "at: \"2020-12-31\"",
     "attacks[1].at", "is outside the scenario"},
    {"NoThefts", "  thefts { asset: \"BTC\" amount: \"500\" }\n", "",
     "attacks[1].thefts", "at least one theft is required", "attacks {", 1},
    {"TheftAssetUnknown", "thefts { asset: \"BTC\" amount: \"500\" }",
     "thefts { asset: \"XBT\" amount: \"500\" }", "attacks[1].thefts[0].asset",
     "unknown asset 'XBT'", "asset: \"XBT\""},
    {"TheftAmountAndUsd", "thefts { asset: \"BTC\" amount: \"500\" }",
     "thefts { asset: \"BTC\" amount: \"500\" usd: \"1\" }",
     "attacks[1].thefts[0]", "set exactly one of amount and usd, not both",
     "thefts { asset: \"BTC\" amount: \"500\" usd"},
    {"TheftNeitherAmountNorUsd", "thefts { asset: \"BTC\" amount: \"500\" }",
     "thefts { asset: \"BTC\" }", "attacks[1].thefts[0]",
     "set exactly one of amount and usd"},
    {"TheftAmountZero", "amount: \"2500.5\"", "amount: \"0.000\"",
     "attacks[0].thefts[1].amount", "amount must be positive"},
    {"TheftAmountNegative", "amount: \"2500.5\"", "amount: \"-2500.5\"",
     "attacks[0].thefts[1].amount", "'-2500.5' is not a decimal amount"},
    {"TheftAmountTooPrecise", "amount: \"2500.5\"",
     "amount: \"2500.5000000001\"", "attacks[0].thefts[1].amount",
     "more than 9 decimal places"},
    {"TheftAmountOverflows", "amount: \"2500.5\"", "amount: \"10000000000\"",
     "attacks[0].thefts[1].amount", "does not fit in 64 bits"},
    {"TheftUsdZero", "usd: \"5000000\"", "usd: \"0\"",
     "attacks[0].thefts[0].usd", "USD value must be positive"},
    {"TheftUsdNotDecimal", "usd: \"5000000\"", "usd: \"5e6\"",
     "attacks[0].thefts[0].usd", "not a positive USD value"},
    {"TheftUsdTooPrecise", "usd: \"5000000\"", "usd: \"5000000.0000001\"",
     "attacks[0].thefts[0].usd", "more than 6 decimal places"},
    {"TheftUsdOverflowsAtThePrice", kEnd,
     APPEND("assets { name: \"SHIB\" chain: \"ethereum\" decimals: 18 "
            "usd_price { at: \"2021-01-01\" value: 0.000001 } }\n"
            "entities { name: \"shibex\" exchange { reserves { asset: "
            "\"SHIB\" amount: \"1\" } } }\n"
            "attacks { name: \"shib\" group: \"lazarus\" victim: \"shibex\" "
            "at: \"2021-02-01\" thefts { asset: \"SHIB\" usd: \"10\" } "
            "plan: \"standard\" }"),
     "attacks[2].thefts[0].usd",
     "US$10 at 1e-06 USD per 'SHIB' on 2021-02-01T00:00:00Z does not fit in "
     "64 bits once scaled to base units",
     "usd: \"10\""},
    {"VictimHoldsNoSuchAsset",
     "victim: \"victim\"\n  at: \"2021-05-01\"\n  thefts { asset: \"BTC\"",
     "victim: \"cashx\"\n  at: \"2021-05-01\"\n  thefts { asset: \"ETH\"",
     "attacks[1].thefts[0].asset",
     "victim 'cashx' holds no 'ETH' (no reserves of it)",
     "asset: \"ETH\" "
     "amount: \"500\""},
    {"TheftExceedsReserves", "amount: \"500\" }\n  inline",
     "amount: \"1000.00000001\" }\n  inline", "attacks[1].thefts[0].amount",
     "the attack steals 1000.00000001 BTC, more than victim 'victim' holds "
     "(1000)",
     "amount: \"1000.00000001\""},
    {"TheftsTogetherExceedReserves",
     "thefts { asset: \"ETH\" amount: \"2500.5\" }",
     "thefts { asset: \"ETH\" amount: \"2500.5\" }\n"
     "  thefts { asset: \"ETH\" amount: \"47500\" }",
     "attacks[0].thefts[2].amount",
     "the attack steals 50000.5 ETH, more than victim 'victim' holds (50000)",
     "amount: \"47500\""},
    {"UsdTheftExceedsReserves", "usd: \"5000000\"", "usd: \"30000000\"",
     "attacks[0].thefts[0].usd",
     "the attack steals 30000000 USDT, more than victim 'victim' holds "
     "(20000000)"},
    {"BurstTransactionsZero", "burst_transactions: 3", "burst_transactions: 0",
     "attacks[0].burst_transactions", "must be in [1, 100000], got 0"},
    {"BurstIntervalBad", "burst_transactions: 3",
     "burst_transactions: 3 burst_interval: \"10\"",
     "attacks[0].burst_interval", "is not a duration", "burst_interval"},
    {"NoLaunderingPlan", "  plan: \"standard\"\n", "", "attacks[0]",
     "a laundering plan is required: set plan or inline_plan", "attacks {", 0},
    {"PlanUnknown", "plan: \"standard\"", "plan: \"standrd\"",
     "attacks[0].plan", "unknown plan 'standrd'"},
    {"SourceDateBad", "date: \"2022-01-13\"", "date: \"13/01/2022\"",
     "attacks[0].source.date", "malformed date"},
    // ------------------------------------------------------------- plans
    {"PlanWithoutStages", kEnd, APPEND("plans { name: \"nothing\" }"),
     "plans[1].stages", "a plan needs at least one stage",
     "plans { name: \"nothing\" }"},
    {"InlinePlanWithoutStages",
     "inline_plan {\n    stages {\n      peel_chain {\n        hops: 146\n"
     "        peel_fraction: 0.02\n        peel_to: EXCHANGE_DEPOSITS\n"
     "        exchanges: \"cashx\"\n        hop_interval: \"30m\"\n      }\n"
     "    }\n  }",
     "inline_plan {}", "attacks[1].inline_plan.stages",
     "a plan needs at least one stage"},
    {"StageKindMissing", "stages { hold {} }",
     "stages { hold {} }\n  stages { delay: \"1h\" }", "plans[0].stages[11]",
     "exactly one stage kind must be set", "stages { delay"},
    {"StageFractionZero", "fraction: 0.5", "fraction: 0",
     "plans[0].stages[9].fraction", "must be in (0, 1], got 0",
     "fraction: 0 cash_out"},
    {"StageFractionAboveOne", "fraction: 0.5", "fraction: 1.01",
     "plans[0].stages[9].fraction", "must be in (0, 1], got 1.01",
     "fraction: 1.01"},
    {"StageDelayBad", "fraction: 0.5", "fraction: 0.5 delay: \"soon\"",
     "plans[0].stages[9].delay", "is not a duration", "delay: \"soon\""},
    {"FixedFeeZero", "stages { hold {} }",
     "stages { fingerprint { fixed_fee: \"0\" } hold {} }",
     "plans[0].stages[10].fingerprint.fixed_fee", "amount must be positive",
     "fixed_fee"},
    {"SplitWaysTooFew", "ways: 20", "ways: 1", "plans[0].stages[3].split.ways",
     "must be in [2, 100000], got 1"},
    {"SplitWaysTooMany", "ways: 20", "ways: 100001",
     "plans[0].stages[3].split.ways", "must be in [2, 100000], got 100001"},
    {"SplitEvennessZero", "evenness: 2", "evenness: 0",
     "plans[0].stages[3].split.evenness", "must be > 0"},
    {"PeelHopsZero", "hops: 146", "hops: 0",
     "attacks[1].inline_plan.stages[0].peel_chain.hops",
     "must be in [1, 100000], got 0"},
    {"PeelHopsTooMany", "hops: 146", "hops: 100001",
     "attacks[1].inline_plan.stages[0].peel_chain.hops",
     "must be in [1, 100000], got 100001"},
    {"PeelFractionOne", "peel_fraction: 0.02", "peel_fraction: 1",
     "attacks[1].inline_plan.stages[0].peel_chain.peel_fraction",
     "must be in (0, 1), got 1"},
    {"PeelFractionZero", "peel_fraction: 0.02", "peel_fraction: 0",
     "attacks[1].inline_plan.stages[0].peel_chain.peel_fraction",
     "must be in (0, 1), got 0"},
    {"PeelJitterAboveOne", "peel_fraction: 0.02",
     "peel_fraction: 0.02 peel_jitter: 1.5",
     "attacks[1].inline_plan.stages[0].peel_chain.peel_jitter",
     "must be in [0, 1], got 1.5", "peel_jitter"},
    {"PeelToUnspecified", "peel_to: EXCHANGE_DEPOSITS",
     "peel_to: PEEL_DESTINATION_UNSPECIFIED",
     "attacks[1].inline_plan.stages[0].peel_chain.peel_to",
     "must be EXCHANGE_DEPOSITS, ATTACKER_WALLETS or SERVICES"},
    {"PeelExchangeUnknown", "exchanges: \"cashx\"", "exchanges: \"cashy\"",
     "attacks[1].inline_plan.stages[0].peel_chain.exchanges[0]",
     "unknown entity 'cashy' (expected an exchange)"},
    {"PeelExchangeIsAMixer", "exchanges: \"cashx\"", "exchanges: \"tornado\"",
     "attacks[1].inline_plan.stages[0].peel_chain.exchanges[0]",
     "entity 'tornado' is a mixer, not an exchange"},
    {"PeelHopIntervalBad", "hop_interval: \"30m\"", "hop_interval: \"-30m\"",
     "attacks[1].inline_plan.stages[0].peel_chain.hop_interval",
     "is not a duration"},
    {"ConsolidateIntoZero", "into: 3", "into: 0",
     "plans[0].stages[6].consolidate.into", "must be in [1, 10000], got 0"},
    {"DexUnknown", "dex: \"uniswap\"", "dex: \"sushiswap\"",
     "plans[0].stages[0].dex_swap.dex",
     "unknown entity 'sushiswap' (expected a DEX pool)"},
    {"DexIsAMixer", "dex: \"uniswap\"", "dex: \"tornado\"",
     "plans[0].stages[0].dex_swap.dex",
     "entity 'tornado' is a mixer, not a DEX pool"},
    {"DexToAssetUnknown", "to_asset: \"ETH\" max_swap",
     "to_asset: \"ETC\" max_swap", "plans[0].stages[0].dex_swap.to_asset",
     "unknown asset 'ETC'", "to_asset: \"ETC\""},
    {"DexToAssetNotInPool", "to_asset: \"ETH\" max_swap",
     "to_asset: \"BTC\" max_swap", "plans[0].stages[0].dex_swap.to_asset",
     "pool 'uniswap' trades 'USDT' and 'ETH', not 'BTC'",
     "to_asset: \"BTC\" max_swap"},
    {"DexMaxSwapTooPrecise", "max_swap: \"1000000\"", "max_swap: \"1.1234567\"",
     "plans[0].stages[0].dex_swap.max_swap",
     "more than 6 decimal places, the asset's precision (asset 'USDT')"},
    {"MixerUnknown", "mixer: \"tornado\" denomination",
     "mixer: \"tornadocash\" denomination", "plans[0].stages[1].mixer.mixer",
     "unknown entity 'tornadocash' (expected a mixer)",
     "mixer: \"tornadocash\""},
    {"MixerIsACoinJoin", "mixer: \"tornado\" denomination",
     "mixer: \"wasabi\" denomination", "plans[0].stages[1].mixer.mixer",
     "entity 'wasabi' is a CoinJoin coordinator, not a mixer",
     "mixer: \"wasabi\""},
    {"MixerDenominationNotOffered", "denomination: \"100\"",
     "denomination: \"50\"", "plans[0].stages[1].mixer.denomination",
     "mixer 'tornado' has no '50' denomination"},
    {"MixerLotsInverted", "min_lots_per_address: 5", "min_lots_per_address: 7",
     "plans[0].stages[1].mixer.max_lots_per_address",
     "min_lots_per_address (7) is greater than max_lots_per_address (6)",
     "max_lots_per_address"},
    {"MixerLotsZero", "min_lots_per_address: 5", "min_lots_per_address: 0",
     "plans[0].stages[1].mixer.min_lots_per_address",
     "must be in [1, 1000], got 0"},
    {"MixerLotsTooMany", "max_lots_per_address: 6",
     "max_lots_per_address: 1001",
     "plans[0].stages[1].mixer.max_lots_per_address",
     "must be in [1, 1000], got 1001"},
    {"MixerWithdrawDelaysInverted", "min_lots_per_address: 5",
     "min_lots_per_address: 5 min_withdraw_delay: \"5d\"",
     "plans[0].stages[1].mixer.max_withdraw_delay",
     "min_withdraw_delay (5d) is greater than max_withdraw_delay (3d)",
     "mixer { mixer: \"tornado\""},
    {"MixerLotIntervalBad", "stages { mixer { mixer: \"blender\" } }",
     "stages { mixer { mixer: \"blender\" lot_interval: \"5\" } }",
     "plans[0].stages[5].mixer.lot_interval", "is not a duration",
     "lot_interval"},
    {"CoinJoinCoordinatorIsABridge", "coordinator: \"wasabi\"",
     "coordinator: \"renbridge\"", "plans[0].stages[4].coinjoin.coordinator",
     "entity 'renbridge' is a bridge, not a CoinJoin coordinator"},
    {"CoinJoinRoundsZero", "rounds: 2", "rounds: 0",
     "plans[0].stages[4].coinjoin.rounds", "must be in [1, 100], got 0"},
    {"CoinJoinRoundsTooMany", "rounds: 2", "rounds: 101",
     "plans[0].stages[4].coinjoin.rounds", "must be in [1, 100], got 101"},
    {"BridgeUnknown", "bridge: \"renbridge\" to_asset",
     "bridge: \"wormhole\" to_asset", "plans[0].stages[2].bridge.bridge",
     "unknown entity 'wormhole' (expected a bridge)", "bridge: \"wormhole\""},
    {"BridgeToAssetMissing",
     "bridge { bridge: \"renbridge\" to_asset: "
     "\"BTC\" }",
     "bridge { bridge: \"renbridge\" }", "plans[0].stages[2].bridge.to_asset",
     "required field is missing", "bridge { bridge: \"renbridge\" }"},
    {"BridgeToAssetOnAnotherChain", kEnd,
     APPEND("chains { name: \"tron\" model: ACCOUNT native_asset: \"TRX\" }\n"
            "assets { name: \"TRX\" chain: \"tron\" decimals: 6 usd_price { "
            "at: \"2021-01-01\" value: 0.05 } }\n"
            "plans { name: \"hop\" stages { bridge { bridge: \"renbridge\" "
            "to_asset: \"TRX\" } } }"),
     "plans[1].stages[0].bridge.to_asset",
     "asset 'TRX' lives on chain 'tron', which bridge 'renbridge' does not "
     "join",
     "to_asset: \"TRX\""},
    {"OtcDeskIsAnExchange", "desk: \"otc1\"", "desk: \"cashx\"",
     "plans[0].stages[8].otc.desk",
     "entity 'cashx' is an exchange, not an OTC desk"},
    {"OtcPayAssetNotInFloat", "pay_asset: \"BTC\"", "pay_asset: \"ETH\"",
     "plans[0].stages[8].otc.pay_asset",
     "OTC desk 'otc1' holds no float of 'ETH'"},
    {"DormancyInverted", "min: \"40d\" max: \"112d\"",
     "min: \"200d\" max: \"112d\"", "plans[0].stages[7].dormancy.max",
     "min (200d) is greater than max (112d)", "max: \"112d\""},
    {"DormancyBad", "min: \"40d\"", "min: \"forty days\"",
     "plans[0].stages[7].dormancy.min", "is not a duration"},
    {"CashOutExchangeUnknown", "exchange: \"cashx\"", "exchange: \"nowhere\"",
     "plans[0].stages[9].cash_out.exchanges[0].exchange",
     "unknown entity 'nowhere' (expected an exchange)"},
    {"CashOutWeightZero", "weight: 2", "weight: 0",
     "plans[0].stages[9].cash_out.exchanges[0].weight", "must be > 0"},
    {"CashOutDepositsZero", "deposits: 300", "deposits: 0",
     "plans[0].stages[9].cash_out.deposits", "must be in [1, 1000000], got 0"},
    {"CashOutDepositsTooMany", "deposits: 300", "deposits: 1000001",
     "plans[0].stages[9].cash_out.deposits",
     "must be in [1, 1000000], got 1000001"},
    {"CashOutAccountsZero", "deposits: 300",
     "deposits: 300 accounts_per_exchange: 0",
     "plans[0].stages[9].cash_out.accounts_per_exchange",
     "must be in [1, 10000], got 0", "accounts_per_exchange"},
    {"CashOutStructureBad", "structure_below_usd: \"9999\"",
     "structure_below_usd: \"$9999\"",
     "plans[0].stages[9].cash_out.structure_below_usd",
     "not a non-negative USD value"},
    {"CashOutIntervalBad", "deposits: 300", "deposits: 300 interval: \"1y\"",
     "plans[0].stages[9].cash_out.interval", "unknown unit",
     "interval: \"1y\""},
};

class AttackValidationTest : public ::testing::TestWithParam<EditCase> {};

TEST_P(AttackValidationTest, ReportsTheEditedField) {
  ExpectEditError(GetParam());
}

INSTANTIATE_TEST_SUITE_P(Edits, AttackValidationTest,
                         ::testing::ValuesIn(kAttackCases),
                         [](const ::testing::TestParamInfo<EditCase>& p) {
                           return std::string(p.param.name);
                         });

TEST(AttackValidationTest, AttackAtTheVeryEndIsInside) {
  const std::string text =
      testing::ReplaceOnce(testing::ReadData("scenarios/full.textproto"),
                           "at: \"2021-05-01\"", "at: \"2022-01-01\"");
  const LoadResult result = LoadScenarioText(text, "full.textproto");
  EXPECT_TRUE(result.ok()) << testing::Describe(result);
}

TEST(AttackValidationTest, PricePointsMayLieOutsideTheSpan) {
  // USDT's only price point is a year before the start.
  const LoadResult result =
      LoadScenarioFile(testing::DataPath("scenarios/full.textproto"));
  ASSERT_TRUE(result.ok()) << testing::Describe(result);
  EXPECT_EQ(result.scenario->scenario.assets(2).usd_price(0).at(),
            "2020-01-01");
}

TEST(AttackValidationTest, StealingEverythingIsAllowed) {
  const std::string text = testing::ReplaceOnce(
      testing::ReadData("scenarios/full.textproto"),
      "amount: \"500\" }\n  inline", "amount: \"1000.00000000\" }\n  inline");
  const LoadResult result = LoadScenarioText(text, "full.textproto");
  EXPECT_TRUE(result.ok()) << testing::Describe(result);
}

}  // namespace
}  // namespace chaintrace::sim
