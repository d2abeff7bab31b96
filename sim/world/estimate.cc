#include "sim/world/estimate.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "model/time.h"
#include "sim/scenario/plans.h"

namespace chaintrace::sim {
namespace {

constexpr double kDay = 86400;
// Merchant settlements per chain and day (one process per chain).
constexpr double kSettlesPerDay = 10;

double Duration(const std::string& text, double fallback) {
  const auto d = ParseDuration(text);
  return d.ok() && *d > 0 ? static_cast<double>(*d) : fallback;
}

// What one chain is expected to carry.
struct ChainLoad {
  std::string name;
  bool utxo = true;
  double block_interval = 600;
  double address_reuse = 0.5;
  double batch_share = 0.05;
  int miners = 0;
  int exchanges = 0;     // active on the chain
  double blocks = 0;     // reward transactions
  double payments = 0;   // user payment transactions
  double deposits = 0;   // credits to exchanges, of them and others
  double txs = 0;        // everything else
  double io = 0;         // inputs + outputs of `txs` and `payments`
  double addresses = 0;  // fresh addresses, genesis included
};

class Estimator {
 public:
  Estimator(const scenario::Scenario& s, double scale)
      : s_(s), scale_(scale), days_(Duration(s.duration(), kDay) / kDay) {}

  ResourceEstimate Run();

 private:
  // The load of the chain of that name; nullptr when there is none.
  ChainLoad* ChainOf(const std::string& name) {
    for (ChainLoad& l : chains_) {
      if (l.name == name) return &l;
    }
    return nullptr;
  }
  ChainLoad* ChainOfAsset(const std::string& asset) {
    for (const scenario::Asset& a : s_.assets()) {
      if (a.name() == asset) return ChainOf(a.chain());
    }
    return nullptr;
  }
  void Background();
  void Exchanges();
  void Services();
  void Attacks();

  const scenario::Scenario& s_;
  double scale_;
  double days_;
  std::vector<ChainLoad> chains_;
  double attack_txs_ = 0;
  double attack_addresses_ = 0;
};

void Estimator::Background() {
  for (const scenario::Chain& c : s_.chains()) {
    ChainLoad load;
    load.name = c.name();
    load.utxo = c.model() != common::ACCOUNT;
    load.block_interval = load.utxo
                              ? Duration(c.block_interval(), 600)
                              : std::max(Duration(c.block_interval(), 12),
                                         3600.0);  // one reward tx per hour
    chains_.push_back(load);
  }
  for (const scenario::ChainTraffic& t : s_.background().chains()) {
    if (ChainLoad* l = ChainOf(t.chain())) {
      l->address_reuse = t.address_reuse();
      l->batch_share = t.batch_share();
    }
  }
  for (const scenario::Entity& e : s_.entities()) {
    if (e.has_users()) {
      const auto& on = e.users().chains();
      const double n = std::max(1.0, std::round(e.users().count() * scale_));
      for (ChainLoad& l : chains_) {
        if (!on.empty() &&
            std::find(on.begin(), on.end(), l.name) == on.end()) {
          continue;
        }
        l.payments += n * e.users().payments_per_day() * days_;
        l.addresses += n * (l.utxo ? 2.5 : 1.0);  // genesis funding
      }
    } else if (e.has_miner()) {
      if (ChainLoad* l = ChainOf(e.miner().chain())) ++l->miners;
    }
  }
  for (ChainLoad& l : chains_) {
    if (l.miners > 0) {
      l.blocks = days_ * kDay / l.block_interval;
      l.txs += l.miners * days_;  // daily sales to exchanges
      l.io += l.miners * days_ * 3;
      l.deposits += l.miners * days_;
    }
    l.txs += kSettlesPerDay * days_;
    l.io += kSettlesPerDay * days_ * (l.utxo ? 8 : 2);
    l.deposits += kSettlesPerDay * days_;
    // A UTXO payment pays one payee (a batch ~11) plus change from ~2
    // coins; an ACCOUNT transfer is one debit and one credit.
    const double payees = l.utxo ? 1 + l.batch_share * 10.5 : 1;
    l.io += l.payments * (l.utxo ? payees + 3 : 2);
    l.deposits += l.payments * payees * kPaymentToExchange;
    l.addresses += l.payments *
                   (payees * (1 - kPaymentToExchange) * (1 - l.address_reuse) +
                    (l.utxo ? 1 : 0));
  }
}

void Estimator::Exchanges() {
  for (const scenario::Entity& e : s_.entities()) {
    if (!e.has_exchange()) continue;
    std::vector<ChainLoad*> on;
    for (const scenario::Holding& h : e.exchange().reserves()) {
      ChainLoad* c = ChainOfAsset(h.asset());
      if (c != nullptr && std::find(on.begin(), on.end(), c) == on.end()) {
        on.push_back(c);
        ++c->exchanges;
      }
    }
  }
  for (const scenario::Entity& e : s_.entities()) {
    if (!e.has_exchange()) continue;
    const scenario::Exchange& spec = e.exchange();
    const double accounts = spec.accounts();
    std::vector<ChainLoad*> on;
    for (const scenario::Holding& h : spec.reserves()) {
      ChainLoad* c = ChainOfAsset(h.asset());
      if (c != nullptr && std::find(on.begin(), on.end(), c) == on.end()) {
        on.push_back(c);
      }
    }
    for (ChainLoad* c : on) {
      ChainLoad& l = *c;
      // Deposits spread evenly over the exchanges active on the chain;
      // deposit addresses are the distinct accounts that deposited.
      const double deposits = l.deposits / l.exchanges;
      l.addresses += accounts * (1 - std::exp(-deposits / accounts));
      const double sweeps =
          l.utxo ? days_ * kDay /
                       std::max(Duration(spec.sweep_delay(), 7200), 60.0)
                 : deposits * 1.5;  // token deposits need a gas top-up
      l.txs += sweeps;
      l.io += l.utxo ? std::min(sweeps, deposits) + sweeps : sweeps * 2;
      const double withdrawals =
          spec.withdrawal_rate() * accounts * scale_ * days_;
      const double batches =
          days_ * kDay / Duration(spec.withdrawal_batch_interval(), 1800);
      l.txs += (l.utxo ? std::min(batches, withdrawals) : withdrawals) + days_;
      l.io += withdrawals * (l.utxo ? 1.2 : 2) + days_ * 3;
      l.addresses += withdrawals * (1 - l.address_reuse);
    }
  }
}

void Estimator::Services() {
  for (const scenario::Entity& e : s_.entities()) {
    if (e.has_mixer()) {
      ChainLoad* l = ChainOf(e.mixer().chain());
      if (l == nullptr) continue;
      const double n = e.mixer().benign_deposits_per_day() * scale_ * days_;
      l->txs += 2 * n;
      l->io += n * (l->utxo ? 7 : 4);
      l->addresses += n * (l->utxo ? 3 : 1);
    } else if (e.has_coinjoin()) {
      ChainLoad* l = ChainOf(e.coinjoin().chain());
      if (l == nullptr) continue;
      const double rounds =
          days_ * kDay / Duration(e.coinjoin().round_interval(), 3600);
      const double people =
          (e.coinjoin().min_participants() + e.coinjoin().max_participants()) /
          2.0;
      // A Wasabi 2 style participant brings ~2 coins and gets ~3.4 outputs
      // (measured on scenarios/teaching/coinjoin_purity).
      const bool multi = e.coinjoin().style() ==
                         scenario::CoinJoinCoordinator::MULTI_DENOMINATION;
      l->txs += rounds;
      l->io += rounds * people * (multi ? 5.5 : 4);
      l->addresses += rounds * people * (multi ? 3.5 : 2);
    } else if (e.has_bridge()) {
      const double n = e.bridge().benign_per_day() * scale_ * days_;
      for (const std::string& side :
           {e.bridge().from_chain(), e.bridge().to_chain()}) {
        ChainLoad* l = ChainOf(side);
        if (l == nullptr) continue;
        l->txs += n;  // locks one way and releases the other, halved
        l->io += n * (l->utxo ? 3 : 2);
        l->addresses += n * (l->utxo ? 1 : 0.5);
      }
    } else if (e.has_dex()) {
      ChainLoad* l = ChainOf(e.dex().chain());
      if (l == nullptr) continue;
      const double n = e.dex().benign_swaps_per_day() * scale_ * days_;
      l->txs += 2 * n;
      l->io += 4 * n;
    }
  }
}

void Estimator::Attacks() {
  for (const scenario::Attack& a : s_.attacks()) {
    attack_txs_ += static_cast<double>(a.burst_transactions()) *
                   std::max(1, a.thefts_size());
    attack_addresses_ += a.burst_transactions();
    const scenario::Plan* plan = AttackPlan(s_, a);
    if (plan == nullptr) continue;
    double branches = 1;
    for (const scenario::Stage& st : plan->stages()) {
      double txs = 0, addresses = 0;
      switch (st.kind_case()) {
        case scenario::Stage::kSplit:
          txs = branches;
          branches = std::max(1, st.split().ways());
          addresses = branches;
          break;
        case scenario::Stage::kPeelChain:
          txs = branches * st.peel_chain().hops();
          addresses = 2 * txs;
          break;
        case scenario::Stage::kConsolidate:
          branches = std::max(1, st.consolidate().into());
          txs = addresses = branches;
          break;
        case scenario::Stage::kMixer:
          txs = 2 * kMixerLotsGuess;
          addresses = kMixerLotsGuess / 5;
          break;
        case scenario::Stage::kCoinjoin:
          txs = branches * std::max(1, st.coinjoin().rounds());
          addresses = 2 * txs;
          break;
        case scenario::Stage::kDexSwap:
        case scenario::Stage::kBridge:
        case scenario::Stage::kOtc:
          txs = 2 * branches;
          addresses = branches;
          break;
        case scenario::Stage::kCashOut:
          txs = addresses = st.cash_out().deposits();
          break;
        default:
          break;
      }
      attack_txs_ += txs;
      attack_addresses_ += addresses;
    }
  }
}

ResourceEstimate Estimator::Run() {
  Background();
  Exchanges();
  Services();
  Attacks();
  ResourceEstimate e;
  for (const ChainLoad& l : chains_) {
    e.transactions += l.blocks + l.payments + l.txs;
    e.inputs_outputs += l.blocks + l.io;
    e.addresses += l.addresses;
  }
  // Genesis: one coinbase per asset.
  e.transactions += s_.assets_size() + attack_txs_;
  e.inputs_outputs += 3 * attack_txs_;
  e.addresses += attack_addresses_;
  e.bytes = e.transactions * kBytesPerTransaction +
            e.inputs_outputs * kBytesPerInputOutput +
            e.addresses * kBytesPerAddress;
  return e;
}

std::string Count(double n) {
  char buf[32];
  if (n < 1e6) {
    std::snprintf(buf, sizeof buf, "%.0f", n);
  } else {
    std::snprintf(buf, sizeof buf, "%.3g", n);
  }
  return buf;
}

std::string Bytes(double b) {
  char buf[32];
  if (b >= 1e12) {
    std::snprintf(buf, sizeof buf, "%.1f TB", b / 1e12);
  } else if (b >= 1e9) {
    std::snprintf(buf, sizeof buf, "%.1f GB", b / 1e9);
  } else {
    std::snprintf(buf, sizeof buf, "%.0f MB", std::ceil(b / 1e6));
  }
  return buf;
}

}  // namespace

ResourceEstimate EstimateResources(const scenario::Scenario& scenario,
                                   double scale) {
  return Estimator(scenario, scale).Run();
}

ResourceCaps CapsFor(const scenario::Limits& limits,
                     const ResourceEstimate& estimate,
                     std::uint64_t available_bytes) {
  // Memory unknown: no cap from it.
  const double budget = available_bytes > 0
                            ? static_cast<double>(available_bytes) * 0.75
                            : 9e18 * static_cast<double>(kBytesPerAddress);
  const double per_tx = estimate.transactions > 0
                            ? estimate.bytes / estimate.transactions
                            : static_cast<double>(kBytesPerTransaction +
                                                  4 * kBytesPerInputOutput);
  const auto cap = [](double n) {
    return static_cast<std::int64_t>(std::clamp(n, 1.0, 9e18));
  };
  ResourceCaps caps;
  caps.max_transactions = limits.max_transactions() > 0
                              ? limits.max_transactions()
                              : cap(budget / per_tx);
  caps.max_addresses = limits.max_addresses() > 0
                           ? limits.max_addresses()
                           : cap(budget / kBytesPerAddress);
  return caps;
}

Status CheckResourceLimits(const ResourceEstimate& estimate,
                           const ResourceCaps& caps,
                           std::uint64_t available_bytes) {
  std::string what;
  if (estimate.transactions > static_cast<double>(caps.max_transactions)) {
    what = "about " + Count(estimate.transactions) +
           " transactions, above the limit of " +
           Count(static_cast<double>(caps.max_transactions)) +
           " (limits.max_transactions, --max-transactions)";
  } else if (estimate.addresses > static_cast<double>(caps.max_addresses)) {
    what = "about " + Count(estimate.addresses) +
           " addresses, above the limit of " +
           Count(static_cast<double>(caps.max_addresses)) +
           " (limits.max_addresses, --max-addresses)";
  } else {
    return Status::Ok();
  }
  std::string memory = "it would need about " + Bytes(estimate.bytes) +
                       " of memory for " + Count(estimate.transactions) +
                       " transactions and " + Count(estimate.addresses) +
                       " addresses";
  memory +=
      available_bytes > 0
          ? ", " + Bytes(static_cast<double>(available_bytes)) + " available"
          : " (available memory unknown)";
  return Status::Error(
      "refused before simulating: the scenario would create " + what + "; " +
      memory +
      ". Lower --scale or the populations and rates, or raise the limit (0: "
      "sized from available memory)");
}

std::uint64_t ParseMemAvailable(const std::string& meminfo) {
  std::istringstream in(meminfo);
  std::string line;
  while (std::getline(in, line)) {
    unsigned long long kb = 0;
    if (std::sscanf(line.c_str(), "MemAvailable: %llu kB", &kb) == 1) {
      return static_cast<std::uint64_t>(kb) * 1024;
    }
  }
  return 0;
}

std::uint64_t AvailableMemoryBytes() {
  std::ifstream in("/proc/meminfo");
  if (!in) return 0;
  std::stringstream text;
  text << in.rdbuf();
  return ParseMemAvailable(text.str());
}

}  // namespace chaintrace::sim
