// Exchanges: one deposit address per customer account and chain, swept to
// the hot wallet every sweep_delay (UTXO: one consolidation of every waiting
// deposit coin; ACCOUNT: one transfer per deposit address and asset, token
// sweeps preceded by a gas top-up from the hot wallet); batched withdrawals
// to users; daily hot/cold rebalancing towards hot_fraction. Exchanges
// accept deposits from anyone, so they are also where stolen funds are
// cashed out.

#include <algorithm>
#include <cmath>

#include "sim/world/simulation.h"

namespace chaintrace::sim {

AddressId Simulation::DepositAddress(std::uint32_t x, ChainId chain,
                                     std::uint32_t account, Rng& rng,
                                     bool* existed) {
  ExchangeState& s = exchanges_[x];
  AddressId& a = s.chains[Index(chain)].deposit[account];
  if (existed != nullptr) *existed = a != AddressId::kNone;
  if (a == AddressId::kNone) {
    a = world_.NewAddress(chain, s.entity, AddressRole::kExchangeDeposit, rng);
  }
  return a;
}

std::uint32_t Simulation::AccountOf(std::uint32_t x, EntityId holder) const {
  // A fixed account per (exchange, holder): a multiplicative hash.
  const std::uint64_t h =
      (std::uint64_t{Index(holder)} + 1) * 0x9E3779B97F4A7C15ULL +
      std::uint64_t{x} * 0xC2B2AE3D27D4EB4FULL;
  return static_cast<std::uint32_t>((h >> 32) % exchanges_[x].accounts);
}

bool Simulation::RandomExchange(ChainId chain, Rng& rng,
                                std::uint32_t* x) const {
  std::uint32_t active = 0;
  for (const ExchangeState& s : exchanges_) {
    if (s.chains[Index(chain)].active) ++active;
  }
  if (active == 0) return false;
  std::uint64_t k = rng.Below(active);
  for (std::uint32_t i = 0; i < exchanges_.size(); ++i) {
    if (!exchanges_[i].chains[Index(chain)].active) continue;
    if (k-- == 0) {
      *x = i;
      return true;
    }
  }
  return false;
}

void Simulation::NoteDeposit(std::uint32_t x, ChainId chain,
                             AddressId deposit) {
  if (world_.params(chain).utxo) return;  // UTXO deposits are in a purse
  if (sweep_pending_.size() <= Index(deposit)) {
    sweep_pending_.resize(file_->ledger.address_count(), 0);
  }
  if (sweep_pending_[Index(deposit)] != 0) return;
  sweep_pending_[Index(deposit)] = 1;
  exchanges_[x].chains[Index(chain)].to_sweep.push_back(deposit);
}

void Simulation::OnExchangeSweep(const Event& e) {
  ExchangeState& s = exchanges_[e.a];
  const auto chain = IdFromIndex<ChainId>(e.b);
  ExchangeChain& xc = s.chains[Index(chain)];
  const ChainParams& params = world_.params(chain);
  const Seconds t = e.time;
  if (params.utxo) {
    // Every waiting deposit coin, 200 inputs per consolidation.
    World::PayOptions pay;
    pay.purse = Purse::kDeposit;
    pay.sweep = true;
    pay.max_inputs = 200;
    const OutputSpec to{xc.hot, 0};
    for (int i = 0; i < 100; ++i) {
      if (world_.PayUtxo(chain, t, s.entity, {&to, 1}, pay, s.rng) ==
          TxId::kNone) {
        break;
      }
    }
  } else {
    for (AddressId d : xc.to_sweep) {
      sweep_pending_[Index(d)] = 0;
      for (AssetId asset : xc.assets) {
        if (asset == params.native) continue;
        const Amount b = world_.Balance(asset, d);
        if (b <= 0) continue;
        const Amount gas = world_.GasFee(chain, t, params.token_gas);
        const Amount have = world_.Balance(params.native, d);
        if (have < gas) {
          world_.Transfer(chain, t, params.native, xc.hot, d, gas - have,
                          params.transfer_gas);
        }
        world_.Transfer(chain, t, asset, d, xc.hot, b, params.token_gas);
      }
      const Amount fee = world_.GasFee(chain, t, params.transfer_gas);
      const Amount b = world_.Balance(params.native, d) - fee;
      // Leave dust smaller than a sweep's fee where it is.
      if (b > fee) {
        world_.Transfer(chain, t, params.native, d, xc.hot, b,
                        params.transfer_gas);
      }
    }
    xc.to_sweep.clear();
  }
  Schedule(t + std::max<Seconds>(s.sweep_delay, 60), Ev::kExchangeSweep, e.a,
           e.b);
}

void Simulation::OnExchangeWithdraw(const Event& e) {
  ExchangeState& s = exchanges_[e.a];
  const auto chain = IdFromIndex<ChainId>(e.b);
  ExchangeChain& xc = s.chains[Index(chain)];
  const ChainParams& params = world_.params(chain);
  const Seconds t = e.time;
  Rng& rng = s.rng;
  const double mean =
      s.withdrawals_per_day * static_cast<double>(s.batch_interval) / 86400.0;
  // Withdrawals are spread over the exchange's chains by their assets.
  const auto k = rng.Poisson(mean);
  if (params.utxo) {
    // The users are drawn first, all before any is paid, so that their
    // records load together.
    payees_.clear();
    for (std::uint64_t i = 0; i < k; ++i) {
      const PlannedPayee q = PlanPayee(chain, rng, /*users_only=*/true);
      if (q.payee == EntityId::kNone) break;
      world_.PrefetchHolder(chain, q.payee);
      payees_.push_back(q);
    }
    for (const PlannedPayee& q : payees_) {
      world_.PrefetchPayee(chain, q.payee, q.reuse, q.back);
    }
    outs_.clear();
    std::uint64_t reused = 0;
    for (const PlannedPayee& q : payees_) {
      bool r = false;
      std::uint32_t none = kNoExchange;
      const AddressId to = PayeeTarget(chain, s.entity, q, rng, &r, &none);
      const Amount amount =
          UsdToUnits(params.native, t, PaymentUsd(chain, rng) * 3);
      if (amount <= 0 || to == AddressId::kNone) continue;
      outs_.push_back(OutputSpec{to, amount});
      reused += r ? 1 : 0;
    }
    if (!outs_.empty()) {
      World::PayOptions pay;
      pay.change_to = xc.hot;
      pay.max_inputs = 100;
      if (world_.PayUtxo(chain, t, s.entity, outs_, pay, rng) != TxId::kNone) {
        ChainCounters& n = world_.counters(chain);
        n.payments += outs_.size();
        n.payments_to_reused += reused;
        if (outs_.size() >= 3) ++n.batches;
      }
    }
  } else {
    for (std::uint64_t i = 0; i < k; ++i) {
      const EntityId user = RandomUser(chain, rng, false);
      if (user == EntityId::kNone) break;
      const AssetId asset = xc.assets[rng.Below(xc.assets.size())];
      bool r = false;
      const AddressId to = PayeeAddress(chain, user, rng, &r);
      const Amount amount = UsdToUnits(asset, t, PaymentUsd(chain, rng) * 3);
      const std::int64_t gas =
          asset == params.native ? params.transfer_gas : params.token_gas;
      if (amount > 0 && world_.Transfer(chain, t, asset, xc.hot, to, amount,
                                        gas) != TxId::kNone) {
        ChainCounters& n = world_.counters(chain);
        ++n.payments;
        n.payments_to_reused += r ? 1 : 0;
      }
    }
  }
  Schedule(t + s.batch_interval, Ev::kExchangeWithdraw, e.a, e.b);
}

void Simulation::OnExchangeRebalance(const Event& e) {
  ExchangeState& s = exchanges_[e.a];
  const auto chain = IdFromIndex<ChainId>(e.b);
  ExchangeChain& xc = s.chains[Index(chain)];
  const ChainParams& params = world_.params(chain);
  const Seconds t = e.time;
  // Keep the hot wallet within [0.5, 1.5] x its target share.
  for (AssetId asset : xc.assets) {
    const bool native = asset == params.native;
    if (params.utxo && !native) continue;
    const Amount hot = params.utxo ? world_.UtxoBalance(chain, s.entity)
                                   : world_.Balance(asset, xc.hot);
    const Amount cold = params.utxo
                            ? world_.UtxoBalance(chain, s.entity, Purse::kCold)
                            : world_.Balance(asset, xc.cold);
    const auto target = static_cast<Amount>(
        std::floor(static_cast<double>(hot + cold) * s.hot_fraction));
    const std::int64_t gas = native ? params.transfer_gas : params.token_gas;
    if (hot > target + target / 2) {
      const Amount move = hot - target;
      if (params.utxo) {
        World::PayOptions pay;
        pay.change_to = xc.hot;
        const OutputSpec to{xc.cold, move};
        world_.PayUtxo(chain, t, s.entity, {&to, 1}, pay, s.rng);
      } else {
        world_.Transfer(chain, t, asset, xc.hot, xc.cold, move, gas);
      }
    } else if (hot < target / 2 && cold > 0) {
      const Amount move = std::min(target - hot, cold / 2);
      if (params.utxo) {
        World::PayOptions pay;
        pay.purse = Purse::kCold;
        pay.change_to = xc.cold;
        const OutputSpec to{xc.hot, move};
        world_.PayUtxo(chain, t, s.entity, {&to, 1}, pay, s.rng);
      } else if (world_.Balance(params.native, xc.cold) >=
                     world_.GasFee(chain, t, gas) ||
                 native) {
        world_.Transfer(chain, t, asset, xc.cold, xc.hot, move, gas);
      }
    }
  }
  Schedule(t + 86400, Ev::kExchangeRebalance, e.a, e.b);
}

}  // namespace chaintrace::sim
