#include "sim/io/bitcoin_json.h"

#include <gtest/gtest.h>

#include <string>

#include "model/conservation.h"
#include "model/sha256.h"
#include "sim/io/json_blocks.h"

namespace chaintrace::io {
namespace {

std::string Fixture(const std::string& name) {
  return std::string(CHAINTRACE_SOURCE_DIR) + "/tests/data/import/" + name;
}

// The fixtures' txids are the SHA-256 of short names.
std::string Txid(std::string_view name) { return Sha256Hex(name); }

TEST(ParseJsonDecimal, IsExactInEveryNotation) {
  EXPECT_EQ(*ParseJsonDecimal("0.00000001", 8), 1);
  EXPECT_EQ(*ParseJsonDecimal("1e-05", 8), 1000);
  EXPECT_EQ(*ParseJsonDecimal("9.0E-5", 8), 9000);
  EXPECT_EQ(*ParseJsonDecimal("21000000", 8), 2'100'000'000'000'000);
  EXPECT_EQ(*ParseJsonDecimal("1.5e+2", 8), 15'000'000'000);
  // 0.1 + 0.2 style values that a double would round.
  EXPECT_EQ(*ParseJsonDecimal("0.30000001", 8), 30'000'001);
  EXPECT_FALSE(ParseJsonDecimal("1e-9", 8).ok());
  EXPECT_FALSE(ParseJsonDecimal("-1", 8).ok());
  EXPECT_FALSE(ParseJsonDecimal("1e400", 8).ok());
  EXPECT_FALSE(ParseJsonDecimal("1e", 8).ok());
}

// btc_two_blocks.json (heights 100, 101) and btc_rpc_block102.json (an RPC
// response, stamped earlier than block 101):
//   100: cb1 -> miner 6.25 (+ a 0-value OP_RETURN)
//        t1  spends two outputs outside the file (no prevout; fee given)
//            -> alice 1, bob 0.49990001
//   101: cb2 -> miner 6.25
//        t2  cb1:0 -> carol 0.00001 (written 1e-05), alice 6.2499
//        t3  t1:1 + an external output with prevout 0.5 at 3DaveAddr
//            -> a P2PK script 0.99980001
//   102: cb3 -> miner 6.25;  t4  t2:0 -> alice 0.000009
TEST(BitcoinJson, ImportsBlocksAcrossFilesExactly) {
  BitcoinJsonImporter importer;
  ASSERT_TRUE(importer.AddFile(Fixture("btc_two_blocks.json")).ok());
  const Status st = importer.AddFile(Fixture("btc_rpc_block102.json"));
  ASSERT_TRUE(st.ok()) << st.message();
  Result<ImportedLedger> r = importer.Finish();
  ASSERT_TRUE(r.ok()) << r.message();
  const Ledger& l = r->file.ledger;
  const ChainId btc = l.FindChain("btc");
  ASSERT_NE(btc, ChainId::kNone);
  const TxStore& s = l.txs(btc);
  ASSERT_EQ(s.tx_count(), 9u);
  EXPECT_TRUE(CheckConservation(l).ok());
  EXPECT_EQ(r->stats.blocks, 3u);
  EXPECT_EQ(r->stats.zero_value_outputs, 1u);
  EXPECT_EQ(r->stats.external_transactions, 2u);
  EXPECT_EQ(r->stats.external_outputs, 3u);
  EXPECT_EQ(r->stats.estimated_inputs, 2u);

  const TxId t1 = s.FindTx(Txid("t1"));
  ASSERT_NE(t1, TxId::kNone);
  EXPECT_EQ(s.fee(t1), 9999);
  const TxId ext1 = s.FindTx("external:" + Txid("t1"));
  ASSERT_NE(ext1, TxId::kNone);
  EXPECT_TRUE(s.coinbase(ext1));
  EXPECT_EQ(Index(ext1) + 1, Index(t1));
  // 1.5 BTC of unknown inputs, split evenly.
  for (InputId i : s.inputs(t1)) EXPECT_EQ(s.input_amount(i), 75'000'000);
  EXPECT_EQ(l.address_name(s.input_address(s.inputs(t1)[1])),
            "unknown:" + Txid("x2") + ":3");

  const TxId t2 = s.FindTx(Txid("t2"));
  EXPECT_EQ(s.output_amount(s.outputs(t2)[0]), 1000);
  EXPECT_EQ(s.fee(t2), 9000);
  EXPECT_EQ(s.input_amount(s.inputs(t2)[0]), 625'000'000);

  const TxId t3 = s.FindTx(Txid("t3"));
  EXPECT_EQ(s.fee(t3), 10'000);
  const AddressId dave = s.input_address(s.inputs(t3)[1]);
  EXPECT_EQ(l.address_name(dave), "3DaveAddr");
  EXPECT_EQ(l.address_type(dave), "p2sh");
  EXPECT_EQ(s.input_amount(s.inputs(t3)[1]), 50'000'000);
  const AddressId p2pk = s.output_address(s.outputs(t3)[0]);
  EXPECT_EQ(l.address_name(p2pk), "script:21abcdefac");
  EXPECT_EQ(l.address_type(p2pk), "p2pk");

  // Block 102 is stamped before 101 and keeps 101's time.
  EXPECT_EQ(s.time(s.FindTx(Txid("t4"))), s.time(t2));
  EXPECT_EQ(FormatCalendarTime(l.start()), "2020-09-13T00:00:00Z");
}

TEST(BitcoinJson, ErrorsNameFileBlockAndTransaction) {
  const auto error = [](const char* file) {
    BitcoinJsonImporter importer;
    return importer.AddFile(Fixture(file)).message();
  };
  EXPECT_EQ(error("btc_verbosity1.json"),
            Fixture("btc_verbosity1.json") +
                ": block 1 (height 5): transactions are txids only (getblock "
                "verbosity 1); use `getblock <hash> 2`");
  EXPECT_EQ(
      error("btc_syntax_error.json")
          .rfind(Fixture("btc_syntax_error.json") + ":3:9: JSON syntax error: ",
                 0),
      0u)
      << error("btc_syntax_error.json");
  EXPECT_EQ(error("btc_no_fee.json"),
            Fixture("btc_no_fee.json") + ": block 1 (height 7): tx '" +
                Txid("t1") +
                "': 1 input(s) spend outputs outside the imported blocks and "
                "the JSON has neither their \"prevout\" (getblock verbosity "
                "3) nor the transaction's \"fee\", so their value is unknown");
  EXPECT_EQ(error("btc_too_precise.json"),
            Fixture("btc_too_precise.json") + ": block 1 (height 7): tx '" +
                Txid("cb1") +
                "': vout 0: amount 0.000000001: '0.000000001' has more than 8 "
                "decimal places, the asset's precision");

  BitcoinJsonImporter reversed;
  ASSERT_TRUE(reversed.AddFile(Fixture("btc_rpc_block102.json")).ok());
  EXPECT_EQ(reversed.AddFile(Fixture("btc_two_blocks.json")).message(),
            Fixture("btc_two_blocks.json") +
                ": block 1 (height 100): comes after height 102; blocks must "
                "be given in increasing height order");

  BitcoinJsonImporter none;
  EXPECT_FALSE(none.Finish().ok());
}

TEST(JsonObjects, RefusesDocumentsThatAreNotObjects) {
  const auto each = [](Json&) { return Status::Ok(); };
  EXPECT_EQ(ForEachJsonObject("[1]", "a.json", each).message(),
            "a.json: array element is not an object");
  EXPECT_EQ(ForEachJsonObject("\"x\"", "s.json", each).message(),
            "s.json: the document is not an object or an array");
  int objects = 0;
  EXPECT_TRUE(ForEachJsonObject("[{\"a\": [1, {\"b\": 2.50}]}, {}]", "ok.json",
                                [&](Json& o) {
                                  ++objects;
                                  if (o.contains("a")) {
                                    EXPECT_TRUE(o["a"][1]["b"].is_binary());
                                  }
                                  return Status::Ok();
                                })
                  .ok());
  EXPECT_EQ(objects, 2);
}

}  // namespace
}  // namespace chaintrace::io
