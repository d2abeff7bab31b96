#include "sim/launder/moves.h"

#include <algorithm>
#include <string>

namespace chaintrace::sim::launder {
namespace {

// Change at or below this many base units is left to the fee (as wallets
// do with dust).
constexpr Amount kDust = 546;

void MarkTx(StageContext& ctx, ChainId chain, TxId tx, std::int32_t hop) {
  (void)ctx.truth().SetTx(chain, tx, ctx.attack, ctx.kind, ctx.index, hop);
}

// Books a destination of a move and marks its output.
void Land(StageContext& ctx, ChainId chain, TxId tx, AssetId asset,
          const Dest& d, OutputId o, std::int32_t hop, Moved* moved) {
  ctx.truth().SetStolen(chain, o, d.amount, ctx.attack);
  StageBook& book = ctx.Book(asset);
  switch (d.kind) {
    case DestKind::kAttacker:
      moved->lots.push_back(Lot{
          chain, asset, d.address,
          ctx.world->params(chain).utxo ? o : OutputId::kNone, d.amount, hop});
      break;
    case DestKind::kCashOut: {
      book.cashed_out += d.amount;
      CashOut c;
      c.attack = ctx.attack;
      c.exchange = d.venue;
      c.chain = chain;
      c.tx = tx;
      c.output = o;
      c.address = d.address;
      c.asset = asset;
      c.amount = d.amount;
      c.usd = ctx.venues->UnitsToUsd(asset, ctx.now(), d.amount);
      c.time = ctx.now();
      ctx.truth().AddCashOut(c);
      if (d.exchange != static_cast<std::size_t>(-1)) {
        ctx.venues->QueueSweep(d.exchange, chain, d.address);
      }
      break;
    }
    case DestKind::kService:
      book.in_services += d.amount;
      break;
  }
}

}  // namespace

AddressId FreshAddress(StageContext& ctx, ChainId chain) {
  return ctx.world->NewAddress(chain, ctx.attacker, AddressRole::kPersonal,
                               *ctx.rng);
}

Moved SendUtxo(StageContext& ctx, std::span<const Lot> from,
               std::span<const Dest> to, bool sweep) {
  Moved moved;
  if (from.empty() || to.empty()) return moved;
  World& w = *ctx.world;
  const ChainId chain = from[0].chain;
  const AssetId asset = w.params(chain).native;
  Amount have = 0;
  std::int32_t hop = 0;
  std::vector<OutputId> coins;
  coins.reserve(from.size());
  for (const Lot& l : from) {
    have += l.amount;
    hop = std::max(hop, l.hop);
    coins.push_back(l.output);
  }
  ++hop;
  const Amount fixed =
      ParseUnits(w.ledger(), asset, ctx.fingerprint().fixed_fee());
  Amount fee = fixed > 0 ? fixed
                         : w.UtxoFee(chain, ctx.now(), from.size(),
                                     to.size() + (sweep ? 0 : 1));
  std::vector<Dest> dests(to.begin(), to.end());
  Amount want = 0;
  for (std::size_t i = 0; i + 1 < dests.size(); ++i) want += dests[i].amount;
  if (sweep) dests.back().amount = have - want - fee;
  want += dests.back().amount;
  if (dests.back().amount <= 0 || have < want + fee) return moved;
  Amount change = have - want - fee;
  std::vector<OutputSpec> outs;
  outs.reserve(dests.size() + 1);
  for (const Dest& d : dests) outs.push_back(OutputSpec{d.address, d.amount});
  std::size_t change_at = outs.size() + 1;  // none
  AddressId change_to = AddressId::kNone;
  if (change > kDust) {
    change_to = FreshAddress(ctx, chain);
    change_at = ctx.rng->Below(outs.size() + 1);
    outs.insert(outs.begin() + static_cast<std::ptrdiff_t>(change_at),
                OutputSpec{change_to, change});
  } else {
    fee += change;
    change = 0;
  }
  const TxId tx = w.SpendUtxo(chain, ctx.now(), coins, outs, fee);
  if (tx == TxId::kNone) return moved;
  moved.tx = tx;
  MarkTx(ctx, chain, tx, hop);
  ctx.Book(asset).network_fees += fee;
  const TxStore& store = w.ledger().txs(chain);
  const auto range = store.outputs(tx);
  std::size_t k = 0;
  for (std::size_t i = 0; i < outs.size(); ++i) {
    const OutputId o = range[i];
    if (i == change_at) {
      ctx.truth().SetStolen(chain, o, change, ctx.attack);
      moved.change = Lot{chain, asset, change_to, o, change, hop};
      continue;
    }
    Land(ctx, chain, tx, asset, dests[k++], o, hop, &moved);
  }
  return moved;
}

Amount TransferGas(const StageContext& ctx, ChainId chain, bool token) {
  const ChainParams& p = ctx.world->params(chain);
  return ctx.world->GasFee(chain, ctx.now(),
                           token ? p.token_gas : p.transfer_gas);
}

bool WithdrawGas(StageContext& ctx, ChainId chain, AddressId to,
                 Amount amount) {
  World& w = *ctx.world;
  const AssetId native = w.params(chain).native;
  const std::size_t n = ctx.venues->exchanges.size();
  if (n == 0) return false;
  const std::size_t first = ctx.rng->Below(n);
  const Amount gas = TransferGas(ctx, chain, false);
  for (std::size_t k = 0; k < n; ++k) {
    const ExchangeVenue& x = ctx.venues->exchanges[(first + k) % n];
    if (Index(chain) >= x.hot.size() ||
        x.hot[Index(chain)] == AddressId::kNone) {
      continue;
    }
    const AddressId hot = x.hot[Index(chain)];
    if (w.Balance(native, hot) < amount + gas) continue;
    const TxId tx = w.Transfer(chain, ctx.now(), native, hot, to, amount,
                               w.params(chain).transfer_gas);
    if (tx == TxId::kNone) continue;
    (void)ctx.truth().SetTx(chain, tx, ctx.attack, "gas", ctx.index, -1);
    return true;
  }
  return false;
}

bool FundGas(StageContext& ctx, ChainId chain, AddressId address, Amount need) {
  World& w = *ctx.world;
  const AssetId native = w.params(chain).native;
  const Amount have = w.Balance(native, address);
  if (have >= need) return true;
  const Amount top_up = (need - have) * 2;
  if (!ctx.fingerprint().reuse_gas_funding()) {
    return WithdrawGas(ctx, chain, address, top_up);
  }
  AddressId& wallet = (*ctx.gas_wallets)[Index(chain)];
  const Amount gas = TransferGas(ctx, chain, false);
  if (wallet == AddressId::kNone) wallet = FreshAddress(ctx, chain);
  if (w.Balance(native, wallet) < top_up + gas &&
      !WithdrawGas(ctx, chain, wallet, 20 * (top_up + gas))) {
    return false;
  }
  const TxId tx = w.Transfer(chain, ctx.now(), native, wallet, address, top_up,
                             w.params(chain).transfer_gas);
  if (tx == TxId::kNone) return false;
  (void)ctx.truth().SetTx(chain, tx, ctx.attack, "gas", ctx.index, -1);
  return true;
}

Moved SendAccount(StageContext& ctx, Lot& from, const Dest& to) {
  Moved moved;
  World& w = *ctx.world;
  const ChainId chain = from.chain;
  const bool token = from.asset != w.params(chain).native;
  const Amount gas = TransferGas(ctx, chain, token);
  if (to.amount <= 0) return moved;
  if (token) {
    if (to.amount > from.amount) return moved;
    if (!FundGas(ctx, chain, from.address, gas)) return moved;
  } else if (to.amount + gas > from.amount) {
    return moved;
  }
  const ChainParams& p = w.params(chain);
  const TxId tx =
      w.Transfer(chain, ctx.now(), from.asset, from.address, to.address,
                 to.amount, token ? p.token_gas : p.transfer_gas);
  if (tx == TxId::kNone) return moved;
  moved.tx = tx;
  const std::int32_t hop = from.hop + 1;
  MarkTx(ctx, chain, tx, hop);
  from.amount -= to.amount;
  if (!token) {
    from.amount -= gas;
    ctx.Book(from.asset).network_fees += gas;
  }
  from.hop = hop;
  const OutputId o = *w.ledger().txs(chain).outputs(tx).begin();
  Land(ctx, chain, tx, from.asset, to, o, hop, &moved);
  return moved;
}

Moved Send(StageContext& ctx, Lot& from, std::span<const Dest> to) {
  if (!ctx.world->params(from.chain).utxo) {
    Moved all;
    for (const Dest& d : to) {
      Moved m = SendAccount(ctx, from, d);
      if (m.tx == TxId::kNone) break;
      all.tx = m.tx;
      for (const Lot& l : m.lots) all.lots.push_back(l);
    }
    return all;
  }
  Moved m = SendUtxo(ctx, {&from, 1}, to, false);
  if (m.tx == TxId::kNone) return m;
  if (m.change) {
    from = *m.change;
  } else {
    from.amount = 0;
  }
  return m;
}

Moved SendAll(StageContext& ctx, Lot& from, Dest to) {
  if (ctx.world->params(from.chain).utxo) {
    Moved m = SendUtxo(ctx, {&from, 1}, {&to, 1}, true);
    if (m.tx != TxId::kNone) from.amount = 0;
    return m;
  }
  const bool token = from.asset != ctx.world->params(from.chain).native;
  to.amount =
      token ? from.amount : from.amount - TransferGas(ctx, from.chain, false);
  return SendAccount(ctx, from, to);
}

OutputId OutputTo(const TxStore& store, TxId tx, AddressId to) {
  OutputId out = OutputId::kNone;
  for (OutputId o : store.outputs(tx)) {
    if (store.output_address(o) == to) out = o;
  }
  return out;
}

void MarkPayout(StageContext& ctx, ChainId chain, TxId tx, OutputId output,
                Amount stolen, std::int32_t hop) {
  MarkTx(ctx, chain, tx, hop);
  ctx.truth().SetStolen(chain, output, stolen, ctx.attack);
}

Amount BelowRound(Amount x, Rng& rng) {
  if (x < 10) return x;
  // The largest 1/2/5 x 10^k not above x.
  Amount round = 1;
  while (round <= x / 10) round *= 10;
  if (round * 5 <= x) {
    round *= 5;
  } else if (round * 2 <= x) {
    round *= 2;
  }
  // Just below it: 0.1 % to 1 % less.
  const Amount below = std::max<Amount>(
      1, round / 1000 * static_cast<Amount>(rng.Between(1, 10)));
  return std::max<Amount>(1, round - below);
}

Amount ParseUnits(const Ledger& ledger, AssetId asset,
                  const std::string& text) {
  if (text.empty() || asset == AssetId::kNone) return 0;
  const auto r = ParseDecimalAmount(text, ledger.asset(asset).decimals);
  return r.ok() && *r > 0 ? *r : 0;
}

}  // namespace chaintrace::sim::launder
