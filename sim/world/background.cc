// Background traffic: block rewards, user payments, merchants and miners
// selling at exchanges. Calibration (defaults in proto/scenario.proto
// ChainTraffic): log-normal payment values in USD; on UTXO chains mostly
// one-input-or-few, two-output payments with change to a fresh address,
// a share of consolidations (many inputs, one output) and batch payouts
// (one payer, 3-20 payees); a share of payments to addresses already used;
// fees from the size model times the fee-rate path. On ACCOUNT chains,
// native and token transfers from users' few long-lived addresses, gas at
// the gas-price path.

#include <algorithm>
#include <cmath>

#include "sim/world/estimate.h"
#include "sim/world/simulation.h"

namespace chaintrace::sim {
namespace {

// Largest background payment, USD.
constexpr double kMaxPaymentUsd = 5e6;

}  // namespace

EntityId Simulation::RandomUser(ChainId chain, Rng& rng, bool merchants) const {
  // Populations are few: pick one active on the chain weighted by size.
  std::uint64_t total = 0;
  for (const Population& p : populations_) {
    if (p.merchants == merchants && p.on_chain[Index(chain)]) total += p.count;
  }
  if (total == 0) return EntityId::kNone;
  std::uint64_t k = rng.Below(total);
  for (const Population& p : populations_) {
    if (p.merchants != merchants || !p.on_chain[Index(chain)]) continue;
    if (k < p.count) return IdFromIndex<EntityId>(Index(p.first) + k);
    k -= p.count;
  }
  return EntityId::kNone;
}

AddressId Simulation::PayeeAddress(ChainId chain, EntityId payee, Rng& rng,
                                   bool* reused) {
  const bool reuse = !world_.addresses_of(chain, payee).empty() &&
                     rng.Bernoulli(traffic_[Index(chain)]->address_reuse());
  // Favour the most recent addresses, as wallets show the latest.
  const std::uint64_t back = reuse ? rng.Below(4) : 0;
  return PayeeAddressAt(chain, payee, reuse, back, rng, reused);
}

AddressId Simulation::PayeeAddressAt(ChainId chain, EntityId payee, bool reuse,
                                     std::uint64_t back, Rng& rng,
                                     bool* reused) {
  const auto addrs = world_.addresses_of(chain, payee);
  *reused = reuse && !addrs.empty();
  if (*reused) return addrs[RecentAddressIndex(addrs.size(), back)];
  return world_.NewAddress(chain, payee, AddressRole::kPersonal, rng);
}

double Simulation::PaymentUsd(ChainId chain, Rng& rng) const {
  const scenario::ChainTraffic& t = *traffic_[Index(chain)];
  return std::min(rng.LogNormal(t.value_median_usd(), t.value_sigma()),
                  kMaxPaymentUsd);
}

AddressId Simulation::RichestAddress(ChainId chain, EntityId holder,
                                     AssetId asset) const {
  AddressId best = AddressId::kNone;
  Amount most = 0;
  for (AddressId a : world_.addresses_of(chain, holder)) {
    const Amount b = world_.Balance(asset, a);
    if (b > most) {
      most = b;
      best = a;
    }
  }
  return best;
}

void Simulation::OnBlock(const Event& e) {
  BlockProcess& b = blocks_[e.a];
  const double u = b.rng.Uniform01();
  std::size_t k = 0;
  while (k + 1 < b.cdf.size() && u >= b.cdf[k]) ++k;
  const Amount amount = b.reward + world_.TakeCollectedFees(b.chain);
  if (amount > 0) {
    const OutputSpec out{b.payout[k], amount};
    world_.Coinbase(b.chain, e.time, {&out, 1});
  }
  Schedule(e.time + b.interval, Ev::kBlock, e.a);
}

Simulation::PlannedPayee Simulation::PlanPayee(ChainId chain, Rng& rng,
                                               bool users_only) {
  PlannedPayee q;
  q.r = users_only ? 1.0 : rng.Uniform01();
  q.payee =
      RandomUser(chain, rng, q.r < kPaymentToExchange + kPaymentToMerchant);
  q.reuse = rng.Bernoulli(traffic_[Index(chain)]->address_reuse());
  q.back = static_cast<std::uint32_t>(rng.Below(4));
  return q;
}

Simulation::PlannedPayment Simulation::PlanPayment(PaymentProcess& p) {
  const Population& pop = populations_[p.population];
  PlannedPayment plan;
  plan.payer =
      IdFromIndex<EntityId>(Index(pop.first) + p.ahead_rng.Below(pop.count));
  plan.first = PlanPayee(p.chain, p.ahead_rng);
  return plan;
}

AddressId Simulation::PayeeTarget(ChainId chain, EntityId payer,
                                  const PlannedPayee& q, Rng& rng, bool* reused,
                                  std::uint32_t* exchange) {
  *reused = false;
  *exchange = kNoExchange;
  std::uint32_t x = 0;
  if (q.r < kPaymentToExchange && RandomExchange(chain, rng, &x)) {
    // A deposit to the payer's own account at the exchange: reused by
    // construction after the first deposit.
    *exchange = x;
    return DepositAddress(x, chain, AccountOf(x, payer), rng, reused);
  }
  if (q.payee == EntityId::kNone || q.payee == payer) return AddressId::kNone;
  return PayeeAddressAt(chain, q.payee, q.reuse, q.back, rng, reused);
}

Simulation::PlannedPayment Simulation::NextPayment(PaymentProcess& p) {
  const PlannedPayment now = p.ahead[p.next];
  const PlannedPayment& drawn = p.ahead[p.next] = PlanPayment(p);
  p.next = (p.next + 1) % kPaymentsAhead;
  // In stages, each reading what the one before loaded: the holder records
  // of the payment planned now; for the one made in 4 payments the payer's
  // newest coin and the payee's address (or the slot of a new one); for the
  // one made in 2 that coin's ledger entries and the address's owner.
  const ChainId chain = p.chain;
  world_.PrefetchHolder(chain, drawn.payer);
  world_.PrefetchHolder(chain, drawn.first.payee);
  const PlannedPayment& in_4 = p.ahead[(p.next + 3) % kPaymentsAhead];
  const PlannedPayment& in_2 = p.ahead[(p.next + 1) % kPaymentsAhead];
  world_.PrefetchPayee(chain, in_4.first.payee, in_4.first.reuse,
                       in_4.first.back);
  if (world_.params(chain).utxo) {
    world_.PrefetchWallet(chain, in_4.payer);
    world_.PrefetchCoin(chain, in_2.payer);
    if (in_2.first.reuse) {
      world_.PrefetchPayeeOwner(chain, in_2.first.payee, in_2.first.back);
    }
  }
  return now;
}

void Simulation::OnPayment(const Event& e) {
  PaymentProcess& p = payments_[e.a];
  const PlannedPayment plan = NextPayment(p);
  if (world_.params(p.chain).utxo) {
    PayUtxoChain(p, plan);
  } else {
    PayAccountChain(p, plan);
  }
  Schedule(e.time + 1 + static_cast<Seconds>(p.rng.Exponential(p.mean_gap)),
           Ev::kPayment, e.a);
}

void Simulation::PayUtxoChain(PaymentProcess& p, const PlannedPayment& plan) {
  const ChainId chain = p.chain;
  const EntityId payer = plan.payer;
  const scenario::ChainTraffic& traffic = *traffic_[Index(chain)];
  ChainCounters& n = world_.counters(chain);
  Rng& rng = p.rng;
  const Seconds t = world_.now();
  const AssetId native = world_.params(chain).native;
  const double kind = rng.Uniform01();
  World::PayOptions pay;
  if (kind < traffic.consolidation_share()) {
    // Consolidation: a wallet with many coins merges them into one fresh
    // address of its own.
    if (world_.wallet(chain, payer).size() < 3) return;
    pay.sweep = true;
    pay.max_inputs = static_cast<std::size_t>(rng.Between(3, 30));
    const OutputSpec to{
        world_.NewAddress(chain, payer, AddressRole::kPersonal, rng), 0};
    if (world_.PayUtxo(chain, t, payer, {&to, 1}, pay, rng) != TxId::kNone) {
      ++n.consolidations;
    }
    return;
  }
  const bool batch =
      kind < traffic.consolidation_share() + traffic.batch_share();
  // The first payee was planned with the payer; a batch's others are drawn
  // now, all before any is paid, so that their records load together.
  payees_.assign(1, plan.first);
  if (batch) {
    const auto payees = static_cast<int>(rng.Between(3, 20));
    for (int i = 1; i < payees; ++i) {
      payees_.push_back(PlanPayee(chain, rng));
      world_.PrefetchHolder(chain, payees_.back().payee);
    }
    for (std::size_t i = 1; i < payees_.size(); ++i) {
      world_.PrefetchPayee(chain, payees_[i].payee, payees_[i].reuse,
                           payees_[i].back);
    }
  }
  outs_.clear();
  std::uint64_t reused = 0;
  for (const PlannedPayee& q : payees_) {
    bool was_reused = false;
    std::uint32_t x = kNoExchange;
    const AddressId to = PayeeTarget(chain, payer, q, rng, &was_reused, &x);
    if (to == AddressId::kNone) continue;
    const Amount amount = UsdToUnits(native, t, PaymentUsd(chain, rng));
    if (amount <= 0) continue;
    outs_.push_back(OutputSpec{to, amount});
    reused += was_reused ? 1 : 0;
  }
  if (outs_.empty()) return;
  if (world_.PayUtxo(chain, t, payer, outs_, pay, rng) == TxId::kNone) {
    ++n.unaffordable;
    return;
  }
  n.payments += outs_.size();
  n.payments_to_reused += reused;
  if (batch) ++n.batches;
}

void Simulation::PayAccountChain(PaymentProcess& p,
                                 const PlannedPayment& plan) {
  const ChainId chain = p.chain;
  const EntityId payer = plan.payer;
  const ChainParams& params = world_.params(chain);
  const scenario::ChainTraffic& traffic = *traffic_[Index(chain)];
  ChainCounters& n = world_.counters(chain);
  Rng& rng = p.rng;
  const Seconds t = world_.now();
  AssetId asset = params.native;
  std::int64_t gas = params.transfer_gas;
  const std::vector<AssetId>& tokens = tokens_[Index(chain)];
  if (!tokens.empty() && rng.Bernoulli(traffic.token_share())) {
    const AssetId token = tokens[rng.Below(tokens.size())];
    // Users without the token pay in the native asset instead.
    if (RichestAddress(chain, payer, token) != AddressId::kNone) {
      asset = token;
      gas = params.token_gas;
    }
  }
  // Wallets spend from the address holding the most of the asset.
  const AddressId from = RichestAddress(chain, payer, asset);
  if (from == AddressId::kNone) {
    ++n.unaffordable;
    return;
  }
  bool reused = false;
  std::uint32_t x = kNoExchange;
  const AddressId to = PayeeTarget(chain, payer, plan.first, rng, &reused, &x);
  if (to == AddressId::kNone) return;
  const bool to_exchange = x != kNoExchange;
  Amount amount = UsdToUnits(asset, t, PaymentUsd(chain, rng));
  // Pay what is there when the payer is short (a "max" send).
  const Amount fee = world_.GasFee(chain, t, gas);
  const Amount balance = world_.Balance(asset, from);
  const Amount spendable = asset == params.native ? balance - fee : balance;
  if (amount > spendable) amount = spendable;
  if (amount <= 0 ||
      world_.Transfer(chain, t, asset, from, to, amount, gas) == TxId::kNone) {
    ++n.unaffordable;
    return;
  }
  if (to_exchange) NoteDeposit(x, chain, to);
  ++n.payments;
  if (reused) ++n.payments_to_reused;
}

void Simulation::OnMerchantSettle(const Event& e) {
  // A random merchant sells what it received at an exchange: a
  // consolidation of many coins (UTXO) or a transfer of its balances.
  const auto chain = IdFromIndex<ChainId>(e.a);
  Rng& rng = settle_rng_;
  const Seconds t = e.time;
  const EntityId merchant = RandomUser(chain, rng, true);
  std::uint32_t x = 0;
  if (merchant != EntityId::kNone && RandomExchange(chain, rng, &x)) {
    const AddressId deposit =
        DepositAddress(x, chain, AccountOf(x, merchant), rng);
    const ChainParams& params = world_.params(chain);
    if (params.utxo) {
      World::PayOptions pay;
      pay.sweep = true;
      pay.max_inputs = 100;
      const OutputSpec to{deposit, 0};
      if (world_.wallet(chain, merchant).size() >= 2 &&
          world_.PayUtxo(chain, t, merchant, {&to, 1}, pay, rng) !=
              TxId::kNone) {
        ++world_.counters(chain).consolidations;
      }
    } else {
      for (AddressId a : world_.addresses_of(chain, merchant)) {
        const Ledger& ledger = file_->ledger;
        for (std::size_t ai = 0; ai < ledger.asset_count(); ++ai) {
          const auto asset = IdFromIndex<AssetId>(ai);
          if (ledger.asset(asset).chain != chain || asset == params.native) {
            continue;
          }
          const Amount b = world_.Balance(asset, a);
          if (b > 0 && world_.Transfer(chain, t, asset, a, deposit, b,
                                       params.token_gas) != TxId::kNone) {
            NoteDeposit(x, chain, deposit);
          }
        }
        const Amount fee = world_.GasFee(chain, t, params.transfer_gas);
        const Amount b = world_.Balance(params.native, a) - fee;
        if (b > 0 && world_.Transfer(chain, t, params.native, a, deposit, b,
                                     params.transfer_gas) != TxId::kNone) {
          NoteDeposit(x, chain, deposit);
        }
      }
    }
  }
  // Merchants settle about once every ten days each.
  std::uint64_t merchants = 0;
  for (const Population& p : populations_) {
    if (p.merchants && p.on_chain[Index(chain)]) merchants += p.count;
  }
  const double gap =
      merchants == 0 ? 86400.0 : 864000.0 / static_cast<double>(merchants);
  Schedule(t + 1 + static_cast<Seconds>(rng.Exponential(gap)),
           Ev::kMerchantSettle, e.a);
}

void Simulation::OnMinerSell(const Event& e) {
  // Once a day each miner sells its rewards at an exchange.
  BlockProcess& b = blocks_[e.a];
  const ChainId chain = b.chain;
  const ChainParams& params = world_.params(chain);
  for (std::size_t i = 0; i < b.miners.size(); ++i) {
    std::uint32_t x = 0;
    if (!RandomExchange(chain, b.rng, &x)) break;
    const AddressId deposit =
        DepositAddress(x, chain, AccountOf(x, b.miners[i]), b.rng);
    if (params.utxo) {
      World::PayOptions pay;
      pay.sweep = true;
      pay.max_inputs = 200;
      const OutputSpec to{deposit, 0};
      world_.PayUtxo(chain, e.time, b.miners[i], {&to, 1}, pay, b.rng);
    } else {
      const Amount fee = world_.GasFee(chain, e.time, params.transfer_gas);
      const Amount bal = world_.Balance(params.native, b.payout[i]) - fee;
      if (bal > 0 &&
          world_.Transfer(chain, e.time, params.native, b.payout[i], deposit,
                          bal, params.transfer_gas) != TxId::kNone) {
        NoteDeposit(x, chain, deposit);
      }
    }
  }
  Schedule(e.time + 86400, Ev::kMinerSell, e.a);
}

}  // namespace chaintrace::sim
