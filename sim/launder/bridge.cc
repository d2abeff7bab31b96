// bridge: hop to the other chain (documented 2021: "swap mixed ETH for BTC
// via DEXes/bridges", Chainalysis 2022). Each lot on one side of the bridge
// is locked at the bridge's address there; after the bridge's delay the
// bridge releases the USD equivalent (at lock time) of the locked value
// minus its fee_bps, in to_asset (default: the other chain's native asset),
// from its own liquidity to a fresh attacker address on the other side.
// Lots on neither side pass on. A release the bridge cannot pay (no
// liquidity) leaves the value in the service (in_services).

#include <algorithm>

#include "sim/launder/moves.h"
#include "sim/launder/stage.h"

namespace chaintrace::sim::launder {
namespace {

class BridgeStage final : public Stage {
 public:
  explicit BridgeStage(const scenario::BridgeStage& spec) : spec_(spec) {}

  Seconds Step(StageContext& ctx) override {
    const BridgeVenue* b = Venues::Find(ctx.venues->bridges, spec_.bridge());
    if (!started_) {
      started_ = true;
      std::vector<Lot> lots = std::move(ctx.in);
      ctx.in.clear();
      for (Lot& l : lots) {
        const int side = b == nullptr            ? -1
                         : l.chain == b->side[0] ? 0
                         : l.chain == b->side[1] ? 1
                                                 : -1;
        if (side < 0 || !Lock(ctx, *b, side, l)) ctx.Emit(l);
      }
      return pending_.empty() ? kDone : ctx.now() + b->delay;
    }
    for (const Pending& p : pending_) Release(ctx, *b, p);
    pending_.clear();
    return kDone;
  }

 private:
  struct Pending {
    int to_side;
    AssetId from_asset;
    Amount locked;
    Amount fee;
    double usd;  // of the locked value minus the fee, at lock time
    std::int32_t hop;
  };

  bool Lock(StageContext& ctx, const BridgeVenue& b, int side, Lot& l) {
    const AssetId asset = l.asset;
    const std::int32_t hop = l.hop + 1;
    Moved m = SendAll(ctx, l, Dest{b.address[side], 0, DestKind::kService});
    if (m.tx == TxId::kNone) return false;
    // One output reaches the bridge (a sweep, or one credit).
    const TxStore& store = ctx.world->ledger().txs(b.side[side]);
    const Amount locked =
        store.output_amount(OutputTo(store, m.tx, b.address[side]));
    const Amount fee = Bps(locked, b.fee_bps);
    pending_.push_back(
        Pending{1 - side, asset, locked, fee,
                ctx.venues->UnitsToUsd(asset, ctx.now(), locked - fee), hop});
    if (l.amount > 0) ctx.Emit(l);  // left behind (dust, token gas)
    return true;
  }

  void Release(StageContext& ctx, const BridgeVenue& b, const Pending& p) {
    World& w = *ctx.world;
    const ChainId chain = b.side[p.to_side];
    AssetId asset = w.params(chain).native;
    if (!spec_.to_asset().empty()) {
      const AssetId named = w.ledger().FindAsset(chain, spec_.to_asset());
      if (named != AssetId::kNone) asset = named;
    }
    const Amount amount = ctx.venues->UsdToUnits(asset, ctx.now(), p.usd);
    if (amount <= 0) return;
    const AddressId to = FreshAddress(ctx, chain);
    TxId tx = TxId::kNone;
    if (w.params(chain).utxo) {
      World::PayOptions pay;
      pay.order = CoinOrder::kRandom;
      pay.change_to = b.address[p.to_side];
      pay.max_inputs = 500;
      const OutputSpec out{to, amount};
      tx = w.PayUtxo(chain, ctx.now(), b.entity, {&out, 1}, pay, *ctx.rng);
    } else {
      tx = w.Transfer(chain, ctx.now(), asset, b.address[p.to_side], to, amount,
                      w.params(chain).call_gas);
    }
    if (tx == TxId::kNone) return;  // no liquidity: the claim stays
    const TxStore& store = w.ledger().txs(chain);
    const OutputId o = OutputTo(store, tx, to);
    MarkPayout(ctx, chain, tx, o, amount, p.hop + 1);
    StageBook& from = ctx.Book(p.from_asset);
    from.in_services -= p.locked;
    from.service_fees += p.fee;
    from.converted_out += p.locked - p.fee;
    ctx.Book(asset).converted_in += amount;
    ctx.Emit(Lot{chain, asset, to, w.params(chain).utxo ? o : OutputId::kNone,
                 amount, p.hop + 1});
  }

  const scenario::BridgeStage& spec_;
  std::vector<Pending> pending_;
  bool started_ = false;
};

}  // namespace

std::unique_ptr<Stage> MakeBridge(const scenario::BridgeStage& spec) {
  return std::make_unique<BridgeStage>(spec);
}

}  // namespace chaintrace::sim::launder
