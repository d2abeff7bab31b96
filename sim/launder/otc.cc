// otc: an OTC desk takes the lots and pays out from its own float
// (documented: OTC brokers near fiat off-ramps, Chainalysis 2022). Each lot
// on a chain where the desk has an address is sent to the desk; after an
// hour the desk pays the USD equivalent (at deposit time) minus its fee_bps
// in pay_asset (unset: the asset deposited) from its float to a fresh
// attacker address. The coins the attacker gets back are clean coins of
// the desk's, so the trail through the desk is broken; the truth marks the
// payout as stolen value. A payout the float cannot cover leaves the value
// with the desk. (A desk buying for fiat is a peel_chain peeling to
// SERVICES: that deposit is a cash-out.)

#include "sim/launder/moves.h"
#include "sim/launder/stage.h"

namespace chaintrace::sim::launder {
namespace {

constexpr Seconds kSettle = 3600;

class OtcStage final : public Stage {
 public:
  explicit OtcStage(const scenario::OtcStage& spec) : spec_(spec) {}

  Seconds Step(StageContext& ctx) override {
    const OtcVenue* desk = Venues::Find(ctx.venues->otcs, spec_.desk());
    if (!started_) {
      started_ = true;
      std::vector<Lot> lots = std::move(ctx.in);
      ctx.in.clear();
      for (Lot& l : lots) {
        const AddressId at =
            desk == nullptr || Index(l.chain) >= desk->address.size()
                ? AddressId::kNone
                : desk->address[Index(l.chain)];
        if (at == AddressId::kNone) {
          ctx.Emit(l);
          continue;
        }
        Dest d{at, 0, DestKind::kService};
        d.venue = desk->entity;
        const AssetId asset = l.asset;
        const std::int32_t hop = l.hop + 1;
        Moved m = SendAll(ctx, l, d);
        if (m.tx != TxId::kNone) {
          // One output reaches the desk (a sweep, or one credit).
          const TxStore& store = ctx.world->ledger().txs(l.chain);
          const Amount paid = store.output_amount(OutputTo(store, m.tx, at));
          const Amount fee = Bps(paid, desk->fee_bps);
          pending_.push_back(Pending{
              asset, paid, fee,
              ctx.venues->UnitsToUsd(asset, ctx.now(), paid - fee), hop});
        }
        if (l.amount > 0) ctx.Emit(l);
      }
      return pending_.empty() ? kDone : ctx.now() + kSettle;
    }
    for (const Pending& p : pending_) Pay(ctx, *desk, p);
    pending_.clear();
    return kDone;
  }

 private:
  struct Pending {
    AssetId from_asset;
    Amount paid;
    Amount fee;
    double usd;
    std::int32_t hop;
  };

  void Pay(StageContext& ctx, const OtcVenue& desk, const Pending& p) {
    World& w = *ctx.world;
    // pay_asset (else the asset deposited) on a chain where the desk has an
    // address.
    const std::string& name = spec_.pay_asset().empty()
                                  ? w.ledger().asset(p.from_asset).name
                                  : spec_.pay_asset();
    AssetId asset = AssetId::kNone;
    ChainId chain = ChainId::kNone;
    for (ChainId c : w.ledger().chain_ids()) {
      if (Index(c) >= desk.address.size() ||
          desk.address[Index(c)] == AddressId::kNone) {
        continue;
      }
      const AssetId a = w.ledger().FindAsset(c, name);
      if (a != AssetId::kNone) {
        asset = a;
        chain = c;
        break;
      }
    }
    if (asset == AssetId::kNone) return;
    const Amount amount = ctx.venues->UsdToUnits(asset, ctx.now(), p.usd);
    if (amount <= 0) return;
    const AddressId to = FreshAddress(ctx, chain);
    TxId tx = TxId::kNone;
    if (w.params(chain).utxo) {
      World::PayOptions pay;
      pay.change_to = desk.address[Index(chain)];
      const OutputSpec out{to, amount};
      tx = w.PayUtxo(chain, ctx.now(), desk.entity, {&out, 1}, pay, *ctx.rng);
    } else {
      const bool token = asset != w.params(chain).native;
      // A desk holding only tokens buys its gas at an exchange.
      const AddressId from = desk.address[Index(chain)];
      const Amount gas = TransferGas(ctx, chain, token);
      if (token && w.Balance(w.params(chain).native, from) < gas) {
        (void)WithdrawGas(ctx, chain, from, 100 * gas);
      }
      tx = w.Transfer(
          chain, ctx.now(), asset, desk.address[Index(chain)], to, amount,
          token ? w.params(chain).token_gas : w.params(chain).transfer_gas);
    }
    if (tx == TxId::kNone) return;
    const OutputId out = OutputTo(w.ledger().txs(chain), tx, to);
    MarkPayout(ctx, chain, tx, out, amount, p.hop + 1);
    StageBook& from = ctx.Book(p.from_asset);
    from.in_services -= p.paid;
    from.service_fees += p.fee;
    from.converted_out += p.paid - p.fee;
    ctx.Book(asset).converted_in += amount;
    ctx.Emit(Lot{chain, asset, to, w.params(chain).utxo ? out : OutputId::kNone,
                 amount, p.hop + 1});
  }

  const scenario::OtcStage& spec_;
  std::vector<Pending> pending_;
  bool started_ = false;
};

}  // namespace

std::unique_ptr<Stage> MakeOtc(const scenario::OtcStage& spec) {
  return std::make_unique<OtcStage>(spec);
}

}  // namespace chaintrace::sim::launder
