// Scale check for the clustering and following tracers (label `slow`): a
// synthetic ledger of background traffic on both chains with a 146-hop peel
// chain (the documented 2018 pattern) cashing out at a labelled exchange.
// Asserts that every tracer runs and that the analyst and the peel follower
// find the cash-out; prints each tracer's wall time ("[timing] ...").

#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <iostream>
#include <string>
#include <vector>

#include "sim/trace/registry.h"
#include "tests/sim/trace/ledger_builder.h"

namespace chaintrace::trace {
namespace {

using testing::LedgerBuilder;
using testing::Pay;

// A small deterministic generator (SplitMix64), local to the test.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t Next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  std::size_t Below(std::size_t n) {
    return static_cast<std::size_t>(Next() % n);
  }

 private:
  std::uint64_t state_;
};

constexpr int kBackgroundTxs = 100000;  // per chain
constexpr int kAddresses = 20000;
constexpr int kPeelHops = 146;

TEST(FollowScaleTest, AllTracersOnABusyLedger) {
  LedgerBuilder b;
  Rng rng(7);
  // UTXO background: coinbases, then 1-2 input payments with change.
  std::vector<std::string> unspent;
  unspent.reserve(2 * kBackgroundTxs + 2000);
  std::vector<Pay> mint;
  mint.reserve(2000);
  for (int i = 0; i < 2000; ++i) {
    mint.push_back({"u" + std::to_string(i), 50000000});
  }
  b.Coinbase("c0", 0, mint);
  for (int i = 0; i < 2000; ++i) unspent.push_back("c0:" + std::to_string(i));
  b.Coinbase("hot0", 0, {{"victim", 800000000}});
  Seconds now = 600;
  int peel = 0;
  std::string chain_tip = "theft:0";
  b.Spend("theft", now, {"hot0:0"}, {{"thief0", 799990000}}, 10000);
  b.Label(b.btc(), "kr_dep", "kr", common::LABEL_EXCHANGE_DEPOSIT);
  b.Theft(b.btc(), "theft:0");
  Amount tip_value = 799990000;
  for (int i = 0; i < kBackgroundTxs; ++i) {
    now += 6;
    // Every few hundred background transactions, one peel hop.
    if (i % 600 == 0 && peel < kPeelHops) {
      const std::string p = "peel" + std::to_string(peel);
      const Amount peeled = 5000000;
      tip_value -= peeled + 10000;
      b.Spend(
          p, now, {chain_tip},
          {{peel % 3 == 0 ? "kr_dep" : "payee" + std::to_string(peel), peeled},
           {"thief" + std::to_string(peel + 1), tip_value}},
          10000);
      chain_tip = p + ":1";
      ++peel;
    }
    const std::string id = "b" + std::to_string(i);
    std::vector<std::string> spends;
    const std::size_t k = 1 + rng.Below(2);
    Amount in = 0;
    for (std::size_t j = 0; j < k && !unspent.empty(); ++j) {
      const std::size_t pick = rng.Below(unspent.size());
      spends.push_back(unspent[pick]);
      in +=
          b.ledger().txs(b.btc()).output_amount(b.Out(b.btc(), unspent[pick]));
      unspent[pick] = unspent.back();
      unspent.pop_back();
    }
    if (in < 4000) {  // dust: one output, no fee
      b.Spend(id, now, spends,
              {{"u" + std::to_string(rng.Below(kAddresses)), in}});
      unspent.push_back(id + ":0");
      continue;
    }
    const Amount fee = 1000;
    const Amount pay = 1 + static_cast<Amount>(rng.Below(
                               static_cast<std::size_t>((in - fee) / 2)));
    b.Spend(id, now, spends,
            {{"u" + std::to_string(rng.Below(kAddresses)), pay},
             {"u" + std::to_string(rng.Below(kAddresses)), in - fee - pay}},
            fee);
    unspent.push_back(id + ":0");
    unspent.push_back(id + ":1");
  }
  ASSERT_EQ(peel, kPeelHops);
  // ACCOUNT background: random transfers among funded addresses.
  std::vector<Pay> funds;
  funds.reserve(2000);
  for (int i = 0; i < 2000; ++i) {
    funds.push_back({"e" + std::to_string(i), 1000000000000});
  }
  b.Mint("g0", 0, funds);
  now = 0;
  for (int i = 0; i < kBackgroundTxs; ++i) {
    now += 6;
    b.Transfer("t" + std::to_string(i), now,
               "e" + std::to_string(rng.Below(2000)),
               {{"e" + std::to_string(rng.Below(kAddresses)),
                 1 + static_cast<Amount>(rng.Below(1000000))}},
               21);
  }

  const ServiceId kr = b.service("kr");
  const Amount expected = Amount{(kPeelHops + 2) / 3} * 5000000;
  for (const TracerInfo& info : RegisteredTracers()) {
    auto tracer = MakeTracer(info.name, {});
    ASSERT_TRUE(tracer.ok()) << tracer.message();
    const auto start = std::chrono::steady_clock::now();
    auto r = (*tracer)->Trace(b.Input());
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                        std::chrono::steady_clock::now() - start)
                        .count();
    ASSERT_TRUE(r.ok()) << info.name << ": " << r.message();
    std::cout << "[timing] " << info.name << ": " << ms << " ms on "
              << b.ledger().txs(b.btc()).tx_count() << " + "
              << b.ledger().txs(b.eth()).tx_count() << " transactions\n";
    if (info.name == "analyst" || info.name == "peel_follower") {
      ASSERT_FALSE(r->attributions.empty()) << info.name;
      EXPECT_EQ(r->attributions.front().service, kr) << info.name;
      EXPECT_EQ(r->attributions.front().amount, expected) << info.name;
      EXPECT_EQ(r->max_hop, kPeelHops) << info.name;
    }
  }
}

}  // namespace
}  // namespace chaintrace::trace
