#include "sim/world/simulator.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

#include "model/conservation.h"
#include "model/ledger_io.h"
#include "sim/scenario/loader.h"
#include "sim/world/calibration.h"

namespace chaintrace::sim {
namespace {

const std::string kSmall = std::string(CHAINTRACE_SOURCE_DIR) +
                           "/tests/data/scenarios/world/small.textproto";

scenario::Scenario LoadSmall() {
  const LoadResult r = LoadScenarioFile(kSmall);
  EXPECT_TRUE(r.ok()) << (r.diagnostics.empty()
                              ? ""
                              : r.diagnostics.front().ToString());
  return r.scenario->scenario;
}

SimulationResult RunSim(const scenario::Scenario& s, SimulateOptions o = {}) {
  auto r = Simulate(s, o);
  EXPECT_TRUE(r.ok()) << r.message();
  return std::move(r).value();
}

// Invariants every simulated ledger keeps, checked independently of the
// simulator's own bookkeeping.
void ExpectInvariants(const LedgerFile& f) {
  const Ledger& l = f.ledger;
  ASSERT_TRUE(f.truth.has_value());
  ASSERT_TRUE(CheckConservation(l).ok()) << CheckConservation(l).message();
  for (ChainId c : l.chain_ids()) {
    const TxStore& s = l.txs(c);
    const AssetId native = l.chain(c).native_asset;
    // Time order.
    for (std::size_t i = 1; i < s.tx_count(); ++i) {
      ASSERT_LE(s.times()[i - 1], s.times()[i]);
    }
    // Replay balances: coinbase is the only creation of value, no balance
    // ever goes negative, and every transaction is background.
    std::map<std::pair<AssetId, AddressId>, Amount> balance;
    Amount minted = 0, fees = 0, unspent = 0;
    for (TxId t : s.txs()) {
      EXPECT_EQ(f.truth->tx(c, t).attack, AttackId::kNone);
      const AssetId asset = s.asset(t);
      if (s.coinbase(t)) {
        if (asset == native) {
          for (OutputId o : s.outputs(t)) minted += s.output_amount(o);
        }
      } else {
        fees += s.fee(t);  // always in the native asset
      }
      if (l.chain(c).is_utxo()) continue;
      for (InputId i : s.inputs(t)) {
        Amount& b = balance[{asset, s.input_address(i)}];
        b -= s.input_amount(i);
        ASSERT_GE(b, 0) << "overdraft in " << s.txid(t);
      }
      if (asset != native && !s.coinbase(t)) {
        Amount& b = balance[{native, s.input_address(s.inputs(t)[0])}];
        b -= s.fee(t);
        ASSERT_GE(b, 0) << "gas overdraft in " << s.txid(t);
      }
      for (OutputId o : s.outputs(t)) {
        balance[{asset, s.output_address(o)}] += s.output_amount(o);
      }
    }
    if (l.chain(c).is_utxo()) {
      for (OutputId o : IdRange<OutputId>(0, s.output_count())) {
        if (s.spent_by(o) == TxId::kNone) unspent += s.output_amount(o);
      }
    } else {
      for (const auto& [key, b] : balance) {
        if (key.first == native) unspent += b;
      }
    }
    EXPECT_EQ(unspent, minted - fees) << l.chain(c).name;
  }
  // Every address has a true owner.
  for (AddressId a : l.address_ids()) {
    ASSERT_NE(f.truth->owner(a), EntityId::kNone) << l.address_name(a);
  }
}

TEST(Simulate, KeepsEveryLedgerInvariant) {
  const SimulationResult r = RunSim(LoadSmall());
  EXPECT_GT(r.file.ledger.txs(ChainId{0}).tx_count(), 10000u);
  EXPECT_GT(r.file.ledger.txs(ChainId{1}).tx_count(), 10000u);
  ExpectInvariants(r.file);
}

class SimulateSeeds : public ::testing::TestWithParam<std::uint64_t> {};

TEST_P(SimulateSeeds, KeepsInvariantsAtOtherSeedsAndScales) {
  SimulateOptions o;
  o.seed = GetParam();
  o.scale = 0.3 + 0.4 * static_cast<double>(GetParam() % 3);
  ExpectInvariants(RunSim(LoadSmall(), o).file);
}

INSTANTIATE_TEST_SUITE_P(Random, SimulateSeeds, ::testing::Values(1, 2, 3));

TEST(Simulate, IsDeterministicAndSeedDependent) {
  const scenario::Scenario s = LoadSmall();
  const std::string a = EncodeLedgerBinary(RunSim(s).file);
  const std::string b = EncodeLedgerBinary(RunSim(s).file);
  // Compared as booleans: gtest would print megabytes on a mismatch.
  EXPECT_TRUE(a == b);
  SimulateOptions other;
  other.seed = 8;
  EXPECT_FALSE(a == EncodeLedgerBinary(RunSim(s, other).file));
}

TEST(Simulate, AnotherEntityLeavesTheBackgroundUnchanged) {
  scenario::Scenario s = LoadSmall();
  const SimulationResult before = RunSim(s);
  scenario::Entity* extra = s.add_entities();
  extra->set_name("newcomers");
  extra->mutable_attacker();
  const SimulationResult after = RunSim(s);
  EXPECT_EQ(before.file.ledger, after.file.ledger);
  EXPECT_EQ(before.file.labels, after.file.labels);
}

TEST(Simulate, CalibrationMatchesTheScenarioParameters) {
  const scenario::Scenario s = LoadSmall();
  const SimulationResult r = RunSim(s);
  const Calibration c = ComputeCalibration(r);
  ASSERT_EQ(c.chains.size(), 2u);
  const ChainCalibration& btc = c.chains[0];
  const ChainCalibration& eth = c.chains[1];
  // world: bitcoin address_reuse 0.5, consolidation 0.03, batch 0.05;
  // ethereum address_reuse 0.6, token_share 0.4.
  EXPECT_NEAR(btc.address_reuse, 0.5, 0.08);
  EXPECT_NEAR(eth.address_reuse, 0.6, 0.08);
  EXPECT_NEAR(btc.consolidation_share, 0.03, 0.02);
  EXPECT_NEAR(btc.batch_share, 0.05, 0.04);
  EXPECT_NEAR(eth.token_share, 0.4, 0.12);
  // Most UTXO payments are 1- or 2-input, 2-output.
  const double two_out = static_cast<double>(btc.outputs[1]) /
                         static_cast<double>(btc.transactions - btc.coinbase);
  EXPECT_GT(two_out, 0.6);
  EXPECT_GT(btc.mean_inputs, 1.0);
  // 5000 users x 0.2 payments a day: about 1000 user payment transactions a
  // day plus 144 blocks, exchange and service traffic.
  EXPECT_GT(btc.transactions_per_day, 1000);
  EXPECT_LT(btc.transactions_per_day, 3000);
  // 144 blocks a day on bitcoin; ethereum rewards hourly.
  EXPECT_NEAR(static_cast<double>(btc.coinbase) / btc.days, 144, 3);
  EXPECT_GT(btc.fees, 0);
  EXPECT_GT(eth.fees, 0);
}

TEST(Simulate, LabelsFollowTheCoverage) {
  const SimulationResult r = RunSim(LoadSmall());
  const LedgerFile& f = r.file;
  std::size_t deposits = 0, labelled = 0, personal_labelled = 0;
  for (AddressId a : f.ledger.address_ids()) {
    const Entity& owner = f.truth->entity(f.truth->owner(a));
    const AddressLabel label = f.labels.label(a);
    if (label.kind == common::LABEL_EXCHANGE_DEPOSIT) ++labelled;
    if (owner.kind == common::USER && label.service != ServiceId::kNone) {
      ++personal_labelled;
    }
    if (owner.kind == common::EXCHANGE && f.ledger.address_type(a) != "" &&
        label.kind != common::LABEL_EXCHANGE_WALLET) {
      ++deposits;
    }
  }
  EXPECT_EQ(personal_labelled, 0u);
  ASSERT_GT(deposits, 500u);
  // exchange_deposit coverage 0.6 in the world file.
  EXPECT_NEAR(static_cast<double>(labelled) / static_cast<double>(deposits),
              0.6, 0.06);
}

TEST(Simulate, ScaleGrowsTheBackground) {
  const scenario::Scenario s = LoadSmall();
  SimulateOptions half;
  half.scale = 0.5;
  const auto small = RunSim(s, half);
  const auto full = RunSim(s);
  const double ratio =
      static_cast<double>(full.file.ledger.txs(ChainId{0}).tx_count()) /
      static_cast<double>(small.file.ledger.txs(ChainId{0}).tx_count());
  EXPECT_GT(ratio, 1.5);
  EXPECT_FALSE(Simulate(s, SimulateOptions{std::nullopt, 0.0, ""}).ok());
}

}  // namespace
}  // namespace chaintrace::sim
