// Each case edits tests/data/scenarios/full.textproto once and expects
// exactly one error, at the edited field.

#include "sim/scenario/validate_world.h"

#include <gtest/gtest.h>

#include "tests/sim/scenario/scenario_test_util.h"

namespace chaintrace::sim {
namespace {

using testing::EditCase;
using testing::ExpectEditError;
using testing::ExpectError;
using testing::PositionOf;
using testing::ReadData;
using testing::ReplaceOnce;

// Appends `extra` at the end of the scenario (repeated fields append).
constexpr const char* kEnd = "limits { max_transactions: 1000000 }";
#define APPEND(extra) "limits { max_transactions: 1000000 }\n" extra

const EditCase kWorldCases[] = {
    // ------------------------------------------------------------ chains
    {"ChainModelMissing", "  model: ACCOUNT\n", "", "chains[1].model",
     "required field is missing", "chains {", 1},
    {"ChainModelUnspecified", "model: ACCOUNT",
     "model: CHAIN_MODEL_UNSPECIFIED", "chains[1].model",
     "must be UTXO or ACCOUNT"},
    {"NativeAssetMissing", "  native_asset: \"ETH\"\n", "",
     "chains[1].native_asset", "required field is missing", "chains {", 1},
    {"NativeAssetUnknown", "native_asset: \"ETH\"", "native_asset: \"ETHER\"",
     "chains[1].native_asset", "unknown asset 'ETHER'"},
    {"NativeAssetOnAnotherChain", "native_asset: \"ETH\"",
     "native_asset: \"BTC\" ", "chains[1].native_asset",
     "native asset 'BTC' lives on chain 'bitcoin', not on 'ethereum'"},
    {"BlockIntervalZero", "block_interval: \"600s\"", "block_interval: \"0s\"",
     "chains[0].block_interval", "duration must be positive"},
    {"BlockIntervalNoUnit", "block_interval: \"600s\"",
     "block_interval: \"600\"", "chains[0].block_interval",
     "is not a duration"},
    {"BlockRewardTooPrecise", "block_reward: \"6.25\"",
     "block_reward: \"6.123456789\"", "chains[0].block_reward",
     "more than 8 decimal places"},
    {"FeeRateOutOfOrder", "rate { at: \"2021-06-01\" value: 40 }",
     "rate { at: \"2020-06-01\" value: 40 }", "chains[0].fees.rate[1].at",
     "strictly increasing", "at: \"2020-06-01\""},
    {"FeeRateBadTime", "rate { at: \"2021-06-01\" value: 40 }",
     "rate { at: \"June\" value: 40 }", "chains[0].fees.rate[1].at",
     "not an RFC 3339 UTC time", "at: \"June\""},
    {"GasPriceNegative", "gas_price { at: \"2021-01-01\" value: 50 }",
     "gas_price { at: \"2021-01-01\" value: -50 }",
     "chains[1].fees.gas_price[0].value", "must be >= 0", "value: -50"},
    {"TransferGasZero", "fees { gas_price", "fees { transfer_gas: 0 gas_price",
     "chains[1].fees.transfer_gas", "must be in [1, 1000000000], got 0",
     "transfer_gas"},
    {"TxVbytesNegative", "fees { rate", "fees { tx_vbytes: -1 rate",
     "chains[0].fees.tx_vbytes", "must be in [0, 1000000], got -1",
     "tx_vbytes"},
    // ------------------------------------------------------------ assets
    {"AssetChainUnknown", "name: \"USDT\"\n  chain: \"ethereum\"",
     "name: \"USDT\"\n  chain: \"etherium\"", "assets[2].chain",
     "unknown chain 'etherium'", "chain: \"etherium\""},
    {"AssetChainMissing", "name: \"USDT\"\n  chain: \"ethereum\"\n",
     "name: \"USDT\"\n", "assets[2].chain", "required field is missing",
     "assets {", 2},
    {"DecimalsMissing", "  decimals: 6\n", "", "assets[2].decimals",
     "required field is missing", "assets {", 2},
    {"DecimalsTooMany", "decimals: 9", "decimals: 19", "assets[1].decimals",
     "must be in [0, 18], got 19"},
    {"DecimalsNegative", "decimals: 9", "decimals: -1", "assets[1].decimals",
     "must be in [0, 18], got -1"},
    {"NoPricePoints", "  usd_price { at: \"2020-01-01\" value: 1 }\n", "",
     "assets[2].usd_price", "at least one price point is required", "assets {",
     2},
    {"PriceZero", "value: 700", "value: 0", "assets[1].usd_price[0].value",
     "must be > 0"},
    {"PriceNotFinite", "value: 700", "value: inf",
     "assets[1].usd_price[0].value", "must be > 0 and finite, got inf"},
    {"PriceMissingValue", "usd_price { at: \"2021-01-01\" value: 700 }",
     "usd_price { at: \"2021-01-01\" }", "assets[1].usd_price[0].value",
     "required field is missing", "usd_price { at: \"2021-01-01\" }"},
    {"PriceBadDay", "at: \"2020-01-01\"", "at: \"2020-01-32\"",
     "assets[2].usd_price[0].at", "day out of range"},
    {"PricesOutOfOrder", "usd_price { at: \"2021-12-31\" value: 47000 }",
     "usd_price { at: \"2021-01-01\" value: 47000 }",
     "assets[0].usd_price[1].at", "strictly increasing",
     "at: \"2021-01-01\" value: 47000"},
    {"TokenOnUtxoChain", kEnd,
     APPEND("assets { name: \"WBTC\" chain: \"bitcoin\" decimals: 8 "
            "usd_price { at: \"2021-01-01\" value: 1 } }"),
     "assets[3].chain",
     "UTXO chain 'bitcoin' carries only its native asset 'BTC'; tokens such "
     "as 'WBTC' need an ACCOUNT chain",
     "chain: \"bitcoin\" decimals: 8"},
    // ---------------------------------------------------------- entities
    {"EntityKindMissing", kEnd, APPEND("entities { name: \"ghost\" }"),
     "entities[12]", "exactly one entity kind must be set",
     "entities { name: \"ghost\" }"},
    {"CountryNotIso", "country: \"KR\"", "country: \"Korea\"",
     "entities[0].exchange.country",
     "'Korea' is not an ISO 3166-1 alpha-2 country code"},
    {"ReserveAssetUnknown", "reserves { asset: \"BTC\" amount: \"500\" }",
     "reserves { asset: \"XBT\" amount: \"500\" }",
     "entities[1].exchange.reserves[0].asset", "unknown asset 'XBT'",
     "asset: \"XBT\""},
    {"ReserveAmountMissing", "reserves { asset: \"BTC\" amount: \"500\" }",
     "reserves { asset: \"BTC\" }", "entities[1].exchange.reserves[0].amount",
     "required field is missing", "reserves { asset: \"BTC\" }"},
    {"ReserveZero", "reserves { asset: \"BTC\" amount: \"500\" }",
     "reserves { asset: \"BTC\" amount: \"0\" }",
     "entities[1].exchange.reserves[0].amount",
     "amount must be positive, got '0'", "amount: \"0\""},
    {"ReserveNegative", "reserves { asset: \"BTC\" amount: \"500\" }",
     "reserves { asset: \"BTC\" amount: \"-5\" }",
     "entities[1].exchange.reserves[0].amount", "'-5' is not a decimal amount",
     "amount: \"-5\""},
    {"ReserveExponent", "reserves { asset: \"BTC\" amount: \"500\" }",
     "reserves { asset: \"BTC\" amount: \"5e2\" }",
     "entities[1].exchange.reserves[0].amount", "'5e2' is not a decimal amount",
     "amount: \"5e2\""},
    {"ReserveTooPrecise", "amount: \"1000\" }", "amount: \"1000.123456789\" }",
     "entities[0].exchange.reserves[0].amount",
     "'1000.123456789' has more than 8 decimal places, the asset's "
     "precision (asset 'BTC')",
     "amount: \"1000.123456789\""},
    {"ReserveOverflows", "amount: \"50000\"", "amount: \"99999999999\"",
     "entities[0].exchange.reserves[1].amount",
     "does not fit in 64 bits once scaled to base units (10^9 per unit)"},
    {"ReserveTwice", "reserves { asset: \"BTC\" amount: \"1000\" }",
     "reserves { asset: \"BTC\" amount: \"1000\" }\n"
     "    reserves { asset: \"BTC\" amount: \"1\" }",
     "entities[0].exchange.reserves[1].asset", "asset 'BTC' is listed twice",
     "asset: \"BTC\" amount: \"1\""},
    {"HotFractionAboveOne", "hot_fraction: 0.2", "hot_fraction: 1.5",
     "entities[0].exchange.hot_fraction", "must be in [0, 1], got 1.5"},
    {"HotFractionNaN", "hot_fraction: 0.2", "hot_fraction: nan",
     "entities[0].exchange.hot_fraction", "must be in [0, 1], got nan"},
    {"AccountsZero", "accounts: 5000", "accounts: 0",
     "entities[0].exchange.accounts", "must be in [1, 100000000], got 0"},
    {"SweepDelayBad", "sweep_delay: \"2h\"", "sweep_delay: \"2 hours\"",
     "entities[0].exchange.sweep_delay", "is not a duration"},
    {"WithdrawalIntervalZero", "withdrawal_batch_interval: \"30m\"",
     "withdrawal_batch_interval: \"0m\"",
     "entities[0].exchange.withdrawal_batch_interval",
     "duration must be positive"},
    {"ReportThresholdNegative", "report_threshold_usd: \"10000\"",
     "report_threshold_usd: \"-1\"",
     "entities[0].exchange.report_threshold_usd",
     "not a non-negative USD value"},
    {"UsersCountZero", "users { count: 2000", "users { count: 0",
     "entities[3].users.count", "must be in [1, 100000000], got 0", "count: 0"},
    {"UsersChainUnknown", "chains: \"bitcoin\"", "chains: \"bitcoinz\"",
     "entities[3].users.chains[0]", "unknown chain 'bitcoinz'"},
    {"PaymentsPerDayNegative", "payments_per_day: 0.3",
     "payments_per_day: -0.3", "entities[3].users.payments_per_day",
     "must be >= 0 and finite, got -0.3"},
    {"MerchantsChainUnknown", "chains: \"ethereum\"", "chains: \"eth\"",
     "entities[4].merchants.chains[0]", "unknown chain 'eth'"},
    {"MinerChainMissing", "miner { chain: \"bitcoin\" hashrate_share: 1 }",
     "miner { hashrate_share: 1 }", "entities[5].miner.chain",
     "required field is missing", "miner {"},
    {"HashrateZero", "hashrate_share: 1", "hashrate_share: 0",
     "entities[5].miner.hashrate_share", "must be in (0, 1], got 0"},
    {"MixerKindMissing", "    kind: POOL\n", "", "entities[6].mixer.kind",
     "required field is missing", "mixer {\n    chain: \"ethereum\""},
    {"PoolMixerOnUtxoChain", "chain: \"ethereum\"\n    kind: POOL",
     "chain: \"bitcoin\"\n    kind: POOL", "entities[6].mixer.chain",
     "a POOL mixer needs chain model ACCOUNT; chain 'bitcoin' is UTXO",
     "chain: \"bitcoin\"\n    kind: POOL"},
    {"CustodialMixerOnAccountChain", "mixer { chain: \"bitcoin\"",
     "mixer { chain: \"ethereum\"", "entities[7].mixer.chain",
     "a CUSTODIAL mixer needs chain model UTXO",
     "chain: \"ethereum\" kind: CUSTODIAL"},
    {"MixerAssetOnAnotherChain", "kind: POOL", "kind: POOL\n    asset: \"BTC\"",
     "entities[6].mixer.asset",
     "asset 'BTC' lives on chain 'bitcoin', not on 'ethereum'",
     "asset: \"BTC\"\n    denominations"},
    {"MixerDenominationZero", "[\"0.1\", \"1\"", "[\"0\", \"1\"",
     "entities[6].mixer.denominations[0]", "amount must be positive",
     "denominations:"},
    {"MixerDenominationTooPrecise", "[\"0.1\", \"1\"",
     "[\"0.0000000001\", \"1\"", "entities[6].mixer.denominations[0]",
     "more than 9 decimal places", "denominations:"},
    {"MixerFeeTooHigh", "fee_bps: 30\n  }", "fee_bps: 10001\n  }",
     "entities[6].mixer.fee_bps", "must be in [0, 10000], got 10001",
     "fee_bps: 10001"},
    {"MixerReserveBad", "reserve: \"300\"", "reserve: \"three hundred\"",
     "entities[7].mixer.reserve", "is not a decimal amount"},
    {"CoinJoinOnAccountChain", "coinjoin { chain: \"bitcoin\"",
     "coinjoin { chain: \"ethereum\"", "entities[8].coinjoin.chain",
     "CoinJoin needs chain model UTXO; chain 'ethereum' is ACCOUNT",
     "chain: \"ethereum\" denomination"},
    {"CoinJoinDenominationZero", "denomination: \"0.1\" min_participants",
     "denomination: \"0.0\" min_participants",
     "entities[8].coinjoin.denomination", "amount must be positive",
     "denomination: \"0.0\""},
    {"CoinJoinParticipantsInverted", "min_participants: 5",
     "min_participants: 60", "entities[8].coinjoin.max_participants",
     "min_participants (60) is greater than max_participants (50)",
     "max_participants"},
    {"CoinJoinTooFewParticipants", "min_participants: 5", "min_participants: 1",
     "entities[8].coinjoin.min_participants", "must be in [2, 10000], got 1"},
    {"BridgeChainUnknown", "from_chain: \"ethereum\"", "from_chain: \"eth\"",
     "entities[9].bridge.from_chain", "unknown chain 'eth'"},
    {"BridgeDelayBad", "delay: \"20m\"", "delay: \"20 minutes\"",
     "entities[9].bridge.delay", "is not a duration"},
    {"DexReserveOnAnotherChain", "reserve_a { asset: \"USDT\"",
     "reserve_a { asset: \"BTC\"", "entities[10].dex.reserve_a.asset",
     "asset 'BTC' lives on chain 'bitcoin', not on 'ethereum'",
     "asset: \"BTC\" amount: \"50000000\""},
    {"DexSameAssetTwice", "reserve_a { asset: \"USDT\"",
     "reserve_a { asset: \"ETH\"", "entities[10].dex.reserve_b.asset",
     "a pool needs two different assets", "asset: \"ETH\" amount: \"70000\""},
    {"DexReserveZero", "amount: \"70000\"", "amount: \"0\"",
     "entities[10].dex.reserve_b.amount", "amount must be positive"},
    {"DexArbitrageShareAboveOne",
     "reserve_b { asset: \"ETH\" amount: \"70000\" }",
     "reserve_b { asset: \"ETH\" amount: \"70000\" }\n    arbitrage_share: 1.5",
     "entities[10].dex.arbitrage_share", "must be in [0, 1], got 1.5",
     "arbitrage_share"},
    {"OtcFloatUnknownAsset", "float { asset: \"BTC\" amount: \"200\" }",
     "float { asset: \"BTC\" amount: \"200\" }\n"
     "        float { asset: \"BTX\" amount: \"1\" }",
     "entities[11].otc.float[1].asset", "unknown asset 'BTX'",
     "asset: \"BTX\""},
    {"OtcCountryLowerCase", "country: \"CN\"", "country: \"cn\"",
     "entities[11].otc.country", "is not an ISO 3166-1 alpha-2"},
    // -------------------------------------------------------- background
    {"BackgroundChainUnknown", "chains { chain: \"bitcoin\"",
     "chains { chain: \"litecoin\"", "background.chains[0].chain",
     "unknown chain 'litecoin'", "chain: \"litecoin\""},
    {"BackgroundChainTwice", "chains { chain: \"ethereum\"",
     "chains { chain: \"bitcoin\"", "background.chains[1].chain",
     "chain 'bitcoin' has background traffic twice",
     "chain: \"bitcoin\" token_share"},
    {"BackgroundMedianZero", "value_median_usd: 150", "value_median_usd: 0",
     "background.chains[0].value_median_usd", "must be > 0"},
    {"BackgroundReuseAboveOne", "address_reuse: 0.5", "address_reuse: 2",
     "background.chains[0].address_reuse", "must be in [0, 1], got 2"},
    {"AddressTypeMissingType", "address_types { type: \"eoa\" share: 1 }",
     "address_types { share: 1 }", "background.chains[1].address_types[0].type",
     "required field is missing", "address_types {"},
};

class WorldValidationTest : public ::testing::TestWithParam<EditCase> {};

TEST_P(WorldValidationTest, ReportsTheEditedField) {
  ExpectEditError(GetParam());
}

INSTANTIATE_TEST_SUITE_P(Edits, WorldValidationTest,
                         ::testing::ValuesIn(kWorldCases),
                         [](const ::testing::TestParamInfo<EditCase>& p) {
                           return std::string(p.param.name);
                         });

// Edits whose follow-on errors are expected too.
TEST(WorldValidationTest, PoolMixerWithoutDenominations) {
  const std::string text =
      ReplaceOnce(ReadData("scenarios/full.textproto"),
                  "    denominations: [\"0.1\", \"1\", \"10\", \"100\"]\n", "");
  ExpectError(text, "entities[6].mixer.denominations",
              "a POOL mixer needs at least one denomination",
              PositionOf(text, "mixer {\n    chain: \"ethereum\""));
  // The stage asking for the 100 lot now has nothing to use.
  ExpectError(text, "plans[0].stages[1].mixer.denomination",
              "mixer 'tornado' has no '100' denomination",
              PositionOf(text, "denomination: \"100\""));
}

TEST(WorldValidationTest, BridgeJoiningAChainToItself) {
  const std::string text =
      ReplaceOnce(ReadData("scenarios/full.textproto"), "to_chain: \"bitcoin\"",
                  "to_chain: \"ethereum\"");
  ExpectError(text, "entities[9].bridge.to_chain",
              "a bridge joins two different chains",
              PositionOf(text, "to_chain: \"ethereum\""));
}

TEST(WorldValidationTest, DexWithoutSecondReserve) {
  const std::string text =
      ReplaceOnce(ReadData("scenarios/full.textproto"),
                  "    reserve_b { asset: \"ETH\" amount: \"70000\" }\n", "");
  ExpectError(text, "entities[10].dex.reserve_b", "required field is missing",
              PositionOf(text, "dex {"));
}

TEST(WorldValidationTest, TokenOnAccountChainIsFine) {
  const std::string text = ReplaceOnce(
      ReadData("scenarios/full.textproto"), kEnd,
      APPEND("assets { name: \"DAI\" chain: \"ethereum\" decimals: 18 "
             "usd_price { at: \"2021-01-01\" value: 1 } }"));
  const LoadResult result = LoadScenarioText(text, "full.textproto");
  EXPECT_TRUE(result.ok()) << testing::Describe(result);
}

}  // namespace
}  // namespace chaintrace::sim
