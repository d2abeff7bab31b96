#include "sim/trace/address_activity.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "tests/sim/trace/ledger_builder.h"

namespace chaintrace::trace {
namespace {

using testing::LedgerBuilder;

// btc: c0 ─ a 10 │ a 20 │ b 5
//      t1: a + a (two inputs, one address) ─▶ b 29
//      t2: b + b ─▶ a 33 │ c 1
// eth: g0 ─ x 100;  e1: x ─▶ y 40;  e2: y ─▶ z 10;  e3: x ─▶ z 50
TEST(AddressActivityTest, DebitsOnceAndCreditsInOrder) {
  LedgerBuilder b;
  b.Coinbase("c0", 0, {{"a", 10}, {"a", 20}, {"b", 5}});
  b.Spend("t1", 600, {"c0:0", "c0:1"}, {{"b", 29}}, 1);
  b.Spend("t2", 1200, {"c0:2", "t1:0"}, {{"a", 33}, {"c", 1}}, 0);
  b.Mint("g0", 0, {{"x", 100}});
  b.Transfer("e1", 10, "x", {{"y", 40}}, 1);
  b.Transfer("e2", 20, "y", {{"z", 10}}, 1);
  b.Transfer("e3", 30, "x", {{"z", 50}}, 1);
  const AddressActivity act(b.ledger());
  const auto a = b.Address(b.btc(), "a");
  const auto bb = b.Address(b.btc(), "b");
  const TxStore& s = b.ledger().txs(b.btc());
  EXPECT_EQ(std::vector<TxId>(act.debits(a).begin(), act.debits(a).end()),
            (std::vector<TxId>{s.FindTx("t1")}));
  EXPECT_EQ(std::vector<TxId>(act.debits(bb).begin(), act.debits(bb).end()),
            (std::vector<TxId>{s.FindTx("t2")}));
  EXPECT_EQ(
      std::vector<OutputId>(act.credits(a).begin(), act.credits(a).end()),
      (std::vector<OutputId>{b.Out(b.btc(), "c0:0"), b.Out(b.btc(), "c0:1"),
                             b.Out(b.btc(), "t2:0")}));
  EXPECT_TRUE(act.debits(b.Address(b.btc(), "c")).empty());
  // First credits: a's at c0:0, b's at c0:2, c's at t2:1; a's later
  // credits c0:1 and t2:0 and b's t1:0 are not. On every output of both
  // chains, FirstCredits agrees with the front of its address's credits.
  const FirstCredits first(b.ledger());
  EXPECT_TRUE(first(b.btc(), b.Out(b.btc(), "c0:0")));
  EXPECT_FALSE(first(b.btc(), b.Out(b.btc(), "c0:1")));
  EXPECT_TRUE(first(b.btc(), b.Out(b.btc(), "c0:2")));
  EXPECT_FALSE(first(b.btc(), b.Out(b.btc(), "t1:0")));
  EXPECT_FALSE(first(b.btc(), b.Out(b.btc(), "t2:0")));
  EXPECT_TRUE(first(b.btc(), b.Out(b.btc(), "t2:1")));
  EXPECT_TRUE(first(b.eth(), b.Out(b.eth(), "e1:0")));
  EXPECT_FALSE(first(b.eth(), b.Out(b.eth(), "e3:0")));
  for (ChainId c : {b.btc(), b.eth()}) {
    const TxStore& txs = b.ledger().txs(c);
    for (std::size_t o = 0; o < txs.output_count(); ++o) {
      const OutputId out = IdFromIndex<OutputId>(o);
      EXPECT_EQ(first(c, out),
                act.credits(txs.output_address(out)).front() == out)
          << "output " << o;
    }
  }

  // Onward outputs: the spending transaction's (UTXO), the address's later
  // debits' (ACCOUNT).
  std::vector<OutputId> next;
  ForEachOnwardOutput(b.ledger(), act, b.btc(), b.Out(b.btc(), "t1:0"),
                      [&](OutputId o) { next.push_back(o); });
  EXPECT_EQ(next, (std::vector<OutputId>{b.Out(b.btc(), "t2:0"),
                                         b.Out(b.btc(), "t2:1")}));
  next.clear();
  ForEachOnwardOutput(b.ledger(), act, b.eth(), b.Out(b.eth(), "g0:0"),
                      [&](OutputId o) { next.push_back(o); });
  EXPECT_EQ(next, (std::vector<OutputId>{b.Out(b.eth(), "e1:0"),
                                         b.Out(b.eth(), "e3:0")}));
}

// With ActivityScope::kAccountChains the ACCOUNT addresses have the same
// lists as with every chain, and the UTXO addresses none.
TEST(AddressActivityTest, AccountScopeSkipsUtxoChains) {
  LedgerBuilder b;
  b.Coinbase("c0", 0, {{"a", 10}, {"a", 20}, {"b", 5}});
  b.Spend("t1", 600, {"c0:0", "c0:1"}, {{"b", 29}}, 1);
  b.Mint("g0", 0, {{"x", 100}});
  b.Transfer("e1", 10, "x", {{"y", 40}}, 1);
  b.Transfer("e2", 20, "y", {{"x", 10}}, 1);
  const AddressActivity all(b.ledger());
  const AddressActivity account(b.ledger(), ActivityScope::kAccountChains);
  for (const char* name : {"a", "b"}) {
    const AddressId a = b.Address(b.btc(), name);
    EXPECT_FALSE(all.credits(a).empty()) << name;
    EXPECT_TRUE(account.debits(a).empty()) << name;
    EXPECT_TRUE(account.credits(a).empty()) << name;
  }
  for (const char* name : {"x", "y"}) {
    const AddressId a = b.Address(b.eth(), name);
    EXPECT_FALSE(account.debits(a).empty()) << name;
    EXPECT_TRUE(std::ranges::equal(account.debits(a), all.debits(a))) << name;
    EXPECT_TRUE(std::ranges::equal(account.credits(a), all.credits(a))) << name;
  }
}

}  // namespace
}  // namespace chaintrace::trace
