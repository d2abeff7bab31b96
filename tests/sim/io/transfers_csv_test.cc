#include "sim/io/transfers_csv.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "model/conservation.h"
#include "model/ledger_io.h"

namespace chaintrace::io {
namespace {

std::string Fixture(const std::string& name) {
  return std::string(CHAINTRACE_SOURCE_DIR) + "/tests/data/import/" + name;
}

std::string ReadFixture(const std::string& name) {
  std::ifstream in(Fixture(name), std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

Result<ImportedLedger> Import(const std::string& name,
                              const TransfersCsvOptions& options = {}) {
  return ImportTransfersCsv(ReadFixture(name), name, options);
}

// transfers_bigquery.csv, in time order (line: time from -> to value):
//   3: 09:00 c -> a 2 ETH        2: 10:00 a -> b 1.5 ETH
//   4: 11:00 b -> c 1 gwei       5: 12:00 b -> d 100.25 USDT (hash 0x04)
//   7: 12:00 d -> a 50 USDT (hash 0x04 again)     6: value 0, skipped
// c spends 2 ETH and b 100.25 USDT they received before the file starts.
TEST(TransfersCsv, ImportsBigQueryShapeExactly) {
  const Result<ImportedLedger> r = Import("transfers_bigquery.csv");
  ASSERT_TRUE(r.ok()) << r.message();
  const Ledger& l = r->file.ledger;
  EXPECT_FALSE(r->file.truth.has_value());
  EXPECT_EQ(FormatCalendarTime(l.start()), "2021-03-01T00:00:00Z");
  const ChainId eth = l.FindChain("eth");
  ASSERT_NE(eth, ChainId::kNone);
  EXPECT_FALSE(l.chain(eth).is_utxo());
  const TxStore& s = l.txs(eth);
  ASSERT_EQ(s.tx_count(), 7u);
  const char* ids[] = {"external:ETH", "external:USDT", "0x02",  "0x01",
                       "0x03",         "0x04",          "0x04#1"};
  for (std::size_t i = 0; i < 7; ++i) {
    EXPECT_EQ(s.txid(IdFromIndex<TxId>(i)), ids[i]);
  }
  // External credits: exactly the shortfall of c (ETH) and b (USDT).
  const AddressId c =
      l.FindAddress(eth, "0xcccccccccccccccccccccccccccccccccccccccc");
  const AddressId b =
      l.FindAddress(eth, "0xbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
  const TxId ext_eth = s.FindTx("external:ETH");
  ASSERT_TRUE(s.coinbase(ext_eth));
  ASSERT_EQ(s.outputs(ext_eth).size(), 1u);
  EXPECT_EQ(s.output_address(s.outputs(ext_eth)[0]), c);
  EXPECT_EQ(s.output_amount(s.outputs(ext_eth)[0]), 2'000'000'000);
  const TxId ext_usdt = s.FindTx("external:USDT");
  EXPECT_EQ(s.output_address(s.outputs(ext_usdt)[0]), b);
  EXPECT_EQ(s.output_amount(s.outputs(ext_usdt)[0]), 100'250'000'000);
  EXPECT_EQ(s.time(ext_eth), 9 * 3600);
  // 0.000000001 ETH is exactly one gwei.
  EXPECT_EQ(s.input_amount(s.inputs(s.FindTx("0x03"))[0]), 1);
  EXPECT_EQ(r->stats.zero_value_rows, 1u);
  EXPECT_EQ(r->stats.zero_value_lines, std::vector<std::size_t>{6});
  EXPECT_EQ(r->stats.external_outputs, 2u);
  EXPECT_TRUE(CheckConservation(l).ok());
}

TEST(TransfersCsv, ImportsEtherscanShapeWithQuotesAndAliases) {
  const Result<ImportedLedger> r = Import("transfers_etherscan.csv");
  ASSERT_TRUE(r.ok()) << r.message();
  const TxStore& s = r->file.ledger.txs(IdFromIndex<ChainId>(0));
  ASSERT_EQ(s.tx_count(), 3u);
  EXPECT_EQ(s.txid(IdFromIndex<TxId>(1)), "0xf1");  // hash lower-cased
  EXPECT_EQ(s.input_amount(s.inputs(s.FindTx("0xf2"))[0]), 250'000'000);
}

TEST(TransfersCsv, ChainAssetAndTokenDecimalsAreOptions) {
  TransfersCsvOptions options;
  options.chain = "bsc";
  options.asset = "BNB";
  options.decimals = 12;
  options.token_decimals = {{"USDT", 6}};
  const Result<ImportedLedger> r = Import("transfers_bigquery.csv", options);
  ASSERT_TRUE(r.ok()) << r.message();
  const Ledger& l = r->file.ledger;
  const ChainId bsc = l.FindChain("bsc");
  ASSERT_NE(bsc, ChainId::kNone);
  EXPECT_EQ(l.asset(l.FindAsset(bsc, "BNB")).decimals, 12);
  EXPECT_EQ(l.asset(l.FindAsset(bsc, "USDT")).decimals, 6);
  const TxStore& s = l.txs(bsc);
  EXPECT_EQ(s.input_amount(s.inputs(s.FindTx("0x04"))[0]), 100'250'000);
}

// Every malformed fixture is refused with its exact located message.
TEST(TransfersCsv, MalformedRowsGiveFileLineMessages) {
  const struct {
    const char* file;
    const char* message;
  } cases[] = {
      {"bad_address.csv", ":2: to: address '0xbbbb' has 4 hex digits, not 40"},
      {"too_precise.csv",
       ":3: value: '0.0000000001' has more than 9 decimal places, the "
       "asset's precision (asset 'ETH' has 9 decimals; see --decimals and "
       "--token-decimals)"},
      {"missing_value_column.csv",
       ":1: header has no 'value' column (accepted names: value, amount, "
       "quantity, token_value, tokenvalue, value_decimal)"},
      {"field_count.csv", ":2: expected 4 fields as in the header, found 3"},
      {"bad_time.csv",
       ":2: time 'yesterday' is neither Unix seconds nor 'YYYY-MM-DD "
       "HH:MM:SS[ UTC]' / RFC 3339 UTC"},
      {"unclosed_quote.csv", ":3: quoted field is never closed"},
      {"negative_value.csv",
       ":2: value: '-1' is not a decimal amount (digits and one '.' only, "
       "no sign or exponent) (asset 'ETH' has 9 decimals; see --decimals "
       "and --token-decimals)"},
  };
  for (const auto& c : cases) {
    const Result<ImportedLedger> r = Import(c.file);
    ASSERT_FALSE(r.ok()) << c.file;
    EXPECT_EQ(r.message(), std::string(c.file) + c.message);
  }
}

TEST(TransfersCsv, RefusesEmptyInput) {
  EXPECT_EQ(ImportTransfersCsv("", "e.csv", {}).message(),
            "e.csv: empty file, no header");
  EXPECT_EQ(ImportTransfersCsv("time,from,to,value\n", "h.csv", {}).message(),
            "h.csv: no transfers of non-zero value");
}

TEST(TransfersCsv, WrittenLedgerReadsBack) {
  const Result<ImportedLedger> r = Import("transfers_bigquery.csv");
  ASSERT_TRUE(r.ok()) << r.message();
  const std::string bytes = EncodeLedgerBinary(r->file);
  const Result<LedgerFile> back = ParseLedgerBinary(bytes, "mem");
  ASSERT_TRUE(back.ok()) << back.message();
  EXPECT_EQ(back->ledger, r->file.ledger);
}

}  // namespace
}  // namespace chaintrace::io
