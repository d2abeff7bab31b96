#include "model/ledger_io.h"

#include <dirent.h>
#include <gmock/gmock.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>
#include <google/protobuf/util/delimited_message_util.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "model/conservation.h"
#include "model/ledger_encode.h"
#include "proto/ledger.pb.h"
#include "tests/model/ledger_test_util.h"

namespace chaintrace {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;
using testing_util::kAccountHeader;
using testing_util::kUtxoHeader;

std::vector<std::string> ListDir(const std::string& dir) {
  std::vector<std::string> names;
  DIR* d = ::opendir(dir.c_str());
  if (d == nullptr) return names;
  while (const dirent* e = ::readdir(d)) {
    const std::string name = e->d_name;
    if (name != "." && name != "..") names.push_back(name);
  }
  ::closedir(d);
  return names;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(ReadLedgerText, ReadsTheAccountLedger) {
  // account.textproto: see the drawing there.
  const LedgerFile file = testing_util::ReadTestdata("account.textproto");
  const Ledger& l = file.ledger;
  EXPECT_FALSE(file.truth.has_value());
  EXPECT_EQ(FormatCalendarTime(l.start()), "2021-06-01T00:00:00Z");
  ASSERT_EQ(l.chain_count(), 1u);
  const ChainId eth{0};
  EXPECT_EQ(l.chain(eth).block_interval, 13);
  EXPECT_EQ(l.asset(l.chain(eth).native_asset).name, "ETH");
  EXPECT_EQ(l.asset(l.FindAsset(eth, "USDT")).decimals, 6);
  // Declared first, then created on first use in transaction order.
  ASSERT_EQ(l.address_count(), 5u);
  const char* names[] = {"alice", "dex", "bob", "carol", "dave"};
  const char* types[] = {"eoa", "contract", "", "", ""};
  for (std::size_t i = 0; i < 5; ++i) {
    EXPECT_EQ(l.address_name(IdFromIndex<AddressId>(i)), names[i]);
    EXPECT_EQ(l.address_type(IdFromIndex<AddressId>(i)), types[i]);
  }
  const TxStore& s = l.txs(eth);
  ASSERT_EQ(s.tx_count(), 5u);
  const TxId e2 = s.FindTx("e2");
  EXPECT_EQ(s.asset(e2), l.FindAsset(eth, "USDT"));
  EXPECT_EQ(s.fee(e2), 2);
  EXPECT_EQ(s.time(e2), 26);
  EXPECT_EQ(s.input_address(s.inputs(e2)[0]), l.FindAddress(eth, "alice"));
  EXPECT_EQ(s.input_amount(s.inputs(e2)[0]), 2000);
  EXPECT_EQ(s.output_address(s.outputs(e2)[0]), l.FindAddress(eth, "dex"));
  EXPECT_TRUE(s.coinbase(s.FindTx("g1")));
  EXPECT_FALSE(s.coinbase(e2));
  // The one label.
  ASSERT_EQ(file.labels.size(), 1u);
  const AddressLabel dex = file.labels.label(l.FindAddress(eth, "dex"));
  EXPECT_EQ(dex.kind, common::LABEL_DEX);
  EXPECT_EQ(file.labels.service(dex.service).name, "usdt_pool");
  EXPECT_FALSE(file.labels.labelled(l.FindAddress(eth, "alice")));
}

TEST(ReadLedgerText, ReadsTheUtxoLedger) {
  const LedgerFile file = testing_util::ReadTestdata("peel.textproto");
  const Ledger& l = file.ledger;
  const TxStore& s = l.txs(ChainId{0});
  ASSERT_EQ(s.tx_count(), 5u);
  // Stored in the order given (c0, t1, b1, p1, p2).
  EXPECT_EQ(s.txid(TxId{2}), "b1");
  const TxId p1 = s.FindTx("p1");
  EXPECT_EQ(s.input_amount(s.inputs(p1)[0]), 9990);
  EXPECT_EQ(s.input_address(s.inputs(p1)[0]),
            l.FindAddress(ChainId{0}, "thief1"));
  EXPECT_EQ(s.spent_by(s.outputs(p1)[1]), s.FindTx("p2"));
  EXPECT_EQ(s.spent_by(s.outputs(p1)[0]), TxId::kNone);
  EXPECT_DOUBLE_EQ(l.asset(AssetId{0}).UsdAt(43200), 31000.0);
  EXPECT_EQ(l.address_type(l.FindAddress(ChainId{0}, "shop")), "");
}

class RoundTripTest : public ::testing::TestWithParam<const char*> {};

TEST_P(RoundTripTest, TextModelBinaryModelTextIsExact) {
  const LedgerFile first = testing_util::ReadTestdata(GetParam());
  const std::string dir = testing_util::MakeTempDir();
  const std::string text = FormatLedgerText(first);

  // Binary through a file.
  const std::string bin_path = dir + "/ledger.bin";
  ASSERT_TRUE(WriteLedgerBinary(first, bin_path).ok());
  auto from_binary = ReadLedger(bin_path);
  ASSERT_TRUE(from_binary.ok()) << from_binary.message();
  EXPECT_TRUE(*from_binary == first) << "binary round trip changed the model";
  EXPECT_EQ(FormatLedgerText(*from_binary), text);

  // Binary encoding is canonical: identical bytes every time.
  EXPECT_EQ(ReadFile(bin_path), EncodeLedgerBinary(*from_binary));

  // Text through a file, and text read back equals the original model.
  const std::string text_path = dir + "/ledger.textproto";
  ASSERT_TRUE(WriteLedger(*from_binary, text_path).ok());
  EXPECT_EQ(ReadFile(text_path), text);
  auto from_text = ReadLedger(text_path);
  ASSERT_TRUE(from_text.ok()) << from_text.message();
  EXPECT_TRUE(*from_text == first) << "text round trip changed the model";

  // No temporary files are left behind.
  std::vector<std::string> files = ListDir(dir);
  std::sort(files.begin(), files.end());
  EXPECT_EQ(files,
            (std::vector<std::string>{"ledger.bin", "ledger.textproto"}));
}

INSTANTIATE_TEST_SUITE_P(Testdata, RoundTripTest,
                         ::testing::Values("peel.textproto",
                                           "account.textproto"));

TEST(ReadLedgerBinary, KeepsProvenance) {
  LedgerFile file = testing_util::ReadTestdata("peel.textproto");
  file.provenance = Provenance{"un2022", "abc123", 42, "0.1.0", 0.25};
  auto back = ParseLedgerBinary(EncodeLedgerBinary(file), "mem");
  ASSERT_TRUE(back.ok()) << back.message();
  EXPECT_EQ(back->provenance, file.provenance);
}

TEST(FormatLedgerText, DoublesRoundTripExactly) {
  LedgerFile file = testing_util::ReadTestdata("account.textproto");
  file.provenance.scale = 0.1;
  LedgerFile priced;
  priced.provenance = file.provenance;
  const ChainId c = *priced.ledger.AddChain("x", common::ACCOUNT, 1);
  const AssetId a = *priced.ledger.AddAsset(
      AssetInfo{"X", c, 18, {{0, 1.0 / 3.0}, {10, 2.0 / 3.0 + 1e-12}}});
  ASSERT_TRUE(priced.ledger.SetNativeAsset(c, a).ok());
  auto back = ReadLedgerText(FormatLedgerText(priced), "p.textproto");
  ASSERT_TRUE(back.ok()) << back.message();
  EXPECT_TRUE(*back == priced);
  EXPECT_EQ(back->ledger.asset(a).usd_price[0].usd, 1.0 / 3.0);
}

TEST(WriteLedger, FailsCleanlyIntoAMissingDirectory) {
  const std::string dir = testing_util::MakeTempDir();
  const LedgerFile file = testing_util::ReadTestdata("account.textproto");
  const Status st = WriteLedgerBinary(file, dir + "/missing/x.bin");
  EXPECT_THAT(st.message(), HasSubstr("cannot create"));
  EXPECT_TRUE(ListDir(dir).empty());
}

TEST(ReadLedgerText, SyntaxErrorsCarryLineAndColumn) {
  const auto r = ReadLedgerText(
      "header {\n  start: \"2021-01-01\"\n  chains { name: \"btc\" mode: UTXO "
      "}\n}\n",
      "x.textproto");
  ASSERT_FALSE(r.ok());
  // Protobuf points just past the unknown field name.
  EXPECT_EQ(r.message(),
            "x.textproto:3:28: Message type \"chaintrace.ledger.ChainInfo\" "
            "has no field named \"mode\".");

  const auto unclosed = ReadLedgerText("header {\n", "y.textproto");
  ASSERT_FALSE(unclosed.ok());
  EXPECT_THAT(unclosed.message(), StartsWith("y.textproto:2:1: "));
}

// The text of a UTXO ledger whose last transaction is `tx` (on line 10).
std::string WithUtxoTx(const std::string& tx) {
  return std::string(kUtxoHeader) +
         "transactions { id: \"c0\" chain: \"btc\" coinbase: true\n"
         "  outputs { address: \"a\" amount: 100 } }\n"
         "transactions { id: \"t1\" chain: \"btc\"\n"
         "  inputs { tx: \"c0\" } outputs { address: \"b\" amount: 100 } }\n" +
         tx;
}

TEST(ReadLedgerText, SemanticErrorsNameFileLineAndTransaction) {
  struct Case {
    std::string tx;
    std::string error;
  };
  const std::vector<Case> cases = {
      {"transactions { id: \"t2\" chain: \"btc\"\n"
       "  inputs { tx: \"c0\" } outputs { address: \"b\" amount: 100 } }\n",
       "bad.textproto:12:3: chain 'btc' transaction 't2': input 0: double "
       "spend: output 'c0:0' is already spent by 't1'"},
      {"transactions { id: \"t2\" chain: \"btc\"\n"
       "  inputs { tx: \"zz\" } outputs { address: \"b\" amount: 1 } }\n",
       "bad.textproto:12:3: chain 'btc' transaction 't2': input 0: unknown "
       "transaction 'zz' on chain 'btc'"},
      {"transactions { id: \"t2\" chain: \"btc\"\n"
       "  inputs { tx: \"t1\" index: 3 } outputs { address: \"b\" amount: 1 } "
       "}\n",
       "bad.textproto:12:3: chain 'btc' transaction 't2': input 0: output "
       "'t1:3' does not exist (the transaction has 1 outputs)"},
      {"transactions { id: \"t2\" chain: \"ltc\" }\n",
       "bad.textproto:11:1: transaction 't2': unknown chain 'ltc'"},
      {"transactions { id: \"t2\" chain: \"btc\"\n"
       "  inputs { address: \"a\" amount: 5 } }\n",
       "bad.textproto:12:3: chain 'btc' transaction 't2': input 0: a UTXO "
       "input names `tx` and `index`, not an address or amount"},
      {"transactions { id: \"t2\" chain: \"btc\" inputs { tx: \"t1\" }\n"
       "  outputs { address: \"b\" amount: 1 }\n"
       "  outputs { address: \"b\" amount: 0 } }\n",
       "bad.textproto:13:3: chain 'btc' transaction 't2': output 1: amount 0 "
       "must be > 0"},
      {"transactions { id: \"t2\" chain: \"btc\" time: -1 inputs { tx: \"t1\" "
       "}\n  outputs { address: \"b\" amount: 100 } }\n",
       "bad.textproto:11:1: chain 'btc' transaction 't2': time -1 is before "
       "the chain's previous transaction (0)"},
      {"thefts { attack: \"h\" chain: \"btc\" tx: \"t9\" }\n",
       "bad.textproto:11:1: theft 'h': unknown transaction 't9' on chain "
       "'btc'"},
      {"addresses { name: \"q\" chain: \"btc\" truth { owner: \"nobody\" } "
       "}\n",
       "bad.textproto:11:1: address 'q': unknown owner entity 'nobody'"},
  };
  for (const Case& c : cases) {
    const auto r = ReadLedgerText(WithUtxoTx(c.tx), "bad.textproto");
    ASSERT_FALSE(r.ok()) << c.tx;
    EXPECT_EQ(r.message(), c.error);
  }
}

TEST(ReadLedgerText, HeaderErrors) {
  EXPECT_EQ(ReadLedgerText("", "e.textproto").message(),
            "e.textproto: the ledger has no header");
  EXPECT_THAT(
      ReadLedgerText("header { format_version: 7 }", "v.textproto").message(),
      HasSubstr("v.textproto:1:1: header.format_version 7 is not supported"));
  EXPECT_THAT(
      ReadLedgerText("header { format: \"other\" }", "f.textproto").message(),
      HasSubstr("not a ledger file"));
  EXPECT_THAT(
      ReadLedgerText("header { chains { name: \"btc\" model: UTXO "
                     "native_asset: \"X\" } }",
                     "n.textproto")
          .message(),
      HasSubstr("native_asset 'X' is not an asset declared on the chain"));
  EXPECT_THAT(ReadLedgerText("header { start: \"2021-13-01\" }", "s.textproto")
                  .message(),
              HasSubstr("header.start"));
}

TEST(ReadLedgerText, AccountInputsNameAddressAndAmount) {
  const auto r = ReadLedgerText(std::string(kAccountHeader) + R"pb(
                                  transactions {
                                    id: "g"
                                    chain: "eth"
                                    coinbase: true
                                    outputs { address: "x" amount: 5 }
                                  }
                                  transactions {
                                    id: "t"
                                    chain: "eth"
                                    inputs { tx: "g" }
                                  }
                                )pb",
                                "acc.textproto");
  EXPECT_THAT(r.message(), HasSubstr("an ACCOUNT input names `address` and "
                                     "`amount`, not a transaction output"));
}

TEST(ReadLedgerBinary, RefusesGarbageAndTruncationWithoutCrashing) {
  const LedgerFile file = testing_util::ReadTestdata("peel.textproto");
  const std::string bytes = EncodeLedgerBinary(file);
  // Every prefix: either a shorter valid stream (cut at a record boundary)
  // or a clean error naming the record.
  int failures = 0;
  for (std::size_t n = 1; n < bytes.size(); ++n) {
    const auto r = ParseLedgerBinary(bytes.substr(0, n), "cut.bin");
    if (!r.ok()) {
      ++failures;
      EXPECT_THAT(r.message(), StartsWith("cut.bin: record "));
    }
  }
  EXPECT_GT(failures, static_cast<int>(bytes.size()) / 2);
  EXPECT_THAT(
      ParseLedgerBinary(bytes.substr(0, bytes.size() - 1), "cut.bin").message(),
      HasSubstr("truncated or malformed record"));

  // Flipped bytes: errors or (rarely) a still-valid ledger, never a crash.
  for (std::size_t i = 0; i < bytes.size(); i += 7) {
    std::string bad = bytes;
    bad[i] = static_cast<char>(bad[i] ^ 0x5a);
    (void)ParseLedgerBinary(bad, "flip.bin");
  }

  EXPECT_EQ(ParseLedgerBinary("", "empty.bin").message(),
            "empty.bin: empty file, no header");
  EXPECT_THAT(ParseLedgerBinary("\xff\xff\xff\xff\x0f", "huge.bin").message(),
              HasSubstr("record 0 at byte 0: record length 4294967295 exceeds "
                        "the limit"));
  EXPECT_THAT(ParseLedgerBinary("hello, world", "text.bin").message(),
              StartsWith("text.bin: record 0 at byte 0: "));
}

// Length-delimited encoding of `records`.
std::string Delimited(const std::vector<ledger::Record>& records) {
  std::string bytes;
  google::protobuf::io::StringOutputStream out(&bytes);
  for (const ledger::Record& r : records) {
    EXPECT_TRUE(
        google::protobuf::util::SerializeDelimitedToZeroCopyStream(r, &out));
  }
  return bytes;
}

TEST(ReadLedgerBinary, FirstRecordMustBeTheHeader) {
  ledger::Record record;
  record.mutable_address()->set_name("a");
  EXPECT_THAT(ParseLedgerBinary(Delimited({record}), "a.bin").message(),
              HasSubstr("record 0 at byte 0: the first record must be the "
                        "header"));
}

TEST(ReadLedgerBinary, AddressesMustBeDeclaredBeforeUse) {
  // The text form creates undeclared addresses; the binary stream does not.
  const LedgerFile file = testing_util::ReadTestdata("account.textproto");
  std::vector<ledger::Record> records;
  ASSERT_TRUE(ForEachRecord(file, [&](const ledger::Record& r) {
                if (!r.has_address() && !r.has_label()) records.push_back(r);
                return Status::Ok();
              }).ok());
  EXPECT_THAT(ParseLedgerBinary(Delimited(records), "a.bin").message(),
              HasSubstr("a.bin: record 1 at byte "));
  EXPECT_THAT(ParseLedgerBinary(Delimited(records), "a.bin").message(),
              HasSubstr(": chain 'eth' transaction 'g0': output 0: unknown "
                        "address 'alice'"));
  // A second header is refused too.
  records = {records[0], records[0]};
  EXPECT_THAT(ParseLedgerBinary(Delimited(records), "h.bin").message(),
              HasSubstr("record 1 at byte "));
}

TEST(ReadLedger, MissingFile) {
  EXPECT_THAT(ReadLedger("/nonexistent/x.bin").message(),
              HasSubstr("/nonexistent/x.bin: cannot open"));
  EXPECT_THAT(ReadLedger("/nonexistent/x.textproto").message(),
              HasSubstr("cannot open"));
}

TEST(LedgerFormatForPath, ByExtension) {
  EXPECT_EQ(LedgerFormatForPath("a.textproto"), LedgerFormat::kText);
  EXPECT_EQ(LedgerFormatForPath("a.txtpb"), LedgerFormat::kText);
  EXPECT_EQ(LedgerFormatForPath("a.pbtxt"), LedgerFormat::kText);
  EXPECT_EQ(LedgerFormatForPath("a.ledger"), LedgerFormat::kBinary);
  EXPECT_EQ(LedgerFormatForPath("a.bin"), LedgerFormat::kBinary);
}

// Found by tests/fuzz/ledger_text_fuzzer: a NaN read into the model broke the
// canonical round trip (NaN != NaN), so non-finite numbers are refused.
TEST(ReadLedgerText, RefusesNonFiniteScaleAndCashOutUsd) {
  EXPECT_THAT(
      ReadLedgerText("header { provenance { scale: nan } }", "p.textproto")
          .message(),
      HasSubstr("p.textproto:1:1: header.provenance.scale must be a "
                "finite number > 0"));
  std::string peel = ReadFile(testing_util::TestdataPath("peel.textproto"));
  peel.replace(peel.find("usd: 0.6"), 8, "usd: nan");
  EXPECT_THAT(ReadLedgerText(peel, "c.textproto").message(),
              HasSubstr("cash_out of 'hack1': usd must be a finite number"));
}

// The model does not depend on the order of records that the encoding
// reorders: labels are written in address order and transactions merged
// by time across chains, while a hand-written file may list them in any
// order (a fuzzer found stage names and services interned in file order).
TEST(ReadLedgerText, RecordOrderTheEncodingChangesRoundTrips) {
  const std::string text = R"pb(
    header {
      chains {
        name: "btc"
        model: UTXO
        native_asset: "BTC"
        block_interval_s: 600
      }
      chains {
        name: "eth"
        model: ACCOUNT
        native_asset: "ETH"
        block_interval_s: 12
      }
      assets { name: "BTC" chain: "btc" decimals: 8 }
      assets { name: "ETH" chain: "eth" decimals: 18 }
    }
    entities { name: "x" kind: ATTACKER }
    attacks { name: "h" group: "x" victim: "x" time: 0 }
    addresses { name: "a" chain: "btc" type: "p2wpkh" }
    addresses { name: "b" chain: "btc" type: "p2tr" }
    addresses { name: "e" chain: "eth" type: "eoa" }
    addresses { name: "f" chain: "eth" type: "eoa" }
    labels { address: "b" chain: "btc" kind: LABEL_MIXER service: "mixer" }
    labels {
      address: "a"
      chain: "btc"
      kind: LABEL_EXCHANGE_WALLET
      service: "ex"
    }
    transactions {
      id: "e0"
      chain: "eth"
      time: 100
      inputs { address: "e" amount: 5 }
      outputs { address: "f" amount: 5 }
      truth { attack: "h" stage: "bridge" hop: 2 }
    }
    transactions {
      id: "c0"
      chain: "btc"
      time: 50
      coinbase: true
      outputs { address: "a" amount: 10 }
      truth { attack: "h" stage: "theft" hop: 0 }
    }
  )pb";
  const auto read = ReadLedgerText(text, "order.textproto");
  ASSERT_TRUE(read.ok()) << read.message();
  const auto from_binary =
      ParseLedgerBinary(EncodeLedgerBinary(*read), "binary");
  ASSERT_TRUE(from_binary.ok()) << from_binary.message();
  EXPECT_TRUE(*from_binary == *read);
  const auto from_text = ReadLedgerText(FormatLedgerText(*read), "text");
  ASSERT_TRUE(from_text.ok()) << from_text.message();
  EXPECT_TRUE(*from_text == *read);
}

}  // namespace
}  // namespace chaintrace
