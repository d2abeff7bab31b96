// dex_swap: token -> native (or any pair of the pool) on a constant-product
// DEX pool (x*y = k, fee_bps taken from the input), at the pool's price
// (documented first step of 2021: "swap ERC-20 tokens for ETH on DEXes",
// Chainalysis 2022). Each lot of one of the pool's assets other than
// to_asset is sent to the pool in swaps of at most max_swap; the pool pays
// to_asset back to a fresh attacker address in an internal transfer (no
// gas), which the truth marks as the attack's. Other lots pass on.
// Books: the input is in_services until paid; then the pool fee is a
// service fee, the rest converted_out; the payout is converted_in.

#include <algorithm>
#include <cmath>

#include "sim/launder/moves.h"
#include "sim/launder/stage.h"

namespace chaintrace::sim::launder {
namespace {

class DexSwapStage final : public Stage {
 public:
  explicit DexSwapStage(const scenario::DexSwap& spec) : spec_(spec) {}

  Seconds Step(StageContext& ctx) override {
    const DexVenue* dex = Venues::Find(ctx.venues->dexes, spec_.dex());
    std::vector<Lot> lots = std::move(ctx.in);
    ctx.in.clear();
    for (Lot& l : lots) {
      const int side = dex == nullptr || l.chain != dex->chain ? -1
                       : l.asset == dex->asset[0]              ? 0
                       : l.asset == dex->asset[1]              ? 1
                                                               : -1;
      if (side < 0 ||
          Name(ctx, dex->asset[1 - side]) != Target(ctx, dex, side)) {
        ctx.Emit(l);
        continue;
      }
      Swap(ctx, *dex, side, l);
      if (l.amount > 0) ctx.Emit(l);
    }
    return kDone;
  }

 private:
  static std::string Name(StageContext& ctx, AssetId a) {
    return ctx.world->ledger().asset(a).name;
  }
  // The asset wanted for a lot on `side`: to_asset, or the pool's other one.
  std::string Target(StageContext& ctx, const DexVenue* dex, int side) const {
    return spec_.to_asset().empty() ? Name(ctx, dex->asset[1 - side])
                                    : spec_.to_asset();
  }

  void Swap(StageContext& ctx, const DexVenue& dex, int side, Lot& lot) {
    World& w = *ctx.world;
    const AssetId in_asset = dex.asset[side];
    const AssetId out_asset = dex.asset[1 - side];
    const Amount cap = ParseUnits(w.ledger(), in_asset, spec_.max_swap());
    const bool native = in_asset == w.params(lot.chain).native;
    const Amount gas = TransferGas(ctx, lot.chain, !native);
    while (lot.amount > (native ? gas : 0)) {
      Amount x = lot.amount - (native ? gas : 0);
      if (cap > 0) x = std::min(x, cap);
      const Amount rin = w.Balance(in_asset, dex.pool);
      const Amount rout = w.Balance(out_asset, dex.pool);
      const Amount fee = Bps(x, dex.fee_bps);
      const double eff = static_cast<double>(x - fee);
      const auto y = static_cast<Amount>(std::floor(
          static_cast<double>(rout) * eff / (static_cast<double>(rin) + eff)));
      if (x <= 0 || y <= 0 || y >= rout) return;
      Dest d{dex.pool, x, DestKind::kService};
      if (SendAccount(ctx, lot, d).tx == TxId::kNone) return;
      const AddressId to = FreshAddress(ctx, lot.chain);
      const TxId paid =
          w.Transfer(lot.chain, ctx.now(), out_asset, dex.pool, to, y, 0);
      if (paid == TxId::kNone) return;  // the claim stays with the pool
      const OutputId o = *w.ledger().txs(lot.chain).outputs(paid).begin();
      MarkPayout(ctx, lot.chain, paid, o, y, lot.hop + 1);
      StageBook& in = ctx.Book(in_asset);
      in.in_services -= x;
      in.service_fees += fee;
      in.converted_out += x - fee;
      ctx.Book(out_asset).converted_in += y;
      ctx.Emit(Lot{lot.chain, out_asset, to, OutputId::kNone, y, lot.hop + 1});
    }
  }

  const scenario::DexSwap& spec_;
};

}  // namespace

std::unique_ptr<Stage> MakeDexSwap(const scenario::DexSwap& spec) {
  return std::make_unique<DexSwapStage>(spec);
}

}  // namespace chaintrace::sim::launder
