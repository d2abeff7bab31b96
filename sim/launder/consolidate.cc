// consolidate: fan-in of the lots into `into` fresh addresses per chain and
// asset (documented last step before cash-out: "consolidate into fresh
// wallets", Chainalysis 2022). UTXO: lots are dealt round-robin to the
// targets, one sweeping transaction per target and batch of at most 200
// inputs; ACCOUNT: one transfer per lot to its target.

#include <algorithm>

#include "sim/launder/moves.h"
#include "sim/launder/stage.h"

namespace chaintrace::sim::launder {
namespace {

constexpr std::size_t kMaxInputs = 200;

class ConsolidateStage final : public Stage {
 public:
  explicit ConsolidateStage(const scenario::Consolidate& spec)
      : into_(static_cast<std::size_t>(std::max(1, spec.into()))) {}

  Seconds Step(StageContext& ctx) override {
    std::vector<Lot> lots = std::move(ctx.in);
    ctx.in.clear();
    // Groups of (chain, asset), in order of first appearance.
    std::vector<std::pair<ChainId, AssetId>> groups;
    for (const Lot& l : lots) {
      const std::pair<ChainId, AssetId> g{l.chain, l.asset};
      if (std::find(groups.begin(), groups.end(), g) == groups.end()) {
        groups.push_back(g);
      }
    }
    for (const auto& [chain, asset] : groups) {
      std::vector<std::vector<Lot>> to(into_);
      std::size_t k = 0;
      for (const Lot& l : lots) {
        if (l.chain == chain && l.asset == asset) to[k++ % into_].push_back(l);
      }
      for (std::vector<Lot>& group : to) {
        if (group.empty()) continue;
        const AddressId target = FreshAddress(ctx, chain);
        if (ctx.world->params(chain).utxo) {
          Fold(ctx, group, target);
        } else {
          Collect(ctx, group, target);
        }
      }
    }
    return kDone;
  }

 private:
  void Fold(StageContext& ctx, const std::vector<Lot>& group,
            AddressId target) {
    for (std::size_t i = 0; i < group.size(); i += kMaxInputs) {
      const std::size_t n = std::min(kMaxInputs, group.size() - i);
      const auto part = std::span<const Lot>(group).subspan(i, n);
      const Dest d{target, 0};
      Moved m = SendUtxo(ctx, part, {&d, 1}, true);
      if (m.tx == TxId::kNone) {
        for (const Lot& l : part) ctx.Emit(l);
        continue;
      }
      for (const Lot& l : m.lots) ctx.Emit(l);
    }
  }

  void Collect(StageContext& ctx, std::vector<Lot>& group, AddressId target) {
    Lot merged;
    for (Lot& l : group) {
      Moved m = SendAll(ctx, l, Dest{target, 0});
      if (l.amount > 0) ctx.Emit(l);  // could not move (or dust left)
      for (const Lot& got : m.lots) {
        if (merged.amount == 0) {
          merged = got;
        } else {
          merged.amount += got.amount;
          merged.hop = std::max(merged.hop, got.hop);
        }
      }
    }
    if (merged.amount > 0) ctx.Emit(merged);
  }

  std::size_t into_;
};

}  // namespace

std::unique_ptr<Stage> MakeConsolidate(const scenario::Consolidate& spec) {
  return std::make_unique<ConsolidateStage>(spec);
}

}  // namespace chaintrace::sim::launder
