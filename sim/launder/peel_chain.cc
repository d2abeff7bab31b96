// peel_chain: each lot walks a chain of `hops` hops; every hop sends a small
// peel away and the rest (the change) to a fresh attacker address, which
// makes the next hop after about hop_interval. A peel is peel_fraction of
// the value entering the hop, jittered by +-peel_jitter, so peels shrink
// slowly along the chain (documented scripted chains: 5,600 BTC peeled in
// 146 hops of ~38 BTC; 80.9 BTC in 119 hops of ~0.68 BTC — UN Panel 2019,
// Chainalysis). Peels go to exchange deposit
// addresses of fake accounts (a cash-out), to fresh attacker wallets
// (handed on to the next stage), or to services (an OTC desk, a cash-out).
// What is left after the last hop is handed on. ACCOUNT chains make a hop
// of two transfers (the peel, then the rest to the fresh address).

#include <algorithm>
#include <cmath>

#include "model/time.h"
#include "sim/launder/fake_accounts.h"
#include "sim/launder/moves.h"
#include "sim/launder/stage.h"

namespace chaintrace::sim::launder {
namespace {

std::vector<ExchangeChoice> Choices(const scenario::PeelChain& spec) {
  std::vector<ExchangeChoice> c;
  for (const std::string& n : spec.exchanges()) c.push_back({n, 1.0});
  return c;
}

class PeelChainStage final : public Stage {
 public:
  explicit PeelChainStage(const scenario::PeelChain& spec)
      : spec_(spec), accounts_(Choices(spec), 12) {}

  Seconds Step(StageContext& ctx) override {
    if (!started_) {
      started_ = true;
      for (const Lot& l : ctx.in) chains_.push_back(Walk{l, 0});
      ctx.in.clear();
      interval_ = std::max<Seconds>(
          1, ParseDuration(spec_.hop_interval()).value_or(1800));
    }
    bool active = false;
    for (Walk& w : chains_) {
      if (w.lot.amount <= 0) continue;
      if (w.hops >= spec_.hops() || !Hop(ctx, w)) {
        ctx.Emit(w.lot);
        w.lot.amount = 0;
        continue;
      }
      active = true;
    }
    if (!active) return kDone;
    const double jitter = 0.5 + ctx.rng->Uniform01();
    return ctx.now() +
           std::max<Seconds>(1, static_cast<Seconds>(std::llround(
                                    jitter * static_cast<double>(interval_))));
  }

  void Abandon(StageContext& ctx) override {
    for (Walk& w : chains_) {
      if (w.lot.amount > 0) ctx.Hold(w.lot);
      w.lot.amount = 0;
    }
  }

 private:
  struct Walk {
    Lot lot;
    int hops = 0;
  };

  // One hop; false when the lot is too small to peel.
  bool Hop(StageContext& ctx, Walk& w) {
    const double j = 1 + spec_.peel_jitter() * (2 * ctx.rng->Uniform01() - 1);
    Amount peel = static_cast<Amount>(std::floor(
        spec_.peel_fraction() * j * static_cast<double>(w.lot.amount)));
    if (ctx.fingerprint().below_round_amounts())
      peel = BelowRound(peel, *ctx.rng);
    // Keep enough for the change and a few fees.
    if (peel <= 0 || peel >= w.lot.amount / 2) return false;
    Dest d;
    switch (spec_.peel_to()) {
      case scenario::ATTACKER_WALLETS:
        d = Dest{FreshAddress(ctx, w.lot.chain), peel};
        break;
      case scenario::SERVICES:
        d = OtcDest(ctx, w.lot.chain);
        if (d.address != AddressId::kNone) break;
        [[fallthrough]];
      default:
        d = accounts_.Pick(ctx, w.lot.chain);
        break;
    }
    if (d.address == AddressId::kNone) return false;
    d.amount = peel;
    const bool utxo = ctx.world->params(w.lot.chain).utxo;
    Moved m = Send(ctx, w.lot, {&d, 1});
    if (m.tx == TxId::kNone) return false;
    for (const Lot& l : m.lots) ctx.Emit(l);
    ++w.hops;
    if (!utxo && w.lot.amount > 0) {
      // The rest moves to a fresh address, as the change does on UTXO.
      Lot next = w.lot;
      Moved rest = SendAll(ctx, next, Dest{FreshAddress(ctx, w.lot.chain), 0});
      if (rest.tx == TxId::kNone || rest.lots.empty()) return true;
      w.lot = rest.lots[0];
      if (next.amount > 0) ctx.Emit(next);  // token gas leftovers stay
    }
    return true;
  }

  static Dest OtcDest(StageContext& ctx, ChainId chain) {
    Dest d;
    const auto& otcs = ctx.venues->otcs;
    for (std::size_t k = 0; k < otcs.size(); ++k) {
      const OtcVenue& o = otcs[(k + ctx.rng->Below(otcs.size())) % otcs.size()];
      if (Index(chain) < o.address.size() &&
          o.address[Index(chain)] != AddressId::kNone) {
        d.address = o.address[Index(chain)];
        d.kind = DestKind::kCashOut;
        d.venue = o.entity;
        return d;
      }
    }
    return d;
  }

  const scenario::PeelChain& spec_;
  FakeAccounts accounts_;
  std::vector<Walk> chains_;
  Seconds interval_ = 1800;
  bool started_ = false;
};

}  // namespace

std::unique_ptr<Stage> MakePeelChain(const scenario::PeelChain& spec) {
  return std::make_unique<PeelChainStage>(spec);
}

}  // namespace chaintrace::sim::launder
