#include "model/conservation.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "model/ledger_io.h"
#include "tests/model/ledger_test_util.h"

namespace chaintrace {
namespace {

using ::testing::HasSubstr;
using testing_util::kAccountHeader;
using testing_util::kUtxoHeader;

// Loads without the reader's own conservation check, so that the checker
// under test sees the broken transaction.
LedgerFile LoadUnchecked(const std::string& text) {
  auto file = ReadLedgerText(text, "t.textproto",
                             ReadOptions{/*check_conservation=*/false});
  EXPECT_TRUE(file.ok()) << file.message();
  return file.ok() ? std::move(file).value() : LedgerFile{};
}

TEST(CheckConservation, AcceptsTheTestLedgers) {
  for (const char* name : {"peel.textproto", "account.textproto"}) {
    const LedgerFile file = testing_util::ReadTestdata(name);
    const Status st = CheckConservation(file.ledger);
    EXPECT_TRUE(st.ok()) << name << ": " << st.message();
  }
}

TEST(CheckConservation, NamesTheFirstUtxoViolation) {
  //   c0 (coinbase) ── a 100 ──▶ t1 ── b 95, fee 5 (ok)
  //                 └─ a  50 ──▶ t2 ── b 45, fee 4 (1 unit vanishes)
  const LedgerFile file = LoadUnchecked(std::string(kUtxoHeader) + R"pb(
    transactions {
      id: "c0"
      chain: "btc"
      coinbase: true
      outputs { address: "a" amount: 100 }
      outputs { address: "a" amount: 50 }
    }
    transactions {
      id: "t1"
      chain: "btc"
      fee: 5
      inputs { tx: "c0" index: 0 }
      outputs { address: "b" amount: 95 }
    }
    transactions {
      id: "t2"
      chain: "btc"
      fee: 4
      inputs { tx: "c0" index: 1 }
      outputs { address: "b" amount: 45 }
    }
  )pb");
  const Status st = CheckConservation(file.ledger);
  EXPECT_EQ(st.message(),
            "chain 'btc' transaction 't2': value not conserved: inputs 50 != "
            "outputs 45 + fee 4");
  EXPECT_TRUE(CheckTxConservation(file.ledger, ChainId{0}, TxId{1}).ok());
}

TEST(CheckConservation, AccountNativeAndTokenRules) {
  // Native: debit = credits + fee. Token: debit = credits; the fee is in ETH.
  const LedgerFile file = LoadUnchecked(std::string(kAccountHeader) + R"pb(
    transactions {
      id: "g"
      chain: "eth"
      coinbase: true
      outputs { address: "x" amount: 1000 }
    }
    transactions {
      id: "native_ok"
      chain: "eth"
      fee: 3
      inputs { address: "x" amount: 13 }
      outputs { address: "y" amount: 10 }
    }
    transactions {
      id: "token_ok"
      chain: "eth"
      fee: 3
      asset: "USDT"
      inputs { address: "x" amount: 10 }
      outputs { address: "y" amount: 10 }
    }
    transactions {
      id: "token_bad"
      chain: "eth"
      fee: 3
      asset: "USDT"
      inputs { address: "x" amount: 13 }
      outputs { address: "y" amount: 10 }
    }
    transactions {
      id: "native_bad"
      chain: "eth"
      fee: 3
      inputs { address: "x" amount: 10 }
      outputs { address: "y" amount: 10 }
    }
  )pb");
  const ChainId eth{0};
  EXPECT_TRUE(CheckTxConservation(file.ledger, eth, TxId{1}).ok());
  EXPECT_TRUE(CheckTxConservation(file.ledger, eth, TxId{2}).ok());
  EXPECT_EQ(CheckTxConservation(file.ledger, eth, TxId{3}).message(),
            "chain 'eth' transaction 'token_bad': value not conserved: token "
            "inputs 13 != outputs 10");
  EXPECT_THAT(CheckTxConservation(file.ledger, eth, TxId{4}).message(),
              HasSubstr("'native_bad': value not conserved: inputs 10 != "
                        "outputs 10 + fee 3"));
  EXPECT_THAT(CheckConservation(file.ledger).message(), HasSubstr("token_bad"));
}

TEST(CheckConservation, OverflowIsAViolation) {
  const LedgerFile file = LoadUnchecked(std::string(kUtxoHeader) + R"pb(
    transactions {
      id: "c0"
      chain: "btc"
      coinbase: true
      outputs { address: "a" amount: 9223372036854775807 }
      outputs { address: "a" amount: 1 }
    }
    transactions {
      id: "t1"
      chain: "btc"
      inputs { tx: "c0" index: 0 }
      inputs { tx: "c0" index: 1 }
      outputs { address: "b" amount: 1 }
    }
  )pb");
  EXPECT_THAT(CheckConservation(file.ledger).message(),
              HasSubstr("'t1': value not conserved: sum of inputs overflows"));
}

TEST(CheckConservation, ReaderRefusesViolationsWithLocation) {
  const std::string text = std::string(kUtxoHeader) +
                           "transactions { id: \"c0\" chain: \"btc\" coinbase: "
                           "true outputs { address: \"a\" amount: 5 } }\n"
                           "transactions { id: \"t1\" chain: \"btc\"\n"
                           "  inputs { tx: \"c0\" } outputs { address: \"b\" "
                           "amount: 6 } }\n";
  const auto file = ReadLedgerText(text, "bad.textproto");
  ASSERT_FALSE(file.ok());
  EXPECT_EQ(file.message(),
            "bad.textproto:8:1: chain 'btc' transaction 't1': value not "
            "conserved: inputs 5 != outputs 6 + fee 0");
}

}  // namespace
}  // namespace chaintrace
