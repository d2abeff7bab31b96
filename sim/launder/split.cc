// split: fan-out to `ways` fresh addresses with uneven amounts, the shares
// drawn from a symmetric Dirichlet(evenness). UTXO: one transaction per
// chain spending every lot (at most 200 inputs each); ACCOUNT: each lot
// sends its share of the ways from its address, one transfer each. With
// below_round_amounts, every part is cut to just below a round number and
// the rest stays as change.

#include <algorithm>
#include <cmath>

#include "sim/launder/moves.h"
#include "sim/launder/stage.h"

namespace chaintrace::sim::launder {
namespace {

constexpr std::size_t kMaxInputs = 200;

class SplitStage final : public Stage {
 public:
  explicit SplitStage(const scenario::Split& spec) : spec_(spec) {}

  Seconds Step(StageContext& ctx) override {
    Amount total = 0;
    for (const Lot& l : ctx.in) total += l.amount;
    std::vector<Lot> lots = std::move(ctx.in);
    ctx.in.clear();
    std::vector<Lot> utxo;
    for (Lot& l : lots) {
      if (ctx.world->params(l.chain).utxo) {
        utxo.push_back(l);
        continue;
      }
      const int ways = Ways(l.amount, total);
      SplitAccount(ctx, l, ways);
    }
    // UTXO lots, per chain, in batches of at most kMaxInputs inputs.
    std::stable_sort(utxo.begin(), utxo.end(), [](const Lot& a, const Lot& b) {
      return Index(a.chain) < Index(b.chain);
    });
    for (std::size_t i = 0; i < utxo.size();) {
      std::size_t j = i;
      Amount sum = 0;
      while (j < utxo.size() && j - i < kMaxInputs &&
             utxo[j].chain == utxo[i].chain) {
        sum += utxo[j++].amount;
      }
      SplitUtxo(ctx, std::span<const Lot>(utxo).subspan(i, j - i),
                Ways(sum, total));
      i = j;
    }
    return kDone;
  }

 private:
  int Ways(Amount part, Amount total) const {
    if (total <= 0) return 1;
    const double w = static_cast<double>(spec_.ways()) *
                     static_cast<double>(part) / static_cast<double>(total);
    return std::max(1, static_cast<int>(std::lround(w)));
  }

  std::vector<Amount> Shares(StageContext& ctx, Amount amount, int ways) {
    std::vector<double> share(static_cast<std::size_t>(ways));
    ctx.rng->Dirichlet(spec_.evenness(), share);
    std::vector<Amount> parts;
    for (double s : share) {
      Amount a =
          static_cast<Amount>(std::floor(s * static_cast<double>(amount)));
      if (ctx.fingerprint().below_round_amounts()) a = BelowRound(a, *ctx.rng);
      if (a > 0) parts.push_back(a);
    }
    return parts;
  }

  void SplitUtxo(StageContext& ctx, std::span<const Lot> lots, int ways) {
    Amount have = 0;
    for (const Lot& l : lots) have += l.amount;
    const ChainId chain = lots[0].chain;
    const Amount fee = ctx.world->UtxoFee(chain, ctx.now(), lots.size(),
                                          static_cast<std::size_t>(ways) + 1);
    std::vector<Dest> to;
    for (Amount a : Shares(ctx, have - 2 * fee, ways)) {
      to.push_back(Dest{FreshAddress(ctx, chain), a});
    }
    Moved m = to.empty() ? Moved{} : SendUtxo(ctx, lots, to);
    if (m.tx == TxId::kNone) {
      for (const Lot& l : lots) ctx.Emit(l);  // could not split: pass on
      return;
    }
    for (const Lot& l : m.lots) ctx.Emit(l);
    if (m.change) ctx.Emit(*m.change);
  }

  void SplitAccount(StageContext& ctx, Lot lot, int ways) {
    const bool token = lot.asset != ctx.world->params(lot.chain).native;
    const Amount gas = token ? 0 : TransferGas(ctx, lot.chain, false);
    const Amount avail = lot.amount - gas * ways;
    std::vector<Amount> parts =
        avail > 0 ? Shares(ctx, avail, ways) : std::vector<Amount>{};
    for (std::size_t i = 0; i < parts.size(); ++i) {
      Amount a = parts[i];
      // The last part takes what is left, unless amounts must look round.
      if (i + 1 == parts.size() && !ctx.fingerprint().below_round_amounts()) {
        a = lot.amount - gas;
      }
      if (a <= 0) break;
      Moved m = SendAccount(ctx, lot, Dest{FreshAddress(ctx, lot.chain), a});
      for (const Lot& l : m.lots) ctx.Emit(l);
    }
    if (lot.amount > 0) ctx.Emit(lot);
  }

  const scenario::Split& spec_;
};

}  // namespace

std::unique_ptr<Stage> MakeSplit(const scenario::Split& spec) {
  return std::make_unique<SplitStage>(spec);
}

}  // namespace chaintrace::sim::launder
