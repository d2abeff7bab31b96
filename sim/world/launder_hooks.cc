// The simulation's side of laundering: it describes its services to the
// stages (launder::Venues), creates one launder::AttackRun per scenario
// attack and wakes it through the event queue, opens fake exchange
// accounts, queues cash-out deposits for sweeping, and seats attackers in
// CoinJoin rounds.

#include <algorithm>

#include "model/time.h"
#include "sim/launder/moves.h"
#include "sim/scenario/plans.h"
#include "sim/world/simulation.h"

namespace chaintrace::sim {

void Simulation::BuildVenues() {
  const std::size_t n_chains = file_->ledger.chain_count();
  for (const ExchangeState& x : exchanges_) {
    launder::ExchangeVenue v;
    v.name = x.spec->name();
    v.entity = x.entity;
    v.hot.assign(n_chains, AddressId::kNone);
    for (std::size_t c = 0; c < n_chains; ++c) {
      if (x.chains[c].active) v.hot[c] = x.chains[c].hot;
    }
    exchanges.push_back(std::move(v));
  }
  for (const MixerState& m : mixers_) {
    mixers.push_back(launder::MixerVenue{m.spec->name(), m.entity, m.chain,
                                         m.pool, m.asset, m.denominations,
                                         m.pool_address, m.relayer, m.fee_bps});
  }
  for (const CoinJoinState& c : coinjoins_) {
    coinjoins.push_back(launder::CoinJoinVenue{
        c.spec->name(), c.entity, c.chain, c.denomination, c.fee_bps,
        c.multi_denomination});
  }
  for (const BridgeState& b : bridges_) {
    launder::BridgeVenue v;
    v.name = b.spec->name();
    v.entity = b.entity;
    for (int k = 0; k < 2; ++k) {
      v.side[k] = b.side[k];
      v.address[k] = b.address[k];
    }
    v.fee_bps = b.fee_bps;
    v.delay = b.delay;
    bridges.push_back(std::move(v));
  }
  for (const DexState& d : dexes_) {
    launder::DexVenue v;
    v.name = d.spec->name();
    v.entity = d.entity;
    v.chain = d.chain;
    v.asset[0] = d.asset[0];
    v.asset[1] = d.asset[1];
    v.pool = d.pool;
    v.fee_bps = d.fee_bps;
    dexes.push_back(std::move(v));
  }
  for (const OtcState& o : otcs_) {
    otcs.push_back(launder::OtcVenue{o.spec->name(), o.entity, o.address,
                                     o.spec->otc().fee_bps()});
  }
}

Status Simulation::SetupAttacks() {
  GroundTruth& truth = *file_->truth;
  const std::size_t n_chains = file_->ledger.chain_count();
  for (const scenario::Attack& a : scenario_.attacks()) {
    const auto at = ParseCalendarTime(a.at());
    if (!at.ok()) return Status::Error("attack " + a.name() + ": bad time");
    const Seconds t = *at - start_;
    const auto id = truth.AddAttack(Attack{a.name(), a.group(), a.victim(), t});
    if (!id.ok()) return id.status();
    const EntityId attacker = truth.FindEntity(a.group());
    if (attacker == EntityId::kNone) {
      return Status::Error("attack " + a.name() + ": unknown group " +
                           a.group());
    }
    launder::VictimWallets victim;
    victim.hot.assign(n_chains, AddressId::kNone);
    victim.cold.assign(n_chains, AddressId::kNone);
    for (const ExchangeState& x : exchanges_) {
      if (x.spec->name() != a.victim()) continue;
      victim.entity = x.entity;
      for (std::size_t c = 0; c < n_chains; ++c) {
        if (!x.chains[c].active) continue;
        victim.hot[c] = x.chains[c].hot;
        victim.cold[c] = x.chains[c].cold;
      }
    }
    if (victim.entity == EntityId::kNone) {
      return Status::Error("attack " + a.name() + ": victim " + a.victim() +
                           " is not an exchange");
    }
    const scenario::Plan* plan = AttackPlan(scenario_, a);
    if (plan == nullptr) {
      return Status::Error("attack " + a.name() + ": no laundering plan");
    }
    const auto run = static_cast<std::uint32_t>(runs_.size());
    runs_.push_back(std::make_unique<launder::AttackRun>(
        a, *plan, *id, run, attacker, std::move(victim), t, seed_, n_chains));
    Schedule(t, Ev::kLaunder, run);
  }
  return Status::Ok();
}

void Simulation::OnLaunder(const Event& e) { runs_[e.a]->Wake(&world_, this); }

void Simulation::Wake(std::uint32_t run, Seconds t) {
  Schedule(t, Ev::kLaunder, run);
}

void Simulation::FinishAttacks() {
  for (auto& r : runs_) r->Finish(&world_, this);
}

std::vector<launder::AttackBook> Simulation::TakeBooks() const {
  std::vector<launder::AttackBook> books;
  for (const auto& r : runs_) books.push_back(r->book());
  return books;
}

std::vector<AttackShortfall> Simulation::TakeShortfalls() const {
  std::vector<AttackShortfall> out;
  for (std::size_t i = 0; i < runs_.size(); ++i) {
    for (const auto& [asset, missing] : runs_[i]->shortfall()) {
      out.push_back(AttackShortfall{
          scenario_.attacks(static_cast<int>(i)).name(), asset, missing});
    }
  }
  return out;
}

AddressId Simulation::NewFakeAccountDeposit(std::size_t exchange, ChainId chain,
                                            Rng& rng) {
  return world_.NewAddress(chain, exchanges_[exchange].entity,
                           AddressRole::kExchangeDeposit, rng);
}

void Simulation::QueueSweep(std::size_t exchange, ChainId chain,
                            AddressId deposit) {
  NoteDeposit(static_cast<std::uint32_t>(exchange), chain, deposit);
}

void Simulation::JoinCoinJoin(std::size_t coinjoin, std::uint32_t run,
                              launder::CoinJoinSeat* seat) {
  coinjoins_[coinjoin].seats.push_back(CoinJoinSeatRef{run, seat});
}

std::vector<Simulation::CoinJoinSeatRef> Simulation::SeatAttackers(
    CoinJoinState& c, double rate, Amount* coordinator_fees) {
  std::vector<CoinJoinSeatRef> seated;
  const ChainParams& params = world_.params(c.chain);
  const TxStore& store = file_->ledger.txs(c.chain);
  const Amount per_output = launder::Bps(c.denomination, c.fee_bps);
  for (const CoinJoinSeatRef& ref : c.seats) {
    launder::CoinJoinSeat& s = *ref.seat;
    Amount in = 0;
    for (OutputId o : s.coins) in += store.output_amount(o);
    // Equal outputs it can pay for with its share of the mining fee.
    auto n = static_cast<std::int64_t>(s.equal_to.size());
    Amount mining = 0;
    Amount change = -1;
    for (; n > 0; --n) {
      mining = VbytesFee(rate, params.input_vbytes * static_cast<std::int64_t>(
                                                         s.coins.size()) +
                                   params.output_vbytes * (n + 1));
      change = in - n * (c.denomination + per_output) - mining;
      if (change >= 0) break;
    }
    if (n <= 0) {
      s.done = true;  // cannot afford one output: not seated
      Schedule(world_.now(), Ev::kLaunder, ref.run);
      continue;
    }
    s.equal_to.resize(static_cast<std::size_t>(n));
    s.coordinator_fee = n * per_output;
    s.coordinator_fee_to = c.fee_address;
    if (change <= 546) change = 0;  // dust: left to the mining fee
    s.change = change;
    s.fee_paid = in - n * c.denomination - change;
    for (OutputId o : s.coins) coins_.push_back(o);
    for (AddressId a : s.equal_to)
      outs_.push_back(OutputSpec{a, c.denomination});
    if (change > 0) outs_.push_back(OutputSpec{s.change_to, change});
    *coordinator_fees += s.coordinator_fee;
    seated.push_back(ref);
  }
  c.seats.clear();
  return seated;
}

void Simulation::SettleSeats(const CoinJoinState& c,
                             const std::vector<CoinJoinSeatRef>& seated,
                             TxId tx) {
  (void)c;
  for (const CoinJoinSeatRef& ref : seated) {
    ref.seat->tx = tx;
    ref.seat->done = true;
    Schedule(world_.now(), Ev::kLaunder, ref.run);
  }
}

}  // namespace chaintrace::sim
