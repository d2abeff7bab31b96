// Benign use of the services laundering relies on, so that their anonymity
// sets are real:
// - POOL mixers (ACCOUNT): a user deposits one fixed denomination into the
//   denomination's pool contract; after an exponential delay a relayer
//   withdraws it to a fresh address of the same user. The withdrawal debits
//   the pool (the denomination) and the relayer (the gas) and credits the
//   recipient (denomination minus the relayer fee) and the relayer (fee).
// - CUSTODIAL mixers (UTXO): a user pays any amount to a fresh mixer
//   address; after a delay the mixer pays amount x (1 - fee) from randomly
//   chosen coins of its reserve to a fresh address of the user.
// - CoinJoin rounds (UTXO): every round_interval, N users each put in coins
//   covering the denomination, the coordinator fee and their share of the
//   mining fee; each gets one output of exactly the denomination and change.
//   Wasabi 2 style rounds (standard denominations) are in
//   multi_denomination.cc.
// - Bridges: a user locks value on one side (transfer to the bridge) and,
//   after the delay, the bridge releases the USD-equivalent minus its fee
//   on the other side to a fresh address of the same user.
// - DEX pools (constant product, x*y=k): a user sends asset A to the pool;
//   the pool pays asset B back in an internal transfer (no gas). A share of
//   the swaps are arbitrage that pulls the pool's price towards the market
//   (the USD price paths); the rest pick a side at random.

#include <algorithm>
#include <cmath>

#include "sim/launder/moves.h"
#include "sim/world/simulation.h"

namespace chaintrace::sim {

using launder::Bps;

void Simulation::OnMixerDeposit(const Event& e) {
  MixerState& m = mixers_[e.a];
  Rng& rng = m.rng;
  const Seconds t = e.time;
  const ChainParams& params = world_.params(m.chain);
  const EntityId user = RandomUser(m.chain, rng, false);
  const Seconds delay =
      1 +
      static_cast<Seconds>(rng.Exponential(static_cast<double>(m.mean_delay)));
  if (user != EntityId::kNone && m.pool && !m.denominations.empty()) {
    const AddressId from = RichestAddress(m.chain, user, m.asset);
    if (from != AddressId::kNone) {
      // The largest denomination the user can afford, or a smaller one.
      const Amount fee = world_.GasFee(m.chain, t, params.call_gas);
      std::size_t n = 0;
      while (n < m.denominations.size() &&
             world_.Balance(m.asset, from) >=
                 m.denominations[n] + (m.asset == params.native ? fee : 0)) {
        ++n;
      }
      if (n > 0) {
        const std::size_t d = rng.Below(n);
        if (world_.Transfer(m.chain, t, m.asset, from, m.pool_address[d],
                            m.denominations[d],
                            params.call_gas) != TxId::kNone) {
          Schedule(t + delay, Ev::kMixerWithdraw, e.a,
                   static_cast<std::uint32_t>(d), user, m.denominations[d]);
        }
      }
    }
  } else if (user != EntityId::kNone && !m.pool) {
    const Amount amount = UsdToUnits(m.asset, t, PaymentUsd(m.chain, rng) * 5);
    const OutputSpec to{
        world_.NewAddress(m.chain, m.entity, AddressRole::kService, rng),
        amount};
    if (amount > 0 &&
        world_.PayUtxo(m.chain, t, user, {&to, 1}, {}, rng) != TxId::kNone) {
      Schedule(t + delay, Ev::kMixerWithdraw, e.a, 0, user,
               amount - Bps(amount, m.fee_bps));
    }
  }
  Schedule(t + 1 + static_cast<Seconds>(rng.Exponential(m.mean_gap)),
           Ev::kMixerDeposit, e.a);
}

void Simulation::OnMixerWithdraw(const Event& e) {
  MixerState& m = mixers_[e.a];
  Rng& rng = m.rng;
  const Seconds t = e.time;
  const ChainParams& params = world_.params(m.chain);
  const AddressId to =
      world_.NewAddress(m.chain, e.holder, AddressRole::kPersonal, rng);
  if (m.pool) {
    const Amount gas = world_.GasFee(m.chain, t, params.call_gas);
    const Amount relayer_fee = Bps(e.amount, m.fee_bps);
    const InputSpec in[2] = {{OutputId::kNone, m.pool_address[e.b], e.amount},
                             {OutputId::kNone, m.relayer, gas}};
    const OutputSpec out[2] = {{to, e.amount - relayer_fee},
                               {m.relayer, relayer_fee}};
    if (m.asset == params.native) {
      world_.AccountTx(
          m.chain, t, m.asset, in,
          std::span<const OutputSpec>(out, relayer_fee > 0 ? 2 : 1), gas);
    } else {
      // A token pool: the relayer pays the gas as the first input's
      // address would; here the pool pays in tokens and gas is native.
      world_.AccountTx(
          m.chain, t, m.asset, {&in[0], 1},
          std::span<const OutputSpec>(out, relayer_fee > 0 ? 2 : 1), 0);
    }
  } else {
    World::PayOptions pay;
    pay.order = CoinOrder::kRandom;
    pay.change_to =
        world_.NewAddress(m.chain, m.entity, AddressRole::kService, rng);
    const OutputSpec out{to, e.amount};
    world_.PayUtxo(m.chain, t, m.entity, {&out, 1}, pay, rng);
  }
}

void Simulation::OnCoinJoinRound(const Event& e) {
  CoinJoinState& c = coinjoins_[e.a];
  if (c.multi_denomination) return OnMultiDenominationRound(e);
  Rng& rng = c.rng;
  const Seconds t = e.time;
  const ChainParams& params = world_.params(c.chain);
  const double rate = params.fee_rate.At(t);
  const int want =
      static_cast<int>(rng.Between(c.min_participants, c.max_participants));
  const Amount coordinator_fee = Bps(c.denomination, c.fee_bps);
  coins_.clear();
  outs_.clear();
  std::vector<CoinJoinJoiner> joined;
  Amount fees_in = 0;
  for (int tries = 0;
       tries < want * 3 && static_cast<int>(joined.size()) < want; ++tries) {
    const EntityId user = RandomUser(c.chain, rng, false);
    if (user == EntityId::kNone) break;
    if (HasJoined(joined, user)) continue;
    const Amount share =
        VbytesFee(rate, 2 * params.input_vbytes + 2 * params.output_vbytes);
    const Amount need = c.denomination + coordinator_fee + share;
    const std::size_t first = coins_.size();
    const Amount got = world_.TakeCoins(c.chain, user, Purse::kMain, need, 2,
                                        CoinOrder::kNewestFirst, rng, &coins_);
    if (got == 0) continue;
    joined.push_back(CoinJoinJoiner{user, first, coins_.size() - first});
    outs_.push_back(OutputSpec{
        world_.NewAddress(c.chain, user, AddressRole::kPersonal, rng),
        c.denomination});
    const Amount change = got - need;
    if (change > 546) {
      outs_.push_back(OutputSpec{
          world_.NewAddress(c.chain, user, AddressRole::kPersonal, rng),
          change});
    } else {
      fees_in += change;
    }
    fees_in += coordinator_fee + share;
  }
  // Attackers waiting for this coordinator take their seats.
  Amount attacker_fees = 0;
  const std::vector<CoinJoinSeatRef> seated =
      SeatAttackers(c, rate, &attacker_fees);
  const bool ready =
      static_cast<int>(joined.size() + seated.size()) >= c.min_participants;
  if (ready) {
    PayCoordinator(
        c, rate,
        coordinator_fee * static_cast<Amount>(joined.size()) + attacker_fees);
    // Outputs in a random order, as coordinators shuffle them.
    for (std::size_t i = outs_.size(); i > 1; --i) {
      std::swap(outs_[i - 1], outs_[rng.Below(i)]);
    }
  }
  CloseCoinJoinRound(c, e, ready, coins_, seated, joined);
}

void Simulation::PayCoordinator(const CoinJoinState& c, double rate,
                                Amount fees) {
  const ChainParams& params = world_.params(c.chain);
  const Amount coord =
      fees - VbytesFee(rate, params.tx_vbytes + params.output_vbytes);
  if (coord > 546) outs_.push_back(OutputSpec{c.fee_address, coord});
}

void Simulation::CloseCoinJoinRound(CoinJoinState& c, const Event& e,
                                    bool ready,
                                    std::span<const OutputId> inputs,
                                    const std::vector<CoinJoinSeatRef>& seated,
                                    const std::vector<CoinJoinJoiner>& joined) {
  TxId tx = TxId::kNone;
  if (ready) {
    const TxStore& store = file_->ledger.txs(c.chain);
    Amount in = 0;
    for (OutputId o : inputs) in += store.output_amount(o);
    Amount out = 0;
    for (const OutputSpec& o : outs_) out += o.amount;
    if (in > out)
      tx = world_.SpendUtxo(c.chain, e.time, inputs, outs_, in - out);
  }
  SettleSeats(c, seated, tx);
  if (tx == TxId::kNone) {
    // Too few participants (or too little to pay the fees): everyone keeps
    // their coins.
    for (const CoinJoinJoiner& j : joined) {
      world_.ReturnCoins(
          c.chain, j.user, Purse::kMain,
          std::span<const OutputId>(coins_).subspan(j.first_coin, j.coins));
    }
  }
  Schedule(e.time + c.interval, Ev::kCoinJoinRound, e.a);
}

void Simulation::OnBridgeLock(const Event& e) {
  BridgeState& b = bridges_[e.a];
  Rng& rng = b.rng;
  const Seconds t = e.time;
  const std::uint32_t from = rng.Bernoulli(0.5) ? 1 : 0;
  const ChainId chain = b.side[from];
  const ChainParams& params = world_.params(chain);
  const EntityId user = RandomUser(chain, rng, false);
  const Amount amount =
      UsdToUnits(params.native, t, PaymentUsd(chain, rng) * 10);
  bool locked = false;
  if (user != EntityId::kNone && amount > 0) {
    if (params.utxo) {
      const OutputSpec to{b.address[from], amount};
      locked = world_.PayUtxo(chain, t, user, {&to, 1}, {}, rng) != TxId::kNone;
    } else {
      const AddressId payer = RichestAddress(chain, user, params.native);
      locked = payer != AddressId::kNone &&
               world_.Transfer(chain, t, params.native, payer, b.address[from],
                               amount, params.call_gas) != TxId::kNone;
    }
  }
  if (locked) {
    const ChainId other = b.side[1 - from];
    const AssetId out_asset = world_.params(other).native;
    const double usd = UnitsToUsd(params.native, t, amount);
    const Amount release = UsdToUnits(out_asset, t, usd);
    Schedule(t + b.delay, Ev::kBridgeRelease, e.a, 1 - from, user,
             release - Bps(release, b.fee_bps));
  }
  Schedule(t + 1 + static_cast<Seconds>(rng.Exponential(b.mean_gap)),
           Ev::kBridgeLock, e.a);
}

void Simulation::OnBridgeRelease(const Event& e) {
  BridgeState& b = bridges_[e.a];
  const ChainId chain = b.side[e.b];
  const ChainParams& params = world_.params(chain);
  const AddressId to =
      world_.NewAddress(chain, e.holder, AddressRole::kPersonal, b.rng);
  if (e.amount <= 0) return;
  if (params.utxo) {
    World::PayOptions pay;
    pay.order = CoinOrder::kRandom;
    pay.change_to = b.address[e.b];
    const OutputSpec out{to, e.amount};
    world_.PayUtxo(chain, e.time, b.entity, {&out, 1}, pay, b.rng);
  } else {
    world_.Transfer(chain, e.time, params.native, b.address[e.b], to, e.amount,
                    params.call_gas);
  }
}

Simulation::ArbitrageTrade Simulation::Arbitrage(const DexState& d, Amount r0,
                                                 Amount r1, Seconds t) const {
  // The market price of one base unit of asset 0 in base units of asset 1,
  // and the pool's marginal price r1 / r0. Selling asset s until the pool
  // prices it at the market moves its reserve to sqrt(k / p_s), k = r0 r1
  // and p_s the market price of s in the other asset; the fee is ignored in
  // the size, so the trade stops just short of the market.
  if (r0 <= 0 || r1 <= 0) return {};
  const AssetInfo& a0 = file_->ledger.asset(d.asset[0]);
  const AssetInfo& a1 = file_->ledger.asset(d.asset[1]);
  const double usd0 = a0.UsdAt(t) / std::pow(10.0, a0.decimals);
  const double usd1 = a1.UsdAt(t) / std::pow(10.0, a1.decimals);
  if (!(usd0 > 0) || !(usd1 > 0)) return {};
  const double market = usd0 / usd1;
  const double pool = static_cast<double>(r1) / static_cast<double>(r0);
  const double band = 1.0 + static_cast<double>(d.fee_bps) / 10000.0;
  const double k = static_cast<double>(r0) * static_cast<double>(r1);
  double gap = 0;
  int side = 0;
  if (pool > market * band) {
    gap = std::sqrt(k / market) - static_cast<double>(r0);
  } else if (pool * band < market) {
    side = 1;
    gap = std::sqrt(k * market) - static_cast<double>(r1);
  }
  if (!(gap >= 1) || gap > 9e18) return {};
  return ArbitrageTrade{side, static_cast<Amount>(gap)};
}

void Simulation::OnDexSwap(const Event& e) {
  DexState& d = dexes_[e.a];
  Rng& rng = d.rng;
  const Seconds t = e.time;
  const ChainParams& params = world_.params(d.chain);
  const bool arbitrage = d.arbitrage_address != AddressId::kNone &&
                         rng.Bernoulli(d.arbitrage_share);
  const ArbitrageTrade arb =
      arbitrage ? Arbitrage(d, world_.Balance(d.asset[0], d.pool),
                            world_.Balance(d.asset[1], d.pool), t)
                : ArbitrageTrade{};
  const EntityId user =
      arb.amount > 0 ? d.arbitrageur : RandomUser(d.chain, rng, false);
  const int side = arb.amount > 0 ? arb.side : (rng.Bernoulli(0.5) ? 1 : 0);
  const AssetId in_asset = d.asset[side];
  const AssetId out_asset = d.asset[1 - side];
  if (user != EntityId::kNone) {
    const AddressId from = arb.amount > 0
                               ? d.arbitrage_address
                               : RichestAddress(d.chain, user, in_asset);
    if (from != AddressId::kNone) {
      Amount x = arb.amount > 0
                     ? arb.amount
                     : UsdToUnits(in_asset, t, PaymentUsd(d.chain, rng));
      const Amount balance = world_.Balance(in_asset, from);
      x = std::min(x, arb.amount > 0 ? balance - balance / 10 : balance / 2);
      const Amount rin = world_.Balance(in_asset, d.pool);
      const Amount rout = world_.Balance(out_asset, d.pool);
      if (x > 0 && rin > 0 && rout > 0) {
        const double eff = static_cast<double>(x - Bps(x, d.fee_bps));
        const auto y =
            static_cast<Amount>(std::floor(static_cast<double>(rout) * eff /
                                           (static_cast<double>(rin) + eff)));
        const std::int64_t gas = params.call_gas;
        if (y > 0 && y < rout &&
            world_.Transfer(d.chain, t, in_asset, from, d.pool, x, gas) !=
                TxId::kNone) {
          world_.Transfer(d.chain, t, out_asset, d.pool, from, y, 0);
        }
      }
    }
  }
  Schedule(t + 1 + static_cast<Seconds>(rng.Exponential(d.mean_gap)),
           Ev::kDexSwap, e.a);
}

}  // namespace chaintrace::sim
