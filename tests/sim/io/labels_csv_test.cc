#include "sim/io/labels_csv.h"

#include <gtest/gtest.h>

#include "sim/io/transfers_csv.h"

namespace chaintrace::io {
namespace {

constexpr char kTransfers[] =
    "time,from,to,value\n"
    "1614556800,0xaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa,"
    "0xbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb,1\n";

LedgerFile Base() {
  Result<ImportedLedger> r = ImportTransfersCsv(kTransfers, "t.csv", {});
  EXPECT_TRUE(r.ok()) << r.message();
  return r.ok() ? std::move(r).value().file : LedgerFile{};
}

const LabelsCsvOptions kHex{IdFromIndex<ChainId>(0), true, "account"};

TEST(LabelsCsv, ReadsHeaderedAndBareRowsAndAddsUnknownAddresses) {
  LedgerFile file = Base();
  const Result<LabelsCsvStats> r = ReadLabelsCsv(
      "service,address,kind\n"
      "kr_exchange,\\xBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB,exchange_"
      "deposit\n"
      "pool,0x0000000000000000000000000000000000000009,LABEL_MIXER\n",
      "l.csv", kHex, &file);
  ASSERT_TRUE(r.ok()) << r.message();
  EXPECT_EQ(r->labels, 2u);
  EXPECT_EQ(r->added_addresses, 1u);
  const ChainId c = IdFromIndex<ChainId>(0);
  const AddressId b =
      file.ledger.FindAddress(c, "0xbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
  const AddressLabel label = file.labels.label(b);
  EXPECT_EQ(label.kind, common::LABEL_EXCHANGE_DEPOSIT);
  EXPECT_EQ(file.labels.service(label.service).name, "kr_exchange");
  EXPECT_EQ(file.ledger.address_count(), 3u);

  LedgerFile bare = Base();
  const Result<LabelsCsvStats> r2 =
      ReadLabelsCsv("0xaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa,dex,uni\n",
                    "b.csv", kHex, &bare);
  ASSERT_TRUE(r2.ok()) << r2.message();
  EXPECT_EQ(bare.labels.size(), 1u);
}

TEST(LabelsCsv, ErrorsAreLocated) {
  LedgerFile file = Base();
  EXPECT_EQ(
      ReadLabelsCsv("address,kind,service\n0x1,dex,x\n", "l.csv", kHex, &file)
          .message(),
      "l.csv:2: address '0x1' has 1 hex digits, not 40");
  EXPECT_EQ(ReadLabelsCsv("0xaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa,dex\n",
                          "l.csv", kHex, &file)
                .message(),
            "l.csv:1: expected 3 fields (address,kind,service), found 2");
  EXPECT_EQ(
      ReadLabelsCsv("0xaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa,dex,one\n"
                    "0xaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa,dex,two\n",
                    "l.csv", kHex, &file)
          .message(),
      "l.csv:2: address '0xaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa': "
      "address already labelled as service 'one'");
}

TEST(ParseLabelKind, KnowsEveryKindByShortOrFullName) {
  EXPECT_EQ(*ParseLabelKind("exchange_wallet"), common::LABEL_EXCHANGE_WALLET);
  EXPECT_EQ(*ParseLabelKind("CoinJoin"), common::LABEL_COINJOIN);
  EXPECT_EQ(*ParseLabelKind("LABEL_OTC"), common::LABEL_OTC);
  EXPECT_FALSE(ParseLabelKind("kind_unspecified").ok());
}

}  // namespace
}  // namespace chaintrace::io
