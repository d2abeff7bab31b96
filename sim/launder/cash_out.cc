// cash_out: the lots are deposited at exchanges through fake-KYC accounts
// (documented: dozens of accounts opened the same day; OTC traders making
// hundreds of deposits; one 2018 haul cashed out through >= 5,000
// transactions — UN Panel 2019). About `deposits` deposits in all, spread
// over the lots by value, one every ~interval (exponential gaps), each to
// one of at most accounts_per_exchange accounts per exchange, exchanges
// drawn by weight (all exchanges on the lot's chain when none are named).
// With structure_below_usd > 0 no deposit reaches that USD value (more
// deposits are made instead); with test_deposits the first deposit to each
// account is preceded by a small test payment; with below_round_amounts
// deposits are just below round numbers. A deposit on a UTXO chain returns
// its change to a fresh attacker address, which makes the next one.

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "model/time.h"
#include "sim/launder/fake_accounts.h"
#include "sim/launder/moves.h"
#include "sim/launder/stage.h"

namespace chaintrace::sim::launder {
namespace {

std::vector<ExchangeChoice> Choices(const scenario::CashOut& spec) {
  std::vector<ExchangeChoice> c;
  for (const scenario::ExchangeWeight& w : spec.exchanges()) {
    c.push_back({w.exchange(), w.weight()});
  }
  return c;
}

class CashOutStage final : public Stage {
 public:
  explicit CashOutStage(const scenario::CashOut& spec)
      : spec_(spec), accounts_(Choices(spec), spec.accounts_per_exchange()) {}

  Seconds Step(StageContext& ctx) override {
    if (!started_) {
      started_ = true;
      lots_ = std::move(ctx.in);
      ctx.in.clear();
      Amount total = 0;
      for (const Lot& l : lots_) total += l.amount;
      for (const Lot& l : lots_) {
        const double share = total > 0 ? static_cast<double>(l.amount) /
                                             static_cast<double>(total)
                                       : 0;
        left_.push_back(std::max<int>(
            1, static_cast<int>(std::lround(share * spec_.deposits()))));
      }
      interval_ =
          std::max<Seconds>(1, ParseDuration(spec_.interval()).value_or(1200));
    }
    // One deposit per wake, from the first lot with value left.
    std::size_t i = 0;
    while (i < lots_.size() && lots_[i].amount <= 0) ++i;
    if (i == lots_.size()) return kDone;
    if (!Deposit(ctx, i)) {
      ctx.Emit(lots_[i]);  // cannot deposit (no exchange, too small)
      lots_[i].amount = 0;
    }
    return ctx.now() +
           std::max<Seconds>(1, static_cast<Seconds>(ctx.rng->Exponential(
                                    static_cast<double>(interval_))));
  }

  void Abandon(StageContext& ctx) override {
    for (Lot& l : lots_) {
      if (l.amount > 0) ctx.Hold(l);
      l.amount = 0;
    }
  }

 private:
  bool Deposit(StageContext& ctx, std::size_t i) {
    Lot& lot = lots_[i];
    bool fresh = false;
    Dest d = accounts_.Pick(ctx, lot.chain, &fresh);
    if (d.address == AddressId::kNone) return false;
    const bool utxo = ctx.world->params(lot.chain).utxo;
    const bool token = lot.asset != ctx.world->params(lot.chain).native;
    const Amount reserve =
        utxo ? ctx.world->UtxoFee(lot.chain, ctx.now(), 1, 2) * 3
             : (token ? 0 : TransferGas(ctx, lot.chain, false) * 3);
    if (lot.amount <= reserve) return false;
    // This deposit's size: an equal share of what is left, jittered, capped
    // by the structuring threshold.
    const int n = std::max(1, left_[i]);
    Amount amount = lot.amount / n;
    if (n > 1) {
      amount = static_cast<Amount>(static_cast<double>(amount) *
                                   (0.7 + 0.6 * ctx.rng->Uniform01()));
    }
    const Amount cap =
        spec_.structure_below_usd().empty()
            ? 0
            : ctx.venues->UsdToUnits(
                  lot.asset, ctx.now(),
                  std::strtod(spec_.structure_below_usd().c_str(), nullptr));
    if (cap > 0) amount = std::min(amount, cap - 1 - cap / 100);
    if (ctx.fingerprint().below_round_amounts()) {
      amount = BelowRound(amount, *ctx.rng);
    }
    const bool last = n <= 1 && (cap <= 0 || lot.amount - reserve < cap);
    if (fresh && ctx.fingerprint().test_deposits()) {
      Dest test = d;
      test.amount = std::max<Amount>(1, amount / 200);
      if (test.amount < lot.amount - reserve) (void)Send(ctx, lot, {&test, 1});
    }
    Moved m;
    if (last) {
      m = SendAll(ctx, lot, d);
    } else {
      d.amount = std::min(amount, lot.amount - reserve);
      if (d.amount <= 0) return false;
      m = Send(ctx, lot, {&d, 1});
    }
    if (m.tx == TxId::kNone) return false;
    --left_[i];
    return true;
  }

  const scenario::CashOut& spec_;
  FakeAccounts accounts_;
  std::vector<Lot> lots_;
  std::vector<int> left_;  // deposits left per lot
  Seconds interval_ = 1200;
  bool started_ = false;
};

}  // namespace

std::unique_ptr<Stage> MakeCashOut(const scenario::CashOut& spec) {
  return std::make_unique<CashOutStage>(spec);
}

}  // namespace chaintrace::sim::launder
