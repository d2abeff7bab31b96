// coinjoin: each UTXO lot on the coordinator's chain joins `rounds` rounds
// of the coordinator's CoinJoin, alongside the round's benign participants
// (documented 2021: "mix BTC via CoinJoin", Chainalysis 2022). In a round a
// lot buys as many equal outputs of the round's denomination as it affords
// (at most 20 per lot and round, so that one attacker does not fill the
// round), each to a fresh attacker address, and takes its change (the
// linkable "toxic change") to another; it pays its share of the mining fee
// and the coordinator's fee per equal output. Later rounds remix every
// output of the previous one. Lots too small for one output pass on.
// With a multi-denomination (Wasabi 2 style) coordinator a lot asks for up
// to 20 outputs and the coordinator pays it in standard denominations,
// largest first (sim/world/multi_denomination.cc), so a large lot comes out
// in a few large outputs and little or no change.

#include <algorithm>
#include <memory>

#include "model/standard_denominations.h"
#include "sim/launder/moves.h"
#include "sim/launder/stage.h"

namespace chaintrace::sim::launder {
namespace {

constexpr int kMaxEqualOutputs = 20;

class CoinJoinStage final : public Stage {
 public:
  explicit CoinJoinStage(const scenario::CoinJoinStage& spec) : spec_(spec) {}

  Seconds Step(StageContext& ctx) override {
    const auto it = std::find_if(
        ctx.venues->coinjoins.begin(), ctx.venues->coinjoins.end(),
        [&](const CoinJoinVenue& v) { return v.name == spec_.coordinator(); });
    if (it == ctx.venues->coinjoins.end()) return PassAll(ctx);
    const CoinJoinVenue& v = *it;
    const auto venue =
        static_cast<std::size_t>(it - ctx.venues->coinjoins.begin());
    if (!seats_.empty()) {
      if (!Collect(ctx, v)) return ctx.now() + 60;  // the round has not run
      ++round_;
    }
    if (round_ >= spec_.rounds()) return PassAll(ctx);
    // Seat every lot of the chain that affords one equal output.
    std::vector<Lot> lots = std::move(ctx.in);
    ctx.in.clear();
    for (const Lot& l : lots) {
      const Amount mixable = l.amount - l.amount / 50;
      const int n =
          v.multi_denomination
              ? (mixable >= kMinStandardDenomination ? kMaxEqualOutputs : 0)
              : static_cast<int>(std::min<Amount>(kMaxEqualOutputs,
                                                  mixable / v.denomination));
      if (l.chain != v.chain || n < 1) {
        ctx.in.push_back(l);
        continue;
      }
      auto seat = std::make_unique<CoinJoinSeat>();
      seat->coins.push_back(l.output);
      for (int k = 0; k < n; ++k) {
        seat->equal_to.push_back(FreshAddress(ctx, v.chain));
      }
      seat->change_to = FreshAddress(ctx, v.chain);
      ctx.venues->JoinCoinJoin(venue, ctx.run, seat.get());
      seated_.push_back(l);
      seats_.push_back(std::move(seat));
    }
    if (seats_.empty()) return PassAll(ctx);
    // Woken by the coordinator after its round; poll as a fallback.
    return ctx.now() + Seconds{86400};
  }

  void Abandon(StageContext& ctx) override {
    // A round that ran is booked; a seat whose round never ran keeps its
    // coin unspent. Either way the lots end in ctx.in, which the runner
    // holds.
    for (std::size_t i = 0; i < seats_.size(); ++i) {
      if (seats_[i]->done) {
        CollectSeat(ctx, seated_[i].chain, i);
      } else {
        ctx.in.push_back(seated_[i]);
      }
    }
    seats_.clear();
    seated_.clear();
  }

 private:
  Seconds PassAll(StageContext& ctx) {
    for (const Lot& l : ctx.in) ctx.Emit(l);
    ctx.in.clear();
    return kDone;
  }

  // Books a finished round; false while it has not run.
  bool Collect(StageContext& ctx, const CoinJoinVenue& v) {
    for (const auto& s : seats_) {
      if (!s->done) return false;
    }
    for (std::size_t i = 0; i < seats_.size(); ++i)
      CollectSeat(ctx, v.chain, i);
    seats_.clear();
    seated_.clear();
    return true;
  }

  // Marks the outputs of seat i in the truth and takes them as lots (or
  // takes the lot back when its round failed).
  void CollectSeat(StageContext& ctx, ChainId chain, std::size_t i) {
    const CoinJoinSeat& s = *seats_[i];
    const Lot& lot = seated_[i];
    if (s.tx == TxId::kNone) {  // the round failed: the coin is unspent
      ctx.in.push_back(lot);
      return;
    }
    const TxStore& store = ctx.world->ledger().txs(chain);
    const AssetId asset = ctx.world->params(chain).native;
    const std::int32_t hop = lot.hop + 1;
    (void)ctx.truth().SetTx(chain, s.tx, ctx.attack, ctx.kind, ctx.index, hop);
    for (OutputId o : store.outputs(s.tx)) {
      const AddressId a = store.output_address(o);
      const bool equal = std::find(s.equal_to.begin(), s.equal_to.end(), a) !=
                         s.equal_to.end();
      if (!equal && a != s.change_to) continue;
      const Amount amount = store.output_amount(o);
      ctx.truth().SetStolen(chain, o, amount, ctx.attack);
      ctx.in.push_back(Lot{chain, asset, a, o, amount, hop});
    }
    // The coordinator's fee output carries the attacker's commission; one
    // output carries one attack's value, so a fee output another attack
    // already marks gets none and the commission counts as lost to fees.
    StageBook& book = ctx.Book(asset);
    Amount commission = 0;
    for (OutputId o : store.outputs(s.tx)) {
      if (s.coordinator_fee <= 0 ||
          store.output_address(o) != s.coordinator_fee_to) {
        continue;
      }
      const AttackId other = ctx.truth().stolen_attack(chain, o);
      if (other != AttackId::kNone && other != ctx.attack) break;
      ctx.truth().SetStolen(chain, o,
                            ctx.truth().stolen(chain, o) + s.coordinator_fee,
                            ctx.attack);
      commission = s.coordinator_fee;
      break;
    }
    book.service_fees += commission;
    book.network_fees += s.fee_paid - commission;
  }

  const scenario::CoinJoinStage& spec_;
  int round_ = 0;
  std::vector<std::unique_ptr<CoinJoinSeat>> seats_;
  std::vector<Lot> seated_;  // the lot behind each seat
};

}  // namespace

std::unique_ptr<Stage> MakeCoinJoin(const scenario::CoinJoinStage& spec) {
  return std::make_unique<CoinJoinStage>(spec);
}

}  // namespace chaintrace::sim::launder
