// Laundering: thefts and every stage, checked against the ledger the
// simulation wrote rather than against the simulator's own counters: the
// books must balance exactly and agree with what the ledger shows (theft
// reports, cash-outs, value still held by the attacker, network fees paid
// from stolen value), and the run must be deterministic.

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <tuple>

#include "model/conservation.h"
#include "model/ledger_io.h"
#include "model/time.h"
#include "model/verify.h"
#include "sim/launder/lot.h"
#include "sim/scenario/loader.h"
#include "sim/scenario/plans.h"
#include "sim/world/simulator.h"

namespace chaintrace::sim {
namespace {

const std::string kEveryStage =
    std::string(CHAINTRACE_SOURCE_DIR) +
    "/tests/data/scenarios/launder/every_stage.textproto";

scenario::Scenario Load(const std::string& path) {
  const LoadResult r = LoadScenarioFile(path);
  EXPECT_TRUE(r.ok()) << (r.diagnostics.empty()
                              ? ""
                              : r.diagnostics.front().ToString());
  return r.scenario->scenario;
}

const SimulationResult& EveryStage() {
  static const SimulationResult* result = [] {
    auto r = Simulate(Load(kEveryStage), {});
    EXPECT_TRUE(r.ok()) << r.message();
    return new SimulationResult(std::move(r).value());
  }();
  return *result;
}

using Key = std::tuple<AttackId, AssetId>;

// Per (attack, asset): what the books say in total.
struct Totals {
  Amount seeded = 0, cashed_out = 0, held = 0, network_fees = 0;
};

std::map<Key, Totals> BookTotals(const SimulationResult& r) {
  std::map<Key, Totals> out;
  for (const launder::AttackBook& b : r.books) {
    for (const launder::StageBook& e : b.entries) {
      Totals& t = out[{b.attack, e.asset}];
      if (e.stage == -1) t.seeded += e.in;
      t.cashed_out += e.cashed_out;
      t.held += e.held;
      t.network_fees += e.network_fees;
    }
  }
  return out;
}

bool IsAttacker(const GroundTruth& truth, AddressId a) {
  const EntityId e = truth.owner(a);
  return e != EntityId::kNone && truth.entity(e).kind == common::ATTACKER;
}

// The same figures, read from the ledger and its truth alone.
std::map<Key, Totals> LedgerTotals(const LedgerFile& f) {
  const Ledger& l = f.ledger;
  const GroundTruth& truth = *f.truth;
  std::map<Key, Totals> out;
  for (const TheftReport& t : l.thefts()) {
    out[{truth.FindAttack(t.attack), t.asset}].seeded += t.amount;
  }
  for (const CashOut& c : truth.cash_outs()) {
    out[{c.attack, c.asset}].cashed_out += c.amount;
  }
  for (ChainId c : l.chain_ids()) {
    const TxStore& s = l.txs(c);
    const bool utxo = l.chain(c).model == common::UTXO;
    const AssetId native = l.chain(c).native_asset;
    // ACCOUNT balances of attacker addresses, per asset, replayed.
    std::map<std::pair<AddressId, AssetId>, Amount> balance;
    std::map<std::pair<AddressId, AssetId>, AttackId> stolen_by;
    for (TxId t : s.txs()) {
      const AssetId asset = s.asset(t);
      const TxTruth tt = truth.tx(c, t);
      if (utxo) {
        // Network fees: stolen brought by attacker-owned inputs minus the
        // stolen every output carries.
        Amount in = 0;
        AttackId attack = AttackId::kNone;
        for (InputId i : s.inputs(t)) {
          const OutputId spent = s.input_spent(i);
          if (!IsAttacker(truth, s.output_address(spent))) continue;
          in += truth.stolen(c, spent);
          attack = truth.stolen_attack(c, spent);
        }
        if (attack == AttackId::kNone) continue;
        Amount outs = 0;
        for (OutputId o : s.outputs(t)) {
          if (truth.stolen_attack(c, o) == attack) outs += truth.stolen(c, o);
        }
        out[{attack, native}].network_fees += in - outs;
        continue;
      }
      for (InputId i : s.inputs(t)) {
        const AddressId a = s.input_address(i);
        if (IsAttacker(truth, a)) balance[{a, asset}] -= s.input_amount(i);
      }
      // A coinbase (genesis or block reward) has no inputs and no payer.
      const AddressId payer = s.inputs(t).empty()
                                  ? AddressId::kNone
                                  : s.input_address(*s.inputs(t).begin());
      // A token transfer's fee is debited in the native asset from the
      // first input's address (a native input already includes it).
      if (asset != native && IsAttacker(truth, payer)) {
        balance[{payer, native}] -= s.fee(t);
      }
      if (tt.attack != AttackId::kNone && tt.stage != "gas" &&
          asset == native && IsAttacker(truth, payer)) {
        out[{tt.attack, native}].network_fees += s.fee(t);
      }
      for (OutputId o : s.outputs(t)) {
        const AddressId a = s.output_address(o);
        if (!IsAttacker(truth, a)) continue;
        balance[{a, asset}] += s.output_amount(o);
        const AttackId st = truth.stolen_attack(c, o);
        const bool stolen = truth.stolen(c, o) > 0;
        // An attacker address never mixes stolen and clean value of one
        // asset, so its balance is its stolen value.
        auto [it, fresh] = stolen_by.emplace(std::make_pair(a, asset),
                                             stolen ? st : AttackId::kNone);
        EXPECT_TRUE(fresh || it->second == (stolen ? st : AttackId::kNone))
            << "address " << l.address_name(a) << " mixes value";
        if (stolen) {
          EXPECT_EQ(truth.stolen(c, o), s.output_amount(o));
        }
      }
    }
    if (utxo) {
      for (std::size_t k = 0; k < s.output_count(); ++k) {
        const auto o = IdFromIndex<OutputId>(k);
        if (s.spent_by(o) != TxId::kNone) continue;
        if (!IsAttacker(truth, s.output_address(o))) continue;
        const AttackId a = truth.stolen_attack(c, o);
        if (a != AttackId::kNone) out[{a, native}].held += truth.stolen(c, o);
      }
    } else {
      for (const auto& [key, amount] : balance) {
        const AttackId a = stolen_by[key];
        if (a != AttackId::kNone) out[{a, key.second}].held += amount;
      }
    }
  }
  return out;
}

TEST(Launder, EveryBookEntryBalancesExactly) {
  const SimulationResult& r = EveryStage();
  ASSERT_EQ(r.books.size(), 2u);
  for (const launder::AttackBook& b : r.books) {
    ASSERT_FALSE(b.entries.empty());
    for (const launder::StageBook& e : b.entries) {
      EXPECT_EQ(e.Imbalance(), 0)
          << "attack " << Index(b.attack) << " stage " << e.stage << " asset "
          << r.file.ledger.asset(e.asset).name;
      EXPECT_GE(e.in_services, 0);
      EXPECT_GE(e.network_fees, 0);
      EXPECT_GE(e.service_fees, 0);
    }
  }
}

TEST(Launder, StagesHandOnExactlyWhatTheNextOneTakes) {
  const SimulationResult& r = EveryStage();
  for (const launder::AttackBook& b : r.books) {
    std::map<std::pair<std::int32_t, AssetId>, const launder::StageBook*> at;
    std::int32_t last = -1;
    for (const launder::StageBook& e : b.entries) {
      at[{e.stage, e.asset}] = &e;
      last = std::max(last, e.stage);
    }
    for (const auto& [key, e] : at) {
      const auto next = at.find({key.first + 1, key.second});
      const Amount taken = next == at.end() ? 0 : next->second->in;
      EXPECT_EQ(e->out, taken) << "stage " << key.first;
    }
    EXPECT_GE(last, 3);
  }
}

TEST(Launder, BooksAgreeWithTheLedger) {
  const SimulationResult& r = EveryStage();
  const auto books = BookTotals(r);
  const auto ledger = LedgerTotals(r.file);
  ASSERT_FALSE(books.empty());
  for (const auto& [key, t] : books) {
    const auto& [attack, asset] = key;
    const std::string what = r.file.truth->attack(attack).name + " " +
                             r.file.ledger.asset(asset).name;
    const auto it = ledger.find(key);
    const Totals l = it == ledger.end() ? Totals{} : it->second;
    EXPECT_EQ(t.seeded, l.seeded) << what;
    EXPECT_EQ(t.cashed_out, l.cashed_out) << what;
    EXPECT_EQ(t.held, l.held) << what;
    EXPECT_EQ(t.network_fees, l.network_fees) << what;
  }
}

// The same plans through a Wasabi 2 style coordinator: the coinjoin
// stage's books stay exact when its outputs take many values.
TEST(Launder, MultiDenominationCoinJoinBooksAgreeWithTheLedger) {
  scenario::Scenario s = Load(kEveryStage);
  for (scenario::Entity& e : *s.mutable_entities()) {
    if (e.has_coinjoin()) {
      e.mutable_coinjoin()->set_style(
          scenario::CoinJoinCoordinator::MULTI_DENOMINATION);
    }
  }
  auto r = Simulate(s, {});
  ASSERT_TRUE(r.ok()) << r.message();
  int joins = 0;
  for (ChainId c : r->file.ledger.chain_ids()) {
    for (TxId t : r->file.ledger.txs(c).txs()) {
      if (r->file.truth->tx(c, t).stage == "coinjoin") ++joins;
    }
  }
  EXPECT_GE(joins, 2);
  for (const launder::AttackBook& b : r->books) {
    for (const launder::StageBook& e : b.entries) {
      EXPECT_EQ(e.Imbalance(), 0) << "stage " << e.stage;
      EXPECT_GE(e.network_fees, 0);
      EXPECT_GE(e.service_fees, 0);
    }
  }
  const auto books = BookTotals(*r);
  const auto ledger = LedgerTotals(r->file);
  for (const auto& [key, t] : books) {
    const auto it = ledger.find(key);
    ASSERT_NE(it, ledger.end());
    EXPECT_EQ(t.seeded, it->second.seeded);
    EXPECT_EQ(t.cashed_out, it->second.cashed_out);
    EXPECT_EQ(t.held, it->second.held);
    EXPECT_EQ(t.network_fees, it->second.network_fees);
  }
  const VerifyResult v = VerifyLedger(r->file);
  EXPECT_TRUE(v.ok()) << v.findings.size() << " findings; first: "
                      << (v.ok() ? "" : v.findings.front().message);
}

TEST(Launder, EveryStageKindRunsAndCashesOut) {
  const SimulationResult& r = EveryStage();
  const LedgerFile& f = r.file;
  std::set<std::string> kinds;
  for (ChainId c : f.ledger.chain_ids()) {
    for (TxId t : f.ledger.txs(c).txs()) {
      const TxTruth tt = f.truth->tx(c, t);
      if (tt.attack != AttackId::kNone) kinds.emplace(tt.stage);
    }
  }
  for (const char* k :
       {"theft", "dex_swap", "split", "mixer", "bridge", "coinjoin",
        "consolidate", "cash_out", "peel_chain", "otc"}) {
    EXPECT_TRUE(kinds.count(k)) << k;
  }
  ASSERT_FALSE(f.truth->cash_outs().empty());
  for (const CashOut& c : f.truth->cash_outs()) {
    const common::EntityKind kind = f.truth->entity(c.exchange).kind;
    EXPECT_TRUE(kind == common::EXCHANGE || kind == common::OTC_DESK);
    EXPECT_EQ(f.truth->owner(c.address), c.exchange);
    EXPECT_EQ(f.truth->stolen(c.chain, c.output), c.amount);
    EXPECT_GT(c.usd, 0);
  }
  EXPECT_TRUE(r.shortfalls.empty());
  EXPECT_TRUE(CheckConservation(f.ledger).ok());
  const VerifyResult v = VerifyLedger(f);
  EXPECT_TRUE(v.ok()) << v.findings.size() << " findings; first: "
                      << (v.ok() ? "" : v.findings.front().message);
}

// USD of base units at `t`.
double Usd(const Ledger& l, AssetId a, Amount units, Seconds t) {
  const AssetInfo& info = l.asset(a);
  return AmountToUsd(units, info.UsdAt(t), info.decimals);
}

// The documented figures, read from what the simulation did.
void ExpectCaseFigures(const std::string& name, const scenario::Scenario& s,
                       const SimulationResult& r) {
  const Ledger& l = r.file.ledger;
  const GroundTruth& truth = *r.file.truth;
  double stolen = 0;
  double mixed = 0;
  for (const launder::AttackBook& b : r.books) {
    const Attack& a = truth.attack(b.attack);
    if (a.time < 0) continue;
    // Value entering the attack's mixing stages (mixer, CoinJoin), at most
    // once per attack: the largest such stage.
    const scenario::Attack& spec = s.attacks(static_cast<int>(Index(b.attack)));
    const scenario::Plan* plan = AttackPlan(s, spec);
    ASSERT_NE(plan, nullptr);
    double theft = 0;
    double mix = 0;
    std::map<std::int32_t, double> in;
    for (const launder::StageBook& e : b.entries) {
      const double usd = Usd(l, e.asset, e.in, a.time);
      if (e.stage == -1) theft += usd;
      if (e.stage >= 0 && (plan->stages(e.stage).has_mixer() ||
                           plan->stages(e.stage).has_coinjoin())) {
        in[e.stage] += usd;
      }
    }
    for (const auto& [stage, usd] : in) mix = std::max(mix, usd);
    if (name == "chainalysis2021_seven_attacks" &&
        a.time < *ParseCalendarTime("2021-01-01") - l.start()) {
      continue;  // older proceeds, held
    }
    stolen += theft;
    mixed += std::min(mix, theft);
  }
  if (name == "un2022_three_exchanges") {
    EXPECT_NEAR(stolen, 50e6, 5e6);
  } else if (name == "chainalysis2021_seven_attacks") {
    EXPECT_NEAR(stolen, 400e6, 20e6);
    EXPECT_GT(mixed / stolen, 0.65);  // "more than 65 % through mixers"
  } else if (name == "news2019_20m") {
    EXPECT_NEAR(stolen, 16e6, 0.2e6);
  } else if (name == "un2019_35_attacks") {
    // One haul cashed out through at least 5,000 transactions.
    std::map<AttackId, int> cash_txs;
    for (ChainId c : l.chain_ids()) {
      for (TxId t : l.txs(c).txs()) {
        const TxTruth tt = truth.tx(c, t);
        if (tt.attack != AttackId::kNone &&
            (tt.stage == "cash_out" || tt.stage == "peel_chain")) {
          ++cash_txs[tt.attack];
        }
      }
    }
    int most = 0;
    for (const auto& [attack, n] : cash_txs) most = std::max(most, n);
    EXPECT_GE(most, 5000);
  }
}

// Every shipped case scenario, its background scaled down: the books of
// every attack balance per stage and agree with the ledger, every theft
// takes what the scenario says, and stolen value never exceeds an output.
TEST(Launder, ShippedScenariosAccountForEveryStolenUnit) {
  const std::filesystem::path dir =
      std::filesystem::path(CHAINTRACE_SOURCE_DIR) / "scenarios";
  int checked = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".textproto") continue;
    SCOPED_TRACE(entry.path().filename().string());
    const scenario::Scenario s = Load(entry.path().string());
    if (s.attacks().empty()) continue;
    SimulateOptions o;
    o.scale = 0.05;
    auto r = Simulate(s, o);
    ASSERT_TRUE(r.ok()) << r.message();
    EXPECT_EQ(r->books.size(), static_cast<std::size_t>(s.attacks_size()));
    for (const launder::AttackBook& b : r->books) {
      for (const launder::StageBook& e : b.entries) {
        EXPECT_EQ(e.Imbalance(), 0)
            << r->file.truth->attack(b.attack).name << " stage " << e.stage;
      }
    }
    const auto books = BookTotals(*r);
    const auto ledger = LedgerTotals(r->file);
    for (const auto& [key, t] : books) {
      const auto it = ledger.find(key);
      ASSERT_NE(it, ledger.end());
      const std::string what = r->file.truth->attack(std::get<0>(key)).name +
                               " " +
                               r->file.ledger.asset(std::get<1>(key)).name;
      EXPECT_EQ(t.seeded, it->second.seeded) << what;
      EXPECT_EQ(t.cashed_out, it->second.cashed_out) << what;
      EXPECT_EQ(t.held, it->second.held) << what;
      EXPECT_EQ(t.network_fees, it->second.network_fees) << what;
    }
    EXPECT_TRUE(r->shortfalls.empty());
    // chaintrace verify's invariants, service claims and conversions
    // included, hold on the simulated ledger.
    const VerifyResult v = VerifyLedger(r->file);
    EXPECT_TRUE(v.ok()) << v.findings.size() << " findings; first: "
                        << (v.ok() ? "" : v.findings.front().message);
    ExpectCaseFigures(entry.path().stem().string(), s, *r);
    ++checked;
  }
  EXPECT_GE(checked, 4);
}

TEST(Launder, SameSeedSameBytes) {
  const scenario::Scenario s = Load(kEveryStage);
  auto a = Simulate(s, {});
  auto b = Simulate(s, {});
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(EncodeLedgerBinary(a->file), EncodeLedgerBinary(b->file));
}

}  // namespace
}  // namespace chaintrace::sim

namespace chaintrace::sim {
namespace {

// every_stage with `edit` applied to its scenario.
SimulationResult Edited(void (*edit)(scenario::Scenario*)) {
  scenario::Scenario s = Load(kEveryStage);
  edit(&s);
  auto r = Simulate(s, {});
  EXPECT_TRUE(r.ok()) << r.message();
  return std::move(r).value();
}

scenario::Plan* PlanNamed(scenario::Scenario* s, const std::string& name) {
  for (scenario::Plan& p : *s->mutable_plans()) {
    if (p.name() == name) return &p;
  }
  return nullptr;
}

TEST(Fingerprint, FixedFeeOnEveryAttackerSpend) {
  const SimulationResult r = Edited([](scenario::Scenario* s) {
    for (scenario::Stage& st : *PlanNamed(s, "btc_route")->mutable_stages()) {
      st.mutable_fingerprint()->set_fixed_fee("0.00012345");
    }
  });
  const LedgerFile& f = r.file;
  const AttackId heist = f.truth->FindAttack("btc_heist");
  const ChainId btc = f.ledger.FindChain("bitcoin");
  const TxStore& s = f.ledger.txs(btc);
  int spends = 0;
  for (TxId t : s.txs()) {
    const TxTruth tt = f.truth->tx(btc, t);
    if (tt.attack != heist || tt.stage == "theft") continue;
    bool attacker_pays = true;
    for (InputId i : s.inputs(t)) {
      attacker_pays = attacker_pays && IsAttacker(*f.truth, s.input_address(i));
    }
    if (!attacker_pays) continue;  // a service's payout
    ++spends;
    EXPECT_EQ(s.fee(t), 12345) << s.txid(t) << " stage " << tt.stage;
  }
  EXPECT_GT(spends, 10);
}

TEST(Fingerprint, TestDepositsAndAmountsBelowRoundNumbers) {
  const SimulationResult& r = EveryStage();  // eth_route's cash_out has both
  const GroundTruth& truth = *r.file.truth;
  const AttackId heist = truth.FindAttack("eth_heist");
  std::map<AddressId, std::vector<Amount>> by_account;
  for (const CashOut& c : truth.cash_outs()) {
    if (c.attack == heist) by_account[c.address].push_back(c.amount);
  }
  ASSERT_GE(by_account.size(), 2u);
  int below_round = 0, deposits = 0;
  for (const auto& [address, amounts] : by_account) {
    ASSERT_GE(amounts.size(), 2u);
    // The first deposit to an account is a test of about 1/200 of the next.
    EXPECT_LT(amounts[0] * 50, amounts[1]);
    for (std::size_t i = 1; i < amounts.size(); ++i) {
      ++deposits;
      // Just below 1, 2 or 5 x 10^k: within 1 % under it.
      for (Amount round = 1; round > 0 && round <= amounts[i] * 2;
           round *= 10) {
        for (Amount m : {round, 2 * round, 5 * round}) {
          if (amounts[i] < m && amounts[i] >= m - m / 100) ++below_round;
        }
      }
    }
  }
  // Every deposit but each lot's last (which takes the rest).
  EXPECT_GE(below_round * 10, deposits * 7);
}

TEST(Fingerprint, ReusedGasFundingAddress) {
  const auto gas_senders = [](const SimulationResult& r) {
    const LedgerFile& f = r.file;
    const ChainId eth = f.ledger.FindChain("ethereum");
    const TxStore& s = f.ledger.txs(eth);
    std::set<AddressId> attacker_senders;
    int funded = 0;
    for (TxId t : s.txs()) {
      if (f.truth->tx(eth, t).stage != "gas") continue;
      ++funded;
      const AddressId from = s.input_address(*s.inputs(t).begin());
      if (IsAttacker(*f.truth, from)) attacker_senders.insert(from);
    }
    return std::make_pair(funded, attacker_senders.size());
  };
  // Default: each token address is funded by an exchange withdrawal.
  const auto [funded, senders] = gas_senders(EveryStage());
  EXPECT_GT(funded, 0);
  EXPECT_EQ(senders, 0u);
  const SimulationResult reuse = Edited([](scenario::Scenario* s) {
    for (scenario::Stage& st : *PlanNamed(s, "eth_route")->mutable_stages()) {
      st.mutable_fingerprint()->set_reuse_gas_funding(true);
    }
  });
  const auto [funded2, senders2] = gas_senders(reuse);
  EXPECT_GT(funded2, 1);
  EXPECT_EQ(senders2, 1u);  // one wallet funds every token address
}

TEST(Launder, HopsGrowAlongThePeelChain) {
  const LedgerFile& f = EveryStage().file;
  const AttackId heist = f.truth->FindAttack("btc_heist");
  const ChainId btc = f.ledger.FindChain("bitcoin");
  std::int32_t most = 0;
  for (TxId t : f.ledger.txs(btc).txs()) {
    const TxTruth tt = f.truth->tx(btc, t);
    if (tt.attack != heist) continue;
    if (tt.stage == "theft") {
      EXPECT_EQ(tt.hop, 0);
    }
    if (tt.stage == "split") {
      EXPECT_EQ(tt.hop, 1);
    }
    if (tt.stage == "peel_chain") {
      EXPECT_GE(tt.hop, 2);
      most = std::max(most, tt.hop);
    }
  }
  EXPECT_EQ(most, 9);  // split, then eight hops
}

}  // namespace
}  // namespace chaintrace::sim
