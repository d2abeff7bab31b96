#include "sim/launder/attack_run.h"

#include <algorithm>
#include <cstdlib>
#include <string>
#include <utility>

#include "model/amount.h"
#include "model/time.h"
#include "sim/launder/moves.h"

namespace chaintrace::sim::launder {

AttackRun::AttackRun(const scenario::Attack& spec, const scenario::Plan& plan,
                     AttackId attack, std::uint32_t run, EntityId attacker,
                     VictimWallets victim, Seconds at, std::uint64_t seed,
                     std::size_t chains)
    : spec_(spec),
      plan_(plan),
      run_(run),
      victim_(std::move(victim)),
      start_(at),
      rng_(Rng::Stream(seed, "launder/" + spec.name())),
      gas_wallets_(chains, AddressId::kNone),
      seed_(seed) {
  book_.attack = attack;
  ctx_.attack = attack;
  ctx_.run = run;
  ctx_.attacker = attacker;
  ctx_.book = &book_;
  ctx_.gas_wallets = &gas_wallets_;
  ctx_.kind = "theft";
  ctx_.rng = &rng_;
}

void AttackRun::Bind(World* world, Venues* venues) {
  ctx_.world = world;
  ctx_.venues = venues;
}

void AttackRun::Schedule(Venues* venues, Seconds t) const {
  venues->Wake(run_, t);
}

void AttackRun::Resolve(World* world, Venues* venues) {
  resolved_ = true;
  const Ledger& ledger = world->ledger();
  const int bursts = std::max(1, spec_.burst_transactions());
  for (const scenario::Theft& t : spec_.thefts()) {
    AssetId asset = AssetId::kNone;
    for (std::size_t i = 0; i < ledger.asset_count(); ++i) {
      if (ledger.asset(IdFromIndex<AssetId>(i)).name == t.asset()) {
        asset = IdFromIndex<AssetId>(i);
      }
    }
    if (asset == AssetId::kNone) continue;
    Amount amount = 0;
    if (!t.amount().empty()) {
      amount = ParseUnits(ledger, asset, t.amount());
    } else {
      amount = venues->UsdToUnits(asset, start_,
                                  std::strtod(t.usd().c_str(), nullptr));
    }
    if (amount <= 0) continue;
    thefts_.push_back(Theft{ledger.asset(asset).chain, asset, amount,
                            std::max<Amount>(1, amount / bursts)});
  }
  bursts_left_ = bursts;
}

bool AttackRun::Steal(World* world, const Theft& theft, Amount amount) {
  World& w = *world;
  const ChainId chain = theft.chain;
  const Seconds now = w.now();
  const ChainParams& params = w.params(chain);
  const AddressId hot = victim_.hot[Index(chain)];
  const AddressId cold = victim_.cold[Index(chain)];
  const AddressId to = FreshAddress(ctx_, chain);
  TxId tx = TxId::kNone;
  Amount taken = 0;
  if (params.utxo) {
    const EntityId x = victim_.entity;
    const Amount margin = w.UtxoFee(chain, now, 500, 2);
    const Amount hot_has = w.UtxoBalance(chain, x, Purse::kMain);
    if (hot_has < amount + margin && cold != AddressId::kNone) {
      World::PayOptions top;
      top.purse = Purse::kCold;
      top.change_to = cold;
      top.max_inputs = 500;
      const Amount want =
          std::min(amount + margin - hot_has,
                   w.UtxoBalance(chain, x, Purse::kCold) - margin);
      const OutputSpec out{hot, want};
      if (want > 0) (void)w.PayUtxo(chain, now, x, {&out, 1}, top, rng_);
    }
    World::PayOptions pay;
    pay.order = CoinOrder::kRandom;
    pay.change_to = hot;
    pay.max_inputs = 500;
    for (int attempt = 0; attempt < 2 && tx == TxId::kNone; ++attempt) {
      if (attempt == 1) {
        // Take what the hot wallet has (bounded by 500 inputs).
        std::vector<OutputId> coins;
        const Amount all = w.TakeCoins(chain, x, Purse::kMain, 0, 500,
                                       CoinOrder::kRandom, rng_, &coins);
        w.ReturnCoins(chain, x, Purse::kMain, coins);
        amount = std::min(amount, all - margin);
        if (amount <= 0) break;
      }
      const OutputSpec out{to, amount};
      tx = w.PayUtxo(chain, now, x, {&out, 1}, pay, rng_);
    }
    taken = tx == TxId::kNone ? 0 : amount;
  } else {
    const bool token = theft.asset != params.native;
    const std::int64_t gas = token ? params.token_gas : params.transfer_gas;
    const Amount fee = w.GasFee(chain, now, gas);
    const Amount need = amount + (token ? 0 : fee);
    if (w.Balance(theft.asset, hot) < need && cold != AddressId::kNone) {
      const Amount move =
          std::min(need - w.Balance(theft.asset, hot),
                   w.Balance(theft.asset, cold) - (token ? 0 : fee));
      if (move > 0)
        (void)w.Transfer(chain, now, theft.asset, cold, hot, move, gas);
    }
    amount = std::min(amount, w.Balance(theft.asset, hot) - (token ? 0 : fee));
    if (amount > 0) {
      tx = w.Transfer(chain, now, theft.asset, hot, to, amount, gas);
    }
    taken = tx == TxId::kNone ? 0 : amount;
  }
  if (tx == TxId::kNone) return false;
  const OutputId out = OutputTo(w.ledger().txs(chain), tx, to);
  (void)w.truth().SetTx(chain, tx, ctx_.attack, "theft", -1, 0);
  w.truth().SetStolen(chain, out, taken, ctx_.attack);
  TheftReport report;
  report.attack = spec_.name();
  report.chain = chain;
  report.tx = tx;
  report.output = out;
  report.asset = theft.asset;
  report.amount = taken;
  (void)w.ledger().AddTheft(report);
  StageBook& book = book_.Entry(-1, theft.asset);
  book.in += taken;
  book.out += taken;
  lots_.push_back(Lot{chain, theft.asset, to,
                      params.utxo ? out : OutputId::kNone, taken, 0});
  return true;
}

void AttackRun::StealOnce(World* world) {
  for (Theft& t : thefts_) {
    if (t.left <= 0) continue;
    const Amount want =
        bursts_left_ <= 1 ? t.left : std::min(t.left, t.per_burst);
    const std::size_t before = lots_.size();
    const bool ok = Steal(world, t, want);
    const Amount got = ok && lots_.size() > before ? lots_.back().amount : 0;
    t.left -= want;
    if (got < want) {
      bool found = false;
      for (auto& [asset, missing] : shortfall_) {
        if (asset == t.asset) {
          missing += want - got;
          found = true;
        }
      }
      if (!found) shortfall_.emplace_back(t.asset, want - got);
    }
  }
}

void AttackRun::StartStage() {
  const scenario::Stage& spec = plan_.stages(stage_);
  ctx_.kind = StageKindName(spec);
  ctx_.index = stage_;
  ctx_.spec = &spec;
  stage_rng_ = Rng::Stream(seed_, "launder/" + spec_.name() + "/stage",
                           static_cast<std::uint64_t>(stage_));
  ctx_.rng = &stage_rng_;
  ctx_.in = std::move(lots_);
  lots_.clear();
  ctx_.out.clear();
  for (const Lot& l : ctx_.in) ctx_.Book(l.asset).in += l.amount;
  current_ = MakeStage(spec);
  // Only `fraction` of the value goes through the stage; the rest passes
  // on untouched (a lot is cut in two when needed: on UTXO by a transaction
  // to a fresh address, on ACCOUNT in place).
  if (spec.fraction() < 1.0) PassOn(spec.fraction());
}

void AttackRun::PassOn(double fraction) {
  // Per asset, the share 1 - fraction of the value, taken from the last
  // lots first; one lot is cut in two when no whole lots fit.
  std::vector<AssetId> assets;
  for (const Lot& l : ctx_.in) {
    if (std::find(assets.begin(), assets.end(), l.asset) == assets.end()) {
      assets.push_back(l.asset);
    }
  }
  for (AssetId asset : assets) {
    Amount total = 0;
    for (const Lot& l : ctx_.in) total += l.asset == asset ? l.amount : 0;
    Amount pass =
        total - static_cast<Amount>(fraction * static_cast<double>(total));
    std::vector<Lot> keep;
    for (auto it = ctx_.in.rbegin(); it != ctx_.in.rend(); ++it) {
      if (it->asset == asset && pass > 0 && it->amount <= pass) {
        pass -= it->amount;
        ctx_.Emit(*it);
      } else {
        keep.push_back(*it);
      }
    }
    std::reverse(keep.begin(), keep.end());
    for (auto it = keep.begin(); pass > 0 && it != keep.end(); ++it) {
      if (it->asset != asset) continue;
      if (!ctx_.world->params(it->chain).utxo) {
        // An account balance divides without a transaction: the part
        // passed on stays at the address as a lot of its own.
        Lot part = *it;
        part.amount = pass;
        it->amount -= pass;
        ctx_.Emit(part);
        break;
      }
      Dest d{FreshAddress(ctx_, it->chain), pass};
      Moved m = Send(ctx_, *it, {&d, 1});
      for (const Lot& l : m.lots) ctx_.Emit(l);
      if (it->amount <= 0) keep.erase(it);
      break;
    }
    ctx_.in = std::move(keep);
  }
}

void AttackRun::Wake(World* world, Venues* venues) {
  if (finished_) return;
  Bind(world, venues);
  const Seconds now = world->now();
  if (!resolved_) Resolve(world, venues);
  if (bursts_left_ > 0) {
    StealOnce(world);
    --bursts_left_;
    if (bursts_left_ > 0) {
      Schedule(
          venues,
          now + std::max<Seconds>(
                    1, ParseDuration(spec_.burst_interval()).value_or(600)));
      return;
    }
    lots_stage_ = -1;
    if (plan_.stages_size() == 0) {
      HoldHandedOn(-1, lots_);
      finished_ = true;
      return;
    }
    Schedule(venues, now + ParseDuration(plan_.stages(0).delay()).value_or(0));
    return;
  }
  if (current_ == nullptr) {
    ++stage_;
    StartStage();
  }
  const Seconds next = current_->Step(ctx_);
  if (next != kDone) {
    Schedule(venues, std::max(next, now + 1));
    return;
  }
  // The stage is done: what it handed on waits for the next one.
  current_.reset();
  lots_ = std::move(ctx_.out);
  ctx_.out.clear();
  lots_stage_ = stage_;
  for (const Lot& l : ctx_.in) ctx_.Hold(l);  // left unused
  ctx_.in.clear();
  if (stage_ + 1 >= plan_.stages_size()) {
    HoldHandedOn(stage_, lots_);
    lots_.clear();
    finished_ = true;
    return;
  }
  Schedule(venues,
           now + ParseDuration(plan_.stages(stage_ + 1).delay()).value_or(0));
}

void AttackRun::HoldHandedOn(std::int32_t stage, const std::vector<Lot>& lots) {
  for (const Lot& l : lots) {
    StageBook& b = book_.Entry(stage, l.asset);
    b.out -= l.amount;
    b.held += l.amount;
  }
}

void AttackRun::Finish(World* world, Venues* venues) {
  if (finished_) return;
  Bind(world, venues);
  finished_ = true;
  if (current_ != nullptr) {
    current_->Abandon(ctx_);
    for (const Lot& l : ctx_.in) ctx_.Hold(l);
    ctx_.in.clear();
    HoldHandedOn(stage_, ctx_.out);
    ctx_.out.clear();
    current_.reset();
  }
  HoldHandedOn(lots_stage_, lots_);
  lots_.clear();
}

}  // namespace chaintrace::sim::launder
