// mixer: the lots go through a mixer named by the stage.
// - POOL mixers (fixed-denomination pools on an ACCOUNT chain, Tornado-
//   style; documented 2021: 100-ETH lots every few minutes, 5-6 lots per
//   withdrawal address — Chainalysis 2022): each lot of the pool's asset is
//   cut into deposits of one denomination (the stage's, else the largest
//   the lot affords), one every ~lot_interval; every withdrawal address
//   receives min..max_lots_per_address withdrawals, each a uniform
//   min..max_withdraw_delay after its deposit, paid by the pool through the
//   relayer (recipient gets the denomination minus the relayer fee). What
//   is left below one denomination passes on unmixed.
// - CUSTODIAL mixers (UTXO): each lot is swept to a fresh mixer address;
//   the mixer pays the lot minus its fee_bps back in min..max_lots_per_
//   address payments (just below round amounts with that fingerprint) to
//   fresh attacker addresses, each after a uniform delay, from randomly
//   chosen coins of its reserve.
// Books: deposits are in_services; each payout takes its amount (and, for
// fees, the commission) out of in_services; commissions are service fees.

#include <algorithm>

#include "model/time.h"
#include "sim/launder/moves.h"
#include "sim/launder/stage.h"

namespace chaintrace::sim::launder {
namespace {

class MixerStage final : public Stage {
 public:
  explicit MixerStage(const scenario::MixStage& spec) : spec_(spec) {}

  Seconds Step(StageContext& ctx) override {
    const MixerVenue* m = Venues::Find(ctx.venues->mixers, spec_.mixer());
    if (!started_) {
      started_ = true;
      if (m == nullptr) {
        for (const Lot& l : ctx.in) ctx.Emit(l);
        ctx.in.clear();
        return kDone;
      }
      Plan(ctx, *m);
    }
    // Run every action due now, in time order.
    while (next_ < actions_.size() && actions_[next_].time <= ctx.now()) {
      const Action a = actions_[next_++];
      if (a.deposit) {
        Deposit(ctx, *m, a.index);
      } else if (m->pool) {
        PoolWithdraw(ctx, *m, a.index);
      } else {
        CustodialPay(ctx, *m, a.index);
      }
    }
    if (next_ < actions_.size()) return actions_[next_].time;
    for (Lot& l : sources_) {
      if (l.amount > 0) ctx.Emit(l);
      l.amount = 0;
    }
    for (const Target& t : targets_) {
      if (t.lot.amount > 0) ctx.Emit(t.lot);
    }
    return kDone;
  }

  void Abandon(StageContext& ctx) override {
    for (Lot& l : sources_) {
      if (l.amount > 0) ctx.Hold(l);
      l.amount = 0;
    }
    for (Target& t : targets_) {
      if (t.lot.amount > 0) ctx.Hold(t.lot);
      t.lot.amount = 0;
    }
  }

 private:
  struct Action {
    Seconds time;
    std::uint64_t seq;
    bool deposit;
    std::size_t index;  // into deposits_ (deposit, pool withdrawal) or
                        // payouts_ (custodial payment)
  };
  struct DepositPlan {
    std::size_t source;  // into sources_
    Amount amount;       // POOL: the denomination; CUSTODIAL: the lot
    std::size_t denomination = 0;
    std::size_t target = 0;  // POOL: into targets_
    bool done = false;
    std::int32_t hop = 0;
  };
  struct Payout {
    std::size_t deposit;
    std::size_t target;
    Amount amount;
    Amount fee;  // commission booked with this payment
  };
  struct Target {
    Lot lot;  // accumulates withdrawals to one fresh address
  };

  Seconds Uniform(StageContext& ctx, const std::string& lo_text,
                  const std::string& hi_text) {
    const Seconds lo = ParseDuration(lo_text).value_or(3600);
    const Seconds hi = std::max(lo, ParseDuration(hi_text).value_or(lo));
    return ctx.rng->Between(lo, hi);
  }

  int LotsPerAddress(StageContext& ctx) const {
    const int lo = std::max(1, spec_.min_lots_per_address());
    return static_cast<int>(
        ctx.rng->Between(lo, std::max(lo, spec_.max_lots_per_address())));
  }

  void Add(Seconds t, bool deposit, std::size_t index) {
    actions_.push_back(Action{t, seq_++, deposit, index});
  }

  void Plan(StageContext& ctx, const MixerVenue& m) {
    const Seconds interval =
        std::max<Seconds>(1, ParseDuration(spec_.lot_interval()).value_or(300));
    Seconds t = ctx.now();
    std::vector<Lot> lots = std::move(ctx.in);
    ctx.in.clear();
    const Amount wanted =
        ParseUnits(ctx.world->ledger(), m.asset, spec_.denomination());
    for (const Lot& l : lots) {
      if (l.chain != m.chain || l.asset != m.asset) {
        ctx.Emit(l);
        continue;
      }
      sources_.push_back(l);
      const std::size_t s = sources_.size() - 1;
      if (!m.pool) {
        deposits_.push_back(DepositPlan{s, l.amount, 0, 0, false, l.hop});
        Add(t, true, deposits_.size() - 1);
        t += interval;
        continue;
      }
      // The denomination: the stage's, else the largest that fits.
      const bool native = m.asset == ctx.world->params(m.chain).native;
      const Amount gas =
          native ? ctx.world->GasFee(m.chain, t,
                                     ctx.world->params(m.chain).call_gas) *
                       2
                 : 0;
      std::size_t d = m.denominations.size();
      for (std::size_t k = 0; k < m.denominations.size(); ++k) {
        if (wanted > 0 ? m.denominations[k] == wanted
                       : m.denominations[k] + gas <= l.amount) {
          d = k;
        }
      }
      if (d == m.denominations.size()) continue;  // emitted as a source
      const Amount unit = m.denominations[d] + gas;
      for (Amount left = l.amount; left >= unit; left -= unit) {
        deposits_.push_back(
            DepositPlan{s, m.denominations[d], d, 0, false, l.hop});
        Add(t, true, deposits_.size() - 1);
        t += std::max<Seconds>(1, static_cast<Seconds>(ctx.rng->Exponential(
                                      static_cast<double>(interval))));
      }
    }
    // Withdrawals (POOL) or payouts (CUSTODIAL).
    if (m.pool) {
      std::size_t per = 0;
      for (std::size_t i = 0; i < deposits_.size(); ++i) {
        if (per == 0) {
          per = static_cast<std::size_t>(LotsPerAddress(ctx));
          targets_.push_back(
              Target{Lot{m.chain, m.asset, FreshAddress(ctx, m.chain),
                         OutputId::kNone, 0, 0}});
        }
        deposits_[i].target = targets_.size() - 1;
        --per;
      }
    }
    // Deposit actions are in time order; withdrawals are added as deposits
    // happen (their delays count from the deposit).
    std::sort(actions_.begin(), actions_.end(), ByTime);
  }

  static bool ByTime(const Action& a, const Action& b) {
    return a.time != b.time ? a.time < b.time : a.seq < b.seq;
  }

  // Inserts an action keeping actions_[next_..] in time order.
  void Schedule(Seconds t, bool deposit, std::size_t index) {
    const Action a{t, seq_++, deposit, index};
    actions_.insert(
        std::upper_bound(actions_.begin() + static_cast<std::ptrdiff_t>(next_),
                         actions_.end(), a, ByTime),
        a);
  }

  void Deposit(StageContext& ctx, const MixerVenue& m, std::size_t i) {
    DepositPlan& d = deposits_[i];
    Lot& src = sources_[d.source];
    if (m.pool) {
      const Dest to{m.pool_address[d.denomination], d.amount,
                    DestKind::kService};
      if (SendAccount(ctx, src, to).tx == TxId::kNone) return;
      d.hop = src.hop;
      d.done = true;
      Schedule(ctx.now() + Uniform(ctx, spec_.min_withdraw_delay(),
                                   spec_.max_withdraw_delay()),
               false, i);
      return;
    }
    const AddressId at = ctx.world->NewAddress(m.chain, m.entity,
                                               AddressRole::kService, *ctx.rng);
    Moved moved = SendAll(ctx, src, Dest{at, 0, DestKind::kService});
    if (moved.tx == TxId::kNone) return;
    const TxStore& store = ctx.world->ledger().txs(m.chain);
    const Amount got = store.output_amount(*store.outputs(moved.tx).begin());
    d.amount = got;
    d.hop = src.hop;
    d.done = true;
    // Payments: the lot minus the commission, in k parts.
    const Amount fee = Bps(got, m.fee_bps);
    const int k = LotsPerAddress(ctx);
    std::vector<double> share(static_cast<std::size_t>(k));
    ctx.rng->Dirichlet(4.0, share);
    Amount left = got - fee;
    for (int j = 0; j < k && left > 0; ++j) {
      Amount a = j + 1 == k
                     ? left
                     : static_cast<Amount>(share[static_cast<std::size_t>(j)] *
                                           static_cast<double>(got - fee));
      if (ctx.fingerprint().below_round_amounts() && j + 1 < k) {
        a = BelowRound(a, *ctx.rng);
      }
      a = std::min(a, left);
      if (a <= 0) continue;
      left -= a;
      targets_.push_back(
          Target{Lot{m.chain, m.asset, FreshAddress(ctx, m.chain),
                     OutputId::kNone, 0, 0}});
      payouts_.push_back(
          Payout{i, targets_.size() - 1, a, left == 0 ? fee : 0});
      Schedule(ctx.now() + Uniform(ctx, spec_.min_withdraw_delay(),
                                   spec_.max_withdraw_delay()),
               false, payouts_.size() - 1);
    }
  }

  void PoolWithdraw(StageContext& ctx, const MixerVenue& m, std::size_t i) {
    World& w = *ctx.world;
    const DepositPlan& d = deposits_[i];
    Target& target = targets_[d.target];
    const ChainParams& params = w.params(m.chain);
    const Amount gas = w.GasFee(m.chain, ctx.now(), params.call_gas);
    const Amount relayer_fee = Bps(d.amount, m.fee_bps);
    const InputSpec in[2] = {
        {OutputId::kNone, m.pool_address[d.denomination], d.amount},
        {OutputId::kNone, m.relayer, gas}};
    const OutputSpec out[2] = {{target.lot.address, d.amount - relayer_fee},
                               {m.relayer, relayer_fee}};
    const bool native = m.asset == params.native;
    const TxId tx =
        w.AccountTx(m.chain, ctx.now(), m.asset,
                    std::span<const InputSpec>(in, native ? 2 : 1),
                    std::span<const OutputSpec>(out, relayer_fee > 0 ? 2 : 1),
                    native ? gas : 0);
    if (tx == TxId::kNone) return;  // the claim stays with the pool
    const OutputId o = *w.ledger().txs(m.chain).outputs(tx).begin();
    const Amount got = d.amount - relayer_fee;
    MarkPayout(ctx, m.chain, tx, o, got, d.hop + 1);
    StageBook& book = ctx.Book(m.asset);
    book.in_services -= d.amount;
    book.service_fees += relayer_fee;
    target.lot.amount += got;
    target.lot.hop = std::max(target.lot.hop, d.hop + 1);
  }

  void CustodialPay(StageContext& ctx, const MixerVenue& m, std::size_t i) {
    World& w = *ctx.world;
    const Payout& p = payouts_[i];
    Target& target = targets_[p.target];
    World::PayOptions pay;
    pay.order = CoinOrder::kRandom;
    pay.change_to =
        w.NewAddress(m.chain, m.entity, AddressRole::kService, *ctx.rng);
    const OutputSpec out{target.lot.address, p.amount};
    const TxId tx =
        w.PayUtxo(m.chain, ctx.now(), m.entity, {&out, 1}, pay, *ctx.rng);
    if (tx == TxId::kNone) return;  // reserve too low: the claim stays
    const std::int32_t hop = deposits_[p.deposit].hop + 1;
    const OutputId o =
        OutputTo(w.ledger().txs(m.chain), tx, target.lot.address);
    MarkPayout(ctx, m.chain, tx, o, p.amount, hop);
    target.lot.output = o;
    target.lot.amount = p.amount;
    target.lot.hop = hop;
    StageBook& book = ctx.Book(m.asset);
    book.in_services -= p.amount + p.fee;
    book.service_fees += p.fee;
  }

  const scenario::MixStage& spec_;
  std::vector<Lot> sources_;
  std::vector<DepositPlan> deposits_;
  std::vector<Payout> payouts_;
  std::vector<Target> targets_;
  std::vector<Action> actions_;
  std::size_t next_ = 0;
  std::uint64_t seq_ = 0;
  bool started_ = false;
};

}  // namespace

std::unique_ptr<Stage> MakeMixer(const scenario::MixStage& spec) {
  return std::make_unique<MixerStage>(spec);
}

}  // namespace chaintrace::sim::launder
