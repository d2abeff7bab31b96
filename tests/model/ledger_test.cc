#include "model/ledger.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/model/ledger_test_util.h"

namespace chaintrace {
namespace {

using ::testing::HasSubstr;

// A builder fixture: one UTXO chain "btc" and one ACCOUNT chain "eth" (ETH
// native, USDT token), addresses a, b (btc) and x, y (eth).
class LedgerBuilderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    btc_ = *ledger_.AddChain("btc", common::UTXO, 600);
    eth_ = *ledger_.AddChain("eth", common::ACCOUNT, 13);
    btc_asset_ = *ledger_.AddAsset(AssetInfo{"BTC", btc_, 8, {}});
    eth_asset_ = *ledger_.AddAsset(AssetInfo{"ETH", eth_, 9, {}});
    usdt_ = *ledger_.AddAsset(AssetInfo{"USDT", eth_, 6, {}});
    ASSERT_TRUE(ledger_.SetNativeAsset(btc_, btc_asset_).ok());
    ASSERT_TRUE(ledger_.SetNativeAsset(eth_, eth_asset_).ok());
    a_ = *ledger_.AddAddress(btc_, "a", "p2wpkh");
    b_ = *ledger_.AddAddress(btc_, "b", "p2pkh");
    x_ = *ledger_.AddAddress(eth_, "x", "eoa");
    y_ = *ledger_.AddAddress(eth_, "y", "eoa");
    // c0: coinbase paying a 100 and b 50.
    outs_ = {{a_, 100}, {b_, 50}};
    ASSERT_TRUE(Add(btc_, "c0", 0, {}, outs_, /*coinbase=*/true).ok());
  }

  Result<TxId> Add(ChainId chain, std::string_view id, Seconds time,
                   std::vector<InputSpec> ins, std::vector<OutputSpec> outs,
                   bool coinbase = false, Amount fee = 0,
                   AssetId asset = AssetId::kNone,
                   TxChecks checks = TxChecks::kAll) {
    TxSpec spec;
    spec.id = id;
    spec.time = time;
    spec.asset = asset;
    spec.coinbase = coinbase;
    spec.fee = fee;
    spec.inputs = ins;
    spec.outputs = outs;
    return ledger_.AddTransaction(chain, spec, &site_, checks);
  }

  // Expects `r` to fail with `what` in its message, leaving the ledger as
  // it was.
  template <typename T>
  void ExpectError(const Result<T>& r, const std::string& what,
                   const Ledger& before) {
    ASSERT_FALSE(r.ok());
    EXPECT_THAT(r.message(), HasSubstr(what));
    EXPECT_TRUE(ledger_ == before) << "a failed append changed the ledger";
  }

  Ledger ledger_;
  ChainId btc_, eth_;
  AssetId btc_asset_, eth_asset_, usdt_;
  AddressId a_, b_, x_, y_;
  std::vector<OutputSpec> outs_;
  TxErrorSite site_;
};

TEST_F(LedgerBuilderTest, StoresTransactionsAsFlatArrays) {
  // c0:0 (a 100) ──▶ t1 ──▶ b 70, a 25, fee 5
  const auto t1 =
      Add(btc_, "t1", 600, {{OutputId{0}}}, {{b_, 70}, {a_, 25}}, false, 5);
  ASSERT_TRUE(t1.ok()) << t1.message();
  const TxStore& s = ledger_.txs(btc_);
  EXPECT_EQ(s.tx_count(), 2u);
  EXPECT_EQ(s.input_count(), 1u);
  EXPECT_EQ(s.output_count(), 4u);
  EXPECT_EQ(std::vector<std::uint32_t>(s.input_begins().begin(),
                                       s.input_begins().end()),
            (std::vector<std::uint32_t>{0, 0, 1}));
  EXPECT_EQ(std::vector<std::uint32_t>(s.output_begins().begin(),
                                       s.output_begins().end()),
            (std::vector<std::uint32_t>{0, 2, 4}));
  const InputId in = s.inputs(*t1)[0];
  EXPECT_EQ(s.input_spent(in), OutputId{0});
  EXPECT_EQ(s.input_address(in), a_);  // copied from the spent output
  EXPECT_EQ(s.input_amount(in), 100);
  EXPECT_EQ(s.spent_by(OutputId{0}), *t1);
  EXPECT_EQ(s.spent_by(OutputId{1}), TxId::kNone);
  EXPECT_EQ(s.output_tx(OutputId{3}), *t1);
  EXPECT_EQ(s.output_index(OutputId{3}), 1u);
  EXPECT_EQ(s.output_amount(s.outputs(*t1)[0]), 70);
  EXPECT_EQ(s.fee(*t1), 5);
  EXPECT_EQ(s.asset(*t1), btc_asset_);
  EXPECT_EQ(s.txid(*t1), "t1");
  EXPECT_EQ(s.FindTx("t1"), *t1);
  EXPECT_EQ(s.FindTx("nope"), TxId::kNone);
  EXPECT_EQ(ledger_.FindAddress(btc_, "b"), b_);
  EXPECT_EQ(ledger_.FindAddress(eth_, "b"), AddressId::kNone);
  EXPECT_EQ(ledger_.address_type(b_), "p2pkh");
  EXPECT_EQ(ledger_.address_name(y_), "y");
  EXPECT_EQ(ledger_.FindChain("eth"), eth_);
  EXPECT_EQ(ledger_.FindAsset(eth_, "USDT"), usdt_);
  EXPECT_EQ(ledger_.FindAsset(btc_, "USDT"), AssetId::kNone);
}

TEST_F(LedgerBuilderTest, AccountInputsDebitAddresses) {
  ASSERT_TRUE(Add(eth_, "g", 0, {}, {{x_, 1000}}, true).ok());
  const auto t = Add(eth_, "e1", 13, {{OutputId::kNone, x_, 30}}, {{y_, 30}},
                     false, 2, usdt_);
  ASSERT_TRUE(t.ok()) << t.message();
  const TxStore& s = ledger_.txs(eth_);
  const InputId in = s.inputs(*t)[0];
  EXPECT_EQ(s.input_spent(in), OutputId::kNone);
  EXPECT_EQ(s.input_address(in), x_);
  EXPECT_EQ(s.input_amount(in), 30);
  EXPECT_EQ(s.asset(*t), usdt_);
  EXPECT_EQ(s.spent_by(s.outputs(*t)[0]), TxId::kNone);
}

TEST_F(LedgerBuilderTest, TrustingInputsTakesTheirAddressAndAmountAsGiven) {
  // kAll reads a UTXO input's address and amount from the spent output and
  // ignores the spec's; kAllTrustingInputs takes the spec's (the caller
  // keeps copies), and still refuses a double spend.
  const auto trusting = [&](std::string_view id, Seconds time,
                            std::vector<InputSpec> ins,
                            std::vector<OutputSpec> outs) {
    return Add(btc_, id, time, std::move(ins), std::move(outs), false, 0,
               AssetId::kNone, TxChecks::kAllTrustingInputs);
  };
  const auto checked =
      Add(btc_, "t1", 600, {{OutputId{0}, b_, 7}}, {{b_, 100}});
  ASSERT_TRUE(checked.ok()) << checked.message();
  const TxStore& s = ledger_.txs(btc_);
  EXPECT_EQ(s.input_address(InputId{0}), a_);
  EXPECT_EQ(s.input_amount(InputId{0}), 100);

  const auto given = trusting("t2", 700, {{OutputId{1}, b_, 50}}, {{a_, 50}});
  ASSERT_TRUE(given.ok()) << given.message();
  EXPECT_EQ(s.input_address(InputId{1}), b_);
  EXPECT_EQ(s.input_amount(InputId{1}), 50);

  const Ledger before = ledger_;
  ExpectError(trusting("t3", 800, {{OutputId{1}, b_, 50}}, {{a_, 50}}),
              "double spend", before);
  // And time order, as kAll.
  ExpectError(trusting("t3", 100, {{OutputId{2}, b_, 100}}, {{a_, 100}}),
              "before the chain's previous transaction", before);
}

TEST_F(LedgerBuilderTest, RefusesDoubleSpend) {
  ASSERT_TRUE(Add(btc_, "t1", 600, {{OutputId{0}}}, {{b_, 100}}).ok());
  const Ledger before = ledger_;
  ExpectError(Add(btc_, "t2", 700, {{OutputId{0}}}, {{b_, 100}}),
              "chain 'btc' transaction 't2': input 0: double spend: output "
              "'c0:0' is already spent by 't1'",
              before);
  EXPECT_EQ(site_.part, TxErrorSite::Part::kInput);
  EXPECT_EQ(site_.index, 0u);
}

TEST_F(LedgerBuilderTest, RefusesDoubleSpendWithinATransaction) {
  const Ledger before = ledger_;
  ExpectError(Add(btc_, "t1", 600,
                  {{OutputId{1}}, {OutputId{0}}, {OutputId{0}}}, {{b_, 150}}),
              "input 2: double spend: output 'c0:0' is already spent by this "
              "transaction",
              before);
  // The marks of inputs 0 and 1 were undone.
  EXPECT_EQ(ledger_.txs(btc_).spent_by(OutputId{0}), TxId::kNone);
  EXPECT_EQ(ledger_.txs(btc_).spent_by(OutputId{1}), TxId::kNone);
}

TEST_F(LedgerBuilderTest, RefusesEachKindOfBadTransaction) {
  const Ledger before = ledger_;
  ExpectError(Add(btc_, "t", 600, {{OutputId{7}}}, {{b_, 1}}),
              "input 0: spends an output that does not exist", before);
  ExpectError(Add(btc_, "t", 600, {{OutputId{0}}}, {{AddressId{99}, 1}}),
              "output 0: unknown address", before);
  EXPECT_EQ(site_.part, TxErrorSite::Part::kOutput);
  ExpectError(Add(btc_, "t", 600, {{OutputId{0}}}, {{b_, 1}, {x_, 1}}),
              "output 1: address 'x' is on chain 'eth'", before);
  ExpectError(Add(eth_, "t", 600, {{OutputId::kNone, a_, 1}}, {{x_, 1}}),
              "input 0: address 'a' is on chain 'btc'", before);
  ExpectError(
      Add(eth_, "t", 600, {{OutputId::kNone, AddressId{77}, 1}}, {{x_, 1}}),
      "input 0: unknown address", before);
  ExpectError(Add(btc_, "t", 600, {{OutputId{0}}}, {{b_, 0}}),
              "output 0: amount 0 must be > 0", before);
  ExpectError(Add(eth_, "t", 600, {{OutputId::kNone, x_, -5}}, {{y_, 1}}),
              "input 0: amount -5 must be > 0", before);
  ExpectError(Add(btc_, "t", 600, {{OutputId{0}}}, {{b_, 1}}, false, -1),
              "negative fee -1", before);
  ExpectError(Add(btc_, "t", 600, {{OutputId{0}}}, {{b_, 1}}, true),
              "a coinbase transaction has no inputs", before);
  ExpectError(Add(btc_, "t", 600, {}, {{b_, 1}}),
              "no inputs (only a coinbase transaction creates value)", before);
  ExpectError(Add(btc_, "c0", 600, {{OutputId{0}}}, {{b_, 1}}),
              "chain 'btc' transaction 'c0': duplicate transaction id", before);
  ExpectError(Add(btc_, "", 600, {{OutputId{0}}}, {{b_, 1}}),
              "transaction has no id", before);
  ExpectError(Add(btc_, "t", 600, {{OutputId{0}}}, {{b_, 1}}, false, 0, usdt_),
              "asset is not an asset of the chain", before);
  ExpectError(Add(eth_, "t", 600, {{OutputId{0}}}, {{x_, 1}}),
              "an ACCOUNT input debits an address, not an output", before);
  ExpectError(Add(ChainId{9}, "t", 600, {}, {}, true), "unknown chain", before);
}

TEST_F(LedgerBuilderTest, RefusesTimeGoingBackwardsWithinAChain) {
  ASSERT_TRUE(Add(btc_, "t1", 600, {{OutputId{0}}}, {{b_, 100}}).ok());
  const Ledger before = ledger_;
  ExpectError(Add(btc_, "t2", 599, {{OutputId{1}}}, {{b_, 50}}),
              "time 599 is before the chain's previous transaction (600)",
              before);
  // Same time is fine, and other chains keep their own clocks.
  EXPECT_TRUE(Add(btc_, "t2", 600, {{OutputId{1}}}, {{b_, 50}}).ok());
  EXPECT_TRUE(Add(eth_, "g", 5, {}, {{x_, 1}}, true).ok());
}

TEST_F(LedgerBuilderTest, RefusesBadDeclarations) {
  EXPECT_THAT(ledger_.AddChain("btc", common::UTXO, 600).message(),
              HasSubstr("chain 'btc' declared twice"));
  EXPECT_THAT(
      ledger_.AddChain("x", common::CHAIN_MODEL_UNSPECIFIED, 600).message(),
      HasSubstr("model must be UTXO or ACCOUNT"));
  EXPECT_THAT(ledger_.AddChain("x", common::UTXO, 0).message(),
              HasSubstr("block_interval_s must be > 0"));
  EXPECT_THAT(ledger_.AddAsset(AssetInfo{"BTC", btc_, 8, {}}).message(),
              HasSubstr("asset 'BTC' declared twice on chain 'btc'"));
  EXPECT_THAT(ledger_.AddAsset(AssetInfo{"Z", btc_, 19, {}}).message(),
              HasSubstr("decimals must be in 0..18"));
  EXPECT_THAT(
      ledger_.AddAsset(AssetInfo{"Z", btc_, 8, {{5, 1.0}, {5, 2.0}}}).message(),
      HasSubstr("usd_price times must increase"));
  EXPECT_THAT(ledger_.AddAddress(btc_, "a", "").message(),
              HasSubstr("address 'a' declared twice on chain 'btc'"));
  EXPECT_TRUE(ledger_.AddAddress(eth_, "a", "").ok());  // other chain
  EXPECT_THAT(ledger_.SetNativeAsset(btc_, usdt_).message(),
              HasSubstr("native asset is not an asset of the chain"));
  EXPECT_THAT(ledger_
                  .AddTheft(TheftReport{"h", btc_, TxId{0}, OutputId{5},
                                        AssetId::kNone, 1})
                  .message(),
              HasSubstr("not one of transaction 'c0''s outputs"));
}

TEST_F(LedgerBuilderTest, ManyAppendsKeepIdsAndLookups) {
  // A long chain of 1-in/1-out transactions: exercises array and index
  // growth.
  OutputId prev{0};
  for (int i = 0; i < 5000; ++i) {
    const std::string id = "t" + std::to_string(i);
    const auto t = Add(btc_, id, 600 + i, {{prev}}, {{i % 2 ? a_ : b_, 100}});
    ASSERT_TRUE(t.ok()) << t.message();
    prev = ledger_.txs(btc_).outputs(*t)[0];
  }
  const TxStore& s = ledger_.txs(btc_);
  EXPECT_EQ(s.tx_count(), 5001u);
  for (int i = 0; i < 5000; i += 499) {
    EXPECT_EQ(s.FindTx("t" + std::to_string(i)),
              IdFromIndex<TxId>(static_cast<std::size_t>(i) + 1));
  }
}

TEST_F(LedgerBuilderTest, UncheckedAppendsAreFoundAndIndexedLater) {
  // Names and ids the caller guarantees new are not indexed at once, yet
  // every lookup finds them, before and after IndexNames, and a checked
  // append after them still refuses their names.
  const auto n1 = ledger_.AddNewAddress(btc_, "n1", "p2wpkh");
  const auto n2 = ledger_.AddNewAddress(eth_, "n1", "eoa");
  ASSERT_TRUE(n1.ok() && n2.ok());
  EXPECT_FALSE(ledger_.AddNewAddress(btc_, "", "p2wpkh").ok());
  EXPECT_FALSE(ledger_.AddNewAddress(ChainId{9}, "z", "p2wpkh").ok());
  TxSpec spec;
  spec.id = "g1";
  spec.time = 600;
  spec.id_is_new = true;
  const std::vector<InputSpec> ins = {{OutputId{0}}};
  const std::vector<OutputSpec> outs = {{*n1, 90}};
  spec.inputs = ins;
  spec.outputs = outs;
  const auto g1 = ledger_.AddTransaction(btc_, spec);
  ASSERT_TRUE(g1.ok()) << g1.message();
  const Ledger unindexed = ledger_;
  for (int pass = 0; pass < 2; ++pass) {
    EXPECT_EQ(ledger_.FindAddress(btc_, "n1"), *n1);
    EXPECT_EQ(ledger_.FindAddress(eth_, "n1"), *n2);
    EXPECT_EQ(ledger_.FindAddress(btc_, "n2"), AddressId::kNone);
    EXPECT_EQ(ledger_.FindAddress(btc_, "a"), a_);
    EXPECT_EQ(ledger_.txs(btc_).FindTx("g1"), *g1);
    EXPECT_EQ(ledger_.txs(btc_).FindTx("c0"), TxId{0});
    EXPECT_EQ(ledger_.txs(btc_).FindTx("g2"), TxId::kNone);
    ledger_.IndexNames();
  }
  // The index is derived data: equal content, equal ledgers.
  EXPECT_TRUE(ledger_ == unindexed);
  // Checked appends to a ledger not indexed yet see the unchecked names.
  Ledger later = unindexed;
  EXPECT_FALSE(later.AddAddress(btc_, "n1", "p2wpkh").ok());
  EXPECT_EQ(*later.AddAddressIfAbsent(btc_, "n1", "p2wpkh"), AddressId::kNone);
  EXPECT_TRUE(later.AddAddress(btc_, "n2", "p2wpkh").ok());
  spec.id_is_new = false;
  spec.inputs = {};
  spec.coinbase = true;
  const auto dup = later.AddTransaction(btc_, spec);
  ASSERT_FALSE(dup.ok());
  EXPECT_THAT(dup.message(), HasSubstr("duplicate transaction id"));
}

TEST(TxStore, StaysWithinTheMemoryBudget) {
  // DESIGN.md: at most 64 bytes per input and per output.
  EXPECT_EQ(TxStore::kBytesPerInput, 16u);   // spent, address, amount
  EXPECT_EQ(TxStore::kBytesPerOutput, 20u);  // address, amount, tx, spent_by
  // Measured from the arrays themselves.
  const LedgerFile file = testing_util::ReadTestdata("peel.textproto");
  const TxStore& s = file.ledger.txs(ChainId{0});
  const std::size_t in_bytes = s.input_spents().size_bytes() +
                               s.input_addresses().size_bytes() +
                               s.input_amounts().size_bytes();
  const std::size_t out_bytes =
      s.output_addresses().size_bytes() + s.output_amounts().size_bytes() +
      s.output_txs().size_bytes() + s.spent_bys().size_bytes();
  EXPECT_EQ(in_bytes, s.input_count() * TxStore::kBytesPerInput);
  EXPECT_EQ(out_bytes, s.output_count() * TxStore::kBytesPerOutput);
}

}  // namespace
}  // namespace chaintrace
